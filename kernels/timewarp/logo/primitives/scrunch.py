"""SETSCRUNCH's stretched picture: the turtle moves in its own coordinates, and the lines go
on the canvas with x and y multiplied by the two scales, as in UCBLogo.

The turtle model keeps canvas coordinates, so POS and the like divide by the scales
(a turtle that was at [0 100] before SETSCRUNCH 1 2 is at [0 50] after, as in ucblogo).
Turtle primitives use :class:`ScrunchedTurtle` in place of the model's turtle while the
scales are not 1 1 (``interp.scrunched``).
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from timewarp.turtle.model import Segment


class ScrunchedTurtle:
    """The world's turtle seen through SETSCRUNCH's scales."""

    def __init__(self, world: Any, x_scale: float, y_scale: float) -> None:
        self.world = world
        self.x_scale, self.y_scale = x_scale, y_scale

    @property
    def x(self) -> float:
        return self.world.turtle.x / self.x_scale

    @property
    def y(self) -> float:
        return self.world.turtle.y / self.y_scale

    def move_to(self, x: float, y: float) -> None:
        self.world.turtle.move_to(x * self.x_scale, y * self.y_scale)

    def forward(self, distance: float) -> None:
        rad = math.radians(self.world.turtle.heading)
        self.move_to(self.x + distance * math.sin(rad), self.y + distance * math.cos(rad))

    def back(self, distance: float) -> None:
        self.forward(-distance)

    def set_x(self, x: float) -> None:
        self.move_to(x, self.y)

    def set_y(self, y: float) -> None:
        self.move_to(self.x, y)

    def arc(self, angle: float, radius: float) -> None:
        """An arc centred on the turtle: on the stretched canvas, part of an ellipse."""
        turtle = self.world.turtle
        if not (math.isfinite(angle) and math.isfinite(radius)):
            turtle.arc(angle, radius)  # the model's own error
            return
        steps = max(4, min(3600, int(abs(angle) / 2) + 1))
        points = []
        for i in range(steps + 1):
            rad = math.radians(turtle.heading + angle * i / steps)
            points.append((turtle.x + radius * math.sin(rad) * self.x_scale,
                           turtle.y + radius * math.cos(rad) * self.y_scale))
        if turtle.pen_is_down:
            for (x1, y1), (x2, y2) in itertools.pairwise(points):
                self.world.add_item(Segment(x1, y1, x2, y2, turtle.pen_colour,
                                            turtle.pen_width), notify=False)
        self.world.touch()

    def towards(self, x: float, y: float) -> float:
        return math.degrees(math.atan2(x - self.x, y - self.y)) % 360.0

    def distance(self, x: float, y: float) -> float:
        return math.hypot(x - self.x, y - self.y)
