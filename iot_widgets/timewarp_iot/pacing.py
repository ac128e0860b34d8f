"""Widget updates from the kernel's own thread, at most 20 times a second.

Reader threads only fill queues; they never touch a widget, because ipykernel 7 routes
messages sent from other threads differently (and widget state is not thread-safe).  The
widgets are updated by :class:`Pacer` from the kernel's main thread: from a timer on the
kernel's event loop while no cell runs, and from :func:`timewarp.devices.idle` while a
cell's program waits for a device (the event loop is busy running the cell then).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from timewarp import devices

MAX_RATE = 20.0


class Pacer:
    def __init__(self, update: Callable[[], None], rate: float = MAX_RATE) -> None:
        self.update = update
        self.period = 1.0 / rate
        self.last = 0.0
        self.running = False
        self._remove_hook = None
        self._handle = None
        self._loop = None

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self._remove_hook = devices.add_idle_hook(self.tick)
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None     # no event loop (a plain script): idle hooks only
        self._schedule()

    def _schedule(self) -> None:
        if self.running and self._loop is not None:
            self._handle = self._loop.call_later(self.period, self._timer)

    def _timer(self) -> None:
        self.tick()
        self._schedule()

    def tick(self) -> None:
        """Update now if a period has passed since the last update."""
        now = time.monotonic()
        if now - self.last >= self.period:
            self.last = now
            self.update()

    def stop(self) -> None:
        self.running = False
        if self._remove_hook is not None:
            self._remove_hook()
        if self._handle is not None:
            self._handle.cancel()
