"""The turtle log, command by command: positions, headings, colours, fills, modes, turtles."""

from __future__ import annotations

import math

import pytest

from timewarp.turtle.model import Dot, Fill, Label, Segment, TurtleError, TurtleWorld

approx = pytest.approx


@pytest.fixture
def world() -> TurtleWorld:
    return TurtleWorld()


def test_forward_north_and_right_turn_east(world):
    t = world.turtle
    t.forward(100)
    t.right(90)
    t.forward(50)
    assert (t.x, t.y, t.heading) == (approx(50), approx(100), 90)
    a, b = world.segments
    assert (a.x1, a.y1, a.x2, a.y2) == (0, 0, approx(0, abs=1e-9), 100)
    assert (b.x2, b.y2) == (approx(50), approx(100))
    assert a.colour == "black" and a.width == 1


def test_back_left_and_heading_wraps(world):
    t = world.turtle
    t.left(30)
    assert t.heading == 330
    t.back(10)
    assert (t.x, t.y) == (approx(5), approx(-10 * math.cos(math.radians(30))))
    t.set_heading(-90)
    assert t.heading == 270
    t.right(450)
    assert t.heading == 0


def test_move_set_x_set_y_and_home(world):
    t = world.turtle
    t.move_to(30, 40)
    t.set_x(-10)
    t.set_y(5)
    t.set_heading(123)
    t.home()
    assert [(s.x2, s.y2) for s in world.segments] == [(30, 40), (-10, 40), (-10, 5), (0, 0)]
    assert (t.x, t.y, t.heading) == (0, 0, 0)


def test_pen_up_moves_without_drawing(world):
    t = world.turtle
    t.pen_up()
    t.forward(50)
    assert world.segments == [] and t.y == 50 and not t.pen_is_down
    t.pen_down()
    t.forward(10)
    assert len(world.segments) == 1 and world.segments[0].y1 == 50


@pytest.mark.parametrize(("colour", "stored"), [
    ("red", "red"), ("Light Blue", "#5555ff"), ("#FF8000", "#ff8000"), (4, "#aa0000"),
    (14, "#ffff55"), ((0, 128, 255), "#0080ff"), ("15", "#ffffff"), ("brown", "#aa5500"),
])
def test_pen_colours_by_name_number_and_rgb(world, colour, stored):
    world.turtle.set_pen_colour(colour)
    world.turtle.forward(1)
    assert world.turtle.pen_colour == stored
    assert world.segments[-1].colour == stored


@pytest.mark.parametrize("colour", ["blurple", 16, -1, (1, 2), (300, 0, 0), "#12345", None])
def test_unknown_colours_are_turtle_errors_in_plain_words(world, colour):
    with pytest.raises(TurtleError) as error:
        world.turtle.set_pen_colour(colour)
    assert "Traceback" not in str(error.value) and str(error.value)


def test_pen_width_is_recorded_and_cannot_be_negative(world):
    world.turtle.set_pen_width(5)
    world.turtle.forward(10)
    assert world.segments[0].width == 5
    with pytest.raises(TurtleError):
        world.turtle.set_pen_width(-1)


def test_background_clear_screen_and_clean(world):
    t = world.turtle
    world.set_background("navy")
    assert world.background == "navy"
    t.forward(10)
    t.right(45)
    world.clean()
    assert world.log == [] and t.y == 10 and t.heading == 45
    t.forward(10)
    world.clear_screen()
    assert world.log == [] and world.segments == [] and (t.x, t.y, t.heading) == (0, 0, 0)


def test_arc_is_centred_on_the_turtle_which_stays_put(world):
    t = world.turtle
    t.arc(90, 100)
    assert (t.x, t.y, t.heading) == (0, 0, 0)
    first, last = world.segments[0], world.segments[-1]
    assert (first.x1, first.y1) == (approx(0, abs=1e-9), approx(100))
    assert (last.x2, last.y2) == (approx(100), approx(0, abs=1e-9))
    for s in world.segments:
        assert math.hypot(s.x2, s.y2) == approx(100)


def test_circle_goes_round_with_centre_on_the_left(world):
    t = world.turtle
    t.circle(50)
    assert (t.x, t.y, t.heading) == (approx(0, abs=1e-6), approx(0, abs=1e-6), approx(0))
    xs = [s.x2 for s in world.segments]
    assert min(xs) == approx(-100, abs=0.5) and max(xs) == approx(0, abs=1e-9)


def test_half_circle_to_the_right_with_negative_radius(world):
    t = world.turtle
    t.circle(-50, 180)
    assert (t.x, t.y) == (approx(100), approx(0, abs=1e-9))
    assert t.heading == approx(180)


def test_dot_and_label(world):
    t = world.turtle
    t.move_to(5, 6)
    t.dot()
    t.dot(20, "red")
    t.set_pen_colour("blue")
    t.label("Hi <there>", 24)
    assert world.log[1:] == [Dot(5, 6, 5, "black"), Dot(5, 6, 20, "red"),
                             Label(5, 6, "Hi <there>", 24, "blue")]


def test_fill_goes_beneath_its_outline(world):
    t = world.turtle
    t.forward(5)
    t.begin_fill("yellow")
    for _ in range(3):
        t.forward(100)
        t.right(120)
    t.end_fill()
    assert type(world.log[1]) is Fill and world.log[1].colour == "yellow"
    assert [type(i) for i in world.log] == [Segment, Fill, Segment, Segment, Segment]
    assert len(world.log[1].points) == 4
    assert world.insertions == [1] and world.rewrites == 0


