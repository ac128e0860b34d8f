"""nbgrader on the hub: the exchange, a formgrader per course, and what each role's server loads.

What the hub sets up when it starts (``HubSettings.grading``, local spawner):

* ``<grading_dir>/exchange``: nbgrader's exchange, made by root so no student can plant a course
  folder in it.  Each course's folder belongs to the course's grader account: ``outbound``
  (released assignments, readable), ``inbound`` (2733: a student can drop a submission in but
  not list anyone's; each submission is then readable by its owner and the grader only) and ``feedback`` (0711: files are found only by a name derived
  from the secret stored with the student's own submission).
* per course, a Unix account (``grader_unix_prefix`` + course id) whose private home is the
  course folder (source, release, submitted, autograded, feedback, gradebook.db), and a hub
  service of the course's name running JupyterLab with formgrader as that account.  Teachers
  of the course reach it (scope ``access:services!service=<course>``), so two teachers share
  one gradebook; nobody else does.
* ``<grading_dir>/config/<role>``: the configuration each kind of server reads through
  ``JUPYTER_CONFIG_PATH``: students get the assignment list and no formgrader, teachers the
  assignment list and a course list whose links open formgrader in a tab of its own
  (JupyterHub's content security policy forbids formgrader's iframe), the course services
  formgrader and nothing a student uses.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from timewarp_hub.accounts import ensure_account, unix_name
from timewarp_hub.authenticators import ConfigurationError
from timewarp_hub.courses import (known_courses, nbgrader_groups, taught_courses)
from timewarp_hub.settings import HubSettings

_EXCHANGE = "timewarp_grading.hub_exchange"
EXCHANGE_CLASSES = {
    "exchange": f"{_EXCHANGE}.HubExchange",
    "fetch_assignment": f"{_EXCHANGE}.HubFetchAssignment",
    "fetch_feedback": f"{_EXCHANGE}.HubFetchFeedback",
    "release_assignment": f"{_EXCHANGE}.HubReleaseAssignment",
    "release_feedback": f"{_EXCHANGE}.HubReleaseFeedback",
    "list": f"{_EXCHANGE}.HubList",
    "submit": f"{_EXCHANGE}.HubSubmit",
    "collect": f"{_EXCHANGE}.HubCollect",
}
_NB = "nbgrader.server_extensions."
SERVER_EXTENSIONS = {
    "student": {_NB + "formgrader": False, _NB + "course_list": False,
                _NB + "assignment_list": True, _NB + "validate_assignment": True},
    "teacher": {_NB + "formgrader": False, _NB + "course_list": False,
                "timewarp_grading.hub_course_list": True,
                _NB + "assignment_list": True, _NB + "validate_assignment": True},
    "course": {_NB + "formgrader": True, _NB + "course_list": False,
               _NB + "assignment_list": False, _NB + "validate_assignment": True,
               "timewarp_grading.hub_export": True},
}
_LAB = "@jupyter/nbgrader:"
#: JupyterLab plugins turned off per role; formgrader's own plugin only ever shows an iframe
#: the content security policy blanks, so formgrader is always opened as a page of its own.
DISABLED_LAB_PLUGINS = {
    "student": [_LAB + "formgrader", _LAB + "course-list", _LAB + "create-assignment"],
    "teacher": [_LAB + "formgrader"],
    "course": [_LAB + "formgrader", _LAB + "course-list", _LAB + "assignment-list"],
}
#: Students and teachers submit under their hub name, not their Unix account's (tw-...).
STUDENT_ID_CONFIG = """\
# Written by the Time Warp hub: submissions carry the hub user name.
import os
c = get_config()  # noqa
c.CourseDirectory.student_id = os.environ.get("JUPYTERHUB_USER") or "*"
"""
#: What a user's server token may do besides the default: read its owner's name and groups,
#: which nbgrader's JupyterHubAuthPlugin needs to list the owner's courses.
SERVER_TOKEN_SCOPES = ["users:activity!user", "access:servers!server",
                       "read:users:name!user", "read:users:groups!user"]


@dataclass(frozen=True)
class Course:
    """One course as the hub grades it."""

    id: str
    group: str
    grader: str
    directory: Path
    port: int


@dataclass(frozen=True)
class Layout:
    """Where grading lives on disk."""

    root: Path

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def courses(self) -> Path:
        return self.root / "courses"

    def config(self, role: str) -> Path:
        return self.root / "config" / role


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_prefixes(settings: HubSettings) -> None:
    """A hub user must never get a grader's account: neither prefix may start the other."""
    user, grader = settings.unix_user_prefix, settings.grader_unix_prefix
    if not grader or grader.startswith(user) or user.startswith(grader):
        raise ConfigurationError(
            f"grader_unix_prefix {grader!r} and unix_user_prefix {user!r} must differ so that "
            "neither starts with the other, or a hub user could get a course's grader account")


