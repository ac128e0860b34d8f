"""The turtle model: where the turtles are, and the log of everything they drew.

Time Warp's conventions: origin at the centre of the canvas, y up, heading 0 is north and
headings grow clockwise, in degrees.  Engines call the methods of :class:`Turtle` and
:class:`TurtleWorld`; renderers (the live ipycanvas view, the PNG/SVG picture), the grader
and ``timewarp run --turtle-json`` only ever read the world: its log of drawing items
(:class:`Segment`, :class:`Fill`, :class:`Dot`, :class:`Label`, in drawing order), its
background and its turtles.

Errors a program can make (an unknown colour, leaving the fence) raise :class:`TurtleError`
with plain words; each engine turns it into its own language error with the line number.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from timewarp.turtle.colours import TurtleError, parse_colour

__all__ = ["Dot", "Fill", "Label", "Segment", "Turtle", "TurtleError", "TurtleWorld"]

DEFAULT_WIDTH = 800
DEFAULT_HEIGHT = 600
MODES = ("wrap", "window", "fence")
#: A move that would cross the wrapping edges more often than this is a runaway program.
MAX_WRAPS = 10_000
#: The most straight pieces one arc or circle is made of.
MAX_ARC_STEPS = 10_000
#: The widest pen and the biggest dot, in pixels: as wide as the biggest canvas.
MAX_MARK_SIZE = 10_000
#: The biggest label, in pixels: each letter is drawn as a bitmap this high.
MAX_LABEL_SIZE = 1_000


@dataclass(frozen=True, slots=True)
class Segment:
    """One straight line the pen drew, in turtle coordinates."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled polygon; drawn beneath the lines drawn while it was being traced."""

    points: tuple[tuple[float, float], ...]
    colour: str


@dataclass(frozen=True, slots=True)
class Dot:
    """A filled round dot of ``size`` pixels across, centred at (x, y)."""

    x: float
    y: float
    size: float
    colour: str


@dataclass(frozen=True, slots=True)
class Label:
    """Text whose baseline starts at (x, y), ``size`` pixels high."""

    x: float
    y: float
    text: str
    size: float
    colour: str


DrawingItem = Segment | Fill | Dot | Label


