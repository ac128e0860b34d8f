"""Numbers as GW-BASIC writes and reads them.

PRINT shows single precision with up to 7 significant digits and double precision with
up to 16, in fixed notation while that fits and as ``1.5E+10`` / ``1D+20`` otherwise;
positive numbers get a leading space where the sign would go.  VAL and INPUT read numbers
the forgiving way BASIC does.

Values live in Python floats; single precision is Microsoft Binary Format's (24-bit
mantissa, nothing below 2.9E-39, nothing above 1.701412E+38), applied where a value is
stored, written out or converted (``mbf_single``); each + - * / and whole power that may
hold a fraction is GW-BASIC's own (python_expressions._single_op, mbf_arithmetic);
arithmetic on whole numbers runs at Python's speed.
Doubles are printed from the shortest decimal that reads back as the same float, which is
what GW-BASIC's 56-bit doubles show in the 16th digit far more often than the float's exact
binary value does.
"""

from __future__ import annotations

import decimal
import math
import re
import struct

from timewarp.basic.errors import BasicError
from timewarp.basic.mbf_arithmetic import long_division

_NUMBER_PREFIX = re.compile(r"\s*([+-]?)\s*(\d*\.?\d*)(?:([EeDd])\s*([+-]?\d+))?")


def format_number(value: float | int, double: bool = False) -> str:
    """STR$: the number with a leading space or minus sign."""
    limit = 10_000_000_000_000_000 if double else 10_000_000
    if value.__class__ is float:
        if not (value.is_integer() and -limit < value < limit):
            return _format_float(value, 16 if double else 7, "D" if double else "E")
        value = int(value)
    if -limit < value < limit:
        return f" {value}" if value >= 0 else str(value)
    return _format_float(float(value), 16 if double else 7, "D" if double else "E")


def _format_float(x: float, precision: int, letter: str) -> str:
    if math.isinf(x) or math.isnan(x):
        raise BasicError("Overflow")
    if precision == 7:
        whole, exp10 = single_digits(x)
        if whole == 0:
            return " 0"
    else:
        if x == 0:
            return " 0"
        whole, exp10 = double_digits(x, 16)
    sign = "-" if x < 0 else " "
    digits, e = str(whole).rstrip("0") or "0", exp10 + len(str(whole)) - 1
    if 0 <= e < precision:
        whole, frac = digits[:e + 1], digits[e + 1:]
        whole += "0" * (e + 1 - len(whole))
        return sign + whole + ("." + frac if frac else "")
    if e < 0 and (-e - 1 + len(digits)) <= precision:
        return sign + "." + "0" * (-e - 1) + digits
    text = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{text}{letter}{'-' if e < 0 else '+'}{abs(e):02d}"


# Microsoft Binary Format singles: the same 24-bit mantissa as IEEE's float32 (so Python's
# struct rounds them), but an exponent range of 2**-128 .. 2**127 with no denormals.

_FLOAT32 = struct.Struct("f")
LARGEST = (1 - 2 ** -24) * 2.0 ** 127   # the largest single, 1.701412E+38
LARGEST_DOUBLE = 1.7014118346046923e38  # the largest double GW-BASIC holds
_SMALLEST = 2.0 ** -128                 # the smallest single; anything less is 0
_FLOAT32_NORMAL = 2.0 ** -126           # below this, float32 would lose mantissa bits


def mbf_single(x: float) -> float:
    """``x`` rounded to a GW-BASIC single.  Beyond the largest single it stays as it is
    (the caller decides between a warning and an error)."""
    try:
        y = _FLOAT32.unpack(_FLOAT32.pack(x))[0]
    except OverflowError:
        return x
    if -_FLOAT32_NORMAL < y < _FLOAT32_NORMAL:
        if x == 0 or -_SMALLEST < x < _SMALLEST:
            return 0.0
        fraction, exponent = math.frexp(x)
        return math.ldexp(round(fraction * (1 << 24)), exponent - 24)
    return y


def number_literal(value: float, double: bool) -> str:
    """The Python source for a BASIC constant: a single as the single it stands for; one
    past the largest number (3E99999, 1D309) as the largest number of its sign and type,
    which is what GW-BASIC stores for it (warning "Overflow" when the line is typed in: see
    constant_overflows).  Never ``inf``, which is no Python name."""
    if constant_overflows(value, double):
        limit = LARGEST_DOUBLE if double else LARGEST
        return repr(-limit if value < 0 else limit)
    return repr(float(value) if double else mbf_single(value))


def constant_overflows(value: float, double: bool) -> bool:
    """Whether a constant is past the largest number of its type."""
    limit = LARGEST_DOUBLE if double else LARGEST
    return not -limit <= value <= limit


