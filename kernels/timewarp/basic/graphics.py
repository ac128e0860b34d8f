"""BASIC's drawing statements: turtle words and GW-BASIC screen graphics.

SCREEN and COLOR also reach the text screen through two hooks on the runtime,
``text_screen_mode`` and ``text_colour`` (see timewarp.basic.text_screen).  Statements that
name arrays or variables (GET and PUT blocks, PALETTE USING, DRAW with X and =name;) have
their own nodes, parsed by :class:`GraphicsParser` and compiled by :class:`GraphicsCompiler`.

Both tables below map a keyword to what it means, so the parser and the runtime never grow
if/elif chains: ``GRAPHICS_SYNTAX`` says how a statement's arguments are written, and
``ACTIONS`` turns the evaluated arguments into calls on the turtle world
(:mod:`timewarp.turtle.model`) or the GW-BASIC screen (:mod:`timewarp.turtle.screen`).
The drawing itself lives in the turtle package.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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
    "SCREEN": "oooo", "COLOR": "ooo",
    "PSET": "point", "PRESET": "point", "LINE": "line", "CIRCLE": "circle", "PAINT": "point",
    "VIEW": "view", "WINDOW": "view", "PALETTE": "palette",
}


def parse_graphics(p: ExpressionParser, word: str) -> ast.Stmt:
    syntax = GRAPHICS_SYNTAX[word]
    if syntax in ("point", "circle"):
        step = p.at_kw("STEP")
        x, y = _coordinates(p)
        rest = _optional_list(p) if p.accept("op", ",") else []
        return ast.Graphics(word + " STEP" if step else word, (x, y, *rest))
    if syntax == "line":
        return _line(p)
    if syntax == "view":
        return _view(p, word)
    if syntax == "palette":
        return _palette(p)
    if word == "DRAW":
        return _draw(p)
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
    if word == "COLOR" and args and args[-1] is None:
        raise BasicError("Missing operand", detail="a value must follow COLOR's last comma")
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


def _coordinates(p: ExpressionParser, step: bool = True) -> tuple[ast.Expr, ast.Expr]:
    if step:
        p.accept("kw", "STEP")
    p.expect("op", "(")
    x = p._num(p.expression())
    p.expect("op", ",")
    y = p._num(p.expression())
    p.expect("op", ")")
    return x, y


def _line(p: ExpressionParser) -> ast.Graphics:
    start: tuple = (None, None)
    steps = ""
    if p.at_op("(") or p.at_kw("STEP"):
        steps += "<" if p.at_kw("STEP") else ""
        start = _coordinates(p)
    p.expect("op", "-")
    steps += ">" if p.at_kw("STEP") else ""
    end = _coordinates(p)
    colour, flags = None, ""
    if p.accept("op", ","):
        if p.at_end():
            raise BasicError("Missing operand", detail="a colour or B must follow LINE's comma")
        if not p.at_op(","):
            colour = p._num(p.expression())
        if p.accept("op", ","):
            tok = p.expect("name", what="B or BF")
            if tok.value not in ("B", "BF"):
                p.fail("LINE takes B or BF")
            flags = tok.value
    return ast.Graphics("LINE", (*start, *end, colour), flags + steps)


# Statements with their own nodes

@dataclass(frozen=True)
class BlockGet(ast.Stmt):
    """GET (x1,y1)-(x2,y2), array[(start)]."""
    corners: tuple[ast.Expr, ...]
    steps: str
    array: ast.ArrayRef
    start: ast.Expr | None


@dataclass(frozen=True)
class BlockPut(ast.Stmt):
    """PUT (x,y), array[(start)][, PSET|PRESET|AND|OR|XOR]."""
    corner: tuple[ast.Expr, ...]
    steps: str
    array: ast.ArrayRef
    start: ast.Expr | None
    action: str


@dataclass(frozen=True)
class PaletteUsing(ast.Stmt):
    array: ast.ArrayRef
    start: ast.Expr | None


@dataclass(frozen=True)
class DrawMacro(ast.Stmt):
    """DRAW string; a string that may name variables (X, =) gets a way to read them."""
    macro: ast.Expr


def _view(p: ExpressionParser, word: str) -> ast.Stmt:
    """VIEW [SCREEN] [(x1,y1)-(x2,y2)[,[fill][,border]]]; WINDOW [SCREEN] [(x1,y1)-(x2,y2)].
    (VIEW PRINT belongs to the text screen and never reaches here.)"""
    if word == "VIEW" and p.accept("kw", "PRINT"):
        if not hasattr(p, "view_print"):
            p.fail("VIEW PRINT is not available")
        return p.view_print()       # the text screen's (see text_statements)
    screen = p.accept("kw", "SCREEN")
    if p.at_end():
        if screen:
            p.fail(f"{word} SCREEN needs (x1,y1)-(x2,y2)")
        return ast.Graphics(word, ())
    x1, y1 = _coordinates(p, step=False)
    p.expect("op", "-")
    x2, y2 = _coordinates(p, step=False)
    rest: list = [None, None] if word == "VIEW" else []
    for n in range(len(rest)):
        if not p.accept("op", ","):
            break
        if p.at_end():
            raise BasicError("Missing operand", detail="a colour must follow the comma")
        if not p.at_op(","):
            rest[n] = p._num(p.expression())
    return ast.Graphics(word + (" SCREEN" if screen else ""), (x1, y1, x2, y2, *rest))


def _palette(p: ExpressionParser) -> ast.Stmt:
    if p.accept("kw", "USING"):
        array, start = _array(p)
        if array.type != "%":
            raise BasicError("Type mismatch", detail="PALETTE USING takes an integer array")
        return PaletteUsing(array, start)
    args = _optional_list(p)
    if len(args) not in (0, 2) or None in args or any(a.type == "$" for a in args):
        p.fail("PALETTE takes an attribute and a colour (or nothing, for the defaults)")
    return ast.Graphics("PALETTE", tuple(args))


def _draw(p: ExpressionParser) -> ast.Stmt:
    value = p.expression()
    if value.type != "$":
        raise BasicError("Type mismatch")
    return DrawMacro(value)


def _array(p: ExpressionParser) -> tuple[ast.ArrayRef, ast.Expr | None]:
    """An array's name, with an optional first element: A, A(), A%(20) (QBasic)."""
    tok = p.expect("name", what="an array name")
    array = ast.ArrayRef(p.names.key(tok.value))
    start = None
    if p.accept("op", "("):
        if not p.accept("op", ")"):
            start = p._num(p.expression())
            p.expect("op", ")")
    return array, start


