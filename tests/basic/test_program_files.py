"""Programs in files: SAVE, LOAD, MERGE, RUN "file", CHAIN [MERGE] and COMMON.

Chained programs are checked against PC-BASIC 2.0.8 running the same files in a folder of
its own; the cell commands (SAVE, NEW, LOAD, LIST) through the BASIC session.
"""

from __future__ import annotations

import io
import os

import pytest
from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole

# Each case: the files in the folder, then the program that is RUN.
CASES = {
    "common_passes_named_variables": ({
        "PART2.BAS": '10 PRINT "PART 2:"; A; N$; B; T(2)\n'
                     '20 PRINT #1, "FROM PART 2": CLOSE #1\n'
                     '30 OPEN "I", #1, "LOG.TXT": LINE INPUT #1, L$: LINE INPUT #1, M$\n'
                     '40 PRINT L$; "/"; M$: CLOSE\n'},
        ('10 COMMON A, N$, T()\n'
        '20 DIM T(3): A = 7: N$ = "ADA": B = 99: T(2) = 5\n'
        '30 OPEN "O", #1, "LOG.TXT": PRINT #1, "FROM PART 1"\n'
        '40 CHAIN "PART2"\n')),
    "chain_all_and_a_line": ({
        "NEXT.BAS": '10 PRINT "NOT HERE"\n20 PRINT "LINE 20"; X; Y$\n30 GOTO 10\n40 END\n'
                    '30 END\n'},
        '10 X = 3: Y$ = "Y"\n20 CHAIN "NEXT", 20, ALL\n'),
    "chain_merge_keeps_the_program": ({
        "OVERLAY.BAS": '100 PRINT "OVERLAY"; K\n110 RETURN\n'},
        ('10 K = 5\n20 CHAIN MERGE "OVERLAY", 30, ALL\n30 GOSUB 100\n40 PRINT "BACK"\n50 END\n'
        '100 PRINT "OLD"\n110 RETURN\n')),
    "save_ends_the_program": ({},
        '10 PRINT "SAVING"\n20 SAVE "COPY", A\n30 PRINT "NOT PRINTED"\n'),
    "a_missing_file_is_not_trapped": ({},
        '10 ON ERROR GOTO 100\n20 CHAIN "NOPE"\n30 END\n100 PRINT "TRAPPED"; ERR: RESUME NEXT\n'),
    # RUN inside a program starts it again (its variables and files go); RENUM and LIST
    # inside a program act, then end it; a RENUM that fails is trapped.
    "run_renum_and_list_in_a_program": ({},
        ('10 OPEN "R", #1, "CNT.DAT", 2: FIELD #1, 2 AS C$: GET #1, 1: N = CVI(C$) + 1\n'
         '20 LSET C$ = MKI$(N): PUT #1, 1: PRINT "RUN"; N; A\n'
         '30 A = 5: IF N < 3 THEN RUN 10\n'
         '40 ON ERROR GOTO 100\n'
         '50 RENUM 10, 20\n'
         '60 PRINT "AFTER"\n'
         '70 if a then renum: ? "not here" else goto 20\n'
         '100 print "ERROR"; ERR; ERL: data x, "a:b"\n'
         '110 RESUME NEXT\n')),
    "list_in_a_program_ends_it": ({},
        "10 rem Keep this\n20 a$ = \"lower\": ?a$;: list 10-20\n30 ? \"not here\"\n"),
    # File names without case, as on DOS.
    "names_without_case": ({"SCORES.TXT": "ADA, 120\nBOB, 99\n"},
        ('10 OPEN "scores.txt" FOR INPUT AS #1: INPUT #1, N$, S: CLOSE\n'
         '20 PRINT N$; S: NAME "Scores.Txt" AS "old.txt": KILL "OLD.TXT"\n'
         '30 OPEN "Scores.txt" FOR INPUT AS #1\n')),
    # COMMON is read only by CHAIN: running a malformed one is no error.
    "common_is_read_only_by_chain": ({"NEXT.BAS": '10 PRINT A; B$; C(1)\n'},
        ('10 DIM C(2): A = 1: B$ = "B": C(1) = 3\n20 IF A = 2 THEN COMMON 1, "AA": COMMON A,\n'
         '30 COMMON A, B$: COMMON C()\n40 CHAIN "NEXT"\n')),
    # A fifth argument of CHAIN is read and ignored.
    "chain_with_a_fifth_argument": ({"NEXT.BAS": '10 PRINT "CHAINED"; X\n'},
        '10 X = 4\n20 CHAIN "NEXT", , ALL, DELETE 10, PRINT\n'),
}


