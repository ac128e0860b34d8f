"""QBasic: SUBs and FUNCTIONs kept from cell to cell, TYPE records, REDIM, DECLARE, DEFtype.

Cell persistence goes through the session API (each ``cell`` is one notebook cell); the
GW-BASIC parts (DEFINT, ERASE) are checked against PC-BASIC as the other transcripts are.
"""

from __future__ import annotations

import pytest
from timewarp.basic.errors import BasicError

from .conftest import Runner

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
    from timewarp.basic.session import BasicSession
    from timewarp.engine import ScriptedConsole
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


# TYPE ... END TYPE records

RECORDS = """
TYPE Point
  x AS INTEGER
  y AS SINGLE
END TYPE
TYPE Person
  name AS STRING * 6
  age AS INTEGER
  home AS Point
END TYPE
"""


def test_record_fields_whole_records_and_len(basic):
    basic.cell(RECORDS)
    assert basic.cell("DIM p AS Point, q AS Point\np.x = 3.7: p.y = 1.5\nq = p\n"
                      "p.x = 0\nPRINT q.x; q.y; p.x; LEN(p); LEN(q.x); LEN(q.y)") == (
        " 4  1.5  0  6  2  4 \n")


def test_arrays_of_records_nested_fields_and_fixed_strings(basic):
    basic.cell(RECORDS)
    assert basic.cell('DIM a(3) AS Person\na(1).name = "Ada Lovelace": a(1).age = 36\n'
                      "a(1).home.x = 5\na(2) = a(1)\na(1).age = 1\n"
                      'PRINT "["; a(2).name; "]"; a(2).age; a(2).home.x; LEN(a(1)); '
                      '"["; a(3).name; "]"') == "[Ada Lo] 36  5  14 [      ]\n"
    # The record array and its TYPE stay for the next cell.
    assert basic.cell("PRINT a(2).name; a(1).age") == "Ada Lo 1 \n"


def test_records_and_record_arrays_are_passed_to_subs_by_reference(basic):
    basic.cell(RECORDS)
    basic.cell("SUB birthday (r AS Person)\n  r.age = r.age + 1\n  PRINT r.name; r.age\nEND SUB\n"
               "SUB older (people() AS Person, n)\n  FOR i = 1 TO n\n"
               "    people(i).age = people(i).age + 10\n  NEXT\nEND SUB\n"
               "FUNCTION total (people() AS Person)\n  FOR i = LBOUND(people) TO UBOUND(people)\n"
               "    sum = sum + people(i).age\n  NEXT\n  total = sum\nEND FUNCTION")
    assert basic.cell('DIM kid AS Person: kid.name = "Tim": kid.age = 7\nbirthday kid\n'
                      "PRINT kid.age") == "Tim    8 \n 8 \n"
    assert basic.cell("DIM club(1 TO 2) AS Person: club(1).age = 30: club(2).age = 40\n"
                      "birthday club(2)\nolder club(), 2\nPRINT club(1).age; club(2).age; "
                      "total(club())") == "       41 \n 40  51  91 \n"


def test_record_mistakes_are_told_plainly(basic):
    basic.cell(RECORDS)
    with pytest.raises(BasicError, match="Type mismatch"):
        basic.cell("DIM p AS Point, o AS Person: p = o")
    with pytest.raises(BasicError, match="(?i)has no field z"):
        basic.cell("DIM a(2) AS Point: a(1).z = 1")
    with pytest.raises(BasicError, match="Type mismatch.*whole record"):
        basic.cell("DIM p AS Point: PRINT p")
    with pytest.raises(BasicError, match="(?i)TYPE Box has no END TYPE"):
        basic.cell("TYPE Box\n  w AS INTEGER")
    with pytest.raises(BasicError, match="Duplicate Definition"):
        basic.cell("TYPE Point\n  x AS INTEGER\nEND TYPE")
    # A failed cell left nothing half-open: the next cell reads as usual.
    assert basic.cell("w = 2: PRINT w") == " 2 \n"


