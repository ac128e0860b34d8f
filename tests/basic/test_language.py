"""The language itself: classic line-numbered BASIC and structured QBasic-style code."""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError

from .conftest import run


def test_for_next_with_step_and_the_value_after_the_loop():
    assert run("10 FOR I = 10 TO 1 STEP -3: PRINT I;: NEXT I: PRINT I\n") == " 10  7  4  1 -2 \n"


def test_for_loop_that_runs_zero_times_skips_to_its_next():
    # GW-BASIC (as PC-BASIC runs it) goes through the NEXT all the same: I is one step past.
    assert run('10 FOR I = 5 TO 1\n20 PRINT "NO"\n30 NEXT I\n40 PRINT I\n') == " 6 \n"


def test_fractional_steps_count_in_single_precision():
    assert run("10 FOR X = 0 TO 1 STEP .1: N = N + 1: NEXT: PRINT N; X\n") == " 10  1 \n"


def test_next_with_two_variables_and_changing_the_loop_variable():
    assert run("10 FOR I = 1 TO 2: FOR J = 1 TO 2: PRINT I*10+J;: NEXT J, I\n"
               "20 FOR K = 1 TO 10: IF K = 3 THEN K = 10\n30 NEXT K: PRINT K\n") == (
        " 11  12  21  22  11 \n")


def test_a_for_checked_at_run_time_reads_variables_named_only_in_its_bounds():
    # A NEXT left over after the loop makes the FOR a run-time one; N and K appear nowhere
    # else, and GW-BASIC's error is the stray NEXT, never a failure of the interpreter.
    with pytest.raises(BasicError, match="NEXT without FOR in 20"):
        run("10 FOR I = 1 TO N + 2 STEP K + 1: PRINT I;: NEXT\n20 NEXT\n")


def test_goto_into_and_out_of_loops_and_next_inside_if():
    source = ("10 FOR I = 1 TO 5\n20 IF I = 2 THEN 50\n30 PRINT I;\n40 IF I < 4 THEN NEXT I\n"
              "45 GOTO 60\n50 PRINT \"TWO\";: GOTO 40\n60 PRINT \"END\"\n")
    assert run(source) == " 1 TWO 3  4 END\n"


def test_gosub_return_and_on_goto_gosub():
    source = ("10 FOR K = 1 TO 3: ON K GOSUB 100, 200, 300: NEXT\n20 ON 2 GOTO 40, 50\n"
              "40 PRINT \"NO\"\n50 PRINT \"DONE\": END\n100 PRINT \"A\";: RETURN\n"
              "200 PRINT \"B\";: RETURN\n300 PRINT \"C\": RETURN\n")
    assert run(source) == "ABC\nDONE\n"


def test_while_wend_and_if_else():
    assert run("10 WHILE N < 3: N = N + 1: IF N = 2 THEN PRINT \"TWO\" ELSE PRINT N\n20 WEND\n") == (
        " 1 \nTWO\n 3 \n")


def test_operators_and_precedence():
    assert run("10 PRINT -2^2; 7\\2; -7 MOD 3; 2+3*4; (5>3)+(2>3); NOT 0; 5 AND 3; 5 OR 3; "
               "5 XOR 3; \"A\"<\"B\"\n") == "-4  3 -1  14 -1 -1  1  7  6 -1 \n"


def test_string_functions():
    assert run('10 A$ = "HELLO": MID$(A$, 2, 2) = "EE": PRINT A$; LEFT$(A$, 2); RIGHT$(A$, 1);'
               ' MID$(A$, 3); INSTR(A$, "L"); LEN(A$); UCASE$("x"); LCASE$("Y"); "["; '
               'LTRIM$("  a "); "]"; STR$(-1.5); VAL(" 2.5"); CHR$(65); ASC("a"); HEX$(255);'
               ' OCT$(8); STRING$(2, 42); SPACE$(1); "."\n') == (
        "HEELOHEOELO 4  5 Xy[a ]-1.5 2.5 A 97 FF10** .\n")


