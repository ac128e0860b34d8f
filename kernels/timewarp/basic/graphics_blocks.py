"""GET and PUT of screen blocks, and PALETTE USING: the arrays that hold them.

A block lives in a number array as GW-BASIC's memory holds it: two bytes an integer element,
four a single and eight a double (Microsoft Binary Format), so ``DIM A%(n)`` sized by the
manual's formula is big enough, and sprites built from DATA bytes PUT as they did.  A single
or double cannot keep every byte pattern (MBF has no numbers with a zero exponent but 0), so
the screen remembers the exact bytes of each GET and uses them while the elements are
unchanged.
"""

from __future__ import annotations

from timewarp.basic.errors import BasicError
from timewarp.basic.graphics import _int, _screen

_SIZES = {"%": 2, "!": 4, "#": 8}


def _flat(array, start) -> tuple[list, int]:
    """The array's elements in memory order (the first subscript fastest) and where
    ``start`` (an element of the first dimension; the first element if None) falls."""
    from timewarp.basic.arrays import array_values
    if array is None:
        raise BasicError("Illegal function call", detail="DIM the array before GET, PUT or PALETTE USING")
    values = array_values(array)
    if values and isinstance(values[0], list):
        raise BasicError("Illegal function call", detail="use a one-dimensional array here")
    lower = array.lower if hasattr(array, "lower") else (
        array[0].lower if array and type(array[0]).__name__ == "Below" else 0)
    offset = 0 if start is None else _int(start) - lower
    if not 0 <= offset < len(values):
        raise BasicError("Subscript out of range")
    return values, offset


def elements(array, start) -> list[int]:
    values, offset = _flat(array, start)
    return [_int(v) for v in values[offset:]]


def block_get(rt, x1, y1, x2, y2, steps, array, key, start) -> None:
    screen = _screen(rt)
    if "<" in steps:
        x1, y1 = screen.step(x1, y1)
    if ">" in steps:
        x2, y2 = x1 + x2, y1 + y2
    data = screen.get_block(x1, y1, x2, y2)
    values, offset = _flat(array, start)
    size = _SIZES[key[-1]]
    if len(data) > (len(values) - offset) * size:
        raise BasicError("Illegal function call", detail=f"the array is too small: GET needs "
                         f"{len(data)} bytes, {-(-len(data) // size)} elements from the first")
    data += bytes(-len(data) % size)
    from timewarp.basic.file_functions import _cvbf
    written = []
    for n in range(len(data) // size):
        chunk = data[n * size:(n + 1) * size]
        value = int.from_bytes(chunk, "little", signed=True) if size == 2 else _cvbf(
            chunk.decode("latin-1"), size)
        written.append(value)
    _store(array, offset, written)
    # Singles and doubles cannot keep every byte pattern (MBF's zero exponent): remember them.
    screen._sprites[(id(array), offset)] = (array, written, data)


def _store(array, offset: int, values: list) -> None:
    from timewarp.basic.arrays import OffsetList
    if type(array) is OffsetList:
        for n, value in enumerate(values):
            list.__setitem__(array, offset + n, value)
        return
    base = array[0].lower if array and type(array[0]).__name__ == "Below" else 0
    array[base + offset:base + offset + len(values)] = values


def block_put(rt, x, y, steps, array, key, start, action) -> None:
    screen = _screen(rt)
    if "<" in steps:
        x, y = screen.step(x, y)
    values, offset = _flat(array, start)
    remembered = screen._sprites.get((id(array), offset))
    if remembered is not None and remembered[0] is array and \
            values[offset:offset + len(remembered[1])] == remembered[1]:
        data = remembered[2]
    else:
        from timewarp.basic.file_functions import _mkbf
        size = _SIZES[key[-1]]
        parts = []
        for value in values[offset:]:
            if size == 2:
                parts.append((_int(value) & 0xFFFF).to_bytes(2, "little"))
            else:
                parts.append(_mkbf(value, size).encode("latin-1"))
        data = b"".join(parts)
    screen.put_block(x, y, data, action)


