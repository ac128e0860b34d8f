"""The backup the chart's CronJob runs (timewarp_hub.backup), against a real PostgreSQL and a
real hub: a hub on PostgreSQL gets users, groups, roles and tokens; the backup dumps it;
the dump is restored into a new database, and a hub started on that database still knows
everyone, their courses and roles, and accepts the old tokens. An nbgrader gradebook makes
the same round trip."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from timewarp_hub import backup
from timewarp_hub.client import HubUser

pytestmark = [pytest.mark.hub, pytest.mark.slow]

HUB_CONFIG = """c = get_config()  # noqa
# The one-machine configuration, with the database the chart gives the hub on Kubernetes.
from timewarp_hub.chart import configure_database
from timewarp_hub.configure import apply_settings

apply_settings(c)
configure_database(c, {})
"""


def hub_state(admin: HubUser) -> dict:
    """Users with their groups, roles and admin flag; groups with their members."""
    async def read():
        users = (await admin.request("GET", "/hub/api/users")).json()
        groups = (await admin.request("GET", "/hub/api/groups")).json()
        return users, groups
    users, groups = asyncio.run(read())
    return {
        "users": {u["name"]: (sorted(u["groups"]), sorted(u["roles"]), u["admin"])
                  for u in users},
        "groups": {g["name"]: sorted(g["users"]) for g in groups},
    }


def whoami(url: str, token: str) -> dict:
    answer = asyncio.run(HubUser(url, "?", token).request("GET", "/hub/api/user"))
    assert answer.status == 200, f"token refused: HTTP {answer.status}"
    return answer.json()


def make_gradebook(course: Path) -> None:
    from nbgrader.api import Gradebook
    course.mkdir(parents=True)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        book.add_student("student1", first_name="Ada", last_name="Lovelace")
        book.add_assignment("turtle-square", duedate="2026-12-20 12:00:00")


def read_gradebook(course: Path) -> tuple[list[str], list[str]]:
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        return ([s.id for s in book.students], [a.name for a in book.assignments])


@pytest.fixture
def nbgrader_on_path(monkeypatch):
    # nbgrader runs `alembic` as a command when it creates a gradebook (shared/STACK.md).
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:{os.environ['PATH']}")


def test_hub_and_gradebook_survive_dump_and_restore(postgres, postgres_on_path, hub_launcher,
                                                    nbgrader_on_path, tmp_path):
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG)
    original_url = postgres.create_database("hub")
    env = {"TIMEWARP_HUB_DB_URL": original_url, "TIMEWARP_HUB_JUPYTERHUB_CONFIG": str(config)}

    (tmp_path / "first").mkdir()
    with hub_launcher.running_hub(tmp_path / "first", env) as hub:
        teacher = hub.user("teacher1")
        student = hub.user("student1")
        before = hub_state(hub.admin)
        admin_token = hub.admin.token
    # The logins made the course, the teacher's role and the tokens: all in PostgreSQL.
    assert before["groups"]["demo-course"] == ["student1", "teacher1"]
    assert "teacher-demo-course" in before["users"]["teacher1"][1]
    assert "teacher-demo-course" not in before["users"]["student1"][1]

    courses = tmp_path / "courses"
    make_gradebook(courses / "demo-course")
    made = backup.dump(original_url, tmp_path / "backups", courses)
    manifest = json.loads((made / "manifest.json").read_text())
    assert set(manifest["files"]) == {"hub.pgdump", "gradebooks/demo-course/gradebook.db"}

    # Lose the gradebook; restore everything into a database that has never seen the hub.
    (courses / "demo-course" / "gradebook.db").write_bytes(b"lost")
    restored_url = postgres.create_database("hub_restored")
    backup.restore(made, restored_url, courses)
    assert read_gradebook(courses / "demo-course") == (["student1"], ["turtle-square"])

    (tmp_path / "second").mkdir()
    env = {**env, "TIMEWARP_HUB_DB_URL": restored_url}
    with hub_launcher.running_hub(tmp_path / "second", env, args=(), admin=False) as hub:
        hub.admin = HubUser(hub.url, "admin", admin_token)
        after = hub_state(hub.admin)
        assert after["groups"] == before["groups"]
        assert set(after["users"]) == set(before["users"])
        for name, (groups, roles, admin) in before["users"].items():
            assert after["users"][name][0] == groups and after["users"][name][2] == admin
            # Every role is still held. At start JupyterHub grants its own "admin" role to
            # admin_users again (the first hub did too, before the admin's login replaced it).
            assert set(roles) <= set(after["users"][name][1]), name
            assert set(after["users"][name][1]) - set(roles) <= {"admin"}, name
        assert whoami(hub.url, student.token)["name"] == "student1"
        me = whoami(hub.url, teacher.token)
        assert me["name"] == "teacher1" and "demo-course" in me["groups"]


def test_restore_refuses_a_damaged_backup(postgres, postgres_on_path, tmp_path):
    url = postgres.create_database("damaged")
    made = backup.dump(url, tmp_path)
    with open(made / "hub.pgdump", "ab") as dump:
        dump.write(b"x")
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.restore(made, url)


def test_dump_names_a_missing_database_plainly(postgres, postgres_on_path, tmp_path):
    with pytest.raises(backup.BackupError, match="pg_dump failed.*does not exist"):
        backup.dump(postgres.url("nowhere"), tmp_path)
    assert backup.backups(tmp_path) == []


def test_prune_keeps_recent_backups_and_always_the_newest(tmp_path):
    now = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.utc)
    for age in (30, 20, 3, 0):
        made = tmp_path / (now - timedelta(days=age)).strftime(backup.STAMP)
        made.mkdir()
        (made / "manifest.json").write_text("{}")
    removed = backup.prune(tmp_path, keep_days=14, now=now)
    assert len(removed) == 2
    assert [p.name for p in backup.backups(tmp_path)] == ["20261202T120000Z", "20261205T120000Z"]
    # Even when every backup is old, the newest stays: a stopped schedule never empties the store.
    assert len(backup.prune(tmp_path, keep_days=0, now=now + timedelta(days=99))) == 1
    assert [p.name for p in backup.backups(tmp_path)] == ["20261205T120000Z"]


def test_command_line_without_a_database_says_so(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("TIMEWARP_HUB_DB_URL", raising=False)
    assert backup.main(["--db-url", "", "dump", "--to", str(tmp_path)]) == 1
    assert "no database URL" in capsys.readouterr().err


def moved(word: str, mounts: dict) -> str:
    """A path in a pod's command moved to the local directory standing for its volume."""
    for mount, local in mounts.items():
        if word == mount or word.startswith(mount + "/"):
            return str(local) + word[len(mount):]
    return word


