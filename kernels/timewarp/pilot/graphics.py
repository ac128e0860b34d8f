"""G: drives the turtle with the turtle commands every Time Warp language shares.

``G:FORWARD 50 RIGHT 90`` runs two commands; a semicolon may separate them.  An argument is
one word without spaces (``50``, ``#SIDE``, ``-90``, ``RED``, ``#ff8800``) or an expression
in brackets (``FORWARD (#SIDE * 2)``).  A colour is a name, ``#rrggbb``, a palette number
0-15 or three numbers for red, green and blue; ``LABEL`` takes the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timewarp.pilot.ast import Expression, Text, TurtleCommand, Word
from timewarp.pilot.errors import PilotError
from timewarp.pilot.expressions import parse_expression
from timewarp.pilot.values import quote, show

if TYPE_CHECKING:
    from timewarp.turtle.model import TurtleWorld

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class CommandSpec:
    """How a turtle command reads its arguments: n = number, c = colour, t = the rest as text,
    o = an optional number."""

    name: str
    args: str
    help: str
    example: str = ""


_SPECS = (
    CommandSpec("FORWARD", "n", "FORWARD distance: move ahead, drawing if the pen is down"),
    CommandSpec("BACK", "n", "BACK distance: move backwards"),
    CommandSpec("LEFT", "n", "LEFT degrees: turn anticlockwise"),
    CommandSpec("RIGHT", "n", "RIGHT degrees: turn clockwise"),
    CommandSpec("PENUP", "", "PENUP: lift the pen, so moving does not draw"),
    CommandSpec("PENDOWN", "", "PENDOWN: put the pen down to draw again"),
    CommandSpec("PENCOLOR", "c", "PENCOLOR colour: a name (RED), #rrggbb, 0-15, or R G B"),
    CommandSpec("PENWIDTH", "n", "PENWIDTH pixels: how thick the lines are"),
    CommandSpec("HOME", "", "HOME: go back to the centre, facing up"),
    CommandSpec("CLEARSCREEN", "", "CLEARSCREEN: erase the drawing and send the turtle home"),
    CommandSpec("CLEAN", "", "CLEAN: erase the drawing; the turtle stays where it is"),
    CommandSpec("SETXY", "nn", "SETXY x y: go straight to a point (0 0 is the centre)"),
    CommandSpec("SETX", "n", "SETX x: move left or right to x"),
    CommandSpec("SETY", "n", "SETY y: move up or down to y"),
    CommandSpec("SETHEADING", "n", "SETHEADING degrees: face that way (0 is up, 90 right)"),
    CommandSpec("HIDETURTLE", "", "HIDETURTLE: hide the turtle"),
    CommandSpec("SHOWTURTLE", "", "SHOWTURTLE: show the turtle"),
    CommandSpec("CIRCLE", "n", "CIRCLE radius: draw a circle beside the turtle"),
    CommandSpec("ARC", "nn", "ARC degrees radius: draw part of a circle around the turtle"),
    CommandSpec("DOT", "o", "DOT [size]: a round dot where the turtle is"),
    CommandSpec("LABEL", "t", "LABEL text: write text where the turtle is"),
    CommandSpec("BACKGROUND", "c", "BACKGROUND colour: colour the whole canvas"),
    CommandSpec("FILLCOLOR", "c", "FILLCOLOR colour: the colour ENDFILL fills with"),
    CommandSpec("BEGINFILL", "", "BEGINFILL: start a shape to fill (FILLCOLOR, or the pen colour)"),
    CommandSpec("ENDFILL", "", "ENDFILL: fill the shape drawn since BEGINFILL"),
    CommandSpec("SPEED", "n",
                "SPEED n: 0 draws at once; 1 (fast) to 10 (slow) animate",
                "SPEED 5"),
    CommandSpec("WRAP", "", "WRAP: leaving one edge brings the turtle back at the other"),
    CommandSpec("WINDOW", "", "WINDOW: the turtle may leave the canvas"),
    CommandSpec("FENCE", "", "FENCE: leaving the canvas is an error"),
)

COMMANDS: dict[str, CommandSpec] = {spec.name: spec for spec in _SPECS}
ALIASES: dict[str, str] = {
    "FD": "FORWARD", "BK": "BACK", "BACKWARD": "BACK", "LT": "LEFT", "RT": "RIGHT",
    "PU": "PENUP", "PD": "PENDOWN", "PENCOLOUR": "PENCOLOR", "PC": "PENCOLOR",
    "SETPENCOLOR": "PENCOLOR", "COLOR": "PENCOLOR", "COLOUR": "PENCOLOR",
    "PENSIZE": "PENWIDTH", "SETPENSIZE": "PENWIDTH", "CS": "CLEARSCREEN", "CLEAR": "CLEARSCREEN",
    "SETPOS": "SETXY", "GOTO": "SETXY", "SETH": "SETHEADING", "HT": "HIDETURTLE",
    "ST": "SHOWTURTLE", "FILLCOLOUR": "FILLCOLOR", "BG": "BACKGROUND", "SETBG": "BACKGROUND",
}


def command_names() -> list[str]:
    return sorted([*COMMANDS, *ALIASES])


def lookup(word: str) -> CommandSpec | None:
    upper = word.upper()
    return COMMANDS.get(ALIASES.get(upper, upper))


class _Reader:
    """Splits a G: operand into commands and their arguments."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t;,":
            self.pos += 1

    def at_end(self) -> bool:
        self.skip_space()
        return self.pos >= len(self.text)

    def peek_argument(self) -> str:
        """The next argument without taking it: a bracketed group or a run of non-spaces."""
        self.skip_space()
        text, start = self.text, self.pos
        if start < len(text) and text[start] == "(":
            depth = 0
            for i in range(start, len(text)):
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                if depth == 0:
                    return text[start:i + 1]
            raise PilotError("a bracket in G: is not closed: add a )")
        end = start
        while end < len(text) and text[end] not in " \t;,":
            end += 1
        return text[start:end]

    def argument(self) -> str:
        found = self.peek_argument()
        self.pos += len(found)
        return found

    def rest(self) -> str:
        self.skip_space()
        found, self.pos = self.text[self.pos:], len(self.text)
        return found


