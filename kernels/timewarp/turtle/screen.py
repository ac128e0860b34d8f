"""GW-BASIC's screen graphics (SCREEN, COLOR, PSET, LINE, CIRCLE, PAINT, DRAW, POINT) drawn
on the turtle's world.

GW-BASIC draws into a grid of pixels that POINT and PAINT read back, so :class:`Screen`
keeps that grid (a Pillow image of colour numbers, one byte per screen pixel) and also puts
everything it draws into the world's log, so that the live view, the pictures and the grader
see screen graphics and turtle lines on one canvas.  Screen pixels have their origin at the
top left and y growing downwards; a SCREEN mode's pixels are scaled up onto the world.
"""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from timewarp.turtle.colours import PALETTE, TurtleError
from timewarp.turtle.draw_macro import DrawPen, run_macro
from timewarp.turtle.model import Fill, Segment, TurtleWorld

__all__ = ["Screen", "ScreenMode", "MODES"]


@dataclass(frozen=True)
class ScreenMode:
    """A SCREEN mode: its pixels, how much bigger each shows on the world, its colours."""

    width: int
    height: int
    scale_x: int
    scale_y: int
    colours: tuple[str, ...]
    aspect: float  # CIRCLE's default y/x ratio that makes circles round on a 4:3 monitor


_CGA = ("#000000", "#55ffff", "#ff55ff", "#ffffff")


def _mode13_colours() -> tuple[str, ...]:
    """VGA's 256 colours, roughly: the 16 palette colours, 16 greys, then a colour wheel."""
    greys = tuple(f"#{v:02x}{v:02x}{v:02x}" for v in range(0, 256, 17))
    wheel = tuple("#{:02x}{:02x}{:02x}".format(
        *(round(255 * c) for c in colorsys.hsv_to_rgb(i / 224, 1.0, 1.0))) for i in range(224))
    return PALETTE + greys + wheel


MODES: dict[int, ScreenMode] = {
    1: ScreenMode(320, 200, 2, 2, _CGA, 5 / 6),
    2: ScreenMode(640, 200, 1, 2, ("#000000", "#ffffff"), 5 / 12),
    7: ScreenMode(320, 200, 2, 2, PALETTE, 5 / 6),
    8: ScreenMode(640, 200, 1, 2, PALETTE, 5 / 12),
    9: ScreenMode(640, 350, 1, 1, PALETTE, 35 / 48),
    12: ScreenMode(640, 480, 1, 1, PALETTE, 1.0),
    13: ScreenMode(320, 200, 2, 2, _mode13_colours(), 5 / 6),
}


