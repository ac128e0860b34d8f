"""BASIC files: OPEN in both syntaxes, PRINT #, WRITE #, INPUT #, LINE INPUT #, EOF, CLOSE.

Transcripts are checked against PC-BASIC 2.0.8 run on the same program in a folder of its
own; the errors carry GW-BASIC's numbers; a path outside the user's folder is refused.
"""

from __future__ import annotations

import io
import os

import pytest

from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole

PROGRAMS = {
    "both_syntaxes": """
10 OPEN "O", #1, "DATA.TXT"
20 PRINT #1, "HELLO"; 42, -3.5
30 WRITE #1, "A,B", 7, "C"
40 PRINT #1, 1;2;3
50 CLOSE #1
60 OPEN "DATA.TXT" FOR INPUT AS #2
70 LINE INPUT #2, L$: PRINT "["; L$; "]"
80 INPUT #2, A$, B, C$: PRINT A$; "|"; B; "|"; C$
90 INPUT #2, X, Y, Z: PRINT X + Y + Z
100 PRINT EOF(2)
110 CLOSE
120 OPEN "DATA.TXT" FOR APPEND AS #1: PRINT #1, "MORE": CLOSE 1
130 OPEN "I", 1, "DATA.TXT"
140 WHILE NOT EOF(1): LINE INPUT #1, L$: PRINT L$: WEND
150 CLOSE
""",
    "errors_trapped": """
10 ON ERROR GOTO 1000
20 OPEN "NOPE.TXT" FOR INPUT AS #3
30 PRINT #7, "X"
40 OPEN "O", #1, "E.TXT": PRINT #1, "ONE": CLOSE #1
50 OPEN "I", #1, "E.TXT": INPUT #1, A$, B$
60 OPEN "I", #1, "E.TXT"
70 PRINT #1, "NO"
80 OPEN "Q", #2, "E.TXT"
90 CLOSE: END
1000 PRINT "ERROR"; ERR; "IN"; ERL: RESUME NEXT
""",
    "fields": """
10 OPEN "O", #1, "F.TXT"
20 PRINT #1, "  LEADING, TRAILING  ,"; CHR$(34); "QUOTED, WITH COMMA"; CHR$(34); ", 12 34"
30 PRINT #1, "1E3 , -7"
40 CLOSE
50 OPEN "I", #1, "F.TXT"
60 INPUT #1, A$, B$, C$, D, E
70 PRINT "["; A$; "]["; B$; "]["; C$; "]"; D; E
80 INPUT #1, F, G: PRINT F; G; EOF(1)
90 CLOSE
""",
    "random_files": """
10 OPEN "R", #1, "R.DAT", 20
20 FIELD #1, 10 AS N$, 2 AS A$, 8 AS D$
30 LSET N$ = "ADA": LSET A$ = MKI$(36): LSET D$ = MKD$(3.25)
40 PUT #1, 1
50 LSET N$ = "GRACE LONG NAME": RSET A$ = MKI$(-7): LSET D$ = MKD$(1/3)
60 PUT #1, 3
70 PRINT LOF(1), LOC(1)
80 GET #1, 1: PRINT "["; N$; "]"; CVI(A$); CVD(D$)
90 GET #1, 3: PRINT "["; N$; "]"; CVI(A$); CVD(D$); LOC(1)
100 GET #1, 2: PRINT ASC(N$); LEN(N$)
110 CLOSE
120 OPEN "RDB.DAT" FOR RANDOM AS #2 LEN = 6: FIELD #2, 4 AS S$, 2 AS I$
130 FOR K = 1 TO 5: LSET S$ = MKS$(K / 4): LSET I$ = MKI$(K * 1000): PUT #2: NEXT
140 GET #2, 4: PRINT CVS(S$); CVI(I$); LOF(2); LOC(2): CLOSE
150 PRINT ASC(MKS$(1)); ASC(MID$(MKS$(1), 4)); ASC(MID$(MKS$(-2.5), 3)); ASC(MID$(MKD$(10), 8))
160 PRINT CVS(MKS$(123.456)), CVI(MKI$(-12345)), CVD(MKD$(1.5D+20))
""",
    "crunched_file_numbers": """
10 OPEN "R",#1,"C.DAT",12
20 FIELD#1,10 AS N$,2 AS K$
30 LSET N$="ADA":LSET K$=MKI$(7):PUT#1,1
40 GET#1,1:PRINT N$;CVI(K$):CLOSE#1
50 OPEN "O",#2,"C.TXT":PRINT#2,"X";1:WRITE#2,"Y":CLOSE
60 OPEN "I",#2,"C.TXT":LINE INPUT#2,A$:INPUT#2,B$:PRINT A$;B$:CLOSE
""",
    "file_commands": """
10 OPEN "O", #1, "S.TXT": PRINT #1, "HELLO WORLD": PRINT LOC(1): CLOSE
20 OPEN "I", #1, "S.TXT": PRINT INPUT$(5, #1); "|"; INPUT$(3, 1); LOC(1): CLOSE
30 NAME "S.TXT" AS "T.TXT"
40 OPEN "I", #1, "T.TXT": LINE INPUT #1, L$: PRINT L$: CLOSE
50 KILL "T.TXT"
60 ON ERROR GOTO 300
70 KILL "T.TXT"
80 MKDIR "SUB": CHDIR "SUB": OPEN "O", #1, "X.TXT": CLOSE: CHDIR ".."
90 KILL "SUB\\X.TXT": RMDIR "SUB"
100 OPEN "O", #1, "Y.TXT"
105 NAME "Y.TXT" AS "Z.TXT"
110 GET #1, 1
115 CLOSE
120 OPEN "Y.TXT" FOR INPUT AS #1
125 OPEN "Y.TXT" FOR INPUT AS #1
130 PRINT "DONE"
140 END
300 PRINT "ERROR"; ERR; ERL: RESUME NEXT
""",
    # PRINT # and WRITE # into a RANDOM file's record buffer; past its end is Field overflow.
    "print_into_a_record": """
10 OPEN "PR.DAT" FOR RANDOM AS #1 LEN = 24: FIELD #1, 12 AS A$, 12 AS B$
20 PRINT #1, 1234; "X": LSET B$ = "NAME": PUT #1, 1
30 WRITE #1, "Q", 5: PUT #1, 2
40 GET #1, 1: PRINT "["; A$; "]["; B$; "]"
50 GET #1, 2: PRINT "["; A$; "]"
60 ON ERROR GOTO 100
70 PRINT #1, STRING$(30, "Z")
80 CLOSE: END
100 PRINT "ERROR"; ERR; ERL: RESUME NEXT
""",
    # An open file may not be opened again to write, even from another folder (as in DOS),
    # nor saved over; reading it while it is written is allowed.
    "already_open": """
10 ON ERROR GOTO 100
20 OPEN "O", #1, "S.TXT": PRINT #1, "X"
30 OPEN "I", #2, "s.txt"
40 CLOSE: OPEN "I", #1, "S.TXT": OPEN "I", #2, "S.TXT": INPUT #2, A$: PRINT A$
50 MKDIR "D": OPEN "A", #3, "D\\S.TXT"
60 CLOSE: OPEN "O", #1, "P.BAS": SAVE "P"
70 CLOSE: KILL "P.BAS": PRINT "END": END
100 PRINT "ERROR"; ERR; ERL: RESUME NEXT
""",
    # EOF's argument: the keyboard (0), a file open to write, numbers out of range.
    "eof_of_what": """
10 OPEN "O", #1, "E.TXT": ON ERROR GOTO 100
20 PRINT EOF(0): PRINT EOF(1): PRINT EOF(-1): PRINT EOF(256): PRINT EOF(40000)
30 PRINT EOF(3): CLOSE: OPEN "I", #1, "E.TXT": PRINT EOF(1): END
100 PRINT "ERROR"; ERR; ERL: RESUME NEXT
""",
    # A file with CR line ends reads as in GW-BASIC: an LF alone is a soft break that
    # LINE INPUT # keeps and INPUT # drops; an empty line is an empty item.
    "dos_line_ends": """
10 OPEN "O", #1, "D.TXT": C$ = CHR$(13): L$ = CHR$(10)
20 PRINT #1, "1"; L$; "2"; C$; CHR$(34); "A"; L$; "B"; CHR$(34); C$; C$; "7 8"; C$;
30 PRINT #1, "ONE"; L$; "TWO"; C$; L$; "THREE"; C$; L$; C$; "X";
40 CLOSE: OPEN "I", #1, "D.TXT"
50 INPUT #1, A$, B$, C, D, E: PRINT "["; A$; "][", B$; "]"; C; D; E
60 LINE INPUT #1, X$: PRINT LEN(X$); INSTR(X$, L$)
70 LINE INPUT #1, X$: PRINT "["; X$; "]"
80 LINE INPUT #1, X$: PRINT "["; X$; "]"; EOF(1)
90 LINE INPUT #1, X$: PRINT "["; X$; "]"; EOF(1)
""",
}


