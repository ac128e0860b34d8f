"""GW-BASIC's own program files: the tokenised form that ``SAVE "GAME"`` wrote (without ``, A``).

Most programs kept on old disks and in archives were saved this way, so LOAD, RUN "file" and
CHAIN read them as GW-BASIC does: the file is ``&HFF`` and then the program's lines, each a
two-byte pointer to the next line (zero ends the program), a two-byte line number, the line's
bytes, and a zero byte.  In a line, bytes from &H80 up (and the pairs that begin with &HFD,
&HFE or &HFF) stand for keywords, a few low bytes introduce numbers, and the rest are the
characters typed.  :func:`detokenise` turns it back into the text LIST shows, with LIST's own
quirks (``:ELSE`` shows as ``ELSE``, ``:REM'`` as ``'``, two keywords in a row get a blank
between them).

A program saved with ``, P`` (GW-BASIC's protected form, &HFE and the same bytes enciphered)
is deciphered and runs, but, as in GW-BASIC, it is never listed or saved: the lines come back as
:class:`ProtectedLines`, and the program in memory refuses LIST, SAVE and new lines while it
holds them.

:func:`tokenise` is the other way: the file GW-BASIC's SAVE writes, which ``timewarp basic``'s
prompt writes as GW-BASIC did (in a notebook SAVE writes text, since the notebook's files are
meant to be read), and ``SAVE "X", P`` writes enciphered (:func:`protect`) everywhere.  Its
reading of a line (:func:`tokenise_line`) is also how RENUM finds the line numbers a line
refers to: exactly the numbers GW-BASIC stored as line numbers, after GOTO, THEN, ERL, LIST...
"""

from __future__ import annotations

import math
import string
import struct

from timewarp.basic.errors import BasicError
from timewarp.basic.file_functions import _mkbf, mbf_value
from timewarp.basic.numbers import format_number, significant_digits, single_constant

#: Keywords of one byte, from &H81 on (``_``: a byte GW-BASIC gives no keyword).
_ONE_BYTE = (
    "END FOR NEXT DATA INPUT DIM READ LET GOTO RUN IF RESTORE GOSUB RETURN REM STOP PRINT CLEAR "
    "LIST NEW ON WAIT DEF POKE CONT _ _ OUT LPRINT LLIST _ WIDTH ELSE TRON TROFF SWAP ERASE EDIT "
    "ERROR RESUME DELETE AUTO RENUM DEFSTR DEFINT DEFSNG DEFDBL LINE WHILE WEND CALL _ _ _ WRITE "
    "OPTION RANDOMIZE OPEN CLOSE LOAD MERGE SAVE COLOR CLS MOTOR BSAVE BLOAD SOUND BEEP PSET "
    "PRESET SCREEN KEY LOCATE _ TO THEN TAB( STEP USR FN SPC( NOT ERL ERR STRING$ USING INSTR ' "
    "VARPTR CSRLIN POINT OFF INKEY$ _ _ _ _ _ _ _ > = < + - * / ^ AND OR XOR EQV IMP MOD \\"
).split(" ")
#: The two-byte keywords: &HFD, &HFE and &HFF, then a byte from &H81 on.
_TWO_BYTE = {
    0xFD: "CVI CVS CVD MKI$ MKS$ MKD$ _ _ _ _ EXTERR".split(),
    0xFE: ("FILES FIELD SYSTEM NAME LSET RSET KILL PUT GET RESET COMMON CHAIN DATE$ TIME$ PAINT "
           "COM CIRCLE DRAW PLAY TIMER ERDEV IOCTL CHDIR MKDIR RMDIR SHELL ENVIRON VIEW WINDOW "
           "PMAP PALETTE LCOPY CALLS _ _ _ PCOPY _ LOCK UNLOCK").split(),
    0xFF: ("LEFT$ RIGHT$ MID$ SGN INT ABS SQR RND SIN LOG EXP COS TAN ATN FRE INP POS LEN STR$ "
           "VAL ASC CHR$ PEEK SPACE$ OCT$ HEX$ LPOS CINT CSNG CDBL FIX PEN STICK STRIG EOF LOC "
           "LOF").split(),
}
_OPERATORS = set("><=+-*/^\\")
_REM, _ELSE, _QUOTE, _DATA, _WHILE, _PLUS = 0x8F, 0xA1, 0xD9, 0x84, 0xB1, 0xE9
#: Keywords after which LIST puts no blank before another keyword (``FNPRINT``).
_NO_BLANK_AFTER = {0xD0, 0xD1}

