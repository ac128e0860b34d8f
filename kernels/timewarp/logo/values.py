"""Logo's values in Python: words are ``str`` (or ``int``/``float`` once computed), lists
are Python lists that Logo never changes in place, arrays are :class:`LogoArray`.

Also how values print (PRINT's and SHOW's forms), how words become numbers, and when two
values are EQUALP, all following UCBLogo.
"""

from __future__ import annotations

import math
import re

from timewarp.logo.errors import doesnt_like

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\Z")
NUMBER_TYPES = (int, float)
# ucblogo reads longer runs of digits as floating-point numbers.
_INT_DIGITS = 15


class LogoArray:
    """A Logo array: a mutable row of values whose first index is ``origin`` (1 by default)."""

    __slots__ = ("items", "origin")

    def __init__(self, items: list, origin: int = 1) -> None:
        self.items = items
        self.origin = origin


def parse_number(text: str) -> int | float | None:
    """The number a word spells, or None."""
    if not _NUMBER.match(text):
        return None
    if "." in text or "e" in text or "E" in text or len(text.lstrip("+-")) > _INT_DIGITS:
        return float(text)
    return int(text)


def to_number(name: str, value: object) -> int | float:
    """``value`` as a number, or the error "NAME doesn't like VALUE as input"."""
    if type(value) in NUMBER_TYPES:
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        number = parse_number(value)
        if number is not None:
            return number
    raise doesnt_like(name, value)


def to_int(name: str, value: object) -> int:
    number = to_number(name, value)
    if isinstance(number, float):
        if not number.is_integer():
            raise doesnt_like(name, value)
        return int(number)
    return number


def format_number(value: int | float) -> str:
    """UCBLogo's way: integers plainly, other numbers as C's ``%.15g``."""
    if type(value) is int:
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return f"{value:.15g}"


def word_text(value: object) -> str:
    """A word (string or number) as the text it spells."""
    if isinstance(value, str):
        return value
    if type(value) in NUMBER_TYPES:
        return format_number(value)  # type: ignore[arg-type]
    raise TypeError(value)


def print_form(value: object) -> str:
    """What PRINT and TYPE show: a top-level list without its brackets."""
    if isinstance(value, list):
        return " ".join(show_form(item) for item in value)
    return show_form(value)


def show_form(value: object, origins: bool = False) -> str:
    """What SHOW shows: lists with brackets, arrays with braces.

    As in UCBLogo, SHOW, PRINT and TYPE never print an array's origin (``{1 2}``); error
    messages and PO do, where it is not 1 (``{1 2}@0``): pass ``origins=True``.
    """
    if isinstance(value, str):
        return value
    if type(value) in NUMBER_TYPES:
        return format_number(value)  # type: ignore[arg-type]
    parts: list[str] = []
    _show_into(value, parts, origins)
    return "".join(parts)


def full_form(value: object) -> str:
    """SHOW's form with arrays' origins, as UCBLogo's error messages and PO print them."""
    return show_form(value, origins=True)


def _show_into(value: object, parts: list[str], origins: bool) -> None:
    # Iterative so that a very deeply nested list prints without Python recursion.
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Closer):
            parts.append(item.text)
        elif isinstance(item, list):
            parts.append("[")
            stack.append(_Closer("]"))
            _push_items(stack, item)
        elif isinstance(item, LogoArray):
            parts.append("{")
            stack.append(_Closer("}" if item.origin == 1 or not origins
                                 else f"}}@{item.origin}"))
            _push_items(stack, item.items)
        else:
            parts.append(show_form(item))


def _push_items(stack: list[object], items: list) -> None:
    for index in range(len(items) - 1, -1, -1):
        stack.append(items[index])
        if index:
            stack.append(_Closer(" "))


class _Closer:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def is_word(value: object) -> bool:
    return isinstance(value, str) or type(value) in NUMBER_TYPES


def is_number(value: object) -> bool:
    if type(value) in NUMBER_TYPES:
        return True
    return isinstance(value, str) and parse_number(value) is not None


def equal(a: object, b: object) -> bool:
    """EQUALP: numbers by value, words ignoring case, lists item by item, arrays by identity.

    Iterative, so that comparing very deeply nested lists needs no Python recursion.
    """
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if x is y:
            continue
        if isinstance(x, list) or isinstance(y, list):
            if not (isinstance(x, list) and isinstance(y, list)) or len(x) != len(y):
                return False
            pending.extend(zip(x, y, strict=True))
        elif not _equal_atoms(x, y):
            return False
    return True


def _equal_atoms(a: object, b: object) -> bool:
    if isinstance(a, LogoArray) or isinstance(b, LogoArray):
        return a is b
    if type(a) in NUMBER_TYPES and type(b) in NUMBER_TYPES:
        return a == b
    na = a if type(a) in NUMBER_TYPES else parse_number(a)  # type: ignore[arg-type]
    nb = b if type(b) in NUMBER_TYPES else parse_number(b)  # type: ignore[arg-type]
    if na is not None and nb is not None:
        return na == nb
    ta, tb = word_text(a), word_text(b)
    return ta == tb or (ta.lower() == tb.lower() and case_ignored())


#: The variables of the workspace running now, where CASEIGNOREDP lives (set by the session).
ACTIVE_VARIABLES: list[dict] = [{}]


def case_ignored() -> bool:
    """CASEIGNOREDP: words that differ only in case are equal unless it is FALSE."""
    return str(ACTIVE_VARIABLES[0].get("caseignoredp", "true")).lower() != "false"


def truth(name: str, value: object) -> bool:
    """A TRUE or FALSE word as a Python bool, or the error "NAME doesn't like ..."."""
    if isinstance(value, str):
        lowered = value.lower()
        if lowered == "true":
            return True
        if lowered == "false":
            return False
    raise doesnt_like(name, value)


def logo_bool(flag: bool) -> str:
    return "true" if flag else "false"


def to_list(name: str, value: object) -> list:
    if isinstance(value, list):
        return value
    raise doesnt_like(name, value)


def to_word(name: str, value: object) -> str:
    if is_word(value):
        return word_text(value)
    raise doesnt_like(name, value)


def check_name(name: str, value: object) -> str:
    """A variable or procedure name given as a word, lowered for lookup."""
    if isinstance(value, str) and value:
        return value.lower()
    if type(value) in NUMBER_TYPES:
        return format_number(value)  # type: ignore[arg-type]
    raise doesnt_like(name, value)
