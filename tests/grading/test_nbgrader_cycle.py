"""The real nbgrader on a course folder with no configuration of its own: generate, autograde,
feedback and export BASIC, Logo and PILOT assignments (the demo course's notebooks) for a
student with correct work, one with wrong work and one whose programs never end.
"""

from __future__ import annotations

import csv
import io

import nbformat
import pytest

from timewarp_grading.export import main as export_main

pytestmark = pytest.mark.slow

#: The time limit per cell, given on the command line so that the course stays unconfigured.
LIMIT = "--GradingExecute.cell_time_limit=1"

SUBMISSIONS = {
    ("basic-squares", "squares"): {
        "wrong": {"squares_program": '10 INPUT "A NUMBER"; N\n20 PRINT "THE SQUARE OF"; N; '
                                     '"IS"; SQUARE(N)\n30 END\n100 FUNCTION SQUARE(X)\n'
                                     '110 SQUARE = X + X\n120 END FUNCTION',
                  "times_table": "DIM T(10)\nFOR I = 1 TO 10\n  T(I) = I * 7\nNEXT I"},
        "endless": {"squares_program": "10 GOTO 10\n100 FUNCTION SQUARE(X)\n105 GOTO 105\n"
                                       "110 SQUARE = X * X\n120 END FUNCTION",
                    "times_table": "DO\nLOOP"},
    },
    ("logo-turtle", "turtle"): {
        "wrong": {"double": "to double :n\noutput :n + 2\nend",
                  "square": "to square :size\nrepeat 3 [forward :size right 90]\nend",
                  "star": "to star :size\nrepeat 5 [forward :size right 144]\nend",
                  "spiral": "to spiral :size\nif :size > 100 [stop]\nforward :size right 90\n"
                            "spiral :size + 10\nend"},
        "endless": {"double": "to double :n\nforever [make \"n :n + 1]\nend",
                    "square": "to square :size\nforever [forward 1 right 1]\nend",
                    "star": "to star :size\nforever [right 1]\nend",
                    "spiral": "to spiral :size\nwhile [:size > 0] [right 1]\nend"},
    },
    ("pilot-quiz", "quiz"): {
        "wrong": {"quiz": "C:#SCORE = 2\nT:What is the capital of France?\nA:\nT:Right!\n"
                          "T:What is 6 times 7?\nA:#N\nT:Right!\nT:Your score is #SCORE"},
        "endless": {"quiz": "*TOP\nT:What is the capital of France?\nJ:*TOP"},
    },
}

EXPECTED_SCORES = {
    "basic-squares": {"good": 10, "wrong": 4, "endless": 0, "tamperer": 0},
    "crash": {"good": 1},
    "logo-turtle": {"good": 8, "wrong": 4, "endless": 0},
    "pilot-quiz": {"good": 6, "wrong": 2, "endless": 0},
}


@pytest.fixture(scope="module")
def course(new_course):
    course = new_course()
    for (assignment, notebook), students in SUBMISSIONS.items():
        course.add_source(assignment)
        course.nbgrader("generate_assignment", assignment, "--force")
        course.submit("good", assignment, notebook, source=True)
        for student, answers in students.items():
            course.submit(student, assignment, notebook, answers)
        if assignment == "basic-squares":
            add_tampered_and_broken(course)
        course.nbgrader("autograde", assignment, "--force", LIMIT, check=False)
    add_crashing_test(course)
    course.nbgrader("autograde", "crash", "--force", LIMIT)
    course.nbgrader("export")
    return course


def add_tampered_and_broken(course) -> None:
    # A student who rewrote a test to pass, deleted another test, and put a %%check of
    # their own in a solution cell: the tests come back from the gradebook, the added check
    # is not run.
    path = course.submit("tamperer", "basic-squares", "squares", {
        "square_function": "%%check\nprint('all good')",
        "squares_program": "%%check\nprint('cheating')"})
    book = nbformat.read(path, 4)
    book.cells = [c for c in book.cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") != "times_table_test"]
    nbformat.write(book, path)
    # A notebook that is not JSON at all.
    course.submit("broken", "basic-squares", "squares").write_text("this is not a notebook {")


def add_crashing_test(course) -> None:
    """An assignment whose first test kills the kernel outright, as a crash would."""
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"display_name": "BASIC (Time Warp)", "language": "basic",
                                   "name": "basic"}
    for grade_id, source in (("dies", "%%check\nimport os\nos._exit(1)"),
                             ("after", 'X = 2 + 2\nASSERT X = 4, "sums still work"')):
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["nbgrader"] = {"schema_version": 3, "grade": True, "solution": False,
                                     "locked": True, "task": False, "grade_id": grade_id,
                                     "points": 1}
        book.cells.append(cell)
    (course.root / "source" / "crash").mkdir(parents=True)
    nbformat.write(book, course.root / "source" / "crash" / "crash.ipynb")
    course.nbgrader("generate_assignment", "crash", "--force")
    course.submit("good", "crash", "crash", source=True)


def test_the_course_has_no_configuration_of_its_own(course):
    assert not (course.root / "nbgrader_config.py").exists()


@pytest.mark.parametrize(("assignment", "notebook", "stub"), [
    ("basic-squares", "squares", 'REM YOUR CODE HERE\nASSERT 0, "your answer is not written'),
    ("logo-turtle", "turtle", '; YOUR CODE HERE\nassert "false [your answer is not written'),
    ("pilot-quiz", "quiz", "R: YOUR CODE HERE\nCK: 0, your answer is not written"),
])
def test_the_student_version_has_the_language_s_own_stub(course, assignment, notebook, stub):
    released = course.release(assignment, notebook)
    sources = "\n".join(cell.source for cell in released.cells)
    assert stub in sources
    assert "BEGIN SOLUTION" not in sources and "NotImplementedError" not in sources


