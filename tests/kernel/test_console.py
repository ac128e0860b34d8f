"""`jupyter console --kernel basic` at a real terminal (a pty): run a program, answer its INPUT."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

JUPYTER = str(Path(sys.executable).with_name("jupyter"))


def test_jupyter_console_runs_basic_and_answers_input(tmp_path):
    env = dict(os.environ, TERM="dumb", JUPYTER_RUNTIME_DIR=str(tmp_path))
    console = pexpect.spawn(JUPYTER, ["console", "--kernel", "basic", "--simple-prompt"],
                            env=env, encoding="utf-8", timeout=90, cwd=str(tmp_path))
    try:
        # Generous timeouts: on a busy machine the kernel takes a while to start.
        console.expect("Time Warp BASIC")
        console.expect(r"In \[1\]: ")
        console.sendline('INPUT "NAME"; N$')
        console.expect(r"NAME\? ")
        console.sendline("ADA")
        console.expect(r"In \[2\]: ")
        console.sendline('PRINT "HELLO "; N$; LEN(N$)')
        console.expect(r"HELLO ADA 3")
        console.expect(r"In \[3\]: ")
        console.sendline("GOTO 999")
        console.expect("Undefined line number")
        console.expect(r"In \[4\]: ")
        console.sendeof()
        console.expect(r"exit")
        console.sendline("y")
        console.expect(pexpect.EOF)
    finally:
        console.close(force=True)
    assert "Traceback" not in console.before
