"""Sync latency of a shared notebook: how long an edit takes to reach the others.

One student's server on a real Time Warp hub (`python -m timewarp_hub`, the collaboration set-up
of every hub server); the student shares it with each classmate.  Python clients (pycrdt and
jupyter_ydoc, timewarp_hub.collaboration) join one notebook's room; a writer types 200 short
edits into a cell, one at a time, and each reader stamps the moment the edit arrives
(all clients run in this one process, so they share one clock; copies are checked every
millisecond, which both paths pay alike).  Two scenarios:

* pair: 1 writer, 1 reader (two classmates);
* class: 1 writer, 30 readers (a class watching the teacher's notebook).

Baseline, in the same run and interleaved edit by edit: the same clients in another notebook
of the same server, connected straight to the server's own port (no hub proxy).

    .venv/bin/python benchmarks/collaboration_latency.py [--edits 200] [--readers 30]

Prints p50 and p95 per scenario and path, and the hub / direct ratio of p95.  Goal: p95
through the hub under 100 ms in both scenarios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from timewarp_hub.accounts import remove_accounts
from timewarp_hub.client import HubUser
from timewarp_hub.collaboration import NotebookPeer
from timewarp_hub.passwords import PasswordStore

PASSWORD = "bench-password"
COURSE = "bench-course"
UNIX_PREFIX = "twcollab-"
GOAL_MS = 100
EDIT_TIMEOUT = 10


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hub(work: Path, names: list[str]) -> tuple[subprocess.Popen, str, str, str]:
    """A Time Warp hub with ``names`` in one course; returns process, URL, proxy API, token."""
    data = work / "data"
    store = PasswordStore(data / "passwords.sqlite")
    for name in names:
        store.set(name, PASSWORD, [COURSE])
    port, proxy_port = free_port(), free_port()
    proxy_token = secrets.token_hex(16)
    env = {**os.environ, "TIMEWARP_HUB_DATA": str(data), "TIMEWARP_HUB_PORT": str(port),
           "TIMEWARP_HUB_API_PORT": str(free_port()), "TIMEWARP_PROXY_API_PORT": str(proxy_port),
           "TIMEWARP_HUB_UNIX_PREFIX": UNIX_PREFIX, "TIMEWARP_HUB_IDLE_TIMEOUT": "0",
           "TIMEWARP_ADMIN_PASSWORD": secrets.token_hex(8),
           # Known to us, so we can read the proxy's routing table (the server's own port).
           "CONFIGPROXY_AUTH_TOKEN": proxy_token}
    log = work / "hub.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "timewarp_hub"], env=env, cwd=work,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the hub did not start; see {log}")
        try:
            with urllib.request.urlopen(url + "/hub/api/", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    return process, url, f"http://127.0.0.1:{proxy_port}", proxy_token


def server_address(proxy_api: str, token: str, owner: str) -> str:
    """Where the proxy sends /user/<owner>/: the single-user server's own address."""
    request = urllib.request.Request(proxy_api + "/api/routes",
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        routes = json.load(response)
    return routes[f"/user/{owner}"]["target"]


class Room:
    """One notebook, a writer and its readers, reached through one base URL."""

    def __init__(self, label: str, writer: NotebookPeer, readers: list[NotebookPeer]) -> None:
        self.label = label
        self.writer = writer
        self.readers = readers
        self.latencies: list[float] = []   # every (edit, reader) delivery, ms
        self.slowest: list[float] = []     # per edit, the last reader's, ms
        self.lost = 0

    async def join(self) -> None:
        await self.writer.join()
        for reader in self.readers:
            await reader.join()

    async def one_edit(self, edit: int) -> None:
        """Type one mark; poll every reader's copy (every millisecond) until all hold it."""
        source = self.writer.notebook.ycells[0]["source"]
        mark = f"<{edit}>"
        began = time.perf_counter()
        source.insert(len(source), mark)
        waiting = dict(enumerate(self.readers))
        times = []
        while waiting:
            if time.perf_counter() - began > EDIT_TIMEOUT:
                self.lost += 1
                return
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            for number, reader in list(waiting.items()):
                if mark in str(reader.notebook.ycells[0]["source"]):
                    times.append((now - began) * 1000)
                    del waiting[number]
        self.latencies += times
        self.slowest.append(max(times))

    async def leave(self) -> None:
        for peer in (self.writer, *self.readers):
            await peer.drop()


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


async def scenario(owner: HubUser, people: list[HubUser], direct: str, readers: int,
                   edits: int, name: str) -> tuple[Room, Room]:
    rooms = []
    for label, base in (("hub", ""), ("direct", direct)):
        path = f"{name}-{label}.ipynb"
        notebook = {"cells": [{"cell_type": "code", "source": "", "metadata": {},
                               "outputs": [], "execution_count": None}],
                    "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        answer = await owner.request("PUT", f"/user/{owner.name}/api/contents/{path}",
                                     {"type": "notebook", "format": "json", "content": notebook})
        assert answer.status in (200, 201), answer.body
        room = Room(label, NotebookPeer(owner, owner.name, path, base),
                    [NotebookPeer(p, owner.name, path, base) for p in people[:readers]])
        progress(f"{name}: {readers + 1} clients joining {path} ({label})")
        await room.join()
        rooms.append(room)
    progress(f"{name}: {edits} edits")
    for edit in range(edits):
        for room in rooms:  # interleaved: both paths see the same machine load
            await room.one_edit(edit)
            await asyncio.sleep(0.01)
    progress(f"{name}: done, lost {sum(room.lost for room in rooms)}")
    for room in rooms:
        await room.leave()
    return rooms[0], rooms[1]


async def measure(url: str, proxy_api: str, proxy_token: str, edits: int,
                  readers: int) -> list[tuple[str, Room, Room]]:
    owner = HubUser(url, "owner")
    await owner.login(PASSWORD)
    await owner.create_token()
    people = []
    for number in range(readers):
        person = HubUser(url, f"r{number:02d}")
        await person.login(PASSWORD)
        await person.create_token()
        people.append(person)
    progress(f"{readers + 1} people logged in; starting the owner's server")
    await owner.start_server(timeout=120)
    for person in people:
        shared = await owner.request("POST", f"/hub/api/shares/{owner.name}/",
                                     {"user": person.name})
        assert shared.status == 200, shared.body
    direct = server_address(proxy_api, proxy_token, owner.name)
    results = []
    for name, count in (("pair", 1), ("class", readers)):
        hub_room, direct_room = await scenario(owner, people, direct, count, edits, name)
        results.append((f"1 writer, {count} reader{'s' if count > 1 else ''}", hub_room,
                        direct_room))
    await owner.stop_server()
    return results


def report(results: list[tuple[str, Room, Room]], edits: int) -> bool:
    print(f"\nSync latency over {edits} edits (ms; every delivery to every reader)\n")
    print("| scenario | hub p50 / p95 | direct p50 / p95 | p95 hub / direct "
          "| slowest reader p95 (hub) | lost |")
    print("| --- | --- | --- | --- | --- | --- |")
    ok = True
    for label, hub_room, direct_room in results:
        h, d = hub_room.latencies, direct_room.latencies
        lost = hub_room.lost + direct_room.lost
        print(f"| {label} | {statistics.median(h):.1f} / {p95(h):.1f} "
              f"| {statistics.median(d):.1f} / {p95(d):.1f} | {p95(h) / p95(d):.2f} "
              f"| {p95(hub_room.slowest):.1f} | {lost} |")
        ok = ok and p95(h) < GOAL_MS and lost == 0
    print(f"\nGoal: p95 through the hub under {GOAL_MS} ms, no edit lost: "
          f"{'met' if ok else 'NOT met'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--readers", type=int, default=30)
    args = parser.parse_args()
    names = ["owner", *(f"r{n:02d}" for n in range(args.readers))]
    with tempfile.TemporaryDirectory(prefix="collab-bench-") as folder:
        work = Path(folder)
        os.chmod(work, 0o755)
        process, url, proxy_api, proxy_token = start_hub(work, names)
        try:
            results = asyncio.run(measure(url, proxy_api, proxy_token, args.edits,
                                          args.readers))
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
            if os.geteuid() == 0:
                remove_accounts(UNIX_PREFIX)
    sys.exit(0 if report(results, args.edits) else 1)


if __name__ == "__main__":
    main()
