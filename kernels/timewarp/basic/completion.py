"""Tab completion, Shift+Tab help and "is this cell finished?" for BASIC.

Keywords come from the lexer's table and from the help texts (``help.py``); the
program's own names come from the session.  ``block_depth`` counts the blocks a cell
leaves open, so a front end knows to wait for END IF, LOOP or END SUB.
"""

from __future__ import annotations

import re

from timewarp.basic.lexer import KEYWORDS, tokenize
from timewarp.engine import Completion

_WORD_CHARS = re.compile(r"[A-Za-z0-9_.]*[$%!#]?$")


def _help() -> dict[str, str]:
    try:
        from timewarp.basic.help import KEYWORD_HELP
    except ImportError:
        return {}
    return KEYWORD_HELP


def _word_at(source: str, cursor: int) -> tuple[int, int]:
    start = cursor
    while start > 0 and (source[start - 1].isalnum() or source[start - 1] in "_."):
        start -= 1
    end = cursor
    while end < len(source) and (source[end].isalnum() or source[end] in "_."):
        end += 1
    if end < len(source) and source[end] in "$%!#":
        end += 1
    return start, end


def complete_word(source: str, cursor: int, own_names: set[str]) -> Completion:
    start = cursor
    while start > 0 and (source[start - 1].isalnum() or source[start - 1] in "_.$%!#"):
        start -= 1
    prefix = source[start:cursor]
    if not prefix:
        return Completion(cursor, cursor, [])
    upper = prefix.upper()
    words = set(KEYWORDS) | set(_help())
    matches = sorted(w for w in words if w.startswith(upper) and w != "FN")
    lower = prefix == prefix.lower() and prefix != prefix.upper()
    if lower:
        matches = [m.lower() for m in matches]
    own = sorted(n for n in own_names
                 if n.upper().startswith(upper) and n.upper() not in words and n.upper() != upper)
    if lower:
        own = [n.lower() for n in own]
    return Completion(start, cursor, own + matches)


def inspect_word(source: str, cursor: int, variables: dict[str, object]) -> str | None:
    start, end = _word_at(source, cursor)
    word = source[start:end].upper()
    if not word:
        return None
    help_texts = _help()
    for candidate in (word, word.rstrip("$%!#"), word + "$"):
        if candidate in help_texts:
            return help_texts[candidate]
    for name, value in variables.items():
        if name.upper() == word or name.upper() == word.rstrip("!"):
            return f"{name} = {value!r}"
    if word in KEYWORDS:
        return f"{word}: a BASIC keyword."
    return None


_OPENERS = {"SUB": "SUB", "FUNCTION": "FUNCTION", "DO": "DO", "WHILE": "WHILE",
            "SELECT": "SELECT", "FOR": "FOR"}
_CLOSERS = {"LOOP": "DO", "WEND": "WHILE", "NEXT": "FOR"}


def block_depth(lines: list[str]) -> int:
    """How many blocks (IF, DO, WHILE, FOR, SELECT, SUB, FUNCTION) the lines leave open."""
    depth = 0
    for text in lines:
        tokens = [t for t in tokenize(text, classic=False) if t.kind != "label"]
        words = [t.value if t.kind == "kw" else None for t in tokens]
        if not words:
            continue
        first = words[0]
        if first == "END" and len(words) > 1 and words[1] in ("IF", "SUB", "FUNCTION", "SELECT"):
            depth -= 1
        elif first == "IF" and words[-1] == "THEN":
            depth += 1
        elif first == "DO" and "WHILE" in words[1:] and "LOOP" in words:
            continue
        elif first in _OPENERS:
            depth += 1
            depth -= sum(1 for w in words[1:] if w in _CLOSERS)
        elif first in _CLOSERS:
            depth -= 1 if first != "NEXT" else max(1, sum(1 for t in tokens if t.kind == "name"))
        elif first == "DECLARE":
            continue
    return depth
