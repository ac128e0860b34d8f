"""PILOT's one error class: a mistake in a lesson, told in plain words with its line."""

from __future__ import annotations

from typing import ClassVar

from timewarp.engine import LanguageError


class PilotError(LanguageError):
    """Something in this PILOT lesson is not right."""

    ename: ClassVar[str] = "PilotError"

    def __init__(self, message: str | None = None, line: int | None = None,
                 column: int | None = None, where: str | None = None) -> None:
        self.reason = message or (type(self).__doc__ or "").strip()
        self.where = where
        super().__init__(self._wording(self.reason, line, where), line, column)

    @staticmethod
    def _wording(reason: str, line: int | None, where: str | None) -> str:
        if line is None:
            return reason
        place = f"Line {line}" if where is None else f"Line {line} of {where}"
        return f"{place}: {reason}"

    def at(self, line: int, where: str | None = None) -> PilotError:
        """This error, placed on ``line`` (of the lesson ``where``) if it has no line yet."""
        if self.line is not None:
            return self
        return PilotError(self.reason, line, self.column, where)
