"""Python's turtle names on Time Warp's world: Python's conventions, Time Warp's log."""

from __future__ import annotations

import pytest

from timewarp.turtle import python_api as turtle


@pytest.fixture(autouse=True)
def fresh_world():
    turtle.world.__init__()
    turtle._default.clear()
    turtle.colormode(1.0)
    yield turtle.world


def _ends(world):
    return [(round(s.x2, 6), round(s.y2, 6)) for s in world.segments]


def test_python_turtle_starts_facing_east_and_turns_anticlockwise(fresh_world):
    turtle.forward(100)
    turtle.left(90)
    turtle.fd(50)
    assert _ends(fresh_world) == [(100, 0), (100, 50)]
    assert turtle.heading() == pytest.approx(90)
    assert turtle.position() == pytest.approx((100, 50))


def test_aliases_pen_and_goto(fresh_world):
    turtle.penup()
    turtle.goto(10, 20)
    turtle.pendown()
    turtle.setpos((30, 20))
    turtle.rt(90)
    turtle.bk(10)
    turtle.setheading(180)
    turtle.setx(0)
    assert _ends(fresh_world) == [(30, 20), (30, 30), (0, 30)]
    assert (turtle.xcor(), turtle.ycor(), turtle.isdown()) == (0, 30, True)


def test_colours_widths_and_colormode(fresh_world):
    turtle.pencolor("red")
    turtle.pensize(4)
    turtle.forward(1)
    turtle.pencolor(0, 0.5, 1.0)
    turtle.forward(1)
    turtle.colormode(255)
    turtle.color((255, 0, 0), "yellow")
    turtle.forward(1)
    assert [(s.colour, s.width) for s in fresh_world.segments] == [
        ("red", 4), ("#0080ff", 4), ("#ff0000", 4)]
    assert turtle.color() == ("#ff0000", "yellow")


def test_fill_circle_dot_and_write(fresh_world):
    turtle.fillcolor("green")
    turtle.begin_fill()
    turtle.circle(50)
    turtle.end_fill()
    turtle.dot(10, "blue")
    turtle.write("hello", font=("Arial", 20, "normal"))
    kinds = [type(item).__name__ for item in fresh_world.log]
    assert kinds[0] == "Fill" and kinds[-2:] == ["Dot", "Label"]
    assert fresh_world.log[0].colour == "green"
    assert fresh_world.log[-1].size == 20 and fresh_world.log[-1].text == "hello"
    assert max(s.y2 for s in fresh_world.segments) == pytest.approx(100, abs=0.1)


def test_towards_distance_speed_and_visibility(fresh_world):
    assert turtle.towards(0, 10) == pytest.approx(90)
    assert turtle.distance((3, 4)) == pytest.approx(5)
    turtle.speed(1)
    assert fresh_world.turtle.speed == 10 and turtle.speed() == 1
    turtle.speed(0)
    assert fresh_world.turtle.speed == 0
    turtle.hideturtle()
    assert not turtle.isvisible()
    turtle.st()
    assert turtle.isvisible()


def test_several_turtles_share_the_world(fresh_world):
    other = turtle.Turtle()
    other.left(90)
    other.forward(10)
    turtle.forward(20)
    assert _ends(fresh_world) == [(0, 10), (20, 0)]
    assert len(fresh_world.turtles) == 2


def test_reset_clear_bgcolor_and_setup(fresh_world):
    turtle.forward(10)
    turtle.clear()
    assert fresh_world.log == [] and turtle.xcor() == 10
    turtle.bgcolor("black")
    assert turtle.bgcolor() == "black"
    turtle.reset()
    assert turtle.position() == (0, 0) and turtle.heading() == 0
    turtle.setup(400, 300)
    assert (fresh_world.width, fresh_world.height) == (400, 300)
    with pytest.raises(ValueError):
        turtle.pencolor("no such colour")
