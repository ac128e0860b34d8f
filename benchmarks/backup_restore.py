"""How long the chart's backup and restore take for a university-sized hub database: the
recovery time objective's database part (docs/kubernetes.md).

A throwaway PostgreSQL gets a JupyterHub database made through JupyterHub's own ORM: N users
(20,000 by default) in 400 courses, each with an API token, a server record and a role. Then
``timewarp_hub.backup`` dumps it and restores it into a new database, against the baseline of
plain ``pg_dump`` / ``pg_restore`` of the same database in the same run (the backup adds
checksums, a manifest and the single transaction).

    .venv/bin/python benchmarks/backup_restore.py [--users 20000]

Goal: the restore is a small part of the one-hour recovery time (under 5 minutes), and the
backup costs no more than 1.5x plain pg_dump.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from jupyterhub import orm
from jupyterhub.utils import new_token
from timewarp_hub import backup
from timewarp_hub.throwaway_postgres import postgres_bin, throwaway_postgres


def fill(url: str, users: int, courses: int = 400) -> None:
    """A hub database as JupyterHub itself would write it."""
    session = orm.new_session_factory(url.replace("postgresql://", "postgresql+psycopg://"))()
    member = orm.Role(name="timewarp-member", scopes=["self"])
    groups = [orm.Group(name=f"course-{i:03d}") for i in range(courses)]
    # The hub's own OAuth client, which every token names (the hub adds it when it starts).
    session.add_all([member, *groups, orm.OAuthClient(identifier="jupyterhub")])
    session.flush()
    for i in range(users):
        user = orm.User(name=f"student{i:05d}")
        # Two different courses each (6i + 1 is odd, so never a multiple of 400).
        user.groups = [groups[i % courses], groups[(i * 7 + 1) % courses]]
        user.roles = [member]
        session.add(user)
        session.add(orm.Spawner(user=user, name=""))
        if i % 1000 == 999:
            session.flush()
    session.commit()
    # Tokens as APIToken.new makes them (hashed, prefix kept), in one transaction.
    for user in session.query(orm.User):
        token = orm.APIToken(user=user, note="benchmark", scopes=["self"],
                             client_id="jupyterhub")
        token.token = new_token()
        session.add(token)
    session.commit()
    session.close()


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20000)
    args = parser.parse_args()
    os.environ["PATH"] = f"{postgres_bin()}:{os.environ['PATH']}"
    with throwaway_postgres() as pg, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = pg.create_database("hub")
        print(f"filling a hub database with {args.users} users ...", flush=True)
        print(f"filled in {timed(lambda: fill(source, args.users)):.1f} s", flush=True)
        raw_dump = work / "raw.pgdump"
        plain_dump = timed(lambda: subprocess.run(
            ["pg_dump", "--format=custom", f"--file={raw_dump}", f"--dbname={source}"],
            check=True))
        made = []
        ours_dump = timed(lambda: made.append(backup.dump(source, work / "backups")))
        raw_target = pg.create_database("raw_restored")
        plain_restore = timed(lambda: subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={raw_target}", str(raw_dump)], check=True))
        target = pg.create_database("restored")
        ours_restore = timed(lambda: backup.restore(made[0], target))
        size = (made[0] / "hub.pgdump").stat().st_size
    print(f"\n{args.users} users, dump file {size / 2**20:.1f} MiB")
    print("| step | plain pg_dump/pg_restore | timewarp_hub.backup | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| dump | {plain_dump:.2f} s | {ours_dump:.2f} s | {ours_dump / plain_dump:.2f} |")
    print(f"| restore | {plain_restore:.2f} s | {ours_restore:.2f} s | "
          f"{ours_restore / plain_restore:.2f} |")
    met = ours_restore < 300 and ours_dump / plain_dump <= 1.5
    print("\ngoal met" if met else "\ngoal NOT met")


if __name__ == "__main__":
    main()
