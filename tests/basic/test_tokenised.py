"""GW-BASIC's binary program files (``SAVE "GAME"`` without ``, A``) load, run, list and save.

The oracle is PC-BASIC: it tokenises each program and saves it in GW-BASIC's binary form, its
protected form (``, P``) and as text (``, A``); ours loads the binary file and must list
exactly that text, and saves the same bytes.  The quirks of GW-BASIC's LIST that PC-BASIC does
not reach are checked on bytes written by hand.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys

import pytest
from timewarp.basic.errors import BasicError
from timewarp.basic.program import split_numbered
from timewarp.basic.prompt import Prompt
from timewarp.basic.session import BasicSession
from timewarp.basic.tokenised import decipher, detokenise, protect, tokenise_line
from timewarp.engine import ScriptedConsole

PROGRAMS = {
    "numbers": (
        "10 REM every kind of number: &H1F &O17 7 12 300 40000 1.5 1E+20 1.5# 1D-5\n"
        "20 A = &HFF + &O17 + 7 + 12 + 300 + 40000 + 1.5 + 2.5E-3 + 1.5# + 123456789#\n"
        "30 B = 100000! + 1.0 + .5 + 32767 + 65535 + 1E+38 * 10 + 1D+300 + 0 + 10 + 11\n"
        "40 PRINT A; B; -32768; &HFFFF; &O177777\n"),
    "keywords": (
        "10 DEF FNA(X) = X ^ 2 MOD 3 \\ 1 AND NOT 0 OR 1 XOR 2 EQV 3 IMP 4\n"
        '20 IF A > 1 THEN PRINT "BIG" ELSE PRINT "SMALL" \' a remark\n'
        "30 WHILE A < 3: A = A + 1: WEND\n"
        '40 DATA 1, "two, three", 4 : READ X, Y$, Z: GOSUB 60\n'
        '50 PRINT LEFT$("ABC", 2); CVI(MKI$(65)); TIMER >= 0; X; Y$; Z; FNA(2): GOTO 90\n'
        '60 ON ERROR GOTO 80: B = 2: SWAP A, B: RANDOMIZE 1: ERROR 5: PRINT "?";\n'
        "70 RETURN\n"
        "80 PRINT ERR; ERL: RESUME NEXT\n"
        "90 OPEN \"O\", #1, \"X.TXT\": PRINT #1, USING \"##\"; 5: CLOSE: KILL \"X.TXT\": END\n"),
    "strings_and_remarks": (
        '10 PRINT "PRINT: ELSE REM \' in a string"; : REM PRINT ELSE "\n'
        "20 DATA PRINT, ELSE, GOTO 10 : PRINT \"after the data\"\n"
        "30 ' only a remark, with :ELSE and REM inside\n"
        "40 IF 0 THEN 10 ELSE 50\n"
        "50 END\n"),
}
#: GW-BASIC's own spelling rules: GO TO and GO SUB apart, numbers in every form, keywords inside
#: names, what follows TAB( and SPC(, line 0 with its blank, a remark after REM.  Saved and
#: renumbered, never run (it jumps about for ever).
SPELLING = (
    "0  PRINT 0\n"
    "10 GO TO 20: GO  TO 30: GO SUBTLE: GO TOTAL\n"
    "20 PRINT 1E3; 1D3; 1.5!; 2#; 10%; &H7FFF; &777; & 7; 1E; X1; A$; TAB(5) 7; SPC(2) 8\n"
    "30 IF ERL = 20 THEN LIST 10-20 ELSE RUN 20\n"
    "40 ON X GOTO 10, 20 ,30: RESTORE 80: RESUME 0: ON ERROR GOTO 0\n"
    '50 ?"HI":PRINT 3.14159265358979; 1.234567E+30; 12345678; 32768; 1E+39\n'
    "60 FORI=1TO9:NEXT: OPTION BASE 1: PRINT FNA(2)\n"
    "70 REMARK\n"
    "80 DATA 1, \"2:3\", 4:PRINT 3\n")


def pcbasic_saves(source: str, folder) -> tuple[bytes, str, str]:
    """PC-BASIC's binary file and text listing of ``source``, and what RUN prints (and its
    protected file, SEALED.BAS, when ``folder`` is named "sealed")."""
    import pcbasic

    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen,
                         devices={"Z:": str(folder)}, current_device="Z:") as session:
        for line in source.splitlines():
            session.execute(line)
        session.execute('SAVE "PROGRAM"')
        session.execute('SAVE "LISTING", A')
        if folder.name == "sealed":
            session.execute('SAVE "SEALED", P')
            return (folder / "PROGRAM.BAS").read_bytes(), "", ""
        screen.truncate(0)
        session.execute("RUN")
    binary = (folder / "PROGRAM.BAS").read_bytes()
    listing = (folder / "LISTING.BAS").read_bytes().split(b"\x1a")[0].decode("cp437")
    return binary, listing.replace("\r\n", "\n"), screen.getvalue().replace("\r\n", "\n")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_binary_program_lists_as_gw_basic_lists_it(name, cells, tmp_path):
    binary, listing, _ = pcbasic_saves(PROGRAMS[name], tmp_path)
    assert binary[:1] == b"\xff", "PC-BASIC did not save the binary form"
    cells('LOAD "PROGRAM"')
    assert cells("LIST") == listing


@pytest.mark.parametrize("name", ["keywords", "strings_and_remarks"])
def test_a_binary_program_runs_as_in_pc_basic(name, cells, tmp_path):
    _, _, printed = pcbasic_saves(PROGRAMS[name], tmp_path)
    assert printed.strip()
    def lines(text: str) -> list[str]:      # PC-BASIC's screen keeps no trailing blanks
        return [line.rstrip() for line in text.replace("\xa0", "").splitlines()]
    assert lines(cells('RUN "PROGRAM"')) == lines(printed)


@pytest.mark.parametrize("name", [*sorted(PROGRAMS), "spelling"])
def test_save_at_the_prompt_writes_the_bytes_pc_basic_writes(name, tmp_path, monkeypatch):
    source = PROGRAMS.get(name, SPELLING)
    (tmp_path / "sealed").mkdir()
    binary, _, _ = pcbasic_saves(source, tmp_path / "sealed")
    sealed = (tmp_path / "sealed" / "SEALED.BAS").read_bytes()
    monkeypatch.chdir(tmp_path)
    prompt = Prompt(BasicSession(console=ScriptedConsole([])), explain=False)
    prompt.run([*source.splitlines(), 'SAVE "MINE"', 'SAVE "MINE.TXT", A',
                'SAVE "SEALED", P', "LIST"])
    assert (tmp_path / "MINE.BAS").read_bytes() == binary
    assert (tmp_path / "SEALED.BAS").read_bytes() == sealed
    assert (tmp_path / "MINE.TXT").read_text() == prompt.session.program.listing() != ""
    # Saved protected, the program in memory is protected too, as in GW-BASIC.
    assert prompt.session.console.output == "Ok\n" * 3 + "Illegal function call\nOk\n"
    assert prompt.session.program.protected


def typed_at_the_prompt(lines: list[str]) -> str:
    """What GW-BASIC's prompt (timewarp basic) prints for these lines typed at it."""
    prompt = Prompt(BasicSession(console=ScriptedConsole([])), explain=False)
    prompt.run(lines)
    return prompt.session.console.output


