"""Numbers as GW-BASIC writes and reads them.

PRINT shows single precision with up to 7 significant digits and double precision with
up to 16, in fixed notation while that fits and as ``1.5E+10`` / ``1D+20`` otherwise;
positive numbers get a leading space where the sign would go.  VAL and INPUT read numbers
the forgiving way BASIC does.
"""

from __future__ import annotations

import decimal
import math
import re
import struct

from timewarp.basic.errors import BasicError

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
    if x == 0:
        return " 0"
    sign = "-" if x < 0 else " "
    if precision == 7:
        whole, exp10 = single_digits(x)
        digits, e = str(whole).rstrip("0") or "0", exp10 + len(str(whole)) - 1
    else:
        mantissa, _, exponent = f"{abs(x):.{precision - 1}e}".partition("e")
        digits = mantissa.replace(".", "").rstrip("0") or "0"
        e = int(exponent)
    if 0 <= e < precision:
        whole, frac = digits[:e + 1], digits[e + 1:]
        whole += "0" * (e + 1 - len(whole))
        return sign + whole + ("." + frac if frac else "")
    if e < 0 and (-e - 1 + len(digits)) <= precision:
        return sign + "." + "0" * (-e - 1) + digits
    text = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{text}{letter}{'-' if e < 0 else '+'}{abs(e):02d}"


# GW-BASIC's own way from a single-precision number to 7 decimal digits.  It scales the
# 24-bit mantissa (plus a byte of carry) by ten until it lies in [999999.9, 9999999],
# rounding as it goes; the rounding differs from exact rounding in the last digit
# (1/3 prints as .3333334), and programs of 1982 printed exactly these digits.

_FLOAT32 = struct.Struct("f")
_LIMIT_TOP = 9999999.0
_LIMIT_BOTTOM = 999999.9375


def single_digits(x: float) -> tuple[int, int]:
    """(whole, exp10): |x| in single precision is about whole * 10**exp10, 7 digits."""
    x = abs(_FLOAT32.unpack(_FLOAT32.pack(x))[0])
    fraction, exponent = math.frexp(x)
    man, exp = int(fraction * (1 << 24)) << 8, exponent - 32   # x == man * 2**exp
    exp10 = 0
    while man * 2.0 ** exp > _LIMIT_TOP:
        man, exp = _divide_by_ten(man, exp)
        exp10 += 1
    man, exp = _round_carry(man, exp)
    while man * 2.0 ** exp < _LIMIT_BOTTOM:
        man, exp = _times_ten(man, exp)
        exp10 -= 1
    man, exp = _round_carry(man, exp)
    shift = -(exp + 8)
    scaled = man >> shift if shift >= 0 else man << -shift
    if scaled & 0x80:
        scaled += 0x80
    whole = scaled >> 8
    if whole >= 10_000_000:
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
    return _to_float(match)


def val(text: str) -> float:
    """VAL: the number at the start of the string, 0 if there is none."""
    text = text.replace(" ", "").replace("\t", "")
    if text[:1] == "&":
        try:
            return float(_radix(text))
        except ValueError:
            return 0.0
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
    body = text[1:].upper()
    if body.startswith("H"):
        return int(body[1:], 16)
    return int(body[1:] if body.startswith("O") else body, 8)


# PRINT USING

_NUMERIC_FIELD = re.compile(r"(\+?)(\*\*\$|\$\$|\*\*)?([#,]*)(\.#*)?(\^\^\^\^)?([+-]?)")


def print_using(template: str, values: list[object]) -> str:
    """PRINT USING: values placed into the template's fields, the template reused as needed."""
    if not template:
        raise BasicError("Illegal function call")
    out: list[str] = []
    pending = list(values)
    while True:
        used_any = _format_pass(template, pending, out)
        if not pending or not used_any:
            if pending and not used_any:
                raise BasicError("Illegal function call")
            return "".join(out)


def _format_pass(template: str, pending: list[object], out: list[str]) -> bool:
    i, used = 0, False
    while i < len(template):
        c = template[i]
        if c == "_" and i + 1 < len(template):
            out.append(template[i + 1])
            i += 2
            continue
        if c in "!&\\":
            width = _string_field_width(template, i)
            if width is None:
                out.append(c)
                i += 1
                continue
            if not pending:
                return used
            value = pending.pop(0)
            if not isinstance(value, str):
                raise BasicError("Type mismatch")
            out.append(value if width == 0 else value[:width].ljust(width))
            i += 1 if c in "!&" else width
            used = True
            continue
        match = _NUMERIC_FIELD.match(template, i)
        if match and ("#" in match.group(0) or match.group(4) and len(match.group(4)) > 1
                      or match.group(2)):
            if not pending:
                return used
            value = pending.pop(0)
            if isinstance(value, str):
                raise BasicError("Type mismatch")
            out.append(_numeric_field(match, float(value)))
            i = match.end()
            used = True
            continue
        out.append(c)
        i += 1
    return used


def _string_field_width(template: str, i: int) -> int | None:
    c = template[i]
    if c == "!":
        return 1
    if c == "&":
        return 0
    end = template.find("\\", i + 1)
    if end < 0 or template[i + 1:end].strip(" "):
        return None
    return end - i + 1


def _numeric_field(match: re.Match, value: float) -> str:
    plus, money, body, frac, exp, trailing = match.groups()
    frac = frac or ""
    decimals = max(len(frac) - 1, 0)
    width = len(match.group(0))
    comma = "," in body
    negative = value < 0
    if exp:
        return _exponent_field(value, body.count("#") + (1 if money else 0), decimals, plus)
    rounded = _half_up(abs(value), decimals)
    text = f"{rounded:,.{decimals}f}" if comma else f"{rounded:.{decimals}f}"
    if text.startswith("0") and len(body.replace(",", "")) == 0 and frac:
        text = text[1:]
    if money and "$" in money:
        text = "$" + text
    if plus:
        text = ("-" if negative else "+") + text
    elif trailing:
        text += "-" if negative else ("+" if trailing == "+" else " ")
    elif negative:
        text = "-" + text
    fill = "*" if money and "*" in money else " "
    if len(text) > width:
        return "%" + text
    return text.rjust(width, fill)


def _half_up(value: float, decimals: int):
    """Round as GW-BASIC does: a decimal half goes up (42.25 -> 42.3)."""
    return decimal.Decimal(repr(value)).quantize(decimal.Decimal(1).scaleb(-decimals),
                                                 rounding=decimal.ROUND_HALF_UP)


def _exponent_field(value: float, digits: int, decimals: int, plus: str) -> str:
    """``#.##^^^^``: without a + sign, one place before the point is kept for the sign."""
    whole = digits if plus else digits - 1
    magnitude = abs(value)
    exponent = math.floor(math.log10(magnitude)) + 1 - whole if magnitude else 0
    mantissa = _half_up(magnitude / 10 ** exponent, decimals)
    if mantissa >= 10 ** max(whole, 0) and magnitude:
        exponent += 1
        mantissa = _half_up(magnitude / 10 ** exponent, decimals)
    text = f"{mantissa:.{decimals}f}"
    if whole <= 0:
        text = text.lstrip("0") or "0"
        sign = "-" if value < 0 else ("+" if plus else "0")
    else:
        sign = ("-" if value < 0 else "+") if plus else ("-" if value < 0 else " ")
    return f"{sign}{text}E{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
