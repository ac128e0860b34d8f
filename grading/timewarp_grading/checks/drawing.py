"""The turtle drawing as a grader sees it: lines, not pixels, whatever order they came in.

:class:`Drawing` reads the turtle log.  Its :attr:`~Drawing.lines` are the log's segments
normalised: pieces on one straight line that overlap or touch are merged into one line (a
side drawn in two strokes, or drawn twice, is one side) and every line has a canonical
direction, so a square drawn clockwise or anticlockwise, from any corner, in one pass or in
pieces, has the same four lines.  :func:`compare` matches two drawings line by line within a
tolerance; the facts (sides, closed, lengths, colours, fills, bounding box) feed
:func:`~timewarp_grading.checks.api.expect_shape`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from timewarp.turtle.model import Fill, Segment, TurtleWorld

#: Two pieces are on one line when their directions differ by less than this (degrees) ...
ANGLE_TOLERANCE = 0.5
#: ... and their distance from the origin by less than the drawing tolerance (pixels).
DEFAULT_TOLERANCE = 2.0


@dataclass(frozen=True)
class Line:
    """A maximal straight line of the drawing, from its lower-left end to its upper-right."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "black"

    @property
    def length(self) -> float:
        return math.hypot(self.x2 - self.x1, self.y2 - self.y1)

    def moved(self, dx: float, dy: float) -> Line:
        return Line(self.x1 + dx, self.y1 + dy, self.x2 + dx, self.y2 + dy, self.colour)

    def distance_to(self, other: Line) -> float:
        """How far apart the two lines' ends are, matching ends either way round."""
        same = max(math.dist((self.x1, self.y1), (other.x1, other.y1)),
                   math.dist((self.x2, self.y2), (other.x2, other.y2)))
        crossed = max(math.dist((self.x1, self.y1), (other.x2, other.y2)),
                      math.dist((self.x2, self.y2), (other.x1, other.y1)))
        return min(same, crossed)

    def describe(self) -> str:
        return (f"a line of length {_num(self.length)} from ({_num(self.x1)}, {_num(self.y1)}) "
                f"to ({_num(self.x2)}, {_num(self.y2)})")


@dataclass
class Drawing:
    """What the turtle drew: raw segments and fills, plus the normalised lines."""

    segments: list[Segment] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    tolerance: float = DEFAULT_TOLERANCE

    @classmethod
    def of(cls, world: TurtleWorld, tolerance: float = DEFAULT_TOLERANCE) -> Drawing:
        return cls([i for i in world.log if type(i) is Segment],
                   [i for i in world.log if type(i) is Fill], tolerance)

    @classmethod
    def from_points(cls, points: list[tuple[float, float]], closed: bool = False,
                    colour: str = "black") -> Drawing:
        """A drawing of straight lines through ``points`` (back to the first if ``closed``)."""
        corners = list(points) + ([points[0]] if closed and points else [])
        return cls([Segment(x1, y1, x2, y2, colour, 1.0)
                    for (x1, y1), (x2, y2) in zip(corners, corners[1:])])

    @property
    def lines(self) -> list[Line]:
        return merge_segments(self.segments, self.tolerance)

    @property
    def sides(self) -> int:
        return len(self.lines)

    @property
    def lengths(self) -> list[float]:
        return [line.length for line in self.lines]

    @property
    def colours(self) -> set[str]:
        return {s.colour for s in self.segments}

    @property
    def fill_colours(self) -> list[str]:
        return [f.colour for f in self.fills]

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top) of everything drawn, or None for an empty drawing."""
        xs = [x for s in self.segments for x in (s.x1, s.x2)]
        ys = [y for s in self.segments for y in (s.y1, s.y2)]
        for fill in self.fills:
            xs += [p[0] for p in fill.points]
            ys += [p[1] for p in fill.points]
        if not xs:
            return None
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def size(self) -> tuple[float, float]:
        box = self.box
        return (0.0, 0.0) if box is None else (box[2] - box[0], box[3] - box[1])

    @property
    def loose_ends(self) -> list[tuple[float, float]]:
        """Ends of lines that meet no other line's end: none in a closed shape."""
        ends = [(line.x1, line.y1) for line in self.lines] + [
            (line.x2, line.y2) for line in self.lines]
        return [p for i, p in enumerate(ends)
                if not any(j != i and math.dist(p, q) <= self.tolerance
                           for j, q in enumerate(ends))]

    @property
    def closed(self) -> bool:
        return self.sides >= 2 and not self.loose_ends


