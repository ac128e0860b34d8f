"""GW-BASIC's DOS and device statements in a notebook: RESET, MOTOR, LCOPY, LOCK, UNLOCK,
IOCTL, SHELL, ENVIRON (see timewarp/basic/dos.py).  Their errors are checked against PC-BASIC;
what a notebook must never do (run a command, read the hub's environment) is checked here."""

from __future__ import annotations

import os

import pytest
from timewarp.basic.errors import BasicError

from .conftest import ours, pcbasic_transcript

TRAPPED = ("10 ON ERROR GOTO 1000\n{body}\n990 END\n"
           "1000 PRINT ERR; ERL: RESUME NEXT\n")
STATEMENTS = (
    "20 PRINT \"accepted\";: MOTOR: MOTOR 1: LCOPY: LCOPY 1: RESET: PRINT\n"
    "30 MOTOR 1, 2\n40 RESET 1\n50 SHELL\n60 SHELL \"DIR\"\n"
    "70 LOCK #1\n80 UNLOCK #1, 1 TO 2\n90 IOCTL #1, \"X\"\n100 PRINT IOCTL$(1)\n"
    "110 ENVIRON \"PLAYER=ADA\": PRINT ENVIRON$(\"player\"); \"|\"; ENVIRON$(\"NONE\"); \"|\"\n"
    "130 ENVIRON \"X\"\n140 PRINT ENVIRON$(0)\n150 ENVIRON 1\n"
    "160 ENVIRON \"PLAYER=\": PRINT \"[\"; ENVIRON$(\"PLAYER\"); \"]\"\n"
    "170 BLOCK = 3: PRINT BLOCK\n")


def test_dos_statements_as_pc_basic_runs_them():
    source = TRAPPED.format(body=STATEMENTS.rstrip("\n"))
    expected = pcbasic_transcript(source)
    assert "accepted" in expected and "ADA|" in expected
    assert ours(source) == expected


def test_shell_never_runs_a_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BasicError) as error:
        ours_strict('10 SHELL "touch MADE"\n')
    assert error.value.kind == "Illegal function call"
    assert not (tmp_path / "MADE").exists()


def test_environ_never_reads_the_hubs_environment(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "secret-token")
    assert os.environ["PATH"]
    printed = ours('10 PRINT "["; ENVIRON$("JUPYTERHUB_API_TOKEN"); ENVIRON$("PATH"); "]"\n'
                   '20 FOR I = 1 TO 255: A$ = A$ + ENVIRON$(I): NEXT: PRINT "["; A$; "]"\n')
    assert printed == "[]\n[]\n"


def test_environ_counts_the_programs_own_settings():
    # PC-BASIC's ENVIRON$(n) counts the real environment's entries, which ours never reads.
    printed = ours('10 ENVIRON "A=1": ENVIRON "B=2": PRINT ENVIRON$(1); " "; ENVIRON$(2); "["; '
                   'ENVIRON$(3); "]"\n20 ENVIRON "A=": PRINT ENVIRON$(1)\n')
    assert printed == "A=1 B=2[]\nB=2\n"


def test_reset_closes_every_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = ours('10 OPEN "O", #1, "A.TXT": OPEN "O", #2, "B.TXT": PRINT #1, "kept"\n'
                   '20 RESET\n30 PRINT #2, "lost"\n')
    assert printed.endswith("Bad file number in 30\n")
    assert (tmp_path / "A.TXT").read_text() == "kept\n"


def ours_strict(source: str) -> None:
    from timewarp.basic.session import BasicSession
    from timewarp.engine import ScriptedConsole
    BasicSession(console=ScriptedConsole()).run_file(source)
