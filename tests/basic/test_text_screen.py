"""The text screen: LOCATE, CSRLIN, POS, SCREEN(), COLOR, CLS n, WIDTH, scrolling, and when
a program's output becomes a screen instead of a stream.

Screens are checked against PC-BASIC's own (its ``get_chars``), run on the same program.
"""

from __future__ import annotations

import io

import pytest
from timewarp.basic.session import BasicSession
from timewarp.basic.text_screen import TextScreen
from timewarp.engine import ScriptedConsole


def run(program: str, answers=()) -> tuple[BasicSession, ScriptedConsole]:
    console = ScriptedConsole(list(answers))
    session = BasicSession(console=console)
    session.execute(program)
    return session, console


def pcbasic_screen(program: str) -> list[str]:
    """The rows PC-BASIC's screen shows after running ``program``, as TextScreen.lines()."""
    import pcbasic

    with pcbasic.Session(input_streams=None, output_streams=io.StringIO(),
                         peek_values={}) as session:
        for line in program.strip().splitlines():
            session.execute(line)
        session.execute("RUN")
        rows = ["".join(row).rstrip() for row in session.get_chars(as_type=str)]
    while rows and not rows[-1]:
        rows.pop()
    return rows


LOCATE_PROGRAM = """
10 CLS: PRINT "AB";: LOCATE 5, 10: PRINT "HELLO";: PRINT CSRLIN; POS(0)
20 LOCATE 3, 70: PRINT "A LONG LINE THAT WRAPS"
30 PRINT SCREEN(5, 10); SCREEN(5, 10, 1); CSRLIN
40 LOCATE , 30: PRINT "THERE": LOCATE 10: PRINT "ROW TEN"
"""


@pytest.mark.timeout(60)
@pytest.mark.parametrize("program", [
    LOCATE_PROGRAM,
    "10 CLS\n20 FOR I = 1 TO 30: PRINT I;: PRINT STRING$(I, 42): NEXT\n30 LOCATE 1, 1: PRINT CSRLIN",
    "10 CLS: WIDTH 40: PRINT STRING$(50, 65): LOCATE 20, 35: PRINT \"X\"; POS(0)",
    "10 CLS: PRINT \"ONE\": PRINT \"TWO\": LOCATE 25, 1: PRINT \"LAST\";\n20 LOCATE 2, 1: CLS 2: PRINT \"AFTER\"",
    "10 CLS: DEF SEG = &HB800: POKE 160, 65: POKE 162, 66: LOCATE 3, 1: PRINT PEEK(160); PEEK(161)",
    ('10 CLS: COLOR 14, 1: PRINT "TOP": VIEW PRINT 3 TO 5: FOR I = 1 TO 6: PRINT I: NEXT\n'
    '20 PRINT SCREEN(4, 1, 1): VIEW PRINT: PRINT CSRLIN: PRINT SCREEN(0, 1)'),
    ('10 CLS: PRINT "A": CLS 0: PRINT "B": COLOR 2: LOCATE 10, 10: PRINT "G";: COLOR 7\n'
    '20 PRINT SCREEN(10, 10, 1)'),
    ('10 CLS: PRINT CHR$(201); STRING$(5, 205); CHR$(187): PRINT "TAB"; CHR$(9); "X"\n'
    '20 PRINT SPC(5); "S"; TAB(20); "T"'),
], ids=["locate", "scrolling", "width-40", "row-25-and-cls", "poke-screen", "view-print-colour",
        "cls-0-colour", "controls-box"])
def test_screen_matches_pcbasic(program):
    session, _ = run(program)
    assert session.runtime.text.lines() == pcbasic_screen(program)


def test_a_program_that_positions_text_shows_the_screen_not_a_stream():
    _, console = run(LOCATE_PROGRAM)
    assert console.output == "".join(row + "\n" for row in pcbasic_screen(LOCATE_PROGRAM))


def test_plain_programs_stay_a_stream_with_no_screen():
    session, console = run('10 FOR I = 1 TO 3: PRINT I;: NEXT\n20 PRINT "DONE"')
    assert console.output == " 1  2  3 DONE\n"
    assert session.runtime.text is None
    session, _ = run('PENWIDTH 2: PENCOLOR 4: FORWARD 10: PRINT "TURTLE"')
    assert session.runtime.text is None


