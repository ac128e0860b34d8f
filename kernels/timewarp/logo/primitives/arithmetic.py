"""Arithmetic, comparison and logic primitives: SUM ... ARCTAN, RANDOM, AND OR NOT."""

from __future__ import annotations

import math
from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.runtime import div, eqb, geb, gtb, leb, ltb, small_int
from timewarp.logo.values import logo_bool, to_int, to_number, truth


def _numbers(name: str, inputs: tuple) -> list[int | float]:
    return [to_number(name, value) for value in inputs]


def _finite(name: str, value: float | int) -> float | int:
    if isinstance(value, float) and not math.isfinite(value):
        raise LogoError(f"{name} gave a number too big to handle", code=7)
    return value


@primitive("sum", 2, 0, ANY)
def sum_(interp: Any, *inputs: Any) -> Any:
    return _finite("sum", sum(_numbers("sum", inputs)))


@primitive("difference", 2)
def difference(interp: Any, a: Any, b: Any) -> Any:
    return _finite("difference", to_number("difference", a) - to_number("difference", b))


@primitive("product", 2, 0, ANY)
def product(interp: Any, *inputs: Any) -> Any:
    result = math.prod(_numbers("product", inputs))
    return small_int(result) if type(result) is int else _finite("product", result)


@primitive("quotient", 2, 1, 2)
def quotient(interp: Any, a: Any, b: Any = None) -> Any:
    if b is None:
        a, b = 1, a
    if to_number("quotient", b) == 0:
        raise doesnt_like("quotient", 0, code=4)
    return div(a, b)


def _integer_pair(name: str, a: Any, b: Any) -> tuple[int | float, int | float]:
    x, y = to_number(name, a), to_number(name, b)
    if y == 0:
        raise doesnt_like(name, b, code=4)
    return x, y


@primitive("remainder", 2)
def remainder(interp: Any, a: Any, b: Any) -> Any:
    x, y = _integer_pair("remainder", a, b)
    return math.fmod(x, y) if isinstance(x, float) or isinstance(y, float) else \
        int(math.copysign(abs(x) % abs(y), x))


@primitive("modulo", 2)
def modulo(interp: Any, a: Any, b: Any) -> Any:
    x, y = _integer_pair("modulo", a, b)
    return x % y


@primitive("minus", 1)
def minus(interp: Any, a: Any) -> Any:
    return -to_number("minus", a)


@primitive("abs", 1)
def abs_(interp: Any, a: Any) -> Any:
    return abs(to_number("abs", a))


@primitive("int", 1)
def int_(interp: Any, a: Any) -> Any:
    number = to_number("int", a)
    if isinstance(number, float) and not math.isfinite(number):
        raise doesnt_like("int", a)
    return int(number)


@primitive("round", 1)
def round_(interp: Any, a: Any) -> Any:
    number = to_number("round", a)
    if isinstance(number, float) and not math.isfinite(number):
        raise doesnt_like("round", a)
    return int(math.copysign(math.floor(abs(number) + 0.5), number))


@primitive("sqrt", 1)
def sqrt(interp: Any, a: Any) -> Any:
    number = to_number("sqrt", a)
    if number < 0:
        raise doesnt_like("sqrt", a)
    return math.sqrt(number)


@primitive("power", 2)
def power(interp: Any, a: Any, b: Any) -> Any:
    x, y = to_number("power", a), to_number("power", b)
    if type(x) is int and type(y) is int and y >= 0:
        if abs(y) > 10000:
            raise LogoError("power gave a number too big to handle", code=7)
        return small_int(x ** y)
    if x < 0 and not float(y).is_integer():
        raise doesnt_like("power", b)
    try:
        return _finite("power", float(x) ** float(y))
    except (OverflowError, ZeroDivisionError):
        raise LogoError("power gave a number too big to handle", code=7) from None


@primitive("exp", 1)
def exp(interp: Any, a: Any) -> Any:
    try:
        return math.exp(to_number("exp", a))
    except OverflowError:
        raise LogoError("exp gave a number too big to handle", code=7) from None


@primitive("ln", 1)
def ln(interp: Any, a: Any) -> Any:
    number = to_number("ln", a)
    if number <= 0:
        raise doesnt_like("ln", a)
    return math.log(number)


@primitive("log10", 1)
def log10(interp: Any, a: Any) -> Any:
    number = to_number("log10", a)
    if number <= 0:
        raise doesnt_like("log10", a)
    return math.log10(number)


def _angle(name: str, a: Any) -> float:
    number = to_number(name, a)
    if not math.isfinite(number):
        raise doesnt_like(name, a)
    return math.radians(number)


@primitive("sin", 1)
def sin(interp: Any, a: Any) -> Any:
    return math.sin(_angle("sin", a))


@primitive("cos", 1)
def cos(interp: Any, a: Any) -> Any:
    return math.cos(_angle("cos", a))


@primitive("tan", 1)
def tan(interp: Any, a: Any) -> Any:
    return math.tan(_angle("tan", a))


@primitive("arctan", 1, 1, 2)
def arctan(interp: Any, a: Any, b: Any = None) -> Any:
    if b is None:
        return math.degrees(math.atan(to_number("arctan", a)))
    return math.degrees(math.atan2(to_number("arctan", b), to_number("arctan", a)))


@primitive("random", 1, 1, 2)
def random_(interp: Any, a: Any, b: Any = None) -> Any:
    if b is None:
        limit = to_int("random", a)
        # Code 4, as current UCBLogo gives (6.2 itself answers random -10 with a number).
        if limit <= 0:
            raise doesnt_like("random", a, code=4)
        return interp.random.randrange(limit)
    low, high = to_int("random", a), to_int("random", b)
    if high < low:
        raise doesnt_like("random", b, code=4)
    return interp.random.randint(low, high)


@primitive("rerandom", 0, 0, 1, outputs=False)
def rerandom(interp: Any, seed: Any = 0) -> None:
    interp.random.seed(to_int("rerandom", seed))


@primitive("lessp less?", 2)
def lessp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(ltb(a, b))


@primitive("greaterp greater?", 2)
def greaterp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(gtb(a, b))


@primitive("lessequalp lessequal?", 2)
def lessequalp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(leb(a, b))


@primitive("greaterequalp greaterequal?", 2)
def greaterequalp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(geb(a, b))


@primitive("equalp equal?", 2)
def equalp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(eqb(a, b))


@primitive("notequalp notequal?", 2)
def notequalp(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(not eqb(a, b))


def _condition(interp: Any, name: str, value: Any) -> bool:
    # UCBLogo lets AND and OR take lists, run only when needed.
    if isinstance(value, list):
        value = interp.run_list(value, value=True)
    return truth(name, value)


@primitive("and", 2, 0, ANY)
def and_(interp: Any, *inputs: Any) -> str:
    for value in inputs:
        if not _condition(interp, "and", value):
            return "false"
    return "true"


@primitive("or", 2, 0, ANY)
def or_(interp: Any, *inputs: Any) -> str:
    for value in inputs:
        if _condition(interp, "or", value):
            return "true"
    return "false"


@primitive("not", 1)
def not_(interp: Any, a: Any) -> str:
    return logo_bool(not truth("not", a))
