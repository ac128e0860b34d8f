"""The Logo reader: source text to Logo data, one instruction line at a time.

Like UCBLogo's reader it knows words, ``[lists]``, ``{arrays}`` (with ``@origin``),
``;`` comments, ``~`` continuation, ``\\`` escapes and ``|vertical bars|``.  A line whose
brackets or parentheses are still open goes on over the next physical lines.  Parentheses
are always words of their own; infix characters stay inside words here and are split later
by the parser, because ``[a+b]`` is one word as data but three tokens as an instruction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timewarp.logo.errors import LogoError
from timewarp.logo.values import LogoArray

_DELIMITERS = frozenset(" \t\r\n[]{}();")
_ORIGIN = re.compile(r"@(-?\d*)")


class LiteralWord(str):
    """A word that held a ``\\`` escape or ``|bars|``: the parser never splits it."""

    __slots__ = ()


@dataclass
class Line:
    """One instruction line: where it starts in the source, its data, and its text."""

    number: int
    items: list
    text: str


class Unfinished(LogoError):
    """The text ends inside a list, an array or a continued line."""


def read_lines(source: str, first_line: int = 1) -> list[Line]:
    """Split ``source`` into instruction lines of Logo data."""
    physical = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = []
    reader = _LineReader()
    start = first_line
    texts: list[str] = []
    for offset, text in enumerate(physical):
        if reader.idle:
            start = first_line + offset
            texts = []
        continued = reader.feed(text)
        texts.append(_strip_comment(text))
        if not continued and not reader.open_brackets and reader.open_parens <= 0:
            items = reader.finish()
            joined = " ".join(t.strip() for t in texts if t.strip())
            if items or joined:
                lines.append(Line(start, items, joined))
    if not reader.idle:
        raise Unfinished(_unfinished_message(reader), start)
    return lines


def read_list(text: str) -> list:
    """The words and lists of ``text`` as one Logo list (READLIST, PARSE, RUNPARSE)."""
    reader = _LineReader()
    reader.feed(text)
    if reader.open_brackets:
        raise LogoError(_unfinished_message(reader))
    return reader.finish()


def _unfinished_message(reader: _LineReader) -> str:
    if reader.open_brackets:
        return f"Unmatched {reader.open_brackets[-1][0]}"
    if reader.open_parens > 0:
        return "too many ('s"
    return "Unfinished line: it ends with ~ but nothing follows"


def _strip_comment(text: str) -> str:
    escaped = in_bars = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            in_bars = not in_bars
        elif char == ";" and not in_bars:
            return text[:index].rstrip()
    return text.rstrip()


class _LineReader:
    """Reads characters into nested lists with an explicit stack (no Python recursion)."""

    def __init__(self) -> None:
        self.stack: list[list] = [[]]
        self.open_brackets: list[tuple[str, LogoArray | None]] = []
        self.word: list[str] = []
        self.literal = False
        self.in_bars = False
        self.idle = True
        self.after_array: LogoArray | None = None
        #: "(" not yet closed outside brackets: as in UCBLogo, the line goes on.
        self.open_parens = 0

    def finish(self) -> list:
        items = self.stack[0]
        self.stack = [[]]
        self.idle = True
        self.open_parens = 0
        return items

    def feed(self, text: str) -> bool:
        """Read one physical line; True if it ends with ``~`` (the line goes on)."""
        self.idle = False
        stripped = text.rstrip()
        continued = stripped.endswith("~") and not stripped.endswith("\\~")
        if continued:
            text = stripped[:-1]
        index = 0
        length = len(text)
        while index < length:
            char = text[index]
            index += 1
            if self.in_bars:
                if char == "|":
                    self.in_bars = False
                else:
                    self.word.append(char)
                continue
            if char == "\\" and index < length:
                self.word.append(text[index])
                self.literal = True
                index += 1
            elif char == "|":
                self.in_bars = True
                self.literal = True
            elif char == ";":
                break
            elif char in _DELIMITERS:
                self._end_word()
                self._delimiter(char)
            else:
                self.word.append(char)
        # A bar left open at the end of a line closes there.
        self.in_bars = False
        if not continued:
            self._end_word()
        return continued

    def _end_word(self) -> None:
        if not self.word:
            return
        text = "".join(self.word)
        self.word = []
        array = self.after_array
        self.after_array = None
        if array is not None and text.startswith("@") and not self.literal:
            # As UCBLogo's reader: "@", then the digits of the origin (none: 0); what
            # follows is a word of its own ({1 2}@1.5 is an array and .5).
            digits = _ORIGIN.match(text)
            assert digits is not None
            number = digits.group(1)
            array.origin = int(number) if number.lstrip("-") else 0
            text = text[digits.end():]
            if not text:
                return
        self.stack[-1].append(LiteralWord(text) if self.literal else text)
        self.literal = False

    def _delimiter(self, char: str) -> None:
        self.after_array = None
        if char in "[{":
            self.stack.append([])
            self.open_brackets.append((char, None))
        elif char in "]}":
            self._close(char)
        elif char in "()":
            self.stack[-1].append(char)
            if len(self.stack) == 1:
                self.open_parens += 1 if char == "(" else -1

    def _close(self, char: str) -> None:
        expected = "[" if char == "]" else "{"
        if not self.open_brackets or self.open_brackets[-1][0] != expected:
            raise LogoError(f"unexpected '{char}'", code=26 if char == "]" else 27)
        self.open_brackets.pop()
        items = self.stack.pop()
        if char == "]":
            self.stack[-1].append(items)
        else:
            array = LogoArray(items)
            self.stack[-1].append(array)
            self.after_array = array