def test_a_binary_file_loaded_and_saved_keeps_what_followed_the_program(tmp_path, monkeypatch):
    # GW-BASIC's LOAD reads the whole file into memory, its closing Ctrl-Z too, and SAVE
    # writes that back before its own: a program loaded and saved grows by a byte.
    from timewarp.basic.tokenised import tokenise
    original = tokenise([(10, 'PRINT "HI"')])
    (tmp_path / "OLD.BAS").write_bytes(original)
    monkeypatch.chdir(tmp_path)
    typed_at_the_prompt(['LOAD "OLD"', 'SAVE "NEW"', 'NEW', '10 PRINT "HI"', 'SAVE "FRESH"'])
    assert original.endswith(b"\x00\x00\x00\x1a")
    assert (tmp_path / "NEW.BAS").read_bytes() == original + b"\x1a"
    assert (tmp_path / "FRESH.BAS").read_bytes() == original


def test_in_a_notebook_save_writes_text_and_p_still_protects(cells, tmp_path):
    cells('10 PRINT "SHOWN"')
    cells('SAVE "READABLE"')
    assert (tmp_path / "READABLE.BAS").read_text() == '10 PRINT "SHOWN"\n'
    cells('SAVE "HIDDEN", P')
    hidden = (tmp_path / "HIDDEN.BAS").read_bytes()
    assert hidden[:1] == b"\xfe" and b"SHOWN" not in hidden
    with pytest.raises(BasicError) as error:
        cells("LIST")
    assert error.value.kind == "Illegal function call"
    cells("NEW")
    assert cells('RUN "HIDDEN"') == "SHOWN\n"


