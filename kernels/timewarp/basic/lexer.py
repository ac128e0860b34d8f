"""Turn one line of BASIC into tokens.

Two ways of reading words, because BASIC was written two ways.  Line-numbered listings
from the 1970s ran keywords together (``FORI=1TO9``), so in *classic* mode a keyword is
recognised wherever it starts, as Microsoft's BASIC "crunched" lines.  Structured code
written today uses whole words (``total``, ``score``), so in *word* mode a name is read to
its end and only then looked up as a keyword.
"""

from __future__ import annotations

from typing import NamedTuple

from timewarp.basic.errors import BasicSyntaxError
from timewarp.basic.numbers import significant_digits, single_constant

STATEMENT_WORDS = """
PRINT LPRINT INPUT LINE LET GOTO GOSUB RETURN IF THEN ELSE ELSEIF END FOR TO STEP NEXT
WHILE WEND DO LOOP UNTIL EXIT DIM OPTION BASE DATA READ RESTORE DEF STOP REM ON ERROR
RESUME SWAP ERASE RANDOMIZE DEFINT DEFSNG DEFDBL DEFSTR CLS SELECT CASE IS SUB FUNCTION
CALL CONST SHARED DECLARE STATIC USING LIST RUN NEW DELETE RENUM CLEAR TRON TROFF SYSTEM AUTO
BEEP LOCATE WIDTH KEY SLEEP OFF GO ASSERT
FORWARD BACK LEFT RIGHT PENUP PENDOWN SETXY HOME PENCOLOR PENWIDTH SETHEADING
HIDETURTLE SHOWTURTLE ARC TCIRCLE SAVEPICTURE
SCREEN COLOR PSET PRESET CIRCLE PAINT DRAW VIEW WINDOW PALETTE
OPEN CLOSE WRITE OUTPUT APPEND
POKE OUT WAIT BLOAD BSAVE PCOPY
SOUND PLAY
""".split()

OPERATOR_WORDS = "AND OR NOT XOR EQV IMP MOD".split()

FUNCTION_WORDS = """
ABS ASC ATN CHR$ COS EXP FIX HEX$ INSTR INT LEFT$ LEN LOG MID$ OCT$ RIGHT$ RND SGN SIN
SPACE$ SQR STR$ STRING$ TAN VAL TIMER INKEY$ UCASE$ LCASE$ LTRIM$ RTRIM$ CINT CSNG CDBL
ERR ERL TAB SPC POS FRE POINT PMAP UBOUND LBOUND
EOF FREEFILE SENSOR INPUT$ EXTERR ERDEV ERDEV$
CSRLIN PEEK INP USR
TIME$ DATE$
""".split()

KEYWORDS = frozenset(STATEMENT_WORDS + OPERATOR_WORDS + FUNCTION_WORDS + ["FN"])
# Longest first, so LEFT$ wins over LEFT and FORWARD over FOR when crunching.
_BY_LENGTH = sorted(KEYWORDS, key=len, reverse=True)

_TWO_CHAR_OPS = {"<=", ">=", "<>", "><", "=<", "=>"}
_CANONICAL_OP = {"><": "<>", "=<": "<=", "=>": ">="}
_ONE_CHAR_OPS = set("+-*/^\\=<>(),;:#")
#: Commands whose line numbers may be "." (the current line).
_LINE_COMMANDS = {"LIST", "LLIST", "DELETE", "RENUM", "AUTO"}
_SUFFIXES = "$%!#"
_NAME_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._")
_NAME_START = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Token(NamedTuple):
    kind: str   # "num", "str", "name", "kw", "op", "data", "label"
    value: object
    pos: int


def tokenize(text: str, classic: bool = True) -> list[Token]:
    """The tokens of one line (without its line number); REM and ' end the line."""
    return _Scanner(text, classic).scan()


