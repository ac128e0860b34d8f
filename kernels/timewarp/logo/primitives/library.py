"""UCBLogo 6.2's smaller primitives and library procedures: FORM, the bit operations, ISEQ
RSEQ, SUBSTRINGP, PUSH POP QUEUE DEQUEUE, REMDUP QUOTED GENSYM COMBINE, COND CASE CROSSMAP
CASCADE, RADSIN RADCOS RADARCTAN, multi-dimensional arrays, .EQ and the .SET mutators.

UCBLogo writes many of these in Logo (its ``logolib`` folder); here they are Python, with the
behaviour (and, where ARITY reports it, the number of inputs) of UCBLogo's versions.
"""

from __future__ import annotations

import math
import re
from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.primitives.control import apply_template
from timewarp.logo.primitives.data import contains
from timewarp.logo.runtime import condition_truth
from timewarp.logo.values import (LogoArray, check_name, equal, is_word, logo_bool,
                                  to_int, to_list, to_number, word_text)

#: What UCBLogo writes in Logo in its library (not primitives there): a program may define
#: its own procedure under one of these names, as old books' programs often do (PUSH, POP).
LIBRARY_PROCEDURES = frozenset("""
    backslashedp buryall buryname cascade case closeall combine cond crossmap dequeue do.until
    do.while ern erpl filep filter find for foreach gensym ignore invoke iseq localmake
    macroexpand map mdarray mditem mdsetitem name namelist pick pllist poall pon pons pop popl
    popls pops pots push queue quoted reduce remdup remove reverse rseq unburyall unburyname
    until while xcor ycor map.se cascade.2 transfer ?in ?out `""".split())

# -- numbers -----------------------------------------------------------------------------

_C_FORMAT = re.compile(r"[^%]*%[-+ #0]*\d*(\.\d+)?[eEfgG][^%]*\Z")


@primitive("form", 3)
def form(interp: Any, number: Any, width: Any, precision: Any) -> str:
    value = to_number("form", number)
    size = to_int("form", width)
    if size < 0:
        # UCBLogo's debugging form, (FORM num -1 format): a C printf format for a float.
        text = word_text(precision)
        if not _C_FORMAT.match(text):
            raise doesnt_like("form", precision)
        return text % float(value)
    digits = to_int("form", precision)
    if digits < 0 or size > 1000 or digits > 1000:
        raise doesnt_like("form", precision if digits < 0 or digits > 1000 else width)
    return f"{float(value):{size}.{digits}f}"


def _is_int(value: Any) -> bool:
    try:
        to_int("form", value)
    except LogoError:
        return False
    return True


def _integers(name: str, inputs: tuple) -> list[int]:
    return [to_int(name, value) for value in inputs]


def _signed64(value: int) -> int:
    value &= (1 << 64) - 1
    return value - (1 << 64) if value >> 63 else value


@primitive("bitand", 2, 0, ANY)
def bitand(interp: Any, *inputs: Any) -> int:
    result = -1
    for value in _integers("bitand", inputs):
        result &= value
    return result


@primitive("bitor", 2, 0, ANY)
def bitor(interp: Any, *inputs: Any) -> int:
    result = 0
    for value in _integers("bitor", inputs):
        result |= value
    return result


@primitive("bitxor", 2, 0, ANY)
def bitxor(interp: Any, *inputs: Any) -> int:
    result = 0
    for value in _integers("bitxor", inputs):
        result ^= value
    return result


@primitive("bitnot", 1)
def bitnot(interp: Any, value: Any) -> int:
    return ~to_int("bitnot", value)


@primitive("ashift", 2)
def ashift(interp: Any, value: Any, places: Any) -> int:
    number, shift = to_int("ashift", value), to_int("ashift", places)
    return _signed64(number << min(shift, 64)) if shift >= 0 else number >> min(-shift, 64)


