"""%%check cells run in-process against headless sessions: transcripts for given input,
variables, procedures and FUNCTIONs, and failures told in plain words, never a traceback."""

from __future__ import annotations

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.languages import LANGUAGES
from timewarp_grading.checks.cell import is_check_cell, run_check_cell

ADDER = {
    "basic": '10 INPUT "FIRST"; A\n20 INPUT "SECOND"; B\n30 PRINT "THE SUM IS"; A + B\n'
             '40 END\n100 FUNCTION TWICE(N)\n110 TWICE = 2 * N\n120 END FUNCTION',
    "logo": 'to twice :n\noutput 2 * :n\nend\nprint (word "first?)\nmake "a readword\n'
            'print (word "second?)\nmake "b readword\nprint sentence [the sum is] :a + :b',
    "pilot": "T:first?\nA:#A\nT:second?\nA:#B\nC:#SUM = #A + #B\nT:the sum is #SUM",
}


def check(language: str, checks: str, cell: str | None = None, setup: str = ""):
    """Run a %%check cell after ``setup``; returns (error reply, lines said, rich outputs)."""
    session = LANGUAGES[language].session_class()(console=ScriptedConsole())
    if setup:
        session.execute(setup)
    said: list[str] = []
    shown: list[dict] = []
    error = run_check_cell(session, "%%check\n" + checks, cell, shown.append, said.append)
    return error, said, shown


@pytest.mark.parametrize("language", ["basic", "logo", "pilot"])
def test_a_transcript_for_given_input_passes_every_kind_of_check(language):
    error, said, _ = check(language, "run(inputs=['3', '4'])\nexpect_contains('7')\n"
                                     "expect_regex(r'(?i)the sum is\\s*7')\n"
                                     "expect_numbers([7])\n", cell=ADDER[language])
    assert error is None, error
    assert said[0] == "passed: the output contains '7'"


@pytest.mark.parametrize(("checks", "message"), [
    ('run(inputs=["3", "4"])\nexpect_numbers([8])', "expected 8, printed 7"),
    ('run(inputs=["3", "4"])\nexpect_contains("SUM: 7")',
     'the output should contain "SUM: 7", but your program printed \'first?\\nsecond?\\n'
     'the sum is 7\''),
    ('run(inputs=["3", "4"])\nexpect_output("first?\\nsecond?\\nthe sum is 8")',
     'line 3 of the output should be "the sum is 8", but your program printed "the sum is 7"'),
    ('run(inputs=["3"])', "your program asked for input 2 times, but this test gives it only "
                          "1 answer (3)"),
    ('run(inputs=["3", "4"])\nexpect_numbers([7, 1], tolerance=0.5)',
     "expected 7, 1, but your program printed only 1 number (7)"),
    ('run(inputs=["3", "4"])\nexpect_variable("#SUM", 8)', "#SUM should be 8, but it is 7"),
    ("expect_variable('#TOTAL', 8)", "your program has no variable called #TOTAL"),
])
def test_failures_are_one_plain_sentence(checks, message):
    error, _, _ = check("pilot", checks, cell=ADDER["pilot"])
    assert error == ("CheckFailed", message)


def test_a_wrong_number_within_the_tolerance_passes():
    error, _, _ = check("pilot", 'run(inputs=["3.1", "4"])\nexpect_numbers([7], tolerance=0.2)',
                        cell=ADDER["pilot"])
    assert error is None


def test_basic_functions_arrays_and_variables_after_run():
    program = ('10 DIM SQ(5)\n20 FOR I = 1 TO 5: SQ(I) = I * I: NEXT I\n30 NAME$ = "ADA"\n'
               "40 DEF FNCUBE(X) = X * X * X\n50 END\n100 FUNCTION TWICE(N)\n110 TWICE = 2 * N\n"
               "120 END FUNCTION")
    error, said, _ = check("basic", 'expect_variable("SQ", [0, 1, 4, 9, 16, 25])\n'
                                    'expect_variable("NAME$", "ADA")\n'
                                    'expect_call("TWICE", [21], 42)\n'
                                    'expect_call("FNCUBE", [3], 27)\n'
                                    'assert variable("I") == 6, "I should end at 6"',
                           setup=program)
    assert error is None, error
    assert said[2] == "passed: TWICE(21) gives the right answer"
    error, _, _ = check("basic", 'expect_call("TWICE", [4], 9)', setup=program)
    assert error == ("CheckFailed", "TWICE(4) should be 9, but it is 8")


def test_logo_procedures_are_called_with_inputs():
    error, _, _ = check("logo", 'expect_call("twice", [21], 42)\n'
                                'expect_call("twice", 2, 5)', setup=ADDER["logo"].split("print")[0])
    assert error == ("CheckFailed", "twice 2 should be 5, but it is 4")
    error, _, _ = check("logo", 'call("nothing")')
    assert error == ("CheckFailed", "your program has no procedure called nothing")


def test_a_program_error_and_a_plain_assert_are_failures_not_tracebacks():
    error, _, _ = check("basic", 'run("X = SQR(-1)")')
    assert error == ("CheckFailed",
                     "your program stopped with an error: Illegal function call in 1")
    error, _, _ = check("basic", 'assert 1 == 2, "one is not two"')
    assert error == ("CheckFailed", "one is not two")


def test_a_mistake_in_the_check_itself_is_reported_to_the_teacher():
    error, _, _ = check("logo", "x = 1\nexpect_shape(sidez=4)")
    assert error[0] == "CheckError"
    assert "on line 3 of the check cell" in error[1]  # the %%check line is line 1
    assert "mistake in the test, not in the student's work" in error[1]


def test_a_drawing_check_shows_both_drawings():
    error, said, shown = check("logo", 'run("repeat 4 [forward 100 right 90]")\n'
                                       'expect_drawing(draw("repeat 4 [forward 100 left 90]"))')
    assert error is None
    assert said == ["passed: your drawing matches the expected one"]
    assert shown[0]["image/png"].startswith("iVBORw0KGgo")  # a PNG, base64


def test_only_cells_that_start_with_the_magic_are_checks():
    assert is_check_cell("\n  %%check\nexpect_numbers([1])")
    assert not is_check_cell("PRINT 1\n%%check")
