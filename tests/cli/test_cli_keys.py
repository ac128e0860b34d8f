"""INKEY$ at a terminal (`timewarp run` in a pty) and with piped input."""

from __future__ import annotations

import subprocess
import sys
import termios
from pathlib import Path

import pexpect

GAME = """10 PRINT "READY"
20 K$ = INKEY$: IF K$ = "" THEN 20
30 PRINT "GOT"; LEN(K$); ASC(RIGHT$(K$, 1))
40 IF K$ <> "q" THEN 20
50 INPUT "NAME"; N$
60 PRINT "HELLO "; N$
"""


def test_inkey_reads_the_terminal_without_waiting_or_echo_and_input_still_echoes(tmp_path):
    program = tmp_path / "keys.bas"
    program.write_text(GAME)
    terminal = pexpect.spawn(sys.executable, ["-m", "timewarp", "run", str(program)],
                             encoding="utf-8", timeout=60)
    try:
        terminal.expect("READY")
        terminal.send("\x1b[A")          # the up arrow, as a terminal sends it
        terminal.expect(r"GOT 2  72")
        terminal.send("x")
        terminal.expect(r"GOT 1  120")
        assert "x" not in terminal.before      # no echo while the program reads keys
        terminal.send("q")
        terminal.expect(r"NAME\? ")
        terminal.sendline("ADA")
        terminal.expect("ADA")                  # INPUT's answer is echoed again
        terminal.expect("HELLO ADA")
        terminal.expect(pexpect.EOF)
        # The terminal is given back as it was: line by line, with echo.
        mode = termios.tcgetattr(terminal.child_fd)
        assert mode[3] & termios.ECHO and mode[3] & termios.ICANON
    finally:
        terminal.close(force=True)
    assert terminal.exitstatus == 0


def test_piped_input_gives_its_characters_to_inkey_then_nothing(tmp_path):
    program = tmp_path / "pipe.bas"
    program.write_text('10 FOR I = 1 TO 4: K$ = INKEY$: PRINT LEN(K$); : NEXT\n'
                       '20 PRINT: SLEEP: PRINT "DONE"\n')
    result = subprocess.run([sys.executable, "-m", "timewarp", "run", str(program)],
                            input="a\n", capture_output=True, text=True, timeout=60, check=False,
                            cwd=Path(program).parent)
    assert result.returncode == 0, result.stderr
    # "a", then the newline as CHR$(13), then nothing; SLEEP does not wait for keys that
    # can never come.
    assert result.stdout == " 1  1  0  0 \nDONE\n"
