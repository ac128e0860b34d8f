"""Still pictures of a turtle world: PNG (Pillow) and SVG (text), both read from the log.

These are what a notebook keeps after a cell ends, what ``timewarp run --png/--svg`` and
SAVEPICTURE write, and what shows without a kernel (nbconvert, nbgrader feedback).  A PNG is
a palette image (a drawing rarely has more than a few colours), which keeps it small and quick.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

from timewarp.turtle.colours import TurtleError, colour_rgb
from timewarp.turtle.model import Dot, DrawingItem, Fill, Label, Segment, Turtle, TurtleWorld

__all__ = ["render_png", "render_svg", "save_picture", "polylines", "turtle_triangle"]

Points = list[tuple[float, float]]


def polylines(log: list[DrawingItem]) -> Iterator[tuple[Points, str, float] | DrawingItem]:
    """The log with joined-up runs of segments (same colour and width, each starting where
    the last ended) turned into (points, colour, width) paths; other items pass through."""
    points: Points = []
    colour, width, end_x, end_y = "", 0.0, None, None
    for item in log:
        if type(item) is Segment:
            if (item.x1 == end_x and item.y1 == end_y and item.colour == colour
                    and item.width == width):
                end_x, end_y = item.x2, item.y2
                points.append((end_x, end_y))
                continue
            if points:
                yield points, colour, width
            end_x, end_y = item.x2, item.y2
            points = [(item.x1, item.y1), (end_x, end_y)]
            colour, width = item.colour, item.width
        else:
            if points:
                yield points, colour, width
                points, end_x = [], None
            yield item
    if points:
        yield points, colour, width


def turtle_triangle(turtle: Turtle) -> Points:
    """The turtle's shape: a triangle pointing along its heading, tip 12 pixels ahead."""
    rad = math.radians(turtle.heading)
    ahead = (math.sin(rad), math.cos(rad))
    side = (math.cos(rad), -math.sin(rad))
    return [(turtle.x + ahead[0] * 12, turtle.y + ahead[1] * 12),
            (turtle.x - ahead[0] * 6 + side[0] * 7, turtle.y - ahead[1] * 6 + side[1] * 7),
            (turtle.x - ahead[0] * 6 - side[0] * 7, turtle.y - ahead[1] * 6 - side[1] * 7)]


def _colours(world: TurtleWorld) -> list[str]:
    seen = {world.background: None}
    for item in world.log:
        seen.setdefault(item.colour)
    for turtle in world.turtles:
        seen.setdefault(turtle.pen_colour)
    return list(seen)


def render_png(world: TurtleWorld) -> bytes:
    """The drawing as PNG bytes, ``world.width`` by ``world.height`` pixels."""
    colours = _colours(world)
    if len(colours) > 256:
        image = Image.new("RGB", (world.width, world.height), colour_rgb(world.background))
        ink = {c: colour_rgb(c) for c in colours}
    else:
        image = Image.new("P", (world.width, world.height), 0)
        image.putpalette([v for c in colours for v in colour_rgb(c)])
        ink = {c: i for i, c in enumerate(colours)}
    _draw_png(world, ImageDraw.Draw(image), ink)
    out = io.BytesIO()
    # zlib's default level: Pillow's optimize=True made pictures barely smaller, 8x slower.
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _pixel_box(points: Points) -> tuple[int, int, int, int] | None:
    """The pixels an upright rectangle on whole pixel edges covers (the boxes screen graphics
    draw): Pillow's polygon would also paint the pixels just past its right and bottom
    edges, so a one-pixel pattern (a PAINT tile, a checkerboard) would fill solid."""
    xs, ys = {x for x, _ in points}, {y for _, y in points}
    if len(points) != 4 or len(xs) != 2 or len(ys) != 2 or \
            any(v != round(v) for v in xs | ys):
        return None
    (x0, x1), (y0, y1) = sorted(xs), sorted(ys)
    return round(x0), round(y0), round(x1) - 1, round(y1) - 1


