"""Minimal BASIC as GW-BASIC runs it: the classes of difference the NBS test programs found.

tools/nbs_suite.py runs the NBS Minimal BASIC test programs (Special Publication 500-70)
through Time Warp and PC-BASIC (see docs/nbs-suite.md).  Each class fixed from it is kept
here as a small program of our own with the transcript PC-BASIC 2.0.8 printed for it, so
this test needs neither the suite nor PC-BASIC; ``test_expectations_are_pc_basics`` runs
PC-BASIC on the same programs, so an expectation that stops being GW-BASIC's fails.
"""

from __future__ import annotations

import pytest

from .conftest import ours as shared_ours
from .conftest import pcbasic_transcript

CASES = [
    # FOR works out the start, the end and the step before it sets the variable (NBS P048).
    ('for_end_reads_the_old_variable',
     '10 I = -2\n20 FOR I = 9 TO I STEP I\n30 PRINT I;\n40 NEXT I\n50 PRINT : PRINT I\n',
     ' 9  7  5  3  1 -1 \n-3 \n'),
    ('for_end_and_step_read_the_old_variable_in_a_jumpy_loop',
     ('10 I = 3\n20 FOR I = I TO -20 STEP -I\n30 PRINT I;\n35 IF I < -100 THEN 50\n'
      '40 NEXT I\n50 PRINT\n'),
     ' 3  0 -3 -6 -9 -12 -15 -18 \n'),
    # A FOR inside a loop of the same variable: the outer NEXT steps what the inner left (P054).
    ('inner_for_of_the_same_variable',
     ('10 FOR I = 1 TO 3\n20 FOR J = 1 TO 2\n30 FOR I = 3 TO 4\n40 PRINT I; J;\n50 NEXT I\n'
      '60 NEXT J\n70 NEXT I\n80 PRINT : PRINT I; J\n'),
     ' 3  1  4  1  3  2  4  2 \n 6  3 \n'),
    # The NEXT a FOR finds as the text nests them names another variable (P052, P053).
    ('for_whose_next_names_another_variable',
     '10 PRINT "START"\n20 FOR I = 1 TO 5\n30 PRINT I\n40 NEXT J\n50 PRINT "END"\n',
     'START\nNEXT without FOR in 40\n'),
    ('crossed_loops',
     '10 FOR I = 1 TO 3\n20 FOR J = 1 TO 5\n30 PRINT I; J\n40 NEXT I\n50 NEXT J\n',
     'NEXT without FOR in 50\n'),
    # A jump into a loop whose FOR never ran: the error is in the NEXT's line (P055).
    ('goto_into_a_loop',
     '10 GOTO 30\n20 FOR I = 1 TO 9\n30 PRINT "I ="; I\n40 NEXT I\n50 PRINT "END"\n',
     'I = 0 \nNEXT without FOR in 40\n'),
    ('for_without_next',
     '10 PRINT "A"\n20 FOR I = 1 TO 2\n30 PRINT I\n',
     'A\nFOR without NEXT in 20\n'),
    # A value missing where an operator or bracket stands is "Syntax error"; only at the end
    # of a statement is it "Missing operand" (P037, P147, P149, P155).
    ('doubled_operator', '10 PRINT "A"\n20 LET A = 5 ** 2\n', 'A\nSyntax error in 20\n'),
    ('empty_brackets_of_a_function', '10 LET A = INT()\n', 'Syntax error in 10\n'),
    ('empty_brackets_of_rnd', '10 LET A = RND()\n', 'Syntax error in 10\n'),
    ('operator_before_a_comma', '10 PRINT 5 +, 1\n', 'Syntax error in 10\n'),
    ('operator_at_the_end', '10 LET A = 5 +\n', 'Missing operand in 10\n'),
    ('operator_before_a_colon', '10 LET A = 5 +: PRINT 1\n', 'Missing operand in 10\n'),
    ('open_bracket_at_the_end', '10 LET A = (\n', 'Missing operand in 10\n'),
    # A subscript is made an integer first: past 32767 that is Overflow (P168).
    ('subscript_past_an_integer', '10 DIM A(5)\n20 I = 1E20\n30 A(I) = 1\n',
     'Overflow in 30\n'),
    # A second OPTION BASE with another base is Duplicate Definition; the same base is not (P080).
    ('option_base_twice', '10 OPTION BASE 1\n20 OPTION BASE 1\n30 PRINT 1\n40 OPTION BASE 0\n',
     ' 1 \nDuplicate Definition in 40\n'),
    # A quoted DATA item read into a number is Syntax error in the DATA line (P099).
    ('quoted_data_into_a_number',
     '10 READ A, B$, C$\n20 PRINT A; B$; C$\n25 READ D\n30 DATA 5,"7", X ,"8"\n',
     ' 5 7X\nSyntax error in 30\n'),
    # Text after a DATA item's closing quote is Syntax error when READ reaches it (P103, P104).
    ('text_after_a_quoted_data_item',
     '10 READ A$, B$: PRINT A$; B$\n20 READ C$\n30 DATA "X" , "Y"  ,"*"?"\n',
     'XY\nSyntax error in 30\n'),
    # PRINT prints the items before a mistake, then stops at it (P192).
    ('print_runs_up_to_its_mistake',
     '10 PRINT "A"?"\n20 PRINT "B"\n',
     'A\nSyntax error in 10\n'),
    # DEF FN defines its function when it runs: the one run last counts, and an FN used
    # before any has run is "Undefined user function" (P160, P162).
    ('def_fn_runs_where_it_stands',
     ('10 FOR I = 1 TO 2\n20 IF I = 1 THEN 40\n30 DEF FNA(X) = X * 100\n35 GOTO 50\n'
      '40 DEF FNA(X) = X + 1\n50 PRINT FNA(5);\n60 NEXT\n70 PRINT FNB(1)\n80 DEF FNB(X) = 7\n'),
     ' 6  500 \nUndefined user function in 70\n'),
    # Blanks between the digits of a line number are read over: "2 0" is line 20 (P188).
    ('blanks_inside_a_line_number',
     '10 PRINT "TEN"\n2 0 PRINT "TWENTY"\n1 5 PRINT "FIFTEEN"\n',
     'TEN\nFIFTEEN\nTWENTY\n'),
]