PLAIN, PROTECTED = 0xFF, 0xFE


def is_tokenised(data: bytes) -> bool:
    """Whether a program file is in GW-BASIC's binary form (plain or protected)."""
    return data[:1] in (b"\xff", b"\xfe")


class BinaryLines(list):
    """The lines of a program read from a binary file, and ``tail``: the bytes the file held
    after the program's end, which GW-BASIC's LOAD read into memory along with it and its
    SAVE writes out again."""

    tail = b""


class LetteredLine(str):
    """A line's text whose ``names`` (start -> end in the text) are a name's letters that
    spell a keyword (``PRINT=1``): GW-BASIC's tokeniser never stores a keyword as letters, but
    a binary file made another way can, and GW-BASIC then reads them as a variable. The
    lexer (timewarp.basic.lexer) and SAVE (_LineWriter) keep them a name; the line typed
    again, or changed in any way, is a plain ``str`` and reads them as the keyword."""

    names: dict[int, int]

    def __new__(cls, text: str, names: dict[int, int]):
        line = super().__new__(cls, text)
        line.names = names
        return line


class ProtectedLines(BinaryLines):
    """The lines of a program saved protected: run, never listed."""


#: GW-BASIC's cipher for protected files works on each byte after the first with two keys
#: that repeat every 11 and every 13 bytes; only their XOR matters, held here as one table
#: per key (worked out from a program GW-BASIC saved both ways).
_KEY11 = bytes((183, 180, 109, 222, 143, 62, 73, 221, 240, 33, 213))
_KEY13 = bytes((0, 45, 36, 100, 220, 42, 234, 202, 141, 42, 176, 94, 51))


def decipher(data: bytes) -> bytes:
    """A protected program file (&HFE ...) as the plain binary file (&HFF ...) it hides."""
    out = bytearray(b"\xff")
    for i, byte in enumerate(data[1:]):
        byte = ((byte - 11 + i % 11) & 0xFF) ^ _KEY11[i % 11] ^ _KEY13[i % 13]
        out.append((byte + 13 - i % 13) & 0xFF)
    return bytes(out)


def protect(data: bytes) -> bytes:
    """A plain binary program file (&HFF ... &H1A) as GW-BASIC's ``SAVE "X", P`` writes it:
    :func:`decipher` undone on every byte between the first and the closing Ctrl-Z."""
    out = bytearray(b"\xfe")
    for i, byte in enumerate(data[1:-1]):
        byte = ((byte - 13 + i % 13) & 0xFF) ^ _KEY11[i % 11] ^ _KEY13[i % 13]
        out.append((byte + 11 - i % 11) & 0xFF)
    return bytes(out) + data[-1:]


def detokenise(data: bytes) -> list[tuple[int, str]]:
    """The numbered lines of a tokenised program file, as LIST shows them (as
    :class:`ProtectedLines` for a protected one)."""
    if data[:1] == b"\xfe":
        plain = detokenise(decipher(data))
        protected = ProtectedLines(plain)
        protected.tail = plain.tail
        return protected
    if data[:1] != b"\xff":
        raise BasicError("Bad file mode", detail="not a GW-BASIC program file")
    lines, at = BinaryLines(), 1
    # Each line ends at its zero byte (read token by token: a number may hold zeros), and
    # the next begins after it, whatever the pointer says, as GW-BASIC's LOAD reads it.
    while at + 2 <= len(data):
        pointer, = struct.unpack_from("<H", data, at)
        if pointer == 0:
            lines.tail = data[at + 2:]
            break
        if at + 4 > len(data):
            break
        number, = struct.unpack_from("<H", data, at + 2)
        reader = _LineReader(data, at + 4)
        lines.append((number, reader.text()))
        at = reader.at + 1
    return lines


