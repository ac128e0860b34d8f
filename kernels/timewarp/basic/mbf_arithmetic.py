"""GW-BASIC's single-precision + - * / bit for bit, as PC-BASIC reproduces them.

GW-BASIC does not round its single-precision results to the nearest single, as IEEE
arithmetic does.  It works on 32-bit mantissas (24 bits of the number and a guard byte) and
rounds the guard byte half to even, but what reaches the guard byte is not the exact result:

- a product keeps only 28 bits before it is rounded, and a guard nibble of 9 becomes 8
  (so ``.05 * 1444`` is 72.2, where the nearest single prints 72.20001);
- a difference of two numbers of different size cuts the smaller one at 32 bits, with no
  sticky bit, and then drops one guard bit in some patterns;
- a quotient is a long division in which the divisor is halved (and cut) at each step.

Rounding to the nearest single instead gives another last bit in about 1 of 40 differences,
1 of 18 products and 1 of 80 quotients, which shows in the seventh digit and, in loops that
feed results back (a Mandelbrot count, a ballistic table), in whole lines of output.

Where GW-BASIC's result is the nearest single, it is computed as that, by Veltkamp's split of
the exact double at 24 bits: a sum of two numbers of the same sign (python_expressions does
this one inline), a difference of two less than 8 times apart, and a product or quotient
whose cut-off part is far from half the last bit.  The rest go through the integer steps
above.  A product or quotient takes about two tenths of a microsecond when nearest is its
result, and otherwise up to one (a difference) or three (a quotient); only programs that do
fractional arithmetic pay for them (see numbers.may_be_fractional).

Each function takes and gives Python floats that hold singles.  A product, quotient or
difference past the largest single warns "Overflow" there and then, as GW-BASIC does, and is
the largest single of its sign; results below the smallest single are 0, as GW-BASIC has no
smaller numbers.  (A sum of one sign is rounded inline and warns when it is stored.)
"""

from __future__ import annotations

import math

_frexp, _ldexp = math.frexp, math.ldexp

_MANTISSA = 4294967296.0          # 2**32: a single's mantissa with its guard byte
_TWO_28 = 268435456.0             # a product keeps 28 bits before rounding
_SPLIT = 536870913.0              # 2**29 + 1: Veltkamp's split of a double at 24 bits
_LARGEST = math.ldexp(0xFFFFFF, 103)  # the largest single (numbers.LARGEST)
_LOW_SAFE, _HIGH_SAFE = -126, 128  # frexp exponents of singles (bounds excluded)
_FAST_LOW, _FAST_HIGH = 2.0 ** -120, 2.0 ** 126
_QUARTER_BIT = 2.0 ** 26          # |cut| * 2**26 < |result|: less than a quarter of the last bit


def _overflow(sign: float) -> float:
    """GW-BASIC's "Overflow" warning, given at the operation that overflows; the result is
    the largest single of the sign (or "Overflow" is the error an ON ERROR handler sees)."""
    from timewarp.basic.builtins import _warn  # builtins imports this module
    return _warn("Overflow", sign)


def _nearest(x: float) -> float:
    """``x`` rounded to 24 bits, to nearest (ties to even)."""
    c = x * _SPLIT
    return c - (c - x)


def _unpack(x: float) -> tuple[int, int, bool]:
    """The biased exponent, the 32-bit mantissa and the sign of the single ``x``."""
    fraction, exponent = _frexp(x)
    return exponent + 128, int(abs(fraction) * _MANTISSA), fraction < 0


def _pack(exponent: int, man: int, negative: bool) -> float:
    """Normalises and rounds a 32-bit working mantissa as GW-BASIC does: the guard byte
    rounds half to even; a carry out of the top bit raises the exponent."""
    if man == 0:
        return 0.0
    shift = 32 - man.bit_length()
    man <<= shift
    exponent -= shift
    guard = man & 0xFF
    man >>= 8
    if guard > 0x80 or (guard == 0x80 and man & 1):
        man += 1
        if man == 1 << 24:
            man >>= 1
            exponent += 1
    if exponent <= 0:
        return 0.0
    value = _ldexp(man, exponent - 152)
    return -value if negative else value


def multiply(a: float, b: float) -> float:
    """``a * b`` as GW-BASIC multiplies singles."""
    p = a * b                 # exact: 24 bits times 24 bits fit a double's 53
    c = p * _SPLIT
    r = c - (c - p)           # p rounded to nearest at 24 bits
    size = abs(r)
    # GW-BASIC's rounding differs from nearest only when what is cut off is between 6/16
    # and 10/16 of the last bit: far from that, and inside the range, nearest is its result.
    if abs(p - r) * _QUARTER_BIT < size and _FAST_LOW < size < _FAST_HIGH:
        return r
    fraction, exponent = _frexp(p)
    if not _LOW_SAFE < exponent < _HIGH_SAFE:
        return _multiply_slow(a, b) if p and _LOW_SAFE >= exponent else _overflow(p)
    try:
        t = int(abs(fraction) * _TWO_28)
    except (OverflowError, ValueError):           # inf or nan, far past the largest single
        return _overflow(p)
    guard, man = t & 15, t >> 4
    if guard > 9 or (guard > 7 and man & 1):      # 9 counts as 8: a tie, to even
        man += 1
    value = _ldexp(man, exponent - 24)
    return -value if p < 0 else value


