"""The session: cells, the program in memory, commands, direct mode, questions from a front end."""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import Session

from .conftest import Runner


def test_it_is_a_session_for_bas_files():
    assert issubclass(BasicSession, Session)
    assert (BasicSession.language, BasicSession.display_name, BasicSession.file_extensions) == (
        "basic", "BASIC", (".bas",))


def test_a_whole_numbered_program_in_a_cell_runs(basic):
    assert basic.cell('10 PRINT "HI"\n20 PRINT 2\n') == "HI\n 2 \n"


def test_numbered_lines_merge_into_the_program_and_run_on_run(basic):
    basic.cell('10 PRINT "A"\n30 PRINT "C"\n')
    assert basic.cell('20 PRINT "B"') == ""
    assert basic.cell("RUN") == "A\nB\nC\n"
    basic.cell("20")
    assert basic.cell("LIST") == '10 PRINT "A"\n30 PRINT "C"\n'


def test_list_ranges(basic):
    basic.cell("10 A=1\n20 B=2\n30 C=3\n40 D=4\n")
    assert basic.cell("LIST 20-30") == "20 B=2\n30 C=3\n"
    assert basic.cell("LIST -20") == "10 A=1\n20 B=2\n"
    assert basic.cell("LIST 30-") == "30 C=3\n40 D=4\n"
    assert basic.cell("LIST 40") == "40 D=4\n"


def test_delete_and_new(basic):
    basic.cell("10 A=1\n20 B=2\n30 C=3\n")
    basic.cell("DELETE 10-20")
    assert basic.cell("LIST") == "30 C=3\n"
    basic.cell("NEW")
    assert basic.cell("LIST") == ""


def test_renum_moves_lines_and_the_jumps_that_name_them(basic):
    basic.cell('5 GOSUB 7\n6 END\n7 PRINT "SUB": IF 1 THEN 9 ELSE 6\n9 RETURN\n')
    basic.cell("RENUM")
    assert basic.cell("LIST") == (
        '10 GOSUB 30\n20 END\n30 PRINT "SUB": IF 1 THEN 40 ELSE 20\n40 RETURN\n')
    assert basic.cell("RUN") == "SUB\n"
    basic.cell("RENUM 100, 30, 5")
    assert basic.cell("LIST 100-") == '100 PRINT "SUB": IF 1 THEN 105 ELSE 20\n105 RETURN\n'


def test_direct_statements_run_at_once_and_variables_persist(basic):
    basic.cell("X = 5: Y$ = \"HI\"")
    assert basic.cell("PRINT X * 2; Y$") == " 10 HI\n"
    assert basic.session.variables() == {"X": 5.0, "Y$": "HI"}


def test_run_clears_variables_but_direct_mode_sees_the_programs(basic):
    basic.cell("X = 5")
    basic.cell("10 PRINT X: Y = 7")
    assert basic.cell("RUN") == " 0 \n"
    assert basic.cell("PRINT Y") == " 7 \n"


def test_arrays_persist_as_nested_lists(basic):
    basic.cell("DIM A(2), B$(1, 1): A(1) = 3: B$(1, 0) = \"Z\"")
    assert basic.session.variables() == {"A": [0, 3.0, 0], "B$": [["", ""], ["Z", ""]]}
    assert basic.cell("PRINT A(1); B$(1, 0)") == " 3 Z\n"


def test_structured_code_in_a_cell_runs_as_a_program(basic):
    source = "total = 0\nFOR i = 1 TO 3\n  total = total + i\nNEXT\nSUB show (n)\n  PRINT n\nEND SUB\nshow total\n"
    assert basic.cell(source) == " 6 \n"
    assert basic.session.variables()["TOTAL"] == 6


def test_run_file_with_unnumbered_source(basic):
    assert basic.run('PRINT "ONE"\nPRINT 2 + 2\n') == "ONE\n 4 \n"


def test_errors_name_the_line_of_the_cell_for_unnumbered_code(basic):
    with pytest.raises(BasicError) as caught:
        basic.cell("PRINT 1\n\nPRINT 1 / 0: X = SQR(-1)")
    assert caught.value.message == "Illegal function call in 3"
    assert caught.value.line == 3


def test_a_misspelt_keyword_gets_a_suggestion(basic):
    with pytest.raises(BasicError) as caught:
        basic.run('10 PRINT "A"\n20 PRIMT "B"\n')
    assert caught.value.message == "Syntax error in 20: unknown word PRIMT — did you mean PRINT?"
    assert caught.value.ename == "BasicError" and caught.value.line == 20


@pytest.mark.parametrize("source, state", [
    ("PRINT 1", "complete"), ("10 FOR I = 1 TO 3", "complete"),
    ("SUB hello\n  PRINT 1", "incomplete"), ("SUB hello\n  PRINT 1\nEND SUB", "complete"),
    ("IF x THEN\n PRINT 1", "incomplete"), ("IF x THEN PRINT 1", "complete"),
    ("DO\n x = x + 1", "incomplete"), ("DO\nLOOP UNTIL x", "complete"),
    ("FOR i = 1 TO 3", "incomplete"), ("SELECT CASE x\nCASE 1\nEND SELECT", "complete"),
    ("WHILE x\nWEND", "complete"), ("", "complete"),
])
def test_is_complete(source, state):
    assert BasicSession().is_complete(source) == state


def test_complete_offers_keywords_functions_and_own_names(basic):
    basic.cell("counter = 1: DIM scores(3)")
    completion = basic.session.complete("PRINT LE", 8)
    assert (completion.start, completion.end) == (6, 8)
    assert "LEFT$" in completion.matches and "LEN" in completion.matches
    assert "COUNTER" in basic.session.complete("PRINT CO", 8).matches
    lower = basic.session.complete("pri", 3)
    assert "print" in lower.matches
    source = "SUB drawbox\nEND SUB\ndr"
    assert basic.session.complete(source, len(source)).matches == ["drawbox", "draw"]


def test_inspect_gives_help_for_keywords(basic):
    text = basic.session.inspect("PRINT LEFT$(A$, 2)", 8)
    assert text and "LEFT$" in text
    assert basic.session.inspect("   ", 1) is None


def test_run_line_starts_the_program_there(basic):
    basic.cell('10 PRINT "A"\n20 PRINT "B"\n')
    assert basic.cell("RUN 20") == "B\n"


def test_input_past_end_is_a_clean_error():
    runner = Runner()
    with pytest.raises(BasicError, match="Input past end in 10"):
        runner.run("10 INPUT A\n")


def test_input_asks_again_on_a_bad_answer():
    runner = Runner(["x", "1,2", "3, 4"])
    assert runner.run('10 INPUT "TWO"; A, B\n20 PRINT A + B\n') == (
        "TWO? x\n?Redo from start\nTWO? 1,2\n 3 \n")


def test_line_input_takes_the_whole_line():
    runner = Runner(['He said, "hi"'])
    assert runner.run('10 LINE INPUT "> "; S$: PRINT S$\n') == '> He said, "hi"\nHe said, "hi"\n'


def test_inkey_reads_the_console():
    runner = Runner()
    runner.console.poll_key = lambda: "k"
    assert runner.run('10 K$ = INKEY$: PRINT K$\n') == "k\n"
