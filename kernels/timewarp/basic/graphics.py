"""BASIC's drawing statements: turtle words and GW-BASIC screen graphics.

Both tables below map a keyword to what it means, so the parser and the runtime never grow
if/elif chains: ``GRAPHICS_SYNTAX`` says how a statement's arguments are written, and
``ACTIONS`` turns the evaluated arguments into calls on the turtle world
(:mod:`timewarp.turtle.model`) or the GW-BASIC screen (:mod:`timewarp.turtle.screen`).
The drawing itself lives in the turtle package.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

from timewarp.basic import ast
from timewarp.basic.errors import BasicError

if TYPE_CHECKING:
    from timewarp.basic.expressions import ExpressionParser

# How each statement's arguments are written: "" none, "n" numbers separated by commas
# (the count is how many are required, "o" marks optional ones), "s" one string,
# "c" a colour (a name, a number or r, g, b), or a custom reader named in _READERS.
GRAPHICS_SYNTAX: dict[str, str] = {
    "FORWARD": "n", "BACK": "n", "LEFT": "n", "RIGHT": "n", "PENWIDTH": "n",
    "SETHEADING": "n", "TCIRCLE": "n", "SETXY": "nn", "ARC": "nn",
    "PENUP": "", "PENDOWN": "", "HOME": "", "HIDETURTLE": "", "SHOWTURTLE": "",
    "PENCOLOR": "c", "SAVEPICTURE": "s", "DRAW": "s",
    "SCREEN": "nooo", "COLOR": "ooo",
    "PSET": "point", "PRESET": "point", "LINE": "line", "CIRCLE": "circle", "PAINT": "point",
}


def parse_graphics(p: ExpressionParser, word: str) -> ast.Graphics:
    syntax = GRAPHICS_SYNTAX[word]
    if syntax in ("point", "circle"):
        x, y = _coordinates(p)
        rest = _optional_list(p) if p.accept("op", ",") else []
        return ast.Graphics(word, (x, y, *rest))
    if syntax == "line":
        return _line(p)
    if syntax == "s":
        value = p.expression()
        if value.type != "$":
            raise BasicError("Type mismatch")
        return ast.Graphics(word, (value,))
    if syntax == "c":
        args = tuple(_optional_list(p))
        if len(args) not in (1, 3) or None in args or (len(args) == 3 and any(a.type == "$" for a in args)):
            p.fail("PENCOLOR takes a colour: a name, a number 0-15 or red, green, blue")
        return ast.Graphics(word, args)
    args = _optional_list(p) if syntax else []
    required = syntax.count("n")
    if len(args) > len(syntax) or any(a is None for a in args[:required]) or len(args) < required:
        p.fail(f"{word} takes {required or 'up to ' + str(len(syntax))} number(s)")
    for arg in args:
        if arg is not None and arg.type == "$":
            raise BasicError("Type mismatch")
    return ast.Graphics(word, tuple(args))


def _optional_list(p: ExpressionParser) -> list[ast.Expr | None]:
    """Comma-separated values where any may be left out, as in COLOR ,1."""
    args: list[ast.Expr | None] = []
    if p.at_end():
        return args
    while True:
        args.append(None if p.at_op(",") or p.at_end() else p.expression())
        if not p.accept("op", ","):
            return args


def _coordinates(p: ExpressionParser) -> tuple[ast.Expr, ast.Expr]:
    p.accept("kw", "STEP")
    p.expect("op", "(")
    x = p._num(p.expression())
    p.expect("op", ",")
    y = p._num(p.expression())
    p.expect("op", ")")
    return x, y


def _line(p: ExpressionParser) -> ast.Graphics:
    start: tuple = (None, None)
    if p.at_op("(") or p.at_kw("STEP"):
        start = _coordinates(p)
    p.expect("op", "-")
    end = _coordinates(p)
    colour, flags = None, ""
    if p.accept("op", ","):
        if not p.at_op(",") and not p.at_end():
            colour = p._num(p.expression())
        if p.accept("op", ","):
            tok = p.expect("name", what="B or BF")
            if tok.value not in ("B", "BF"):
                p.fail("LINE takes B or BF")
            flags = tok.value
    return ast.Graphics("LINE", (*start, *end, colour), flags)


def _screen(rt) -> object:
    if rt.screen is None:
        from timewarp.turtle.screen import Screen
        rt.screen = Screen(rt.world)
    return rt.screen


def _pen_colour(rt, *args) -> None:
    colour = args[0] if len(args) == 1 else tuple(int(a) for a in args)
    if isinstance(colour, float):
        colour = int(colour)
    rt.world.turtle.set_pen_colour(colour)


def _save_picture(rt, path: str) -> None:
    from timewarp.turtle.picture import save_picture
    if not path.lower().endswith((".png", ".svg")):
        raise BasicError("Bad file name", detail="SAVEPICTURE writes .png or .svg files")
    try:
        save_picture(rt.world, path)
    except OSError as exc:
        raise BasicError("Bad file name", detail=exc.strerror or str(exc)) from None


def _line_action(rt, x1, y1, x2, y2, colour, flags="") -> None:
    screen = _screen(rt)
    if x1 is None:
        x1, y1 = screen.last_point if hasattr(screen, "last_point") else (x2, y2)
    screen.line(x1, y1, x2, y2, _int(colour), box=bool(flags), fill=flags == "BF")


def _int(value):
    return None if value is None else int(value)


def _circle(rt, x, y, radius, colour=None, start=None, end=None, aspect=None) -> None:
    # As in GW-BASIC: the centre and radius are integers on the screen, the angles lie within
    # one turn either way. (Beyond them a circle would also take ages to draw.)
    if any(abs(value) > 32767 for value in (x, y, radius)):
        raise BasicError("Overflow")
    if any(angle is not None and abs(angle) > 2 * math.pi + 1e-6 for angle in (start, end)):
        raise BasicError("Illegal function call",
                         detail="CIRCLE's start and end angles are radians from -2*PI to 2*PI")
    _screen(rt).circle(x, y, radius, _int(colour), start, end, aspect)


ACTIONS: dict[str, Callable[..., None]] = {
    "FORWARD": lambda rt, d: rt.world.turtle.forward(d),
    "BACK": lambda rt, d: rt.world.turtle.back(d),
    "LEFT": lambda rt, a: rt.world.turtle.left(a),
    "RIGHT": lambda rt, a: rt.world.turtle.right(a),
    "PENWIDTH": lambda rt, w: rt.world.turtle.set_pen_width(w),
    "SETHEADING": lambda rt, h: rt.world.turtle.set_heading(h),
    "TCIRCLE": lambda rt, r: rt.world.turtle.circle(r),
    "SETXY": lambda rt, x, y: rt.world.turtle.move_to(x, y),
    "ARC": lambda rt, a, r: rt.world.turtle.arc(a, r),
    "PENUP": lambda rt: rt.world.turtle.pen_up(),
    "PENDOWN": lambda rt: rt.world.turtle.pen_down(),
    "HOME": lambda rt: rt.world.turtle.home(),
    "HIDETURTLE": lambda rt: rt.world.turtle.hide(),
    "SHOWTURTLE": lambda rt: rt.world.turtle.show(),
    "PENCOLOR": _pen_colour,
    "SAVEPICTURE": _save_picture,
    "SCREEN": lambda rt, mode, *_: _screen(rt).screen(int(mode)),
    "COLOR": lambda rt, fg=None, bg=None, *_: _screen(rt).color(_int(fg), _int(bg)),
    "CLS": lambda rt: rt.clear_screen(),
    "PSET": lambda rt, x, y, c=None: _screen(rt).pset(x, y, _int(c)),
    "PRESET": lambda rt, x, y, c=None: _screen(rt).preset(x, y, _int(c)),
    "LINE": _line_action,
    "CIRCLE": _circle,
    "PAINT": lambda rt, x, y, paint=None, border=None: _screen(rt).paint(x, y, _int(paint), _int(border)),
    "DRAW": lambda rt, macro: _screen(rt).draw(macro),
}


def point(rt, x: float, y: float) -> int:
    """POINT(x, y): the colour number of a screen pixel."""
    return _screen(rt).point(x, y)
