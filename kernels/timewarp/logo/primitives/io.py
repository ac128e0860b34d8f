"""Text in and out: PRINT SHOW TYPE, READLIST READWORD READCHAR, through the session's console.

PRINTDEPTHLIMIT and PRINTWIDTHLIMIT, when set to a whole number, shorten what PRINT, SHOW and
TYPE write as UCBLogo does: deeper sublists, later members and the end of long words
become "...".
"""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.reader import read_list
from timewarp.logo.values import LogoArray, print_form, show_form


def _limit(interp: Any, name: str) -> int | None:
    value = interp.variables.get(name)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value if type(value) is int and value >= 0 else None


def _limited(value: Any, level: int, depth: int | None, width: int | None) -> str:
    if depth is not None and level >= depth:
        return "..."
    if isinstance(value, (list, LogoArray)):
        items = value if isinstance(value, list) else value.items
        shown = [_limited(item, level + 1, depth, width) for item in items[:width]]
        if width is not None and len(items) > width:
            shown.append("...")
        if isinstance(value, list):
            return "[" + " ".join(shown) + "]"
        return "{" + " ".join(shown) + "}"
    text = show_form(value)
    # A word is cut at the width limit, but never shorter than ten characters.
    if width is not None and len(text) > max(width, 10):
        return text[:max(width, 10)] + "..."
    return text


def _forms(interp: Any, values: tuple, top_brackets: bool) -> list[str]:
    depth, width = _limit(interp, "printdepthlimit"), _limit(interp, "printwidthlimit")
    if depth is None and width is None:
        form = show_form if top_brackets else print_form
        return [form(v) for v in values]
    forms = []
    for value in values:
        if isinstance(value, list) and not top_brackets:
            shown = [_limited(item, 0, depth, width) for item in value[:width]]
            if width is not None and len(value) > width:
                shown.append("...")
            forms.append(" ".join(shown))
        else:
            forms.append(_limited(value, 0, depth, width))
    return forms


@primitive("print pr", 1, 0, ANY, outputs=False)
def print_(interp: Any, *values: Any) -> None:
    interp.console.write(" ".join(_forms(interp, values, False)) + "\n")


@primitive("show", 1, 0, ANY, outputs=False)
def show(interp: Any, *values: Any) -> None:
    interp.console.write(" ".join(_forms(interp, values, True)) + "\n")


@primitive("type", 1, 0, ANY, outputs=False)
def type_(interp: Any, *values: Any) -> None:
    interp.console.write("".join(_forms(interp, values, False)))


def _line(interp: Any) -> str | None:
    try:
        return interp.console.read_line("")
    except EOFError:
        return None


@primitive("readlist rl", 0)
def readlist(interp: Any) -> Any:
    line = _line(interp)
    if line is None:
        return ""
    try:
        return read_list(line)
    except LogoError:
        return line.split()


@primitive("readword rw", 0)
def readword(interp: Any) -> Any:
    line = _line(interp)
    return [] if line is None else line


@primitive("readchar rc", 0)
def readchar(interp: Any) -> Any:
    from timewarp.logo.primitives.streams import reader_stream
    stream = reader_stream(interp)
    if stream is not None:
        return stream.read(1) or []
    # A key already pressed (on the live picture, or at the terminal) comes first.
    if interp.pending_keys:
        return interp.pending_keys.pop(0)
    line = _line(interp)
    return [] if line is None else (line[:1] or "\n")
