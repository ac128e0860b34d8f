"""The launcher's starter notebooks (extensions/examples/) run in their languages' engines.

Each example is played to its end in a headless session, as a student would: the turtle
drawings draw, the BASIC game is won by guessing (bisecting on "Higher!"/"Lower!"), the PILOT
quiz is answered.  A broken example is the first thing a new student would meet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.languages import LANGUAGES

EXAMPLES = Path(__file__).resolve().parents[2] / "extensions" / "examples"


def code_cells(name: str) -> tuple[str, list[str]]:
    notebook = json.loads((EXAMPLES / name).read_text())
    kernel = notebook["metadata"]["kernelspec"]["name"]
    return kernel, ["".join(cell["source"]) for cell in notebook["cells"]
                    if cell["cell_type"] == "code"]


def session_for(kernel: str, console):
    return LANGUAGES[kernel].session_class()(console=console)


class GuessingPlayer(ScriptedConsole):
    """Answers a number-guessing game by halving the range after each "Higher!"/"Lower!"."""

    def __init__(self) -> None:
        super().__init__()
        self.low, self.high, self.guess = 1, 100, None

    def read_line(self, prompt: str = "") -> str:
        said = self.output
        if self.guess is not None:
            if said.rstrip().endswith("Higher!"):
                self.low = self.guess + 1
            elif said.rstrip().endswith("Lower!"):
                self.high = self.guess - 1
        self.guess = (self.low + self.high) // 2
        self.answers = [str(self.guess)]
        return super().read_line(prompt)


def test_every_example_is_a_notebook_for_one_of_our_kernels():
    names = sorted(p.name for p in EXAMPLES.glob("*.ipynb"))
    assert names == ["capitals-quiz.ipynb", "guess-the-number.ipynb", "turtle-drawings.ipynb"]
    assert {code_cells(name)[0] for name in names} == {"basic", "logo", "pilot"}


def test_turtle_drawings_draw_in_every_cell():
    kernel, cells = code_cells("turtle-drawings.ipynb")
    session = session_for(kernel, ScriptedConsole())
    for source in cells:
        session.execute(source)
        assert len(session.turtle.segments) >= 3, source
    assert session.console.output == ""


def test_guess_the_number_can_be_won():
    kernel, cells = code_cells("guess-the-number.ipynb")
    player = GuessingPlayer()
    session = session_for(kernel, player)
    session.execute(cells[0])
    won = re.search(r"Yes! It was (\d+) - you needed (\d+) tries", player.output)
    assert won, player.output
    assert int(won.group(1)) == player.guess
    assert 1 <= int(won.group(2)) <= 7  # halving 1..100 needs at most 7 guesses
    session.execute(cells[1])
    assert len(session.turtle.segments) == 4


@pytest.mark.parametrize("answers, score", [
    (["Ada", "paris", "Tokyo", "nairobi"], "Ada, you scored 3 out of 3.\nPerfect!"),
    (["Bo", "Lyon", "tokyo", "Mombasa"], "Bo, you scored 1 out of 3."),
])
def test_capitals_quiz_counts_the_right_answers(answers, score):
    kernel, cells = code_cells("capitals-quiz.ipynb")
    console = ScriptedConsole(answers)
    session_for(kernel, console).execute(cells[0])
    assert console.answers == []
    assert score in console.output
    assert "Perfect!" not in console.output or "3 out of 3" in console.output
