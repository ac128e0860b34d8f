"""How fast nbgrader autogrades our languages, against the same assignments in Python.

Run with ``.venv/bin/python benchmarks/grading_speed.py [--students 50]``.  In one temporary
course (no nbgrader_config.py: the environment's configuration only) it releases four
assignments: the demo course's BASIC "squares" and Logo "turtle" notebooks, and their twins
in Python run by ipykernel (the same questions, the same points, tests written the way a
Python teacher writes them: asserts, and for the turtle our drawing comparison on Python's
turtle names).  Each gets ``--students`` submissions, alternately the teacher's solution and
the untouched student version, and is autograded with the real ``nbgrader autograde``.
It prints submissions per minute and the ratio of each of our languages to its Python twin
(goal: ours at least as fast, ratio >= 1).  The submissions are graded in rounds of ten, the
four assignments taking turns, so that a change in the machine's load during the run falls on
all of them alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

DEMO = Path(__file__).resolve().parents[1] / "grading" / "timewarp_grading" / "demo"
BIN = Path(sys.executable).parent
ROUND = 10

PY_SQUARES = [
    ("md", "# Squares (Python twin of the BASIC demo)", None),
    ("code", "### BEGIN SOLUTION\ndef square(x):\n    return x * x\n\n\ndef main():\n"
             "    n = float(input('A NUMBER? '))\n    print('THE SQUARE OF', n, 'IS', square(n))\n"
             "### END SOLUTION", ("solution", "squares_program", 0)),
    ("code", "assert square(3) == 9, 'square(3) should be 9'\n"
             "assert square(-4) == 16, 'square(-4) should be 16'\n"
             "assert square(0.5) == 0.25, 'square(0.5) should be 0.25'",
     ("test", "square_function", 3)),
    ("code", "import builtins, contextlib, io\n\ndef transcript(*answers):\n"
             "    given = iter(answers)\n    builtins.input = lambda prompt='': next(given)\n"
             "    out = io.StringIO()\n    with contextlib.redirect_stdout(out):\n        main()\n"
             "    return out.getvalue()\n\nassert '49' in transcript('7'), 'expected 49'\n"
             "assert '144' in transcript('12'), 'expected 144'", ("test", "square_program", 3)),
    ("code", "### BEGIN SOLUTION\nt = [0] + [i * 7 for i in range(1, 11)]\n### END SOLUTION",
     ("solution", "times_table", 0)),
    ("code", "assert t[1] == 7, 't[1] should be 7'\nassert t[5] == 35, 't[5] should be 35'\n"
             "assert t[10] == 70, 't[10] should be 70'", ("test", "times_table_test", 4)),
]

_SHAPE_TEST = ("from timewarp_grading.checks.drawing import Drawing, compare\n"
               "world.clear_screen()\n{call}\nmine = Drawing.of(world)\nworld.clear_screen()\n"
               "{reference}\nassert compare(mine, Drawing.of(world)).same, "
               "'your drawing is not the expected one'")
PY_TURTLE = [
    ("md", "# Turtle shapes (Python twin of the Logo demo)", None),
    ("code", "from timewarp.turtle.python_api import *", None),
    ("code", "def double(n):\n    ### BEGIN SOLUTION\n    return n * 2\n    ### END SOLUTION",
     ("solution", "double", 0)),
    ("code", "assert double(4) == 8, 'double 4 should be 8'\n"
             "assert double(-3) == -6, 'double -3 should be -6'", ("test", "double_test", 2)),
    ("code", "### BEGIN SOLUTION\ndef square(size):\n    for _ in range(4):\n"
             "        forward(size)\n        right(90)\n### END SOLUTION", ("solution", "square", 0)),
    ("code", _SHAPE_TEST.format(call="square(100)", reference="for _ in range(4):\n"
                                "    forward(100)\n    right(90)"), ("test", "square_test", 2)),
    ("code", "### BEGIN SOLUTION\ndef star(size):\n    for _ in range(5):\n"
             "        forward(size)\n        right(144)\n### END SOLUTION", ("solution", "star", 0)),
    ("code", _SHAPE_TEST.format(call="star(120)", reference="for _ in range(5):\n"
                                "    forward(120)\n    right(144)"), ("test", "star_test", 2)),
    ("code", "### BEGIN SOLUTION\ndef spiral(size):\n    if size > 100:\n        return\n"
             "    forward(size)\n    right(90)\n    spiral(size + 10)\n### END SOLUTION",
     ("solution", "spiral", 0)),
    ("code", _SHAPE_TEST.format(call="spiral(10)", reference="for s in range(10, 101, 10):\n"
                                "    forward(s)\n    right(90)"), ("test", "spiral_test", 2)),
]


def python_notebook(cells: list) -> nbformat.NotebookNode:
    book = new_notebook()
    book.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python",
                                   "name": "python3"}
    for kind, source, role in cells:
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        if role is not None:
            what, grade_id, points = role
            cell.metadata["nbgrader"] = {
                "schema_version": 3, "task": False, "grade_id": grade_id,
                "solution": what == "solution", "grade": what == "test",
                "locked": what == "test", **({"points": points} if what == "test" else {})}
        book.cells.append(cell)
    return book


def nbgrader(course: Path, *args: str) -> None:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def prepare(course: Path, assignment: str, notebook: str, book: nbformat.NotebookNode,
            students: int) -> None:
    source = course / "source" / assignment
    source.mkdir(parents=True)
    nbformat.write(book, source / f"{notebook}.ipynb")
    nbgrader(course, "generate_assignment", assignment, "--force")
    for number in range(students):
        folder = course / "submitted" / f"student{number:03d}" / assignment
        folder.mkdir(parents=True)
        # Half solve it, half hand in the untouched student version.
        origin = source if number % 2 == 0 else course / "release" / assignment
        shutil.copy(origin / f"{notebook}.ipynb", folder / f"{notebook}.ipynb")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=50, help="a multiple of 10")
    args = parser.parse_args()
    if args.students <= 0 or args.students % ROUND:
        parser.error(f"--students must be a positive multiple of {ROUND}")
    assignments = [
        ("basic-squares", "squares", nbformat.read(DEMO / "basic-squares/squares.ipynb", 4)),
        ("python-squares", "squares", python_notebook(PY_SQUARES)),
        ("logo-turtle", "turtle", nbformat.read(DEMO / "logo-turtle/turtle.ipynb", 4)),
        ("python-turtle", "turtle", python_notebook(PY_TURTLE)),
    ]
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="grading-speed-") as tmp:
        course = Path(tmp)
        for assignment, notebook, book in assignments:
            prepare(course, assignment, notebook, book, args.students)
        seconds = dict.fromkeys([a for a, _, _ in assignments], 0.0)
        for first in range(0, args.students, ROUND):
            # nbgrader takes the student id as a glob: student00[0-9] is one round of ten.
            pattern = f"student{first // ROUND:02d}[0-9]"
            for assignment in seconds:
                started = time.perf_counter()
                nbgrader(course, "autograde", assignment, "--force",
                         f"--CourseDirectory.student_id={pattern}")
                seconds[assignment] += time.perf_counter() - started
        for assignment, spent in seconds.items():
            rates[assignment] = args.students / spent * 60
            print(f"{assignment:15s} {args.students} submissions in {spent:6.1f} s: "
                  f"{rates[assignment]:5.1f} per minute", flush=True)
    print()
    print("| assignment | ours per minute | Python per minute | ours / Python |")
    print("| --- | --- | --- | --- |")
    for ours, twin in (("basic-squares", "python-squares"), ("logo-turtle", "python-turtle")):
        print(f"| {ours} | {rates[ours]:.1f} | {rates[twin]:.1f} | "
              f"{rates[ours] / rates[twin]:.2f} |")


if __name__ == "__main__":
    main()
