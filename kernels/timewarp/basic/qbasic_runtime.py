"""What compiled programs call for REDIM and fixed-length strings (timewarp.basic.qbasic)."""

from __future__ import annotations

from timewarp.basic.arrays import OffsetList, _lower
from timewarp.basic.errors import BasicError


def _fixed(text: str, length: int) -> str:
    return text[:length] if len(text) >= length else text + " " * (length - len(text))


def _upper(level: list) -> int:
    return len(level) - 1 + (level.lower if level.__class__ is OffsetList else 0)


def _fill(array: list, value) -> None:
    """Every empty element of a string array set to ``value`` (the elements REDIM PRESERVE
    kept stay; so do the places below the lower bound)."""
    low = _lower(array)
    for i in range(low, _upper(array) + 1):
        if isinstance(array[i], list):
            _fill(array[i], value)
        elif array[i] == "":
            array[i] = value


def _copy_into(new: list, old: list) -> None:
    """The elements of ``old`` whose subscripts ``new`` also has, copied across."""
    for i in range(max(_lower(new), _lower(old)), min(_upper(new), _upper(old)) + 1):
        if isinstance(new[i], list):
            if isinstance(old[i], list):
                _copy_into(new[i], old[i])
        else:
            new[i] = old[i]


def _redim(rt, store: dict | None, key: str, bounds: tuple, lowers: tuple, old) -> list:
    """REDIM: a new array in place of the old one; with PRESERVE (``old``) the elements
    both sizes hold keep their values."""
    if store is not None:
        store[key] = None
    array = rt.dim(store, key, bounds, lowers)
    if old is not None:
        if _rank(old) != len(bounds):
            raise BasicError("Subscript out of range",
                             detail="REDIM PRESERVE keeps the number of dimensions")
        _copy_into(array, old)
    return array


def _rank(array) -> int:
    rank, level = 0, array
    while isinstance(level, list):
        rank += 1
        level = level[_lower(level)]
    return rank


#: What compiled programs call, for the session to put in their namespace.
HELPERS = {"_redim": _redim, "_fixed": _fixed, "_fill": _fill}
