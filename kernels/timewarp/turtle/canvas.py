"""The live view: a turtle world drawn on an ipycanvas widget while a cell runs.

ipycanvas sends each drawing call as a comm message and the server allows about 1,000
messages a second, so the view never draws item by item: it batches whatever the log gained
since the last flush into a few array calls (``stroke_styled_line_segments``,
``fill_styled_polygons``, ``fill_styled_circles``) inside one ``hold_canvas``, and flushes
at most every :data:`FLUSH_SECONDS` unless the turtle's speed asks for animation; a timer
sends the last changes when the program stops drawing between flushes.
"""

from __future__ import annotations

import itertools
import threading
import time

import numpy as np
from ipycanvas import MultiCanvas, hold_canvas

from timewarp.interrupts import shielded
from timewarp.turtle.colours import colour_rgb
from timewarp.turtle.model import Dot, DrawingItem, Fill, Label, Segment, TurtleWorld
from timewarp.turtle.picture import turtle_triangle

#: How often a fast drawing is sent to the browser while the cell runs.
FLUSH_SECONDS = 0.07
#: Pause per turtle step at speed 1; speed n pauses n times as long.
STEP_SECONDS = 0.005


class CanvasView:
    """Keeps an ipycanvas MultiCanvas (drawing below, turtles above) in step with a world."""

    def __init__(self, world: TurtleWorld) -> None:
        self.world = world
        self.widget = MultiCanvas(2, width=world.width, height=world.height)
        self.widget.layout.width = f"{world.width}px"
        self.widget.layout.height = f"{world.height}px"
        self._drawn = 0
        self._rewrites = -1
        self._insertions = 0
        self._last_flush = 0.0
        # The program's thread and the trailing-flush timer both flush; one at a time.
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._stopped = False

    def changed(self) -> None:
        """Called on every change to the world: flush when due, pause when animating."""
        speed = self.world.turtle.speed
        if speed:
            time.sleep(STEP_SECONDS * speed)
            self.flush()
        elif time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush()
        elif self._timer is None:
            # The last changes must show even if the program now stops drawing for a while
            # (waiting for INPUT, thinking), so a flush is due shortly whatever happens.
            self._timer = threading.Timer(FLUSH_SECONDS, self._trailing_flush)
            self._timer.daemon = True
            self._timer.start()

    def _trailing_flush(self) -> None:
        self._timer = None
        self.flush()

    def flush(self) -> None:
        """Send what the world gained since the last flush, all in one message."""
        # Ctrl-C inside hold_canvas would leave ipycanvas's batch half-built and its caching
        # on for good; the interrupt waits until the batch is sent.
        with shielded(), self._lock:
            if not self._stopped:
                self._send_changes()
            self._last_flush = time.monotonic()

    def _send_changes(self) -> None:
        world = self.world
        with hold_canvas():
            if world.rewrites != self._rewrites or (
                    self.widget.width, self.widget.height) != (world.width, world.height):
                self._start_over()
            inserted = world.insertions[self._insertions:]
            if inserted:
                # Paint again from the lowest insertion: the new fill, then what lies on it.
                self._drawn = min(self._drawn, *inserted)
                self._insertions = len(world.insertions)
            self._draw(world.log[self._drawn:])
            self._drawn = len(world.log)
            self._draw_turtles()

    def stop(self) -> None:
        """Send nothing more (the cell has ended)."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()

    def close(self) -> None:
        self.stop()
        # Layouts are widgets too: close them, or every cell would leave some behind.
        for widget in (*self.widget._canvases, self.widget):
            widget.layout.close()
            widget.close()

    def _start_over(self) -> None:
        world, paper = self.world, self.widget[0]
        if (self.widget.width, self.widget.height) != (world.width, world.height):
            self.widget.width, self.widget.height = world.width, world.height
            self.widget.layout.width = f"{world.width}px"
            self.widget.layout.height = f"{world.height}px"
        paper.fill_style = world.background
        paper.fill_rect(0, 0, world.width, world.height)
        self._rewrites = world.rewrites
        self._drawn = 0
        self._insertions = len(world.insertions)

    def _draw(self, items: list[DrawingItem]) -> None:
        """Draw items in order, each run of one kind of item as one batch."""
        for kind, run in itertools.groupby(items, type):
            run = list(run)
            if kind is Segment:
                self._draw_segments(run)
            elif kind is Fill:
                self._draw_fills(run)
            elif kind is Dot:
                self._draw_dots(run)
            else:
                self._draw_labels(run)

    def _place(self, xy: np.ndarray) -> np.ndarray:
        """Turtle coordinates (centre origin, y up) to canvas pixels (top left, y down)."""
        xy[..., 0] += self.world.width / 2
        xy[..., 1] = self.world.height / 2 - xy[..., 1]
        # Single precision is exact enough for pixels and halves the bytes sent.
        return xy.astype(np.float32)

    def _draw_segments(self, segments: list[Segment]) -> None:
        paper = self.widget[0]
        ends = np.array([(s.x1, s.y1, s.x2, s.y2) for s in segments], dtype=float)
        points = self._place(ends.reshape(-1, 2, 2))
        colours = _rgb_array([s.colour for s in segments])
        widths = np.array([s.width for s in segments])
        for width in np.unique(widths):
            chosen = widths == width
            paper.line_width = max(1.0, float(width))
            paper.line_cap = "round"
            paper.stroke_styled_line_segments(points[chosen], colours[chosen])

    def _draw_fills(self, fills: list[Fill]) -> None:
        points = self._place(np.array([p for f in fills for p in f.points], dtype=float))
        self.widget[0].fill_styled_polygons(
            points, _rgb_array([f.colour for f in fills]),
            points_per_polygon=[len(f.points) for f in fills])

    def _draw_dots(self, dots: list[Dot]) -> None:
        centres = self._place(np.array([(d.x, d.y) for d in dots], dtype=float))
        self.widget[0].fill_styled_circles(
            centres[:, 0], centres[:, 1], np.array([d.size / 2 for d in dots]),
            _rgb_array([d.colour for d in dots]))

    def _draw_labels(self, labels: list[Label]) -> None:
        paper = self.widget[0]
        for label in labels:
            paper.font = f"{label.size:g}px sans-serif"
            paper.fill_style = label.colour
            paper.fill_text(label.text, self.world.width / 2 + label.x,
                            self.world.height / 2 - label.y)

    def _draw_turtles(self) -> None:
        layer = self.widget[1]
        layer.clear()
        layer.line_width = 1
        for turtle in self.world.turtles:
            if turtle.visible:
                layer.stroke_style = turtle.pen_colour
                layer.stroke_polygon(self._place(np.array(turtle_triangle(turtle))).tolist())


def _rgb_array(colours: list[str]) -> np.ndarray:
    return np.array([colour_rgb(c) for c in colours], dtype=np.uint8)