def test_the_chart_jobs_own_commands_back_up_and_restore(postgres, postgres_on_path, render,
                                                        example_values, nbgrader_on_path,
                                                        tmp_path):
    """The command lines of the rendered CronJob and restore Job, run here with their paths
    moved to tmp_path."""
    cronjob = next(o for o in render(example_values["school-university-oidc"])
                   if o["kind"] == "CronJob")
    pod = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (dump,) = [c for c in pod["initContainers"] if c["name"] == "dump"]
    mounts = {m["mountPath"]: tmp_path / m["name"] for m in dump["volumeMounts"]}
    command = [moved(word, mounts) for word in dump["command"]]
    assert command[:3] == ["python", "-m", "timewarp_hub.backup"]
    make_gradebook(tmp_path / "gradebooks" / "demo-course")
    env = {**os.environ, "TIMEWARP_HUB_DB_URL": postgres.create_database("cli")}
    done = subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (made,) = backup.backups(tmp_path / "backups")
    assert done.stdout.strip().endswith(made.name)
    listed = subprocess.run([sys.executable, "-m", "timewarp_hub.backup", "list", "--to",
                             str(tmp_path / "backups")], capture_output=True, text=True,
                            timeout=60, check=True)
    assert listed.stdout.split() == [str(made)]
    (tmp_path / "gradebooks" / "demo-course" / "gradebook.db").unlink()
    # The restore Job the chart renders for this backup, with its command run the same way.
    values = {**example_values["school-university-oidc"]}
    values["backup"] = {**values["backup"], "restoreFrom": made.name}
    job = next(o for o in render(values) if o["kind"] == "Job" and
               o["metadata"]["name"].startswith("timewarp-restore-"))
    (restore,) = job["spec"]["template"]["spec"]["containers"]
    command = [moved(word, {m["mountPath"]: tmp_path / m["name"]
                            for m in restore["volumeMounts"]}) for word in restore["command"]]
    env["TIMEWARP_HUB_DB_URL"] = postgres.create_database("cli_restored")
    restored = subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True,
                              text=True, timeout=120)
    assert restored.returncode == 0, restored.stderr
    assert read_gradebook(tmp_path / "gradebooks" / "demo-course") == (["student1"],
                                                                       ["turtle-square"])
