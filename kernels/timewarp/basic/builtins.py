"""BASIC's built-in functions and operators, as the compiled programs call them.

Compiled code refers to these by name (``_mid``, ``_idiv``...): ``HELPERS`` is the
namespace every compiled program runs in.  Most check their arguments the way GW-BASIC
does, so a bad argument is "Illegal function call" rather than a Python exception.
"""

from __future__ import annotations

import math
import struct
import time

from timewarp.basic.arrays import OffsetList, _access, _first, _index_from, _ix, _lower
from timewarp.basic.errors import BasicError, error_for_code
from timewarp.basic.mbf_arithmetic import (  # noqa: F401 (helpers of compiled programs)
    add as _sadd, divide as _sdiv, multiply as _smul, subtract as _ssub)
from timewarp.basic.numbers import LARGEST, format_number, mbf_single, print_using, val
from timewarp.basic.single_math import (  # noqa: F401 (helpers of compiled programs)
    atn as _atn, cos as _cos, exp as _exp, log as _log, power as _spow, sin as _sin, sqr as _sqr,
    tan as _tan)


def _int(x) -> int:
    """A whole number for a function argument, rounded like CINT."""
    if x.__class__ is int:
        return x
    try:
        return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))
    except (OverflowError, ValueError):
        raise BasicError("Overflow") from None


def _cint(x) -> int:
    n = _int(x)
    if not -32768 <= n <= 32767:
        raise BasicError("Overflow")
    return n


def _bound(array, dimension, upper: bool) -> int:
    """UBOUND (``upper``) or LBOUND of one dimension of an array."""
    if array is None:
        raise BasicError("Subscript out of range", detail="the array has no elements yet (DIM it)")
    n = _int(dimension)
    level = array
    for _ in range(n - 1):
        level = _first(level)
        if not isinstance(level, list):
            break
    if n < 1 or not isinstance(level, list):
        raise BasicError("Subscript out of range", detail=f"the array has no dimension {n}")
    if upper:
        return level.lower + len(level) - 1 if level.__class__ is OffsetList else len(level) - 1
    return _lower(level)


def _long(x) -> int:
    n = _int(x)
    if not -32768 <= n <= 65535:
        raise BasicError("Overflow")
    return n - 65536 if n > 32767 else n


def _idiv(a, b) -> int:
    a, b = _cint(a), _cint(b)
    if b == 0:
        return _warn("Division by zero", a)
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _mod(a, b) -> int:
    a, b = _cint(a), _cint(b)
    if b == 0:
        return _warn("Division by zero", a)
    r = abs(a) % abs(b)
    return r if a >= 0 else -r


def _pow(a, b):
    if a < 0 and b != int(b):
        raise BasicError("Illegal function call")
    try:
        result = a ** b
    except ZeroDivisionError:
        return _warn("Division by zero", 1)
    except OverflowError:
        return _warn("Overflow", -1 if a < 0 and b % 2 == 1 else 1)
    if result > LARGEST or result < -LARGEST:
        return _warn("Overflow", result)
    return result


def _spow_int(a, n: int):
    """A single to a whole power (``X ^ 3``, ``X ^ -2``) as GW-BASIC raises it: squares and
    products in its own arithmetic (see mbf_arithmetic), one reciprocal for a power below 0."""
    if n < 0:
        if a == 0:
            return _warn("Division by zero", 1)
        return _check_single(_sdiv(1.0, _power_by_squares(a, -n)))
    return _check_single(_power_by_squares(a, n))