def test_renum_follows_the_line_numbers_gw_basic_stores():
    # After ERL, numbers are line numbers (so ERL + 20 follows line 20, and the 2 that
    # divides is taken for line 2), until a word or a colon; ON ERROR GOTO 0 stays even
    # when there is a line 0.
    output = typed_at_the_prompt([
        "0 REM", "20 ON ERROR GOTO 0", "30 PRINT ERL + 20; X 20; (ERL + 30) / 2 - 30",
        "40 IF ERL = 20 THEN 30 ELSE GOTO 55: LIST 20-30", "RENUM 100, 20", "LIST"])
    assert output.splitlines() == [
        "Undefined line 2 in 30", "Undefined line 55 in 40", "Ok", "0 REM",
        "100 ON ERROR GOTO 0", "110 PRINT ERL + 100; X 20; (ERL + 110) / 2 - 110",
        "120 IF ERL = 100 THEN 110 ELSE GOTO 55: LIST 100-110", "Ok"]


def test_renum_agrees_with_pc_basic():
    import pcbasic
    source = SPELLING + "90 GOSUB 10: RETURN 30\n100 RUN 70: GOTO 95\n"
    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen) as session:
        for line in source.splitlines():
            session.execute(line)
        screen.truncate(0)
        screen.seek(0)
        session.execute("RENUM 1000, 10, 5")
        session.execute("LIST")
    theirs = screen.getvalue().replace("\r\n", "\n").replace("\xa0", "")
    ours = typed_at_the_prompt([*source.splitlines(), "RENUM 1000, 10, 5", "LIST"])

    def renumbered(screen: str) -> tuple[list[str], list[tuple[int, list[int]]]]:
        """RENUM's messages, and each line's number with the line numbers it names (LIST
        shows GW-BASIC's spelling, GOTO for GO TO, where Time Warp keeps the typing)."""
        lines = [line for line in screen.splitlines() if line.strip() and line != "Ok"]
        told = [line for line in lines if line.startswith("Undefined line")]
        listed = [split_numbered(line) for line in lines if line not in told]
        return told, [(n, [ref for _, _, ref in tokenise_line(text)[1]]) for n, text in listed]

    told, listed = renumbered(ours)
    assert (told, listed) == renumbered(theirs)
    assert told and [n for n, _ in listed] == [0, *range(1000, 1050, 5)]


