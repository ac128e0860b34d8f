"""The tree of one Logo instruction, as the parser builds it and the compiler reads it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Constant:
    """A number, a "quoted word, a [list] or an {array} written in the program."""

    value: object


@dataclass(frozen=True, slots=True)
class Variable:
    """``:name``: the value of a variable."""

    name: str


@dataclass(frozen=True, slots=True)
class Call:
    """A call of a primitive or the user's procedure; ``paren`` if written ``(name ...)``."""

    name: str
    inputs: tuple
    paren: bool = False


@dataclass(frozen=True, slots=True)
class Infix:
    """``left op right`` for + - * / = < > <= >= <>."""

    operator: str
    left: object
    right: object


@dataclass(frozen=True, slots=True)
class Negate:
    """Unary minus."""

    operand: object


@dataclass(frozen=True, slots=True)
class TemplateSlot:
    """``?`` or ``?2`` inside a template given to MAP, FILTER, FOREACH and friends."""

    index: int


@dataclass(frozen=True, slots=True)
class Failure:
    """An instruction that cannot be understood; running it raises the error it carries."""

    error: Exception
