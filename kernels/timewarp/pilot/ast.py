"""The statements of a PILOT lesson, as the parser builds them: frozen, meaning-free data.

A lesson is a list of :class:`Statement`; each has an optional condition and one action
(the part after the colon).  The interpreter gives them meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Sigil = Literal["$", "#"]


# --- text with variables in it (T:, the string side of C:, L:, G:LABEL) -------------------

@dataclass(frozen=True)
class PlainText:
    """Characters shown as they are written."""

    text: str


@dataclass(frozen=True)
class Substitution:
    """``$NAME`` or ``#NAME`` inside text: replaced by the variable's value."""

    sigil: Sigil
    name: str


TextPart = PlainText | Substitution
Text = tuple[TextPart, ...]


@dataclass(frozen=True)
class Wildcard:
    """``*`` (any run of characters, the shortest that fits) or ``?`` (one character) in M:."""

    symbol: Literal["*", "?"]


PatternPart = PlainText | Substitution | Wildcard
Pattern = tuple[PatternPart, ...]


# --- expressions (conditions, C:, W:, G: arguments) ----------------------------------------

@dataclass(frozen=True)
class Number:
    value: int | float


@dataclass(frozen=True)
class String:
    value: str


@dataclass(frozen=True)
class Variable:
    """A variable: ``$`` holds words, ``#`` holds a number; names ignore case."""

    sigil: Sigil
    name: str

    def __str__(self) -> str:
        return f"{self.sigil}{self.name}"


@dataclass(frozen=True)
class Negate:
    operand: Expression


@dataclass(frozen=True)
class BinaryOp:
    op: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Comparison:
    op: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Logical:
    """``AND`` / ``OR`` between two conditions."""

    op: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Not:
    operand: Expression


@dataclass(frozen=True)
class FunctionCall:
    """``RND(6)``, ``LEN($NAME)``: one of the few functions a condition or C: may use."""

    name: str
    args: tuple[Expression, ...]


Expression = (Number | String | Variable | Negate | BinaryOp | Comparison | Logical | Not
              | FunctionCall)


@dataclass(frozen=True)
class Condition:
    """When a statement runs: ``Y``/``N`` test the last match, ``(...)`` tests an expression."""

    flag: Literal["Y", "N"] | None = None
    test: Expression | None = None


# --- the action after the colon, one class per statement ------------------------------------

@dataclass(frozen=True)
class TypeText:
    """T:, Y:, N: (and TH:, which keeps the cursor on the line)."""

    text: Text
    newline: bool = True


@dataclass(frozen=True)
class Accept:
    target: Variable | None


@dataclass(frozen=True)
class Match:
    alternatives: tuple[Pattern, ...]


@dataclass(frozen=True)
class Jump:
    """J: to a label, or to ``@A`` (the last A:), ``@M`` (the next M:), ``@P`` (the last PR:)."""

    target: str


@dataclass(frozen=True)
class JumpMatch:
    """JM: jump to the label in the position of the alternative that matched."""

    targets: tuple[str, ...]


@dataclass(frozen=True)
class Use:
    label: str


@dataclass(frozen=True)
class End:
    """E:, and the reference interpreter's E:expression (the lesson's status)."""

    status: Expression | None = None


@dataclass(frozen=True)
class Compute:
    """C:#N = expression, or C:$S = text."""

    target: Variable
    value: Expression | Text


@dataclass(frozen=True)
class Remark:
    pass


@dataclass(frozen=True)
class Problem:
    pass


@dataclass(frozen=True)
class FileStatement:
    """F: -- the standard names FILE but never says what it does; the reference interpreter
    makes its text (so %text holds it) and does nothing more."""

    text: Text


@dataclass(frozen=True)
class Link:
    path: Text


@dataclass(frozen=True)
class Wait:
    seconds: Expression


@dataclass(frozen=True)
class Word:
    """A bare word given to a turtle command (a colour name, a mode)."""

    text: str


@dataclass(frozen=True)
class TurtleCommand:
    name: str
    args: tuple[Expression | Word | Text, ...]


@dataclass(frozen=True)
class Graphics:
    commands: tuple[TurtleCommand, ...]


@dataclass(frozen=True)
class Check:
    """CK:#SCORE = 3, the score should be 3 -- a teacher's test: stop unless it holds."""

    condition: Expression
    message: Text


@dataclass(frozen=True)
class ClearScreen:
    """CH: (clear the screen), CL: (the rest of the line), CE: (the rest of the screen)."""

    sequence: str


@dataclass(frozen=True)
class MoveCursor:
    """CA:row,column -- where the next text is typed."""

    row: Expression
    column: Expression


@dataclass(frozen=True)
class SystemCommand:
    """XS: -- a shell command, which a lesson here is never allowed to run."""

    command: str


Action = (TypeText | Accept | Match | Jump | JumpMatch | Use | End | Compute | Remark | Problem
          | Link | Wait | Graphics | Check | ClearScreen | MoveCursor | SystemCommand
          | FileStatement)


@dataclass(frozen=True)
class Statement:
    """One line of a lesson that does something: ``T(#X > 5):Well done``."""

    line: int
    keyword: str
    condition: Condition
    action: Action