# A constant in the program text becomes a single the way GW-BASIC's reader makes it (as
# PC-BASIC reproduces it): its digits as a whole number, then divided (or multiplied) by ten
# once for each place, on a 32-bit mantissa whose last byte is rounded off at the end.  The
# result is not always the nearest single (.0395 is 3.949999809265137D-02, one below), and
# sums and products of such constants then print GW-BASIC's seventh digit.  This is done
# when the program is compiled, so it costs nothing when it runs.

_TOP_BIT = 1 << 31
_TEN_EXPONENT, _TEN_MANTISSA = 132, 0xA0000000    # 10 as a 32-bit mantissa, biased exponent


def significant_digits(body: str) -> int:
    """How many digits of precision a number's digits (before any exponent) hold: zeros at the
    end of a fraction are none (1.2345600000 is a single); eight or more make a double."""
    return len((body.rstrip("0") if "." in body else body).replace(".", "").lstrip("0"))


def single_constant(literal: str) -> float:
    """The single GW-BASIC reads from ``literal`` (digits, a point, an E exponent); inf
    past the largest single."""
    body, _, exponent = literal.upper().partition("E")
    whole, _, fraction = body.partition(".")
    mantissa = int((whole + fraction) or "0")
    return decimal_single(mantissa, int(exponent or "0") - len(fraction))


def decimal_single(mantissa: int, exp10: int) -> float:
    """``mantissa * 10**exp10`` as GW-BASIC's reader makes it a single (see above)."""
    if mantissa == 0:
        if exp10 <= 0:
            return 0.0
        # Zero is a single whose exponent byte is 0, but the reader scales its mantissa (with
        # the top bit every single has) all the same: 0E3 is 1.469368E-36, 2**-129 * 1000.
        man, exp = _TOP_BIT, 0
    else:
        length = mantissa.bit_length()
        if length > 24:                    # a whole number is first cut to a single's 24 bits
            mantissa >>= length - 24
        man = mantissa << (32 - min(length, 24))
        exp = length + 128                 # man * 2**(exp - 160) is the number
    while exp10 < 0:
        exp, man = _div10(exp, man)
        exp10 += 1
    while exp10 > 0:
        exp, man = _mul10(exp, man)
        exp10 -= 1
    if exp <= 0:
        return 0.0
    low = man & 0xFF                   # rounded half to even on the last byte
    man = (man & ~0xFF) + (0x100 if low > 0x80 or low == 0x80 and man & 0x100 else 0)
    if man >> 32:
        man, exp = man >> 1, exp + 1
    if exp > 255:
        return math.inf
    return math.ldexp(man >> 8, exp - 152)


def _div10(exp: int, man: int) -> tuple[int, int]:
    """Divided by 10 as GW-BASIC divides (see mbf_arithmetic.long_division)."""
    exp, quotient = long_division(exp + 161 - _TEN_EXPONENT, man, _TEN_MANTISSA)
    while quotient < _TOP_BIT:
        quotient, exp = quotient << 1, exp - 1
    return exp, quotient


def _mul10(exp: int, man: int) -> tuple[int, int]:
    """10x as 2x + 8x; a bit lost in lining them up sets the last bit."""
    total = (man >> 2) + man
    exp += 3
    if total >> 32:
        total, exp = total >> 1, exp + 1
    if man & 3:
        total |= 1
    return exp, total


# Rounding where a single is stored.  Sums and products of singles stay close to what GW-BASIC
# computes (the printed seven digits agree almost always), so LET rounds to a single only a
# value that may have drifted further: one built with a fractional constant, a division, a
# power, a double or a function such as SQR.  Programs that never do (counting loops, integer
# sorts) pay nothing.

_WHOLE_FUNCTIONS = {"INT", "FIX", "CINT", "SGN", "LEN", "ASC", "INSTR", "POS", "EOF", "ERR",
                    "POINT", "LBOUND", "UBOUND", "FREEFILE"}


def may_leave_single(e) -> bool:
    """Whether the value of the expression ``e`` (a BASIC AST node) may not be a single."""
    kind = type(e).__name__
    if kind == "Number":
        # A whole constant past 2**24 may make a product too big for a single (1E38 * 10).
        return e.type == "#" or not float(e.value).is_integer() or abs(e.value) >= 1 << 24
    if kind in ("Variable", "ArrayElement"):
        return e.type == "#"
    if kind == "Binary":
        if e.op in "+-*":
            return may_leave_single(e.left) or may_leave_single(e.right)
        return e.op in ("/", "^")
    if kind == "Unary":
        return e.op == "-" and may_leave_single(e.operand)
    if kind == "BuiltinCall":
        if e.name == "ABS":
            return may_leave_single(e.args[0])
        return e.type != "%" and e.name not in _WHOLE_FUNCTIONS
    return True