class Turtle:
    """One turtle: position, heading, pen, and what it does when told to move."""

    def __init__(self, world: TurtleWorld) -> None:
        self.world = world
        self.x = 0.0
        self.y = 0.0
        self.heading = 0.0
        self.pen_is_down = True
        self.pen_colour = "black"
        self.pen_width = 1.0
        self.visible = True
        self.speed = 0
        self.fill_colour: str | None = None
        self._fill_points: list[tuple[float, float]] | None = None
        self._fill_index = 0

    # Moving and turning

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
        if not math.isfinite(heading):
            raise TurtleError("the turtle cannot turn by an endless angle")
        # Rounded so that turning round a full circle in small steps comes back to 0 exactly.
        self.heading = round(float(heading) % 360.0, 9) % 360.0
        self.world.touch()

    def move_to(self, x: float, y: float) -> None:
        """Go straight to (x, y), drawing if the pen is down (setxy, setpos, goto)."""
        x, y = float(x), float(y)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise TurtleError("the turtle cannot go endlessly far")
        mode = self.world.mode
        if mode == "fence" and not self.world.contains(x, y):
            raise TurtleError("turtle out of bounds")
        if mode == "wrap" and not self.world.contains(x, y):
            self._wrap_to(x, y)
        else:
            self._line_to(x, y)
        self.world.touch()

    def set_x(self, x: float) -> None:
        self.move_to(x, self.y)

    def set_y(self, y: float) -> None:
        self.move_to(self.x, y)

    def home(self) -> None:
        self.move_to(0.0, 0.0)
        self.set_heading(0.0)

    def _line_to(self, x: float, y: float) -> None:
        if self.pen_is_down and (x, y) != (self.x, self.y):
            # move_to tells the listener once the whole move is done.
            self.world.add_item(Segment(self.x, self.y, x, y, self.pen_colour, self.pen_width),
                                notify=False)
        self.x, self.y = x, y
        if self._fill_points is not None:
            self._fill_points.append((x, y))

    def _wrap_to(self, x: float, y: float) -> None:
        """Move in wrap mode: leave by one edge, come back in by the opposite one."""
        half_w, half_h = self.world.width / 2, self.world.height / 2
        for _ in range(MAX_WRAPS):
            dx, dy = x - self.x, y - self.y
            t, shift_x, shift_y = 1.0, 0.0, 0.0
            for target, start, delta, half, size, axis in (
                    (x, self.x, dx, half_w, self.world.width, 0),
                    (y, self.y, dy, half_h, self.world.height, 1)):
                if abs(target) <= half or delta == 0:
                    continue
                edge = math.copysign(half, delta)
                crossing = (edge - start) / delta
                if 0 <= crossing < t:
                    t = crossing
                    shift_x, shift_y = (-math.copysign(size, delta), 0.0) if axis == 0 else (
                        0.0, -math.copysign(size, delta))
            if (shift_x, shift_y) == (0.0, 0.0):
                self._line_to(x, y)
                return
            self._line_to(self.x + dx * t, self.y + dy * t)
            self.x += shift_x
            self.y += shift_y
            x += shift_x
            y += shift_y
        raise TurtleError("the turtle went round the edges too many times")

    # Arcs and circles

    def arc(self, angle: float, radius: float) -> None:
        """Logo's ARC: part of a circle centred on the turtle, which stays where it is.

        The arc starts straight ahead of the turtle and runs clockwise for ``angle``
        degrees (anticlockwise if negative).  Logo's CIRCLE r is ``arc(360, r)``.
        """
        steps = _arc_steps(angle, radius)
        points = [self._point_on_circle(self.heading + angle * (i / steps), radius)
                  for i in range(steps + 1)]
        if self.pen_is_down:
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                self.world.add_item(Segment(x1, y1, x2, y2, self.pen_colour, self.pen_width),
                                    notify=False)
        self.world.touch()

    def _point_on_circle(self, bearing: float, radius: float) -> tuple[float, float]:
        rad = math.radians(bearing)
        return self.x + radius * math.sin(rad), self.y + radius * math.cos(rad)

    def circle(self, radius: float, extent: float = 360.0) -> None:
        """Python turtle's circle: the turtle drives round a circle whose centre is
        ``radius`` to its left (to its right if ``radius`` is negative), for ``extent``
        degrees, and ends up on the circle facing along it."""
        steps = _arc_steps(extent, radius)
        side = 1.0 if radius >= 0 else -1.0
        start = self.heading
        centre = self._point_on_circle(start - 90.0, radius)
        bearing = start + 90.0 * side
        previous = (self.x, self.y)
        for i in range(1, steps + 1):
            rad = math.radians(bearing - side * extent * (i / steps))
            vertex = (centre[0] + abs(radius) * math.sin(rad),
                      centre[1] + abs(radius) * math.cos(rad))
            # Step by differences, not to absolute points, so that wrap mode can carry the
            # turtle across an edge part way round.
            self.move_to(self.x + vertex[0] - previous[0], self.y + vertex[1] - previous[1])
            previous = vertex
        self.set_heading(start - side * extent)

    # The pen

    def pen_up(self) -> None:
        self.pen_is_down = False

    def pen_down(self) -> None:
        self.pen_is_down = True

    def set_pen_colour(self, colour: str | int | tuple[int, int, int]) -> None:
        self.pen_colour = parse_colour(colour)

    def set_fill_colour(self, colour: str | int | tuple[int, int, int]) -> None:
        """The colour the next fill uses (by default the pen colour)."""
        self.fill_colour = parse_colour(colour)

    def set_pen_width(self, width: float) -> None:
        if width < 0:
            raise TurtleError("the pen width cannot be negative")
        if width > MAX_MARK_SIZE:
            raise TurtleError(f"the pen width goes up to {MAX_MARK_SIZE}")
        self.pen_width = float(width)

    def set_speed(self, speed: float) -> None:
        """0 draws at once; 1 (fast) to 10 (slow) animate the live view."""
        if not 0 <= speed <= 10:
            raise TurtleError("speed goes from 0 (instant) to 10 (slow)")
        self.speed = int(speed)

    # Marks that are not lines

    def dot(self, size: float | None = None, colour: object = None) -> None:
        if size is None:
            size = max(self.pen_width + 4, self.pen_width * 2)
        if not 0 <= size <= MAX_MARK_SIZE:
            raise TurtleError(f"a dot's size goes from 0 to {MAX_MARK_SIZE}")
        colour = self.pen_colour if colour is None else parse_colour(colour)
        self.world.add_item(Dot(self.x, self.y, float(size), colour))

    def label(self, text: str, size: float | None = None) -> None:
        size = float(size or 14)
        if not 0 < size <= MAX_LABEL_SIZE:
            # Each letter becomes a bitmap of size x size pixels in the saved picture.
            raise TurtleError(f"a label's size goes from 1 to {MAX_LABEL_SIZE}")
        self.world.add_item(Label(self.x, self.y, str(text), size, self.pen_colour))

    def begin_fill(self, colour: object = None) -> None:
        """Start tracing a shape; ``end_fill`` fills it (with the pen colour by default)."""
        if colour is not None:
            self.fill_colour = parse_colour(colour)
        self._fill_points = [(self.x, self.y)]
        self._fill_index = len(self.world.log)

    def end_fill(self) -> None:
        points, self._fill_points = self._fill_points, None
        if points is None or len(points) < 3:
            return
        colour = self.fill_colour or self.pen_colour
        self.world.insert_item(min(self._fill_index, len(self.world.log)),
                               Fill(tuple(points), colour))

    @property
    def filling(self) -> bool:
        return self._fill_points is not None

    # Showing the turtle

    def hide(self) -> None:
        self.visible = False
        self.world.touch()

    def show(self) -> None:
        self.visible = True
        self.world.touch()

    # Questions

    def towards(self, x: float, y: float) -> float:
        """The heading that points at (x, y)."""
        return math.degrees(math.atan2(x - self.x, y - self.y)) % 360.0

    def distance(self, x: float, y: float) -> float:
        return math.hypot(x - self.x, y - self.y)

    def reset_position(self) -> None:
        self.x = self.y = self.heading = 0.0
        self._fill_points = None


