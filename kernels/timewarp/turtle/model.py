"""The turtle model: where the turtle is, and the log of everything it drew.

Time Warp's conventions: origin at the centre of the canvas, y up, heading 0 is north and
headings grow clockwise, in degrees.  Engines call the methods of :class:`Turtle` and
:class:`TurtleWorld`; renderers (the live ipycanvas view, the PNG/SVG picture), the grader
and ``timewarp run --turtle-json`` only ever read the world's log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DEFAULT_WIDTH = 800
DEFAULT_HEIGHT = 600


@dataclass(frozen=True, slots=True)
class Segment:
    """One straight line the pen drew, in turtle coordinates."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float


class Turtle:
    """One turtle: position, heading and pen."""

    def __init__(self, world: TurtleWorld) -> None:
        self.world = world
        self.x = 0.0
        self.y = 0.0
        self.heading = 0.0
        self.pen_is_down = True
        self.pen_colour = "black"
        self.pen_width = 1.0
        self.visible = True

    def forward(self, distance: float) -> None:
        rad = math.radians(self.heading)
        self.move_to(self.x + distance * math.sin(rad), self.y + distance * math.cos(rad))

    def back(self, distance: float) -> None:
        self.forward(-distance)

    def left(self, angle: float) -> None:
        self.set_heading(self.heading - angle)

    def right(self, angle: float) -> None:
        self.set_heading(self.heading + angle)

    def set_heading(self, heading: float) -> None:
        self.heading = heading % 360.0

    def move_to(self, x: float, y: float) -> None:
        """Go straight to (x, y), drawing if the pen is down."""
        if self.pen_is_down:
            self.world.add_segment(
                Segment(self.x, self.y, x, y, self.pen_colour, self.pen_width))
        self.x, self.y = x, y

    def home(self) -> None:
        self.move_to(0.0, 0.0)
        self.heading = 0.0

    def pen_up(self) -> None:
        self.pen_is_down = False

    def pen_down(self) -> None:
        self.pen_is_down = True

    def set_pen_colour(self, colour: str) -> None:
        self.pen_colour = colour

    def set_pen_width(self, width: float) -> None:
        self.pen_width = float(width)


class TurtleWorld:
    """The canvas, its turtles and the log of what was drawn."""

    def __init__(self, width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> None:
        self.width = width
        self.height = height
        self.background = "white"
        self.segments: list[Segment] = []
        self.turtles = [Turtle(self)]
        self.turtle = self.turtles[0]

    def add_segment(self, segment: Segment) -> None:
        self.segments.append(segment)

    def clear_screen(self) -> None:
        """Erase the drawing and send the turtle home."""
        self.segments.clear()
        for turtle in self.turtles:
            turtle.x = turtle.y = turtle.heading = 0.0

    def to_json(self) -> dict:
        """The drawing in ``timewarp run --turtle-json`` form."""
        return {
            "segments": [[s.x1, s.y1, s.x2, s.y2, s.colour, s.width] for s in self.segments],
            "pos": [self.turtle.x, self.turtle.y],
            "heading": self.turtle.heading,
        }
