"""PRINT USING: numbers and strings placed into a template's fields as GW-BASIC places them.

A numeric field is ``+`` (optional), ``$$`` / ``**`` / ``**$`` (optional), digits ``#`` with
commas before the point, ``.`` and more ``#``, then ``^^^^`` for scientific notation and a
trailing ``+`` or ``-``.  Each ``#``, comma, ``$$`` and ``**`` place counts as a digit position;
without an explicit sign (and without ``$``) one position before the point is kept for the sign.
Digits come from GW-BASIC's own decimal conversion of the binary value (numbers.single_digits),
so rounding matches GW-BASIC's: .005 in ``#.##`` is 0.00, not 0.01.  The behaviour of odd
fields (``#^^^^``, ``#.^^^^`` with 0, a field too narrow for its number) was checked against
PC-BASIC, whose suite holds GW-BASIC's own output for them.
"""

from __future__ import annotations

import decimal
from typing import NamedTuple

from timewarp.basic.errors import BasicError
from timewarp.basic.numbers import double_digits, single_digits


class NumberField(NamedTuple):
    width: int           # the characters the field takes in the template
    before: int          # digit positions before the point (#, commas, $$ and **)
    decimals: int        # # after the point
    point: bool          # the field has a point: it is always shown
    comma: bool          # thousands are grouped (not in scientific notation)
    scientific: bool     # ^^^^
    lead: str            # "+" when the field starts with +
    money: str           # "", "$$", "**" or "**$"
    trail: str           # "", "+" or "-"


def number_field(template: str, i: int) -> NumberField | None:
    """The numeric field that starts at ``template[i]``, or None if none does."""
    start, n = i, len(template)
    lead = money = trail = ""
    before = decimals = 0
    point = comma = scientific = False
    if template.startswith("+", i):
        lead, i = "+", i + 1
    for prefix, positions in (("**$", 2), ("**", 2), ("$$", 1)):
        if template.startswith(prefix, i):
            money, i, before = prefix, i + len(prefix), positions
            break
    if i < n and template[i] in "#.":
        while i < n:
            c = template[i]
            if c == "." and not point:
                point = True
            elif c == "#" or (c == "," and not point):
                if point:
                    decimals += 1
                else:
                    before += 1
                    comma = comma or c == ","
            else:
                break
            i += 1
    if before + decimals == 0:
        return None
    if template.startswith("^^^^", i):
        scientific, i = True, i + 4
    if not lead and i < n and template[i] in "+-":
        trail, i = template[i], i + 1
    return NumberField(i - start, before, decimals, point, comma, scientific, lead, money, trail)


def format_field(field: NumberField, value: float, double: bool) -> str:
    """``value`` in the field; a number too wide for it gets a ``%`` in front."""
    if field.before + field.decimals > 24:
        raise BasicError("Illegal function call")
    negative = value < 0
    before, post = field.before, ""
    if field.lead:
        text = "-" if negative else "+"
    elif field.trail:
        text = ""
        post = "-" if negative else ("+" if field.trail == "+" else " ")
    else:
        text = "-" if negative else ""
        if "$" not in field.money:
            before = max(before - 1, 0)      # a place for the sign
    if "$" in field.money:
        text += "$"
    magnitude = abs(float(value))
    if field.scientific:
        text += _scientific(magnitude, before, field.decimals, field.point, double)
    else:
        text += _fixed(magnitude, field.decimals, field.point, field.comma, double)
    text += post
    if len(text) < field.width:
        # A zero before the point, where there is room for one.
        if text.startswith("."):
            text = "0" + text
        elif text.startswith(("+.", "-.")):
            text = text[0] + "0" + text[1:]
    if len(text) > field.width:
        return "%" + text
    return text.rjust(field.width, "*" if "*" in field.money else " ")


def _digits(magnitude: float, count: int, double: bool) -> tuple[int, int]:
    """(whole, exp10) with ``count`` digits of a positive number, as GW-BASIC rounds it.
    With no digit asked for, whole is the number rounded to a whole number after it is
    divided by ten until it is below 1 (only its place counts: 1 is .1E+01)."""
    if not double:
        return single_digits(magnitude, count)
    if count > 0:
        return double_digits(magnitude, count)
    exp10 = decimal.Decimal(repr(magnitude)).adjusted() + 1 if magnitude >= 1 else 0
    return int(magnitude / 10.0 ** exp10 >= 0.5), exp10


def _scientific(magnitude: float, before: int, decimals: int, point: bool,
                double: bool) -> str:
    letter = "D" if double else "E"
    if magnitude == 0:
        if point:
            return "." + "0" * decimals + letter + "+00"
        return "0D+00" if double else "E+00"     # GW-BASIC's own odd forms
    wanted = before + decimals
    count = min(wanted, 16 if double else 7)
    whole, exp10 = _digits(magnitude, count, double)
    digits = (str(whole) if count > 0 else "").ljust(wanted, "0")[:wanted]
    # ``whole`` may have count + 1 digits (9.96 to one digit is 10): its last is dropped.
    exponent = exp10 + len(str(whole)) - before if count > 0 else exp10 - before
    text = digits[:before]
    if len(digits) > before or point:
        text += "." + digits[before:]
    return f"{text}{letter}{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _fixed(magnitude: float, decimals: int, point: bool, comma: bool, double: bool) -> str:
    if magnitude == 0:
        return "." + "0" * decimals if point else "0"
    rounded = _rounded(magnitude, decimals, double)
    text = f"{rounded:,.{decimals}f}" if comma else f"{rounded:.{decimals}f}"
    if rounded and text.startswith("0."):
        text = text[1:]                    # put back by format_field where there is room
    return text + "." if point and not decimals else text


def _rounded(magnitude: float, decimals: int, double: bool) -> decimal.Decimal:
    """``magnitude`` rounded to ``decimals`` places as GW-BASIC's PRINT USING rounds it:
    its 7 (or 16) digits, then, if that shows too many places, fewer digits of the binary
    value (not of the 7 digits), as GW-BASIC converts it again.  When no digit is left, the
    number is rounded to a whole number: .009 in ``#.##`` is 0.00."""
    precision = 16 if double else 7
    whole, exp10 = _digits(magnitude, precision, double)
    if -exp10 > decimals:
        count = precision + exp10 + decimals
        whole, exp10 = _digits(magnitude, count, double) if count > 0 else (
            int(magnitude >= 0.5), 0)
    return decimal.Decimal(whole).scaleb(exp10)


def print_using(template: str, values: list[object], types: str = "") -> str:
    """PRINT USING: values placed into the template's fields, the template reused as needed.
    ``types`` holds each value's BASIC type ("#" rounds as a double, anything else as a
    single)."""
    if not template:
        raise BasicError("Illegal function call")
    out: list[str] = []
    pending = [(value, kind == "#") for value, kind in
               zip(values, types.ljust(len(values), "!"))]
    while True:
        used_any = _format_pass(template, pending, out)
        if not pending or not used_any:
            if pending and not used_any:
                raise BasicError("Illegal function call")
            return "".join(out)


def _format_pass(template: str, pending: list, out: list[str]) -> bool:
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
            value = pending.pop(0)[0]
            if not isinstance(value, str):
                raise BasicError("Type mismatch")
            out.append(value if width == 0 else value[:width].ljust(width))
            i += 1 if c in "!&" else width
            used = True
            continue
        field = number_field(template, i) if c in "+$*#." else None
        if field is not None:
            if not pending:
                return used
            value, double = pending.pop(0)
            if isinstance(value, str):
                raise BasicError("Type mismatch")
            out.append(format_field(field, value, double))
            i += field.width
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