@primitive("lshift", 2)
def lshift(interp: Any, value: Any, places: Any) -> int:
    number, shift = to_int("lshift", value), to_int("lshift", places)
    if shift >= 0:
        # As UCBLogo on x86-64: shifts count modulo 64.
        return _signed64(number << (shift % 64))
    # UCBLogo shifts right as a 32-bit unsigned number.
    return (number & 0xFFFFFFFF) >> min(-shift, 64)


@primitive("radsin", 1)
def radsin(interp: Any, value: Any) -> float:
    return math.sin(to_number("radsin", value))


@primitive("radcos", 1)
def radcos(interp: Any, value: Any) -> float:
    return math.cos(to_number("radcos", value))


@primitive("radarctan", 1, 1, 2)
def radarctan(interp: Any, x: Any, y: Any = None) -> float:
    if y is None:
        return math.atan(to_number("radarctan", x))
    return math.atan2(to_number("radarctan", y), to_number("radarctan", x))


@primitive("iseq", 2)
def iseq(interp: Any, start: Any, end: Any) -> list:
    first, last = to_int("iseq", start), to_int("iseq", end)
    step = 1 if last >= first else -1
    if abs(last - first) > 10_000_000:
        raise doesnt_like("iseq", end)
    return list(range(first, last + step, step))


@primitive("rseq", 3)
def rseq(interp: Any, start: Any, end: Any, count: Any) -> list:
    first, last = to_number("rseq", start), to_number("rseq", end)
    steps = to_int("rseq", count)
    if not 1 <= steps <= 10_000_000:
        raise doesnt_like("rseq", count)
    if steps == 1:
        return [first]
    gap = (last - first) / (steps - 1)
    return [_whole(first + gap * index) for index in range(steps)]


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else value


# -- words and lists ---------------------------------------------------------------------


@primitive("substringp substring?", 2)
def substringp(interp: Any, part: Any, whole: Any) -> str:
    if not (is_word(part) and is_word(whole)):
        return "false"
    return logo_bool(word_text(part).lower() in word_text(whole).lower())


@primitive("remdup", 1)
def remdup(interp: Any, items: Any) -> Any:
    # UCBLogo keeps the last of equal members.
    sequence = to_list("remdup", items) if not is_word(items) else list(word_text(items))
    kept = [value for index, value in enumerate(sequence)
            if not any(equal(value, later) for later in sequence[index + 1:])]
    return kept if isinstance(items, list) else "".join(kept)


@primitive("quoted", 1)
def quoted(interp: Any, thing: Any) -> Any:
    return '"' + word_text(thing) if is_word(thing) else thing


@primitive("gensym", 0)
def gensym(interp: Any) -> str:
    interp.gensym_count += 1
    return f"g{interp.gensym_count}"


@primitive("combine", 2)
def combine(interp: Any, thing: Any, rest: Any) -> Any:
    if is_word(rest):
        return word_text(to_word_or_fail("combine", thing)) + word_text(rest)
    return [thing, *to_list("combine", rest)]


def to_word_or_fail(name: str, value: Any) -> Any:
    if not is_word(value):
        raise doesnt_like(name, value)
    return value


@primitive(".eq", 2)
def dot_eq(interp: Any, a: Any, b: Any) -> str:
    # Words are the same object when they spell the same (UCBLogo interns them); numbers
    # and lists only when they are the very same thing (a variable's value twice), and the
    # empty list is always one object.  A number written or computed in the call itself is
    # new, so the compiler answers FALSE for it (``.eq 1 1``) without calling this.
    if isinstance(a, str) and isinstance(b, str):
        return logo_bool(a == b)
    if a is b:
        return "true"
    return logo_bool(isinstance(a, list) and isinstance(b, list) and not a and not b)


@primitive(".setfirst", 2, outputs=False)
def setfirst(interp: Any, items: Any, value: Any) -> None:
    if not isinstance(items, list) or not items:
        raise doesnt_like(".setfirst", items)
    items[0] = value
    interp.clear_list_cache()