def test_the_csv_export_holds_exactly_the_intended_scores(course):
    rows = list(csv.DictReader(io.StringIO((course.root / "grades.csv").read_text())))
    scores = {(r["assignment"], r["student_id"]): float(r["score"]) for r in rows}
    # nbgrader's export has a row for every student and assignment: 0 where nothing was
    # handed in, and for the notebook that is not JSON.
    students = {"good", "wrong", "endless", "tamperer", "broken"}
    expected = {(a, s): 0.0 for a in EXPECTED_SCORES for s in students}
    expected.update({(a, s): float(v) for a, by in EXPECTED_SCORES.items()
                     for s, v in by.items()})
    assert scores == expected


def test_the_per_student_exports_agree(course, capsys):
    export_main(["--course-dir", str(course.root)])
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0] == ["student_id", "last_name", "first_name", "basic-squares (10)",
                        "crash (2)", "logo-turtle (8)", "pilot-quiz (6)", "total (26)"]
    # Empty where a student handed nothing in: told apart from a 0 for wrong work.
    assert table[1:] == [["broken", "", "", "0", "", "", "", "0"],
                         ["endless", "", "", "0", "", "0", "0", "0"],
                         ["good", "", "", "10", "1", "8", "6", "25"],
                         ["tamperer", "", "", "0", "", "", "", "0"],
                         ["wrong", "", "", "4", "", "4", "2", "10"]]
    export_main(["--course-dir", str(course.root), "--per", "question",
                 "--assignment", "logo-turtle"])
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][3:] == ["turtle/double_test (2)", "turtle/spiral_test (2)",
                            "turtle/square_test (2)", "turtle/star_test (2)", "total (8)"]
    by_student = {row[0]: row[3:] for row in table[1:]}
    assert by_student["wrong"] == ["0", "2", "0", "2", "4"]
    assert by_student["good"] == ["2", "2", "2", "2", "8"]
    assert by_student["tamperer"] == [""] * 5


def test_wrong_work_is_told_why_in_plain_words(course, grade_outputs):
    basic = grade_outputs(course.autograded("wrong", "basic-squares", "squares"))
    assert "CheckFailed: SQUARE(3) should be 9, but it is 6" in basic["square_function"]
    assert "Traceback" not in "".join(basic.values())
    logo = grade_outputs(course.autograded("wrong", "logo-turtle", "turtle"))
    assert "LogoError: assertion failed: double 4 should be 8  in line 1" in logo["double_test"]
    assert "CheckFailed: your square has 3 sides, not 4" in logo["square_test"]
    assert "passed: your drawing matches the expected one" in logo["star_test"]
    pilot = grade_outputs(course.autograded("wrong", "pilot-quiz", "quiz"))
    assert "CheckFailed: the output should contain \"No, it is Paris.\"" in pilot["all_wrong"]
    assert "PilotError: Line 3: check failed: after two wrong answers the score should be 0, " \
           "not 2" in pilot["score_kept"]


@pytest.mark.parametrize(("assignment", "notebook", "cells"), [
    ("basic-squares", "squares", ["squares_program", "square_function", "square_program",
                                  "times_table"]),
    ("logo-turtle", "turtle", ["double_test", "square_test", "star_test", "spiral_test"]),
    ("pilot-quiz", "quiz", ["quiz", "all_right", "all_wrong"]),
])
def test_an_endless_loop_stops_at_the_time_limit_in_every_cell(course, grade_outputs, assignment,
                                                               notebook, cells):
    outputs = grade_outputs(course.autograded("endless", assignment, notebook))
    for cell in cells:
        assert "TimeLimit: this cell ran for more than 1 second, the time limit for grading" \
               in outputs[cell], cell


def test_input_while_grading_fails_at_once_with_one_message(course, grade_outputs):
    outputs = grade_outputs(course.autograded("good", "pilot-quiz", "quiz"))
    assert outputs["quiz"].endswith(
        "InputError: this program asked for input, which grading cannot give")
    basic = grade_outputs(course.autograded("wrong", "basic-squares", "squares"))
    assert "this program asked for input, which grading cannot give" in basic["squares_program"]


def test_feedback_shows_each_test_s_message_and_the_drawings(course):
    course.nbgrader("generate_feedback", "logo-turtle", "--student", "wrong", "--force")
    html = (course.root / "feedback" / "wrong" / "logo-turtle" / "turtle.html").read_text()
    assert "your square has 3 sides, not 4" in html
    assert "double 4 should be 8" in html
    # The student's drawing beside the expected one, for each drawing comparison that ran
    # (the star's and the spiral's; the square failed its facts first).
    assert html.count("data:image/png;base64") == 2


def test_tampered_and_broken_submissions_leave_the_rest_intact(course, grade_outputs):
    outputs = grade_outputs(course.autograded("tamperer", "basic-squares", "squares"))
    assert outputs["squares_program"].startswith("CheckRefused: %%check runs Python, so only "
                                                 "the teacher's test cells may use it")
    assert "CheckFailed: SQUARE(3) should be 9" in outputs["square_function"]
    assert "cheating" not in "".join(outputs.values())
    assert not (course.root / "autograded" / "broken" / "basic-squares").exists()


def test_a_kernel_that_dies_costs_one_cell_and_grading_goes_on(course, grade_outputs):
    outputs = grade_outputs(course.autograded("good", "crash", "crash"))
    assert outputs["dies"].startswith("KernelDied: the program stopped the kernel that was "
                                      "grading it")
    assert outputs["after"] == ""