def test_tokenise_line_finds_line_numbers_where_gw_basic_does():
    text = "ON X GOTO 10, 2 0: PRINT 30; TAB(5) 40: IF ERL < 50 THEN 60 ELSE 70"
    assert [(text[a:b], n) for a, b, n in tokenise_line(text)[1]] == [
        ("10", 10), ("2 0", 20), ("50", 50), ("60", 60), ("70", 70)]
    # Five digits at most, and never past 65529: 65530 is 6553 and a 0 after it.
    assert [n for _, _, n in tokenise_line("GOTO 65529")[1]] == [65529]
    assert [n for _, _, n in tokenise_line("GOTO 65530")[1]] == [6553, 0]
    assert [n for _, _, n in tokenise_line("GOTO 7000 0")[1]] == [7000, 0]


def test_chain_reads_a_binary_program_and_merge_refuses_it(cells, tmp_path):
    pcbasic_saves('10 PRINT "CHAINED"; X\n', tmp_path)
    assert cells('10 X = 7: CHAIN "PROGRAM", , ALL\nRUN') == "CHAINED 7 \n"
    cells("NEW")
    with pytest.raises(BasicError) as error:
        cells('MERGE "PROGRAM"')
    assert error.value.kind == "Bad file mode"
    assert ", A" in error.value.detail


def test_list_writes_the_listing_into_a_file(cells, tmp_path):
    cells('10 PRINT "ONE"\n20 print "two"\n30 END')
    cells('LIST 20-, "PART.TXT"')
    assert (tmp_path / "PART.TXT").read_text() == '20 PRINT "two"\n30 END\n'
    assert cells('LIST 10, "SCRN:"') == '10 PRINT "ONE"\n'
    with pytest.raises(BasicError) as error:
        cells('LIST , "../elsewhere.txt"')
    assert error.value.kind == "Path/File access error"


def _file(*lines: tuple[int, bytes]) -> bytes:
    """A binary program file of these lines (pointers as GW-BASIC's memory has them)."""
    out, address = bytearray(b"\xff"), 0x126E
    for number, body in lines:
        address += 4 + len(body) + 1
        out += struct.pack("<HH", address, number) + body + b"\x00"
    return bytes(out + b"\x00\x00\x1a")


def test_lists_quirks_on_hand_made_bytes():
    program = _file(
        (10, b"\x91\x91"),                        # PRINT PRINT: a blank between keywords
        (20, b"\xd1\x91"),                        # FN PRINT: never after FN
        (30, b"\xa1"),                            # ELSE alone: LIST writes it one back
        (40, b"X \xa1"),
        (50, b"\xb1\xe9 X"),                      # WHILE is kept as WHILE +
        (60, b"\x0e\x00\x01:\x3a\x8f\xd9 A"),     # a line number holding a zero byte
        (70, b"\x84 \"A:B\", \x8f:\x91"),         # DATA ends at a colon outside quotes
        (80, b"\x1c\x00\x80,\x0f\xff,\x1b,\x11"),
        (90, b"\x8f A\nB\rC"),                   # a line feed typed in: it ends no line
    )
    assert detokenise(program) == [
        (10, "PRINT PRINT"), (20, "FNPRINT"), (30, "LSE"), (40, "XELSE"),
        (50, "WHILE X"), (60, "256:' A"), (70, 'DATA "A:B", \u00c5:PRINT'),
        (80, "-32768,255,10,0"), (90, "REM A B C")]


def test_a_file_cut_short_keeps_its_whole_lines():
    program = _file((10, b"\x91 1"), (20, b"\x91 2"))[:-5]     # "2", its zero, the end
    assert detokenise(program) == [(10, "PRINT 1"), (20, "PRINT ")]


@pytest.mark.parametrize("content, detail", [
    (b"\xff\x10\x12\x0a\x00\x91\x1d\x01\x00", "a number is cut short"),
    (b"\xff\x10\x12\x0a\x00\xff", "a keyword is cut short"),
])
def test_what_cannot_be_read_is_a_clear_error(content, detail):
    with pytest.raises(BasicError) as error:
        detokenise(content)
    assert error.value.kind == "Bad file mode"
    assert detail in error.value.detail