class GraphicsParser:
    """GET and PUT of screen blocks (mixed into the statement parser): they read as names,
    like GET # and PUT # of files; a ( after the word makes them graphics."""

    def graphics_block(self, name: str) -> ast.Stmt | None:
        if name not in ("GET", "PUT") or not (self._op_at(1, "(") or self._kw_at(1, "STEP")):
            return None
        self.i += 1
        steps = "<" if self.at_kw("STEP") else ""
        first = _coordinates(self)
        if name == "GET":
            self.expect("op", "-")
            steps += ">" if self.at_kw("STEP") else ""
            second = _coordinates(self)
            self.expect("op", ",")
            array, start = _array(self)
            _check_block_array(array)
            return BlockGet((*first, *second), steps, array, start)
        self.expect("op", ",")
        array, start = _array(self)
        _check_block_array(array)
        action = "XOR"
        if self.accept("op", ","):
            tok = self.peek()
            word = tok.value if tok is not None and tok.kind in ("kw", "name") else None
            if word not in ("PSET", "PRESET", "AND", "OR", "XOR"):
                self.fail("PUT's action is PSET, PRESET, AND, OR or XOR")
            self.i += 1
            action = word
        return BlockPut(first, steps, array, start, action)

    def _kw_at(self, offset: int, value: str) -> bool:
        tok = self.peek(offset)
        return tok is not None and tok.kind == "kw" and tok.value == value


def _check_block_array(array: ast.ArrayRef) -> None:
    if array.type == "$":
        raise BasicError("Type mismatch", detail="GET and PUT keep pictures in number arrays")


class GraphicsCompiler:
    """Code for the statements above (mixed into the statement compiler)."""

    def _array_code(self, array: ast.ArrayRef, start: ast.Expr | None) -> str:
        from timewarp.basic.python_expressions import python_name
        first = self.exprs.value(start) if start is not None else "None"
        return f"{python_name(array.key, True)}, {array.key!r}, {first}"

    def s_BlockGet(self, s: BlockGet) -> None:
        corners = ", ".join(self.exprs.value(e) for e in s.corners)
        self.emit(f"_rt.graphics('GET BLOCK', {corners}, {s.steps!r}, "
                  f"{self._array_code(s.array, s.start)})")

    def s_BlockPut(self, s: BlockPut) -> None:
        corner = ", ".join(self.exprs.value(e) for e in s.corner)
        self.emit(f"_rt.graphics('PUT BLOCK', {corner}, {s.steps!r}, "
                  f"{self._array_code(s.array, s.start)}, {s.action!r})")

    def s_PaletteUsing(self, s: PaletteUsing) -> None:
        self.emit(f"_rt.graphics('PALETTE USING', {self._array_code(s.array, s.start)})")

    def s_DrawMacro(self, s: DrawMacro) -> None:
        macro = self.exprs.value(s.macro)
        if isinstance(s.macro, ast.String) and not ({"=", "X"} & set(s.macro.value.upper())):
            self.emit(f"_rt.graphics('DRAW', {macro})")
            return
        # The string may name variables (XA$; and =N;): a way to read them, built only
        # when DRAW asks, paid only by DRAW statements that may need it.
        from timewarp.basic.compiler import _key_of     # (compiler imports this module)
        pairs = ", ".join(f"{_key_of(name)!r}: {name}" for name in sorted(self.names)
                          if name.startswith("v"))
        self.emit(f"_rt.graphics('DRAW', {macro}, lambda: {{**_V, {pairs}}})")