class _LineReader:
    """One line's bytes, from ``start`` to its zero byte (or the end of a file cut short),
    as text; ``at`` is then at the zero byte."""

    def __init__(self, data: bytes, start: int) -> None:
        self.data, self.at, self.end = data, start, len(data)
        self.out: list[str] = []                   # one character each
        self.last_token: int | None = None
        self.plain: list[int] = []                 # where a name's character was stored

    def text(self) -> str:
        data = self.data
        while self.at < self.end:
            byte = data[self.at]
            if byte == 0:
                break
            self.at += 1
            if byte == 0x22:                              # a string, to its closing quote
                self.out.append('"')
                self._literal_until(lambda b: b == 0x22, include_stop=True)
            elif byte == 0x3A and self._ahead(_REM, _QUOTE):
                self.at += 2
                self._keyword(_QUOTE, "'")
                self._literal_until(lambda b: False)
            elif byte >= 0x80 or byte in range(0x0B, 0x20):
                self._token(byte)
                continue
            else:
                if chr(byte) in _NAME_CHARS:
                    self.plain.append(len(self.out))
                self.out.append(_char(byte))
            self.last_token = None
        text = "".join(self.out)
        names = self._keywords_spelled()
        return LetteredLine(text, names) if names else text

    def _keywords_spelled(self) -> dict[int, int]:
        """The runs of a name's characters, stored as characters, that are a keyword."""
        from timewarp.basic.lexer import KEYWORDS
        names, plain, out = {}, self.plain, self.out
        i = 0
        while i < len(plain):
            start = end = plain[i]
            while i + 1 < len(plain) and plain[i + 1] == end + 1:
                i, end = i + 1, end + 1
            i += 1
            whole = (start == 0 or out[start - 1] not in _NAME_CHARS)
            if whole and out[start].isalpha() and "".join(out[start:end + 1]).upper() in KEYWORDS:
                names[start] = end + 1
        return names

    def _ahead(self, *values: int) -> bool:
        return tuple(self.data[self.at:self.at + len(values)]) == values

    def _take(self, count: int) -> bytes:
        if self.at + count > self.end:
            raise BasicError("Bad file mode", detail="a number is cut short in the file")
        chunk = self.data[self.at:self.at + count]
        self.at += count
        return chunk

    def _literal_until(self, stop, include_stop: bool = False) -> None:
        """Characters as typed (in a string, a remark, DATA) up to ``stop``."""
        while self.at < self.end:
            byte = self.data[self.at]
            if byte == 0:
                return
            if stop(byte):
                if include_stop:
                    self.out.append(_char(byte))
                    self.at += 1
                return
            self.out.append(_char(byte))
            self.at += 1

    def _token(self, byte: int) -> None:
        if byte < 0x20:
            self.out.extend(self._number(byte))
            self.last_token = None
            return
        code = byte
        if byte in _TWO_BYTE:
            if self.at >= self.end:
                raise BasicError("Bad file mode", detail="a keyword is cut short in the file")
            second = self.data[self.at]
            self.at += 1
            table = _TWO_BYTE[byte]
            index = second - 0x81
            word = table[index] if 0 <= index < len(table) else "_"
            code = byte << 8 | second
        else:
            word = _ONE_BYTE[byte - 0x81] if 0x81 <= byte < 0x81 + len(_ONE_BYTE) else "_"
        if word == "_":
            # No keyword has this code: GW-BASIC's LIST shows whatever its tables hold
            # there. The byte is kept as its character, which no statement takes: the line
            # is a Syntax error when it runs (as in GW-BASIC, whose name stops at the byte).
            self.out.extend(_char(b) for b in self.data[self.at - (code > 0xFF) - 1:self.at])
            self.last_token = None
            return
        if byte == _ELSE:
            # LIST writes ELSE over the character before it, which is the colon that
            # ":ELSE" holds (and, at the start of a line, loses the E: "LSE").
            if self.out:
                self.out.pop()
                self.out.extend("ELSE")
            else:
                self.out.extend("LSE")
            self.last_token = code
            return
        self._keyword(code, word)
        if byte == _WHILE and self._ahead(_PLUS):
            self.at += 1                                  # WHILE is kept as WHILE +
        if byte in (_REM, _QUOTE):
            self._literal_until(lambda b: False)
        elif byte == _DATA:
            quoted = [False]

            def stop(b: int) -> bool:
                if b == 0x22:
                    quoted[0] = not quoted[0]
                return b == 0x3A and not quoted[0]
            self._literal_until(stop)

    def _keyword(self, code: int, word: str) -> None:
        if self._needs_blank(word):
            self.out.append(" ")
        self.out.extend(word)
        self.last_token = code

    def _needs_blank(self, word: str) -> bool:
        """LIST's blank between two keywords in a row (``PRINT PRINT``), never after FN
        or USR (``FNPRINT``)."""
        return (word[0].isalpha() and self.last_token is not None
                and self.last_token not in _NO_BLANK_AFTER
                and bool(self.out) and self.out[-1].isalnum())

    def _number(self, byte: int) -> str:
        if 0x11 <= byte <= 0x1B:
            return str(byte - 0x11)
        if byte == 0x0F:
            return str(self._take(1)[0])
        if byte in (0x0D, 0x0E):                          # a line number (or its pointer)
            return str(struct.unpack("<H", self._take(2))[0])
        if byte == 0x0B:
            return f"&O{struct.unpack('<H', self._take(2))[0]:o}"
        if byte == 0x0C:
            return f"&H{struct.unpack('<H', self._take(2))[0]:X}"
        if byte == 0x1C:
            return str(struct.unpack("<h", self._take(2))[0])
        if byte == 0x1D:
            text = format_number(mbf_value(self._take(4))).lstrip()
            return text if "." in text or "E" in text else text + "!"
        if byte == 0x1F:
            text = format_number(mbf_value(self._take(8)), double=True).lstrip()
            return text if "D" in text else text + "#"
        raise BasicError("Bad file mode", detail=f"byte &H{byte:02X} is no GW-BASIC number")


