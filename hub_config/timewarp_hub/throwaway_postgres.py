"""A throwaway PostgreSQL server on 127.0.0.1, for the backup's tests and benchmark.

Debian's binaries (the ``postgresql`` package) in a temporary directory on a free port,
run as the ``postgres`` account when started by root (PostgreSQL refuses to run as root),
stopped and removed afterwards.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def postgres_bin() -> Path:
    """The directory of Debian's PostgreSQL binaries (pg_ctl, pg_dump, pg_restore)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql")
    return found[-1].parent


@dataclass
class Postgres:
    """A running throwaway server; the ``postgres`` role connects without a password."""

    port: int
    bin_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_postgres():
    """``with throwaway_postgres() as pg:`` a server for as long as the block runs."""
    bin_dir = postgres_bin()
    directory = Path(tempfile.mkdtemp(prefix="timewarp-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(directory, account.pw_uid, account.pw_gid)
    data = directory / "data"
    port = _free_port()
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                                    "--auth=trust", "--no-sync"]),
                   check=True, capture_output=True, timeout=120)
    # fsync off: a test server's data need not survive a power cut.
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-t", "60",
                                    "-l", str(directory / "server.log"), "-o", options,
                                    "start"]),
                   check=True, capture_output=True, timeout=90)
    try:
        yield Postgres(port, bin_dir)
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                        "-w", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(directory, ignore_errors=True)
