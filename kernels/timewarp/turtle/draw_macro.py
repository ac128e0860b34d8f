"""GW-BASIC's DRAW macro language, read one command at a time and drawn on a Screen.

Commands: U D L R E F G H [n] move n units (up, down, left, right and the four diagonals);
M x,y goes to a point (relative when x has a sign); a B prefix moves without drawing and an
N prefix comes back afterwards; A n turns by n quarter turns, TA n by n degrees; C n picks
the colour, S n the scale (in quarter pixels, 4 = one pixel a unit) and P paint,border fills;
X runs the string in a variable (``XA$;``) and ``=N;`` takes a number from a variable, each
named in the string or pointed at by VARPTR$; the caller says how to read variables.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timewarp.turtle.colours import TurtleError

if TYPE_CHECKING:
    from timewarp.turtle.screen import Screen

DIRECTIONS = {
    "U": (0, -1), "D": (0, 1), "L": (-1, 0), "R": (1, 0),
    "E": (1, -1), "F": (1, 1), "G": (-1, 1), "H": (-1, -1),
}
_TOKEN = re.compile(r"\s*(?:(TA|[UDLREFGHMBNACSPX])|(;))", re.IGNORECASE)
_NUMBER = re.compile(r"\s*([+-]?\s*\d+(?:\.\d*)?)")


@dataclass
class DrawPen:
    """Where DRAW is, which way its axes are turned, its colour and scale."""

    x: float
    y: float
    colour: int
    angle: float = 0.0
    scale: float = 4.0


_MAX_DEPTH = 20     # X inside X...: a string that runs itself must stop


class _Reader:
    def __init__(self, text: str, variable=None) -> None:
        self.text = text
        self.at = 0
        self.variable = variable

    def variable_value(self, string: bool):
        """The value after = or X: a name ending in ; or a VARPTR$ handle (3 characters)."""
        rest = self.text[self.at:].lstrip()
        self.at = len(self.text) - len(rest)
        if rest[:1] and ord(rest[0]) <= 8:
            key, self.at = rest[:3], self.at + 3
        else:
            end = rest.find(";")
            if end <= 0:
                raise TurtleError("DRAW needs a variable name and ; after = or X")
            key, self.at = rest[:end].strip().upper(), self.at + end + 1
        if self.variable is None:
            raise TurtleError("DRAW cannot read variables here")
        # The caller checks the kind: a wrong one is its language's type mismatch.
        return self.variable(key, string)

    def command(self) -> str | None:
        while self.at < len(self.text):
            match = _TOKEN.match(self.text, self.at)
            if not match:
                rest = self.text[self.at:].strip()
                if not rest:
                    return None
                raise TurtleError(f'DRAW does not understand "{rest[:10]}"')
            self.at = match.end()
            if match.group(1):
                return match.group(1).upper()
        return None

    def number(self, default: float | None = None) -> tuple[float, bool]:
        """A number and whether it had a sign (which makes M relative)."""
        match = _NUMBER.match(self.text, self.at)
        if not match:
            rest = self.text[self.at:].lstrip()
            if rest.startswith(("=", "+=", "-=")):
                sign = -1 if rest[0] == "-" else 1
                self.at = len(self.text) - len(rest) + rest.index("=") + 1
                return sign * float(self.variable_value(string=False)), rest[0] in "+-"
            if default is None:
                raise TurtleError("DRAW needs a number here")
            return default, False
        self.at = match.end()
        text = match.group(1).replace(" ", "")
        return float(text), text[0] in "+-"

    def comma(self) -> None:
        while self.at < len(self.text) and self.text[self.at] == " ":
            self.at += 1
        if self.at >= len(self.text) or self.text[self.at] != ",":
            raise TurtleError("DRAW needs a comma between the two numbers")
        self.at += 1


def run_macro(macro: str, pen: DrawPen, screen: Screen, variable=None, depth: int = 0) -> None:
    reader = _Reader(macro, variable)
    blank = come_back = False
    while (command := reader.command()) is not None:
        if command == "X":
            if depth >= _MAX_DEPTH:
                raise TurtleError("DRAW's X runs strings within strings too deeply")
            run_macro(reader.variable_value(string=True), pen, screen, variable, depth + 1)
            continue
        if command == "B":
            blank = True
            continue
        if command == "N":
            come_back = True
            continue
        if command in DIRECTIONS or command == "M":
            start = (pen.x, pen.y)
            _move(command, reader, pen, screen.origin, 1 / screen.mode.aspect)
            if not blank:
                screen._add_path([_rounded(start), _rounded((pen.x, pen.y))], pen.colour)
            if come_back:
                pen.x, pen.y = start
            blank = come_back = False
        else:
            _setting(command, reader, pen, screen)


def _rounded(point: tuple[float, float]) -> tuple[int, int]:
    return round(point[0]), round(point[1])


def _move(command: str, reader: _Reader, pen: DrawPen, origin: tuple[int, int],
          stretch: float) -> None:
    if command == "M":
        x, relative = reader.number()
        reader.comma()
        y, _ = reader.number()
        if not relative:
            pen.x, pen.y = x + origin[0], y + origin[1]
            return
    else:
        steps, _ = reader.number(1)
        ux, uy = DIRECTIONS[command]
        x, y = ux * steps, uy * steps
    dx, dy = _turned(math.trunc(x * pen.scale / 4), math.trunc(y * pen.scale / 4), pen.angle,
                     stretch)
    pen.x, pen.y = round(pen.x) + dx, round(pen.y) + dy


def _turned(dx: int, dy: int, angle: float, stretch: float) -> tuple[int, int]:
    """A step in whole pixels turned anticlockwise (on a screen whose y axis points down) as
    GW-BASIC turns it: so that a turned figure keeps its shape on the monitor, a step's
    horizontal part is ``stretch`` (a pixel's height over its width) times its vertical part
    turned, and its vertical part the horizontal part over ``stretch``.  Quarter turns are
    whole pixels at once; other angles are rounded at the end, worked out with the pixel's
    aspect in 256ths, as GW-BASIC holds it (213 for SCREEN 1's 5/6: pcbasic's
    gwbasic/DRAW_angle model agrees to the pixel with that, not with 5/6 itself)."""
    angle %= 360
    if angle == 0:
        return dx, dy
    if angle == 180:
        return -dx, -dy
    if angle in (90, 270):
        sign = 1 if angle == 90 else -1
        return sign * int(dy * stretch), -sign * int(dx // stretch)
    rad = math.radians(angle)
    cos, sin = math.cos(rad), math.sin(rad)
    aspect = round(256 / stretch) / 256
    return round(cos * dx + sin * dy / aspect), round(cos * dy - sin * dx * aspect)


def _setting(command: str, reader: _Reader, pen: DrawPen, screen: Screen) -> None:
    if command == "A":
        turns, _ = reader.number()
        if turns not in (0, 1, 2, 3):
            raise TurtleError("DRAW's A takes 0, 1, 2 or 3 quarter turns")
        pen.angle = turns * 90
    elif command == "TA":
        degrees, _ = reader.number()
        if not -360 <= degrees <= 360:
            raise TurtleError("DRAW's TA takes an angle from -360 to 360")
        pen.angle = degrees
    elif command == "C":
        colour, _ = reader.number()
        pen.colour = screen._ink(int(colour))
    elif command == "S":
        scale, _ = reader.number()
        if not 1 <= scale <= 255:
            raise TurtleError("DRAW's S takes a scale from 1 to 255")
        pen.scale = scale
    elif command == "P":
        paint, _ = reader.number()
        reader.comma()
        border, _ = reader.number()
        # PAINT works in logical coordinates: hand it the pen's point as one.
        screen.paint(*screen._logical_of(pen.x, pen.y), int(paint), int(border))