class Screen:
    """GW-BASIC screen graphics on a turtle world (see the module docstring)."""

    def __init__(self, world: TurtleWorld) -> None:
        self.world = world
        self.number = 0
        self.foreground = 0
        self.background = 15
        # Before any SCREEN statement the world's own pixels are the screen's, in 16 colours,
        # black ink on the world's white paper, so a first PSET shows without ceremony.
        self.mode = ScreenMode(world.width, world.height, 1, 1, PALETTE, 1.0)
        self._reset_pixels()

    # Modes and colours

    def screen(self, mode: int) -> None:
        """SCREEN n: choose a graphics mode; this clears the screen to black."""
        if mode == 0:
            self.number, self.foreground, self.background = 0, 0, 15
            self.mode = ScreenMode(self.world.width, self.world.height, 1, 1, PALETTE, 1.0)
            self.world.set_background(PALETTE[15])
        elif mode in MODES:
            self.number, self.mode = mode, MODES[mode]
            self.foreground, self.background = min(15, len(self.mode.colours) - 1), 0
            self.world.resize(self.mode.width * self.mode.scale_x,
                              self.mode.height * self.mode.scale_y)
            self.world.set_background(self.mode.colours[0])
            # A pixel program has no use for the turtle's triangle in the middle of it.
            self.world.turtle.hide()
        else:
            raise TurtleError(f"there is no SCREEN {mode} (use 0, 1, 2, 7, 8, 9, 12 or 13)")
        self.cls()

    def color(self, foreground: int | None = None, background: int | None = None) -> None:
        if foreground is not None:
            self.foreground = self._draw_pen.colour = self._check(foreground)
        if background is not None:
            self.background = self._check(background)
            self.world.set_background(self.mode.colours[self.background])

    def cls(self) -> None:
        self.world.clean()
        self.world.set_background(self.mode.colours[self.background])
        self._reset_pixels()

    def _reset_pixels(self) -> None:
        self.pixels = Image.new("L", (self.mode.width, self.mode.height), self.background)
        self.pen = ImageDraw.Draw(self.pixels)
        self.last_point = (self.mode.width // 2, self.mode.height // 2)
        self._draw_pen = DrawPen(*self.last_point, colour=self.foreground)
        self._log_length = len(self.world.log)

    def _check(self, colour: int) -> int:
        if not 0 <= colour < len(self.mode.colours):
            raise TurtleError(f"colour {colour} is not available on this screen "
                              f"(use 0 to {len(self.mode.colours) - 1})")
        return int(colour)

    def _ink(self, colour: int | None) -> int:
        self._follow_world()
        return self.foreground if colour is None else self._check(colour)

    def _follow_world(self) -> None:
        """Forget the pixels when a turtle statement erased the world under us."""
        if len(self.world.log) < self._log_length:
            self.pixels.paste(self.background, (0, 0, *self.pixels.size))
        self._log_length = len(self.world.log)

    # Where screen pixels land on the world

    def _world_point(self, x: float, y: float) -> tuple[float, float]:
        m = self.mode
        return ((x + 0.5) * m.scale_x - self.world.width / 2,
                self.world.height / 2 - (y + 0.5) * m.scale_y)

    def _world_box(self, x1: int, y1: int, x2: int, y2: int) -> tuple[tuple[float, float], ...]:
        m, half_w, half_h = self.mode, self.world.width / 2, self.world.height / 2
        left, right = x1 * m.scale_x - half_w, (x2 + 1) * m.scale_x - half_w
        top, bottom = half_h - y1 * m.scale_y, half_h - (y2 + 1) * m.scale_y
        return ((left, top), (right, top), (right, bottom), (left, bottom))

    def _add_path(self, points: list[tuple[float, float]], colour: int) -> None:
        """Draw a path of screen points into the pixels and onto the world."""
        self.pen.line([(round(x), round(y)) for x, y in points], fill=colour)
        hue = self.mode.colours[colour]
        width = max(self.mode.scale_x, self.mode.scale_y)
        placed = [self._world_point(x, y) for x, y in points]
        if len(placed) == 1:
            placed *= 2
        for (x1, y1), (x2, y2) in zip(placed, placed[1:]):
            self.world.add_item(Segment(x1, y1, x2, y2, hue, width))
        self._log_length = len(self.world.log)

    def _add_box(self, x1: int, y1: int, x2: int, y2: int, colour: int) -> None:
        self.world.add_item(Fill(self._world_box(x1, y1, x2, y2), self.mode.colours[colour]))
        self._log_length = len(self.world.log)

    # Statements

    def pset(self, x: float, y: float, colour: int | None = None) -> None:
        ink = self._ink(colour)
        x, y = round(x), round(y)
        self.last_point = (x, y)
        if 0 <= x < self.mode.width and 0 <= y < self.mode.height:
            self.pixels.putpixel((x, y), ink)
            self._add_box(x, y, x, y, ink)

    def preset(self, x: float, y: float, colour: int | None = None) -> None:
        self.pset(x, y, self.background if colour is None else colour)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: int | None = None,
             box: bool = False, fill: bool = False) -> None:
        """LINE (x1,y1)-(x2,y2),colour[,B|BF]."""
        ink = self._ink(colour)
        x1, y1, x2, y2 = round(x1), round(y1), round(x2), round(y2)
        self.last_point = (x2, y2)
        if fill:
            left, right = sorted((x1, x2))
            top, bottom = sorted((y1, y2))
            self.pen.rectangle((left, top, right, bottom), fill=ink)
            self._add_box(left, top, right, bottom, ink)
        elif box:
            self._add_path([(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)], ink)
        else:
            self._add_path([(x1, y1), (x2, y2)], ink)

    def circle(self, x: float, y: float, radius: float, colour: int | None = None,
               start: float | None = None, end: float | None = None,
               aspect: float | None = None) -> None:
        """CIRCLE (x,y),r[,colour[,start,end[,aspect]]]: angles in radians, anticlockwise
        from east; a negative angle also draws the radius to that end."""
        ink = self._ink(colour)
        aspect = self.mode.aspect if aspect is None else aspect
        rx, ry = (radius, radius * aspect) if aspect <= 1 else (radius / aspect, radius)
        a0 = abs(start) if start is not None else 0.0
        a1 = abs(end) if end is not None else 2 * math.pi
        if a1 < a0:
            a1 += 2 * math.pi
        steps = max(8, math.ceil((a1 - a0) * max(rx, ry) / 2))
        points = [(x + rx * math.cos(a0 + (a1 - a0) * i / steps),
                   y - ry * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]
        if start is not None and start < 0:
            points.insert(0, (x, y))
        if end is not None and end < 0:
            points.append((x, y))
        self._add_path(points, ink)
        self.last_point = (round(x), round(y))

    def paint(self, x: float, y: float, paint: int | None = None,
              border: int | None = None) -> None:
        """PAINT (x,y),paint,border: flood the area around (x, y) up to ``border``."""
        ink = self._ink(paint)
        edge = ink if border is None else self._check(border)
        x, y = round(x), round(y)
        self.last_point = (x, y)
        if not (0 <= x < self.mode.width and 0 <= y < self.mode.height):
            return
        if self.pixels.getpixel((x, y)) == edge:
            return
        before = np.asarray(self.pixels).copy()
        ImageDraw.floodfill(self.pixels, (x, y), ink, border=edge)
        changed = np.asarray(self.pixels) != before
        for box in _boxes(changed):
            self._add_box(*box, ink)

    def draw(self, macro: str) -> None:
        """DRAW: GW-BASIC's little language of moves (U D L R E F G H M, B, N, A, TA,
        C, S, P)."""
        self._follow_world()
        # DRAW's colour, angle and scale carry over from one DRAW statement to the next.
        pen = self._draw_pen
        pen.x, pen.y = self.last_point
        run_macro(macro, pen, self)
        self.last_point = (round(pen.x), round(pen.y))

    def point(self, x: float, y: float) -> int:
        """POINT(x,y): the colour number at a pixel, or -1 off the screen."""
        self._follow_world()
        x, y = round(x), round(y)
        if 0 <= x < self.mode.width and 0 <= y < self.mode.height:
            return int(self.pixels.getpixel((x, y)))
        return -1


def _boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Cover the True pixels with rectangles (x1, y1, x2, y2): runs along each row, merged
    with the same run on the rows above, so a filled shape costs few log items."""
    boxes: list[list[int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}
    for y, row in enumerate(mask):
        padded = np.concatenate(([False], row, [False]))
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        runs = set(zip(edges[::2].tolist(), (edges[1::2] - 1).tolist()))
        next_runs = {}
        for run in runs:
            box = open_runs.get(run)
            if box is None:
                box = [run[0], y, run[1], y]
                boxes.append(box)
            box[3] = y
            next_runs[run] = box
        open_runs = next_runs
    return [tuple(b) for b in boxes]
