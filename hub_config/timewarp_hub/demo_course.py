"""The demo course's assignments: copied into the course, generated and released once.

``python -m timewarp_hub --demo`` calls :func:`release_demo_assignments` before the hub starts:
each folder of ``timewarp_grading/demo`` (an nbgrader *source* assignment) becomes an
assignment of the demo course, generated and released by the course's grader account with
nbgrader's own commands, so students find it in their assignment list at their first login.
Assignments already released are left alone (a restarted demo keeps its submissions).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from timewarp_hub.grading import Course, Layout
from timewarp_hub.settings import HubSettings


def demo_sources() -> Path:
    """The demo assignments shipped with timewarp_grading (one folder per assignment)."""
    return Path(str(resources.files("timewarp_grading") / "demo"))


def grader_env(course: Course, settings: HubSettings) -> dict:
    """The environment of a command run as the course's grader, as its formgrader has it."""
    bin_dir = Path(sys.prefix) / "bin"
    return {"HOME": str(course.directory), "USER": course.grader, "LANG": "C.UTF-8",
            "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "JUPYTER_CONFIG_PATH": str(Layout(Path(settings.grading_dir)).config(
                f"course-{course.id}"))}


def run_as_grader(course: Course, settings: HubSettings, *args: str,
                  timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in the course folder as its grader account (when root)."""
    command = [str(Path(sys.prefix) / "bin" / "nbgrader"), *args]
    as_user = {}
    if os.geteuid() == 0:
        entry = pwd.getpwnam(course.grader)
        as_user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    done = subprocess.run(command, cwd=course.directory, env=grader_env(course, settings),
                          capture_output=True, text=True, timeout=timeout, **as_user)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed for {course.id}:\n"
                           f"{done.stdout}\n{done.stderr}")
    return done


def _copy_owned(source: Path, target: Path, course: Course) -> None:
    shutil.copytree(source, target)
    if os.geteuid() == 0:
        entry = pwd.getpwnam(course.grader)
        for path in [target, *target.rglob("*")]:
            os.chown(path, entry.pw_uid, entry.pw_gid)


def release_demo_assignments(course: Course, settings: HubSettings) -> list[str]:
    """Generate and release every demo assignment not yet released; return their names."""
    sources = demo_sources()
    if not sources.is_dir():
        return []
    released = []
    outbound = Layout(Path(settings.grading_dir)).exchange / course.id / "outbound"
    for folder in sorted(p for p in sources.iterdir() if p.is_dir() and not
                         p.name.startswith((".", "_"))):
        if (outbound / folder.name).exists():
            continue
        target = course.directory / "source" / folder.name
        if not target.exists():
            target.parent.mkdir(exist_ok=True)
            _copy_owned(folder, target, course)
            if os.geteuid() == 0:
                entry = pwd.getpwnam(course.grader)
                os.chown(target.parent, entry.pw_uid, entry.pw_gid)
        run_as_grader(course, settings, "generate_assignment", folder.name, "--force")
        run_as_grader(course, settings, "release_assignment", folder.name, "--force")
        released.append(folder.name)
    return released


def prepare_demo_course(settings: HubSettings, group: str) -> list[str]:
    """Set up grading now (the hub does it again, the same way) and release the demo course's
    assignments; nothing when grading is off."""
    from timewarp_hub.grading import prepare

    if not settings.grading or settings.spawner != "local":
        return []
    for course in prepare(settings, os.geteuid() == 0):
        if course.group == group:
            return release_demo_assignments(course, settings)
    return []