def test_cls_alone_keeps_the_stream_and_a_later_cell_is_a_stream_again():
    session, console = run('10 CLS: PRINT "HELLO": PRINT CSRLIN')
    assert console.output == "HELLO\n 2 \n"
    session.execute('LOCATE 10, 1: PRINT "SCREEN"')
    rows = console.output.splitlines()
    assert rows[2:] == ["HELLO", " 2"] + [""] * 7 + ["SCREEN"]
    session.execute('PRINT "STREAM"')
    assert console.output.endswith("SCREEN\nSTREAM\n")


def test_cls_after_printing_in_the_same_cell_switches_to_the_screen():
    _, console = run('PRINT "OLD": CLS: PRINT "NEW"')
    assert console.output == "OLD\nNEW\n"


def test_input_on_a_screen_echoes_in_place():
    _, console = run('10 CLS: LOCATE 3, 5: INPUT "NAME"; N$: LOCATE 5, 5: PRINT "HI "; N$',
                     answers=["ADA"])
    assert console.output.splitlines()[-5:] == ["", "", "    NAME? ADA", "", "    HI ADA"]


@pytest.mark.parametrize("statement, message", [
    ("LOCATE 26, 1", "Illegal function call"), ("LOCATE 1, 81", "Illegal function call"),
    ("WIDTH 50", "Illegal function call"), ("CLS 3", "Illegal function call"),
    ("PRINT SCREEN(0, 0)", "Illegal function call"),
    ("VIEW PRINT 3 TO 5: PRINT SCREEN(1, 1)", "Illegal function call"),
])
def test_bad_positions_are_illegal_function_calls(statement, message):
    with pytest.raises(Exception, match=message):
        run(statement)


def test_width_for_files_and_the_printer_is_accepted():
    _, console = run('WIDTH "LPT1:", 132: WIDTH LPRINT 80: PRINT "OK"')
    assert console.output == "OK\n"


class _Runtime:
    """What a TextScreen needs of the runtime, for tests of the model alone."""

    def __init__(self) -> None:
        self.width, self.column = 80, 0
        self.console = ScriptedConsole()

    def flush(self) -> None:
        pass


def test_colours_are_kept_per_cell_and_the_html_is_escaped():
    screen = TextScreen(_Runtime())
    screen.colour(14, 1)
    screen.put("<b>&")
    screen.colour(7, 0)
    screen.put("x")
    assert screen.character(1, 1, 1) == 0x1E and screen.character(1, 5, 1) == 7
    html = screen.as_html()
    assert "&lt;b&gt;&amp;" in html and "<b>" not in html
    assert 'color:#ffff55;background:#0000aa' in html
    assert screen.as_text() == "<b>&x\n"


def test_view_print_scrolls_only_its_rows():
    screen = TextScreen(_Runtime())
    screen.put("TOP\n")
    screen.view_print(3, 5)
    screen.put("A\nB\nC\nD\n")
    assert screen.lines() == ["TOP", "", "C", "D"]
    screen.clear(0)
    assert screen.lines() == [] and (screen.row, screen.col) == (3, 1)


def test_box_drawing_shows_as_its_cp437_characters():
    screen = TextScreen(_Runtime())
    screen.put(chr(201) + chr(205) + chr(187) + "█")
    assert screen.lines() == ["╔═╗█"] and screen.character(1, 4) == 219


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_final_screen_keeps_its_colours():
    from timewarp.engine import StreamConsole

    program = '10 CLS: LOCATE 2, 3: COLOR 14, 1: PRINT "HI";: COLOR 7, 0: PRINT "!"'
    for stdout, expected in ((io.StringIO(), "\n  HI!\n"),
                             (_Terminal(), "\n  \x1b[93;44mHI\x1b[0m!\n")):
        BasicSession(console=StreamConsole(io.StringIO(), stdout)).execute(program)
        assert stdout.getvalue() == expected
