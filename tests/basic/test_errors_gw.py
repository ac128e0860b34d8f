"""GW-BASIC's error behaviour, checked against PC-BASIC: ERR, ERL, RESUME and the error numbers.

Each case is a small program that traps its errors (or stops at one) and the transcript
PC-BASIC 2.0.8 printed for it, kept here so the engine's test needs no PC-BASIC;
``test_expectations_are_pc_basics`` runs PC-BASIC on the same programs, so an expectation that
stops being GW-BASIC's fails.  The plain-words tests check what a student reads when a
program stops: the line, GW-BASIC's message, and what is wrong.
"""

from __future__ import annotations

import pytest

from .conftest import ours, pcbasic_transcript

CASES = [
    # An ELSE that no IF owns ends its line, as GW-BASIC runs it (pcbasic's
    # gwbasic/detokenise_ELSE): the rest of the line is skipped, the program goes on.
    ('stray_else_skips_the_rest_of_its_line',
     '10 PRINT "A": ELSE PRINT "B"\n20 PRINT "C": GOTO 40\n30 ELSE\n40 PRINT "D"\n',
     'A\nC\nD\n'),
    # RESUME NEXT after an error in the program's last statement: the program ends (it
    # looped for ever on a "Subscript out of range" in no line).
    ('resume_next_past_the_last_line',
     '10 ON ERROR GOTO 100\n20 GOTO 200\n100 PRINT ERR; ERL: RESUME NEXT\n200 PRINT "last": X = 1 / 0\n',
     'last\n 11  200 \n'),
    ('resume_next_past_a_last_syntax_error',
     '10 ON ERROR GOTO 100\n20 GOTO 200\n100 PRINT ERR; ERL: RESUME NEXT\n200 OPEN "F" FOR APPEND\n',
     ' 2  200 \n'),
    ('fn_error_in_calling_line',
     '10 DEF FNA(X) = LOG(X)\n20 PRINT "A"\n30 PRINT FNA(-1)\n',
     'A\nIllegal function call in 30\n'),
    ('fn_body_mistake_found_when_called',
     '10 ON ERROR GOTO 100\n20 DEF FNB(X) = FNA(X) + PRINT\n30 PRINT "hi": PRINT FNB(1): PRINT "bye"\n40 DEF FNC(X) = X *\n50 PRINT FNC(2)\n60 END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     'hi\n 18  30 \nbye\n 22  50 \n'),
    ('fn_string_for_a_number',
     '10 ON ERROR GOTO 100\n20 DEF FNA(X) = X * 2\n30 PRINT FNA("S")\n40 PRINT FNA(4)\n50 END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 13  30 \n 8 \n'),
    ('negative_subscript',
     '10 ON ERROR GOTO 100\n20 DIM A(5): I = -1\n30 A(I) = 1\n40 PRINT A(-2)\n50 PRINT A(6)\n60 END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 5  30 \n 5  40 \n 9  50 \n'),
    ('call_with_a_string_address',
     '10 ON ERROR GOTO 100\n20 CALL A$\n30 CALL A(1)\n40 CALLS B$\n50 PRINT "done": END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 13  20 \n 2  30 \n 13  40 \ndone\n'),
    ('on_goto_with_missing_line_numbers',
     '10 ON ERROR GOTO 100\n20 FOR A = 0 TO 3: GOSUB 50: NEXT\n30 A = 300: GOSUB 50\n40 END\n50 ON A GOTO 60,,70\n55 PRINT "fell"; A: RETURN\n60 PRINT "sixty": RETURN\n70 PRINT "seventy": RETURN\n100 PRINT ERR; ERL; A: RESUME NEXT\n',
     'fell 0 \nsixty\n 2  50  2 \nfell 2 \nseventy\n 5  50  300 \nfell 300 \n'),
    ('on_without_goto',
     '10 ON ERROR GOTO 100\n20 A = 0: ON A THEN 40\n30 A = -1: ON A ELSE 40\n40 END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 2  20 \n 5  30 \n'),
    ('wend_reached_by_goto',
     '10 ON ERROR GOTO 100\n20 WHILE I < 3: I = I + 1: GOTO 40\n30 WEND\n40 WEND\n50 PRINT "out"; I: END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 30  40 \nout 1 \n'),
    ('resume_next_in_a_subroutine',
     '10 ON ERROR GOTO 100\n20 GOSUB 50: PRINT "back"\n30 END\n50 X = 1 / 0: PRINT "in sub"\n60 RETURN\n100 PRINT "trapped"; ERR; ERL: RESUME NEXT\n',
     'trapped 11  50 \nin sub\nback\n'),
    ('string_in_arithmetic',
     '10 ON ERROR GOTO 100\n20 PRINT 1 + "a"\n30 PRINT "a" * 2\n40 END\n100 PRINT ERR; ERL: RESUME NEXT\n',
     ' 13  20 \n 13  30 \n'),
    ('error_inside_the_handler_stops',
     '10 ON ERROR GOTO 100\n20 ERROR 5\n30 PRINT "after": END\n100 PRINT "H"; ERR: X = 1 / 0\n110 RESUME NEXT\n',
     'H 5 \nDivision by zero in 100\n'),
    ('on_error_goto_0_inside_the_handler',
     '10 ON ERROR GOTO 100\n20 X = SQR(-1)\n30 PRINT "after": END\n100 PRINT "H"; ERR; ERL: ON ERROR GOTO 0\n110 RESUME NEXT\n',
     'H 5  20 \nIllegal function call in 20\n'),
    # An argument is first made an integer (Overflow past -32768..32767) or a single (Overflow
    # past its largest), then checked (Illegal function call); file numbers past 0-255 are
    # illegal before they are a "Bad file number".
    ('arguments_out_of_range',
     '10 ON ERROR GOTO 1000\n20 PRINT CHR$(65536)\n30 PRINT LEFT$("A", -32769)\n'
     '40 PRINT MID$("ABC", 1, 32768)\n50 PRINT SPACE$(-1)\n60 PRINT SIN(1.701411834604692D+38)\n'
     '70 PRINT RND(-1.701411834604692D+38)\n80 PRINT SQR(1.7014117D+38) > 0\n90 PRINT LOC(-1)\n'
     '100 PRINT LOC(300)\n110 PRINT LOF(32768)\n120 CLOSE #300\n130 OPEN "O", #-1, "X"\n'
     '140 PRINT LOC(4)\n150 END\n1000 PRINT ERR; ERL: RESUME NEXT\n',
     ' 6  20 \n 6  30 \n 6  40 \n 5  50 \n 6  60 \n 6  70 \n-1 \n 5  90 \n 5  100 \n 6  110 \n'
     ' 5  120 \n 5  130 \n 52  140 \n'),
    # A function of no arguments leaves a "(" after it to PRINT's next item; a number after
    # ERL is a line number, so one that cannot be is a syntax error.
    ('no_argument_functions_and_erl',
     '10 ON ERROR GOTO 1000\n20 PRINT ERR(-1); CSRLIN(2); INKEY$("A")\n30 X = ERR(1)\n'
     '40 IF ERL = 1.5 THEN PRINT "NO"\n50 IF ERL <> 65529 THEN PRINT "YES"\n60 END\n'
     '1000 PRINT ERR; ERL: RESUME NEXT\n',
     ' 0 -1  1  2 A\n 2  30 \n 2  40 \nYES\n'),
    # LPRINT prints nowhere but keeps the head's column for LPOS; STICK and EXTERR are 0.
    ('printer_joystick_and_dos_errors',
     '10 ON ERROR GOTO 1000\n20 LPRINT "ABC";: PRINT LPOS(0); LPOS(2)\n30 LPRINT 1, 2;: PRINT LPOS(1)\n'
     '40 LPRINT: PRINT LPOS(0)\n50 PRINT STICK(0); EXTERR(3)\n60 PRINT STICK(4)\n70 PRINT LPOS(32768)\n'
     '80 LPRINT 1/0\n85 PRINT EXTERR("A")\n90 END\n1000 PRINT ERR; ERL: RESUME NEXT\n',
     ' 4  1 \n 18 \n 1 \n 0  0 \n 5  60 \n 6  70 \n 11  80 \n 13  85 \n'),
    # PMAP's function is an integer, its value a single (an integer for functions 2 and 3);
    # POS takes one dummy value of either type, and needs it.
    ('pmap_and_pos_arguments',
     '10 ON ERROR GOTO 1000\n20 PRINT PMAP(1.701411834604692D+38, -1)\n30 PRINT PMAP(1, 32768)\n'
     '40 PRINT PMAP(40000, 3)\n50 PRINT PMAP(1, 4)\n60 PRINT "AB"; POS("X")\n70 PRINT POS\n'
     '75 PRINT ERDEV; "["; ERDEV$; "]"; ERDEV(2)\n80 END\n'
     '1000 PRINT ERR; ERL: RESUME NEXT\n',
     ' 6  20 \n 6  30 \n 6  40 \n 5  50 \nAB 3 \n 2  70 \n 0 [] 0  2 \n'),
]


@pytest.mark.parametrize("name, source, expected", CASES, ids=[c[0] for c in CASES])
def test_errors_are_gw_basics(name, source, expected):
    assert ours(source) == expected


@pytest.mark.timeout(60)
def test_expectations_are_pc_basics():
    wrong = [name for name, source, expected in CASES if pcbasic_transcript(source) != expected]
    assert wrong == []


@pytest.mark.parametrize("source, message", [
    ("10 DIM A(3)\n20 I = -1\n30 PRINT A(I)\n",
     "Illegal function call in 30: a subscript is below 0"),
    ("10 DEF FNA(X) = X\n20 PRINT FNA(1, 2)\n", "Syntax error in 20: FNA takes 1 value(s)"),
    ("10 A$ = \"X\"\n20 CALL A$\n", "Type mismatch in 20: CALL needs a number (an address)"),
    ("10 A = 2: ON A GOTO 10,\n", "Syntax error in 10: a line number is missing"),
    ("10 A = 1: ON A THEN 10\n", "Syntax error in 10: expected GOTO or GOSUB after ON"),
    ("10 PRINT \"A\"\n20 WEND\n", "WEND without WHILE in 20"),
    ("10 DEF FNA(X) = X +\n20 PRINT FNA(1)\n", "Missing operand in 20"),
])
def test_a_student_reads_the_line_and_what_is_wrong(source, message):
    assert ours(source).splitlines()[-1] == message


def test_a_day_past_the_months_end_is_kept_as_real_gw_basic_keeps_it():
    # pcbasic's suite (faulty_DATE) has real GW-BASIC print 02-30-2000 back; PC-BASIC itself
    # refuses that date, so this one is checked against GW-BASIC's own output, not PC-BASIC's.
    source = ('10 ON ERROR GOTO 100\n20 DATE$ = "02-30-2000": PRINT DATE$\n'
              '30 DATE$ = "02-32-2000": PRINT "no"\n40 END\n100 PRINT ERR; ERL: RESUME NEXT\n')
    assert ours(source) == "02-30-2000\n 5  30 \nno\n"


#: One statement each, trapped: the error number GW-BASIC gives (or none), compared with PC-BASIC's
#: own run, so that a statement that starts to differ fails.  Screen statements are here rather
#: than in CASES because a program that positions text shows its screen, not a transcript.
SINGLE_STATEMENTS = [
    "COLOR 32768", "COLOR 1, 32768", "COLOR ,", "COLOR 1,2,", "COLOR ,1",
    "LOCATE 1,", "LOCATE ,,1,2,", "LOCATE 1,2,3,",
    "WIDTH #1, 200", "WIDTH #300, 20", "WIDTH LPRINT 80",
    "MOTOR 256", "LCOPY -1", "MOTOR 2.4",
    "DIM A[3]: A[2] = 5", "DIM A(3]", "PRINT [1+2]", "DIM A[",
    "PRINT CHR$(65536)", "PRINT POS", 'PRINT POS("X")', "PRINT 13 * NOT 7",
    'PRINT USING "##";', 'PRINT USING "##"; 5', "SCREEN 1: LINE (10,10)-(20,20),",
    "SCREEN 1: LINE (10,10)-(20,20),,B", 'CHAIN "NEXT", , DELETE 60000-61000',
]


@pytest.mark.parametrize("statement", SINGLE_STATEMENTS)
def test_error_numbers_of_single_statements_are_pc_basics(statement):
    import re
    source = f'10 ON ERROR GOTO 100\n20 {statement}\n30 END\n100 PRINT "#ERR"; ERR: RESUME 30\n'
    def numbers(text: str) -> list[str]:
        return re.findall(r"#ERR\s*(\d+)", text)
    assert numbers(ours(source)) == numbers(pcbasic_transcript(source))


def test_input_with_no_variable_asks_then_stops_at_the_mistake():
    """GW-BASIC asks its "?" first, so Ctrl-C there is a Break rather than a syntax error."""
    source = '10 PRINT "A"\n20 INPUT\n30 PRINT "B"\n'
    assert ours(source, ["5"], explained=False) == "A\n? 5\nSyntax error in 20\n"
    assert pcbasic_transcript(source, ["5"]) == "A\n? 5\nSyntax error in 20\n"
