"""Sharing a server within a course: JupyterHub's shares, fenced by course.

JupyterHub (5.0 and later) lets a user share their server with another user, a group, or
anyone holding a share code, and the Share button of jupyter-collaboration uses that API.
JupyterHub itself has no notion of a course, so the hub adds a fence in four places, each a
subclass of JupyterHub's own handler registered in front of it:

* ``POST /hub/api/shares/<owner>/<server>``: a share with a user who is in none of the
  owner's courses, or with a group that is not one of them, is refused (403);
* ``/hub/accept-share?code=...``: a share code is refused to anyone outside the owner's courses;
* ``GET /hub/api/users`` and ``GET /hub/api/users/<name>``: the Share dialog lists people with
  the names-only scopes every user holds (``list:users``, ``read:users:name``, which the dialog
  insists on unfiltered); a user who may not read everyone sees only the people of their own
  courses, as a group-filtered scope would give.

Admins pass every fence.  Inside each server, :mod:`timewarp_hub.share_guard` closes the
connections of anyone whose access ends, so revoking a share cuts the person off at once.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from jupyterhub import orm
from jupyterhub._memoize import FrozenDict
from jupyterhub.apihandlers.shares import ServerShareAPIHandler
from jupyterhub.apihandlers.users import UserAPIHandler, UserListAPIHandler
from jupyterhub.handlers.pages import AcceptShareHandler
from jupyterhub.scopes import Scope
from jupyterhub.user import User
from tornado import web

from timewarp_hub.roles import standing
from timewarp_hub.settings import HubSettings

#: What a server's page token may do for its user besides reaching the server: exactly what
#: jupyter-collaboration's Share dialog looks for before it offers to share.
SHARE_DIALOG_SCOPES = ["read:users:name", "list:users", "shares!user"]

#: Scopes narrowed to the user's courses when the user may not read every user.
NAMES_SCOPES = ("list:users", "read:users:name")


class CourseRule:
    """Who shares a course with whom, read from hub groups as :mod:`timewarp_hub.roles` does."""

    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings

    def courses(self, orm_user: orm.User) -> set[str]:
        return set(standing([g.name for g in orm_user.groups], self.settings).courses)

    def common(self, a: orm.User, b: orm.User) -> set[str]:
        return self.courses(a) & self.courses(b)


class _Fenced:
    """Handler mixin: the course rule, and the admin's way round the fence."""

    def initialize(self, courses: CourseRule) -> None:
        self.courses = courses

    def _passes_fence(self) -> bool:
        """Admins, services and requests without a user are left to JupyterHub's own checks."""
        user = self.current_user
        return not isinstance(user, User) or bool(user.admin)


def _refusal(owner: orm.User, recipient_name: str, courses: set[str]) -> web.HTTPError:
    listed = ", ".join(sorted(courses)) or "none"
    return web.HTTPError(
        403, f"{owner.name} can only share with people in their own courses ({listed}); "
             f"{recipient_name} is in none of them.")


class CourseShareAPIHandler(_Fenced, ServerShareAPIHandler):
    """Grant a share only to a classmate of the server's owner, or to one of their courses."""

    async def post(self, user_name, server_name=None):
        if server_name is not None and not self._passes_fence():
            self._check_recipient(user_name, self.get_json_body() or {})
        return await super().post(user_name, server_name)

    def _check_recipient(self, owner_name: str, model: dict) -> None:
        owner = orm.User.find(self.db, owner_name)
        if owner is None:
            return  # JupyterHub answers 404 for a missing owner
        own_courses = self.courses.courses(owner)
        if isinstance(model.get("user"), str):
            recipient = orm.User.find(self.db, model["user"])
            if recipient is not None and not self.courses.common(owner, recipient):
                raise _refusal(owner, recipient.name, own_courses)
        if isinstance(model.get("group"), str) and model["group"] not in own_courses:
            raise web.HTTPError(
                403, f"{owner.name} can only share with one of their own courses "
                     f"({', '.join(sorted(own_courses)) or 'none'}), not {model['group']}.")


