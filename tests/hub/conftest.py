"""Real hubs for the hub tests: started with `python -m timewarp_hub` on free loopback ports.

Each test module starts one hub (module-scoped fixtures) and stops it by first stopping the
users' servers through the API, which keeps shutdown to a few seconds.  Unix accounts made
for test users carry the prefix ``twtest-`` and are removed at the end.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from timewarp_hub.accounts import remove_accounts
from timewarp_hub.client import HubUser

UNIX_PREFIX = "twtest-"
ADMIN_PASSWORD = "admin-test-password"
DEMO_PASSWORD = "demo-test-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(coroutine):
    return asyncio.run(coroutine)


@dataclass
class RunningHub:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen
    env: dict = field(default_factory=dict)
    admin: HubUser | None = None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def user(self, name: str, password: str = DEMO_PASSWORD) -> HubUser:
        """A logged-in user with an API token."""
        person = HubUser(self.url, name)

        async def enter():
            await person.login(password)
            await person.create_token()
        run(enter())
        return person

    def manage(self, *args: str) -> str:
        """Run `python -m timewarp_hub` with this hub's settings (e.g. `user add`)."""
        done = subprocess.run([sys.executable, "-m", "timewarp_hub", *args], env=self.env,
                              capture_output=True, text=True, check=True, timeout=60)
        return done.stdout


def _wait_until_up(hub: RunningHub, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"the hub exited:\n{hub.log_text()[-4000:]}")
        try:
            with urllib.request.urlopen(hub.url + "/hub/api/", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the hub did not start:\n{hub.log_text()[-4000:]}")


def start_hub(directory: Path, extra_env: dict | None = None,
              args: tuple[str, ...] = ("--demo",)) -> RunningHub:
    """Start a real hub in ``directory`` on free ports and wait until its API answers."""
    port = free_port()
    env = {**os.environ,
           "TIMEWARP_HUB_DATA": str(directory / "data"),
           "TIMEWARP_HUB_PORT": str(port),
           "TIMEWARP_HUB_API_PORT": str(free_port()),
           "TIMEWARP_PROXY_API_PORT": str(free_port()),
           "TIMEWARP_HUB_UNIX_PREFIX": UNIX_PREFIX,
           "TIMEWARP_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "TIMEWARP_DEMO_PASSWORD": DEMO_PASSWORD,
           "TIMEWARP_HUB_START_TIMEOUT": "30",
           # Grading (a formgrader service per course) only where a test asks for it.
           "TIMEWARP_HUB_GRADING": "false",
           **(extra_env or {})}
    log = directory / "hub.log"
    with open(log, "w") as stream:
        process = subprocess.Popen([sys.executable, "-m", "timewarp_hub", *args], env=env,
                                   cwd=directory, stdout=stream, stderr=subprocess.STDOUT)
    hub = RunningHub(f"http://127.0.0.1:{port}", directory / "data", log, process, env)
    _wait_until_up(hub)
    return hub


async def _stop_all_servers(admin: HubUser) -> None:
    users = (await admin.request("GET", "/hub/api/users")).json()
    await asyncio.gather(*(admin.stop_server(u["name"]) for u in users if u["servers"]))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        users = (await admin.request("GET", "/hub/api/users")).json()
        if not any(u["servers"] for u in users):
            return
        await asyncio.sleep(0.2)


def stop_hub(hub: RunningHub, admin: HubUser | None) -> None:
    if admin is not None and hub.process.poll() is None:
        run(_stop_all_servers(admin))
    hub.process.send_signal(signal.SIGTERM)
    try:
        hub.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        hub.process.kill()
        hub.process.wait()


@contextmanager
def running_hub(directory: Path, extra_env: dict | None = None,
                args: tuple[str, ...] = ("--demo",), admin: bool = True):
    """A started hub (with ``hub.admin`` logged in when asked), stopped afterwards."""
    hub = start_hub(directory, extra_env, args)
    try:
        if admin:
            hub.admin = hub.user("admin", ADMIN_PASSWORD)
        yield hub
    finally:
        stop_hub(hub, hub.admin)


@pytest.fixture(scope="session")
def hub_launcher():
    """``with hub_launcher(directory, extra_env) as hub:`` starts and stops a real hub."""
    return running_hub


@pytest.fixture(scope="session", autouse=True)
def _test_accounts_removed():
    """Leave no test Unix accounts behind (and clear any left by an interrupted run)."""
    if os.geteuid() == 0:
        remove_accounts(UNIX_PREFIX)
    yield
    if os.geteuid() == 0:
        remove_accounts(UNIX_PREFIX)