def _char(byte: int) -> str:
    # A line feed or carriage return typed into a line (GW-BASIC keeps them) would end the
    # line of text it becomes: it stays in the line as a blank.
    return " " if byte in (0x0A, 0x0D) else bytes([byte]).decode("cp437")


#: Where GW-BASIC keeps the first line of a program (with no /F or /M options); the pointers
#: to the next line that SAVE writes are addresses from here.
PROGRAM_START = 0x126E
_TOKEN = {word: bytes([0x81 + i]) for i, word in enumerate(_ONE_BYTE) if word != "_"}
_TOKEN.update({word: bytes([lead, 0x81 + i]) for lead, table in _TWO_BYTE.items()
               for i, word in enumerate(table) if word != "_"})
#: Keywords after which numbers are line numbers (ERL too: ``IF ERL = 100``).
_JUMP_WORDS = frozenset("GOTO THEN ELSE GOSUB LIST RENUM EDIT LLIST DELETE RUN RESUME AUTO "
                        "ERL RESTORE RETURN".split())
#: Keywords that may run straight into a name (``FNA``, ``USR0``); others must end there.
_PREFIX_WORDS = frozenset(("FN", "SPC(", "TAB(", "USR"))
_NAME_CHARS = frozenset(string.ascii_letters + string.digits + ".")
_BLANKS = " \t\n"
_DIGITS = frozenset(string.digits)


def tokenise(lines: list[tuple[int, str]], tail: bytes = b"") -> bytes:
    """A program (numbered lines as typed) as the binary file GW-BASIC's SAVE writes
    (``tail``: what a binary file LOAD read held after the program)."""
    out, address = bytearray(b"\xff"), PROGRAM_START
    for number, text in lines:
        body = tokenise_line(text)[0]
        address += 5 + len(body)
        out += struct.pack("<HH", address, number) + body + b"\0"
    return bytes(out + b"\0\0" + tail + b"\x1a")


def tokenise_line(text: str) -> tuple[bytes, list[tuple[int, int, int]]]:
    """One line's text (after its number) as GW-BASIC stores it, and where in ``text`` the
    line numbers it refers to stand: (start, end, number) each."""
    writer = _LineWriter(text)
    writer.run()
    return bytes(writer.out), writer.jumps


