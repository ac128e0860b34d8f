"""Pygments lexer for Time Warp PILOT, so notebooks and nbconvert's HTML show lessons coloured.

A PILOT line is ``[*LABEL] KEYWORD[Y|N][(condition)]:operand``: the keyword, its condition and
the operand are coloured apart; ``$`` and ``#`` variables stand out inside the text; R: and
PR: lines and ``//`` comments are comments.
"""

from __future__ import annotations

import re

from pygments.lexer import RegexLexer, bygroups
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String,
                            Text, Whitespace)

_VARIABLE = r"[$#][A-Za-z]\w*|[A-Za-z]\w*\$"


class PilotLexer(RegexLexer):
    """IEEE 1154 PILOT with Nevada PILOT's extensions, as Time Warp Studio runs it."""

    name = "PILOT (Time Warp)"
    aliases = ["pilot-timewarp", "pilot"]
    filenames = ["*.pil", "*.pilot"]
    mimetypes = ["text/x-pilot"]
    flags = re.IGNORECASE | re.MULTILINE

    tokens = {
        "root": [
            (r"[ \t]*//.*?$", Comment.Single),
            (r"\n", Whitespace),
            (r"^([ \t]*)(\*[A-Za-z]\w*)", bygroups(Whitespace, Name.Label)),
            (r"((?:REMARK|PROBLEM|PR|R)[YN]?)([ \t]*(?:\([^\n]*\))?[ \t]*:)(.*?$)",
             bygroups(Keyword, Punctuation, Comment.Single)),
            (r"[A-Za-z]+(?=[ \t]*[(:])", Keyword, "head"),
            (r"[ \t]*:", Punctuation, "operand"),
            (r"[ \t]+", Whitespace),
            (r".", Text),
        ],
        "head": [
            (r"[ \t]+", Whitespace),
            (r"\(", Punctuation, "condition"),
            (r":", Punctuation, ("#pop", "operand")),
            (r"\n", Whitespace, "#pop"),
            (r".", Text),
        ],
        "condition": [
            (r"\(", Punctuation, "#push"),
            (r"\)", Punctuation, "#pop"),
            (r"\n", Whitespace, "#pop:2"),
            (r"[ \t]+", Whitespace),
            (r"(?:AND|OR|NOT)\b", Operator.Word),
            (r"(?:RND|RANDOM|LEN|INT|ABS)(?=[ \t]*\()", Name.Builtin),
            (_VARIABLE, Name.Variable),
            (r"\d+\.?\d*|\.\d+", Number),
            (r'"[^"\n]*"', String.Double),
            (r"<=|>=|<>|!=|[-+*/%=<>]", Operator),
            (r"[A-Za-z]\w*", Name.Variable),
            (r".", Text),
        ],
        "operand": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t]+//.*?$", Comment.Single),
            (r"\\.", String.Escape),
            (r"[$#][A-Za-z]\w*", Name.Variable),
            (r"\*[A-Za-z]\w*|@[AMP]\b", Name.Label),
            (r"[^$#*@\\\n]+|.", String),
        ],
    }
