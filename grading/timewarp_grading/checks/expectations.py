"""The checks a teacher writes in a ``%%check`` cell, each failing with a plain sentence.

Transcript checks take the text a program printed (or a :class:`ProgramRun`); drawing
checks take a :class:`Drawing`.  Every check returns quietly when it passes and raises
:class:`CheckFailed` when it does not ("expected 42, printed 41", "your square has 3
sides, not 4"); none of them lets a Python traceback reach a student.
"""

from __future__ import annotations

import re

from timewarp_grading.checks.drawing import DEFAULT_TOLERANCE, Drawing, compare
from timewarp_grading.checks.failures import CheckFailed, same_value, show
from timewarp_grading.checks.program import ProgramRun

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _text(printed: str | ProgramRun) -> str:
    return printed.output if isinstance(printed, ProgramRun) else str(printed)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip().splitlines()]


def _quote(text: str, limit: int = 200) -> str:
    text = text if len(text) <= limit else text[:limit] + "..."
    return repr(text) if "\n" in text else f'"{text}"'


def expect_output(printed: str | ProgramRun, expected: str) -> None:
    """The whole transcript, line by line (spaces at line ends and blank lines at the end
    do not count)."""
    got, want = _lines(_text(printed)), _lines(expected)
    for number, (g, w) in enumerate(zip(got, want), 1):
        if g != w:
            raise CheckFailed(f"line {number} of the output should be {_quote(w)}, "
                              f"but your program printed {_quote(g)}")
    if len(got) < len(want):
        raise CheckFailed(f"your program printed {len(got)} line{'s' * (len(got) != 1)}; "
                          f"expected {len(want)}, the next being {_quote(want[len(got)])}")
    if len(got) > len(want):
        raise CheckFailed(f"your program printed more than expected: {len(got)} lines, not "
                          f"{len(want)}; the first extra one is {_quote(got[len(want)])}")


def expect_contains(printed: str | ProgramRun, expected: str, ignore_case: bool = False
                    ) -> None:
    got = _text(printed)
    found = expected.lower() in got.lower() if ignore_case else expected in got
    if not found:
        raise CheckFailed(f"the output should contain {_quote(expected)}, but your program "
                          f"printed {_quote(got.strip()) if got.strip() else 'nothing'}")


def expect_regex(printed: str | ProgramRun, pattern: str, description: str | None = None
                 ) -> None:
    got = _text(printed)
    if re.search(pattern, got, re.MULTILINE) is None:
        what = description or f"text matching {pattern}"
        raise CheckFailed(f"the output should contain {what}, but your program printed "
                          f"{_quote(got.strip()) if got.strip() else 'nothing'}")


def numbers_in(printed: str | ProgramRun) -> list[float]:
    return [float(n) for n in _NUMBER.findall(_text(printed))]


def expect_numbers(printed: str | ProgramRun, expected: list[float] | float,
                   tolerance: float = 1e-6) -> None:
    """The numbers the program printed, in order, each within ``tolerance``."""
    want = [expected] if isinstance(expected, (int, float)) else list(expected)
    got = numbers_in(printed)
    for g, w in zip(got, want):
        if abs(g - w) > tolerance:
            raise CheckFailed(f"expected {show(float(w))}, printed {show(g)}")
    if len(got) < len(want):
        wanted = ", ".join(show(float(w)) for w in want)
        raise CheckFailed(f"expected {wanted}, but your program printed "
                          + ("no number" if not got else f"only {len(got)} number"
                             f"{'s' * (len(got) != 1)} ({', '.join(show(g) for g in got)})"))
    if len(got) > len(want):
        raise CheckFailed(f"your program printed {len(got)} numbers; expected {len(want)} "
                          f"({', '.join(show(float(w)) for w in want)})")


def expect_value(what: str, actual: object, expected: object, tolerance: float = 1e-6) -> None:
    if not same_value(actual, expected, tolerance):
        raise CheckFailed(f"{what} should be {show(expected)}, but it is {show(actual)}")


