"""QBasic: SUBs and FUNCTIONs kept from cell to cell, TYPE records, REDIM, DECLARE, DEFtype.

Cell persistence goes through the session API (each ``cell`` is one notebook cell); the
GW-BASIC parts (DEFINT, ERASE) are checked against PC-BASIC as the other transcripts are.
"""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError

from .conftest import Runner, run


# SUB, FUNCTION and DEF FN defined in one cell, used in the next

def test_a_function_defined_in_a_cell_is_known_in_later_cells(basic):
    assert basic.cell("FUNCTION SQUARE (X)\n  SQUARE = X * X\nEND FUNCTION\n") == ""
    assert basic.cell("PRINT SQUARE(3)") == " 9 \n"
    assert basic.cell("ASSERT SQUARE(3) = 9: PRINT \"passed\"") == "passed\n"
    with pytest.raises(BasicError, match="Assertion failed"):
        basic.cell("ASSERT SQUARE(3) = 10")


def test_calling_a_function_never_defined_is_an_error_not_zero(basic):
    with pytest.raises(BasicError) as caught:
        basic.cell("PRINT SQUARE(3)")
    assert caught.value.kind == "Undefined user function"
    assert "FUNCTION SQUARE" in caught.value.message
    # Nothing was left behind: the name can still become an array.
    assert basic.cell("DIM SQUARE(3): SQUARE(1) = 7: PRINT SQUARE(1)") == " 7 \n"


def test_arrays_that_are_stored_into_are_still_made_when_first_used(basic):
    assert basic.cell("A(3) = 4: PRINT A(3); A(2)") == " 4  0 \n"
    assert basic.cell("PRINT A(3)") == " 4 \n"


def test_defining_again_replaces(basic):
    basic.cell("FUNCTION F$ (N)\n  F$ = \"one\"\nEND FUNCTION")
    basic.cell("SUB SHOW\n  PRINT F$(1)\nEND SUB")
    assert basic.cell("SHOW") == "one\n"
    basic.cell("FUNCTION F$ (N): F$ = \"two\" + STR$(N): END FUNCTION")
    assert basic.cell("SHOW: CALL SHOW") == "two 1\ntwo 1\n"


def test_def_fn_is_kept_and_replaced(basic):
    basic.cell("DEF FNDOUBLE(X) = 2 * X: PRINT FNDOUBLE(1)")
    assert basic.cell("PRINT FNDOUBLE(4)") == " 8 \n"
    basic.cell("DEF FNDOUBLE(X) = X + X + 1")
    assert basic.cell("PRINT FNDOUBLE(4)") == " 9 \n"


def test_only_definitions_are_kept_not_the_code_around_them(basic):
    assert basic.cell('PRINT "before"\nSUB HI\n  PRINT "hi"\nEND SUB\nPRINT "after"') == (
        "before\nafter\n")
    assert basic.cell("HI") == "hi\n"


def test_labels_inside_a_kept_sub_still_work(basic):
    basic.cell("SUB COUNT\n  I = 0\nagain:\n  I = I + 1\n  IF I < 3 THEN GOTO again\n"
               "  PRINT I\nEND SUB")
    assert basic.cell("COUNT") == " 3 \n"


def test_shared_variables_and_constants_are_kept(basic):
    basic.cell("CONST LIMIT = 5\nDIM SHARED TOTAL, SEEN(3)\nSUB ADD (N)\n  TOTAL = TOTAL + N\n"
               "  SEEN(1) = N\n  IF TOTAL > LIMIT THEN PRINT \"over\"\nEND SUB")
    assert basic.cell("ADD 3: ADD 4: PRINT TOTAL; SEEN(1); LIMIT") == "over\n 7  4  5 \n"


def test_a_cell_that_does_not_compile_keeps_nothing(basic):
    with pytest.raises(BasicError):
        basic.cell("FUNCTION G (X)\n  G = X +\nEND FUNCTION")
    with pytest.raises(BasicError, match="Undefined user function"):
        basic.cell("PRINT G(1)")


def test_a_cell_that_fails_while_running_keeps_its_definitions(basic):
    with pytest.raises(BasicError, match="Illegal function call"):
        basic.cell("FUNCTION H (X)\n  H = X + 1\nEND FUNCTION\nPRINT SQR(-1)")
    assert basic.cell("PRINT H(1)") == " 2 \n"


def test_the_program_in_memory_sees_the_cells_definitions_and_new_forgets_them(basic):
    basic.cell("FUNCTION SQUARE (X)\n  SQUARE = X * X\nEND FUNCTION")
    assert basic.cell("10 PRINT SQUARE(5)\n") == " 25 \n"
    # The program's own definition wins over the cell's.
    basic.cell("20 FUNCTION SQUARE (X)\n30 SQUARE = -1\n40 END FUNCTION")
    assert basic.cell("RUN") == "-1 \n"
    basic.cell("CLEAR")
    assert basic.cell("PRINT SQUARE(2)") == " 4 \n"
    basic.cell("NEW")
    assert basic.cell("LIST") == ""
    with pytest.raises(BasicError, match="Undefined user function"):
        basic.cell("PRINT SQUARE(2)")


def test_declarations_carry_over_to_later_cells(basic):
    basic.cell("DEFINT I-N\nDIM RATE AS DOUBLE")
    assert basic.cell("I = 2.6: RATE = 1# / 3: PRINT I; RATE") == " 3  .3333333333333333 \n"
    assert basic.session.variables()["I%"] == 3


def test_grading_calls_and_asserts_a_function_from_an_unnumbered_cell():
    from timewarp.engine import ScriptedConsole
    from timewarp.basic.session import BasicSession
    from timewarp_grading.checks.cell import run_check_cell

    session = BasicSession(console=ScriptedConsole())
    session.execute("FUNCTION SQUARE (X)\n  SQUARE = X * X\nEND FUNCTION\n"
                    "DEF FNCUBE (X) = X * X * X")
    said: list[str] = []
    error = run_check_cell(session, '%%check\nexpect_call("SQUARE", [3], 9)\n'
                           'expect_call("FNCUBE", [2], 8)', None, lambda _: None, said.append)
    assert error is None, error
    assert said == ["passed: SQUARE(3) gives the right answer",
                    "passed: FNCUBE(2) gives the right answer"]
    error = run_check_cell(session, '%%check\nexpect_call("SQUARE", [3], 10)', None,
                           lambda _: None, said.append)
    assert error == ("CheckFailed", "SQUARE(3) should be 10, but it is 9")
    session.execute("ASSERT SQUARE(4) = 16 AND FNCUBE(3) = 27")
    with pytest.raises(BasicError, match="Assertion failed"):
        session.execute("ASSERT SQUARE(4) = 15")
