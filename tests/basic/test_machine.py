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


# Graphics video memory: the program writes what it reads to a file, since text printed in a
# graphics mode lands in the same memory (drawn with the 8-pixel font, which Time Warp's
# screen does not draw into its pixels).
VIDEO_MEMORY = """10 OPEN "O", 1, "VM.TXT"
20 SCREEN 1: DEF SEG = &HB800
30 LINE (0, 0)-(7, 0), 3: LINE (0, 1)-(3, 1), 2: PSET (5, 1), 1
40 PRINT #1, PEEK(0); PEEK(1); PEEK(2); PEEK(&H2000); PEEK(&H2001)
50 POKE 80, &H1B: POKE &H2050, 255
60 PRINT #1, POINT(0, 2); POINT(1, 2); POINT(2, 2); POINT(3, 2); POINT(0, 3); POINT(3, 3)
70 LINE (40, 40)-(91, 61), 1: LINE (90, 40)-(41, 70), 2: LINE (120, 40)-(160, 40), 3, B
80 S = 0: FOR I = 0 TO 16191 STEP 3: S = S + PEEK(I) * (I MOD 7 + 1): NEXT: PRINT #1, "SUM"; S
90 BSAVE "VM1.BSV", 0, 16192
100 CLS: PRINT #1, POINT(50, 45); : BLOAD "VM1.BSV": PRINT #1, POINT(0, 0); POINT(5, 1)
110 T = 0: FOR I = 0 TO 16191 STEP 3: T = T + PEEK(I) * (I MOD 7 + 1): NEXT: PRINT #1, "SAME"; T = S
120 PSET (160, 100): DRAW "TA30 U40 TA120 R30 TA225 D20 TA300 L25 A1 U10 A3 R7"
130 PRINT #1, "DRAW AT"; POINT(0); POINT(1)
140 S = 0: FOR I = 0 TO 16191 STEP 3: S = S + PEEK(I) * (I MOD 7 + 1): NEXT: PRINT #1, "SUM"; S
150 SCREEN 2: LINE (0, 0)-(15, 0): LINE (3, 1)-(9, 1): POKE 80, &HA5
160 PRINT #1, PEEK(0); PEEK(1); PEEK(2); PEEK(&H2000); POINT(0, 2); POINT(1, 2); POINT(2, 2)
170 DRAW "BM320,100 TA45 U50 TA200 R60"
180 PRINT #1, "DRAW AT"; POINT(0); POINT(1)
190 S = 0: FOR I = 0 TO 16191 STEP 3: S = S + PEEK(I) * (I MOD 7 + 1): NEXT: PRINT #1, "SUM"; S
200 SCREEN 7: DEF SEG = &HA000: LINE (0, 0)-(15, 0), 5: LINE (4, 1)-(11, 1), 10: PSET (1, 2), 15
210 FOR P = 0 TO 3: OUT &H3CE, 4: OUT &H3CF, P
215 PRINT #1, PEEK(0); PEEK(1); PEEK(40); PEEK(41); PEEK(80);: NEXT: PRINT #1,
220 OUT &H3C4, 2: OUT &H3C5, 2: POKE 120, &HF0: OUT &H3C5, 9: POKE 121, &H0F: OUT &H3C5, 15
230 PRINT #1, POINT(0, 3); POINT(4, 3); POINT(8, 3); POINT(12, 3)
240 SCREEN 9: LINE (0, 349)-(639, 349), 12: OUT &H3CE, 4: OUT &H3CF, 2
245 PRINT #1, PEEK(80 * 349 + 5);: OUT &H3CF, 0: PRINT #1, PEEK(80 * 349 + 5)
250 CLOSE
"""


@pytest.mark.timeout(120)
def test_graphics_video_memory_agrees_with_pc_basic(tmp_path, monkeypatch):
    """PEEK, POKE, BSAVE and BLOAD see SCREEN 1's and 2's CGA memory at &HB800 (two banks of
    rows) and the EGA's bit planes at &HA000 (chosen with the read map and the map mask), and
    a turned DRAW lands where GW-BASIC's lands: byte for byte what PC-BASIC writes."""
    import pcbasic as pc

    (tmp_path / "pc").mkdir()
    with pc.Session(input_streams=None, output_streams=io.StringIO(), peek_values={},
                    video="vga", devices={"Z:": str(tmp_path / "pc")},
                    current_device="Z:") as session:
        for line in VIDEO_MEMORY.splitlines():
            session.execute(line)
        session.execute("RUN")
    expected = (tmp_path / "pc" / "VM.TXT").read_bytes().decode("latin-1")
    monkeypatch.chdir(tmp_path)
    ours(VIDEO_MEMORY)
    mine = (tmp_path / "VM.TXT").read_text()
    assert mine == expected.replace("\r\n", "\n").rstrip("\x1a")
    lines = mine.splitlines()
    assert lines[0].split() == ["255", "255", "0", "170", "16"]     # 3333 3333, 2222 0100
    assert lines[1].split() == ["0", "1", "2", "3", "3", "3"]       # &H1B poked, then 255
    assert lines[4] == "SAME-1 " and lines[5] == "DRAW AT 79  16 "
    assert lines[-1].split() == ["255", "0"]     # colour 12 is planes 2 and 3


def test_video_memory_of_hidden_pages_and_of_screen_13():
    """A page not shown takes POKEs without showing them until it is; SCREEN 13 keeps a byte
    a pixel at &HA000."""
    session = BasicSession(console=ScriptedConsole())
    session.execute("10 SCREEN 7, , 1, 0: DEF SEG = &HA000: POKE &H2000, 255\n"
                   "20 PRINT POINT(0, 0);: SCREEN 7, , 0, 0: PRINT POINT(0, 0);: SCREEN 7, , 1, 1\n"
                   "30 SCREEN 7, , 0, 0: SCREEN 13: POKE 321, 40: PRINT POINT(1, 1); PEEK(321)\n")
    assert session.console.output.split() == ["15", "0", "40", "40"]