def test_fill_defaults_to_the_pen_colour(world):
    t = world.turtle
    t.set_pen_colour(2)
    t.begin_fill()
    t.forward(10)
    t.right(90)
    t.forward(10)
    t.end_fill()
    fills = [i for i in world.log if type(i) is Fill]
    assert fills[0].colour == "#00aa00"


def test_wrap_mode_splits_lines_at_the_edges(world):
    world.set_mode("wrap")
    t = world.turtle
    t.set_heading(90)
    t.forward(500)
    assert (t.x, t.y) == (approx(-300), approx(0, abs=1e-9))
    assert [(round(s.x1), round(s.x2)) for s in world.segments] == [(0, 400), (-400, -300)]


def test_wrap_mode_diagonal_through_a_corner_region(world):
    world.set_mode("wrap")
    t = world.turtle
    t.move_to(390, 290)
    t.move_to(410, 320)
    assert (t.x, t.y) == (approx(-390), approx(-280))
    for s in world.segments:
        assert world.contains(s.x1, s.y1) and world.contains(s.x2, s.y2)


def test_fence_mode_stops_the_turtle(world):
    world.set_mode("fence")
    t = world.turtle
    t.forward(299)
    with pytest.raises(TurtleError, match="turtle out of bounds"):
        t.forward(2)
    assert t.y == 299 and len(world.segments) == 1


def test_window_mode_goes_anywhere(world):
    world.set_mode("fence")
    world.set_mode("window")
    world.turtle.forward(1000)
    assert world.turtle.y == 1000


def test_unknown_mode_is_an_error(world):
    with pytest.raises(TurtleError):
        world.set_mode("bounce")


def test_several_turtles_draw_on_one_log(world):
    second = world.add_turtle()
    assert second == 1
    world.select_turtle(1)
    world.turtle.set_pen_colour("red")
    world.turtle.right(90)
    world.turtle.forward(10)
    world.select_turtle(0)
    world.turtle.forward(20)
    assert [(s.x2, s.y2, s.colour) for s in world.segments] == [
        (approx(10), approx(0, abs=1e-9), "red"), (approx(0, abs=1e-9), approx(20), "black")]
    with pytest.raises(TurtleError):
        world.select_turtle(2)


def test_hide_show_and_speed(world):
    t = world.turtle
    before = world.revision
    t.hide()
    assert not t.visible and world.revision > before
    t.show()
    assert t.visible
    t.set_speed(7)
    assert world.speed == 7
    with pytest.raises(TurtleError):
        t.set_speed(11)


def test_towards_and_distance(world):
    t = world.turtle
    t.move_to(10, 10)
    assert t.towards(10, 20) == approx(0)
    assert t.towards(20, 10) == approx(90)
    assert t.towards(0, 0) == approx(225)
    assert t.distance(13, 14) == approx(5)


def test_resize_and_json(world):
    world.resize(200, 100)
    assert (world.width, world.height) == (200, 100)
    world.turtle.forward(10)
    assert world.to_json() == {"segments": [[0.0, 0.0, approx(0, abs=1e-9), 10.0, "black", 1.0]],
                               "pos": [approx(0, abs=1e-9), 10.0], "heading": 0.0}
    with pytest.raises(TurtleError):
        world.resize(0, 10)


def test_listener_hears_every_change(world):
    heard = []
    world.listener = lambda: heard.append(world.revision)
    world.turtle.forward(10)
    world.turtle.right(10)
    assert len(heard) >= 2 and heard == sorted(heard)


@pytest.mark.parametrize("move", [
    lambda t: t.forward(math.inf), lambda t: t.move_to(math.nan, 0), lambda t: t.right(math.inf),
    lambda t: t.arc(math.inf, 10), lambda t: t.circle(math.nan),
])
def test_endless_numbers_are_turtle_errors(world, move):
    with pytest.raises(TurtleError):
        move(world.turtle)
    assert world.log == [] and (world.turtle.x, world.turtle.heading) == (0, 0)


@pytest.mark.parametrize("angle, radius", [(1e308, -1), (-1e308, 1e308), (1e308, 5)])
def test_an_arc_of_a_huge_angle_is_capped_not_an_overflow(world, angle, radius):
    # Found by the Logo fuzzer: ARC 1E308 -1 used to overflow to an infinite bearing.
    world.turtle.arc(angle, radius)
    assert 0 < len(world.segments) <= 10_000
    assert all(math.isfinite(value) for s in world.segments for value in (s.x1, s.y1, s.x2, s.y2))
    assert (world.turtle.x, world.turtle.y) == (0.0, 0.0)


@pytest.mark.parametrize(("mark", "message"), [
    (lambda turtle: turtle.set_pen_width(1e30), "the pen width goes up to 10000"),
    (lambda turtle: turtle.dot(20_000), "a dot's size goes from 0 to 10000"),
    (lambda turtle: turtle.label("hi", 5000), "a label's size goes from 1 to 1000"),
    (lambda turtle: turtle.label("hi", -3), "a label's size goes from 1 to 1000"),
])
def test_marks_bigger_than_any_canvas_are_refused(world, mark, message):
    # The saved picture would need an absurd bitmap (a 1e30-pixel pen overflows Pillow).
    with pytest.raises(TurtleError) as error:
        mark(world.turtle)
    assert str(error.value) == message
    world.turtle.set_pen_width(10_000)
    world.turtle.dot(10_000)
    world.turtle.label("hi", 1000)
    assert len(world.log) == 2