def run_ours(source: str, folder) -> str:
    console = ScriptedConsole()
    session = BasicSession(console=console)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        session.execute(source)
    finally:
        os.chdir(cwd)
    return console.output


def run_pcbasic(source: str, folder) -> str:
    import pcbasic

    screen = io.StringIO()
    # GW-BASIC's own rule for LF in files (see timewarp.basic.file_input).
    with pcbasic.Session(input_streams=None, output_streams=screen, soft_linefeed=True,
                         devices={"Z:": str(folder)}, current_device="Z:") as session:
        for line in source.strip().splitlines():
            session.execute(line)
        session.execute("RUN")
    return screen.getvalue().replace("\r\n", "\n")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_file_programs_match_pcbasic(name, tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "pcbasic"
    ours.mkdir()
    theirs.mkdir()
    expected = run_pcbasic(PROGRAMS[name], theirs)
    assert expected.strip(), "PC-BASIC printed nothing"
    assert run_ours(PROGRAMS[name], ours) == expected


def test_files_written_read_back_by_python(tmp_path):
    run_ours('OPEN "OUT.TXT" FOR OUTPUT AS #1\nWRITE #1, "X", 1.5\nCLOSE\n', tmp_path)
    assert (tmp_path / "OUT.TXT").read_text() == '"X",1.5\n'


def test_a_program_end_closes_its_files(tmp_path):
    run_ours('10 OPEN "O", #1, "A.TXT"\n20 PRINT #1, "KEPT"\n', tmp_path)
    assert (tmp_path / "A.TXT").read_text() == "KEPT\n"


def test_end_closes_the_files_running_off_the_end_does_not(tmp_path, monkeypatch):
    # As in GW-BASIC (and PC-BASIC): direct lines after the program go on writing to #1.
    monkeypatch.chdir(tmp_path)
    session = BasicSession(console=ScriptedConsole())
    session.execute('10 OPEN "O", #1, "B.TXT"\n20 PRINT #1, "RUN"')
    session.execute('PRINT #1, "DIRECT"')
    session.execute("30 END\nRUN")
    with pytest.raises(BasicError, match="Bad file number"):
        session.execute('PRINT #1, "AFTER END"')
    assert (tmp_path / "B.TXT").read_text() == "RUN\n"


def test_a_drive_letter_is_the_notebook_folder(tmp_path):
    run_ours('OPEN "B:HI.TXT" FOR OUTPUT AS #1: PRINT #1, "HI": CLOSE', tmp_path)
    assert (tmp_path / "HI.TXT").read_text() == "HI\n"


def test_names_without_case_stay_inside_the_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "SECRET.TXT").write_text("NO\n")
    inner = tmp_path / "home" / "notebooks"
    inner.mkdir(parents=True)
    with pytest.raises(BasicError, match="Path/File access error"):
        run_ours('10 OPEN "../../secret.txt" FOR INPUT AS #1\n', inner)


