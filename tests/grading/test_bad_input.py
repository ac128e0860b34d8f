"""Bad input gets a clear message naming the problem, and loses nothing: notebooks a teacher
cannot release, and submissions a student tampered with or broke."""

from __future__ import annotations

import nbformat
import pytest

from timewarp_grading import demo_folder
from timewarp_grading.preprocessors import CheckTimeWarpNotebook, NotebookProblem

DEMO = demo_folder()




def cell(book, grade_id):
    return next(c for c in book.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


PROBLEMS = {
    "nolanguage": (lambda b: b.metadata.pop("kernelspec"),
                   "nolanguage.ipynb does not say which language it is written in: open it, "
                   "choose the BASIC, Logo or PILOT kernel"),
    "nopoints": (lambda b: cell(b, "square_function").metadata["nbgrader"].pop("points"),
                 "cell 3: it is marked as a graded test but has no points"),
    "misspelt": (lambda b: setattr(cell(b, "times_table"), "source",
                                   "' BEGIN SOLUTION\nDIM T(10)\nREM end solutoin"),
                 "cell 6: line 3 (REM end solutoin) looks like a marker but is not written "
                 "as one; in BASIC write REM END SOLUTION on a line of its own"),
    "unended": (lambda b: setattr(cell(b, "times_table"), "source",
                                  "' BEGIN SOLUTION\nDIM T(10)"),
                "cell 6: the solution region begun on line 1 is never ended; add "
                "REM END SOLUTION"),
}


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_each_problem_is_named_in_plain_words(name):
    change, words = PROBLEMS[name]
    book = nbformat.read(DEMO / "basic-squares" / "squares.ipynb", 4)
    change(book)
    with pytest.raises(NotebookProblem) as problem:
        CheckTimeWarpNotebook().preprocess(book, {"unique_key": name,
                                                  "nbgrader": {"assignment": "ps1"}})
    assert words in str(problem.value)


@pytest.mark.slow
def test_the_real_command_stops_and_shows_the_problem(new_course):
    course = new_course()
    course.add_source("ps1", "basic-squares")
    path = course.root / "source" / "ps1" / "squares.ipynb"
    book = nbformat.read(path, 4)
    PROBLEMS["nopoints"][0](book)
    nbformat.write(book, path)
    done = course.nbgrader("generate_assignment", "ps1", "--force", check=False)
    assert done.returncode != 0
    assert "squares.ipynb cannot be released yet:" in done.stderr
    assert "cell 3: it is marked as a graded test but has no points" in done.stderr
    assert not (course.root / "release" / "ps1" / "squares.ipynb").exists()


@pytest.mark.slow
def test_an_assignment_name_with_dots_or_slashes_is_refused(new_course):
    course = new_course()
    course.add_source("my.ps1", "basic-squares")
    done = course.nbgrader("generate_assignment", "my.ps1", "--force", check=False)
    assert done.returncode != 0
    assert "the assignment name 'my.ps1' may hold only letters, digits, - and _" in (
        done.stdout + done.stderr)