def test_numeric_functions():
    assert run("10 PRINT ABS(-2); INT(-2.5); FIX(-2.5); CINT(2.5); SGN(-4); SQR(16); "
               "EXP(0); LOG(1); SIN(0); COS(0); ATN(0); TAN(0)\n") == (
        " 2 -3 -2  3 -1  4  1  0  0  1  0  0 \n")


def test_data_read_restore():
    source = '10 READ A, B$: PRINT A; B$\n20 RESTORE 40: READ C: PRINT C\n30 DATA 1, "X, Y"\n40 DATA 7\n'
    assert run(source) == " 1 X, Y\n 7 \n"


def test_out_of_data():
    with pytest.raises(BasicError, match="Out of DATA in 10"):
        run("10 READ A\n")


def test_def_fn_and_type_suffixes_and_defint():
    assert run("10 DEFINT I: DEF FNSQ(X) = X * X: I = 2.6: A% = 7.5: B# = 1 / 3\n"
               "20 PRINT FNSQ(3); I; A%; B#; 5 / 2\n") == " 9  3  8  .3333333432674408  2.5 \n"


def test_dim_with_computed_bounds_and_several_dimensions():
    assert run("10 N = 3: DIM M(N, N): M(3, 2) = 5: PRINT M(3, 2); M(0, 0)\n") == " 5  0 \n"


def test_swap_and_erase():
    assert run("10 A = 1: B = 2: SWAP A, B: PRINT A; B\n20 DIM C(3): ERASE C: DIM C(5): C(5) = 1\n") == (
        " 2  1 \n")


def test_on_error_resume_next_and_err_erl():
    source = ("10 ON ERROR GOTO 100\n20 X = SQR(-1)\n30 PRINT \"BACK\"\n40 END\n"
              "100 PRINT \"ERR\"; ERR; ERL: RESUME NEXT\n")
    assert run(source) == "ERR 5  20 \nBACK\n"


def test_stop_prints_break():
    assert run('10 PRINT "A"\n20 STOP\n30 PRINT "B"\n') == "A\nBreak in 20\n"


@pytest.mark.parametrize("source, message", [
    ("10 PRINT 1\n20 NEXT\n", "NEXT without FOR in 20"),
    ("10 GOTO 99\n", "Undefined line number in 10"),
    ("10 RETURN\n", "RETURN without GOSUB in 10"),
    ("10 A$ = 1\n", "Type mismatch in 10"),
    ("10 DIM A(3): A(4) = 1\n", "Subscript out of range in 30".replace("30", "10")),
    ("10 X = 1\n20 PRINT X(\n", "Missing operand in 20"),
    ("10 X = 1\n20 FOR = 1\n", "Syntax error in 20"),
    ("10 PRINT LOG(0)\n", "Illegal function call in 10"),
    ("10 WEND\n", "WEND without WHILE in 10"),
    ("10 DIM A(2): DIM A(3)\n", "Duplicate Definition in 10"),
    ("10 PRINT FNX(1)\n", "Undefined user function in 10"),
    # Found by the fuzzer: two CASE ELSEs once compiled to broken Python.
    ("SELECT CASE 1\nCASE ELSE\nCASE ELSE: PRINT 2\nEND SELECT\n",
     "Syntax error in 3: CASE ELSE must be the last CASE of its SELECT CASE"),
    ("SELECT CASE 1\nCASE ELSE\nCASE 1\nEND SELECT\n",
     "Syntax error in 3: CASE ELSE must be the last CASE of its SELECT CASE"),
    # Found by fuzzing: crossed loops were an internal KeyError.
    ("WHILE x < 2\nFOR i = 1 TO 2\nWEND\nNEXT\n", "FOR without NEXT in 2"),
])
def test_errors_use_gw_basic_wording(source, message):
    with pytest.raises(BasicError) as caught:
        run(source)
    assert str(caught.value).startswith(message)


def test_division_by_zero_warns_and_goes_on():
    assert run('10 X = 1 / 0: PRINT "ON"\n') == "Division by zero\nON\n"


