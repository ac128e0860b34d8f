"""The idle culler, run by the hub as a service, stops a server left idle past the timeout."""

from __future__ import annotations

import asyncio
import time

import pytest

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def hub(hub_launcher, tmp_path_factory):
    env = {"TIMEWARP_HUB_IDLE_TIMEOUT": "4", "TIMEWARP_HUB_CULL_EVERY": "1"}
    with hub_launcher(tmp_path_factory.mktemp("culler-hub"), env) as running:
        yield running


def server_running(person) -> bool:
    model = asyncio.run(person.request("GET", f"/hub/api/users/{person.name}")).json()
    return "" in model["servers"]


def test_idle_server_is_culled(hub):
    student = hub.user("student1")
    asyncio.run(student.start_server())
    assert server_running(student)
    deadline = time.monotonic() + 45
    while server_running(student) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not server_running(student)
    assert "Culling server student1" in hub.log_text()
