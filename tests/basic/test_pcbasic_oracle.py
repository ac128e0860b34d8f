"""The classic golden programs, checked against PC-BASIC 2.0.8 (a faithful GW-BASIC emulator).

Each numbered program in tests/programs/basic/ runs in PC-BASIC with its .in answers typed
at the keyboard, and PC-BASIC's transcript must equal the program's .out.  The .out file is
the one expected transcript: test_golden.py holds Time Warp's engine to it, this test holds it
to GW-BASIC, so together they compare our engine with PC-BASIC without running either twice.

Two normalisations only: PC-BASIC's CR LF line ends become LF, and the CHR$(255) GW-BASIC
puts after an error message is dropped.  Where Time Warp adds a plain-words explanation to
an error ("Syntax error in 20: ..."), only the GW-BASIC part before the colon is compared.
Programs that knowingly differ are listed, with the reason, in
tests/programs/basic/known-deviations.txt (shown in docs/known-deviations.md).

Run this file as a script to write NAME.out from PC-BASIC for new programs:
``python tests/basic/test_pcbasic_oracle.py tests/programs/basic/NAME.bas ...``
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).resolve().parents[1] / "programs" / "basic"
DEVIATIONS = PROGRAMS / "known-deviations.txt"
_ERROR_LINE = re.compile(r"(.* in \d+): .*")


def classic_programs() -> list[Path]:
    """Programs written with line numbers: the part of the dialect GW-BASIC shares."""
    return [path for path in sorted(PROGRAMS.glob("*.bas"))
            if path.read_text().lstrip()[:1].isdigit()]


def known_deviations() -> dict[str, str]:
    """Program name -> why Time Warp's transcript differs from GW-BASIC's."""
    entries = {}
    for line in DEVIATIONS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(":")
            entries[name.strip()] = reason.strip()
    return entries


def answers_for(program: Path) -> list[str]:
    answers = program.with_suffix(".in")
    return answers.read_text().splitlines() if answers.exists() else []


def pcbasic_transcript(program: Path) -> str:
    """What PC-BASIC prints running ``program`` with its answers typed in."""
    import pcbasic

    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen) as session:
        for line in program.read_text().splitlines():
            if line.strip():
                session.execute(line)
        session.press_keys("".join(answer + "\r" for answer in answers_for(program)))
        # With the keyboard marked closed, a program that wants more input than the .in file
        # gives ends the session instead of waiting for ever.
        session._impl.keyboard._close_input()
        session.execute("RUN")
    return screen.getvalue().replace("\r\n", "\n").replace("\xa0\n", "\n")


def gw_basic_part(transcript: str) -> str:
    """The transcript with our explanation after a final error message cut off."""
    lines = transcript.splitlines(keepends=True)
    if lines and (match := _ERROR_LINE.fullmatch(lines[-1].rstrip("\n"))):
        lines[-1] = match.group(1) + "\n"
    return "".join(lines)


def _cases() -> list:
    deviations = known_deviations()
    return [
        pytest.param(path, id=path.stem, marks=[pytest.mark.xfail(
            reason=deviations[path.stem], strict=True)] if path.stem in deviations else [])
        for path in classic_programs()
    ]


def test_deviations_name_real_programs():
    names = {path.stem for path in classic_programs()}
    assert set(known_deviations()) <= names


@pytest.mark.timeout(30)
@pytest.mark.parametrize("program", _cases())
def test_transcript_matches_pcbasic(program: Path):
    expected = gw_basic_part(program.with_suffix(".out").read_text())
    assert pcbasic_transcript(program) == expected


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.with_suffix(".out").write_text(pcbasic_transcript(path))
        print(f"wrote {path.with_suffix('.out')}")
