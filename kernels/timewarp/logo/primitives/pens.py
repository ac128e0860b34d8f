"""The pen's modes and FILL, as far as a picture kept as a log of lines allows.

UCBLogo paints on pixels; the turtle here records lines (timewarp.turtle.model), so:

- PENERASE draws in the background colour, which hides what it crosses;
- PENREVERSE draws in the background's opposite colour: what inverting pixels gives on the
  plain background (drawing twice over the same line does not bring the background back);
- PENPAINT draws in the pen colour again.  SETPENCOLOR in the other modes changes the colour
  PENPAINT will use, as in UCBLogo;
- FILL floods the region around the turtle that the lines drawn so far close off (on the
  canvas, pixel by pixel, as UCBLogo's flood fill does) and records it as rectangles
  beneath the lines.  Earlier fills do not bound it; lines erased with PENERASE do not either.
"""

from __future__ import annotations

from typing import Any

from PIL import ImageColor

from timewarp.logo.errors import doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.primitives.turtle import _colour, colour_number, turtle_command
from timewarp.logo.values import is_word, to_list, to_number, word_text
from timewarp.turtle.colours import parse_colour
from timewarp.turtle.model import Fill, Segment

MODES = ("paint", "erase", "reverse")


def _opposite(colour: str) -> str:
    red, green, blue = ImageColor.getrgb(colour)[:3]
    return f"#{255 - red:02x}{255 - green:02x}{255 - blue:02x}"


def drawing_colour(interp: Any) -> None:
    """Give the turtle the colour its lines take in the current mode."""
    turtle = interp.world.turtle
    if interp.pen_mode == "paint":
        if interp.paint_colour is not None:
            turtle.pen_colour, interp.paint_colour = interp.paint_colour, None
        return
    if interp.paint_colour is None:
        interp.paint_colour = turtle.pen_colour
    background = parse_colour(interp.world.background)
    if interp.pen_mode == "erase":
        turtle.pen_colour = background
    else:
        turtle.pen_colour = _opposite(background)


def set_paint_colour(interp: Any, colour: str) -> None:
    """SETPENCOLOR: in ERASE or REVERSE mode it is the colour PENPAINT will bring back."""
    if interp.pen_mode == "paint":
        interp.world.turtle.set_pen_colour(colour)
    else:
        interp.paint_colour = parse_colour(colour)


def paint_colour(interp: Any) -> str:
    return interp.paint_colour or interp.world.turtle.pen_colour


def _set_mode(interp: Any, mode: str) -> None:
    interp.pen_mode = mode
    interp.world.turtle.pen_down()
    drawing_colour(interp)


@turtle_command("penpaint ppt", 0)
def penpaint(interp: Any) -> None:
    _set_mode(interp, "paint")


@turtle_command("penerase pe", 0)
def penerase(interp: Any) -> None:
    _set_mode(interp, "erase")


@turtle_command("penreverse px", 0)
def penreverse(interp: Any) -> None:
    _set_mode(interp, "reverse")


@primitive("penmode", 0)
def penmode(interp: Any) -> str:
    return interp.pen_mode


@primitive("penpattern", 0)
def penpattern(interp: Any) -> list:
    return [-1]


@primitive("setpenpattern", 1, outputs=False)
def setpenpattern(interp: Any, pattern: Any) -> None:
    """Accepted and not used, as in UCBLogo's own (wxWidgets) window."""


@primitive("pen", 0)
def pen(interp: Any) -> list:
    turtle = interp.world.turtle
    width = turtle.pen_width
    size = int(width) if width.is_integer() else width
    return ["pendown" if turtle.pen_is_down else "penup", interp.pen_mode, [size, size],
            colour_number(interp, paint_colour(interp)), [-1]]


@turtle_command("setpen", 1)
def setpen(interp: Any, value: Any) -> None:
    items = to_list("setpen", value)
    if not items or not all(is_word(item) for item in items[:2]):
        raise doesnt_like("setpen", value)
    state = word_text(items[0]).lower()
    mode = word_text(items[1]).lower() if len(items) > 1 else interp.pen_mode
    if state not in ("pendown", "penup") or mode not in MODES:
        raise doesnt_like("setpen", value)
    turtle = interp.world.turtle
    if len(items) > 2:
        size = items[2]
        turtle.set_pen_width(to_number("setpen", size[0] if isinstance(size, list) and size
                                       else size))
    if len(items) > 3:
        set_paint_colour(interp, _colour("setpen", items[3], interp.palette))
    _set_mode(interp, mode)
    if state == "penup":
        turtle.pen_up()


