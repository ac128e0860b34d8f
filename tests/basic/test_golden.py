"""Golden programs: every tests/programs/basic/NAME.bas, run by BasicSession, prints NAME.out.

NAME.in (optional) holds the answers to the program's INPUT statements, one per line; the
transcript shows each prompt with the answer after it, as ScriptedConsole records a session
at a terminal.  A program that ends in an error has the error as the last line of NAME.out,
written as the ``timewarp`` command line prints it (the error's message, e.g.
"NEXT without FOR in 50"), on a line of its own as GW-BASIC starts a new line for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timewarp.basic.session import BasicSession
from timewarp.engine import LanguageError, ScriptedConsole

PROGRAMS = Path(__file__).resolve().parents[1] / "programs" / "basic"


def transcript(program: Path) -> str:
    """What a student sees running ``program`` with its .in answers."""
    answers = program.with_suffix(".in")
    console = ScriptedConsole(answers.read_text().splitlines() if answers.exists() else [])
    try:
        BasicSession(console=console).run_file(program.read_text())
    except LanguageError as err:
        separator = "" if console.output.endswith("\n") or not console.output else "\n"
        return f"{console.output}{separator}{err.message}\n"
    return console.output


@pytest.mark.timeout(20)
@pytest.mark.parametrize("program", sorted(PROGRAMS.glob("*.bas")), ids=lambda path: path.stem)
def test_program_prints_its_transcript(program: Path):
    assert transcript(program) == program.with_suffix(".out").read_text()


def test_there_are_programs_and_each_has_a_transcript():
    programs = sorted(PROGRAMS.glob("*.bas"))
    assert len(programs) >= 30
    assert [p for p in programs if not p.with_suffix(".out").exists()] == []
