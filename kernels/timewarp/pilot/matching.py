"""M:'s matcher: does the student's answer contain one of the alternatives?

Matching ignores case and finds an alternative anywhere in the answer.  ``*`` stands for any
run of characters (the shortest that fits, as the reference interpreter does) and ``?`` for
exactly one.  A variable's value inside a pattern is matched literally: a * in it is a star.

A pattern is pieces of fixed length (letters and ``?``) between stars.  Placing each piece
as early as it fits gives the leftmost, shortest match in time proportional to the answer's
length times the pattern's, where a backtracking regular expression can take minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timewarp.pilot.ast import Pattern, PlainText, Substitution, Wildcard

#: One piece between stars: characters, with None where ``?`` takes any one character.
Piece = list[str | None]


@dataclass(frozen=True)
class MatchResult:
    """Which alternative matched (1 for the first) and how it split the answer."""

    number: int
    left: str
    matched: str
    right: str


def find_match(alternatives: tuple[Pattern, ...], answer: str,
               value_of: Callable[[Substitution], str]) -> MatchResult | None:
    """The first alternative found in ``answer``, or None."""
    for number, pattern in enumerate(alternatives, start=1):
        span = _search(_pieces(pattern, value_of), answer)
        if span is not None:
            start, end = span
            return MatchResult(number, answer[:start], answer[start:end], answer[end:])
    return None


def _pieces(pattern: Pattern, value_of: Callable[[Substitution], str]) -> list[Piece]:
    pieces: list[Piece] = [[]]
    for part in pattern:
        if isinstance(part, Wildcard):
            if part.symbol == "*":
                pieces.append([])
            else:
                pieces[-1].append(None)
        else:
            text = part.text if isinstance(part, PlainText) else value_of(part)
            pieces[-1].extend(text)
    return pieces


def _search(pieces: list[Piece], answer: str) -> tuple[int, int] | None:
    """Where the pattern first occurs in ``answer``, as (start, end), or None."""
    first, rest = pieces[0], pieces[1:]
    start = _find(first, answer, 0)
    if start is None:
        return None
    # A later start could only push every later piece further right, so if the rest does
    # not fit after this start, it fits after none.
    end = start + len(first)
    for piece in rest:
        found = _find(piece, answer, end)
        if found is None:
            return None
        end = found + len(piece)
    return start, end


def _find(piece: Piece, answer: str, begin: int) -> int | None:
    """The first position from ``begin`` where ``piece`` fits in ``answer``."""
    for position in range(begin, len(answer) - len(piece) + 1):
        if all(want is None or want.lower() == got.lower()
               for want, got in zip(piece, answer[position:position + len(piece)])):
            return position
    return None