class CourseAcceptShareHandler(_Fenced, AcceptShareHandler):
    """Accept a share code only from a classmate of the server's owner."""

    def _check_code(self) -> None:
        if self._passes_fence():
            return
        share_code = orm.ShareCode.find(self.db, code=self.get_argument("code", ""))
        if share_code is None:
            return  # JupyterHub's own answer: not found or expired
        me = self.current_user.orm_user
        if not self.courses.common(share_code.owner, me):
            raise _refusal(share_code.owner, me.name, self.courses.courses(share_code.owner))

    @web.authenticated
    async def get(self):
        self._check_code()
        return await super().get()

    @web.authenticated
    async def post(self):
        self._check_code()
        return super().post()


class _CourseNames(_Fenced):
    """Narrow the names-only scopes to the user's courses (and the user) before any check."""

    async def prepare(self):
        await super().prepare()
        user = self.current_user
        if (user is None or self._passes_fence()
                or self.parsed_scopes.get("read:users") == Scope.ALL):
            return
        mine = {"group": self.courses.courses(user.orm_user), "user": {user.name}}
        narrowed = dict(self.parsed_scopes)
        for scope in NAMES_SCOPES:
            if narrowed.get(scope) == Scope.ALL:
                narrowed[scope] = mine
        self.parsed_scopes = FrozenDict(narrowed)


class CourseUserListAPIHandler(_CourseNames, UserListAPIHandler):
    """``GET /hub/api/users``, listing only the user's classmates."""


class CourseUserAPIHandler(_CourseNames, UserAPIHandler):
    """``GET /hub/api/users/<name>``, naming only the user's classmates."""


def course_handlers(settings: HubSettings) -> list[tuple]:
    """The fenced handlers, to be placed in front of JupyterHub's own."""
    rule = {"courses": CourseRule(settings)}
    return [
        (r"/api/users", CourseUserListAPIHandler, rule),
        (r"/api/users/([^/]+)", CourseUserAPIHandler, rule),
        (r"/api/shares/([^/]+)/([^/]*)", CourseShareAPIHandler, rule),
        (r"/accept-share", CourseAcceptShareHandler, rule),
    ]


def _resolve(authenticator_class) -> type:
    """A class from JupyterHub's authenticator_class value (a class, entry point or path)."""
    if isinstance(authenticator_class, type):
        return authenticator_class
    found = entry_points(group="jupyterhub.authenticators", name=authenticator_class)
    if found:
        return next(iter(found)).load()
    module, _, name = authenticator_class.rpartition(".")
    return getattr(import_module(module), name)


def with_course_sharing(authenticator_class, settings: HubSettings) -> type:
    """The authenticator class, extended to register the fenced handlers.

    JupyterHub puts an authenticator's handlers before its own, which is the one supported
    way to stand in front of a built-in page.  Configuration written for the original class
    (``c.GenericOAuthenticator...``) still applies: traitlets reads it for subclasses.
    """
    base = _resolve(authenticator_class)

    def get_handlers(self, app):
        return [*course_handlers(settings), *base.get_handlers(self, app)]

    return type(base.__name__, (base,), {"get_handlers": get_handlers,
                                         "__module__": __name__,
                                         "__doc__": base.__doc__})


def configure_sharing(c, settings: HubSettings) -> None:
    """Course-fenced sharing, and a Share button that works in every server.

    The servers' side (the share guard) is a server extension that this package's install
    enables in the environment (etc/jupyter/jupyter_server_config.d/timewarp_hub.json).
    """
    c.JupyterHub.authenticator_class = with_course_sharing(
        c.JupyterHub.authenticator_class, settings)
    c.Spawner.oauth_client_allowed_scopes = list(SHARE_DIALOG_SCOPES)