@primitive(".setbf", 2, outputs=False)
def setbf(interp: Any, items: Any, value: Any) -> None:
    if not isinstance(items, list) or not items:
        raise doesnt_like(".setbf", items)
    items[1:] = to_list(".setbf", value)
    interp.clear_list_cache()


@primitive(".setitem", 3, outputs=False)
def dot_setitem(interp: Any, index: Any, array: Any, value: Any) -> None:
    if not isinstance(array, LogoArray):
        raise doesnt_like(".setitem", array)
    offset = to_int(".setitem", index) - array.origin
    if not 0 <= offset < len(array.items):
        raise doesnt_like(".setitem", index, code=4)
    array.items[offset] = value


# -- stacks and queues -----------------------------------------------------------------------


def _stack(interp: Any, name: str, stack: Any) -> tuple[str, Any]:
    """The variable named ``stack`` and its value: a list, or a word (as in UCBLogo's
    library, where PUSH is FPUT and POP is FIRST, which work on words too)."""
    key = check_name(name, stack)
    if key not in interp.variables:
        raise LogoError(f"{key} has no value", code=11, value=key)
    value = interp.variables[key]
    return key, value if is_word(value) else to_list(name, value)


def _joined(name: str, first: Any, rest: Any) -> Any:
    if isinstance(first, list) or isinstance(rest, list):
        return [*first, *rest] if isinstance(first, list) else [first, *rest]
    if not is_word(first):
        raise doesnt_like(name, first)
    return word_text(first) + word_text(rest)


@primitive("push", 2, outputs=False)
def push(interp: Any, stack: Any, thing: Any) -> None:
    key, items = _stack(interp, "push", stack)
    interp.variables[key] = [thing, *items] if isinstance(items, list) else \
        _joined("push", thing, items)


def _take_first(interp: Any, name: str, stack: Any) -> Any:
    """Remove and output the first member of the list (or word) named ``stack``."""
    key, items = _stack(interp, name, stack)
    if is_word(items):
        items = word_text(items)
    if not items:
        raise doesnt_like(name, stack)
    interp.variables[key] = items[1:]
    return items[0]


@primitive("pop", 1)
def pop(interp: Any, stack: Any) -> Any:
    return _take_first(interp, "pop", stack)


@primitive("queue", 2, outputs=False)
def queue(interp: Any, name: Any, thing: Any) -> None:
    key, items = _stack(interp, "queue", name)
    interp.variables[key] = [*items, thing] if isinstance(items, list) else \
        _joined("queue", items, thing)


@primitive("dequeue", 1)
def dequeue(interp: Any, name: Any) -> Any:
    return _take_first(interp, "dequeue", name)


# -- arrays of several dimensions ------------------------------------------------------------


@primitive("mdarray", 1, 1, 2)
def mdarray(interp: Any, sizes: Any, origin: Any = 1) -> LogoArray:
    # A word works as in UCBLogo's library, one dimension per character: MDARRAY 2.
    listed = list(word_text(sizes)) if is_word(sizes) else to_list("mdarray", sizes)
    dimensions = [to_int("mdarray", size) for size in listed]
    if not dimensions or any(size < 0 for size in dimensions) or math.prod(dimensions) > 10**7:
        raise doesnt_like("mdarray", sizes)
    start = to_int("mdarray", origin)

    def build(level: int) -> LogoArray:
        if level == len(dimensions) - 1:
            return LogoArray([[] for _ in range(dimensions[level])], start)
        return LogoArray([build(level + 1) for _ in range(dimensions[level])], start)
    return build(0)


