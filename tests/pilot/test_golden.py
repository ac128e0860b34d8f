"""Golden PILOT lessons: tests/programs/pilot/NAME.pil runs with the answers in NAME.in and
must print exactly NAME.out (answers are echoed, as at a terminal; an error ends the
transcript with its Jupyter-style "PilotError: ..." line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.pilot.errors import PilotError
from timewarp.pilot.session import PilotSession

PROGRAMS = Path(__file__).parent.parent / "programs" / "pilot"
LESSONS = sorted([*PROGRAMS.glob("*.pil"), *PROGRAMS.glob("*.pilot")])


def transcript(lesson: Path) -> str:
    answers_file = lesson.with_suffix(".in")
    answers = answers_file.read_text().splitlines() if answers_file.exists() else []
    console = ScriptedConsole(answers)
    try:
        PilotSession(console=console).run_file(lesson.read_text())
    except PilotError as err:
        console.write(f"{err.ename}: {err}\n")
    return console.output


def test_there_are_lessons() -> None:
    assert len(LESSONS) >= 8


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_golden_lesson(lesson: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROGRAMS)  # L: finds linked lessons beside the one that links them
    assert transcript(lesson) == lesson.with_suffix(".out").read_text()
