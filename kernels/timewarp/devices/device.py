"""One serial device, read by a thread of its own, shared by everyone who opened it.

The reader thread is the only code that touches the port's input.  It cuts the bytes into
lines, parses each line's readings, and hands every line to each subscriber's bounded
:class:`LineQueue` (a language's open file, a widget).  It never touches a widget and never
blocks on a slow subscriber: a full queue drops its oldest line and counts it, so a line is
never silently lost, merged or reordered.  An unplugged port is reopened every half second
until it comes back; meanwhile ``status`` says what is wrong in plain words.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from timewarp.devices.readings import ReadingParser

MAX_LINE = 4096          # bytes without a newline before we call the line garbage
STALL_AFTER = 2.0        # seconds of silence before the status says "stalled"
REOPEN_EVERY = 0.5       # seconds between attempts to reopen an unplugged port
_LINE_END = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class DeviceError(Exception):
    """The device cannot be used; ``kind`` is GW-BASIC's name for the problem."""

    kind = "Device unavailable"


class DeviceUnavailable(DeviceError):
    kind = "Device unavailable"


class DeviceTimeout(DeviceError):
    kind = "Device Timeout"


@dataclass(frozen=True)
class Line:
    """One line from the device, numbered in the order it arrived."""

    number: int
    text: str
    time: float                        # time.monotonic() when its end arrived
    wall: float                        # time.time() at the same moment
    readings: dict = field(default_factory=dict)
    garbled: bool = False              # undecodable bytes or control characters


class LineQueue:
    """A subscriber's lines: bounded, oldest dropped (and counted) when full."""

    def __init__(self, device: Device, maxsize: int) -> None:
        self.device = device
        self.maxsize = maxsize
        self.dropped = 0
        self._items: deque[Line] = deque()
        self._ready = threading.Condition()

    def put(self, line: Line) -> None:
        with self._ready:
            if len(self._items) >= self.maxsize:
                self._items.popleft()
                self.dropped += 1
            self._items.append(line)
            self._ready.notify_all()

    def __len__(self) -> int:
        return len(self._items)

    def waiting_chars(self) -> int:
        """Characters waiting, line ends included (BASIC's LOC on a device)."""
        with self._ready:
            return sum(len(line.text) + 1 for line in self._items)

    def drain(self, limit: int | None = None) -> list[Line]:
        """The lines waiting now (at most ``limit``), without waiting for more."""
        with self._ready:
            count = len(self._items) if limit is None else min(limit, len(self._items))
            return [self._items.popleft() for _ in range(count)]

    def get(self, timeout: float, idle: Callable[[], None] | None = None) -> Line:
        """The next line; waits up to ``timeout`` seconds in short slices, so Ctrl-C and
        the stop button get through, calling ``idle`` between slices."""
        deadline = time.monotonic() + timeout
        while True:
            with self._ready:
                if self._items:
                    return self._items.popleft()
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DeviceTimeout(f"no line from {self.device.name} for {timeout:g} s")
                self.device.check_available()
                self._ready.wait(min(left, 0.05))
            if idle is not None:
                idle()

    def wake(self) -> None:
        with self._ready:
            self._ready.notify_all()

    def close(self) -> None:
        self.device.unsubscribe(self)