@pytest.mark.parametrize("name", ["../../outside.txt", "/etc/passwd", "~/../x.txt"])
def test_paths_outside_the_folder_are_refused(name, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    inner = tmp_path / "notebooks"
    inner.mkdir()
    with pytest.raises(BasicError, match="Path/File access error in 10") as caught:
        run_ours(f'10 OPEN "{name}" FOR INPUT AS #1\n', inner)
    assert caught.value.code == 75


def test_inside_home_above_the_notebook_is_allowed(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "shared.txt").write_text("HI\n")
    inner = tmp_path / "notebooks"
    inner.mkdir()
    assert run_ours('OPEN "../shared.txt" FOR INPUT AS #1\nLINE INPUT #1, A$\nPRINT A$\n',
                    inner) == "HI\n"


def test_files_stay_open_between_direct_cells(tmp_path, monkeypatch):
    console = ScriptedConsole()
    session = BasicSession(console=console)
    monkeypatch.chdir(tmp_path)
    session.execute('OPEN "C.TXT" FOR OUTPUT AS #1')
    session.execute('PRINT #1, "FIRST CELL"')
    session.execute("CLOSE #1")
    assert (tmp_path / "C.TXT").read_text() == "FIRST CELL\n"


def test_syntax_mistakes_are_syntax_errors():
    session = BasicSession(console=ScriptedConsole())
    for bad in ('10 OPEN "X" FOR READING AS #1', '10 OPEN "X" FOR INPUT #1'):
        with pytest.raises(BasicError, match="Syntax error in 10"):
            session.execute(bad)
            session.execute("RUN")
        session.execute("NEW")


def test_files_lists_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "data").mkdir()
    assert run_ours("FILES", tmp_path) == "A.TXT              DATA\\\n"
    with pytest.raises(BasicError, match="File not found"):
        run_ours('FILES "*.BAS"', tmp_path)


def test_words_read_where_they_stand_leave_old_names_alone():
    out = run_ours("10 BLOCK = 2: LOCKED = 3: KILLS = 4\n20 PRINT BLOCK + LOCKED + KILLS\n", ".")
    assert out == " 9 \n"


def test_input_chars_from_the_keyboard_takes_keys_pressed_first_then_a_line():
    # GW-BASIC's INPUT$(n) takes n keys from the keyboard buffer, Enter not needed; keys
    # pressed ahead (a script's, or on the cell's canvas) come first, a typed line after.
    console = ScriptedConsole(["XYZ"], keys=["4", "2", "7"])
    session = BasicSession(console=console)
    session.run_file('10 A$ = INPUT$(2): B$ = INPUT$(3)\n20 PRINT A$; "|"; B$\n')
    assert console.output == "XYZ\n42|7XY\n"
