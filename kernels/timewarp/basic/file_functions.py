"""BASIC's file functions that turn numbers into stored bytes and back, and where each
built-in file function's Python lives (MKI$, CVI, LOC, LOF, INPUT$...; see file_commands).

Integers are stored little-endian, singles and doubles in Microsoft Binary Format, as
GW-BASIC stores them, so records written by old programs read back the same.
"""

from __future__ import annotations

import math
import struct

from timewarp.basic.errors import BasicError

#: Functions read where a name is followed by "(": name -> (argument types, result type).
CONTEXT_FUNCTIONS = {"LOC": ("n", "!"), "LOF": ("n", "!"), "MKI$": ("n", "$"),
                     "MKS$": ("n", "$"), "MKD$": ("n", "$"), "CVI": ("$", "%"),
                     "CVS": ("$", "!"), "CVD": ("$", "#"), "LPOS": ("n", "%"),
                     "STICK": ("n", "%")}
FUNCTION_CODE = {"LOC": "_rt.files.loc({0})", "LOF": "_rt.files.lof({0})",
                 "MKI$": "_mki({0})", "MKS$": "_mkbf({0}, 4)", "MKD$": "_mkbf({0}, 8)",
                 "MKD$ of a single": "_mkbf(_single({0}), 8)",
                 "CVI": "_cvi({0})", "CVS": "_cvbf({0}, 4)", "CVD": "_cvbf({0}, 8)",
                 "INPUT$": "_rt.files.input_chars({0}, {1})",
                 "LPOS": "_rt.files.lpos({0})", "STICK": "_no_device({0})",
                 "EXTERR": "_no_device({0})"}       # EXTERR is a keyword (lexer), ERR in it


def _no_device(n) -> int:
    """STICK(n) with no joystick, EXTERR(n) with no DOS error: 0 for n from 0 to 3."""
    from timewarp.basic.builtins import _count
    _count(n, 0, 3, "it takes 0 to 3")
    return 0


def _mki(x) -> str:
    n = int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))
    if not -32768 <= n <= 32767:
        raise BasicError("Overflow")
    return struct.pack("<h", n).decode("latin-1")


def _cvi(text: str) -> int:
    if len(text) < 2:
        raise BasicError("Illegal function call")
    return struct.unpack("<h", text[:2].encode("latin-1"))[0]


def _mkbf(x, size: int) -> str:
    """Microsoft Binary Format: mantissa bytes low first (sign in the top bit of the
    mantissa's top byte), then the exponent biased by 128."""
    if x == 0:
        return "\0" * size
    bits = 8 * (size - 1)
    m, e = math.frexp(abs(x))
    mantissa = round(m * (1 << bits))
    if mantissa >> bits:
        mantissa >>= 1
        e += 1
    if e + 128 > 255:
        raise BasicError("Overflow")
    if e + 128 <= 0:
        return "\0" * size
    mantissa &= (1 << (bits - 1)) - 1
    if x < 0:
        mantissa |= 1 << (bits - 1)
    return (mantissa.to_bytes(size - 1, "little") + bytes([e + 128])).decode("latin-1")


def _cvbf(text: str, size: int) -> float:
    if len(text) < size:
        raise BasicError("Illegal function call")
    return mbf_value(text[:size].encode("latin-1"))


def mbf_value(raw: bytes) -> float:
    """A Microsoft Binary Format number (4 bytes a single, 8 a double) as a float."""
    size = len(raw)
    exponent = raw[-1]
    if exponent == 0:
        return 0.0
    bits = 8 * (size - 1)
    mantissa = int.from_bytes(raw[:-1], "little")
    negative = mantissa >> (bits - 1)
    mantissa |= 1 << (bits - 1)
    value = math.ldexp(mantissa, exponent - 128 - bits)
    return -value if negative else value


HELPERS = {"_mki": _mki, "_cvi": _cvi, "_mkbf": _mkbf, "_cvbf": _cvbf, "_no_device": _no_device}


