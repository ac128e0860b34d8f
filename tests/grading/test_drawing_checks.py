"""The turtle drawing check: the same lines in any order, direction, start or number of
strokes pass; a different shape fails with a sentence a student understands."""

from __future__ import annotations

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.logo.session import LogoSession
from timewarp_grading.checks.drawing import Drawing, compare, merge_segments
from timewarp_grading.checks.expectations import expect_drawing, expect_shape
from timewarp_grading.checks.failures import CheckFailed

SQUARE = "repeat 4 [forward 100 right 90]"


def drawn(logo: str) -> Drawing:
    session = LogoSession(console=ScriptedConsole())
    session.execute(logo)
    return Drawing.of(session.turtle)


@pytest.mark.parametrize("logo", [
    "repeat 4 [forward 100 right 90]",                       # clockwise
    "repeat 4 [forward 100 left 90]",                        # anticlockwise
    "right 90 repeat 4 [forward 100 left 90]",               # starting along the bottom
    "penup setpos [100 100] pendown repeat 4 [forward 100 right 90]",   # another corner
    "penup setpos [-37 55] pendown repeat 4 [right 90 forward 100]",     # anywhere at all
    "repeat 4 [forward 30 forward 70 right 90]",             # each side in two strokes
    "forward 60 right 90 repeat 3 [forward 100 right 90] forward 40",   # starting mid-side
    "repeat 8 [forward 100 right 90]",                       # drawn twice over
    "setpos [0 100] setpos [100 100] setpos [100 0] setpos [0 0]",      # by coordinates
    "forward 100 back 50 forward 50 right 90 forward 100 right 90 forward 100 right 90 "
    "forward 100",                                           # back over its own line
])
def test_the_same_square_passes_however_it_was_drawn(logo):
    expect_drawing(drawn(logo), drawn(SQUARE))
    expect_shape(drawn(logo), "square", sides=4, closed=True, side=100, size=(100, 100))


@pytest.mark.parametrize(("logo", "message"), [
    ("repeat 2 [forward 100 right 90 forward 60 right 90]",
     "your drawing is not the expected one (placing both drawings at the same corner): "
     "a line of length 100 from (0, 0) to (100, 0) is missing, and your drawing has a line of "
     "length 60 from (0, 0) to (60, 0) instead"),
    ("repeat 4 [forward 90 right 90]",
     "a line of length 100 from (0, 0) to (0, 100) is missing, and your drawing has a line of "
     "length 90 from (0, 0) to (0, 90) instead"),
    ("repeat 3 [forward 100 right 90]",
     "your drawing has 3 lines; the expected drawing has 4"),
    ("penup", "your program drew nothing"),
])
def test_a_different_drawing_fails_with_what_differs(logo, message):
    with pytest.raises(CheckFailed) as failed:
        expect_drawing(drawn(logo), drawn(SQUARE))
    assert message in failed.value.message


@pytest.mark.parametrize(("logo", "facts", "message"), [
    ("repeat 3 [forward 100 right 90]", {"sides": 4}, "your square has 3 sides, not 4"),
    ("repeat 3 [forward 100 right 90]", {"closed": True},
     "your square is not closed: a line ends at (0, 0) without meeting another"),
    ("repeat 4 [forward 90 right 90]", {"side": 100},
     "a side of your square is 90 long; every side should be 100"),
    ("repeat 2 [forward 100 right 90 forward 60 right 90]", {"size": (100, 100)},
     "your square is 60 wide and 100 high; it should be 100 wide and 100 high"),
    ('setpc "red repeat 4 [forward 100 right 90]', {"colour": "blue"},
     "your square is drawn in red; it should be blue"),
    (SQUARE, {"filled": True}, "your square is not filled"),
    ('filled "red [repeat 4 [forward 100 right 90]]', {"filled": "yellow"},
     "your square is filled with red; it should be filled with yellow"),
    (SQUARE, {"closed": False}, "your square should not be closed, but it is"),
])
def test_each_fact_is_checked_in_plain_words(logo, facts, message):
    with pytest.raises(CheckFailed) as failed:
        expect_shape(drawn(logo), "square", **facts)
    assert failed.value.message == message


def test_the_tolerance_forgives_small_differences_only():
    slightly_off = Drawing.from_points([(0, 0), (0, 101), (100.5, 100), (100, 0)], closed=True)
    expect_drawing(slightly_off, drawn(SQUARE), tolerance=2)
    with pytest.raises(CheckFailed):
        expect_drawing(slightly_off, drawn(SQUARE), tolerance=0.1)


def test_same_place_also_compares_where_the_drawing_is():
    moved = drawn("penup setpos [50 0] pendown " + SQUARE)
    expect_drawing(moved, drawn(SQUARE))
    assert not compare(moved, drawn(SQUARE), same_place=True).same


def test_a_star_and_a_spiral_compare_line_by_line():
    star = "repeat 5 [forward 100 right 144]"
    # The same star traced the other way round: first towards the last point.
    expect_drawing(drawn("right 36 repeat 5 [forward 100 left 144]"), drawn(star))
    expect_shape(drawn(star), "star", sides=5, closed=True, side=100)
    spiral = 'make "s 10 repeat 10 [forward :s right 90 make "s :s + 10]'
    backwards = ('penup setpos [-10 -50] pendown make "s 100 '
                 'repeat 10 [forward :s left 90 make "s :s - 10]')
    assert compare(drawn(backwards), drawn(spiral)).same is False  # mirrored: not the same
    expect_drawing(drawn(spiral), drawn(spiral))


def test_collinear_pieces_merge_but_parallel_lines_do_not():
    lines = merge_segments(drawn("forward 50 forward 50 penup right 90 forward 10 right 90 "
                                 "pendown forward 100").segments)
    assert [(l.x1, l.y1, l.x2, l.y2) for l in lines] == [(0, 0, 0, 100), (10, 0, 10, 100)]