def _folder(path, files: dict[str, str]) -> None:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text.replace("\n", "\r\n"), encoding="ascii")


def run_ours(source: str, folder) -> str:
    console = ScriptedConsole()
    session = BasicSession(console=console)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        session.execute(source)
    except BasicError as error:
        console.write(f"{error.kind} in {error.line}\n")
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
    return screen.getvalue().replace("\r\n", "\n").replace("\xa0", "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_chained_programs_match_pcbasic(name, tmp_path):
    files, source = CASES[name]
    _folder(tmp_path / "ours", files)
    _folder(tmp_path / "pcbasic", files)
    expected = run_pcbasic(source, tmp_path / "pcbasic")
    assert expected.strip(), "PC-BASIC printed nothing"
    assert run_ours(source, tmp_path / "ours") == expected


def test_save_new_load_list_in_cells(cells, tmp_path):
    cells('10 PRINT "ONE"\n20 PRINT "TWO"')
    cells('SAVE "TWO"')
    assert (tmp_path / "TWO.BAS").read_text() == '10 PRINT "ONE"\n20 PRINT "TWO"\n'
    cells("NEW")
    assert cells("LIST") == ""
    cells('LOAD "two"')                     # names have no case, as on DOS
    assert cells("LIST") == '10 PRINT "ONE"\n20 PRINT "TWO"\n'
    assert cells("RUN") == "ONE\nTWO\n"


def test_merge_and_run_file_in_cells(cells, tmp_path):
    (tmp_path / "EXTRA.BAS").write_text('20 PRINT "MERGED"\n')
    (tmp_path / "GAME.BAS").write_text('10 PRINT "GAME"\n')
    cells('10 PRINT "MINE"\n20 PRINT "OLD"')
    cells('MERGE "EXTRA"')
    assert cells("LIST") == '10 PRINT "MINE"\n20 PRINT "MERGED"\n'
    assert cells('RUN "GAME"') == "GAME\n"
    assert cells("LIST") == '10 PRINT "GAME"\n'


def test_load_r_runs_the_program(cells, tmp_path):
    (tmp_path / "GO.BAS").write_text('10 PRINT "GOING"; X\n')
    assert cells('X = 4\nLOAD "GO", R') == "GOING 0 \n"


@pytest.mark.parametrize("content, message", [
    (b'PRINT "NO NUMBER"\n', "Direct statement in file"),
    (b"\xff\x10\x12\x0a\x00\x91\x1d\x01\x00", "Bad file mode"),  # a number cut short
])
def test_files_that_are_not_programs_are_refused(cells, tmp_path, content, message):
    (tmp_path / "BAD.BAS").write_bytes(content)
    with pytest.raises(BasicError) as error:
        cells('LOAD "BAD"')
    assert error.value.kind == message


def test_program_files_stay_in_the_users_folder(cells):
    with pytest.raises(BasicError) as error:
        cells('SAVE "/tmp/../etc/evil"')
    assert error.value.kind == "Path/File access error"


def test_old_names_that_start_with_the_words_still_work(cells):
    assert cells("SAVED = 2: LOADS = 3: PRINT SAVED + LOADS") == " 5 \n"


def test_a_binary_file_keeps_its_lines_in_the_files_order(cells, tmp_path):
    """GW-BASIC's LOAD puts a binary file's lines in memory as the file holds them, out of
    order as a file made by hand may have them, a number alone kept: LIST shows them so and
    RUN runs them so (pcbasic's gwbasic/line_number_out_of_order); a typed line puts the
    program back in order."""
    from timewarp.basic.tokenised import tokenise

    (tmp_path / "ODD.BAS").write_bytes(tokenise([(30, 'PRINT "A"'), (10, 'PRINT "B"'),
                                                 (20, "")]))
    assert cells('LOAD "ODD"\nLIST') == '30 PRINT "A"\n10 PRINT "B"\n20 \n'
    assert cells("RUN") == "A\nB\n"
    assert cells('15 PRINT "C"\nLIST') == '10 PRINT "B"\n15 PRINT "C"\n20 \n30 PRINT "A"\n'
