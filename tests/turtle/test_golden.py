"""Golden drawings: whole figures compared with geometry worked out independently, as segment
lists with a tolerance (never as pixels)."""

from __future__ import annotations

import math

import pytest

from timewarp.turtle.model import TurtleWorld

TOLERANCE = 1e-6


def square(t):
    for _ in range(4):
        t.forward(100)
        t.right(90)


def star(t):
    for _ in range(5):
        t.forward(200)
        t.right(144)


def spiral(t):
    for i in range(1, 9):
        t.forward(10 * i)
        t.left(90)


def circle_of_radius_100(t):
    # How many sides circle() uses is its own choice, so this figure is checked against the
    # circle's equation rather than against a list of segments.
    t.circle(100, 360)


def wrapped_diagonal(t):
    t.world.set_mode("wrap")
    t.set_heading(45)
    t.forward(600 * math.sqrt(2))


def _star_points():
    """Vertices of the star: each side 200 long, heading turning 144 degrees clockwise."""
    points, x, y, heading = [(0.0, 0.0)], 0.0, 0.0, 0.0
    for _ in range(5):
        x += 200 * math.sin(math.radians(heading))
        y += 200 * math.cos(math.radians(heading))
        heading += 144
        points.append((x, y))
    return points


def _path(points):
    return [(*a, *b) for a, b in zip(points, points[1:])]


GOLDEN = {
    "square": (square, _path([(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)])),
    "star": (star, _path(_star_points())),
    "spiral": (spiral, _path([(0, 0), (0, 10), (-20, 10), (-20, -20), (20, -20), (20, 30),
                              (-40, 30), (-40, -40), (40, -40)])),
    "wrapped_diagonal": (wrapped_diagonal, [
        (0, 0, 300, 300), (300, -300, 400, -200), (-400, -200, -200, 0)]),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_drawing(name):
    program, expected = GOLDEN[name]
    world = TurtleWorld()
    program(world.turtle)
    drawn = [(s.x1, s.y1, s.x2, s.y2) for s in world.segments]
    assert len(drawn) == len(expected)
    for got, want in zip(drawn, expected):
        assert got == pytest.approx(want, abs=TOLERANCE)


def test_circle_vertices_lie_on_the_circle_and_close():
    world = TurtleWorld()
    circle_of_radius_100(world.turtle)
    segments = world.segments
    assert len(segments) >= 12
    for s in segments:
        assert math.hypot(s.x2 + 100, s.y2) == pytest.approx(100, abs=TOLERANCE)
    assert (segments[-1].x2, segments[-1].y2) == pytest.approx((0, 0), abs=TOLERANCE)
    for a, b in zip(segments, segments[1:]):
        assert (a.x2, a.y2) == (b.x1, b.y1)
