"""Pygments lexer for Time Warp Logo (UCBLogo dialect).

Primitive names come from the Logo engine's own table, so whatever the engine knows is
highlighted; ``TO name`` and ``END`` mark procedure definitions.
"""

from __future__ import annotations

import re

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String,
                            Text, Whitespace)

from timewarp.logo.primitives import PRIMITIVES

_CONTROL = ("if", "ifelse", "repeat", "forever", "while", "until", "do.while", "do.until",
            "for", "foreach", "stop", "output", "op", "catch", "throw", "run", "test",
            "iftrue", "ift", "iffalse", "iff", "bye", "local", "localmake", "make")
_BUILTINS = tuple(sorted((n for n in PRIMITIVES if n not in _CONTROL and n != "#"),
                         key=len, reverse=True))
_WORD_END = r"(?=[\s\[\]()]|$)"


class LogoLexer(RegexLexer):
    """Logo: words, "quoted words, :variables, [lists] and TO ... END procedures."""

    name = "Logo (Time Warp)"
    aliases = ["logo-timewarp", "timewarp-logo"]
    filenames = ["*.logo", "*.lg"]
    mimetypes = ["text/x-logo"]
    flags = re.IGNORECASE | re.MULTILINE

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r";[^\n]*", Comment.Single),
            (r"(to)(\s+)([^\s\[\]()]+)", bygroups(Keyword.Declaration, Whitespace,
                                                   Name.Function)),
            (r"end" + _WORD_END, Keyword.Declaration),
            (words(_CONTROL, suffix=_WORD_END), Keyword),
            (words(_BUILTINS, suffix=_WORD_END), Name.Builtin),
            (r'"[^\s\[\]()]*', String.Symbol),
            (r":[^\s\[\]()+\-*/=<>]+", Name.Variable),
            (r"(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?" + r"(?=[\s\[\]()+\-*/=<>]|$)",
             Number),
            (r"<=|>=|<>|[-+*/=<>]", Operator),
            (r"[\[\](){}]", Punctuation),
            (r"[^\s\[\]()+\-*/=<>;]+", Name),
            (r".", Text),
        ],
    }
