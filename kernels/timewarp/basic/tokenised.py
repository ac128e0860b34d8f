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
holds them.  SAVE writes text (the notebook's files are meant to be read), which LOAD reads as
well as this binary form.
"""

from __future__ import annotations

import struct

from timewarp.basic.errors import BasicError
from timewarp.basic.file_functions import mbf_value
from timewarp.basic.numbers import format_number

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


class ProtectedLines(list):
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


def detokenise(data: bytes) -> list[tuple[int, str]]:
    """The numbered lines of a tokenised program file, as LIST shows them (as
    :class:`ProtectedLines` for a protected one)."""
    if data[:1] == b"\xfe":
        return ProtectedLines(detokenise(decipher(data)))
    if data[:1] != b"\xff":
        raise BasicError("Bad file mode", detail="not a GW-BASIC program file")
    lines, at = [], 1
    # Each line ends at its zero byte (read token by token: a number may hold zeros), and
    # the next begins after it, whatever the pointer says, as GW-BASIC's LOAD reads it.
    while at + 4 <= len(data):
        pointer, number = struct.unpack_from("<HH", data, at)
        if pointer == 0:
            break
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
                self.out.append(_char(byte))
            self.last_token = None
        return "".join(self.out)

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
            raise BasicError("Bad file mode",
                             detail=f"byte &H{byte:02X} is no GW-BASIC keyword")
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