# INPUT replies (P109, P112): blanks before an opening quote are dropped, blanks inside a
# number are ignored.
INPUT_CASES = [
    ('blanks_before_a_quoted_reply', '10 INPUT A$, B$\n20 PRINT "*"; A$; "*"; B$; "*"\n',
     ['   "  AB " ,  "C"'], '?    "  AB " ,  "C"\n*  AB *C*\n'),
    ('blanks_inside_a_number', '10 INPUT A, B\n20 PRINT A; B\n', ['2  3, - 1 . 5'], '? 2  3, - 1 . 5\n 23 -1.5 \n'),
    # INPUT with a mistake in its list reads the reply, then stops at the mistake (P113).
    ('input_runs_up_to_its_mistake', '10 INPUT A,,B\n20 PRINT A; B\n', ['1,2,3'],
     '? 1,2,3\nSyntax error in 10\n'),
    # Every array element is found before any is assigned (P108): A(I) is A(5) each time.
    ('subscripts_found_before_assigning',
     '10 I = 5: INPUT A(I), I, A(I), I, A(I)\n20 PRINT A(2); A(5); A(6); I\n',
     ['500,6,600,2,200'], '? 500,6,600,2,200\n 0  200  0  2 \n'),
]


def ours(source: str, answers: list[str] | None = None) -> str:
    return shared_ours(source, answers or (), explained=False)


@pytest.mark.parametrize("name, source, expected", CASES, ids=[c[0] for c in CASES])
def test_transcript_is_gw_basics(name, source, expected):
    assert ours(source) == expected


@pytest.mark.timeout(60)
def test_expectations_are_pc_basics():
    wrong = [name for name, source, expected in CASES if pcbasic_transcript(source) != expected]
    assert wrong == []


@pytest.mark.parametrize("name, source, answers, expected", INPUT_CASES,
                         ids=[c[0] for c in INPUT_CASES])
def test_input_replies_are_read_as_gw_basic_reads_them(name, source, answers, expected):
    assert ours(source, answers) == expected


@pytest.mark.timeout(60)
def test_input_expectations_are_pc_basics():
    wrong = [name for name, source, answers, expected in INPUT_CASES
             if pcbasic_transcript(source, answers) != expected]
    assert wrong == []


def test_def_fn_holds_for_a_run_from_a_line_of_its_own():
    # RUN n (and a grading check's call of FNA after the run) enters the program past its
    # DEF FN lines: the definitions hold from the start, as the run before left them.
    from timewarp.basic.session import BasicSession
    from timewarp.engine import ScriptedConsole

    console = ScriptedConsole()
    session = BasicSession(console=console)
    session.execute('10 DEF FNA(X) = X * 3\n20 PRINT FNA(2)\n30 END\n40 PRINT FNA(5)\nRUN')
    session.execute("RUN 40")
    assert console.output == " 6 \n 15 \n"
