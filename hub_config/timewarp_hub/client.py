"""A small asynchronous client that uses the hub the way a student's browser does.

It logs in through the login form, asks for an API token, starts a server, and runs a cell
in a kernel over the Jupyter REST and websocket APIs (the token always in an Authorization
header).  Operators can use it to check a hub; the tests and the load benchmark use it.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect


class HubError(RuntimeError):
    """The hub or a server answered something other than what was asked for."""


@dataclass
class CellResult:
    """What running one cell produced."""

    stdout: str = ""
    stderr: str = ""
    results: list[str] = field(default_factory=list)
    error: dict | None = None


@dataclass
class Response:
    status: int
    body: bytes

    def json(self):
        return json.loads(self.body or b"null")


class HubUser:
    """One person at the hub: their cookies, their token, their server."""

    def __init__(self, base_url: str, name: str, token: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.token = token
        self.cookies: dict[str, str] = {}

    async def request(self, method: str, path: str, body=None, *, token: str | None = None,
                      form: dict | None = None, timeout: float = 60) -> Response:
        """One HTTP request; the token (if any) goes in the Authorization header."""
        headers = {}
        token = self.token if token is None else token
        if token:
            headers["Authorization"] = f"token {token}"
        elif self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            if "_xsrf" in self.cookies:
                headers["X-XSRFToken"] = self.cookies["_xsrf"]
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        if body is None and method in ("POST", "PUT", "PATCH"):
            body = ""
        req = HTTPRequest(self.base_url + path, method=method, headers=headers, body=body,
                          follow_redirects=False, request_timeout=timeout)
        try:
            # AsyncHTTPClient() is one shared client per event loop, looked up each time so
            # a HubUser can be used from several asyncio.run() calls.
            response = await AsyncHTTPClient().fetch(req, raise_error=False)
        except HTTPClientError as error:
            raise HubError(f"{method} {path}: {error}") from error
        for header in response.headers.get_list("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(header)
            self.cookies.update({k: m.value for k, m in jar.items()})
        return Response(response.code, response.body or b"")

    async def login(self, password: str) -> None:
        """Log in through the hub's login form, as a browser would."""
        await self.request("GET", "/hub/login", token="")
        answer = await self.request("POST", "/hub/login", token="", form={
            "username": self.name, "password": password,
            "_xsrf": self.cookies.get("_xsrf", "")})
        if answer.status != 302:
            raise HubError(f"login of {self.name} failed with HTTP {answer.status}")
        # The xsrf token is tied to the login, so the first page after it brings a new one.
        await self.request("GET", "/hub/token", token="")

    async def create_token(self, note: str = "timewarp client") -> str:
        """A new API token for this user, asked for with the login cookie."""
        answer = await self.request("POST", f"/hub/api/users/{self.name}/tokens",
                                    {"note": note, "expires_in": 3600}, token="")
        if answer.status != 201:
            raise HubError(f"token for {self.name}: HTTP {answer.status} {answer.body!r}")
        self.token = answer.json()["token"]
        return self.token

    async def start_server(self, options: dict | None = None, timeout: float = 90) -> Response:
        """Ask for the server and wait until it is ready; any refusal is returned as it is."""
        answer = await self.request("POST", f"/hub/api/users/{self.name}/server", options or {},
                                    timeout=timeout)
        if answer.status == 202:
            await self._follow_progress(timeout)
        return answer

    async def _follow_progress(self, timeout: float) -> None:
        """Wait for the spawn's end on the hub's progress event stream, as the browser does
        (polling the user model from many clients at once would load the hub itself)."""
        events: list[dict] = []
        buffer = b""

        def on_chunk(chunk: bytes) -> None:
            nonlocal buffer
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            events.extend(json.loads(line[5:]) for line in lines if line.startswith(b"data:"))

        request = HTTPRequest(f"{self.base_url}/hub/api/users/{self.name}/server/progress",
                              headers={"Authorization": f"token {self.token}"},
                              streaming_callback=on_chunk, request_timeout=timeout)
        await AsyncHTTPClient().fetch(request, raise_error=False)
        if not events or not events[-1].get("ready"):
            message = events[-1].get("message", "") if events else "no progress events"
            raise HubError(f"{self.name}'s server did not start: {message}")

    async def stop_server(self, owner: str | None = None) -> int:
        answer = await self.request("DELETE", f"/hub/api/users/{owner or self.name}/server")
        return answer.status

    async def run_cell(self, code: str, kernel: str, owner: str | None = None,
                       timeout: float = 60) -> CellResult:
        """Start a kernel on ``owner``'s server (default: own), run ``code``, shut it down."""
        prefix = f"/user/{owner or self.name}/api/kernels"
        started = await self.request("POST", prefix, {"name": kernel}, timeout=timeout)
        if started.status != 201:
            raise HubError(f"starting kernel {kernel}: HTTP {started.status} {started.body!r}")
        kernel_id = started.json()["id"]
        try:
            return await self._execute(f"{prefix}/{kernel_id}/channels", code, timeout)
        finally:
            await self.request("DELETE", f"{prefix}/{kernel_id}")

    async def _execute(self, channels: str, code: str, timeout: float) -> CellResult:
        url = "ws" + self.base_url[len("http"):] + channels
        request = HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                              request_timeout=timeout)
        socket = await websocket_connect(request)
        try:
            msg_id = uuid.uuid4().hex
            socket.write_message(json.dumps(execute_request(msg_id, code)))
            return await asyncio.wait_for(_collect(socket, msg_id), timeout)
        finally:
            socket.close()


def execute_request(msg_id: str, code: str) -> dict:
    return {
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "",
                   "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }


async def _collect(socket, msg_id: str) -> CellResult:
    """Gather a cell's output until the kernel goes idle again."""
    result = CellResult()
    while True:
        raw = await socket.read_message()
        if raw is None:
            raise HubError("the kernel's websocket closed before the cell finished")
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            setattr(result, content["name"],
                    getattr(result, content["name"]) + content["text"])
        elif kind in ("execute_result", "display_data"):
            result.results.append(content["data"].get("text/plain", ""))
        elif kind == "error":
            result.error = {"ename": content["ename"], "evalue": content["evalue"]}
        elif kind == "status" and content["execution_state"] == "idle":
            return result
