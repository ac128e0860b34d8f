"""Back up and restore the hub database (PostgreSQL) and nbgrader's gradebooks (SQLite).

    python -m timewarp_hub.backup dump --to /backups [--gradebooks /courses] [--keep-days 14]
    python -m timewarp_hub.backup restore --from /backups/20261205T0815Z [--gradebooks /courses]
    python -m timewarp_hub.backup list --to /backups

The database URL comes from ``--db-url`` or ``TIMEWARP_HUB_DB_URL`` (the chart's secret).
A backup is one directory named by its UTC time: ``hub.pgdump`` (pg_dump's custom format),
``gradebooks/<path>/gradebook.db`` (copied through SQLite's online backup, so a gradebook
being written is still copied consistently) and ``manifest.json`` with every file's
SHA-256, written last: a directory without it is an unfinished backup and is never restored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

STAMP = "%Y%m%dT%H%M%SZ"
GRADEBOOK = "gradebook.db"


class BackupError(RuntimeError):
    """A backup or restore that cannot go on, with the reason in plain words."""


def libpq_url(url: str) -> str:
    """The URL pg_dump understands: SQLAlchemy's ``postgresql+driver://`` without the driver."""
    return re.sub(r"^postgres(ql)?\+\w+://", "postgresql://", url)


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_sqlite(source: Path, target: Path, read_only: bool = True) -> None:
    """A consistent copy of a live SQLite database (its online backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = "ro" if read_only else "rw"
    with sqlite3.connect(f"file:{source}?mode={mode}", uri=True) as src, \
            sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def find_gradebooks(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(GRADEBOOK) if p.is_file())


def dump(db_url: str, destination: Path, gradebooks: Path | None = None,
         now: datetime | None = None) -> Path:
    """Write one backup under ``destination`` and return its directory."""
    now = now or datetime.now(timezone.utc)
    target = destination / now.strftime(STAMP)
    if target.exists():
        raise BackupError(f"{target} exists already; is another backup running?")
    target.mkdir(parents=True)
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
          f"--file={target / 'hub.pgdump'}", f"--dbname={libpq_url(db_url)}"])
    if gradebooks is not None:
        for book in find_gradebooks(gradebooks):
            copy_sqlite(book, target / "gradebooks" / book.relative_to(gradebooks))
    files = {str(p.relative_to(target)): _sha256(p)
             for p in sorted(target.rglob("*")) if p.is_file()}
    manifest = {"created": now.strftime(STAMP), "files": files}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def backups(destination: Path) -> list[Path]:
    """Finished backups (with a manifest), oldest first."""
    if not destination.is_dir():
        return []
    return sorted(p for p in destination.iterdir()
                  if p.is_dir() and (p / "manifest.json").is_file())


def prune(destination: Path, keep_days: int, now: datetime | None = None) -> list[Path]:
    """Delete backups older than ``keep_days``; the newest one is always kept."""
    now = now or datetime.now(timezone.utc)
    finished = backups(destination)
    removed = []
    for backup in finished[:-1]:
        try:
            made = datetime.strptime(backup.name, STAMP).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        if now - made > timedelta(days=keep_days):
            shutil.rmtree(backup)
            removed.append(backup)
    return removed


def verify(backup: Path) -> dict:
    """The manifest, once every file in it is present with its recorded checksum."""
    manifest_path = backup / "manifest.json"
    if not manifest_path.is_file():
        raise BackupError(f"{backup} has no manifest.json: it is not a finished backup")
    manifest = json.loads(manifest_path.read_text())
    for name, digest in manifest["files"].items():
        path = backup / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"{path} is missing or damaged (checksum differs)")
    return manifest


def restore(backup: Path, db_url: str, gradebooks: Path | None = None) -> None:
    """Restore the hub database (replacing its tables) and the gradebooks from ``backup``."""
    manifest = verify(backup)
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", f"--dbname={libpq_url(db_url)}",
          str(backup / "hub.pgdump")])
    if gradebooks is None:
        return
    for name in manifest["files"]:
        if name.startswith("gradebooks/"):
            target = gradebooks / Path(name).relative_to("gradebooks")
            # Copied beside the gradebook, then put in its place in one step: a damaged or
            # half-written gradebook is replaced, never merged into.
            fresh = target.with_name(target.name + ".restoring")
            fresh.unlink(missing_ok=True)
            copy_sqlite(backup / name, fresh)
            os.replace(fresh, target)


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m timewarp_hub.backup", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--db-url", default=os.environ.get("TIMEWARP_HUB_DB_URL"),
                     help="hub database URL (default: $TIMEWARP_HUB_DB_URL)")
    commands = top.add_subparsers(dest="command", required=True)
    make = commands.add_parser("dump", help="write a backup")
    make.add_argument("--to", type=Path, required=True, help="directory holding backups")
    make.add_argument("--gradebooks", type=Path, help="directory searched for gradebook.db")
    make.add_argument("--keep-days", type=int, default=14, help="delete older backups")
    back = commands.add_parser("restore", help="restore one backup")
    back.add_argument("--from", dest="source", type=Path, required=True,
                      help="the backup's directory")
    back.add_argument("--gradebooks", type=Path, help="where the gradebooks go back")
    show = commands.add_parser("list", help="list finished backups")
    show.add_argument("--to", type=Path, required=True, help="directory holding backups")
    return top


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            for backup in backups(args.to):
                print(backup)
            return 0
        if not args.db_url:
            raise BackupError("no database URL: pass --db-url or set TIMEWARP_HUB_DB_URL")
        if args.command == "dump":
            made = dump(args.db_url, args.to, args.gradebooks)
            for old in prune(args.to, args.keep_days):
                print(f"removed {old}")
            print(made)
        else:
            restore(args.source, args.db_url, args.gradebooks)
            print(f"restored {args.source}")
    except BackupError as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