def parse_commands(text: str, parse_text: Callable[[str], Text]) -> tuple[TurtleCommand, ...]:
    """The turtle commands of one G: statement."""
    reader = _Reader(text)
    commands = []
    while not reader.at_end():
        word = reader.argument()
        spec = lookup(word)
        if spec is None:
            raise PilotError(f"G: has no turtle command {quote(word)}; try FORWARD 50, RIGHT 90, "
                             "PENCOLOR RED")
        commands.append(TurtleCommand(spec.name, _arguments(spec, reader, parse_text)))
    if not commands:
        raise PilotError("G: needs a turtle command, like G:FORWARD 50")
    return tuple(commands)


def _arguments(spec: CommandSpec, reader: _Reader,
               parse_text: Callable[[str], Text]) -> tuple[Expression | Word | Text, ...]:
    args: list[Expression | Word | Text] = []
    for kind in spec.args:
        if kind == "t":
            args.append(parse_text(reader.rest()))
        elif kind == "c":
            args.extend(_colour(spec, reader))
        elif kind == "o":
            following = reader.peek_argument()
            if following and lookup(following) is None:
                args.append(_number(spec, reader.argument()))
        else:
            args.append(_number(spec, reader.argument()))
    return tuple(args)


def _number(spec: CommandSpec, text: str) -> Expression:
    if not text:
        raise PilotError(f"{spec.name} needs a number: {spec.help}")
    return parse_expression(text)


def _colour(spec: CommandSpec, reader: _Reader) -> list[Expression | Word]:
    text = reader.argument()
    if not text:
        raise PilotError(f"{spec.name} needs a colour: {spec.help}")
    if _HEX_COLOUR.fullmatch(text) or _WORD.fullmatch(text):
        return [Word(text.lower())]
    first = parse_expression(text)
    following = reader.peek_argument()
    if not following or lookup(following) is not None:
        return [first]
    return [first, _number(spec, reader.argument()), _number(spec, reader.argument())]


