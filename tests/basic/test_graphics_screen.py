"""SCREEN modes, COLOR, PALETTE, VIEW, WINDOW, PMAP, POINT(n), STEP, GET/PUT arrays, DRAW's X
and =name;, PAINT tiles.

The transcripts of GW-BASIC's modes were checked against PC-BASIC 2.0.8 (video=vga); one test
runs PC-BASIC itself on a program that uses most of them.  QBasic's modes (10-13), which
PC-BASIC does not have, are checked by geometry and QBasic's documented sizes.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from timewarp.basic.errors import BasicError
from timewarp.turtle.model import Fill, Segment
from timewarp.turtle.picture import render_png

from .conftest import Runner


def transcript(program: str) -> str:
    """What the program prints; an error ends it as GW-BASIC shows it (without our words)."""
    runner = Runner()
    try:
        return runner.run(program)
    except BasicError as error:
        return runner.console.output + str(error).split(":")[0] + "\n"


# Each checked against PC-BASIC 2.0.8 with video="vga".
PCBASIC_CASES = [
    ("10 SCREEN 1: COLOR 1, 0: PRINT \"a\"\n20 COLOR 16: PRINT \"b\"", "a\nb\n"),
    ("10 SCREEN 2: COLOR 1: PRINT \"a\"", "Illegal function call in 10\n"),
    ("10 SCREEN 7: COLOR 15, 4: PRINT \"a\": COLOR 16", "a\nIllegal function call in 10\n"),
    ("10 SCREEN 7: COLOR 1, 16", "Illegal function call in 10\n"),
    ("10 SCREEN 9: COLOR 1, 63: PRINT \"a\": COLOR 1, 64", "a\nIllegal function call in 10\n"),
    ("10 SCREEN 7: PALETTE 1, 16", "Illegal function call in 10\n"),
    ("10 SCREEN 9: PALETTE 1, 63: PALETTE 16,1", "Illegal function call in 10\n"),
    ("10 SCREEN 1: PALETTE 4, 1", "Illegal function call in 10\n"),
    ("10 SCREEN 1: PALETTE 2, 4: PSET (1,1), 2: PRINT POINT(1,1)", " 2 \n"),
    ("10 SCREEN 1: PSET (1,1),4: PRINT POINT(1,1)", " 3 \n"),
    ("10 SCREEN 7: PSET (1,1),16: PRINT POINT(1,1)", " 15 \n"),
    ("10 SCREEN 1: PSET (1,1),-1", "Illegal function call in 10\n"),
    ("10 SCREEN 3", "Illegal function call in 10\n"),
    ("10 SCREEN 7: DIM P%(15): FOR I=0 TO 15: P%(I)=15-I: NEXT: P%(3)=-1\n"
     "20 PALETTE USING P%(0): PRINT \"ok\"", "ok\n"),
    ("10 SCREEN 7: DIM P%(10): PALETTE USING P%(0)", "Illegal function call in 10\n"),
    ("10 SCREEN 7: DIM P(15): PALETTE USING P(0)", "Type mismatch in 10\n"),
    ("10 SCREEN 1: VIEW (10,10)-(20,20),1,2\n"
     "20 PRINT POINT(0,0); POINT(-1,-1); POINT(15,15); POINT(9,9); POINT(-2,-2)",
     " 1 -1  0  1 -1 \n"),
    ("10 SCREEN 1: VIEW SCREEN (10,10)-(20,20),1,2\n"
     "20 PRINT POINT(0,0); POINT(9,9); POINT(10,10); POINT(15,15); POINT(21,21)",
     " 0  2  1  1  2 \n"),
    ("10 SCREEN 1: VIEW (10,10)-(20,20): PSET (-5,-5),3: PSET(5,5),3: VIEW\n"
     "20 PRINT POINT(5,5); POINT(15,15)", " 0  3 \n"),
    ("10 SCREEN 1: VIEW (0,0)-(400,20)", "Illegal function call in 10\n"),
    ("10 SCREEN 1: WINDOW (0,0)-(0,10)", "Illegal function call in 10\n"),
    ("10 SCREEN 1: WINDOW (10,10)-(0,0): PRINT PMAP(0,0); PMAP(0,1); PMAP(10,0)", " 0  199  319 \n"),
    ("10 SCREEN 1: PRINT PMAP(5,0): PRINT PMAP(5,4)", " 5 \nIllegal function call in 10\n"),
    ("10 SCREEN 1: WINDOW (-1,-1)-(1,1): PRINT PMAP(0,0); PMAP(0,1); PMAP(160,2)\n"
     "20 VIEW (10,10)-(109,59): PRINT PMAP(0,0); PMAP(0,1)\n"
     "30 WINDOW SCREEN (0,0)-(10,10): PRINT PMAP(5,0); PMAP(5,1)",
     " 160  100  3.134796E-03 \n 50  24 \n 50  24 \n"),
    ("10 SCREEN 1: WINDOW (0,0)-(100,100): PSET (50,50),2\n"
     "20 PRINT POINT(50,50); POINT(0); POINT(1); POINT(2)\n"
     "30 CIRCLE (50,50), 10, 1: PRINT POINT(60,50); PMAP(60,0)",
     " 2  160  100  50.15674 \n 0  191 \n"),
    ("10 SCREEN 1: PSET (10,10): PSET STEP (5,5), 2: PRINT POINT(15,15)\n"
     "20 LINE -STEP(10,0), 1: PRINT POINT(25,15); POINT(0); POINT(1)", " 2 \n 1  25  15 \n"),
    ("10 SCREEN 1: A$ = \"R10\": N = 5: DRAW \"BM10,10 XA$; D=N;\"\n"
     "20 PRINT POINT(20,10); POINT(20,15); POINT(20,16); POINT(0); POINT(1)", " 3  3  0  20  15 \n"),
    # The graphics cursor starts just past the middle of the screen or viewport.
    ("10 SCREEN 2: PRINT POINT(0); POINT(1): VIEW (10,10)-(109,59): PRINT POINT(0); POINT(1)\n"
     "20 VIEW SCREEN (10,10)-(109,59): PRINT POINT(0); POINT(1)",
     " 320  100 \n 50  25 \n 60  35 \n"),
    # WINDOW keeps the last point and DRAW's; under a WINDOW, DRAW moves only its own.
    ("10 SCREEN 2: DRAW \"L10\": PSET STEP(0,0)\n20 WINDOW SCREEN (0,0)-(200,200): DRAW \"L10\":"
     " PRINT POINT(0); POINT(1): PSET STEP(0,0): PRINT POINT(0); POINT(1)",
     " 300  100 \n 310  100 \n"),
]


@pytest.mark.parametrize(("program", "expected"), PCBASIC_CASES)
def test_screen_statements_as_pc_basic_runs_them(program, expected):
    assert transcript(program + "\n") == expected


def hex_dump(program: str, count: int) -> str:
    # SCREEN 1 and 7 have 40 columns: the line wraps, so compare the words.
    return " ".join(transcript(
        program + f'\n90 FOR I=0 TO {count - 1}: PRINT HEX$(A%(I)); " ";: NEXT\n').split()) + " "


def test_get_stores_video_memory_as_gw_basic_does():
    # Checked against PC-BASIC: SCREEN 1 packs 2 bits a pixel; 7 keeps four bit planes a row.
    assert hex_dump("10 SCREEN 1: LINE (0,0)-(9,4),3,BF: PSET (2,1),1: DIM A%(20)\n"
                    "20 GET (0,0)-(9,4), A%", 10) == "14 5 FFFF F7F0 F0FF FFFF FFF0 F0FF FFFF F0 "
    assert hex_dump("10 SCREEN 7: LINE (0,0)-(9,1),3,BF: PSET (2,1),12: DIM A%(30)\n"
                    "20 GET (0,0)-(9,1), A%", 13) == "A 2 C0FF C0FF 0 0 C0DF C0DF 20 20 0 0 0 "
    assert hex_dump("10 SCREEN 2: LINE (0,0)-(9,1),1,BF: PSET (2,1),0: DIM A%(30)\n"
                    "20 GET (0,0)-(9,1), A%", 7) == "A 2 C0FF C0DF 0 0 0 "


def test_the_manuals_size_formula_is_exactly_enough():
    # 4 + INT((10 * 2 + 7) / 8) * 5 = 19 bytes: 10 integers, not 7.
    assert transcript("10 SCREEN 1: DIM A%(6): GET (0,0)-(9,4), A%\n") == \
        "Illegal function call in 10\n"
    assert transcript("10 SCREEN 1: DIM A%(9): GET (0,0)-(9,4), A%: PRINT \"ok\"\n") == "ok\n"
    assert transcript("10 SCREEN 1: DIM A$(30): GET (0,0)-(3,1), A$\n") == "Type mismatch in 10\n"


def test_put_actions_combine_as_pc_basic():
    program = """10 SCREEN 1: LINE (0,0)-(3,1),2,BF: PSET(1,1),1: DIM A%(30): GET (0,0)-(3,1), A%
