"""GW-BASIC's own devices opened as files: SCRN:, KYBD: and the printers LPT1: to LPT3:.

SCRN: is checked against PC-BASIC 2.0.8 (as PRINT); KYBD: reads the lines typed, and a printer is
accepted and prints nowhere (a notebook has none), without leaving a file behind.
"""

from __future__ import annotations

import io
import os

import pytest

from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole


def run_ours(source: str, folder) -> str:
    console = ScriptedConsole()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        BasicSession(console=console).execute(source)
    finally:
        os.chdir(cwd)
    return console.output


def run_pcbasic(source: str, folder) -> str:
    import pcbasic

    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen,
                         devices={"Z:": str(folder)}, current_device="Z:") as session:
        for line in source.strip().splitlines():
            session.execute(line)
        session.execute("RUN")
    return screen.getvalue().replace("\r\n", "\n")

SCREEN = """
10 OPEN "SCRN:" FOR OUTPUT AS #2: PRINT "ONE";
20 PRINT #2, "A", "B"; : PRINT #2, TAB(20); "C"; SPC(2); 7
30 WRITE #2, "W", 1.5: PRINT #2, USING "##.#"; 3.14159
40 CLOSE #2: PRINT "DONE"
"""


def test_scrn_prints_on_the_screen_as_pcbasic_does(tmp_path):
    # PC-BASIC's session hands its SCRN: text to no output stream, so its transcript of
    # the same program with plain PRINT (what PRINT # to SCRN: is) is the expectation.
    (tmp_path / "ours").mkdir()
    (tmp_path / "theirs").mkdir()
    plain = SCREEN.replace("#2, ", "").replace('OPEN "SCRN:" FOR OUTPUT AS #2: ', "")
    expected = run_pcbasic(plain.replace("CLOSE #2: ", ""), tmp_path / "theirs")
    assert "DONE" in expected
    assert run_ours(SCREEN, tmp_path / "ours") == expected
    assert not list((tmp_path / "ours").iterdir())


def test_a_printer_is_accepted_and_prints_nowhere(tmp_path):
    out = run_ours('10 OPEN "LPT1:" FOR OUTPUT AS #1: PRINT #1, "PAPER": CLOSE\n'
                   '20 OPEN "O", #1, "lpt2:": PRINT #1, 1: CLOSE: PRINT "OK"\n', tmp_path)
    assert out == "OK\n"
    assert not list(tmp_path.iterdir())


def test_kybd_reads_the_lines_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    console = ScriptedConsole(["ADA, 42", "A WHOLE LINE"])
    BasicSession(console=console).execute(
        '10 OPEN "KYBD:" FOR INPUT AS #1: INPUT #1, N$, K: LINE INPUT #1, L$\n'
        '20 PRINT N$; K * 2; "|"; L$\n')
    assert console.output.endswith("ADA 84 |A WHOLE LINE\n")


@pytest.mark.parametrize("line", ['OPEN "KYBD:" FOR OUTPUT AS #1',
                                  'OPEN "SCRN:" FOR INPUT AS #1'])
def test_the_wrong_direction_is_bad_file_mode(line, tmp_path):
    with pytest.raises(BasicError, match="Bad file mode"):
        run_ours(line, tmp_path)
