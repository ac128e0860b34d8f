"""What compiled Logo code calls: infix arithmetic, truth tests, tail calls, loop helpers.

Arithmetic takes the fast path when both sides are already Python numbers, and otherwise
turns words such as "3 into numbers the way UCBLogo does, naming the operator when it
cannot ("+ doesn't like abc as input").
"""

from __future__ import annotations

import copy
import math
from typing import Any, NoReturn

from timewarp.logo.errors import (LogoError, OutputSignal, StopSignal, didnt_output,
                                  dont_know, dont_say, no_value)
from timewarp.logo.values import equal, full_form, logo_bool, to_int, to_number, truth

_NUM = (int, float)


class TailCall:
    """A procedure's last act was to call ``name``: the caller's entry runs it in a loop.
    ``expects``: the call was OUTPUT's input, so ``name`` must output."""

    __slots__ = ("name", "inputs", "expects")

    def __init__(self, name: str, inputs: tuple, expects: bool = False) -> None:
        self.name = name
        self.inputs = inputs
        self.expects = expects


def tail_error(name: str, expects: bool, value: Any) -> LogoError:
    """What is wrong when a tail call's result does not fit: no value after OUTPUT, or a
    value nobody uses after a command."""
    return didnt_output(name, "output") if expects else dont_say(value)


class _Marker:
    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = label

    def __repr__(self) -> str:
        return self.label


UNBOUND = _Marker("<unbound>")
MISSING = _Marker("<missing input>")


def _checked(name: str, value: float | int) -> float | int:
    if type(value) is float and (math.isinf(value) or math.isnan(value)):
        raise LogoError(f"{name} gave a number too big to handle", code=7)
    return value


def add(a: Any, b: Any) -> Any:
    if type(a) in _NUM and type(b) in _NUM:
        return a + b
    return _checked("+", to_number("+", a) + to_number("+", b))


def sub(a: Any, b: Any) -> Any:
    if type(a) in _NUM and type(b) in _NUM:
        return a - b
    return _checked("-", to_number("-", a) - to_number("-", b))


def mul(a: Any, b: Any) -> Any:
    result = to_number("*", a) * to_number("*", b)
    if type(result) is int:
        return small_int(result)
    return _checked("*", result)


def small_int(value: int) -> int | float:
    """UCBLogo's integers are 64-bit: bigger results become floating-point numbers."""
    return value if -_LONG <= value < _LONG else float(value)


_LONG = 2 ** 63


def div(a: Any, b: Any) -> Any:
    x, y = to_number("/", a), to_number("/", b)
    if y == 0:
        raise LogoError("/ doesn't like 0 as input", code=4, value=0)
    if type(x) is int and type(y) is int and x % y == 0:
        return x // y
    return _checked("/", x / y)


def neg(a: Any) -> Any:
    return -a if type(a) in _NUM else -to_number("-", a)


def _compare(name: str, a: Any, b: Any) -> tuple[float | int, float | int]:
    return to_number(name, a), to_number(name, b)


def ltb(a: Any, b: Any) -> bool:
    if type(a) in _NUM and type(b) in _NUM:
        return a < b
    x, y = _compare("<", a, b)
    return x < y


def gtb(a: Any, b: Any) -> bool:
    if type(a) in _NUM and type(b) in _NUM:
        return a > b
    x, y = _compare(">", a, b)
    return x > y


def leb(a: Any, b: Any) -> bool:
    x, y = _compare("<=", a, b)
    return x <= y


def geb(a: Any, b: Any) -> bool:
    x, y = _compare(">=", a, b)
    return x >= y


def eqb(a: Any, b: Any) -> bool:
    if type(a) in _NUM and type(b) in _NUM:
        return a == b
    return equal(a, b)


def neb(a: Any, b: Any) -> bool:
    return not eqb(a, b)


def test_truth(name: str, value: Any) -> bool:
    if value == "true":
        return True
    if value == "false":
        return False
    return truth(name, value)


def condition_truth(interp: Any, name: str, value: Any) -> bool:
    """IF, IFELSE and TEST's condition: TRUE or FALSE, or (UCBLogo 6) a list run for its value."""
    if value == "true":
        return True
    if value == "false":
        return False
    if isinstance(value, list):
        result = interp.run_list(value, value=True)
        if result is None:
            raise LogoError(f"{name} didn't get a value from {full_form(value)}", code=5)
        value = result
    return truth(name, value)


