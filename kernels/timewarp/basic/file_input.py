"""How INPUT # and LINE INPUT # read a file: GW-BASIC's rules for line ends.

GW-BASIC ends a line at a carriage return (CR) and skips a line feed (LF) right after it.
An LF elsewhere is a "soft" break: LINE INPUT # keeps it (and a CR right after it) in
the line, INPUT # drops both from an unquoted item, and a quoted item keeps everything
up to its closing quote.  Those rules hold for a file that has CRs in it (one written on
DOS, or by a program that prints CHR$(13)); a file of plain LF lines (written here, or by
any Linux or Mac editor) ends its lines at each LF, so that it reads as its author meant.
"""

from __future__ import annotations

from timewarp.basic.errors import BasicError
from timewarp.basic.numbers import parse_number


def _ends(soft: bool, c: str, prev: str) -> bool:
    return c == "\r" and prev != "\n" if soft else c == "\n"


def read_line(handle) -> str:
    """LINE INPUT #: up to the line's end, which is left out."""
    if handle.mode == "I" and handle.at_end():
        raise BasicError("Input past end")
    handle.more()
    soft = handle.soft
    out, prev = [], ""
    while (c := handle.next_char()) != "":
        if _ends(soft, c, prev):
            if soft and handle.peek_char() == "\n":
                handle.next_char()
            break
        out.append(c)
        prev = c
    text = "".join(out)
    return text if soft else text.rstrip("\r")


def read_item(handle, kind: str):
    """One item of INPUT #: quoted or up to a comma (strings), up to a blank or comma
    (numbers); blanks and line ends before it are skipped."""
    if handle.mode == "I" and handle.at_end():
        raise BasicError("Input past end")
    soft, prev = handle.soft, ""
    while True:
        c = handle.peek_char()
        if c == "":
            if not handle.more():
                if kind == "$":
                    return ""
                raise BasicError("Input past end")
        elif _ends(soft, c, prev):
            _skip_separator(handle)      # an empty line is an empty item
            return "" if kind == "$" else 0
        elif c in " \r\n":
            handle.next_char()
            prev = c
        else:
            break
    chars = []
    if kind == "$" and handle.peek_char() == '"':
        handle.next_char()
        while (c := handle.next_char()) not in ('"', ""):
            chars.append(c)
        _skip_separator(handle)
        return "".join(chars)
    prev = ""
    while (c := handle.peek_char()) not in ("", ","):
        if (c == " " and kind != "$") or _ends(soft, c, prev):
            break
        handle.next_char()
        if not (soft and (c == "\n" or c == "\r")) and not (c == "\0" and kind != "$"):
            chars.append(c)          # soft breaks (and NULs in numbers) are dropped
        prev = c
    _skip_separator(handle)
    text = "".join(chars).rstrip("\r")
    if kind == "$":
        return text.rstrip(" ")
    value = parse_number(text.strip()) if text.strip() else 0
    if value is None:
        value = 0
    if kind == "%":
        from timewarp.basic.builtins import _cint
        return _cint(value)
    return value


def _skip_separator(handle) -> None:
    """The blanks after an item, then its comma or its line's end."""
    if handle.soft:
        while handle.peek_char() == " ":
            handle.next_char()
        c = handle.peek_char()
        if c in (",", "\r"):
            handle.next_char()
            if c == "\r" and handle.peek_char() == "\n":
                handle.next_char()
        return
    while handle.peek_char() in (" ", "\r") and handle.peek_char() != "":
        handle.next_char()
    if handle.peek_char() in (",", "\n"):
        handle.next_char()
