"""What the Time Warp kernel asks of the grader, kept here so the kernel adapter stays thin.

The adapter runs every cell through :meth:`KernelGrading.run`: a ``%%check`` cell runs the
teacher's Python checks against the session; any other cell is remembered (the checks'
``run()`` runs "the cell above" again) and, while nbgrader grades the notebook, runs within
the grading limits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timewarp.interrupts import delivered_interrupts
from timewarp_grading.checks import is_check_cell
from timewarp_grading.limits import NO_INPUT, ErrorReply, GradingLimits


class KernelGrading:
    def __init__(self, kernel: Any) -> None:
        self.kernel = kernel
        self.limits = GradingLimits.from_environment()
        self.previous_cell: str | None = None

    @property
    def grading(self) -> bool:
        return self.limits is not None

    def no_input_message(self) -> str | None:
        """The words for a program that asks for input while it is graded (else None)."""
        return NO_INPUT if self.grading else None

    def run(self, code: str, run_cell: Callable[[], ErrorReply]) -> ErrorReply:
        if is_check_cell(code):
            cell = lambda: self._check(code)  # noqa: E731
        else:
            self.previous_cell = code
            cell = run_cell
        return cell() if self.limits is None else self.limits.run(cell)

    def _check(self, code: str) -> ErrorReply:
        # The stop button (and the time limit, which presses it) must reach a check's run().
        from timewarp_grading.checks.cell import run_check_cell  # only when a check runs

        with delivered_interrupts():
            return run_check_cell(self.kernel.engine, code, self.previous_cell, self._show)

    @staticmethod
    def _show(data: dict) -> None:
        from IPython.display import display
        display(data, raw=True)