def fractional_variables(statements) -> set[str]:
    """The keys of the variables (and arrays) a program may give a fraction: assigned a value
    that may_leave_single or may_be_fractional (T = A * A + X with X fractional), counted by
    a FOR whose start or step is such a value, filled by READ or INPUT, or a parameter of a
    DEF FN, SUB or FUNCTION.  An operation on one of them is computed as GW-BASIC computes
    singles (V - 10 * T is -7 with T = 2.9); one on variables only ever given whole numbers
    (counters, integer sorts) is left as it is and costs nothing."""
    keys: set[str] = set()
    assigned = []
    for s in statements:
        kind = type(s).__name__
        if kind == "Assign":
            assigned.append((getattr(s.target, "key", ""), s.value))
        elif kind == "For":
            assigned.append((s.var.key, s.start))
            if s.step is not None:
                assigned.append((s.var.key, s.step))
        elif kind in ("Read", "Input"):
            keys.update(getattr(t, "key", "") for t in s.targets)
        elif kind in ("DefFn", "SubStart"):
            keys.update(p.key for p in s.params)    # a parameter holds what it is given
    grown = True
    while grown:           # a fraction spreads from variable to variable: repeat until none new
        grown = False
        for key, value in assigned:
            if key not in keys and (may_leave_single(value) or may_be_fractional(value, keys)):
                keys.add(key)
                grown = True
    return keys


def may_be_fractional(e, fractional: set[str]) -> bool:
    """Whether the single-precision value of ``e`` may have a fraction or more than 24 bits."""
    kind = type(e).__name__
    if kind == "Number":
        return not float(e.value).is_integer()
    if kind in ("Variable", "ArrayElement"):
        return e.key in fractional
    if kind == "Binary":
        if e.op in "+-*":
            return may_be_fractional(e.left, fractional) or may_be_fractional(e.right, fractional)
        return e.op in ("/", "^")
    if kind == "Unary":
        return e.op == "-" and may_be_fractional(e.operand, fractional)
    if kind == "BuiltinCall":
        return e.type != "%" and e.name not in _WHOLE_FUNCTIONS
    return True


def single_bytes(x: float, rounded: bool = True) -> tuple[int, int, int, int]:
    """The four bytes of ``x`` as a GW-BASIC single: three of mantissa (the top one with
    the sign in place of the hidden bit), then the exponent biased by 128.  ``rounded``
    False gives the top four bytes of a double instead (its mantissa cut, not rounded)."""
    x = mbf_single(x) if rounded else x
    if x == 0 or -_SMALLEST < x < _SMALLEST:
        return 0, 0, 0, 0
    fraction, exponent = math.frexp(abs(x))
    man = int(fraction * (1 << 24)) & 0x7FFFFF
    if x < 0:
        man |= 0x800000
    return man & 0xFF, (man >> 8) & 0xFF, man >> 16, exponent + 128


def seed_of(value: float, kind: str) -> int:
    """The number RANDOMIZE seeds with: an integer as it is; of a single or double, as
    GW-BASIC reads it, the last two bytes XORed with the two before them."""
    if kind == "%":
        n = int(value) & 0xFFFF
    else:
        low, middle, high, exponent = single_bytes(value, kind != "#")
        n = (high ^ low) | (exponent ^ middle) << 8
    return n - 0x10000 if n >= 0x8000 else n


def double_digits(x: float, count: int) -> tuple[int, int]:
    """(whole, exp10): |x| is about whole * 10**exp10, ``whole`` of ``count`` digits,
    rounded half up from the shortest decimal that names the float."""
    d = decimal.Decimal(repr(abs(x)))
    exp10 = d.adjusted() - count + 1
    whole = int(d.scaleb(-exp10).quantize(1, rounding=decimal.ROUND_HALF_UP))
    if whole >= 10 ** count:
        whole, exp10 = whole // 10, exp10 + 1
    return whole, exp10


# GW-BASIC's own way from a single-precision number to 7 decimal digits.  It scales the
# 24-bit mantissa (plus a byte of carry) by ten until it lies in [999999.9, 9999999],
# rounding as it goes; the rounding differs from exact rounding in the last digit
# (1/3 prints as .3333334), and programs of 1982 printed exactly these digits.  PRINT USING
# asks for fewer digits the same way, with the limits moved down.


def _just_under(power: int) -> float:
    """The largest single below 10**power."""
    value = 10.0 ** power
    return value - 2.0 ** (math.frexp(value)[1] - 24)


_LIMITS = {n: (_just_under(n - 1) if n > 0 else 0.0, _just_under(max(n, 0)))
           for n in range(8)}


