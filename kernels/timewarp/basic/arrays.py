"""How BASIC arrays are kept, and how compiled programs reach their elements at the speed
of Python lists with every subscript still checked.

A dimension that starts at 0 is a plain list.  One that starts at lo > 0 (``DIM a(1 TO n)``,
OPTION BASE 1) is a plain list too, with element i at place i: places 0 to lo-1 hold a
Below marker, so the list itself carries its lower bound, and compiled code indexes it
like any list.  Only a dimension that would waste too much that way, and one that starts
below 0, is an OffsetList, which checks and moves each subscript itself (slower).

A plain list does not check the lower bound of a padded one, so compiled code reaches an
array through names set each time the array changes (see _access and the compiler's
ExpressionTranslator).  A subscript known to be a whole number no smaller than some
constant (a FOR variable counting up from a number, plus a number; a constant) goes as it
is, through the fast name: the array itself when no such subscript anywhere in the program
is below its dimension's lower bound, else a CheckedArray.  Any other subscript goes
through its dimension's index function: _ix, or for a padded dimension one that also
checks the lower bound.  For an array that starts at 0 these are the array itself and
_ix, so the usual arrays pay nothing for this.
"""

from __future__ import annotations

from timewarp.basic.errors import BasicError

# A negative subscript is moved this far down: a plain list (lower bound 0) or a
# CheckedArray then finds it out of range by itself, and an OffsetList moves it back.
_NEGATIVE = 1 << 50


def _ix(x) -> int:
    """An array subscript, rounded.  GW-BASIC's arrays start at 0 or 1, and a negative
    subscript is "Illegal function call" there (not "Subscript out of range")."""
    if x.__class__ is int:
        if x >= 0:
            return x
    elif x >= -0.5:
        if x < 32767.5:
            return int(x + 0.5)
        # GW-BASIC makes a subscript an integer first: past 32767 that is "Overflow".
        raise BasicError("Overflow", detail="a subscript is beyond 32767")
    raise BasicError("Illegal function call", detail="a subscript is below 0")


def _ix_signed(x) -> int:
    """A subscript of an OffsetList dimension (which may start below 0): a negative one
    comes back coded (see _NEGATIVE)."""
    if x.__class__ is int:
        if x >= 0:
            return x
    elif x >= -0.5:
        return int(x + 0.5)
    else:
        x = -int(-x + 0.5)
    if x < -32768:
        raise BasicError("Subscript out of range")
    return x - _NEGATIVE


class Below:
    """What fills the places of a list below the array's lower bound."""

    __slots__ = ("lower",)

    def __init__(self, lower: int) -> None:
        self.lower = lower

    def __repr__(self) -> str:
        return f"<below {self.lower}>"


class OffsetList(list):
    """One dimension of an array whose subscripts start at ``lower`` and that is not kept
    padded (a lower bound below 0, or one far above the number of elements)."""

    __slots__ = ("lower",)

    def __init__(self, items, lower: int) -> None:
        super().__init__(items)
        self.lower = lower

    # The first test is the common case, kept short: it runs on every use of the array.
    def __getitem__(self, i, _get=list.__getitem__):
        j = i - self.lower
        return _get(self, j if 0 <= j < len(self) else self._place(i))

    def __setitem__(self, i, value, _set=list.__setitem__) -> None:
        j = i - self.lower
        _set(self, j if 0 <= j < len(self) else self._place(i), value)

    def _place(self, i: int) -> int:
        if i < -65536:    # coded by _ix; Python callers may pass -2 as it is
            i += _NEGATIVE
        i -= self.lower
        if not 0 <= i < len(self):
            raise BasicError("Subscript out of range")
        return i


def padded(items: list, lower: int, lists_at_level: int) -> list:
    """One dimension of a new array starting at ``lower`` (see Below)."""
    if lower == 0:
        return items
    if lower < 0 or lower * lists_at_level > max(1 << 16, 2 * len(items) * lists_at_level):
        return OffsetList(items, lower)
    return [Below(lower)] * lower + items


def _lower(level: list) -> int:
    if level.__class__ is OffsetList:
        return level.lower
    first = level[0]
    return first.lower if first.__class__ is Below else 0


def _first(level: list):
    """The element at the lower bound."""
    if level.__class__ is OffsetList:
        return list.__getitem__(level, 0)
    first = level[0]
    return level[first.lower] if first.__class__ is Below else first


def _levels(array: list) -> list:
    """One list of each dimension (the first row of each)."""
    out, level = [], array
    while level.__class__ is list or level.__class__ is OffsetList:
        out.append(level)
        level = _first(level)
    return out


def _access(array, minima: tuple, rank: int) -> tuple:
    """The fast name of an array and the index function of each of its first ``rank``
    dimensions (see the module docstring).  ``minima`` holds, for each dimension, the
    smallest subscript the program uses on the fast name."""
    if array is None or array.__class__ is list and array[0].__class__ is not list and \
            array[0].__class__ is not Below:
        return (array,) + (_ix,) * rank     # the usual array, one dimension from 0: at once
    levels = _levels(array)
    lowers = [_lower(level) if level.__class__ is list and level[0].__class__ is Below else None
              for level in levels]
    fast = all(low is None or d >= len(minima) or low <= minima[d] for d, low in enumerate(lowers))
    lowers += [None] * (rank - len(lowers))
    offset = [level.__class__ is OffsetList for level in levels] + [False] * rank
    return (array if fast else checked(array),) + tuple(
        (_ix_signed if offset[d] else _ix) if low is None else _index_from(low)
        for d, low in enumerate(lowers[:rank]))


_INDEXES: dict = {}


def _index_from(lower: int):
    """The index function of a padded dimension: _ix, and a check against ``lower``."""
    index = _INDEXES.get(lower)
    if index is None:
        def index(x):
            if x.__class__ is int:
                if x >= lower:
                    return x
            elif x >= lower - 0.5:
                return int(x + 0.5)
            raise BasicError("Subscript out of range")
        _INDEXES[lower] = index
    return index


class CheckedArray:
    """One dimension of an array seen through a check of each subscript against its lower
    bound; its rows come out checked as well."""

    __slots__ = ("items", "lower")

    def __init__(self, items: list) -> None:
        self.items = items
        # An OffsetList checks its subscripts itself.
        self.lower = _lower(items) if items.__class__ is list else -2 * _NEGATIVE

    def __getitem__(self, i):
        if i >= self.lower:
            return checked(self.items[i])
        raise BasicError("Subscript out of range")

    def __setitem__(self, i, value) -> None:
        if i >= self.lower:
            self.items[i] = value
        else:
            raise BasicError("Subscript out of range")


class CheckedRow(CheckedArray):
    """The last dimension of an array seen through a check of each subscript."""

    __slots__ = ()

    def __getitem__(self, i):
        if i >= self.lower:
            return self.items[i]
        raise BasicError("Subscript out of range")


def checked(level: list) -> CheckedArray:
    last = _first(level).__class__ not in (list, OffsetList)
    return (CheckedRow if last else CheckedArray)(level)


def array_values(array: list) -> list:
    """The elements of an array as nested lists, without the places below the lower bound."""
    if not isinstance(array, list):
        return array
    start = _lower(array) if array.__class__ is list else 0
    items = list.__getitem__(array, slice(start, None))
    return [array_values(item) for item in items] if items and isinstance(items[0], list) else items
