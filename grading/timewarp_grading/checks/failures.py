"""The one way a check says no: :class:`CheckFailed`, with a sentence a student understands."""

from __future__ import annotations


class CheckFailed(AssertionError):
    """A check found the student's work different from what the teacher asked for."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def show(value: object) -> str:
    """A value as a student would write it: 42 not 42.0, words in quotes, lists in brackets."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6g}"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(show(v) for v in value) + "]"
    return str(value)


def same_value(actual: object, expected: object, tolerance: float) -> bool:
    """Equal, numbers within ``tolerance`` (absolute, or relative for big numbers)."""
    if isinstance(expected, (list, tuple)):
        return (isinstance(actual, (list, tuple)) and len(actual) == len(expected)
                and all(same_value(a, e, tolerance) for a, e in zip(actual, expected)))
    number = (int, float)
    if isinstance(expected, number) and not isinstance(expected, bool):
        if isinstance(actual, str):
            try:
                actual = float(actual)
            except ValueError:
                return False
        if not isinstance(actual, number):
            return False
        return abs(actual - expected) <= max(tolerance, tolerance * abs(expected))
    if isinstance(expected, str) and isinstance(actual, str):
        return actual == expected
    return actual == expected