def single_digits(x: float, count: int = 7) -> tuple[int, int]:
    """(whole, exp10): |x| in single precision is about whole * 10**exp10, with ``count``
    digits (7 at most); whole is 0 for 0 and for what is too small to be a single."""
    x = abs(mbf_single(x))
    if x == 0:
        return 0, 0
    bottom, top = _LIMITS[max(min(count, 7), 0)]
    fraction, exponent = math.frexp(x)
    man, exp = int(fraction * (1 << 24)) << 8, exponent - 32   # x == man * 2**exp
    exp10 = 0
    while man * 2.0 ** exp > top:
        man, exp = _divide_by_ten(man, exp)
        exp10 += 1
    man, exp = _round_carry(man, exp)
    while man * 2.0 ** exp < bottom:
        man, exp = _times_ten(man, exp)
        exp10 -= 1
    man, exp = _round_carry(man, exp)
    shift = -(exp + 8)
    scaled = man >> shift if shift >= 0 else man << -shift
    if scaled & 0x80:
        scaled += 0x80
    whole = scaled >> 8
    if count > 0 and whole >= 10 ** count:
        whole, exp10 = whole // 10, exp10 + 1
    return whole, exp10


def _times_ten(man: int, exp: int) -> tuple[int, int]:
    """10x as 8x + 2x, the way the 8088 routine adds them: bits shifted out stick."""
    total = man + (man >> 2)
    exp += 3
    if total >= 1 << 32:
        total >>= 1
        exp += 1
    if man & 3:
        total |= 1
    return total, exp


def _divide_by_ten(man: int, exp: int) -> tuple[int, int]:
    quotient, exp = (man << 32) // (10 << 28), exp - 4
    while quotient >= 1 << 32:
        quotient >>= 1
        exp += 1
    return quotient, exp


def _round_carry(man: int, exp: int) -> tuple[int, int]:
    if man & 0xFF > 0x7F:
        man += 0x100
    if man >= 1 << 32:
        man >>= 1
        exp += 1
    return man & ~0xFF, exp


def print_number(value: float | int, double: bool = False) -> str:
    """A number as PRINT shows it: sign or space in front, one space behind."""
    return format_number(value, double) + " "


def parse_number(text: str) -> float | None:
    """The number INPUT or READ finds in ``text``, or None if it is not a number."""
    text = text.strip()
    if not text:
        return 0.0
    if text[0] == "&":
        try:
            return float(_radix(text))
        except ValueError:
            return None
    match = _NUMBER_PREFIX.fullmatch(text)
    if match is None or match.group(2) in ("", "."):
        return None
    sign, digits, letter, exponent = match.groups()
    if letter in ("D", "d") or significant_digits(digits) > 7 or not ("." in digits or letter):
        return _to_float(match)
    # Typed as a single constant is, it is read as GW-BASIC's reader reads one (READ A from
    # DATA 0.811111000E-01 prints .0811111, as the constant does; INPUT X# given .1 holds
    # .1000000014901161).
    value = single_constant(digits + (f"E{exponent}" if letter else ""))
    if value == math.inf:
        return _to_float(match)                  # past the largest: its store warns
    # A minus on zero digits is lost (DATA -00.00E11 is 1.469368E-30, see decimal_single).
    return -value if sign == "-" and digits.strip("0.") else value


def val(text: str) -> float:
    """VAL: the number at the start of the string, 0 if there is none."""
    text = text.replace(" ", "").replace("\t", "")
    if text[:1] == "&":
        try:
            return float(_radix(text))
        except ValueError:
            raise BasicError("Illegal function call") from None
    match = _NUMBER_PREFIX.match(text)
    if match is None or match.group(2) in ("", "."):
        return 0.0
    return _to_float(match)


def _to_float(match: re.Match) -> float:
    sign, digits, letter, exponent = match.groups()
    literal = f"{sign}{digits}" + (f"e{exponent}" if letter else "")
    try:
        return float(literal)
    except (ValueError, OverflowError):
        raise BasicError("Overflow") from None


def _radix(text: str) -> int:
    """``&H``, ``&O`` or ``&`` and its digits, as a 16-bit integer (&HFFFF is -1); more than
    16 bits is Overflow, a digit the base has not is ValueError.  No digits at all is 0."""
    body = text[1:].upper()
    base = 16 if body[:1] == "H" else 8
    digits = body[1:] if body[:1] in ("H", "O") else body
    if not digits:
        return 0
    if digits.strip("0123456789ABCDEF"[:base]):
        raise ValueError(text)
    n = int(digits, base)
    if n > 0xFFFF:
        raise BasicError("Overflow")
    return n - 0x10000 if n > 0x7FFF else n


def print_using(template: str, values: list[object], types: str = "") -> str:
    """PRINT USING, which lives in timewarp.basic.using (imported here when first used, as
    that module builds on this one)."""
    from timewarp.basic.using import print_using as place
    return place(template, values, types)