def _multiply_slow(a: float, b: float) -> float:
    """A product near the bottom of the range, where it may become 0."""
    if a == 0 or b == 0:
        return 0.0
    exponent, man, negative = _unpack(a)
    other_exponent, other_man, other_negative = _unpack(b)
    if exponent <= 0 or other_exponent <= 0:
        return 0.0
    exponent += other_exponent - 160
    if exponent < -31:
        return 0.0
    man *= other_man
    while man <= 0x08000000:
        man <<= 1
        exponent -= 1
    while man > 0x10000000:
        man >>= 1
        exponent += 1
    if man & 0xF == 9:
        man &= ~1
    return _pack(exponent, man, negative != other_negative)


def add(a: float, b: float) -> float:
    """``a + b`` as GW-BASIC adds singles."""
    s = a + b
    if s - s != 0:                                # inf or nan, far past the largest single
        return _overflow(s)
    size_a, size_b = abs(a), abs(b)
    # Nearest is GW-BASIC's for a sum of one sign, and for a difference of numbers less than
    # 8 times apart: no bit of the smaller is cut, and the guard bits are not dropped.
    if (a < 0) == (b < 0) or a == 0 or b == 0 or (size_a * 8 >= size_b and size_b * 8 >= size_a):
        exponent = _frexp(s)[1]
        if _LOW_SAFE < exponent < _HIGH_SAFE or s == 0:
            return _nearest(s)
        if exponent >= _HIGH_SAFE:
            return _overflow(s)
    return _add_exact(a, b)


def subtract(a: float, b: float) -> float:
    """``a - b`` as GW-BASIC subtracts singles."""
    return add(a, -b)


def _add_exact(a: float, b: float) -> float:
    if b == 0:
        return a
    if a == 0:
        return b
    small_exp, small, small_neg = _unpack(a)
    big_exp, big, big_neg = _unpack(b)
    if big_exp > 255 or small_exp > 255:
        return a + b
    if small_exp > big_exp or (small_exp == big_exp and small > big):
        small_exp, small, small_neg, big_exp, big, big_neg = (
            big_exp, big, big_neg, small_exp, small, small_neg)
    shift = big_exp - small_exp
    exact = small & ((1 << shift) - 1) == 0 if shift < 64 else small == 0
    small >>= shift
    differ = small_neg != big_neg
    if differ and (small < 0x80 or (small == 0x80 and exact)):
        return _pack(big_exp, big, big_neg)        # too small to change the larger one
    if differ:
        man = big - small
        if man & 0x1C0 == 0x80 and man & 0x1DF != 0x80:
            man &= ~0x80                           # GW-BASIC drops a guard bit here
    else:
        man = big + small
        if man >> 32:                              # a carry: the lowest bit is dropped
            man >>= 1
            big_exp += 1
        if not exact:
            man |= 1                               # lost bits count in the rounding
    return _pack(big_exp, man, big_neg)


def divide(a: float, b: float) -> float:
    """``a / b`` (``b`` not 0) as GW-BASIC divides singles."""
    q = a / b
    if q == 0 or q - q != 0:                       # 0, below the smallest single, inf or nan
        return 0.0 if q == 0 else _overflow(q)
    c = q * _SPLIT
    r = c - (c - q)           # q rounded to nearest at 24 bits
    size = abs(r)
    # GW-BASIC's quotient, before it is rounded, is within a tenth of the last bit of the
    # exact one: where that is less than a quarter of the last bit from r, r is its result.
    if abs(q - r) * _QUARTER_BIT < size and _FAST_LOW < size < _FAST_HIGH:
        return r
    divisor_fraction = _frexp(b)[0]
    if divisor_fraction in (0.5, -0.5) and _LOW_SAFE < _frexp(q)[1] < _HIGH_SAFE:
        return q                                   # by a power of two: exact (X / 2)
    exponent, man, negative = _unpack(a)
    divisor_exp, divisor, divisor_neg = _unpack(b)
    if exponent > 255 or divisor_exp > 255:
        return _overflow(q)
    exponent, quotient = long_division(exponent - (divisor_exp - 161), man, divisor)
    r = _pack(exponent, quotient, negative != divisor_neg)
    return _overflow(r) if abs(r) > _LARGEST else r


def long_division(exponent: int, man: int, divisor: int) -> tuple[int, int]:
    """GW-BASIC's division of 32-bit mantissas, one bit at a time against the divisor shifted
    right (which loses its last bits, so the quotient is not always the exact one); gives the
    exponent and the quotient, not yet normalised."""
    quotient = 0
    while divisor:
        quotient <<= 1
        exponent -= 1
        if man > divisor:
            man -= divisor
            quotient += 1
        divisor >>= 1
    return exponent, quotient
