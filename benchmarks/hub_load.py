"""Load benchmark for the hub, in the spirit of jupyterhub/hubtraf.

N simulated students at once log in through the login form, get a token, start their
server, open a kernel and run one cell; the time from the login request to the cell's
output is one student's "time to first result".  For each N (10, 25, 50 by default) the
same round runs against stock JupyterHub (DummyAuthenticator, one account, ipykernel) as
the baseline and against the Time Warp hub as started by `python -m timewarp_hub` (password
login, one Unix account per student as root, the BASIC kernel).  Everything is on 127.0.0.1.

    .venv/bin/python benchmarks/hub_load.py [--sizes 10 25 50] [--kernel basic]

Prints p50/p95 per round and the ratio of Time Warp's p95 to the baseline's (goal: <= 1.5,
with no failed login or spawn).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from timewarp_hub.accounts import remove_accounts
from timewarp_hub.client import HubUser
from timewarp_hub.passwords import PasswordStore
from timewarp_hub.settings import repository_root
from tornado.httpclient import AsyncHTTPClient

PASSWORD = "bench-password"
ADMIN_PASSWORD = "bench-admin-password"
UNIX_PREFIX = "twbench-"
STUDENT_TIMEOUT = 300
PROXY = str(repository_root() / "node_modules" / ".bin" / "configurable-http-proxy")

STOCK_CONFIG = """
c = get_config()  # noqa
import os, sys
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{data}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{data}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {{"admin"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{data}/homes/{{username}}"
c.Spawner.cmd = [os.path.join(sys.prefix, "bin", "jupyterhub-singleuser")]
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
if os.geteuid() == 0:
    c.Spawner.args = ["--allow-root"]
"""


@dataclass
class Hub:
    """One hub under test."""

    label: str
    kernel: str
    code: str
    url: str
    process: subprocess.Popen
    admin_password: str
    timings: dict[int, list[float]] = field(default_factory=dict)
    failures: dict[int, list[str]] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"hub exited; see {log}")
        try:
            with urllib.request.urlopen(url + "/hub/api/", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"hub did not start; see {log}")


def start_stock(work: Path) -> Hub:
    data = work / "stock"
    data.mkdir()
    port = free_port()
    config = data / "jupyterhub_config.py"
    config.write_text(textwrap.dedent(STOCK_CONFIG.format(
        port=port, hub_port=free_port(), proxy_port=free_port(), proxy=PROXY, data=data,
        password=PASSWORD, timeout=STUDENT_TIMEOUT)))
    log = data / "hub.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                                   cwd=data, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_up(url, process, log)
    return Hub("stock JupyterHub + ipykernel", "python3", "print(6*7)", url, process, PASSWORD)


def start_timewarp(work: Path, kernel: str, students: list[str]) -> Hub:
    data = work / "timewarp"
    store = PasswordStore(data / "passwords.sqlite")
    for name in students:
        store.set(name, PASSWORD, ["bench-course"])
    port = free_port()
    env = {**os.environ, "TIMEWARP_HUB_DATA": str(data), "TIMEWARP_HUB_PORT": str(port),
           "TIMEWARP_HUB_API_PORT": str(free_port()),
           "TIMEWARP_PROXY_API_PORT": str(free_port()),
           "TIMEWARP_HUB_UNIX_PREFIX": UNIX_PREFIX, "TIMEWARP_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "TIMEWARP_HUB_START_TIMEOUT": str(STUDENT_TIMEOUT)}
    log = work / "timewarp-hub.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "timewarp_hub"], env=env, cwd=work,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_up(url, process, log)
    code = "PRINT 6*7" if kernel == "basic" else "print(6*7)"
    return Hub("Time Warp hub + " + kernel, kernel, code, url, process, ADMIN_PASSWORD)


async def one_student(hub: Hub, name: str) -> float:
    """Seconds from the login request to the cell's output."""
    began = time.perf_counter()
    student = HubUser(hub.url, name)
    await student.login(PASSWORD)
    await student.create_token()
    await student.start_server(timeout=STUDENT_TIMEOUT)
    result = await student.run_cell(hub.code, hub.kernel, timeout=STUDENT_TIMEOUT)
    if result.stdout.strip() != "42":
        raise RuntimeError(f"unexpected output {result.stdout!r} {result.error}")
    return time.perf_counter() - began


async def stop_everyone(hub: Hub) -> None:
    admin = HubUser(hub.url, "admin")
    await admin.login(hub.admin_password)
    await admin.create_token()
    users = (await admin.request("GET", "/hub/api/users")).json()
    await asyncio.gather(*(admin.stop_server(u["name"]) for u in users if u["servers"]))
    for _ in range(600):
        users = (await admin.request("GET", "/hub/api/users")).json()
        if not any(u["servers"] for u in users):
            return
        await asyncio.sleep(0.5)


async def round_of(hub: Hub, size: int, names: list[str]) -> None:
    outcomes = await asyncio.gather(*(asyncio.wait_for(one_student(hub, n), STUDENT_TIMEOUT)
                                      for n in names), return_exceptions=True)
    hub.timings[size] = [o for o in outcomes if isinstance(o, float)]
    hub.failures[size] = [f"{type(o).__name__}: {o}" for o in outcomes
                          if not isinstance(o, float)]
    await stop_everyone(hub)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 \
        else (values[0] if values else float("nan"))


def report(baseline: Hub, candidate: Hub, sizes: list[int]) -> bool:
    print(f"\n{'N':>4} {'hub':<32} {'p50 s':>7} {'p95 s':>7} {'failed':>7}")
    met = True
    for size in sizes:
        for hub in (baseline, candidate):
            times = hub.timings[size]
            p50 = statistics.median(times) if times else float("nan")
            print(f"{size:>4} {hub.label:<32} {p50:7.2f} {p95(times):7.2f} "
                  f"{len(hub.failures[size]):>7}")
        ratio = p95(candidate.timings[size]) / p95(baseline.timings[size])
        failed = len(candidate.failures[size])
        met &= ratio <= 1.5 and failed == 0
        print(f"{size:>4} p95 ratio Time Warp / baseline = {ratio:.2f} (goal <= 1.5)")
        for failure in candidate.failures[size][:3] + baseline.failures[size][:3]:
            print(f"     failure: {failure[:200]}")
    return met


def stop(hub: Hub) -> None:
    hub.process.send_signal(signal.SIGTERM)
    try:
        hub.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        hub.process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--kernel", default="basic", help="Time Warp kernel to run (basic)")
    args = parser.parse_args()
    AsyncHTTPClient.configure(None, max_clients=1000)
    names = {n: [f"n{n}-s{i:03d}" for i in range(n)] for n in args.sizes}
    with tempfile.TemporaryDirectory(prefix="hub-load-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)
        baseline = start_stock(work)
        candidate = start_timewarp(work, args.kernel, [x for v in names.values() for x in v])
        try:
            for size in args.sizes:
                for hub in (baseline, candidate):
                    asyncio.run(round_of(hub, size, names[size]))
                    print(f"N={size:<3} {hub.label}: done", flush=True)
        finally:
            stop(baseline)
            stop(candidate)
            if os.geteuid() == 0:
                remove_accounts(UNIX_PREFIX)
    met = report(baseline, candidate, args.sizes)
    print("\ngoal met" if met else "\ngoal NOT met")


if __name__ == "__main__":
    main()
