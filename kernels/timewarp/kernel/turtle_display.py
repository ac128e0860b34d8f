"""Shows a cell's drawing: live on a canvas while the cell runs, then as a PNG that stays.

The kernel wraps each cell in ``with TurtleDisplay(world): session.execute(code)``.  The
first change to the world during the cell displays a live canvas under a fresh display id.
When the cell ends, however it ends, that same output is replaced by an update holding only
``image/png`` and ``text/plain`` and the canvas widget is closed: a saved notebook then holds
a plain picture that shows without a kernel (after reload, in nbconvert, in nbgrader), never
a widget that reports "Error displaying widget".  A cell that leaves the turtle alone shows
nothing.
"""

from __future__ import annotations

import base64
import uuid
from typing import TYPE_CHECKING

from IPython.display import display, update_display

from timewarp.turtle.model import TurtleWorld
from timewarp.turtle.picture import render_png

if TYPE_CHECKING:
    from timewarp.turtle.canvas import CanvasView


class TurtleDisplay:
    """Context manager around one cell's execution (see the module docstring)."""

    def __init__(self, world: TurtleWorld, live: bool = True, keyboard=None) -> None:
        self.world = world
        self.live = live
        #: A kernel.keyboard.CanvasKeyboard: the live canvas's keys go to the program.
        self.keyboard = keyboard
        self.display_id = ""
        self.view: CanvasView | None = None
        self._revision = 0
        self._previous_listener = None

    def __enter__(self) -> TurtleDisplay:
        self._revision = self.world.revision
        self._previous_listener = self.world.listener
        if self.live:
            self.world.listener = self._changed
            if self.keyboard is not None:
                self.keyboard.begin(self._changed)    # shown for keys if nothing is drawn
        return self

    def _changed(self) -> None:
        if self.view is None:
            # Imported on first use, inside a cell: importing ipycanvas creates its manager
            # widget, and a widget announced while no cell runs (at kernel start) never
            # reaches JupyterLab, which then fails every canvas with "model not found".
            from timewarp.turtle.canvas import CanvasView

            self.view = CanvasView(self.world)
            self.display_id = uuid.uuid4().hex
            display(self.view.widget, display_id=self.display_id)
            self.view.flush()
            if self.keyboard is not None:
                self.keyboard.attach(self.view.widget)
        else:
            self.view.changed()

    def __exit__(self, *exc_info: object) -> None:
        self.world.listener = self._previous_listener
        if self.keyboard is not None:
            self.keyboard.end()
        if self.view is not None:
            self.view.stop()
        if self.world.revision == self._revision and self.view is None:
            return      # (a canvas shown only for keys still becomes its picture)
        png = base64.b64encode(render_png(self.world)).decode("ascii")
        picture = {"image/png": png,
                   "text/plain": f"<turtle drawing {self.world.width}x{self.world.height}>"}
        if self.view is None:
            display(picture, raw=True)
            return
        try:
            update_display(picture, raw=True, display_id=self.display_id)
        finally:
            self.view.close()
            self.view = None


def watch_cells(ipython, world: TurtleWorld) -> None:
    """Wrap every IPython cell in a :class:`TurtleDisplay` (for Python notebooks)."""
    current: list[TurtleDisplay] = []

    def before(*_: object) -> None:
        current.append(TurtleDisplay(world).__enter__())

    def after(*_: object) -> None:
        while current:
            current.pop().__exit__(None, None, None)

    ipython.events.register("pre_run_cell", before)
    ipython.events.register("post_run_cell", after)
