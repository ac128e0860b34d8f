"""A person editing a shared notebook from Python, as JupyterLab does through the hub.

JupyterLab's real-time collaboration (jupyter-collaboration) keeps each open notebook as a
Y document in the server; every browser holds a copy and exchanges updates over a websocket.
:class:`NotebookPeer` does the same with pycrdt and jupyter_ydoc: it asks the server for a
session on a path (``PUT .../api/collaboration/session/<path>``), joins the room
(``.../api/collaboration/room/json:notebook:<fileId>?sessionId=...``) with the token in an
Authorization header, and then edits ``peer.notebook`` (a jupyter_ydoc ``YNotebook``).

Operators can use it to check a hub; the tests and the latency benchmark use it.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import quote

from jupyter_ydoc import YNotebook
from pycrdt import Doc, Provider
from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClosedError, websocket_connect

from timewarp_hub.client import HubError, HubUser


class TornadoChannel:
    """A pycrdt channel over a tornado websocket connection (binary messages)."""

    def __init__(self, connection, path: str) -> None:
        self.connection = connection
        self._path = path
        self.closed = False

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self):
        return self

    async def __anext__(self) -> bytes:
        message = await self.connection.read_message()
        if message is None:
            self.closed = True
            raise StopAsyncIteration
        return message

    async def send(self, message: bytes) -> None:
        try:
            await self.connection.write_message(message, binary=True)
        except WebSocketClosedError:
            pass  # the room is gone; the provider stops when reading ends

    async def recv(self) -> bytes:
        return await self.__anext__()


class NotebookPeer:
    """One person in one notebook of ``owner``'s server, reached through ``base_url``.

    ``base_url`` defaults to the hub's (the public proxy); a server's own address serves to
    measure what the proxy costs.
    """

    def __init__(self, person: HubUser, owner: str, path: str, base_url: str = "") -> None:
        self.person = person
        self.owner = owner
        self.path = path
        self.base_url = (base_url or person.base_url).rstrip("/")
        self.doc = Doc()
        self.notebook = YNotebook(self.doc)
        self.connection = None
        self.channel: TornadoChannel | None = None
        self._provider_task: asyncio.Task | None = None
        self.provider: Provider | None = None

    @property
    def server_api(self) -> str:
        return f"/user/{self.owner}/api"

    async def session(self) -> dict:
        """Ask the server for the notebook's collaboration session (its file id and session)."""
        answer = await self.person.request(
            "PUT", f"{self.server_api}/collaboration/session/{quote(self.path)}",
            {"format": "json", "type": "notebook"}, token=None)
        if answer.status not in (200, 201):
            raise HubError(f"{self.person.name} cannot open {self.owner}'s {self.path}: "
                           f"HTTP {answer.status} {answer.body[:200]!r}")
        return answer.json()

    async def join(self, timeout: float = 60) -> None:
        """Join the notebook's room and wait until this copy holds the server's document."""
        session = await self.session()
        room = f"json:notebook:{session['fileId']}"
        url = ("ws" + self.base_url[len("http"):] + f"{self.server_api}/collaboration/room/"
               f"{room}?sessionId={session['sessionId']}")
        request = HTTPRequest(url, headers={"Authorization": f"token {self.person.token}"},
                              request_timeout=timeout)
        self.connection = await websocket_connect(request, max_message_size=256 * 1024 * 1024)
        self.channel = TornadoChannel(self.connection, room)
        self.provider = Provider(self.doc, self.channel)
        self._provider_task = asyncio.create_task(self.provider.start())
        await asyncio.wait_for(self.provider.synced.wait(), timeout)

    @property
    def connected(self) -> bool:
        """Whether the room's websocket is still open (as far as this side has read)."""
        return self.channel is not None and not self.channel.closed

    async def leave(self) -> None:
        """Leave the room politely: queued updates are sent first."""
        if self.provider is not None:
            await self.provider.stop()
        if self.connection is not None:
            self.connection.close()
        await self._forget_task()

    async def drop(self) -> None:
        """Vanish mid-edit, as a closed laptop lid does: the socket just goes."""
        if self.connection is not None:
            self.connection.close()
        await self._forget_task()

    async def _forget_task(self) -> None:
        if self._provider_task is not None:
            self._provider_task.cancel()
            try:
                await self._provider_task
            except (asyncio.CancelledError, Exception):  # a stopped provider may raise
                pass
        self._provider_task = None

    def sources(self) -> list[str]:
        """Every cell's source, as this copy sees it now."""
        return [str(cell["source"]) for cell in self.notebook.ycells]

    async def wait_for(self, condition, timeout: float = 30, what: str = "a change") -> None:
        """Wait until ``condition(self)`` holds (checked after every update and every 50 ms)."""
        deadline = time.monotonic() + timeout
        while not condition(self):
            if time.monotonic() > deadline:
                raise HubError(f"{self.person.name} did not see {what} within {timeout} s; "
                               f"cells now: {self.sources()!r}")
            await asyncio.sleep(0.05)
