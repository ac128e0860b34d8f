"""The demo course's assignments: copied into the course, generated and released once.

``python -m timewarp_hub --demo`` calls :func:`start_demo_release` before the hub starts: in the
background (so the hub starts at once), each folder of ``timewarp_grading/demo`` (an nbgrader
*source* assignment) becomes an assignment of the demo course, generated and released by the
course's grader account with nbgrader's own API, in one process.  Students find the
assignments in their assignment list a few seconds after the hub is up.  Assignments already
released are left alone (a restarted demo keeps its submissions).

``python -m timewarp_hub.demo_course COURSE`` is that background job (as root); with
``--as-grader`` it is the part that runs as the grader, in the course folder.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from timewarp_hub.grading import Course, Layout, courses
from timewarp_hub.settings import HubSettings, load_settings


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


def _as_grader(course: Course) -> dict:
    if os.geteuid() != 0:
        return {}
    entry = pwd.getpwnam(course.grader)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def run_as_grader(course: Course, settings: HubSettings, *args: str,
                  timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in the course folder as its grader account (when root)."""
    command = [str(Path(sys.prefix) / "bin" / "nbgrader"), *args]
    done = subprocess.run(command, cwd=course.directory, env=grader_env(course, settings),
                          capture_output=True, text=True, timeout=timeout, **_as_grader(course))
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed for {course.id}:\n"
                           f"{done.stdout}\n{done.stderr}")
    return done


def _copy_owned(source: Path, target: Path, course: Course) -> None:
    shutil.copytree(source, target)
    if os.geteuid() == 0:
        entry = pwd.getpwnam(course.grader)
        for path in [target.parent, target, *target.rglob("*")]:
            os.chown(path, entry.pw_uid, entry.pw_gid)


def release_demo_assignments(course: Course, settings: HubSettings) -> list[str]:
    """Copy in, generate and release every demo assignment not yet released."""
    sources = demo_sources()
    outbound = Layout(Path(settings.grading_dir)).exchange / course.id / "outbound"
    names = [p.name for p in sorted(sources.iterdir()) if p.is_dir()
             and not p.name.startswith((".", "_")) and not (outbound / p.name).exists()]
    for name in names:
        target = course.directory / "source" / name
        if not target.exists():
            target.parent.mkdir(exist_ok=True)
            _copy_owned(sources / name, target, course)
    if names:
        subprocess.run([sys.executable, "-m", "timewarp_hub.demo_course", "--as-grader", *names],
                       cwd=course.directory, env=grader_env(course, settings), check=True,
                       timeout=600, **_as_grader(course))
    return names


def generate_and_release(names: list[str]) -> None:
    """(As the grader, in the course folder.)  nbgrader's generate and release, one process."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.baseapp import NbGrader

    app = NbGrader()
    app.load_config_file()
    api = NbGraderAPI(config=app.config)
    for name in names:
        for step in (api.generate_assignment, api.release_assignment):
            result = step(name)
            if not result["success"]:
                raise SystemExit(f"{step.__name__} {name}: {result.get('error')}")
        print(f"released {name}", flush=True)


def start_demo_release(settings: HubSettings, group: str) -> bool:
    """Start releasing the demo course's assignments in the background; False when grading
    is off, or there is nothing to release."""
    from timewarp_hub.grading import prepare

    if not settings.grading or settings.spawner != "local" or not demo_sources().is_dir():
        return False
    # Accounts and folders now, before the hub (which prepares them again, the same way).
    if not any(c.group == group for c in prepare(settings, os.geteuid() == 0)):
        return False
    log = open(Path(settings.data_dir) / "demo-course.log", "ab")  # noqa: SIM115 (the child's)
    subprocess.Popen([sys.executable, "-m", "timewarp_hub.demo_course", group],
                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m timewarp_hub.demo_course")
    parser.add_argument("--as-grader", action="store_true")
    parser.add_argument("names", nargs="+", help="the course group, or (as grader) assignments")
    args = parser.parse_args(argv)
    if args.as_grader:
        generate_and_release(args.names)
        return
    settings = load_settings()
    for course in courses(settings, os.geteuid() == 0):
        if course.group == args.names[0]:
            print(f"{course.id}: released {release_demo_assignments(course, settings)}",
                  flush=True)


if __name__ == "__main__":
    main()
