"""Fuzzing: whatever the text, parsing and running a lesson raise only PilotError.

Generated lessons may loop forever (J: back to a label), so they run with a budget of
statements; W:, PA: and L: are left out because they wait or read files by design.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timewarp.engine import ScriptedConsole
from timewarp.pilot.errors import PilotError
from timewarp.pilot.interpreter import Interpreter, Run
from timewarp.pilot.parser import parse_lesson
from timewarp.pilot.session import PilotSession

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class OutOfSteps(Exception):
    """The generated lesson ran longer than its budget (it is probably an endless loop)."""


class BudgetInterpreter(Interpreter):
    """The real interpreter, stopped after a fixed number of statements."""

    budget = 500

    def step(self, run: Run) -> bool:
        self.budget -= 1
        if self.budget < 0:
            raise OutOfSteps
        return super().step(run)


KEYWORDS = ["T", "TY", "TN", "TH", "A", "M", "MY", "Y", "N", "J", "JN", "JM", "U", "E", "C",
            "CY", "R", "PR", "G", "TYPE", "ACCEPT", "MATCH", "JUMP", "USE", "END", "COMPUTE",
            "X", "", "F"]
PIECES = ["*L1", "*L2", "L1", "@A", "@M", "@P", "$S", "#N", "N$", "X", "=", "+", "-", "*",
          "/", "%", "(", ")", "<", ">", "<>", "<=", ",", "|", "!", "?", '"', '"hi"', "\\",
          "0", "7", "1.5", "99999999999999999999", "FORWARD", "FD", "RIGHT", "PENCOLOR",
          "RED", "#ff0000", "SETXY", "HOME", "CIRCLE", "LABEL", "WRAP", "FENCE", " ", "//",
          "\t", ":", "é", "💥", " AND ", " OR ", "NOT ", "RND(", "LEN(", "INT(", "%answer"]


def _line(label: str | None, keyword: str, condition: str | None, operand: list[str]) -> str:
    text = "" if label is None else f"{label} "
    text += keyword
    if condition is not None:
        text += f"({condition})"
    return text + ":" + "".join(operand)


lines = st.builds(
    _line,
    st.one_of(st.none(), st.sampled_from(["*L1", "*L2", "*1", "*"])),
    st.sampled_from(KEYWORDS),
    st.one_of(st.none(), st.lists(st.sampled_from(PIECES), max_size=6).map("".join)),
    st.lists(st.sampled_from(PIECES), max_size=8),
)
lessons = st.lists(st.one_of(lines, st.sampled_from(["", ":more", "*L1", "*L2"])),
                   min_size=1, max_size=12).map("\n".join)


@FUZZ
@given(st.text(max_size=300))
def test_any_text_parses_or_raises_a_pilot_error(text: str) -> None:
    try:
        parse_lesson(text)
    except PilotError as err:
        assert err.line is not None and str(err).startswith(f"Line {err.line}: ")


@FUZZ
@given(lessons, st.lists(st.sampled_from(["", "yes", "7", "red", "a*b", "-3.5"]), max_size=4))
def test_generated_lessons_run_or_raise_a_pilot_error(lesson: str, answers: list[str]) -> None:
    session = PilotSession(console=ScriptedConsole(answers))
    session.interpreter = BudgetInterpreter(session)
    try:
        session.execute(lesson)
    except PilotError as err:
        assert err.line is not None and 1 <= err.line <= lesson.count("\n") + 1
    except OutOfSteps:
        pass


@pytest.mark.parametrize("lesson, line", [
    ("T:a\nJ:*NOWHERE", 2), ("T:a\nT(#X >):b", 2), ("U:*S\nE:\n*S T:x", 1),
    ("T:a\nC:#X = 10 * " + "9" * 99 + " * " + "9" * 99, 2),
])
def test_the_issue_s_bad_input_names_the_line(lesson: str, line: int) -> None:
    with pytest.raises(PilotError) as caught:
        PilotSession(console=ScriptedConsole([])).execute(lesson)
    assert caught.value.line == line