def _power_by_squares(a, n: int):
    if n == 0:
        return 1.0
    if n == 1:
        return a
    half = _power_by_squares(a, n // 2)
    square = _smul(half, half)
    return _smul(square, a) if n % 2 else square


def _check_single(x):
    return _warn("Overflow", x) if x > LARGEST or x < -LARGEST else x


def _toolong():
    raise BasicError("String too long")


def _floor(x):
    return math.floor(x) if x.__class__ is not int else x


def _fix(x):
    return math.trunc(x) if x.__class__ is not int else x


def _sgn(x) -> int:
    return (x > 0) - (x < 0)


_CHARACTERS = {code: chr(code) for code in range(256)}


def _chr(x) -> str:
    try:
        return _CHARACTERS[x]
    except (KeyError, TypeError):
        pass
    n = _cint(x)
    if not 0 <= n <= 255:
        raise BasicError("Illegal function call")
    return chr(n)


def _asc(s: str) -> int:
    if not s:
        raise BasicError("Illegal function call")
    return ord(s[0])


def _count(x, low: int = 0, high: int = 255, detail: str = "") -> int:
    """A whole-number argument as GW-BASIC checks it (a string function's length or
    position, a device or printer number...): beyond an integer "Overflow", then outside
    ``low``-``high`` "Illegal function call"."""
    n = _cint(x)
    if not low <= n <= high:
        raise BasicError("Illegal function call", detail=detail)
    return n


def _left(s: str, n) -> str:
    return s[:_count(n)]


def _right(s: str, n) -> str:
    n = _count(n)
    return s[len(s) - n:] if n else ""


def _mid(s: str, start, length=None) -> str:
    i = _count(start, 1) - 1
    if length is None:
        return s[i:]
    return s[i:i + _count(length)]


def _mid_assign(s: str, start, length, value: str) -> str:
    i = _count(start, 1) - 1
    if i >= len(s):
        raise BasicError("Illegal function call")
    n = len(value) if length is None else min(_count(length), len(value))
    n = min(n, len(s) - i)
    return s[:i] + value[:n] + s[i + n:]


def _space(n) -> str:
    return " " * _count(n)


def _string(n, c) -> str:
    n = _count(n)
    if isinstance(c, str):
        if not c:
            raise BasicError("Illegal function call")
        return c[0] * n
    return _chr(c) * n


def _instr(start, s: str, find: str) -> int:
    i = _count(start, 1) - 1
    if i >= len(s) and s:
        return 0
    return s.find(find, i) + 1 if find or i < len(s) else (i + 1 if i <= len(s) else 0)


def _str(x, double: bool = False) -> str:
    return format_number(x, double)


def _hex(x) -> str:
    return f"{_long(x) & 0xFFFF:X}"


def _oct(x) -> str:
    return f"{_long(x) & 0xFFFF:o}"


def _bool(x) -> int:
    return -1 if x else 0


def _not(x) -> int:
    return ~_cint(x)


def _and(a, b) -> int:
    return _cint(a) & _cint(b)


def _or(a, b) -> int:
    return _cint(a) | _cint(b)


def _xor(a, b) -> int:
    return _cint(a) ^ _cint(b)


def _eqv(a, b) -> int:
    return ~(_cint(a) ^ _cint(b))


def _imp(a, b) -> int:
    return ~_cint(a) | _cint(b)


def _timer() -> float:
    now = time.localtime()
    return now.tm_hour * 3600 + now.tm_min * 60 + now.tm_sec + time.time() % 1


def _csng(x):
    return float(x)


def _square(x):
    return x * x


def _ssquare(x):
    return _smul(x, x)


def _undefined_fn(*_arguments):
    raise BasicError("Undefined user function")


def _fail(kind: str, detail: str = ""):
    raise BasicError(kind, detail=detail)


def _point(rt, x, y=None) -> int:
    from timewarp.basic.graphics import point
    return point(rt, x, y)


def _pmap(rt, value, function) -> float:
    from timewarp.basic.graphics import pmap
    return pmap(rt, value, function)


_FLOAT32 = struct.Struct("f")
_PACK, _UNPACK = _FLOAT32.pack, _FLOAT32.unpack
_NORMAL = 2.0 ** -126


def _single(x: float) -> float:
    """``x`` rounded to a GW-BASIC single, as FOR adds its STEP and CDBL widens it: past
    the largest single it warns "Overflow"; below the smallest it is 0."""
    try:
        y = _UNPACK(_PACK(x))[0]
    except OverflowError:
        y = x
    if _NORMAL <= y <= LARGEST or -LARGEST <= y <= -_NORMAL:
        return y
    if -LARGEST <= y <= LARGEST:
        return mbf_single(x)
    return _warn("Overflow", y)


class FloatRange:
    """The values of a FOR loop that counts in fractions; ``value`` ends one step past."""

    __slots__ = ("value", "end", "step", "single")

    def __init__(self, start, end, step, single: bool) -> None:
        self.value = _single(start) if single else start
        self.end, self.step, self.single = end, step, single
        if (self.value > end) if step >= 0 else (self.value < end):
            self.value = self._after(self.value)   # a loop that never runs still steps once

    def __iter__(self):
        return self

    def __next__(self):
        x = self.value
        if (x > self.end) if self.step >= 0 else (x < self.end):
            raise StopIteration
        self.value = self._after(x)
        return x

    def _after(self, x):
        return _single(_sadd(x, self.step)) if self.single else x + self.step


def _frange(start, end, step=1, single=True):
    """The values a FOR loop runs through: a fast ``range`` when they are whole numbers."""
    if ((start.__class__ is int or start.is_integer()) and step
            and (step.__class__ is int or step.is_integer())):
        start, step = int(start), int(step)
        try:
            stop = math.floor(end) + 1 if step > 0 else math.ceil(end) - 1
        except (OverflowError, ValueError):
            raise BasicError("Overflow") from None
        return range(start, stop, step)
    return FloatRange(start, end, step, single)


def _fend(values):
    """The loop variable after a FOR loop ran to its end: one step past the last value, or
    past the start when it never ran (GW-BASIC's FOR goes through its NEXT even then)."""
    if values.__class__ is range:
        return values.start + max(len(values), 1) * values.step
    return values.value


def _using(template: str, values: list, types: str = "") -> str:
    return print_using(template, values, types)


def _upto(end) -> int:
    """The ``stop`` of a counting-up range that includes ``end``."""
    if end.__class__ is int:
        return end + 1
    try:
        return math.floor(end) + 1
    except (OverflowError, ValueError):
        raise BasicError("Overflow") from None


def _downto(end) -> int:
    if end.__class__ is int:
        return end - 1
    try:
        return math.ceil(end) - 1
    except (OverflowError, ValueError):
        raise BasicError("Overflow") from None


def _error_number(code) -> BasicError:
    n = _int(code)
    if not 1 <= n <= 255:
        return BasicError("Illegal function call")
    return error_for_code(n)


#: The runtimes of the programs running now (the innermost last), for warnings.
_CURRENT: list = []


def _warn(message: str, sign) -> float:
    """A warning from a helper that has no runtime at hand: the running program's."""
    if not _CURRENT:
        raise BasicError(message)
    return _CURRENT[-1].warn(message, sign)


def _same(a, b) -> bool:
    """= between single-precision numbers: equal to seven digits, as GW-BASIC sees them."""
    if a == b:
        return True
    try:
        return _FLOAT32.pack(a) == _FLOAT32.pack(b)
    except (OverflowError, struct.error):
        return False


#: The namespace compiled programs run in: every helper above by its own name.
HELPERS = {name: value for name, value in globals().items()
           if name.startswith("_") and not name.startswith("__")
           and (callable(value) or name == "_CHARACTERS")}
HELPERS.update(_val=val, _fmt=format_number, BasicError=BasicError,
               _ix=_ix, _access=_access, _index_from=_index_from)

from timewarp.basic.file_functions import HELPERS as _FILE_HELPERS  # noqa: E402 - after the table

HELPERS.update(_FILE_HELPERS)