class MacroExpansion(Exception):  # noqa: N818 - a signal, like StopSignal
    """MACROEXPAND's macro has given its expansion: carried back without running it."""

    def __init__(self, expansion: object) -> None:
        super().__init__()
        self.expansion = expansion


def run_macro(interp: Any, name: str, value: bool, *inputs: Any) -> Any:
    """Call the macro ``name`` and run the instruction list it outputs, here."""
    expansion = interp.entries[name](*inputs)
    if interp.expanding_macro:
        interp.expanding_macro = False
        raise MacroExpansion(expansion)
    if not isinstance(expansion, list):
        shown = "nothing" if expansion is None else full_form(expansion)
        raise LogoError(f"Macro returned {shown} instead of a list", code=29)
    return interp.run_list(expansion, value=value)


def count(name: str, value: Any) -> int:
    return to_int(name, value) if type(value) is not int else value


def for_range(start: Any, end: Any, step: Any):  # noqa: ANN201 - a generator of numbers
    first, last = to_number("for", start), to_number("for", end)
    if step is None:
        step = 1 if last >= first else -1
    step = to_number("for", step)
    if step == 0:
        raise LogoError("for doesn't like 0 as its step", code=7, value=0)
    value = first
    while (value <= last) if step > 0 else (value >= last):
        yield value
        value = value + step


def template_slot(interp: Any, index: int) -> Any:
    if not interp.templates:
        raise LogoError("? can only be used in a template", code=7)
    slots = interp.templates[-1]
    if index < 1 or index > len(slots):
        raise LogoError(f"? doesn't like {index} as input", code=7, value=index)
    return slots[index - 1]


def tested(interp: Any, name: str) -> bool:
    if not interp.test_result:
        raise LogoError(f"{name} without TEST", code=25)
    return interp.test_result[-1]


def fail(error: LogoError) -> LogoError:
    """A fresh copy of an error found while compiling, raised where the program reaches it."""
    fresh = copy.copy(error)
    fresh.procedure = fresh.source_line = None
    fresh.line = None
    return fresh


def checked(operation: Any, operator: str, left_call: str | None, right_call: str | None
            ) -> Any:
    """``operation`` after checking that the user's procedures on either side gave a value."""
    def run(a: Any, b: Any) -> Any:
        if a is None and left_call:
            raise didnt_output(left_call, operator)
        if b is None and right_call:
            raise didnt_output(right_call, operator)
        return operation(a, b)
    return run


def restore(variables: dict, saved: dict) -> None:
    """Put back the variables a procedure (or the procedures it tail-called) shadowed."""
    for name, value in saved.items():
        if value is UNBOUND:
            variables.pop(name, None)
        else:
            variables[name] = value


def raise_(error: Exception) -> NoReturn:
    raise error


def get_or_set(interp: Any, name: str, *inputs: Any) -> Any:
    """ALLOWGETSET: ``foo`` outputs the variable FOO and ``setfoo 3`` sets it, when FOO has
    a value and no procedure has that name; otherwise "I don't know how to"."""
    variables = interp.variables
    if inputs and name.startswith("set") and name[3:] in variables:
        variables[name[3:]] = inputs[0]
        return None
    if not inputs and name in variables:
        return variables[name]
    raise dont_know(name)


HELPERS: dict[str, Any] = {
    "_add": add, "_sub": sub, "_mul": mul, "_div": div, "_neg": neg,
    "_lt": lambda a, b: logo_bool(ltb(a, b)), "_gt": lambda a, b: logo_bool(gtb(a, b)),
    "_le": lambda a, b: logo_bool(leb(a, b)), "_ge": lambda a, b: logo_bool(geb(a, b)),
    "_eq": lambda a, b: logo_bool(eqb(a, b)), "_ne": lambda a, b: logo_bool(neb(a, b)),
    "_ltb": ltb, "_gtb": gtb, "_leb": leb, "_geb": geb, "_eqb": eqb, "_neb": neb,
    "_truth": test_truth, "_cond": condition_truth, "_macro": run_macro, "_count": count,
    "_for_range": for_range, "_slot": template_slot,
    "_tested": tested, "_restore": restore, "_checked": checked, "_fail": fail,
    "_raise": raise_, "_dont_say": dont_say, "_didnt_output": didnt_output, "_no_value": no_value,
    "_TailCall": TailCall, "_tail_error": tail_error, "_UNBOUND": UNBOUND, "_MISSING": MISSING,
    "_not_same": lambda interp, a, b: "false",
    "_StopSignal": StopSignal, "_OutputSignal": OutputSignal, "_get_or_set": get_or_set,
}