class _LineWriter:
    """GW-BASIC's tokeniser, character by character.  Two flags carry its context: whether a
    number may stand here (after a keyword, an operator or a separator, not after a name:
    ``OPTION BASE 1`` keeps its 1 as typed) and whether it is a line number."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.end = text, 0, len(text)
        self.names = getattr(text, "names", {})     # see LetteredLine
        self.out = bytearray()
        self.jumps: list[tuple[int, int, int]] = []
        self.number_may_follow, self.line_number_may_follow = True, False
        self.in_spc_or_tab = False

    def peek(self, count: int = 1) -> str:
        return self.text[self.at:self.at + count]

    def write_text(self, chars: str) -> None:
        self.out += chars.encode("cp437", "replace")

    def run(self) -> None:
        while self.at < self.end:
            c = self.text[self.at]
            if c == "\0":                     # GW-BASIC ignores the rest of the line
                return
            if c in _BLANKS:
                self.write_text(c)
                self.at += 1
            elif c == '"':
                close = self.text.find('"', self.at + 1)
                close = self.end if close < 0 else close + 1
                self.write_text(self.text[self.at:close])
                self.at = close
            elif self.number_may_follow and self.line_number_may_follow and c in "0123456789.":
                self._line_number()
            elif c == "&" or (self.number_may_follow and c in "0123456789."):
                self._number()
            elif c in "+-=/\\^*<>":
                self.out += _TOKEN[c]
                self.at += 1
                self.number_may_follow = True     # LIST 100-200: still line numbers
            elif c == "'":
                self.out += b":" + _TOKEN["REM"] + _TOKEN["'"]
                self.write_text(self.text[self.at + 1:])
                return
            elif c == "?":
                self.out += _TOKEN["PRINT"]
                self.at += 1
                self.number_may_follow = True
            elif self.at in self.names:
                self.write_text(self.text[self.at:self.names[self.at]].upper())
                self.at = self.names[self.at]
                self.number_may_follow = self.line_number_may_follow = False
            elif c.isascii() and c.isalpha():
                if self._word():
                    return
            else:
                self._other(c)

    def _other(self, c: str) -> None:
        self.at += 1
        if c in ",#;([":
            self.number_may_follow = True
        elif c == ")":
            if self.in_spc_or_tab:                # PRINT TAB(5) 7: 7 is no line number
                self.in_spc_or_tab = self.line_number_may_follow = False
            self.number_may_follow = True
        else:
            self.number_may_follow = self.line_number_may_follow = False
        self.write_text(c if " " <= c <= "\x7f" or not c.isascii() else " ")

    def _line_number(self) -> None:
        """Up to five digits, blanks between them allowed; GW-BASIC stops when the number
        passes 6552, so 65530 and more never are one."""
        start, digits, at = self.at, "", self.at
        while len(digits) < 5 and at < self.end:
            c = self.text[at]
            if c in _DIGITS:
                digits += c
                at += 1
                end = at
                if int(digits) > 6552:
                    break
            elif c in _BLANKS:
                at += 1
            else:
                break
        if not digits:                            # GOTO .: the current line
            self.write_text(".")
            self.at += 1
            return
        self.at = end
        number = int(digits)
        self.out += b"\x0e" + struct.pack("<H", number)
        self.jumps.append((start, end, number))

    def _word(self) -> bool:
        """A keyword's token or a name's capitals; True when the rest is a remark."""
        word = ""
        while True:
            c = self.peek()
            self.at += len(c)
            word += c.upper()
            runs_on = False
            if word == "GO":
                word, runs_on = self._spaced_go()
            token = _TOKEN.get(word)
            if token is not None:
                if (word not in _PREFIX_WORDS and not runs_on
                        and self.peek() and self.peek() in _NAME_CHARS):
                    continue                      # TOTAL is a name, not TO
                if word == "ELSE":
                    self.out += b":"
                self.out += token
                if word == "WHILE":
                    self.out += _TOKEN["+"]
                break
            if not c or c not in _NAME_CHARS:
                if c:
                    word = word[:-1]
                    self.at -= 1
                self.write_text(word)
                break
        if word == "REM":
            self.write_text(self.text[self.at:])
            return True
        if word == "DATA":
            self._data()
        else:
            self.line_number_may_follow = word in _JUMP_WORDS
            self.number_may_follow = word in _TOKEN
            if word in ("SPC(", "TAB("):
                self.in_spc_or_tab = True
        return False

    def _spaced_go(self) -> tuple[str, bool]:
        """GW-BASIC's own reading of GO TO and GO SUB typed apart: ``GO SUB`` with one blank
        (a name may follow: ``GO SUBTLE`` is GOSUB TLE), ``GO TO`` with one blank and no name
        after, and ``GO  TO`` with more blanks (then a name may follow)."""
        ahead = self.peek(4).upper()
        if ahead == " SUB":
            self.at += 4
            return "GOSUB", True
        if ahead[:3] == " TO" and ahead[3:4] and ahead[3:4] not in _NAME_CHARS:
            self.at += 3
            return "GOTO", False
        if ahead[:2] == "  ":
            at = self.at
            while at < self.end and self.text[at] == " ":
                at += 1
            if self.text[at:at + 2].upper() == "TO":
                self.at = at + 2
                return "GOTO", True
        return "GO", False

    def _data(self) -> None:
        """DATA's items as typed, to the end of the statement (a quoted colon stays)."""
        quoted = False
        while self.at < self.end:
            c = self.text[self.at]
            if c == '"':
                quoted = not quoted
            elif c == ":" and not quoted:
                break
            self.write_text(c)
            self.at += 1

    def _number(self) -> None:
        if self.text[self.at] == "&":
            self._radix_number()
            return
        start, at, text = self.at, self.at, self.text
        point = exponent = False
        suffix = ""
        while at < self.end:
            c = text[at].upper()
            if c == "." and not point and not exponent:
                point = True
            elif c in "ED" and not exponent:
                if c == "E" and text[at + 1:at + 2].upper() in ("L", "Q"):
                    break                         # 1ELSE, 1EQV
                exponent = True
            elif c in "+-" and text[at - 1:at].upper() in ("E", "D") and exponent:
                pass
            elif c in _DIGITS or c in _BLANKS:
                pass
            elif c in "!#" and not exponent:
                suffix = c
                at += 1
                break
            elif c == "%":
                at += 1                           # GW-BASIC swallows it: 10% is 10
                break
            else:
                break
            at += 1
        taken = text[start:at].rstrip(_BLANKS)        # blanks after it are not its own
        self.at = start + len(taken)
        self.out += _number_token("".join(taken.rstrip("%!#").split()).upper(), suffix)

    def _radix_number(self) -> None:
        text, at = self.text, self.at + 1
        if text[at:at + 1].upper() == "H":
            at += 1
            begin = at
            while at < self.end and text[at] in string.hexdigits:
                at += 1
            digits, base, lead = text[begin:at], 16, b"\x0c"
        else:
            if text[at:at + 1].upper() == "O":
                at += 1
            begin = at
            while at < self.end and (text[at] in string.octdigits or text[at] in _BLANKS):
                at += 1
            digits, base, lead = "".join(text[begin:at].split()), 8, b"\x0b"
        self.at = at
        self.out += lead + struct.pack("<H", int(digits or "0", base) & 0xFFFF)


def _number_token(literal: str, suffix: str) -> bytes:
    """A number's token: an integer (small ones in one byte), a single or a double (past
    the largest, the largest: GW-BASIC says Overflow and goes on with it)."""
    if not suffix and literal.isdigit() and int(literal) <= 32767:
        value = int(literal)
        if value < 10:
            return bytes([0x11 + value])
        if value < 256:
            return bytes([0x0F, value])
        return b"\x1c" + struct.pack("<h", value)
    literal = literal.rstrip("+-").rstrip("ED") or "0"     # 1E alone is 1
    mantissa = literal.replace("D", "E").split("E")[0]
    double = suffix == "#" or "D" in literal or (suffix != "!" and significant_digits(mantissa) > 7)
    size = 8 if double else 4
    try:
        value = float(literal.replace("D", "E")) if double else single_constant(literal)
        if math.isinf(value):
            raise BasicError("Overflow")
        packed = _mkbf(value, size).encode("latin-1")
    except BasicError:
        packed = b"\xff" * (size - 2) + b"\x7f\xff"
    return (b"\x1f" if double else b"\x1d") + packed