def test_a_fixed_length_string_variable(basic):
    assert basic.cell('DIM code AS STRING * 4: PRINT "["; code; "]"; LEN(code)\n'
                      'code = "ABCDEFG": PRINT code; LEN(code)\ncode = "Z": PRINT "["; code; "]"'
                      ) == "[    ] 4 \nABCD 4 \n[Z   ]\n"


# REDIM, ERASE, DECLARE, DEFtype

def test_redim_and_redim_preserve(basic):
    assert basic.cell("' $DYNAMIC\nDIM b(5): b(5) = 7: b(2) = 2\nREDIM PRESERVE b(1 TO 8)\n"
                      "PRINT b(5); b(2); UBOUND(b); LBOUND(b)\nREDIM b(3)\nPRINT b(2); UBOUND(b)\n"
                      "DIM g(2, 3): g(1, 1) = 4: REDIM PRESERVE g(3, 3): PRINT g(1, 1); UBOUND(g)") == (
        " 7  2  8  1 \n 0  3 \n 4  3 \n")
    with pytest.raises(BasicError, match="keeps the number of dimensions"):
        basic.cell("REDIM PRESERVE g(5)")


def test_redim_inside_a_sub_of_a_shared_array(basic):
    basic.cell("DIM SHARED stack(2)\nSUB grow\n  REDIM PRESERVE stack(UBOUND(stack) * 2)\nEND SUB")
    assert basic.cell("stack(2) = 9: grow: grow: PRINT UBOUND(stack); stack(2)") == " 8  9 \n"


def test_declare_is_checked_against_the_definition(basic):
    assert basic.cell("DECLARE SUB show (a, b$)\nDECLARE FUNCTION twice% (n%)\n"
                      "SUB show (a, b$): PRINT a; b$: END SUB\n"
                      "FUNCTION twice% (n%): twice% = 2 * n%: END FUNCTION\n"
                      'show twice%(4), "x"') == " 8 x\n"
    with pytest.raises(BasicError, match="Argument-count mismatch"):
        basic.cell("DECLARE SUB show (a)")
    with pytest.raises(BasicError, match="Parameter type mismatch"):
        basic.cell("DECLARE SUB show (a, b)")


def test_deflng_and_the_deftype_family(basic):
    assert basic.cell("DEFLNG L-M: DEFSTR S: DEFDBL D\nL = 3.6: S = \"hi\": D = 1# / 3\n"
                      "PRINT L; S; D") == " 4 hi .3333333333333333 \n"


GW_PROGRAM = """
10 DEFINT I-K: I = 2.6: J% = 3.5: K! = 1.5: PRINT I; J; K!; K
20 DEFSTR S: S = "HI": PRINT S
30 DEFDBL D: D = 1/3: PRINT D
40 DEFSNG I: I = 2.5: PRINT I
50 DIM A(3): A(1) = 3: ERASE A: DIM A(20): A(20) = 5: PRINT A(20); A(1)
60 ERASE Q
"""


def test_gw_basic_deftype_and_erase_match_pcbasic():
    import tempfile

    from .test_files import run_pcbasic
    with tempfile.TemporaryDirectory() as folder:
        expected = run_pcbasic(GW_PROGRAM, folder)
    runner = Runner()
    with pytest.raises(BasicError) as caught:
        runner.run(GW_PROGRAM)
    ours = runner.console.output + f"{caught.value.kind} in {caught.value.line}\n"
    assert expected.rstrip().replace("\xff", "").rstrip() == ours.rstrip()


def test_a_kept_sub_finds_functions_defined_after_it(basic):
    basic.cell('SUB report (n)\n  PRINT "twice"; TWICE(n); FNH(n)\nEND SUB')
    with pytest.raises(BasicError, match="Undefined user function"):
        basic.cell("report 1")
    basic.cell("FUNCTION TWICE (x): TWICE = 2 * x: END FUNCTION\nDEF FNH(x) = x + 100")
    assert basic.cell("report 4") == "twice 8  104 \n"