# -- FILL ------------------------------------------------------------------------------------


def _walls(world: Any) -> list[bytearray]:
    """The canvas as rows of pixels: 1 where a line in a colour other than the background
    lies (a line drawn in the background colour clears what it crosses)."""
    width, height = world.width, world.height
    rows = [bytearray(width) for _ in range(height)]
    background = parse_colour(world.background)
    for item in world.log:
        if type(item) is not Segment:
            continue
        mark = 0 if parse_colour(item.colour) == background else 1
        x1, y1 = item.x1 + width / 2, height / 2 - item.y1
        x2, y2 = item.x2 + width / 2, height / 2 - item.y2
        reach = max(int(item.width // 2), 0)
        # Steps of at most half a pixel leave no gap a 4-way flood could slip through.
        steps = max(int(max(abs(x2 - x1), abs(y2 - y1)) * 2), 1)
        for step in range(steps + 1):
            cx = round(x1 + (x2 - x1) * step / steps)
            cy = round(y1 + (y2 - y1) * step / steps)
            for py in range(max(cy - reach, 0), min(cy + reach, height - 1) + 1):
                row = rows[py]
                for px in range(max(cx - reach, 0), min(cx + reach, width - 1) + 1):
                    row[px] = mark
    return rows


def flood_runs(rows: list[bytearray], x: int, y: int) -> list[tuple[int, int, int]]:
    """The horizontal runs (row, first, last) of free pixels joined to (x, y) side by side
    or one above another."""
    height, width = len(rows), len(rows[0]) if rows else 0
    if not (0 <= y < height and 0 <= x < width) or rows[y][x]:
        return []
    runs = []
    seeds = [(x, y)]
    while seeds:
        sx, sy = seeds.pop()
        row = rows[sy]
        if row[sx]:
            continue
        left = max(row.rfind(1, 0, sx), row.rfind(2, 0, sx)) + 1
        ends = [end for end in (row.find(1, sx), row.find(2, sx)) if end >= 0]
        right = (min(ends) if ends else width) - 1
        row[left:right + 1] = b"\x02" * (right - left + 1)
        runs.append((sy, left, right))
        for ny in (sy - 1, sy + 1):
            if 0 <= ny < height:
                other = rows[ny]
                px = left
                while px <= right:
                    if not other[px] and (px == left or other[px - 1]):
                        seeds.append((px, ny))
                    px += 1
    return runs


def _rectangles(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs merged into rectangles (first, top, last, bottom) where rows repeat a run."""
    open_: dict[tuple[int, int], list[int]] = {}
    done = []
    for y, left, right in sorted(runs):
        key = (left, right)
        if key in open_ and open_[key][1] == y - 1:
            open_[key][1] = y
        else:
            if key in open_:
                done.append((left, open_[key][0], right, open_[key][1]))
            open_[key] = [y, y]
    done += [(left, top, right, bottom) for (left, right), (top, bottom) in open_.items()]
    return done


@turtle_command("fill", 0)
def fill(interp: Any) -> None:
    world = interp.world
    turtle = world.turtle
    x = round(turtle.x + world.width / 2)
    y = round(world.height / 2 - turtle.y)
    runs = flood_runs(_walls(world), x, y)
    colour = paint_colour(interp)
    half_w, half_h = world.width / 2, world.height / 2
    # A live view hears of the whole fill once, not once per rectangle.
    listener, world.listener = world.listener, None
    try:
        for left, top, right, bottom in _rectangles(runs):
            x0, x1 = left - 0.5 - half_w, right + 0.5 - half_w
            y0, y1 = half_h - top + 0.5, half_h - bottom - 0.5
            world.insert_item(0, Fill(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), colour))
    finally:
        world.listener = listener
    if runs:
        world.touch()