def merge_segments(segments: list[Segment], tolerance: float = DEFAULT_TOLERANCE) -> list[Line]:
    """The drawing's maximal straight lines (see the module docstring), in a fixed order."""
    groups: dict[tuple[int, int], list[_Piece]] = defaultdict(list)
    for segment in segments:
        piece = _Piece.of(segment)
        if piece is None:
            continue
        home = _group_for(groups, piece, tolerance)
        groups[home].append(piece)
    lines: list[Line] = []
    for pieces in groups.values():
        lines += _merge_collinear(pieces, tolerance)
    return sorted(lines, key=lambda l: (round(l.x1, 3), round(l.y1, 3), round(l.x2, 3),
                                        round(l.y2, 3)))


@dataclass(frozen=True)
class _Piece:
    angle: float      # direction in degrees, in [0, 180)
    offset: float     # signed distance of the line from the origin
    start: float      # where the piece starts and ends along the line
    end: float
    colour: str

    @classmethod
    def of(cls, s: Segment) -> _Piece | None:
        dx, dy = s.x2 - s.x1, s.y2 - s.y1
        if math.hypot(dx, dy) < 1e-9:
            return None
        angle = math.degrees(math.atan2(dy, dx)) % 180.0
        if angle > 180.0 - ANGLE_TOLERANCE / 2:
            angle -= 180.0  # nearly horizontal pointing left: one line with pointing right
        return cls.on_line(angle, s.x1, s.y1, s.x2, s.y2, s.colour)

    @classmethod
    def on_line(cls, angle: float, x1: float, y1: float, x2: float, y2: float,
                colour: str) -> _Piece:
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        t1, t2 = x1 * ux + y1 * uy, x2 * ux + y2 * uy
        offset = -x1 * uy + y1 * ux
        return cls(angle, offset, min(t1, t2), max(t1, t2), colour)


def _group_for(groups: dict, piece: _Piece, tolerance: float) -> tuple[int, int]:
    """The bucket of pieces on (nearly) the same straight line as ``piece``."""
    a, o = round(piece.angle / ANGLE_TOLERANCE), round(piece.offset / max(tolerance, 1e-9))
    for da in (0, -1, 1):
        for do in (0, -1, 1):
            key = (a + da, o + do)
            if key in groups:
                first = groups[key][0]
                if (abs(first.angle - piece.angle) <= ANGLE_TOLERANCE
                        and abs(first.offset - piece.offset) <= tolerance):
                    return key
    return a, o


def _merge_collinear(pieces: list[_Piece], tolerance: float) -> list[Line]:
    reference = pieces[0]
    angle = reference.angle
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    offset = sum(p.offset for p in pieces) / len(pieces)
    runs: list[list[float]] = []
    colours: list[str] = []
    for piece in sorted(pieces, key=lambda p: p.start):
        if runs and piece.start <= runs[-1][1] + tolerance:
            runs[-1][1] = max(runs[-1][1], piece.end)
        else:
            runs.append([piece.start, piece.end])
            colours.append(piece.colour)
    lines = []
    for (start, end), colour in zip(runs, colours):
        x1, y1 = start * ux - offset * uy, start * uy + offset * ux
        x2, y2 = end * ux - offset * uy, end * uy + offset * ux
        if (x2, y2) < (x1, y1):
            x1, y1, x2, y2 = x2, y2, x1, y1
        lines.append(Line(_clean(x1), _clean(y1), _clean(x2), _clean(y2), colour))
    return lines


@dataclass
class Comparison:
    """How a student's drawing differs from the expected one (empty lists: the same)."""

    missing: list[Line]
    extra: list[Line]

    @property
    def same(self) -> bool:
        return not self.missing and not self.extra


def compare(student: Drawing, expected: Drawing, tolerance: float = DEFAULT_TOLERANCE,
            same_place: bool = False) -> Comparison:
    """Match lines within ``tolerance``; unless ``same_place``, wherever each drawing is."""
    mine, theirs = student.lines, expected.lines
    if not same_place:
        mine, theirs = _to_origin(mine), _to_origin(theirs)
    unused = list(mine)
    missing = []
    for line in theirs:
        best = min(unused, key=line.distance_to, default=None)
        if best is not None and line.distance_to(best) <= tolerance:
            unused.remove(best)
        else:
            missing.append(line)
    return Comparison(missing, unused)


def _to_origin(lines: list[Line]) -> list[Line]:
    if not lines:
        return lines
    left = min(min(l.x1, l.x2) for l in lines)
    bottom = min(min(l.y1, l.y2) for l in lines)
    return [l.moved(-left, -bottom) for l in lines]


def _clean(value: float) -> float:
    rounded = round(value, 6)
    return 0.0 if rounded == 0 else rounded


def _num(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"