20 PUT (10,10), A%: PRINT POINT(10,10); POINT(11,11)
30 PUT (10,10), A%: PRINT POINT(10,10); POINT(11,11)
40 PSET (20,20),3: PUT (20,20), A%, AND: PRINT POINT(20,20)
50 PUT (30,30),A%,PRESET: PRINT POINT(30,30); POINT(31,31)
60 PSET (40,40),1: PUT (40,40), A%, OR: PRINT POINT(40,40): PUT (50,50), A%, PSET: PRINT POINT(50,50)
70 PUT (318,10), A%
"""
    assert transcript(program) == (" 2  1 \n 0  0 \n 2 \n 1  2 \n 3 \n 2 \n"
                                   "Illegal function call in 70\n")


def test_blocks_in_single_arrays_data_sprites_and_a_starting_element():
    # A single can't hold every byte pattern, yet PUT gives back what GET took.
    assert transcript("10 SCREEN 1: DIM A(30): LINE (0,0)-(3,1),2,BF: GET (0,0)-(3,1), A\n"
                      "20 PRINT A(0): PUT (10,10),A: PRINT POINT(10,10)\n") == " 0 \n 2 \n"
    # A sprite typed in as DATA: 8 bits wide (4 pixels), 1 row, colours 3 1 0 2.
    assert transcript("10 SCREEN 1: DIM S%(2): FOR I=0 TO 2: READ S%(I): NEXT\n"
                      "20 PUT (5,5), S%, PSET: FOR X=5 TO 8: PRINT POINT(X,5);: NEXT\n"
                      "30 DATA 8, 1, &HD2\n") == " 3  1  0  2 "
    # QBasic: several pictures in one array, each from its own first element.
    assert transcript("10 SCREEN 13: DIM A%(40): PSET (1,0), 200: GET (0,0)-(3,1), A%(20)\n"
                      "20 PRINT A%(20); A%(21): PUT (100,100), A%(20): PRINT POINT(101,100)\n"
                      ) == " 32  2 \n 200 \n"


def test_qbasic_modes_sizes_colours_and_text_sizes():
    for mode, world, attributes in ((10, (640, 350), 4), (11, (640, 480), 2),
                                    (12, (640, 480), 16), (13, (640, 400), 256)):
        runner = Runner()
        runner.run(f"10 SCREEN {mode}: PSET (0, 0), {attributes - 1}: PSET (1, 0), 999\n"
                   f"20 P = POINT(0, 0): Q = POINT(1, 0): R = POINT(2, 0)\n")
        assert (runner.session.turtle.width, runner.session.turtle.height) == world
        assert [runner.session.scalars[n] for n in ("P!", "Q!", "R!")] == [
            attributes - 1, attributes - 1, 0]
    assert transcript("10 SCREEN 13: COLOR 1, 2\n") == "Illegal function call in 10\n"
    assert transcript("10 SCREEN 12: PALETTE 1, 64 * 256\n") == "Illegal function call in 10\n"


def png_rgb(runner: Runner, x: int, y: int) -> tuple:
    png = Image.open(io.BytesIO(render_png(runner.session.turtle))).convert("RGB")
    return png.getpixel((x, y))


def test_palette_recolours_what_is_drawn_in_the_picture_and_the_log():
    runner = Runner()
    runner.run("10 SCREEN 13: LINE (10,10)-(19,19), 4, BF: PSET (50, 50), 1\n"
               "20 FORWARD 10\n")
    world = runner.session.turtle
    assert png_rgb(runner, 30, 30) == (170, 0, 0)
    rewrites, turtle_line = world.rewrites, world.log[-1]
    runner.cell("PALETTE 4, 63 * 256")        # attribute 4 becomes VGA's bright green
    assert png_rgb(runner, 30, 30) == (0, 255, 0)
    assert png_rgb(runner, 101, 101) == (0, 0, 170)
    assert world.rewrites > rewrites          # the live view redraws once, in one batch
    assert world.log[-1] is turtle_line       # turtle lines keep their own colours
    runner.cell("PALETTE")
    assert png_rgb(runner, 30, 30) == (170, 0, 0)
    runner.cell("DIM P%(255): FOR I = 0 TO 255: P%(I) = -1: NEXT: P%(4) = 63: PALETTE USING P%")
    assert png_rgb(runner, 30, 30) == (255, 0, 0)


def test_screen_1_palettes_and_background():
    runner = Runner()
    runner.run("10 SCREEN 1: PSET (0, 0), 1: COLOR 1, 0\n")
    assert png_rgb(runner, 0, 0) == (85, 255, 85)        # palette 0: green, red, brown
    assert runner.session.turtle.background == "#0000aa"  # background colour 1


def test_view_clips_lines_and_fills_and_window_turns_y_up():
    runner = Runner()
    runner.run("10 SCREEN 2: VIEW (100, 50)-(199, 99)\n20 LINE (-50, 25)-(300, 25), 1\n"
               "30 WINDOW (0, 0)-(10, 10): LINE (0, 0)-(10, 10), 1, BF\n")
    world = runner.session.turtle
    xs = [x for item in world.log if type(item) is Segment for x in (item.x1, item.x2)]
    # Screen x 100..199 is world x -220..-120 (SCREEN 2 keeps x, doubles y).
    assert min(xs) >= -220 and max(xs) <= -120
    fills = [item for item in world.log if type(item) is Fill]
    assert fills[-1].points[0] == (-220.0, 100.0) and fills[-1].points[2] == (-120.0, 0.0)
    assert transcript("10 SCREEN 2: WINDOW (0,0)-(10,10): PSET (0,0): PSET (10,10)\n"
                      "20 PRINT POINT(0); POINT(1); POINT(0, 0); POINT(10, 10)\n") == \
        " 639  0  1  1 \n"


def test_paint_with_a_tile_string():
    # SCREEN 2: CHR$(&HAA) + CHR$(&H55) is a checkerboard, lined up with the screen's pixels.
    assert transcript("10 SCREEN 2: LINE (0,0)-(20,20),1,B: PAINT (5,5), CHR$(&HAA)+CHR$(&H55), 1\n"
                      "20 PRINT POINT(1,1); POINT(2,1); POINT(1,2); POINT(2,2); POINT(30,30)\n") \
        == " 1  0  0  1  0 \n"
    # SCREEN 7: one byte a plane: planes 0 and 2 for the left 4 pixels, plane 2 for the right.
    assert transcript("10 SCREEN 7: LINE (0,0)-(20,20),15,B\n"
                      "20 PAINT (5,5), CHR$(&HF0)+CHR$(0)+CHR$(&HFF)+CHR$(0), 15\n"
                      "30 PRINT POINT(1,1); POINT(4,1); POINT(8,1); POINT(21,1)\n") == \
        " 5  4  5  0 \n"


def test_screen_and_color_reach_the_text_screen_hooks():
    runner = Runner()
    calls = []
    runtime = runner.session.runtime
    runtime.text_screen_mode = lambda *args: calls.append(("mode", args))
    runtime.text_colour = lambda *args: calls.append(("colour", args))
    runner.cell("SCREEN 12: COLOR 4: SCREEN 12: SCREEN 1: COLOR 1, 0")
    assert calls == [("mode", (12, 80, 30)), ("colour", (4, None, None)), ("mode", (1, 40, 25))]


def test_draw_x_with_varptr_string():
    assert transcript('10 SCREEN 1: A$ = "R5": DRAW "BM10,10": DRAW "X" + VARPTR$(A$)\n'
                      "20 PRINT POINT(15,10); POINT(16,10)\n") == " 3  0 \n"


def test_a_line_exactly_between_two_pixels_and_a_turned_step_fall_where_gw_basics_did():
    """Facts from real GW-BASIC (pcbasic's gwbasic/DRAW_angle model, made by GW-BASIC 3.23):
    the line from (160,100) to (240,40) passes exactly between (238,41) and (238,42) and
    lights (238,42), as GW-BASIC's line loop steps the minor axis once its sum reaches the
    major length (LINLP3 in Microsoft's GW-BASIC source); PC-BASIC lights (238,41). A step
    turned by TA uses the pixel's aspect in 256ths (213 for SCREEN 1): TA338 U90 ends at
    (201,17), where 5/6 itself (PC-BASIC) gives (200,17)."""
    assert transcript("10 SCREEN 1: LINE (160,100)-(240,40), 3\n"
                      "20 PRINT POINT(238,42); POINT(238,41); POINT(236,43); POINT(236,42)\n"
                      '30 PSET (160,100), 0: DRAW "TA338 U90": PRINT POINT(0); POINT(1)\n'
                      '40 PSET (160,100), 0: DRAW "TA312 U90": PRINT POINT(0); POINT(1)\n'
                      ).split() == ["3", "0", "3", "0", "201", "17", "240", "40"]


def test_pc_basic_draws_the_same_pixels():
    """PC-BASIC itself, on a program with VIEW, WINDOW, STEP, CIRCLE, PAINT, GET and PUT:
    a sample of the screen's pixels agrees but for a few on the circle's outline."""
    import pcbasic

    program = """10 SCREEN 1: VIEW (20,10)-(219,149), 1, 2: WINDOW (-10,-7)-(10,7)
20 CIRCLE (0,0), 5, 3: PAINT (0,0), 2, 3: LINE (-9,-6)-STEP(4,3), 3, B
30 DIM A%(200): GET (-9,-6)-(-5,-3), A%: PUT (4,4), A%, PSET: WINDOW: VIEW: DIM R$(40)
40 FOR Y = 0 TO 159 STEP 4: FOR X = 0 TO 239 STEP 6
50 R$(Y / 4) = R$(Y / 4) + CHR$(48 + POINT(X, Y)): NEXT: NEXT
60 SCREEN 0: WIDTH 80: PRINT A%(0); A%(1): FOR Y = 0 TO 39: PRINT R$(Y): NEXT
"""
    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen, video="vga") as session:
        for line in program.splitlines():
            session.execute(line)
        session.execute("RUN")
    expected = screen.getvalue().replace("\r\n", "\n").replace("\xa0", "").split()
    ours = transcript(program).split()
    assert ours[:2] == expected[:2] == ["82", "31"]       # the GET block's width and height
    assert len(ours) == len(expected) == 42
    samples = "".join(expected[2:])
    differ = sum(a != b for a, b in zip("".join(ours[2:]), samples))
    assert set(samples) == {"0", "1", "2", "3"} and differ <= len(samples) // 100


def test_a_text_programs_screen_0_and_color_draw_nothing():
    runner = Runner()
    runner.run('10 SCREEN 0: COLOR 14, 1: PRINT "hi"\n')
    world = runner.session.turtle
    assert world.revision == 0 and world.log == [] and world.background == "white"
    runner.run("10 COLOR 4: PSET (10, 10): COLOR , 1\n")
    assert runner.session.runtime.screen.point(10, 10) == 4
    assert world.background == "#0000aa"


@pytest.mark.parametrize(("statement", "error"), [
    # As pcbasic's own VIEW test (tests/basic/gwbasic/VIEW) has GW-BASIC answer.
    ("VIEW SCREEN", "Syntax error"), ("VIEW (10,10)", "Syntax error"),
    ("VIEW (10,10)-(100,100),", "Missing operand"), ("VIEW (10,10)-(100,100),1,", "Missing operand"),
    ("VIEW (10,10)-(100,100),1,2,", "Syntax error"), ("VIEW (1,1)-(1,1)", "Illegal function call"),
    ("VIEW (1,1)-(10,32768)", "Overflow"), ('VIEW ("1","!")-(1,1)', "Type mismatch"),
    ("VIEW SCREEN (10,10)-(100,100),256,0", "Illegal function call"),
    ("DRAW \"G=V$;\"", "Type mismatch"),
])
def test_view_and_draw_errors_as_gw_basic(statement, error):
    assert transcript(f'10 SCREEN 1: V$ = "5": VIEW (1,1)-(0,0)\n20 {statement}\n') == \
        f"{error} in 20\n"


def test_drawing_on_a_hidden_page_then_showing_it():
    runner = Runner()
    runner.run("10 SCREEN 7, , 1, 0: LINE (0,0)-(50,50), 4, BF: P = POINT(10, 10)\n")
    world, screen = runner.session.turtle, runner.session.runtime.screen
    assert runner.session.scalars["P!"] == 4 and world.log == []    # drawn, not shown
    runner.cell("SCREEN , , 0, 0: Q = POINT(10, 10)")
    assert runner.session.scalars["Q!"] == 0
    runner.cell("SCREEN , , 1, 1")
    assert [type(item).__name__ for item in world.log] == ["Fill"]  # one box shows the page
    assert png_rgb(runner, 20, 20) == (170, 0, 0)
    from timewarp.basic.graphics import copy_page
    runner.cell("SCREEN , , 0, 0")
    assert copy_page(runner.session.runtime, 1, 0) and screen.point(10, 10) == 4
    assert png_rgb(runner, 20, 20) == (170, 0, 0)
    assert transcript("10 SCREEN 7, , 8\n") == "Illegal function call in 10\n"
    assert transcript("10 SCREEN 13, , 1, 1\n") == "Illegal function call in 10\n"


TILE_PAINT = """10 SCREEN 1: ON ERROR GOTO 200: DIM R$(30)
20 LINE (10,10)-(40,40),1,BF: LINE (10,10)-(40,40),3,B: PAINT (25,25),CHR$(&H55)+CHR$(&HAA),3
30 LINE (50,10)-(80,40),1,BF: LINE (50,10)-(80,40),3,B
40 PAINT (65,25),CHR$(&H55)+CHR$(&HAA),3,CHR$(&H55)
50 LINE (90,10)-(120,40),3,B: PAINT (105,25),"QWER",3: PAINT (105,25),"ABCD",3,"QWER"
60 LINE (130,10)-(160,40),3,B: CIRCLE (145,25),8,3: PAINT (135,12),CHR$(&HF0)+CHR$(0),3
70 PAINT (5,5),CHR$(&H55),3,CHR$(&H55)
80 FOR Y = 10 TO 40 STEP 3: FOR X = 10 TO 160 STEP 3
90 R$(Y / 3) = R$(Y / 3) + CHR$(48 + POINT(X, Y)): NEXT: NEXT
100 SCREEN 0: WIDTH 80: FOR Y = 3 TO 13: PRINT R$(Y): NEXT: END
200 PRINT "ERROR"; ERR; ERL: RESUME NEXT
"""


def test_tile_paint_follows_gw_basics_rules_as_pc_basic_does():
    """PAINT with a tile stops at stretches that already show the tile (a pattern over a
    coloured background does not fill out), goes on over a matching background pattern,
    and refuses a tile that matches its background (Illegal function call)."""
    import pcbasic

    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen, video="vga") as session:
        for line in TILE_PAINT.splitlines():
            session.execute(line)
        session.execute("RUN")
    expected = screen.getvalue().replace("\r\n", "\n").replace("\xa0", "")
    ours = transcript(TILE_PAINT)
    assert ours.split() == expected.split()
    assert ours.split()[:3] == ["ERROR", "5", "70"]


def test_a_one_pixel_pattern_stays_a_pattern_in_the_saved_picture():
    """The picture saved with the notebook draws each screen box on its own pixels: a PAINT
    tile of alternate pixels (Pillow's polygon also painted the pixel past each box's right
    edge, so the pattern came out solid)."""
    runner = Runner()
    runner.run("10 SCREEN 2: LINE (0,0)-(100,50),1,B: PAINT (50,25),CHR$(&HAA)+CHR$(&H55),1\n")
    screen = runner.session.runtime.screen
    assert [screen.point(x, 20) for x in (40, 41, 42)] == [1, 0, 1]
    picture = Image.open(io.BytesIO(render_png(runner.session.turtle))).convert("L")
    # SCREEN 2's pixel x is the picture's column x (its rows are doubled).
    assert [picture.getpixel((x, 41)) for x in (40, 41, 42)] == [255, 0, 255]
