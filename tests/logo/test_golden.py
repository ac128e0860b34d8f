"""Golden Logo programs: tests/programs/logo/NAME.logo must print NAME.out (fed NAME.in).

Where Debian's ucblogo is installed (``apt-get install ucblogo xvfb``), each transcript is
also checked against UCBLogo 6.2 itself, run under xvfb-run with its text captured through
OPENWRITE/SETWRITE.  Programs that read input are not sent to ucblogo (it reads its own
window, not stdin); programs listed under "## Logo" in docs/known-deviations.md are not
either.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.logo.session import LogoSession

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = sorted((ROOT / "tests" / "programs" / "logo").glob("*.logo"))
DEVIATIONS = ROOT / "docs" / "known-deviations.md"


def transcript(program: Path) -> str:
    answers = program.with_suffix(".in")
    console = ScriptedConsole(answers.read_text().splitlines() if answers.exists() else [])
    LogoSession(console=console).run_file(program.read_text())
    return console.output


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_golden_program(program):
    assert transcript(program) == program.with_suffix(".out").read_text()


def known_deviations() -> set[str]:
    text = DEVIATIONS.read_text() if DEVIATIONS.exists() else ""
    section = text.split("## Logo", 1)[1].split("\n## ", 1)[0] if "## Logo" in text else ""
    return set(re.findall(r"tests/programs/logo/([\w.-]+)\.logo", section))


def run_ucblogo(program: Path, folder: Path) -> str:
    out = folder / "out.txt"
    wrapped = folder / "program.lg"
    wrapped.write_text(f'openwrite "{out}\nsetwrite "{out}\n{program.read_text()}\n'
                       f'setwrite []\nclose "{out}\nbye\n')
    # An error at top level leaves ucblogo waiting at its prompt: the timeout ends it.
    subprocess.run(["xvfb-run", "-a", "ucblogo", str(wrapped)], capture_output=True,
                   timeout=60, check=False)
    return out.read_text() if out.exists() else ""


UCBLOGO = shutil.which("ucblogo") and shutil.which("xvfb-run")
ORACLE_PROGRAMS = [p for p in PROGRAMS if not p.with_suffix(".in").exists()]


@pytest.mark.skipif(not UCBLOGO, reason="ucblogo and xvfb-run are not installed")
@pytest.mark.parametrize("program", ORACLE_PROGRAMS, ids=[p.stem for p in ORACLE_PROGRAMS])
def test_transcript_matches_ucblogo(program, tmp_path):
    if program.stem in known_deviations():
        pytest.skip("listed in docs/known-deviations.md")
    assert run_ucblogo(program, tmp_path) == program.with_suffix(".out").read_text()
