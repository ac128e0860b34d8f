"""PILOT's values: numbers and words, the arithmetic on them, and how they are shown.

Numbers are whole, as the standard has them, so ``7 / 2`` is 3 (cut towards zero, like the
reference interpreter's C); a decimal such as ``2.5`` anywhere in a sum makes it a real number.
The few functions a lesson may call (``RND``, ``LEN``, ``INT``, ``ABS``) live here too.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from timewarp.pilot.errors import PilotError

Value = int | float | str
_LEADING_NUMBER = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+))")


def show(value: Value) -> str:
    """A value as T: types it: 3, 2.5, 0.3333333333."""
    if isinstance(value, float):
        return format(value, ".10g")
    return str(value)


def number_in(answer: str) -> int | float:
    """The number an answer starts with (A:#N), or 0 when it starts with none."""
    found = _LEADING_NUMBER.match(answer)
    if found is None:
        return 0
    text = found.group(1)
    if len(text) > 100:
        raise PilotError("the answer's number is too long for PILOT")
    return checked(float(text) if "." in text else int(text))


#: Beyond this a number is a runaway sum, not a lesson's arithmetic; it also keeps Python's
#: unbounded whole numbers from eating the machine's memory.
LIMIT = 10.0 ** 100


#: Words longer than this come from a runaway loop (C:$S = $S$S doubles each time).
MAX_WORDS = 1_000_000


def checked_words(value: str) -> str:
    if len(value) > MAX_WORDS:
        raise PilotError(f"those words are too long for PILOT ({len(value):,} characters)")
    return value


def checked(value: int | float) -> int | float:
    """``value``, unless it is too big (or not a number at all) for a lesson."""
    if not -LIMIT <= value <= LIMIT:  # also catches inf and nan
        raise PilotError("that number is too big for PILOT")
    return value


def arithmetic(op: str, left: Value, right: Value) -> Value:
    if isinstance(left, str) or isinstance(right, str):
        return _join(op, left, right)
    try:
        return checked(_calculate(op, left, right))
    except OverflowError:
        raise PilotError("that number is too big for PILOT") from None


def _join(op: str, left: Value, right: Value) -> str:
    if op != "+" or not (isinstance(left, str) and isinstance(right, str)):
        raise PilotError(f"{op} works on two numbers (or + joins two words), "
                         f"not on {show_kind(left)} and {show_kind(right)}")
    return checked_words(left + right)  # type: ignore[operator]


def _calculate(op: str, left: int | float, right: int | float) -> int | float:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if right == 0:
        raise PilotError("you cannot divide by zero")
    if isinstance(left, int) and isinstance(right, int):
        quotient = abs(left) // abs(right) * (1 if (left < 0) == (right < 0) else -1)
        return quotient if op == "/" else left - right * quotient
    return left / right if op == "/" else math.fmod(left, right)


def negate(value: Value) -> Value:
    if isinstance(value, str):
        raise PilotError(f"- works on numbers, not on the words {quote(value)}")
    return -value


def compare(op: str, left: Value, right: Value) -> int:
    """1 if the comparison holds, else 0; words compare ignoring case."""
    if isinstance(left, str) != isinstance(right, str):
        raise PilotError(f"I cannot compare {show_kind(left)} with {show_kind(right)}")
    if isinstance(left, str) and isinstance(right, str):
        left, right = left.casefold(), right.casefold()
    holds = {
        "=": left == right, "<>": left != right, "<": left < right,  # type: ignore[operator]
        ">": left > right, "<=": left <= right, ">=": left >= right,  # type: ignore[operator]
    }[op]
    return 1 if holds else 0


def show_kind(value: Value) -> str:
    return f"the words {quote(value)}" if isinstance(value, str) else f"the number {show(value)}"


def quote(words: str, limit: int = 40) -> str:
    """Words in quotes for an error message, cut short if long."""
    return repr(words if len(words) <= limit else words[:limit] + "...")


# --- functions ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Function:
    arity: int
    run: Callable[[list[Value], random.Random], Value]
    help: str


def _number_argument(name: str, value: Value) -> int | float:
    if isinstance(value, str):
        raise PilotError(f"{name} needs a number, not the words {quote(value)}")
    return value


def _random(args: list[Value], rng: random.Random) -> Value:
    top = _number_argument("RND", args[0])
    if top < 1 or top != int(top):
        raise PilotError(f"RND needs a whole number of 1 or more, not {show(top)}")
    return rng.randint(1, int(top))


def _length(args: list[Value], rng: random.Random) -> Value:
    if not isinstance(args[0], str):
        raise PilotError(f"LEN counts the letters of words, not the number {show(args[0])}")
    return len(args[0])


FUNCTIONS: dict[str, Function] = {
    "RND": Function(1, _random, "RND(N): a random whole number from 1 to N"),
    "LEN": Function(1, _length, "LEN($S): how many characters $S has"),
    "INT": Function(1, lambda args, rng: math.floor(_number_argument("INT", args[0])),
                    "INT(X): X rounded down to a whole number"),
    "ABS": Function(1, lambda args, rng: abs(_number_argument("ABS", args[0])),
                    "ABS(X): X without its minus sign"),
}
FUNCTIONS["RANDOM"] = FUNCTIONS["RND"]
