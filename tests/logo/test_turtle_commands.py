"""Turtle commands under their Logo names draw on the session's turtle world."""

from __future__ import annotations

import math

import pytest


def segments(logo):
    return [(round(s.x1, 6), round(s.y1, 6), round(s.x2, 6), round(s.y2, 6))
            for s in logo.session.turtle.segments]


def test_square_draws_four_segments(logo):
    logo("repeat 4 [fd 100 rt 90]")
    assert segments(logo) == [(0, 0, 0, 100), (0, 100, 100, 100), (100, 100, 100, 0),
                              (100, 0, 0, 0)]


@pytest.mark.parametrize(("source", "expected"), [
    ("fd 50 show pos", "[0 50]"),
    ("rt 90 fd 50 show pos", "[50 0]"),
    ("bk 20 print ycor", "-20"),
    ("lt 90 print heading", "270"),
    ("seth 45 print heading", "45"),
    ("setxy 30 40 show pos print xcor", "[30 40]\n30"),
    ("setpos [3 4] print distance [0 0]", "5"),
    ("setx 7 sety 8 show pos", "[7 8]"),
    ("fd 10 home show pos print heading", "[0 0]\n0"),
    ("print towards [100 100]", "45"),
    ("pu print pendownp pd print pendownp", "false\ntrue"),
    ("ht print shownp st print shownp", "false\ntrue"),
    ("setpc 4 print pc", "4"),
    ("setpensize 3 show pensize", "[3 3]"),
])
def test_turtle_state(logo, source, expected):
    assert logo(source) == expected + "\n"


def test_pen_up_moves_without_drawing(logo):
    logo("pu fd 50 pd fd 10")
    assert segments(logo) == [(0, 50, 0, 60)]


def test_pen_colour_and_width_reach_the_log(logo):
    logo('setpc "red setpensize 4 fd 10')
    segment = logo.session.turtle.segments[0]
    assert segment.width == 4
    assert segment.colour in ("red", "#ff0000")


def test_clearscreen_erases_and_goes_home(logo):
    logo("fd 50 rt 30 cs")
    assert logo.session.turtle.segments == []
    assert logo("show pos print heading") == "[0 0]\n0\n"


def test_arc_and_label_and_filled_draw(logo):
    logo('arc 90 50 label "hi filled "blue [repeat 3 [fd 30 rt 120]]')
    world = logo.session.turtle
    assert len(world.segments) > 3
    assert any(type(item).__name__ == "Label" for item in world.log)
    assert any(type(item).__name__ == "Fill" for item in world.log)


def test_circle_is_centred_on_the_turtle_which_stays_put(logo):
    logo("pu setxy 10 20 pd circle 50")
    world = logo.session.turtle
    assert (world.turtle.x, world.turtle.y) == pytest.approx((10, 20))
    assert len(world.segments) >= 12
    for segment in world.segments:
        for x, y in ((segment.x1, segment.y1), (segment.x2, segment.y2)):
            assert math.hypot(x - 10, y - 20) == pytest.approx(50, abs=1e-6)


def test_fence_stops_the_turtle_with_a_logo_error(logo):
    logo("fence")
    error = logo.error("fd 10000")
    assert error.message.startswith("forward")
    assert "out of bounds" in error.message


def test_unknown_colour_is_a_logo_error(logo):
    assert "setpencolor" in logo.error('setpc "nosuchcolour').message


def test_background(logo):
    logo("setbg 1")
    assert logo.session.turtle.background == "#0000ff"


def test_recursive_tree_draws_many_segments(logo):
    logo("to tree :n\nif :n < 5 [stop]\nfd :n lt 30 tree :n * 0.7 rt 60 tree :n * 0.7 "
         "lt 30 bk :n\nend\ntree 80")
    assert len(logo.session.turtle.segments) > 200
    assert logo("show pos print heading") == "[0 0]\n0\n"