QBASIC = """
CONST LIMIT = 5
DECLARE FUNCTION Factorial (n)
DIM SHARED calls
FUNCTION Factorial (n)
    calls = calls + 1
    IF n <= 1 THEN
        Factorial = 1
    ELSE
        Factorial = n * Factorial(n - 1)
    END IF
END FUNCTION

SUB Describe (x, label$)
    SELECT CASE x
        CASE IS < 0: label$ = "negative"
        CASE 0: label$ = "zero"
        CASE 1 TO LIMIT, 10: label$ = "small"
        CASE ELSE: label$ = "big"
    END SELECT
    x = x * 2
END SUB

FOR i = -1 TO 11 STEP 6
    v = i
    Describe v, kind$
    PRINT i; kind$; v
NEXT i
PRINT Factorial(LIMIT); calls
n = 0
DO
    n = n + 1
    IF n = 3 THEN EXIT DO
LOOP WHILE n < 10
PRINT n
DO UNTIL n = 0: n = n - 1: LOOP
start:
n = n + 1
IF n < 3 THEN GOTO start
PRINT n; UCASE$("done"); RTRIM$("x  "); "|"
"""


def test_structured_qbasic_program():
    assert run(QBASIC) == ("-1 negative-2 \n 5 small 10 \n 11 big 22 \n 120  5 \n 3 \n"
                           " 3 DONEx|\n")


@pytest.mark.parametrize(("source", "output"), [
    # EXIT FOR from inside a DO: the FOR ends, its variable keeps its value.
    ("FOR i = 1 TO 5\n  DO\n    IF i = 3 THEN EXIT FOR\n    PRINT i;\n    EXIT DO\n  LOOP\nNEXT\n"
     "PRINT \"i=\"; i\n", " 1  2 i= 3 \n"),
    # EXIT DO through a FOR and a WHILE, from a block IF.
    ("n = 0\nDO\n  FOR j = 1 TO 3\n    WHILE n < 100\n      n = n + 1\n      IF n = 5 THEN\n"
     "        EXIT DO\n      END IF\n      IF n MOD 2 = 0 THEN n = n + 100\n    WEND\n"
     "    n = n - 100\n  NEXT\nLOOP\nPRINT n; j\n", " 5  3 \n"),
    # From a SELECT CASE; the nearest FOR is the one that ends.
    ("FOR i = 1 TO 9\n  DO WHILE 1\n    SELECT CASE i\n      CASE 4\n        EXIT FOR\n"
     "      CASE ELSE\n        EXIT DO\n    END SELECT\n  LOOP\nNEXT\nPRINT i\n", " 4 \n"),
    ("FOR i = 1 TO 2\n  FOR j = 1 TO 3\n    DO\n      IF j = 2 THEN EXIT FOR\n      EXIT DO\n"
     "    LOOP\n    PRINT i; j;\n  NEXT j\nNEXT i\n", " 1  1  2  1 "),
    # The loop runs again after an EXIT: it starts afresh.
    ("FOR k = 1 TO 2\n  FOR i = 1 TO 5\n    DO\n      IF i = 2 THEN EXIT FOR\n      EXIT DO\n"
     "    LOOP\n  NEXT\n  PRINT k; i;\nNEXT\n", " 1  2  2  2 "),
])
def test_exit_leaves_its_loop_from_inside_a_loop_of_another_kind(source, output):
    assert run(source) == output


def test_keywords_run_together_in_old_listings():
    assert run('10 FORI=1TO3:PRINTI;:NEXTI\n20 IFI=4THENPRINT"OK"ELSEPRINT"NO"\n') == (
        " 1  2  3 OK\n")


def test_names_that_contain_keywords_are_names():
    assert run("10 SCORE = 5: TOTAL = SCORE * 2: PRINT TOTAL\n") == " 10 \n"


def test_recursive_function_depth():
    source = "FUNCTION depth (n)\n IF n = 0 THEN depth = 0 ELSE depth = 1 + depth(n - 1)\nEND FUNCTION\nPRINT depth(2000)\n"
    assert run(source) == " 2000 \n"
