"""Pygments lexer for Time Warp BASIC: classic numbered listings and QBasic-style code alike.

The keyword list comes from :mod:`timewarp.basic.help`, so whatever has help text is
highlighted.  Old listings run keywords together (``FORI=1TO9``, ``IFX>0THENPRINTX``); as
Time Warp's engine does, a word that starts with a keyword is split after it, but only where
the rest is a number, more keywords, or a short variable name, and not where the word is
being assigned (``FORM = 2``), so that modern names such as ``TOTAL`` or ``INTEREST`` stay
whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pygments.lexer import RegexLexer, bygroups
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String,
                            Text, Whitespace, _TokenType)

from timewarp.basic.help import FUNCTION_WORDS, KEYWORD_HELP, OPERATOR_WORDS

# Multi-word entries ("LINE INPUT", "END IF") are highlighted word by word.
_WORDS = frozenset(part for key in KEYWORD_HELP for part in key.split() if part[0].isalpha())
_BY_LENGTH = sorted(_WORDS, key=len, reverse=True)

# Keywords that old listings glue to a following short variable name (FORI, NEXTJ, TOX).
_GLUE_PRONE = frozenset({"FOR", "NEXT", "TO", "STEP", "IF", "THEN", "ELSE", "GOTO", "GOSUB",
                         "PRINT", "INPUT", "AND", "OR", "XOR", "MOD"})
_SHORT_NAME = re.compile(r"[A-Z][A-Z0-9]?[$%!#]?\Z")
_DIGITS = re.compile(r"\d+")


def _word_token(word: str) -> _TokenType:
    if word in OPERATOR_WORDS:
        return Operator.Word
    if word in FUNCTION_WORDS:
        return Name.Builtin
    return Keyword


def _split(word: str) -> list[tuple[_TokenType, str]] | None:
    """The pieces of a run-together word, or None if it is best read as one name."""
    upper = word.upper()
    if upper in _WORDS:
        return [(_word_token(upper), word)]
    if upper.startswith("FN") and len(upper) > 2:
        return [(Name.Builtin, word[:2]), (Name.Function, word[2:])]
    for keyword in _BY_LENGTH:
        if upper.startswith(keyword):
            rest = word[len(keyword):]
            tail = _split_after_keyword(keyword, rest)
            if tail is not None:
                return [(_word_token(keyword), word[:len(keyword)]), *tail]
    return None


def _split_after_keyword(keyword: str, rest: str) -> list[tuple[_TokenType, str]] | None:
    """What follows a keyword inside a word: numbers (GOTO100), keywords, or a short name."""
    digits = _DIGITS.match(rest)
    if digits:
        after = rest[digits.end():]
        tail = _split(after) if after else []
        return None if tail is None else [(Number.Integer, digits.group()), *tail]
    tail = _split(rest)
    if tail is None and keyword in _GLUE_PRONE and _SHORT_NAME.match(rest.upper()):
        tail = [(Name.Variable, rest)]
    return tail


def _pieces(start: int, word: str) -> Iterator[tuple[int, _TokenType, str]]:
    for token, text in _split(word) or [(Name.Variable, word)]:
        yield start, token, text
        start += len(text)


# A word followed by "=" is being assigned or compared, so it is a name (FORM = 2, TOTAL = 0),
# unless the line shows it is a glued FOR or IF: FORI=1TO9, IFX=5THEN60.
_ASSIGNED = re.compile(r"[ \t]*=(?![<>])")
_GLUED_STATEMENT = {"FOR": re.compile(r"TO", re.IGNORECASE),
                    "IF": re.compile(r"THEN|GOTO", re.IGNORECASE)}


def _is_assigned_name(word: str, rest_of_line: str) -> bool:
    if not _ASSIGNED.match(rest_of_line) or word.upper() in _WORDS:
        return False
    for keyword, companion in _GLUED_STATEMENT.items():
        if word.upper().startswith(keyword) and companion.search(rest_of_line):
            return False
    return True


def _words(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    line_end = match.string.find("\n", match.end())
    rest_of_line = match.string[match.end():line_end if line_end >= 0 else None]
    if _is_assigned_name(match.group(), rest_of_line):
        return iter([(match.start(), Name.Variable, match.group())])
    return _pieces(match.start(), match.group())


def _label_or_words(lexer: RegexLexer,
                    match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    """``name:`` at the start of a line is a label, unless the name is a keyword (``CLS:``)."""
    if match.group(1):
        yield match.start(1), Whitespace, match.group(1)
    if match.group(2).upper() in _WORDS:
        yield from _pieces(match.start(2), match.group(2))
        yield match.start(3), Punctuation, match.group(3)
    else:
        yield match.start(2), Name.Label, match.group(2) + match.group(3)


class BasicLexer(RegexLexer):
    """Time Warp BASIC: GW-BASIC line-numbered programs and QBasic structured code."""

    name = "BASIC (Time Warp)"
    aliases = ["basic-timewarp", "timewarp-basic"]
    filenames = ["*.bas"]
    mimetypes = ["text/x-basic"]
    flags = re.IGNORECASE | re.MULTILINE

    tokens = {
        "root": [
            (r"^([ \t]*)(\d+)", bygroups(Whitespace, Name.Label)),
            (r"^([ \t]*)([A-Z][A-Z0-9_]*)(:)", _label_or_words),
            (r"\s+", Whitespace),
            (r"'[^\n]*", Comment.Single),
            (r"REM(?=[^A-Z0-9$%!#.]|$)[^\n]*", Comment.Single),
            (r"DATA(?=[^A-Z0-9$%!#.]|$)", Keyword, "data"),
            (r'"[^"\n]*"?', String.Double),
            (r"&H[0-9A-F]+", Number.Hex),
            (r"&O?[0-7]+", Number.Oct),
            (r"(\d+\.\d*|\.\d+)([ED][+-]?\d+)?[!#]?", Number.Float),
            (r"\d+[ED][+-]?\d+[!#]?", Number.Float),
            (r"\d+[%!#]?", Number.Integer),
            (r"[A-Z][A-Z0-9._]*[$%!#]?", _words),
            (r"<>|><|<=|=<|>=|=>|[-+*/\\^=<>]", Operator),
            (r"[()\[\],;:?.]", Punctuation),  # [ ] of A[1]; the dot of a(i).x, a record field
            (r".", Text),
        ],
        # DATA items are text even without quotes; a colon ends the statement.
        "data": [
            (r'"[^"\n]*"?', String.Double),
            (r"[ \t]+", Whitespace),
            (r",", Punctuation),
            (r'[^,:"\n]+', String.Other),
            (r":", Punctuation, "#pop"),
            (r"\n", Whitespace, "#pop"),
        ],
    }