def _cell(name: str, indices: Any, array: Any) -> tuple[LogoArray, int]:
    # UCBLogo's library walks the indices with ITEM, so its errors name ITEM (SETITEM for
    # MDSETITEM), and a word's characters are indices as a list's words are.
    positions = list(word_text(indices)) if is_word(indices) else to_list(name, indices)
    if not positions:
        raise doesnt_like(name, indices)
    step = "setitem" if name == "mdsetitem" else "item"
    for number, index in enumerate(positions):
        if not isinstance(array, LogoArray):
            raise doesnt_like(step, array)
        offset = to_int(step, index) - array.origin
        if not 0 <= offset < len(array.items):
            raise doesnt_like(step, index, code=4)
        if number == len(positions) - 1:
            return array, offset
        array = array.items[offset]
    raise AssertionError("unreachable")


@primitive("mditem", 2)
def mditem(interp: Any, indices: Any, array: Any) -> Any:
    if isinstance(indices, list) and not indices:
        return array  # no indices: the array itself, as in UCBLogo's library
    found, offset = _cell("mditem", indices, array)
    return found.items[offset]


@primitive("mdsetitem", 3, outputs=False)
def mdsetitem(interp: Any, indices: Any, array: Any, value: Any) -> None:
    found, offset = _cell("mdsetitem", indices, array)
    if contains(value, found):
        raise doesnt_like("setitem", value)
    found.items[offset] = value


# -- control written in Logo in UCBLogo's library ------------------------------------------------


def _clause_value(interp: Any, clause: list) -> Any:
    return interp.run_list(clause[1:], value=True)


@primitive("cond", 1, outputs=None)
def cond(interp: Any, clauses: Any) -> Any:
    for clause in to_list("cond", clauses):
        if not isinstance(clause, list) or not clause:
            raise doesnt_like("cond", clause)
        test = clause[0]
        if is_word(test) and word_text(test).lower() == "else":
            return _clause_value(interp, clause)
        if condition_truth(interp, "cond", test if isinstance(test, list) else [test]):
            return _clause_value(interp, clause)
    return None


@primitive("case", 2, outputs=None)
def case(interp: Any, value: Any, clauses: Any) -> Any:
    for clause in to_list("case", clauses):
        if not isinstance(clause, list) or not clause:
            raise doesnt_like("case", clause)
        choices = clause[0]
        if is_word(choices) and word_text(choices).lower() == "else":
            return _clause_value(interp, clause)
        if isinstance(choices, list) and any(equal(value, c) for c in choices):
            return _clause_value(interp, clause)
    return None


@primitive("crossmap", 2, 1, ANY)
def crossmap(interp: Any, template: Any, *data: Any) -> list:
    lists = [to_list("crossmap", d) for d in data]
    if len(lists) == 1:
        lists = [to_list("crossmap", d) for d in lists[0]]
    results: list = []

    def walk(chosen: list) -> None:
        if len(chosen) == len(lists):
            value = apply_template(interp, "crossmap", template, chosen)
            if value is None:
                raise LogoError("crossmap's template didn't output", code=5)
            results.append(value)
            return
        for item in lists[len(chosen)]:
            walk([*chosen, item])
    walk([])
    return results


@primitive("cascade", 3, 1, ANY)
def cascade(interp: Any, end_test: Any, *rest: Any) -> Any:
    if len(rest) < 2:
        raise LogoError("not enough inputs to cascade", code=6)
    pairs = list(rest)
    final = pairs.pop() if len(pairs) % 2 else None
    templates, values = pairs[0::2], pairs[1::2]
    number = 1
    interp.template_numbers.append(1)
    try:
        while not _cascade_done(interp, end_test, values, number):
            values = [apply_template(interp, "cascade", t, values) for t in templates]
            number += 1
            interp.template_numbers[-1] = number
        if final is not None:
            return apply_template(interp, "cascade", final, values)
        return values[0]
    finally:
        interp.template_numbers.pop()


def _cascade_done(interp: Any, end_test: Any, values: list, number: int) -> bool:
    if is_word(end_test) and _is_int(end_test):
        return number > to_int("cascade", end_test)
    result = apply_template(interp, "cascade", end_test, values)
    return condition_truth(interp, "cascade", result)
