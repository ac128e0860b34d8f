"""The Web Serial bridge: a device on the student's laptop, read by a kernel on the hub.

A kernel on a hub (or in a Kubernetes pod) cannot see the laptop's USB port.  The browser
can: :class:`WebSerialBridge` is a widget whose front end (``static/webserial.js``, served
by anywidget) opens the port with the Web Serial API and sends its bytes over the widget's
comm; bytes written by the kernel flow back.  On the kernel's side the bytes fill a
:class:`BridgePort`, a pyserial-like port, so every language reads it as any other device:
``OPEN "WEBSERIAL:" AS #1``, ``OPEN "COM1:9600" AS #1`` when the machine has no COM1, or
``Sensor("webserial:")`` in Python.

While a cell runs, the kernel's main thread is busy with the program, and comm messages
queue behind it.  So the bridge asks ipykernel 7 for a subshell (a thread of its own) and
routes its comm's messages there: the bytes keep arriving while BASIC waits in INPUT #1.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import anywidget
import traitlets
from serial.serialutil import SerialException

from timewarp import devices

SCHEME = "webserial:"
CONNECT_TIMEOUT = 120.0     # seconds the student has to press Connect in the browser
SILENT_TAB = 4.0            # seconds without a message from an open port's tab: it is gone
_bridges: dict[str, WebSerialBridge] = {}


class BridgePort:
    """The pyserial-like side the device's reader thread reads (see timewarp.devices)."""

    def __init__(self, bridge: WebSerialBridge) -> None:
        self.bridge = bridge
        self.timeout = 0.05
        self.generation = bridge.generation

    def _check(self) -> None:
        bridge = self.bridge
        if bridge.connected and time.monotonic() - bridge.heard > SILENT_TAB:
            bridge.connected = False
            bridge.reason = "the browser tab was closed or lost its connection"
        if not bridge.connected or self.generation != bridge.generation:
            raise SerialException(f"the browser's device is gone ({bridge.reason})")

    @property
    def in_waiting(self) -> int:
        self._check()
        return len(self.bridge.incoming)

    def read(self, size: int = 1) -> bytes:
        bridge = self.bridge
        deadline = time.monotonic() + (self.timeout or 0)
        with bridge.arrived:
            while len(bridge.incoming) < size:
                self._check()
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                bridge.arrived.wait(left)
            self._check()
            data = bytes(bridge.incoming[:size])
            del bridge.incoming[:size]
            return data

    def write(self, data: bytes) -> int:
        self._check()
        self.bridge.send({"kind": "write"}, buffers=[bytes(data)])
        return len(data)

    def close(self) -> None:
        """The port stays open in the browser for the next user."""


class WebSerialBridge(anywidget.AnyWidget):
    _esm = Path(__file__).with_name("static") / "webserial.js"
    status = traitlets.Unicode("press Connect and choose your device").tag(sync=True)
    baud = traitlets.Int(9600).tag(sync=True)

    def __init__(self, name: str = SCHEME, baud: int = 9600, **kwargs) -> None:
        super().__init__(baud=baud, **kwargs)
        self.name = name
        self.incoming = bytearray()
        self.arrived = threading.Condition()
        self.connected = False
        self.reason = "not connected yet"
        self.generation = 0
        self.received = 0
        self.heard = time.monotonic()
        self.on_msg(self._message)
        _route_comm_to_subshell(self)
        _bridges[name] = self

    def _message(self, _widget, content: dict, buffers: list) -> None:
        # Runs on the bridge's subshell thread: it only fills the buffer, never a widget.
        kind = content.get("kind")
        with self.arrived:
            self.heard = time.monotonic()
            if kind == "data":
                for buffer in buffers or ():
                    self.incoming += bytes(buffer)
                    self.received += len(buffer)
            elif kind == "open":
                self.incoming.clear()
                self.generation += 1
                self.connected, self.reason = True, ""
            elif kind in ("closed", "error", "unsupported"):
                self.connected = False
                self.reason = content.get("reason") or (
                    "this browser has no Web Serial: use Chrome or Edge" if kind == "unsupported"
                    else "closed")
            self.arrived.notify_all()
        if kind in ("open", "closed", "error", "unsupported"):
            self.status = "connected" if self.connected else self.reason

    def wait_connected(self, timeout: float = CONNECT_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not self.connected:
            if time.monotonic() > deadline:
                raise devices.DeviceUnavailable(
                    f"nobody connected a device in the browser within {timeout:g} s "
                    f"({self.reason})")
            with self.arrived:
                self.arrived.wait(0.05)
            devices.idle()


def _route_comm_to_subshell(widget: WebSerialBridge) -> None:
    """Send this comm's incoming messages to a subshell of their own (ipykernel >= 7)."""
    try:
        from ipykernel.kernelbase import Kernel
    except ImportError:
        return
    if not Kernel.initialized():
        return
    kernel = Kernel.instance()
    thread = getattr(kernel, "shell_channel_thread", None)
    if thread is None or widget.comm is None:
        return
    with _subshell_lock:
        global _subshell_id
        if _subshell_id is None:
            _subshell_id = _create_subshell(thread)
    subshell = _subshell_id
    if subshell is None:
        return
    widget.comm._reply_subshell_for = lambda data, default: subshell


def _create_subshell(thread) -> str | None:
    """A new subshell, made on the shell channel thread as a front end's request would be
    (its control socket belongs to the control thread, so it is not borrowed here)."""
    made: list[str | None] = []
    done = threading.Event()

    def create() -> None:
        try:
            made.append(thread.manager._create_subshell())
        except Exception:  # noqa: BLE001 - no subshell: comms then wait for the cell
            made.append(None)
        done.set()

    thread.io_loop.add_callback(create)
    return made[0] if done.wait(10) else None


_subshell_lock = threading.Lock()
_subshell_id: str | None = None


def open_bridge_port(url: str, baud: int) -> BridgePort:
    """The opener timewarp.devices calls for ``webserial:`` ports."""
    rest = url[len(SCHEME):].strip()
    if rest.isdigit():
        baud = int(rest)        # WEBSERIAL:115200
    bridge = _bridges.get(SCHEME)
    on_main = threading.current_thread() is threading.main_thread()
    if bridge is None or bridge.comm is None:
        if not on_main:
            raise SerialException("the browser bridge is gone")
        from IPython.display import display
        bridge = WebSerialBridge(SCHEME, baud)
        display(bridge)
    if not bridge.connected:
        if not on_main:
            raise SerialException(f"the browser's device is not connected ({bridge.reason})")
        bridge.wait_connected()
    return BridgePort(bridge)