def expect_drawing(drawing: Drawing, expected: Drawing, tolerance: float = DEFAULT_TOLERANCE,
                   same_place: bool = False) -> None:
    """The same lines as ``expected`` within ``tolerance`` pixels, in any order and
    direction; anywhere on the canvas unless ``same_place``."""
    found = compare(drawing, expected, tolerance, same_place)
    if found.same:
        return
    mine, theirs = drawing.sides, expected.sides
    if mine == 0:
        raise CheckFailed("your program drew nothing")
    if mine != theirs:
        raise CheckFailed(f"your drawing has {mine} line{'s' * (mine != 1)}; the expected "
                          f"drawing has {theirs}")
    where = "" if same_place else " (placing both drawings at the same corner)"
    raise CheckFailed(f"your drawing is not the expected one{where}: "
                      f"{found.missing[0].describe()} is missing, and your drawing has "
                      f"{found.extra[0].describe()} instead")


def expect_shape(drawing: Drawing, name: str = "drawing", sides: int | None = None,
                 closed: bool | None = None, side: float | None = None,
                 lengths: list[float] | None = None, colour: str | None = None,
                 filled: bool | str | None = None, size: tuple[float, float] | None = None,
                 tolerance: float = DEFAULT_TOLERANCE) -> None:
    """Facts about a drawing: how many sides, closed or not, side lengths, colour, fill,
    size of its bounding box (width, height)."""
    if drawing.sides == 0 and not drawing.fills:
        raise CheckFailed(f"your program drew nothing; expected a {name}")
    if sides is not None and drawing.sides != sides:
        raise CheckFailed(f"your {name} has {drawing.sides} side{'s' * (drawing.sides != 1)}, "
                          f"not {sides}")
    if closed is True and not drawing.closed:
        x, y = drawing.loose_ends[0] if drawing.loose_ends else (0.0, 0.0)
        raise CheckFailed(f"your {name} is not closed: a line ends at ({show(round(x, 1))}, "
                          f"{show(round(y, 1))}) without meeting another")
    if closed is False and drawing.closed:
        raise CheckFailed(f"your {name} should not be closed, but it is")
    if side is not None:
        for length in drawing.lengths:
            if abs(length - side) > tolerance:
                raise CheckFailed(f"a side of your {name} is {show(round(length, 1))} long; "
                                  f"every side should be {show(float(side))}")
    if lengths is not None:
        got = sorted(drawing.lengths)
        want = sorted(lengths)
        if len(got) != len(want) or any(abs(g - w) > tolerance for g, w in zip(got, want)):
            raise CheckFailed(f"the sides of your {name} are "
                              f"{', '.join(show(round(g, 1)) for g in got)} long; they should "
                              f"be {', '.join(show(float(w)) for w in want)}")
    if colour is not None and drawing.colours != {colour}:
        used = " and ".join(sorted(drawing.colours))
        raise CheckFailed(f"your {name} is drawn in {used}; it should be {colour}"
                          + ("" if len(drawing.colours) == 1 else " only"))
    _expect_fill(drawing, name, filled)
    if size is not None:
        width, height = drawing.size
        if abs(width - size[0]) > tolerance or abs(height - size[1]) > tolerance:
            raise CheckFailed(f"your {name} is {show(round(width, 1))} wide and "
                              f"{show(round(height, 1))} high; it should be "
                              f"{show(float(size[0]))} wide and {show(float(size[1]))} high")


def _expect_fill(drawing: Drawing, name: str, filled: bool | str | None) -> None:
    if filled is None:
        return
    fills = drawing.fill_colours
    if filled is False and fills:
        raise CheckFailed(f"your {name} should not be filled, but it is filled with {fills[0]}")
    if filled is not False and not fills:
        raise CheckFailed(f"your {name} is not filled")
    if isinstance(filled, str) and filled not in fills:
        raise CheckFailed(f"your {name} is filled with {' and '.join(fills)}; it should be "
                          f"filled with {filled}")

