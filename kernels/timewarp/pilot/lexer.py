"""Reading PILOT text: a line into its fields, an expression into tokens.

PILOT is field-oriented, not free-format: a line is ``[*LABEL] KEYWORD[Y|N][(condition)]:operand``
and everything after the colon belongs to the statement, spaces included.  Only conditions,
C:'s right-hand side, W: and G:'s arguments are tokenized as expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timewarp.pilot.errors import PilotError
from timewarp.pilot.screen import SYSTEM_VARIABLES
from timewarp.pilot.values import quote

NAME = r"[A-Za-z][A-Za-z0-9_]*"
_LABEL = re.compile(rf"\*({NAME})")
_HEAD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class LineFields:
    """The fields of one source line, still as text."""

    line: int
    label: str | None
    head: str | None
    condition: str | None
    operand: str | None

    @property
    def continues(self) -> bool:
        """A line that starts with a colon repeats the previous keyword and condition."""
        return self.head is None and self.operand is not None


def strip_comment(text: str) -> str:
    """``text`` without its ``//`` comment (the standard's extension 4.7).

    A comment starts at the start of the line or after a space, so web addresses such as
    http://example.org in T: text stay whole.
    """
    start = 0
    while (found := text.find("//", start)) != -1:
        if found == 0 or text[found - 1] in " \t":
            return text[:found].rstrip(" \t")
        start = found + 1
    return text


def split_line(text: str, line: int) -> LineFields | None:
    """The fields of ``text``; None for a blank or comment-only line."""
    rest = strip_comment(text.rstrip("\r\n")).lstrip()
    if not rest:
        return None
    label = None
    if rest.startswith("*"):
        label, rest = _split_label(rest, line)
        if not rest:
            return LineFields(line, label, None, None, None)
    if rest.startswith(":"):
        return LineFields(line, label, None, None, rest[1:])
    statement = rest
    head = _HEAD.match(rest)
    if head is None:
        raise _not_understood(statement, line)
    rest = rest[head.end():].lstrip()
    condition = None
    if rest.startswith("("):
        condition, rest = _split_condition(rest, line)
        rest = rest.lstrip()
    if not rest.startswith(":"):
        raise _not_understood(statement, line)
    return LineFields(line, label, head.group(), condition, rest[1:])


def _not_understood(statement: str, line: int) -> PilotError:
    return PilotError(f"I don't understand {quote(statement.strip())}: a line starts with a "
                      "statement name and a colon, such as T:Hello, or with a label such as *START",
                      line)


def _split_label(text: str, line: int) -> tuple[str, str]:
    found = _LABEL.match(text)
    if found is None:
        raise PilotError("a label is * followed by a name that starts with a letter, "
                         "like *START", line)
    after = text[found.end():]
    if after and not after[0].isspace():
        raise PilotError(f"a label ends with a space: write *{found.group(1)} and then the "
                         "statement, like *START T:Hello", line)
    return found.group(1).upper(), after.lstrip()


def _split_condition(text: str, line: int) -> tuple[str, str]:
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[1:i], text[i + 1:]
    raise PilotError("the condition in brackets is never closed: add a )", line)


# --- expressions ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    kind: str  # "number", "string", "var", "name", "op", "end"
    text: str


_TOKEN = re.compile(rf"""(?ix)
    (?P<space>\s+)
  | (?P<number>\d+\.?\d*|\.\d+)
  | (?P<string>"[^"]*")
  | (?P<sysvar>%(?:{"|".join(SYSTEM_VARIABLES)}|RETURN\d+)(?![A-Za-z0-9_]))
  | (?P<var>[$\#]{NAME}|{NAME}\$)
  | (?P<name>{NAME})
  | (?P<op><=|>=|<>|!=|[-+*/%()=<>,])
""")


#: A longer expression is a runaway, and working it out would nest too deeply for Python.
MAX_TOKENS = 300


def tokenize(text: str) -> list[Token]:
    """The tokens of an expression, ending with an ``end`` token."""
    tokens = []
    pos = 0
    while pos < len(text):
        if len(tokens) > MAX_TOKENS:
            raise PilotError(f"{quote(text.strip())} is too long to work out; "
                             "split it over several C:")
        found = _TOKEN.match(text, pos)
        if found is None:
            if text[pos] == '"':
                raise PilotError('words in quotes need a closing "')
            raise PilotError(f"I don't understand {text[pos]!r} in {quote(text.strip())}")
        pos = found.end()
        kind = found.lastgroup
        if kind != "space":
            tokens.append(Token(kind, found.group()))
    tokens.append(Token("end", ""))
    return tokens
