"""SQR, LOG, EXP, SIN, COS, TAN, ATN and ``^`` with a single-precision power, as PC-BASIC
computes them for GW-BASIC programs.

GW-BASIC computes these with its own short series on 24-bit singles, and the last bit often
comes out low: PC-BASIC, the project's reference, prints ``SQR(2)`` as 1.414213 and ``LOG(2)``
as .6931471, where the exact values round to 1.414214 and .6931472.  It gets there by
computing the exact (double) value and cutting it to a single's mantissa, finding the binary
exponent with a rounding toward zero that leaves results below 2**23 one bit shorter
(23 bits); ``cut`` does the same, so tables of square roots, logarithms and sines print the
reference's digits.  The argument is made a single first, as GW-BASIC holds it.  A power with
an integer exponent (``X ^ 2``, ``X ^ N%``) is GW-BASIC's repeated multiplication and stays in
builtins._pow.

Only programs that call these functions pay for the few steps this takes.
"""

from __future__ import annotations

import math

from timewarp.basic.errors import BasicError
from timewarp.basic.numbers import LARGEST, mbf_single

_LOW, _HIGH = 1 << 23, 1 << 24       # a single's mantissa: 24 bits, the top one set
_HUGE = 2.0 ** 128
_TRIG_LIMIT = 5e16    # beyond this a single has no fraction left: PC-BASIC gives SIN 0, COS 1


def cut(y: float) -> float:
    """``y`` cut toward zero to 23 or 24 bits as above; below the smallest single it is 0,
    past the largest it warns "Overflow" and is the largest of its sign."""
    if y == 0:
        return 0.0
    size = abs(y)
    if size > _HUGE:                      # inf included
        return _overflow(y)
    exponent = int(math.log(size, 2) - 23)  # noqa: FURB163 (as PC-BASIC: toward zero, one high below 2**23)
    mantissa = int(size * 2.0 ** -exponent)
    while mantissa < _LOW:
        mantissa, exponent = mantissa << 1, exponent - 1
    while mantissa >= _HIGH:
        mantissa, exponent = mantissa >> 1, exponent + 1
    if exponent > 103:                    # 2**24 * 2**103 is past the largest single
        return _overflow(y)
    if exponent < -151:                   # below 2**-128, the smallest single
        return 0.0
    value = math.ldexp(float(mantissa), exponent)
    return value if y > 0 else -value


def _overflow(sign: float) -> float:
    return _warn("Overflow", sign)


def _single(x) -> float:
    """The argument as a single; a double past the largest single is GW-BASIC's Overflow
    error (``SIN(1.7D+38)``)."""
    if x.__class__ is int:
        return x
    y = mbf_single(x)
    if not -LARGEST <= y <= LARGEST:
        raise BasicError("Overflow")
    return y


def sqr(x) -> float:
    if x < 0:
        raise BasicError("Illegal function call")
    return cut(math.sqrt(_single(x)))


def log(x) -> float:
    if x <= 0:
        raise BasicError("Illegal function call")
    return cut(math.log(_single(x)))


def exp(x) -> float:
    try:
        return cut(math.exp(_single(x)))
    except OverflowError:
        return _overflow(1)


def sin(x) -> float:
    x = _single(x)
    return cut(math.sin(x)) if -_TRIG_LIMIT < x < _TRIG_LIMIT else 0.0


def cos(x) -> float:
    x = _single(x)
    return cut(math.cos(x)) if -_TRIG_LIMIT < x < _TRIG_LIMIT else 1.0


def tan(x) -> float:
    x = _single(x)
    return cut(math.tan(x)) if -_TRIG_LIMIT < x < _TRIG_LIMIT else 0.0


def atn(x) -> float:
    return cut(math.atan(_single(x)))


def power(a, b) -> float:
    """``a ^ b`` for a single-precision ``b`` (an integer ``b`` goes to builtins._pow)."""
    a, b = _single(a), _single(b)
    if a < 0 and not float(b).is_integer():
        raise BasicError("Illegal function call")
    try:
        y = a ** b
    except ZeroDivisionError:
        return _warn("Division by zero", 1)
    except OverflowError:
        y = _HUGE
    # Past the largest single it is the largest positive one, whatever the sign (PC-BASIC
    # gives a function that overflows its positive limit): (-1E-33) ^ -3333 is 1.701412E+38.
    return _overflow(1) if abs(y) >= _HUGE else cut(y)


def _warn(message: str, sign) -> float:
    from timewarp.basic.builtins import _warn  # builtins imports this module
    return _warn(message, sign)
