"""What the listings of "BASIC Computer Games" (1978) needed, checked against PC-BASIC.

tools/games_suite.py runs the book's original listings through Time Warp BASIC and PC-BASIC
(docs/games-suite.md); the listings themselves are not kept here.  Each class of difference
it found and that was fixed is a small self-made program below, with the transcript PC-BASIC
2.0.8 printed for it (answers typed at its keyboard), so this test needs no PC-BASIC;
``test_expectations_are_pc_basics`` runs PC-BASIC on the same programs, so an expectation that
stops being GW-BASIC's fails.
"""

from __future__ import annotations

import pytest

from .conftest import ours, pcbasic_transcript

CASES = [
    # PRINT: a string on a line already full wraps with the screen, no new line in the text;
    # a number there starts a new line, as does TAB.
    ('full_line_wraps_softly',
     ('10 A$ = STRING$(80, "A"): B$ = STRING$(78, "B")\n20 PRINT A$; "X"\n'
      '30 PRINT B$; "XY"; "Z"\n40 PRINT A$; 12\n50 PRINT A$; TAB(5); "X"\n60 PRINT A$;, "X"\n'),
     [],
     'A' * 80 + 'X\n' + 'B' * 78 + 'XYZ\n' + 'A' * 80 + '\n 12 \n' + 'A' * 80 + '\n    X\n'
     + 'A' * 80 + '\nX\n'),
    # ... and after a full line the cursor has already wrapped: the new line leaves a blank one.
    ('newline_after_a_full_line',
     ('10 PRINT STRING$(80, "A")\n20 PRINT "N"\n30 PRINT STRING$(40, "B"); STRING$(40, "C");\n'
      '40 PRINT: PRINT "M"\n'),
     [],
     'A' * 80 + '\n\nN\n' + 'B' * 40 + 'C' * 40 + '\n\nM\n'),
    # A PRINT ending with TAB(n) or SPC(n) stays on its line (CALENDAR's PRINT TAB(4)).
    ('print_ends_with_tab_or_spc',
     ('10 PRINT "A"; SPC(3)\n20 PRINT "B"; TAB(10)\n30 PRINT "C"\n'
      '40 PRINT TAB(5); "D"; TAB(2)\n50 PRINT SPC(2) "E"\n'),
     [],
     'A   B    C\n    D\n   E\n'),
    # CHR$(13) starts a new line; CHR$(26) and the other codes the screen does not obey are
    # shown as their CP437 pictures (QUBIC prints CHR$(26) first).
    ('carriage_return_and_pictures',
     ('10 PRINT "12345"; CHR$(13); "F"; TAB(3); "G"\n20 PRINT CHR$(26); CHR$(1); CHR$(8); "X"\n'
      '30 PRINT "A"; CHR$(10); "B"\n'),
     [],
     '12345\nF G\n→☺◘X\nA\nB\n'),
    # A word like LOCATE inside a string or a remark is no screen statement: the program's
    # output stays a stream (GOLF prints "LOCATED", QUBIC has REM WIDTH 80).
    ('screen_words_in_strings_and_remarks',
     ('10 PRINT "THE CLUB IS LOCATED ON THE SCREEN" \' CLS\n20 REM WIDTH 40: LOCATE 1,1\n'
      '30 FOR I = 1 TO 26: PRINT I: NEXT\n'),
     [],
     'THE CLUB IS LOCATED ON THE SCREEN\n' + ''.join(f' {i} \n' for i in range(1, 27))),
    # IF X THEN 110 : PRINT -- the PRINT belongs to the branch, skipped when X is false
    # (HOCKEY's 120 IF T6<1 THEN 110:PRINT).
    ('statements_after_then_line_number',
     ('10 X = 0\n20 IF X > 1 THEN 40: PRINT "A"\n30 PRINT "B"\n'
      '40 IF X > 1 GOTO 40: PRINT "C"\n50 IF X < 1 THEN 70 ELSE 60: PRINT "D"\n60 PRINT "E"\n'
      '70 PRINT "F"\n'),
     [],
     'B\nF\n'),
    # INPUT: text after a closing quote is "?Redo from start"; spaces there are not.
    ('input_text_after_a_quote',
     '10 FOR I = 1 TO 2: INPUT A$, B\n20 PRINT "["; A$; "]"; B: NEXT\n',
     ['"AB" ,3', '"AB"C,3', '" X "  ,4'],
     '? "AB" ,3\n[AB] 3 \n? "AB"C,3\n?Redo from start\n? " X "  ,4\n[ X ] 4 \n'),
]


@pytest.mark.parametrize("name, source, answers, expected", CASES, ids=[c[0] for c in CASES])
def test_transcript_is_gw_basics(name, source, answers, expected):
    assert ours(source, answers) == expected


@pytest.mark.timeout(60)
def test_expectations_are_pc_basics():
    wrong = [name for name, source, answers, expected in CASES
             if pcbasic_transcript(source, answers) != expected]
    assert wrong == []
