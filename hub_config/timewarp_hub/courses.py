"""Courses for grading: which hub groups are courses, their nbgrader ids and nbgrader's groups.

A course is one of the hub's course groups (:func:`timewarp_hub.roles.standing` decides which
groups those are).  nbgrader needs a course id it can put in file names, URLs and a service
name, and its JupyterHub plugin reads two hub groups per course: ``nbgrader-<id>`` for the
students and ``formgrade-<id>`` for the teachers.  The hub adds those groups at every login
(the authenticator manages groups), derived from the course groups and the teacher groups.
"""

from __future__ import annotations

import hashlib
import re

from timewarp_hub.passwords import PasswordStore
from timewarp_hub.settings import HubSettings

STUDENT_GROUP_PREFIX = "nbgrader-"
TEACHER_GROUP_PREFIX = "formgrade-"
#: Groups the hub makes for nbgrader; never courses themselves.
NBGRADER_PREFIXES = (STUDENT_GROUP_PREFIX, TEACHER_GROUP_PREFIX)

_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,47}")


def course_id(group: str) -> str:
    """nbgrader's id for a course group: the group's name when it is safe in a path, a URL and
    a service name, else a cleaned-up name with a short hash, so two groups never share one."""
    if _SAFE_ID.fullmatch(group):
        return group
    digest = hashlib.sha256(group.encode()).hexdigest()[:8]
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", group.lower()).strip("-_")[:38]
    return f"{cleaned}-{digest}" if cleaned else f"course-{digest}"


def is_nbgrader_group(group: str) -> bool:
    return group.startswith(NBGRADER_PREFIXES)


def nbgrader_groups(courses: tuple[str, ...] | list[str], teacher: bool) -> list[str]:
    """The nbgrader groups for someone in these course groups: formgrade-<id> if they teach."""
    prefix = TEACHER_GROUP_PREFIX if teacher else STUDENT_GROUP_PREFIX
    return sorted(prefix + course_id(course) for course in courses)


def taught_courses(groups) -> list[str]:
    """Course ids a user grades, read from their formgrade-<id> hub groups."""
    return sorted(g[len(TEACHER_GROUP_PREFIX):] for g in groups
                  if g.startswith(TEACHER_GROUP_PREFIX))


def known_courses(settings: HubSettings) -> dict[str, str]:
    """Course id -> course group for every course the hub knows when it starts: the configured
    ``grading_courses`` and, with the password login, every course group in the password file."""
    from timewarp_hub.roles import standing

    groups = set(settings.grading_courses)
    if settings.auth == "password":
        store = PasswordStore(f"{settings.data_dir}/passwords.sqlite")
        for name in store.names():
            groups.update(standing(store.groups(name), settings).courses)
    return {course_id(group): group for group in sorted(groups)}