# Running

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
        x1, y1 = screen.step(0, 0)
    elif "<" in flags:
        x1, y1 = screen.step(x1, y1)
    if ">" in flags:
        x2, y2 = x1 + x2, y1 + y2
    box = flags.rstrip("<>")
    screen.line(x1, y1, x2, y2, _int(colour), box=bool(box), fill=box == "BF")


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
    "SCREEN": lambda rt, *args: _screen_statement(rt, *args),
    "COLOR": lambda rt, fg=None, bg=None, border=None: _color(rt, fg, bg, border),
    "CLS": lambda rt: rt.clear_screen(),
    "PSET": lambda rt, x, y, c=None: _screen(rt).pset(x, y, _int(c)),
    "PRESET": lambda rt, x, y, c=None: _screen(rt).preset(x, y, _int(c)),
    "LINE": _line_action,
    "CIRCLE": _circle,
    "PAINT": lambda rt, x, y, paint=None, border=None, background=None, *_: _screen(rt).paint(
        x, y, paint.encode("latin-1") if isinstance(paint, str) else _int(paint), _int(border),
        background.encode("latin-1") if isinstance(background, str) else None),
    "DRAW": lambda rt, macro, names=None: _screen(rt).draw(macro, _reader(rt, names)),
    "VIEW": lambda rt, *box: _view_action(rt, box, False),
    "VIEW SCREEN": lambda rt, *box: _view_action(rt, box, True),
    "WINDOW": lambda rt, *box: _screen(rt).set_window(box or None),
    "WINDOW SCREEN": lambda rt, *box: _screen(rt).set_window(box, screen=True),
    "PALETTE": lambda rt, attr=None, colour=None: _screen(rt).set_palette(_int(attr), _int(colour)),
}
for _word in ("PSET", "PRESET", "CIRCLE", "PAINT"):
    ACTIONS[_word + " STEP"] = (lambda action: lambda rt, x, y, *rest: action(
        rt, *_screen(rt).step(x, y), *rest))(ACTIONS[_word])


def _screen_statement(rt, mode, switch=None, active=None, visible=None) -> None:
    """SCREEN mode, colour switch, active page, visible page: the graphics screen, then
    the text screen's hook (screen-api)."""
    pages = active is not None or visible is not None
    if (mode is None or _int(mode) == 0) and rt.screen is None and not pages:
        return      # a text program's SCREEN 0 must not make a drawing appear
    screen = _screen(rt)
    before = screen.number
    if mode is not None:
        mode = _int(mode)
        screen.screen(mode)
        hook = getattr(rt, "text_screen_mode", None)
        if hook is not None and mode != before:
            columns, rows = text_size(mode)
            hook(mode, columns, rows)
    if pages and screen.number != 0:
        screen.set_pages(_int(active), _int(visible))


def copy_page(rt, source, destination) -> bool:
    """PCOPY in a graphics mode copies graphics pages; False in text mode (the text screen
    copies its own pages then)."""
    if current_mode(rt) == 0:
        return False
    from timewarp.turtle.model import TurtleError
    try:
        rt.screen.copy_page(_int(source), _int(destination))
    except TurtleError as exc:
        raise BasicError("Illegal function call", detail=str(exc)) from None
    return True


def _color(rt, fg, bg, border) -> None:
    from timewarp.basic.builtins import _cint
    # Whole numbers as GW-BASIC makes them: rounded, and past an integer "Overflow".
    fg, bg, border = (None if v is None else _cint(v) for v in (fg, bg, border))
    hook = getattr(rt, "text_colour", None)
    if current_mode(rt) == 0:
        if hook is not None:
            hook(fg, bg, border)
        # Before any SCREEN, COLOR also sets the ink of pixels on the world, and its paper
        # once the program has drawn (a text program's COLOR must not make a drawing appear).
        drawn = rt.screen is not None
        if fg is not None and fg < 16:
            _screen(rt).color(fg, None)
        if drawn and bg is not None and bg < 16:
            _screen(rt).color(None, bg)
        return
    screen = _screen(rt)
    screen.color(fg, bg)
    if hook is not None and screen.number != 1:
        hook(fg, None, None)


