"""Who is a student, a teacher of which course, or an admin: groups in, JupyterHub roles out.

Every login method (passwords, OIDC, GitHub, LTI) ends with the same thing, a user name and
a list of groups.  A group is a course unless it is one of the teacher or admin groups;
members of a teacher group teach every course they belong to.  The hub's authenticator
manages groups and roles (``manage_groups``/``manage_roles``), so these lists are the truth
at every login.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jupyterhub.roles import get_default_roles

from timewarp_hub.settings import HubSettings

#: Every logged-in user's own role: their own server, files and tokens, and sharing that
#: server.  JupyterHub's default "user" role is replaced (a managed login strips it).  The
#: names-only scopes let jupyter-collaboration's Share dialog list people; the hub narrows
#: them to the user's courses and fences shares by course (timewarp_hub.sharing).
MEMBER_ROLE = {
    "name": "timewarp-member",
    "description": "A Time Warp user: their own server, shared within their courses.",
    "scopes": ["self", "shares!user", "read:users:name", "list:users"],
}

_ROLE_NAME_UNSAFE = re.compile(r"[^a-z0-9\-_~.]+")


def teacher_scopes(course: str) -> list[str]:
    """What a teacher may do for one course: see its members and open their servers to help."""
    only = f"!group={course}"
    return [
        "admin-ui",
        f"list:users{only}",
        f"read:users{only}",
        f"read:groups{only}",
        f"list:groups{only}",
        f"read:servers{only}",
        f"servers{only}",
        f"access:servers{only}",
    ]


def teacher_role_name(course: str) -> str:
    """A valid JupyterHub role name for teaching ``course``."""
    slug = _ROLE_NAME_UNSAFE.sub("-", course.lower()).strip("-_~.") or "course"
    return f"teacher-{slug}"[:200]


def admin_role() -> dict:
    """A managed copy of JupyterHub's admin role (a managed login strips the original)."""
    scopes = next(r["scopes"] for r in get_default_roles() if r["name"] == "admin")
    return {"name": "timewarp-admin", "description": "Hub administrator.",
            "scopes": list(scopes)}


@dataclass(frozen=True)
class Standing:
    """What one user is, derived from their groups."""

    courses: tuple[str, ...]
    teacher: bool
    admin: bool


def standing(groups: list[str], settings: HubSettings, named_admin: bool = False) -> Standing:
    """Read a user's courses, teacher and admin status from their groups."""
    special = set(settings.teacher_groups) | set(settings.admin_groups)
    courses = tuple(sorted(g for g in groups
                           if g not in special and g.startswith(settings.course_prefix)))
    return Standing(
        courses=courses,
        teacher=bool(set(groups) & set(settings.teacher_groups)),
        admin=named_admin or bool(set(groups) & set(settings.admin_groups)),
    )


def roles_for(user: Standing) -> list[dict]:
    """The JupyterHub roles (with their scopes) a user should hold now."""
    roles = [dict(MEMBER_ROLE)]
    if user.teacher:
        roles += [{"name": teacher_role_name(course),
                   "description": f"Teaches {course}.",
                   "scopes": teacher_scopes(course)} for course in user.courses]
    if user.admin:
        roles.append(admin_role())
    return roles


def complete_auth_model(auth_model: dict, settings: HubSettings) -> dict:
    """Add groups, roles and admin status to an authenticator's answer."""
    groups = sorted(set(auth_model.get("groups") or []))
    named_admin = auth_model["name"] in settings.admin_users
    user = standing(groups, settings, named_admin=named_admin)
    return {**auth_model, "groups": groups, "admin": user.admin, "roles": roles_for(user)}