def courses(settings: HubSettings, as_root: bool) -> list[Course]:
    """Every course the hub grades, with its grader account and folder."""
    layout = Layout(Path(settings.grading_dir))
    found = []
    for cid, group in known_courses(settings).items():
        grader = unix_name(settings.grader_unix_prefix, cid) if as_root else getpass.getuser()
        folder = layout.courses / unix_name(settings.grader_unix_prefix, cid)
        found.append(Course(cid, group, grader, folder, _free_port()))
    return found


def _make_dir(path: Path, mode: int, owner: tuple[int, int] | None) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if owner is not None:
        os.chown(path, *owner)
    os.chmod(path, mode)


def _write(path: Path, text: str) -> None:
    """Replace the file in one step: a server may be reading it as the hub starts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    os.chmod(partial, 0o644)
    os.replace(partial, path)


def _owner(course: Course, as_root: bool) -> tuple[int, int] | None:
    if not as_root:
        return None
    entry = ensure_account(course.grader, str(course.directory.parent))
    return entry.pw_uid, entry.pw_gid


def prepare_course(layout: Layout, course: Course, as_root: bool) -> None:
    """The course's folder (its grader's private home) and its folders in the exchange."""
    layout.courses.mkdir(parents=True, exist_ok=True)
    os.chmod(layout.courses, 0o755)
    owner = _owner(course, as_root)
    _make_dir(course.directory, 0o700, owner)
    exchange = layout.exchange / course.id
    _make_dir(exchange, 0o755, owner)
    _make_dir(exchange / "outbound", 0o755, owner)
    # Set-group-id: a submission takes the grader's group, so it can be closed to everyone else.
    _make_dir(exchange / "inbound", 0o2733, owner)
    _make_dir(exchange / "feedback", 0o711, owner)


def _common_nbgrader(layout: Layout) -> dict:
    return {"Exchange": {"root": str(layout.exchange), "path_includes_course": True},
            "ExchangeFactory": dict(EXCHANGE_CLASSES)}


def _write_role(layout: Layout, role: str, nbgrader: dict, extra_py: str = "") -> None:
    folder = layout.config(role)
    _write(folder / "nbgrader_config.json", json.dumps(nbgrader, indent=1))
    if extra_py:
        _write(folder / "nbgrader_config.py", extra_py)
    server = {"ServerApp": {"jpserver_extensions": SERVER_EXTENSIONS[role.split("-")[0]]}}
    if role.startswith("course-"):
        server["ServerApp"]["default_url"] = "/formgrader"
    _write(folder / "jupyter_server_config.json", json.dumps(server, indent=1))
    disabled = {name: True for name in DISABLED_LAB_PLUGINS[role.split("-")[0]]}
    _write(folder / "labconfig" / "page_config.json",
           json.dumps({"disabledExtensions": disabled}, indent=1))


def write_role_configs(layout: Layout, settings: HubSettings, graded: list[Course],
                       as_root: bool) -> None:
    """The configuration folders the students', teachers' and courses' servers read."""
    for role in ("student", "teacher"):
        nbgrader = _common_nbgrader(layout)
        nbgrader["Authenticator"] = {"plugin_class": "nbgrader.auth.JupyterHubAuthPlugin"}
        _write_role(layout, role, nbgrader, STUDENT_ID_CONFIG)
    for course in graded:
        nbgrader = _common_nbgrader(layout)
        nbgrader["CourseDirectory"] = {"root": str(course.directory), "course_id": course.id}
        # The course service serves one course: it needs no course list from the hub (and
        # nbgrader's JupyterHub plugin would look up its account as a hub user, #1872).
        nbgrader["Authenticator"] = {"plugin_class": "nbgrader.auth.NoAuthPlugin"}
        nbgrader["StudentAccounts"] = {"student_unix_prefix": settings.unix_user_prefix,
                                       "check_owners": as_root}
        # HubCollect checks owners itself (and refuses); nbgrader's own check only warns,
        # wrongly, because hub names and Unix names differ by the prefix.
        nbgrader["HubCollect"] = {"check_owner": False}
        if settings.grading_cell_seconds > 0:
            nbgrader["GradingExecute"] = {"cell_time_limit": settings.grading_cell_seconds}
        _write_role(layout, f"course-{course.id}", nbgrader)