def _view_action(rt, box, absolute: bool) -> None:
    screen = _screen(rt)
    if not box:
        screen.set_view(None)
        return
    x1, y1, x2, y2, fill, border = box
    if any(v is not None and abs(v) > 32767 for v in box):
        raise BasicError("Overflow")
    if any(c is not None and not 0 <= c <= 255 for c in (fill, border)):
        raise BasicError("Illegal function call", detail="VIEW's colours go from 0 to 255")
    screen.set_view((x1, y1, x2, y2), absolute, _int(fill), _int(border))


def _reader(rt, names):
    """How DRAW reads a variable: by name, or by a VARPTR$ handle (see basic.sound)."""
    if names is None:
        return None

    def variable(key: str, string: bool):
        value = _variable(key)
        if isinstance(value, str) != string:
            raise BasicError("Type mismatch",
                             detail=f"DRAW wants a {'string' if string else 'number'} here")
        return value

    def _variable(key: str):
        values = names()
        if key and ord(key[0]) <= 8:
            # basic.sound keeps each handle with the value VARPTR$ saw: (key, value) -> handle.
            pointers = getattr(getattr(rt, "music", None), "pointers", {})
            number = ord(key[1]) + 256 * ord(key[2]) if len(key) == 3 else -1
            for (_, value), known in pointers.items():
                if known == number:
                    return value
            raise BasicError("Illegal function call", detail="VARPTR$ points at no variable")
        if key[-1:] in ("$", "%", "!", "#"):
            return values.get(key, "" if key[-1] == "$" else 0)
        for suffix in "!%#$":
            if key + suffix in values:
                return values[key + suffix]
        return 0
    return variable


from timewarp.basic.graphics_blocks import block_get, block_put, elements

ACTIONS["GET BLOCK"] = block_get
ACTIONS["PUT BLOCK"] = block_put
ACTIONS["PALETTE USING"] = lambda rt, array, key, start: _screen(rt).palette_using(
    elements(array, start))

#: Text columns and rows of each SCREEN mode (the text screen's size after SCREEN n).
_TEXT_SIZES = {0: (0, 25)}


def text_size(mode: int) -> tuple[int, int]:
    from timewarp.turtle.screen_modes import MODES
    return _TEXT_SIZES[mode] if mode == 0 else MODES[mode].text


def current_mode(rt) -> int:
    """The SCREEN mode number (0 before any SCREEN statement)."""
    return 0 if rt.screen is None else rt.screen.number


def clear_graphics(rt, n=None) -> None:
    """CLS's graphics part: None clears the viewport (the whole screen without VIEW),
    0 the whole screen, 1 the viewport, 2 nothing."""
    if rt.screen is None or n == 2:
        return
    rt.screen.cls(viewport_only=n != 0)


def width_changed(rt, columns: int) -> None:
    """WIDTH in a graphics mode: 80 columns in SCREEN 1 is SCREEN 2, 40 in SCREEN 2 is
    SCREEN 1 (7 and 8 likewise), as in GW-BASIC."""
    switch = {(1, 80): 2, (2, 40): 1, (7, 80): 8, (8, 40): 7}.get((current_mode(rt), columns))
    if switch is not None:
        _screen_statement(rt, switch)


def point(rt, x: float, y: float | None = None) -> float:
    """POINT(x, y): the colour number of a screen pixel; POINT(n): the last point."""
    from timewarp.turtle.model import TurtleError
    try:
        if y is None:
            return _screen(rt).point_of(_int(x))
        return _screen(rt).point(x, y)
    except TurtleError as exc:
        raise BasicError("Illegal function call", detail=str(exc)) from None


def pmap(rt, value: float, function) -> float:
    from timewarp.basic.builtins import _cint
    from timewarp.basic.numbers import LARGEST
    from timewarp.turtle.model import TurtleError
    # As GW-BASIC checks them: the function is an integer, the value a single, and a
    # physical coordinate (functions 2 and 3) an integer too; past those, Overflow.
    function = _cint(function)
    if not -LARGEST <= value <= LARGEST:
        raise BasicError("Overflow")
    if function in (2, 3):
        _cint(value)
    try:
        return _screen(rt).pmap(value, function)
    except TurtleError as exc:
        raise BasicError("Illegal function call", detail=str(exc)) from None