class _Scanner:
    def __init__(self, text: str, classic: bool) -> None:
        self.text = text
        # Only ASCII letters are BASIC's: "ß".upper() is two letters, which would put every
        # position after it out of step with the text.
        self.upper = text.translate(_ASCII_UPPER)
        self.classic = classic
        # A binary file's name spelled as a keyword (timewarp.basic.tokenised.LetteredLine).
        self.names = getattr(text, "names", None) or {}
        self.pos = 0
        self.tokens: list[Token] = []
        self.opens: list[bool] = []     # each open bracket: an array's subscripts?

    def scan(self) -> list[Token]:
        text = self.text
        while self.pos < len(text):
            c = text[self.pos]
            if c in " \t\r\n":
                self.pos += 1
            elif c == "'":
                break
            elif c == '"':
                self._string()
            elif c.isdigit() or (c == "." and self._peek_digit()):
                self._number()
            elif c == "." and self.tokens and self.tokens[-1].value == ")":
                # a(i).x: a field of an element of an array of records (timewarp.basic.qbasic)
                self.tokens.append(Token("op", ".", self.pos))
                self.pos += 1
            elif c == "&":
                self._radix_number()
            elif self.pos in self.names:
                self._name(end=self.names[self.pos])
            elif c in _NAME_START:       # a letter other than ASCII's starts no name
                if self._word():
                    break
            elif c == "?":
                self.tokens.append(Token("kw", "PRINT", self.pos))
                self.pos += 1
            elif c in "([":
                # GW-BASIC writes an array's subscripts in ( ) or [ ], even mixed (A(3]):
                # after a name a [ is a (, and the ] that closes it a ).
                subscript = bool(self.tokens) and self.tokens[-1].kind == "name"
                self.opens.append(subscript)
                self.tokens.append(Token("op", "(" if c == "(" or subscript else c, self.pos))
                self.pos += 1
            elif c in ")]":
                subscript = self.opens.pop() if self.opens else False
                self.tokens.append(Token("op", ")" if c == ")" or subscript else c, self.pos))
                self.pos += 1
            elif text[self.pos:self.pos + 2] in _TWO_CHAR_OPS:
                op = text[self.pos:self.pos + 2]
                self.tokens.append(Token("op", _CANONICAL_OP.get(op, op), self.pos))
                self.pos += 2
            elif c in _ONE_CHAR_OPS:
                self.tokens.append(Token("op", c, self.pos))
                self.pos += 1
            elif c == "." and self._in_line_command():
                # "." in these is GW-BASIC's current line (LIST ., LIST 10-., AUTO .).
                self.tokens.append(Token("dot", ".", self.pos))
                self.pos += 1
            else:
                raise BasicSyntaxError(f"unexpected character {c!r}", column=self.pos)
        return self.tokens

    def _in_line_command(self) -> bool:
        """The statement being read began with a command that takes line numbers."""
        for token in reversed(self.tokens):
            if token.kind == "op" and token.value == ":":
                return False
            if token.kind == "kw" and token.value in _LINE_COMMANDS:
                return True
            if token.kind not in ("num", "op", "dot"):
                return False
        return False

    def _peek_digit(self) -> bool:
        nxt = self.text[self.pos + 1:self.pos + 2]
        return nxt.isdigit()

    def _string(self) -> None:
        start = self.pos
        end = self.text.find('"', start + 1)
        if end < 0:
            end = len(self.text)  # GW-BASIC closes an open string at the end of the line
        self.tokens.append(Token("str", self.text[start + 1:end], start))
        self.pos = end + 1

    def _number(self) -> None:
        text, start = self.upper, self.pos
        i = start
        while i < len(text) and (text[i].isdigit() or text[i] == "."):
            i += 1
        kind = ""
        if i < len(text) and text[i] in "ED":
            j = i + 1
            if j < len(text) and text[j] in "+-":
                j += 1
            if j < len(text) and text[j].isdigit():
                kind = "#" if text[i] == "D" else "!"
                i = j
                while i < len(text) and text[i].isdigit():
                    i += 1
        literal = text[start:i].replace("D", "E")
        if literal.count(".") > 1:
            raise BasicSyntaxError("a number has two decimal points", column=start)
        if i < len(text) and text[i] in "%!#":
            kind = text[i]
            i += 1
        try:
            value = float(literal)
        except ValueError:
            raise BasicSyntaxError(f"bad number {literal}", column=start) from None
        digits = significant_digits(literal.split("E")[0])
        if not kind or kind == "!" and text[i - 1:i] != "!" and digits > 7:
            # Eight digits or more make a double, with an E exponent too (1.7014118E+38).
            kind = "#" if digits > 7 else "!"
        if kind == "%":
            value = int(round(value))
        elif kind == "!" and ("." in literal or "E" in literal):
            value = single_constant(literal)     # GW-BASIC's own reading: see numbers.py
        self.tokens.append(Token("num", (value, kind), start))
        self.pos = i

    def _radix_number(self) -> None:
        text, start = self.upper, self.pos
        base, i = 8, start + 1
        if text[i:i + 1] in ("H", "O"):
            base = 16 if text[i] == "H" else 8
            i += 1
        j = i
        digits = "0123456789ABCDEF"[:base]
        while j < len(text) and text[j] in digits:
            j += 1
        if j == i:
            raise BasicSyntaxError("a number is missing after &", column=start)
        value = int(text[i:j], base)
        if value > 0xFFFF:
            raise BasicSyntaxError("Overflow", column=start)
        if value >= 0x8000:
            value -= 0x10000
        self.tokens.append(Token("num", (value, "%"), start))
        self.pos = j

    def _word(self) -> bool:
        """Read a keyword or a name; True when the rest of the line is a comment."""
        start = self.pos
        word = self._crunched_keyword() if self.classic else self._whole_word()
        if word is None:
            return False
        if word == "REM":
            return True
        if word == "DATA":
            self._data()
            return False
        self.tokens.append(Token("kw", word, start))
        return False

    def _crunched_keyword(self) -> str | None:
        upper, start = self.upper, self.pos
        for kw in _BY_LENGTH:
            if upper.startswith(kw, start):
                self.pos += len(kw)
                if kw == "FN":
                    self._name(after_fn=True)
                    return None
                return kw
        self._name()
        return None

    def _name(self, after_fn: bool = False, end: int | None = None) -> None:
        """A variable name; in classic mode it stops where a keyword starts (``end``: where
        a binary file's name ends, whatever it spells)."""
        upper, start = self.upper, self.pos
        i = start if end is None else end
        while end is None and i < len(upper) and upper[i] in _NAME_CHARS:
            if i > start and self.classic and any(upper.startswith(k, i) for k in _BY_LENGTH):
                break
            i += 1
        if i < len(upper) and upper[i] in _SUFFIXES:
            i += 1
        if i == start:
            raise BasicSyntaxError("a name is missing after FN", column=start)
        name = upper[start:i]
        self.pos = i
        self.tokens.append(Token("fn" if after_fn else "name", name, start))

    def _whole_word(self) -> str | None:
        upper, start = self.upper, self.pos
        i = start
        while i < len(upper) and upper[i] in _NAME_CHARS:
            i += 1
        if i < len(upper) and upper[i] in _SUFFIXES:
            # PRINT#1 and INPUT#2 are the keyword and a file number, not a name PRINT#.
            if upper[start:i + 1] in KEYWORDS or upper[i] not in "$#" or upper[start:i] not in KEYWORDS:
                i += 1
        word = upper[start:i]
        if i < len(upper) and upper[i] == ":" and not self.tokens and word not in KEYWORDS:
            self.tokens.append(Token("label", word, start))
            self.pos = i + 1
            return None
        self.pos = i
        if word in KEYWORDS:
            return word
        self.tokens.append(Token("name", word, start))
        return None

    def _data(self) -> None:
        """DATA keeps its items raw up to the end of the statement."""
        start = self.pos
        i, in_string = start, False
        while i < len(self.text):
            c = self.text[i]
            if c == '"':
                in_string = not in_string
            elif c == ":" and not in_string:
                break
            i += 1
        self.tokens.append(Token("data", self.text[start:i], start))
        self.pos = i
