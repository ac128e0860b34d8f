"""Logo files and streams: OPENREAD ... LOAD SAVE DRIBBLE, in the notebook's folder only.

tests/programs/logo_files/streams.logo runs in an empty folder of its own and must print
streams.out; where ucblogo is installed its transcript is checked against UCBLogo 6.2 too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ROOT / "tests" / "programs" / "logo_files" / "streams.logo"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty notebook folder inside a home of its own."""
    home = tmp_path / "home"
    notebooks = home / "notebooks"
    notebooks.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(notebooks)
    return notebooks


def test_streams_program(logo, folder):
    assert logo(PROGRAM.read_text()) == PROGRAM.with_suffix(".out").read_text()
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "workspace.lg"]


def test_streams_program_matches_ucblogo(ucblogo, tmp_path):
    found = ucblogo(PROGRAM.read_text())
    assert found == PROGRAM.with_suffix(".out").read_text()


def test_files_outside_home_are_refused(logo, folder):
    for name in ('"/etc/passwd', '"../../secret.txt', '"~/../other/x.txt'):
        error = logo.error(f"openread {name}")
        assert error.code == 18 and "outside your folder" in str(error)
    logo('openwrite "../beside.txt close "../beside.txt')
    assert (folder.parent / "beside.txt").exists()


def test_notebook_folder_outside_home_keeps_to_itself(logo, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert "outside your folder" in str(logo.error('openwrite "../x.txt'))


def test_character_buffers_as_in_ucblogo(logo, folder):
    program = ('openwrite [buf 5] setwrite [buf 5] type "0123456789 close [buf 5] '
               'show :buf setwrite [old 10] type "hi setwrite [] show :old')
    assert logo(program) == "01234\nhi\n"
    assert logo.error("openwrite [buf 1 2]").code == 4
    assert logo.error("openread [buf 5]").code == 4


def test_dribble_copies_output_and_answers(logo_with_input, folder):
    runner = logo_with_input("my answer")
    runner('dribble "log.txt print "shown show readlist nodribble print "not.copied')
    assert (folder / "log.txt").read_text() == "shown\nmy answer\n[my answer]\n"
    assert runner.error('dribble "a.txt dribble "b.txt').code == 17


def test_load_defines_procedures_and_reports_errors(logo, folder):
    (folder / "lib.lg").write_text("to double :x\noutput :x * 2\nend\nmake \"ready \"yes\n")
    assert logo('load "lib.lg\nprint double 4 print :ready') == "8\nyes\n"
    (folder / "broken.lg").write_text("to half :x\noutput :x / 2\n")
    assert "has no END" in str(logo.error('load "broken.lg'))
    (folder / "bad.lg").write_text("print 1\nprint nosuchthing\n")
    assert "I don't know how to nosuchthing" in str(logo.error('load "bad.lg'))
    logo('make "later 1\n(save)')
    assert 'Make "later 1' in (folder / "bad.lg").read_text()


def test_reading_a_file_that_is_not_open_is_an_error(logo, folder):
    assert logo.error('setread "nothing.txt').code == 42
    assert logo("show eofp show reader show writer show allopen") == "false\n[]\n[]\n[]\n"


def test_positions_savel_and_keyp(logo, folder):
    (folder / "abc.txt").write_text("abcdef\n")
    program = ('openread "abc.txt setread "abc.txt print readchars 2 print readpos '
               'setreadpos 4 print readchar print keyp setread [] close "abc.txt print keyp')
    assert logo(program) == "ab\n2\ne\ntrue\nfalse\n"
    logo('openwrite "w.txt setwrite "w.txt type "hello setwritepos 1 type "E '
         'make "at writepos setwrite [] close "w.txt')
    assert (folder / "w.txt").read_text() == "hEllo" and logo("print :at") == "2\n"
    logo('make "x 1 make "y 2\nsavel [[] [x]] "x.lg')
    assert (folder / "x.lg").read_text() == 'Make "x 1\n'


def test_setprefix_puts_a_folder_before_file_names(logo, folder):
    (folder / "sub").mkdir()
    assert logo('show prefix setprefix "sub show prefix') == "[]\nsub\n"
    logo('openwrite "a.txt setwrite "a.txt print "hello setwrite [] close "a.txt')
    assert (folder / "sub" / "a.txt").read_text() == "hello\n"
    assert logo('openread "a.txt setread "a.txt show readlist setread [] close "a.txt') \
        == "[hello]\n"
    assert logo('setprefix [] show prefix show filep "sub/a.txt') == "[]\ntrue\n"
    # The prefix does not open a way out of the notebook's folder.
    logo('setprefix "../..')
    assert "outside your folder" in str(logo.error('openwrite "x.txt'))
