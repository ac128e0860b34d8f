"""Turtle and screen statements draw on the session's turtle world (tests read its log)."""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError

from .conftest import Runner


def segments(runner: Runner) -> list[tuple]:
    return [(round(s.x1), round(s.y1), round(s.x2), round(s.y2), s.colour, s.width)
            for s in runner.session.turtle.segments]


def test_turtle_statements_move_the_turtle_and_draw():
    runner = Runner()
    runner.run("10 PENWIDTH 3: FORWARD 50: RIGHT 90: FORWARD 20\n20 PENUP: SETXY -10, -10\n"
               "30 PENDOWN: BACK 10: SETHEADING 180: LEFT 90\n")
    turtle = runner.session.turtle.turtle
    assert segments(runner)[:2] == [(0, 0, 0, 50, "black", 3.0), (0, 50, 20, 50, "black", 3.0)]
    assert (round(turtle.x), round(turtle.y), turtle.heading) == (-20, -10, 90.0)
    assert len(segments(runner)) == 3


def test_home_hide_show_arc_circle_and_colours_by_name_number_and_rgb():
    runner = Runner()
    runner.run('10 PENCOLOR "red": ARC 90, 30: PENCOLOR 4: TCIRCLE 10\n'
               '20 PENCOLOR 0, 128, 255: FORWARD 5: HIDETURTLE: HOME: SHOWTURTLE\n')
    colours = {s.colour for s in runner.session.turtle.segments}
    assert len(colours) == 3
    assert runner.session.turtle.turtle.visible
    assert (runner.session.turtle.turtle.x, runner.session.turtle.turtle.y) == (0.0, 0.0)


def test_a_bad_colour_is_a_basic_error_with_the_line():
    with pytest.raises(BasicError) as caught:
        Runner().run('10 PENCOLOR "nosuchcolour"\n')
    assert caught.value.line == 10 and "Illegal function call" in str(caught.value)


def test_screen_graphics_draw_on_the_same_world():
    runner = Runner()
    output = runner.run("10 SCREEN 1: LINE (10, 10)-(100, 50), 2, B: PSET (5, 5), 3\n"
               "20 CIRCLE (160, 100), 40, 1: PAINT (160, 100), 2, 1: DRAW \"R10 D10\"\n"
               "30 P = POINT(5, 5): PRINT P\n")
    assert runner.session.turtle.log
    assert output == " 3 \n"


def test_savepicture_writes_png_and_svg(tmp_path):
    runner = Runner()
    png, svg = tmp_path / "a.png", tmp_path / "b.svg"
    runner.run(f'10 FORWARD 20\n20 SAVEPICTURE "{png}": SAVEPICTURE "{svg}"\n')
    assert png.read_bytes().startswith(b"\x89PNG")
    assert "<svg" in svg.read_text()


@pytest.mark.parametrize(("statement", "message"), [
    # Checked against PC-BASIC 2.0.8: a huge circle or angle is refused, never drawn for ages.
    ("CIRCLE (160, 100), 40000", "Overflow in 20"),
    ("CIRCLE (40000, 100), 50", "Overflow in 20"),
    ("CIRCLE (160, 100), 1E30", "Overflow in 20"),
    ("CIRCLE (160, 100), 50, 1, 0, 7", "Illegal function call in 20"),
    ("CIRCLE (160, 100), 50, 1, -6.3, 1", "Illegal function call in 20"),
])
def test_circles_beyond_the_screens_numbers_are_refused_as_gw_basic_does(statement, message):
    runner = Runner()
    with pytest.raises(BasicError) as caught:
        runner.cell(f"NEW\n10 SCREEN 1\n20 {statement}\nRUN")
    assert caught.value.message.split(":")[0] == message


def test_a_full_turn_either_way_is_still_a_circle():
    runner = Runner()
    runner.cell("SCREEN 1\nCIRCLE (160, 100), 50, 1, -6.2831, 6.2831")
    drawn = len(runner.session.turtle.log)
    runner.cell("CIRCLE (160, 100), 5, 2, , , 1E30")  # an aspect that flattens it to a line
    assert 0 < drawn < len(runner.session.turtle.log)
