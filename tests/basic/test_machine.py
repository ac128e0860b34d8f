"""PEEK, POKE, DEF SEG, OUT, INP, WAIT, CALL, USR, DEF USR, VARPTR, BLOAD, BSAVE, PCOPY.

Transcripts of the addresses PC-BASIC emulates are checked against PC-BASIC itself; where
Time Warp knowingly differs (the timer ticks, ports that keep what OUT wrote, USR), the test
says so and docs/known-deviations.md lists it.
"""

from __future__ import annotations

import io
import time

import pytest
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole


def ours(program: str) -> str:
    console = ScriptedConsole()
    BasicSession(console=console).execute(program)
    return console.output


def pcbasic(program: str) -> str:
    import pcbasic as pc

    out = io.StringIO()
    with pc.Session(input_streams=None, output_streams=out, peek_values={}) as session:
        for line in program.strip().splitlines():
            session.execute(line)
        session.execute("RUN")
    return out.getvalue().replace("\r\n", "\n")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("program", [
    # keyboard flags, equipment byte, screen columns, the ROM's model byte
    ("10 DEF SEG = 0: PRINT PEEK(&H417): POKE &H417, 64: PRINT PEEK(&H417); PEEK(&H410); "
    "PEEK(&H44A)\n20 DEF SEG = &HF000: PRINT PEEK(&HFFFE)"),
    # variables as GW-BASIC stores them: an integer, a single, a string's descriptor
    ("10 A% = 517: P = VARPTR(A%): PRINT PEEK(P); PEEK(P + 1)\n"
    "20 B! = 1.5: P = VARPTR(B!): PRINT PEEK(P); PEEK(P + 1); PEEK(P + 2); PEEK(P + 3)\n"
    "30 X$ = \"HI\": P = VARPTR(X$): S = PEEK(P + 1) + 256 * PEEK(P + 2)\n"
    "40 PRINT PEEK(P); CHR$(PEEK(S)); CHR$(PEEK(S + 1))"),
    # machine code is accepted and never runs
    "10 DEF USR0 = &H1000: DEF SEG = &H5000: A = 0: CALL A: PCOPY 0, 1: PRINT \"OK\"",
], ids=["low-memory", "varptr", "machine-code"])
def test_transcript_matches_pcbasic(program):
    assert ours(program) == pcbasic(program)


def test_memory_poked_elsewhere_reads_back():
    # PC-BASIC reads 0 there; keeping the byte lets programs that store data in memory work.
    assert ours("DEF SEG = &H5000: POKE 10, 99: PRINT PEEK(10): DEF SEG: PRINT PEEK(10)") == \
        " 99 \n 0 \n"


def test_timer_ticks_count_from_midnight():
    output = ours("DEF SEG = 0: PRINT PEEK(&H46C) + 256 * PEEK(&H46D) + 65536 * PEEK(&H46E)")
    now = time.localtime()
    seconds = now.tm_hour * 3600 + now.tm_min * 60 + now.tm_sec
    assert abs(int(output) - seconds * 18.2065) < 18.2065 * 5


def test_ports_keep_what_out_wrote_and_retrace_lets_wait_return():
    assert ours("OUT &H43, 182: OUT &H42, 155: OUT &H61, 3: PRINT INP(&H61); INP(&H42)"
                ": WAIT &H3DA, 8: PRINT \"ON\"") == " 3  155 \nON\n"
    assert ours("10 PRINT USR(5); USR1(7)") == " 5  7 \n"


def test_bsave_and_bload_keep_a_screen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    program = ('10 CLS: LOCATE 2, 3: PRINT "SAVED": DEF SEG = &HB800\n'
               '20 BSAVE "SCREEN.BIN", 0, 4000: CLS: PRINT SCREEN(2, 3)\n'
               '30 BLOAD "SCREEN.BIN", 0: PRINT SCREEN(2, 3)\n')
    console = ScriptedConsole()
    session = BasicSession(console=console)
    session.execute(program)
    data = (tmp_path / "SCREEN.BIN").read_bytes()
    assert data[:7] == bytes([0xFD, 0, 0xB8, 0, 0, 0xA0, 0x0F]) and len(data) == 4008
    # A blank before the CLS; after BLOAD, "SAVED" is back (the second PRINT covers its "SA").
    # BLOAD brings back the whole screen saved: row 1 blank again, "SAVED" on row 2 (the
    # second PRINT covers its "SA" with 83, the code of S).
    assert session.runtime.text.lines()[:2] == ["", " 83 VED"]


@pytest.mark.parametrize("statement, message", [
    ("POKE 0, 256", "Illegal function call"), ("OUT 1, -1", "Illegal function call"),
    ("PRINT PEEK(70000)", "Overflow"), ("BLOAD \"NOWHERE.BIN\"", "File not found"),
    ("POKE \"A\", 1", "Type mismatch"), ("PCOPY 0, 9", "Illegal function call"),
])
def test_bad_values_get_gw_basic_errors(statement, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Exception, match=message):
        ours(statement)


def test_the_speaker_port_plays_the_timers_pitch_for_as_long_as_it_is_on(monkeypatch):
    from timewarp.basic import machine

    clock = iter([10.0, 10.0, 10.5, 11.0])
    monkeypatch.setattr(machine.time, "monotonic", lambda: next(clock))
    console = ScriptedConsole()
    session = BasicSession(console=console)
    # 1193182 / 2712 is 440 Hz: on for half a second, then the pitch changes, then off.
    session.execute("OUT &H43, 182: OUT &H42, 152: OUT &H42, 10: OUT &H61, INP(&H61) OR 3\n"
                    "OUT &H42, 76: OUT &H42, 5: OUT &H61, 0")
    tones = [(round(t.frequency), t.seconds) for t in session.runtime.music.tune.tones]
    assert tones == [(440, 0.5), (880, 0.5)]
