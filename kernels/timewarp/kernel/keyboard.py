"""Keys pressed on a cell's live canvas, for INKEY$ and ON KEY while the cell runs.

The canvas (an ipycanvas MultiCanvas) takes the keyboard's focus when clicked and sends
each keydown over its widget comm.  While a cell runs, the kernel's main thread is busy
with the program and comm messages wait behind it on the shell channel, so the canvas's
comm is routed to a subshell of its own (ipykernel 7), as the Web Serial bridge does
(timewarp_iot.bridge): its thread only turns the browser's key names into GW-BASIC's codes
(timewarp.keys) and queues them; the program takes them with ``poll``.

A program that asks for keys before it has drawn anything gets its canvas shown then, so
there is always something to click.  Keys pressed before the cell began, or after it
ended, are not the program's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from timewarp.keys import from_browser


class CanvasKeyboard:
    def __init__(self) -> None:
        self.keys: deque[str] = deque()
        self.widget = None
        self._show: Callable[[], None] | None = None

    def begin(self, show: Callable[[], None]) -> None:
        """A cell starts: ``show`` displays its canvas if it is not shown yet."""
        self.keys.clear()
        self._show = show

    def attach(self, widget) -> None:
        """The cell's canvas is on screen: take its keys."""
        self.widget = widget
        widget.on_key_down(self._key_down)
        # The bridge's subshell (one per kernel) serves the canvas too.
        from timewarp_iot.bridge import _route_comm_to_subshell
        _route_comm_to_subshell(widget)

    def end(self) -> None:
        if self.widget is not None:
            self.widget.on_key_down(self._key_down, remove=True)
        self.widget = None
        self._show = None
        self.keys.clear()

    def _key_down(self, key: str, shift: bool, ctrl: bool, meta: bool) -> None:
        # On the subshell's thread: only queue (deque appends are thread-safe).
        code = from_browser(key, shift, ctrl)
        if code:
            self.keys.append(code)

    def poll(self) -> str:
        if self.widget is None and self._show is not None:
            show, self._show = self._show, None
            show()
        return self.keys.popleft() if self.keys else ""