# --- running the commands ------------------------------------------------------------------

Evaluate = Callable[[Expression], object]
Render = Callable[[Text], str]


def run_command(command: TurtleCommand, world: TurtleWorld, evaluate: Evaluate,
                render: Render) -> None:
    """Make the turtle of ``world`` do ``command``; TurtleError passes to the caller."""
    values = [_value(command.name, arg, evaluate, render) for arg in command.args]
    _ACTIONS[command.name](world, values)


def _value(name: str, arg: Expression | Word | Text, evaluate: Evaluate,
           render: Render) -> object:
    if isinstance(arg, Word):
        return arg.text
    if isinstance(arg, tuple):
        return render(arg)
    value = evaluate(arg)
    if isinstance(value, str) and "c" not in COMMANDS[name].args:
        raise PilotError(f"{name} needs a number, but {quote(value)} is words")
    return value


def _colour_value(values: list) -> object:
    """A colour as the turtle takes it: a name, a palette number or an (r, g, b) triple."""
    if len(values) == 3:
        return tuple(_whole(v, "a colour part") for v in values)
    value = values[0]
    return value if isinstance(value, str) else _whole(value, "a colour number")


def _whole(value: object, what: str) -> int:
    if isinstance(value, str) or float(value) != int(value):  # type: ignore[arg-type]
        raise PilotError(f"{what} must be a whole number, not {quote(show(value))}")
    return int(value)  # type: ignore[call-overload]


_ACTIONS: dict[str, Callable[[TurtleWorld, list], None]] = {
    "FORWARD": lambda w, v: w.turtle.forward(v[0]),
    "BACK": lambda w, v: w.turtle.back(v[0]),
    "LEFT": lambda w, v: w.turtle.left(v[0]),
    "RIGHT": lambda w, v: w.turtle.right(v[0]),
    "PENUP": lambda w, v: w.turtle.pen_up(),
    "PENDOWN": lambda w, v: w.turtle.pen_down(),
    "PENCOLOR": lambda w, v: w.turtle.set_pen_colour(_colour_value(v)),
    "PENWIDTH": lambda w, v: w.turtle.set_pen_width(v[0]),
    "HOME": lambda w, v: w.turtle.home(),
    "CLEARSCREEN": lambda w, v: w.clear_screen(),
    "CLEAN": lambda w, v: w.clean(),
    "SETXY": lambda w, v: w.turtle.move_to(v[0], v[1]),
    "SETX": lambda w, v: w.turtle.set_x(v[0]),
    "SETY": lambda w, v: w.turtle.set_y(v[0]),
    "SETHEADING": lambda w, v: w.turtle.set_heading(v[0]),
    "HIDETURTLE": lambda w, v: w.turtle.hide(),
    "SHOWTURTLE": lambda w, v: w.turtle.show(),
    "CIRCLE": lambda w, v: w.turtle.circle(v[0]),
    "ARC": lambda w, v: w.turtle.arc(v[0], v[1]),
    "DOT": lambda w, v: w.turtle.dot(*v),
    "LABEL": lambda w, v: w.turtle.label(v[0]),
    "BACKGROUND": lambda w, v: w.set_background(_colour_value(v)),
    "FILLCOLOR": lambda w, v: w.turtle.set_fill_colour(_colour_value(v)),
    "BEGINFILL": lambda w, v: w.turtle.begin_fill(),
    "ENDFILL": lambda w, v: w.turtle.end_fill(),
    "SPEED": lambda w, v: w.turtle.set_speed(v[0]),
    "WRAP": lambda w, v: w.set_mode("wrap"),
    "WINDOW": lambda w, v: w.set_mode("window"),
    "FENCE": lambda w, v: w.set_mode("fence"),
}
