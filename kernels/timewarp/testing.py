"""A throwaway JupyterLab and Debian's chromium, as the browser tests and benchmarks start them.

One place for both, so that the tests and the benchmarks measure the same set-up: a
``jupyter lab`` on a free loopback port with its own folders and no news pop-up, and a
headless chromium that makes no connections of its own (this machine's network is closed).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def launch_chromium(playwright):
    """Debian's chromium through a Playwright sync API instance (Playwright cannot download
    a browser of its own here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class JupyterLabServer:
    url: str
    token: str
    root: Path
    log: Path


@contextlib.contextmanager
def running_jupyter_lab(base: Path, quiet: bool = True) -> Iterator[JupyterLabServer]:
    """Start ``jupyter lab`` with everything it writes under ``base``; stop it afterwards.

    ``quiet=False`` leaves the user settings empty, so that the lab runs with only the
    classroom defaults the project installs (extensions/settings/), as a student's would."""
    root, settings, workspaces = base / "root", base / "settings", base / "workspaces"
    for folder in (root, workspaces, settings):
        folder.mkdir()
    if quiet:
        _quiet_settings(settings)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_DATA_DIR=str(base / "data"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(workspaces))
    log = base / "server.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
             f"--port={port}", f"--IdentityProvider.token={token}",
             f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
             *(["--allow-root"] if os.geteuid() == 0 else [])],
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=root)
    try:
        _wait_for_server(url, token, process, log)
        yield JupyterLabServer(url, token, root, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _quiet_settings(settings: Path) -> None:
    """User settings that keep pop-ups from covering the page."""
    notifications = settings / "@jupyterlab" / "apputils-extension"
    notifications.mkdir(parents=True, exist_ok=True)
    (notifications / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))


def _wait_for_server(url: str, token: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"jupyter lab did not start within 60 s:\n{log.read_text()}")
