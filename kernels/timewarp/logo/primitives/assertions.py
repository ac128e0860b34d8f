"""ASSERT, the teacher's test in Logo: ``assert [:x = 4] [x should be 4]``.

The first input is a condition: a list run for its value (like IF's), or the word TRUE or
FALSE.  When it is false the program stops with an error that carries the teacher's message;
when it is true nothing happens and nothing is printed.  Used in nbgrader test cells.
"""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.runtime import test_truth
from timewarp.logo.values import is_word, print_form, word_text


class AssertionFailed(LogoError):
    """A teacher's ASSERT found its condition false."""

    def locate(self, procedure: str | None, line: int | None, text: str | None) -> None:
        known = self.procedure is not None or self.line is not None
        super().locate(procedure, line, text)
        # Inside a procedure UCBLogo's "in NAME [line]" says where; at top level only the
        # cell's line number can, and a test cell usually holds several assertions.
        if not known and procedure is None and line is not None:
            self.message = f"{self.message}  in line {line}"


@primitive("assert", 2, 1, 2, outputs=False)
def assert_(interp: Any, condition: Any, message: Any = None) -> None:
    if isinstance(condition, list):
        value = interp.run_list(condition, value=True)
        if value is None:
            raise LogoError("assert's condition list gives no value; write one like [:x = 4]")
    elif is_word(condition):
        value = word_text(condition)
    else:
        raise doesnt_like("assert", condition)
    if not test_truth("assert", value):
        text = "" if message is None else print_form(message)
        raise AssertionFailed(f"assertion failed: {text}" if text else "assertion failed")
