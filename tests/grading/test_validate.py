"""nbgrader's Validate button (``nbgrader validate``) and Autograde agree on a program that
asks for input: both fail its cell at once with the same words, neither hangs."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from timewarp_grading.limits import NO_INPUT

pytestmark = pytest.mark.slow


def test_validate_reports_a_program_that_asks_for_input(new_course):
    course = new_course()
    book = new_notebook()
    book.metadata["kernelspec"] = {"display_name": "PILOT (Time Warp)", "language": "pilot",
                                   "name": "pilot"}
    cell = new_code_cell("T:What is your name?\nA:$NAME\nCK:$NAME = \"Ada\", say Ada")
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": True, "solution": False,
                                 "locked": False, "task": False, "grade_id": "asks",
                                 "points": 1}
    book.cells.append(cell)
    nbformat.write(book, course.root / "asks.ipynb")
    done = course.nbgrader("validate", "asks.ipynb", check=False, timeout=120)
    assert NO_INPUT in done.stdout
    assert "VALIDATION FAILED" in done.stdout