def prepare(settings: HubSettings, as_root: bool) -> list[Course]:
    """Create the exchange, the courses' folders and accounts, and the role configuration;
    return the courses graded (none: nothing is created)."""
    check_prefixes(settings)
    graded = courses(settings, as_root)
    if not graded:
        # No course, nothing to grade: leave the disk alone.
        return []
    layout = Layout(Path(settings.grading_dir))
    _make_dir(layout.root, 0o755, (0, 0) if as_root else None)
    _make_dir(layout.exchange, 0o755, (0, 0) if as_root else None)
    for course in graded:
        prepare_course(layout, course, as_root)
    wanted = {f"course-{course.id}" for course in graded}
    for old in (layout.root / "config").glob("course-*"):
        if old.name not in wanted:
            shutil.rmtree(old)
    write_role_configs(layout, settings, graded, as_root)
    for folder in (layout.root / "config").rglob("*"):
        if folder.is_dir():
            os.chmod(folder, 0o755)
    os.chmod(layout.root / "config", 0o755)
    return graded


def course_service(course: Course, settings: HubSettings) -> dict:
    """The hub service running the course's JupyterLab and formgrader as its grader."""
    bin_dir = Path(sys.prefix) / "bin"
    return {
        "name": course.id,
        "display": True,
        "info": {"course group": course.group},
        "url": f"http://127.0.0.1:{course.port}",
        "command": [str(bin_dir / "jupyterhub-singleuser")],
        "user": course.grader,
        "cwd": str(course.directory),
        "oauth_no_confirm": True,
        "environment": {
            "JUPYTER_CONFIG_PATH": str(Layout(Path(settings.grading_dir)).config(
                f"course-{course.id}")),
            # nbgrader runs alembic as a command when it creates a gradebook.
            "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        },
    }


def grading_auth_model(auth_model: dict, settings: HubSettings, graded: set[str]) -> dict:
    """Add nbgrader's groups (nbgrader-<id> for students, formgrade-<id> for teachers) and, for
    each course taught that has a formgrader, the role that opens it."""
    from timewarp_hub.courses import course_id, is_nbgrader_group
    from timewarp_hub.roles import standing

    groups = [g for g in auth_model.get("groups") or [] if not is_nbgrader_group(g)]
    user = standing(groups, settings)
    roles = list(auth_model.get("roles") or [])
    if user.teacher:
        roles += [{"name": f"formgrader-{cid}", "description": f"Grades the course {cid}.",
                   "scopes": [f"access:services!service={cid}"]}
                  for cid in map(course_id, user.courses) if cid in graded]
    return {**auth_model, "roles": roles,
            "groups": sorted(set(groups) | set(nbgrader_groups(user.courses, user.teacher)))}


def server_environment(spawner, layout: Layout, graded: set[str]) -> dict:
    """Which role configuration a user's server reads, and the courses whose formgrader the
    teacher's course list links to."""
    taught = [cid for cid in taught_courses(g.name for g in spawner.user.groups) if cid in graded]
    mine = str(layout.config("teacher" if taught else "student"))
    config_root = str(layout.root / "config")
    others = [p for p in spawner.environment.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)
              if p and not p.startswith(config_root)]
    return {"JUPYTER_CONFIG_PATH": os.pathsep.join([mine, *others]),
            "TIMEWARP_GRADING_COURSES": " ".join(taught)}


def _chain_auth_hook(c, settings: HubSettings, graded: set[str]) -> None:
    previous = c.Authenticator.post_auth_hook if "post_auth_hook" in c.Authenticator else None

    def hook(authenticator, handler, authentication):
        if previous is not None:
            authentication = previous(authenticator, handler, authentication)
        if authentication is None:
            return None
        return grading_auth_model(authentication, settings, graded)
    c.Authenticator.post_auth_hook = hook


def _chain_user_options(c, layout: Layout, graded: set[str]) -> None:
    previous = c.Spawner.apply_user_options if "apply_user_options" in c.Spawner else None

    def apply(spawner, user_options):
        if previous is not None:
            previous(spawner, user_options)
        spawner.environment = {**spawner.environment,
                               **server_environment(spawner, layout, graded)}
    c.Spawner.apply_user_options = apply


def configure_grading(c, settings: HubSettings, as_root: bool) -> list[Course]:
    """Set up grading and register each course's formgrader service (local spawner only)."""
    if not settings.grading or settings.spawner != "local":
        return []
    graded = prepare(settings, as_root)
    if not graded:
        return []
    ids = {course.id for course in graded}
    layout = Layout(Path(settings.grading_dir))
    existing = list(c.JupyterHub.services) if "services" in c.JupyterHub else []
    c.JupyterHub.services = existing + [course_service(course, settings) for course in graded]
    scopes = c.Spawner.server_token_scopes if "server_token_scopes" in c.Spawner else []
    c.Spawner.server_token_scopes = sorted(set(scopes) | set(SERVER_TOKEN_SCOPES))
    _chain_auth_hook(c, settings, ids)
    _chain_user_options(c, layout, ids)
    return graded