class Device:
    """A port opened by ``opener`` (a callable giving a pyserial-like object)."""

    def __init__(self, url: str, opener: Callable[[], object], name: str | None = None) -> None:
        self.url = url
        self.name = name or url
        self._opener = opener
        self.port = None
        self.status = "closed"
        self.detail = ""
        self.latest: dict[str, tuple[float, float]] = {}   # name -> (value, monotonic time)
        self.lines_seen = 0
        self.garbled = 0
        self.reconnects = 0
        self._subscribers: list[LineQueue] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._stop = threading.Event()
        self._parser = ReadingParser()
        self._thread: threading.Thread | None = None
        self._last_bytes = time.monotonic()
        self.changed = threading.Condition()   # notified on every reading and status change

    # Life cycle

    def start(self) -> Device:
        """Open the port now (raising DeviceUnavailable if it cannot), then read it."""
        try:
            self._open_port()
        except Exception as exc:  # noqa: BLE001 - any failure to open is "unavailable"
            raise DeviceUnavailable(f"cannot open {self.name}: {_plain(exc)}") from None
        self._set_status("connected", "")
        self._thread = threading.Thread(target=self._run, name=f"device {self.name}", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        self._close_port()
        self._set_status("closed", "")
        for queue in list(self._subscribers):
            queue.wake()

    def _open_port(self) -> None:
        port = self._opener()
        port.timeout = 0.05
        self.port = port
        self._last_bytes = time.monotonic()

    def _close_port(self) -> None:
        port, self.port = self.port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - closing a dead port may fail; it is closed
                pass

    # Subscribers

    def subscribe(self, maxsize: int = 10_000) -> LineQueue:
        queue = LineQueue(self, maxsize)
        with self._lock:
            self._subscribers.append(queue)
        return queue

    def unsubscribe(self, queue: LineQueue) -> None:
        with self._lock:
            if queue in self._subscribers:
                self._subscribers.remove(queue)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def check_available(self) -> None:
        if self.status == "unplugged":
            raise DeviceUnavailable(f"{self.name} was unplugged ({self.detail})")
        if self.status == "closed":
            raise DeviceUnavailable(f"{self.name} is closed")

    # Writing

    def write_line(self, text: str, ending: str = "\n") -> None:
        self.check_available()
        with self._write_lock:
            port = self.port
            if port is None:
                raise DeviceUnavailable(f"{self.name} is not connected")
            try:
                port.write((text + ending).encode("utf-8"))
            except Exception as exc:  # noqa: BLE001 - a failed write means the port is gone
                raise DeviceUnavailable(f"cannot write to {self.name}: {_plain(exc)}") from None

    # The reader thread

    def _run(self) -> None:
        pending = bytearray()
        while not self._stop.is_set():
            if self.port is None:
                if not self._reopen():
                    self._stop.wait(REOPEN_EVERY)
                    continue
                pending.clear()
            try:
                port = self.port
                data = port.read(max(1, port.in_waiting))
            except Exception as exc:  # noqa: BLE001 - unplugged, or the port broke
                if self._stop.is_set():
                    break
                self._close_port()
                self._set_status("unplugged", _plain(exc))
                continue
            now = time.monotonic()
            if data:
                self._last_bytes = now
                if self.status != "connected":
                    self._set_status("connected", "")
                pending += data
                self._cut_lines(pending)
            elif self.status == "connected" and now - self._last_bytes > STALL_AFTER:
                self._set_status("stalled", f"no data for {STALL_AFTER:g} s")

    def _reopen(self) -> bool:
        try:
            self._open_port()
        except Exception:  # noqa: BLE001 - still unplugged
            return False
        self.reconnects += 1
        self._set_status("connected", "reconnected")
        return True

    def _cut_lines(self, pending: bytearray) -> None:
        parts = _LINE_END.split(bytes(pending))
        rest = parts.pop()
        for raw in parts:
            if raw:
                self._deliver(raw)
        if len(rest) > MAX_LINE:
            self._deliver(rest[:MAX_LINE], too_long=True)
            rest = b""
        pending[:] = rest

    def _deliver(self, raw: bytes, too_long: bool = False) -> None:
        try:
            text = raw.decode("utf-8")
            garbled = too_long or bool(_CONTROL.search(text))
        except UnicodeDecodeError:
            text, garbled = raw.decode("utf-8", "replace"), True
        if garbled:
            text = _CONTROL.sub("\ufffd", text)
            self.garbled += 1
        readings = {} if garbled else (self._parser.parse(text) or {})
        now = time.monotonic()
        self.lines_seen += 1
        line = Line(self.lines_seen, text, now, time.time(), readings, garbled)
        if readings:
            with self.changed:
                for name, value in readings.items():
                    self.latest[name] = (value, now)
                self.changed.notify_all()
        with self._lock:
            subscribers = list(self._subscribers)
        for queue in subscribers:
            queue.put(line)

    def _set_status(self, status: str, detail: str) -> None:
        with self.changed:
            self.status, self.detail = status, detail
            self.changed.notify_all()
        with self._lock:
            subscribers = list(self._subscribers)
        for queue in subscribers:
            queue.wake()

    def describe(self) -> str:
        """The status in plain words, for a widget's status line."""
        text = {"connected": "connected", "stalled": "connected, but silent",
                "unplugged": "unplugged: waiting for it to come back",
                "closed": "closed"}.get(self.status, self.status)
        if self.detail:
            text += f" ({self.detail})"
        if self.garbled:
            text += f"; {self.garbled} garbled line(s): is the baud rate right?"
        return text


def _plain(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.split("\n")[0][:200]