def test_timewarp_run_runs_a_binary_program(tmp_path):
    pcbasic_saves('10 FOR I = 1 TO 3: PRINT I * 1.5;: NEXT\n', tmp_path)
    done = subprocess.run([sys.executable, "-m", "timewarp", "run", str(tmp_path / "PROGRAM.BAS")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == " 1.5  3  4.5 "


def test_a_protected_program_runs_but_is_never_listed_saved_or_changed(cells, tmp_path):
    plain, _, printed = pcbasic_saves(PROGRAMS["keywords"], tmp_path)
    (tmp_path / "SECRET.BAS").write_bytes(protect(plain))
    expected = cells('RUN "PROGRAM"')
    assert cells('RUN "SECRET"') == expected
    for command in ("LIST", 'LIST , "LEAK.TXT"', 'SAVE "LEAK", A', "10 REM mine",
                    'MERGE "PROGRAM"'):
        with pytest.raises(BasicError) as error:
            cells(command)
        assert error.value.kind == "Illegal function call", command
        assert "protected" in error.value.detail
    # GW-BASIC opens SAVE's file before it refuses: a new file is left empty (as its
    # gwbasic/protected test shows), and nothing of the program leaks into it.
    assert {p.name for p in tmp_path.iterdir()} == {"PROGRAM.BAS", "LISTING.BAS", "SECRET.BAS",
                                                   "LEAK.BAS"}
    assert (tmp_path / "LEAK.BAS").read_bytes() == b""
    # GW-BASIC emptied a file that was there; Time Warp keeps it (a student's work is never lost).
    (tmp_path / "MINE.BAS").write_text('10 PRINT "MINE"\n')
    for command in ('SAVE "MINE"', 'SAVE "MINE", A'):
        with pytest.raises(BasicError, match="Illegal function call"):
            cells(command)
    assert (tmp_path / "MINE.BAS").read_text() == '10 PRINT "MINE"\n'
    # Saved protected again, it stays what it was.
    cells('SAVE "AGAIN", P')
    assert detokenise(decipher((tmp_path / "AGAIN.BAS").read_bytes())) == detokenise(plain)
    # Inside the program, the refusal is an error like any other, which ON ERROR traps.
    (tmp_path / "trap").mkdir()
    trap, _, _ = pcbasic_saves('10 ON ERROR GOTO 40\n20 CHAIN MERGE "NOFILE"\n30 END\n'
                               '40 PRINT "TRAPPED"; ERR: RESUME NEXT\n', tmp_path / "trap")
    (tmp_path / "TRAP.BAS").write_bytes(protect(trap))
    assert cells('RUN "TRAP"') == "TRAPPED 5 \n"
    cells("NEW")                              # NEW forgets the protected program
    assert cells('10 PRINT "OPEN"\nLIST') == '10 PRINT "OPEN"\n'


def test_garbage_in_a_binary_file_is_a_clear_error_never_a_crash():
    import random
    chance = random.Random(1982)
    refused = 0
    for _ in range(2000):
        data = bytes([chance.choice((0xFF, 0xFE))]) + chance.randbytes(chance.randint(0, 120))
        try:
            lines = detokenise(data)
        except BasicError as error:
            assert error.kind == "Bad file mode"
            refused += 1
        else:
            assert all(isinstance(n, int) and "\n" not in text for n, text in lines)
    assert 0 < refused < 2000


def test_save_in_a_program_goes_on_and_save_a_ends_it_as_in_pc_basic(cells, tmp_path):
    import pcbasic
    source = '10 SAVE "X": PRINT "ON"\n20 SAVE "Y", A\n30 PRINT "NEVER"\n'
    (tmp_path / "oracle").mkdir()
    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen,
                         devices={"Z:": str(tmp_path / "oracle")}, current_device="Z:") as session:
        for line in source.splitlines():
            session.execute(line)
        session.execute("RUN")
    expected = screen.getvalue().replace("\r\n", "\n")
    assert "ON" in expected and "NEVER" not in expected
    assert cells(source) == expected
    assert {p.name for p in tmp_path.iterdir()} == {"oracle", "X.BAS", "Y.BAS"}


def test_poking_the_protection_flag_lists_a_protected_program(cells, tmp_path):
    # The old trick: GW-BASIC keeps its protection flag at DS:1450 (&HFE while protected).
    assert cells('10 PRINT PEEK(1450)\n20 SAVE "LOCKED", P\n30 PRINT PEEK(1450)') == " 0 \n 254 \n"
    with pytest.raises(BasicError):
        cells("LIST")
    cells("POKE 1450, 0")
    assert cells("LIST").startswith("10 PRINT PEEK(1450)\n")
    cells('LOAD "LOCKED"')
    assert cells("PRINT PEEK(1450)") == " 254 \n"


def test_a_byte_no_keyword_has_is_kept_as_its_character():
    """A binary file may hold a byte that is no keyword (&H80 inside a name, as pcbasic's
    gwbasic/non_ascii_varname_in_tokenised_file): the program loads, and that line is a
    Syntax error when it runs, as in GW-BASIC."""
    from timewarp.basic.tokenised import detokenise

    line = b"\x7c\x12" + (20).to_bytes(2, "little") + b"PR\x80NT\xe7\x12\x00"
    assert detokenise(b"\xff" + line + b"\x00\x00\x1a") == [(20, "PR\u00c7NT=1")]


def test_a_binary_files_name_spelled_as_a_keyword_stays_a_name(cells, tmp_path,
                                                               monkeypatch):
    """A binary file may hold a name's letters that spell a keyword (``PRINT=1``), which
    GW-BASIC's tokeniser never writes but runs as a variable called PRINT (pcbasic's
    gwbasic/keyword_as_varname_in_tokenised_file). It runs and lists as in PC-BASIC, and
    SAVE writes the same bytes again; typed again, the line is the keyword's."""
    import pcbasic
    from timewarp.basic.tokenised import PROGRAM_START

    bodies = [(10, b"PRINT" + tokenise_line("=1")[0]),
              (20, tokenise_line("PRINT ")[0] + b"PRINT" + tokenise_line("*2;")[0] + b"TO"
               + tokenise_line(": IF ")[0] + b"THEN.X" + tokenise_line(" = 0 THEN 40")[0]),
              (30, tokenise_line('PRINT "NOT HERE"')[0]),
              (40, tokenise_line('PRINT "PRINT"')[0])]
    data, address = bytearray(b"\xff"), PROGRAM_START
    for number, body in bodies:
        address += 5 + len(body)
        data += struct.pack("<HH", address, number) + body + b"\0"
    (tmp_path / "NAMED.BAS").write_bytes(bytes(data + b"\0\0\x1a"))
    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen,
                         devices={"Z:": str(tmp_path)}, current_device="Z:") as session:
        session.execute('LOAD "NAMED"')
        session.execute("LIST")
        listed = screen.getvalue().replace("\r\n", "\n")
        screen.truncate(0)
        screen.seek(0)
        session.execute("RUN")
    printed = screen.getvalue().replace("\r\n", "\n")
    assert printed.split() == ["2", "0", "PRINT"]      # PRINT is 1, TO and THEN.X are 0
    assert listed.splitlines()[0] == "10 PRINT=1"
    cells('LOAD "NAMED"')
    assert cells("LIST") == listed
    assert cells("RUN") == printed
    monkeypatch.chdir(tmp_path)
    Prompt(BasicSession(console=ScriptedConsole([])), explain=False).run(
        ['LOAD "NAMED"', 'SAVE "AGAIN"'])
    named, again = ((tmp_path / f"{name}.BAS").read_bytes() for name in ("NAMED", "AGAIN"))
    # The same program, then what LOAD read after its end (the file's Ctrl-Z, as in PC-BASIC).
    assert again == named + b"\x1a"
    with pytest.raises(BasicError, match="Syntax error"):
        cells("10 PRINT=1\nRUN")