def _draw_png(world: TurtleWorld, draw: ImageDraw.ImageDraw, ink: dict) -> None:
    cx, cy = world.width / 2, world.height / 2

    def place(points: Points) -> Points:
        return [(cx + x, cy - y) for x, y in points]

    for part in polylines(world.log):
        if type(part) is tuple:
            points, colour, width = part
            margin = width + 2
            box = (-margin, -margin, world.width + margin, world.height + margin)
            for run in _inside(place(points), box):
                draw.line(run, fill=ink[colour], width=max(1, round(width)))
        elif type(part) is Fill:
            points = place(list(part.points))
            box = _pixel_box(points)
            if box is not None:
                draw.rectangle(box, fill=ink[part.colour])
            else:
                draw.polygon(points, fill=ink[part.colour])
        elif type(part) is Dot:
            r = part.size / 2
            x, y = cx + part.x, cy - part.y
            draw.ellipse((x - r, y - r, x + r, y + r), fill=ink[part.colour])
        elif type(part) is Label:
            font = _font(max(1, round(part.size)))
            draw.text((cx + part.x, cy - part.y), part.text, fill=ink[part.colour],
                      font=font, anchor="ls")
    for turtle in world.turtles:
        if turtle.visible:
            draw.polygon(place(turtle_triangle(turtle)), outline=ink[turtle.pen_colour])


def _inside(points: Points, box: tuple[float, float, float, float]) -> Iterator[Points]:
    """The runs of a path that lie inside ``box`` (left, top, right, bottom), each a path.

    Pillow steps along a thin line pixel by pixel even where it is off the picture, so a
    turtle sent to 1e300 would take seconds to draw; cutting the path at the box first
    draws the same pixels at once.
    """
    left, top, right, bottom = box
    if all(left <= x <= right and top <= y <= bottom for x, y in points):
        yield points  # the usual case: nothing to cut
        return
    run: Points = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        piece = _clip(x1, y1, x2, y2, box)
        if piece is None:
            if len(run) > 1:
                yield run
            run = []
            continue
        start, end = piece
        if run and run[-1] == start:
            run.append(end)
        else:
            if len(run) > 1:
                yield run
            run = [start, end]
    if len(run) > 1:
        yield run


def _clip(x1: float, y1: float, x2: float, y2: float, box: tuple[float, float, float, float]
          ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the line from (x1, y1) to (x2, y2) inside ``box``, or None (Liang-Barsky)."""
    left, top, right, bottom = box
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for step, room in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if step == 0:
            if room < 0:
                return None  # parallel to this edge and outside it
            continue
        ratio = room / step
        if step < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return None
    start = (x1, y1) if low == 0 else (x1 + low * dx, y1 + low * dy)
    end = (x2, y2) if high == 1 else (x1 + high * dx, y1 + high * dy)
    return start, end


@functools.lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size)


def render_svg(world: TurtleWorld) -> str:
    """The drawing as an SVG document; labels are escaped text, never markup."""
    w, h = world.width, world.height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
             f'viewBox="0 0 {w} {h}">',
             f'<rect width="{w}" height="{h}" fill={quoteattr(world.background)}/>',
             f'<g transform="translate({_num(w / 2)} {_num(h / 2)}) scale(1 -1)" '
             'fill="none" stroke-linecap="round" stroke-linejoin="round">']
    for part in polylines(world.log):
        parts.append(_svg_part(part))
    for turtle in world.turtles:
        if turtle.visible:
            parts.append(f'<polygon points="{_points(turtle_triangle(turtle))}" '
                         f'stroke={quoteattr(turtle.pen_colour)} stroke-width="1"/>')
    parts.append("</g></svg>\n")
    return "\n".join(parts)


def _svg_part(part: tuple | DrawingItem) -> str:
    if type(part) is tuple:
        points, colour, width = part
        return (f'<polyline points="{_points(points)}" stroke={quoteattr(colour)} '
                f'stroke-width="{_num(max(width, 1))}"/>')
    if type(part) is Fill:
        return (f'<polygon points="{_points(part.points)}" fill={quoteattr(part.colour)} '
                'stroke="none"/>')
    if type(part) is Dot:
        return (f'<circle cx="{_num(part.x)}" cy="{_num(part.y)}" r="{_num(part.size / 2)}" '
                f'fill={quoteattr(part.colour)} stroke="none"/>')
    # Text is flipped back upright, since the group turns y upwards.
    return (f'<text x="{_num(part.x)}" y="{_num(-part.y)}" transform="scale(1 -1)" '
            f'font-family="sans-serif" font-size="{_num(part.size)}" '
            f'fill={quoteattr(part.colour)} stroke="none">{escape(part.text)}</text>')


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _points(points) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def save_picture(world: TurtleWorld, path: str | Path) -> None:
    """Write the drawing to ``path``: PNG or SVG, chosen by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        data = render_png(world)
    elif suffix == ".svg":
        data = render_svg(world).encode("utf-8")
    else:
        raise TurtleError(f'a picture file name ends in .png or .svg, not "{suffix or path}"')
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise TurtleError(f"could not save the picture: {error.strerror}") from None
