"""Text in and out: PRINT SHOW TYPE, READLIST READWORD READCHAR, through the session's console."""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.reader import read_list
from timewarp.logo.values import print_form, show_form


@primitive("print pr", 1, 0, ANY, outputs=False)
def print_(interp: Any, *values: Any) -> None:
    interp.console.write(" ".join(print_form(v) for v in values) + "\n")


@primitive("show", 1, 0, ANY, outputs=False)
def show(interp: Any, *values: Any) -> None:
    interp.console.write(" ".join(show_form(v) for v in values) + "\n")


@primitive("type", 1, 0, ANY, outputs=False)
def type_(interp: Any, *values: Any) -> None:
    interp.console.write("".join(print_form(v) for v in values))


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
    line = _line(interp)
    return [] if line is None else (line[:1] or "\n")