def _arc_steps(angle: float, radius: float) -> int:
    """Enough straight pieces that an arc looks round: about one per 4 pixels, 12 to 120
    per full turn."""
    if not (math.isfinite(angle) and math.isfinite(radius)):
        raise TurtleError("an arc needs an ordinary number for its angle and radius")
    per_turn = min(120.0, max(12.0, 2 * math.pi * abs(radius) / 4))
    # Capped so that a huge angle cannot freeze the kernel; beyond a few turns the
    # pieces overlap anyway.
    return max(1, min(MAX_ARC_STEPS, math.ceil(abs(angle) / 360.0 * per_turn)))


class TurtleWorld:
    """The canvas, its turtles and the log of what was drawn.

    ``log`` holds every drawing item in order; ``segments`` the lines alone (the same
    objects).  Incremental renderers follow ``len(log)``, redraw from an index that appears
    in ``insertions`` (a fill slipped under its outline), and redraw everything when
    ``rewrites`` changes (clear, background, resize).
    ``revision`` changes whenever anything visible changes, turtles included.
    """

    def __init__(self, width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> None:
        self.width = int(width)
        self.height = int(height)
        self.background = "white"
        self.mode = "window"
        self.log: list[DrawingItem] = []
        self.segments: list[Segment] = []
        #: Where items were slipped in beneath later ones since the last erase.
        self.insertions: list[int] = []
        self.revision = 0
        self.rewrites = 0
        #: Called after every change while a live view watches (see ``touch``).
        self.listener: Callable[[], None] | None = None
        self.turtles = [Turtle(self)]
        self.turtle = self.turtles[0]

    def touch(self) -> None:
        self.revision += 1
        if self.listener is not None:
            self.listener()

    def add_item(self, item: DrawingItem, notify: bool = True) -> None:
        """Append to the log; ``notify=False`` when the caller touches once afterwards."""
        self.log.append(item)
        if type(item) is Segment:
            self.segments.append(item)
        if notify:
            self.touch()
        else:
            self.revision += 1

    def add_segment(self, segment: Segment) -> None:
        self.add_item(segment)

    def insert_item(self, index: int, item: DrawingItem) -> None:
        """Put an item beneath later ones (a fill under its outline)."""
        if index >= len(self.log):
            self.add_item(item)
            return
        self.log.insert(index, item)
        self.insertions.append(index)
        if type(item) is Segment:
            self.segments[:] = [i for i in self.log if type(i) is Segment]
        self.touch()

    def _rewritten(self) -> None:
        self.rewrites += 1
        self.touch()

    def _erase(self) -> None:
        self.log.clear()
        self.segments.clear()
        self.insertions.clear()
        for turtle in self.turtles:
            turtle._fill_points = None
        self._rewritten()

    def clear_screen(self) -> None:
        """Erase the drawing and send every turtle home."""
        for turtle in self.turtles:
            turtle.reset_position()
        self._erase()

    def clean(self) -> None:
        """Erase the drawing; the turtles stay where they are."""
        self._erase()

    def set_background(self, colour: object) -> None:
        self.background = parse_colour(colour)
        self._rewritten()

    def set_mode(self, mode: str) -> None:
        """"wrap": leave one edge, come back at the opposite one; "window": go anywhere;
        "fence": stop with an error at the edge."""
        mode = mode.lower()
        if mode not in MODES:
            raise TurtleError(f'the turtle mode is "wrap", "window" or "fence", not "{mode}"')
        self.mode = mode

    def contains(self, x: float, y: float) -> bool:
        return abs(x) <= self.width / 2 and abs(y) <= self.height / 2

    def resize(self, width: int, height: int) -> None:
        if not (1 <= width <= 10_000 and 1 <= height <= 10_000):
            raise TurtleError("the canvas can be 1 to 10000 pixels wide and high")
        self.width, self.height = int(width), int(height)
        self._rewritten()

    def add_turtle(self) -> int:
        """A new turtle at home; returns its number (the first turtle is 0)."""
        self.turtles.append(Turtle(self))
        self.touch()
        return len(self.turtles) - 1

    def select_turtle(self, index: int) -> None:
        if not 0 <= index < len(self.turtles):
            raise TurtleError(f"there is no turtle number {index}")
        self.turtle = self.turtles[index]

    @property
    def speed(self) -> int:
        return self.turtle.speed

    def to_json(self) -> dict:
        """The drawing in ``timewarp run --turtle-json`` form."""
        return {
            "segments": [[s.x1, s.y1, s.x2, s.y2, s.colour, s.width] for s in self.segments],
            "pos": [self.turtle.x, self.turtle.y],
            "heading": self.turtle.heading,
        }
