"""G: draws with the shared turtle: the turtle log is checked, never pixels."""

from __future__ import annotations

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.pilot.errors import PilotError
from timewarp.pilot.graphics import ALIASES, COMMANDS
from timewarp.pilot.help import turtle_help
from timewarp.pilot.session import PilotSession
from timewarp.turtle.model import Dot, Fill, Label


def draw(source: str) -> PilotSession:
    session = PilotSession(console=ScriptedConsole([]))
    session.execute(source)
    return session


def rounded(segments) -> list[tuple]:
    return [(round(s.x1, 6), round(s.y1, 6), round(s.x2, 6), round(s.y2, 6), s.colour, s.width)
            for s in segments]


def test_square_from_a_loop() -> None:
    world = draw("*SIDE G:FORWARD 50 RIGHT 90\nC:#N = #N + 1\nJ(#N < 4):*SIDE").turtle
    assert rounded(world.segments) == [
        (0, 0, 0, 50, "black", 1), (0, 50, 50, 50, "black", 1),
        (50, 50, 50, 0, "black", 1), (50, 0, 0, 0, "black", 1)]
    assert world.turtle.heading == 0


def test_pen_colour_width_and_moves() -> None:
    world = draw("G:PU; SETXY -100 20; PD\nG:PENCOLOR RED PENWIDTH 3 FD (10 * 2)\n"
                 "G:PC 1 BK 5\nG:COLOR 0 255 0 SETH 90 FD 10\nG:PENCOLOR #00ff80 LT 90 FD 1"
                 ).turtle
    assert rounded(world.segments) == [
        (-100, 20, -100, 40, "red", 3), (-100, 40, -100, 35, "#0000aa", 3),
        (-100, 35, -90, 35, "#00ff00", 3), (-90, 35, -90, 36, "#00ff80", 3)]


def test_variables_as_arguments() -> None:
    world = draw("C:#SIDE = 30\nC:$INK = blue\nG:PENCOLOR $INK FORWARD #SIDE RIGHT -90 FD #SIDE"
                 ).turtle
    assert rounded(world.segments) == [(0, 0, 0, 30, "blue", 1), (0, 30, -30, 30, "blue", 1)]


def test_marks_fills_and_state() -> None:
    session = draw("G:DOT 8 LABEL Hello $WHO\nG:FILLCOLOR YELLOW BEGINFILL FD 10 RT 90 FD 10 "
                   "HOME ENDFILL\nG:HIDETURTLE BACKGROUND BLACK SPEED 0 CIRCLE 10")
    world = session.turtle
    kinds = [type(item) for item in world.log]
    assert kinds[:2] == [Dot, Label] and Fill in kinds
    assert world.log[1].text == "Hello "
    assert world.turtle.visible is False and world.background == "black"
    assert len(world.segments) > 10  # the circle is many short lines


def test_clearscreen_and_modes() -> None:
    world = draw("G:FD 10 CS\nG:FENCE").turtle
    assert world.segments == [] and world.mode == "fence"
    with pytest.raises(PilotError) as caught:
        draw("T:x\nG:FENCE FD 1000")
    assert caught.value.line == 2 and "out of bounds" in caught.value.message


@pytest.mark.parametrize("source, words", [
    ("G:", "needs a turtle command"),
    ("G:JUMP 5", "no turtle command 'JUMP'"),
    ("G:FORWARD", "needs a number"),
    ("G:FORWARD (1 + ", "not closed"),
    ("G:SETXY 1", "needs a number"),
])
def test_mistakes_are_parse_errors(source: str, words: str) -> None:
    with pytest.raises(PilotError) as caught:
        draw(f"T:ok\n{source}")
    assert caught.value.line == 2 and words in caught.value.message


@pytest.mark.parametrize("source, words", [
    ("C:$X = far\nG:FORWARD $X", "needs a number"),
    ("G:PENCOLOR 2.5", "whole number"),
    ("G:SPEED 11", "speed"),
])
def test_mistakes_when_drawing(source: str, words: str) -> None:
    with pytest.raises(PilotError) as caught:
        draw(source)
    assert caught.value.line == source.count("\n") + 1 and words in caught.value.message


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_runs(name: str) -> None:
    assert name in turtle_help(name)
    example = turtle_help(name).rsplit("G:", 1)[1].strip()
    session = draw(f"G:{example}")
    assert session.turtle is not None


def test_aliases_point_at_commands() -> None:
    assert set(ALIASES.values()) <= set(COMMANDS)
