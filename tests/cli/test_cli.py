"""The `timewarp` command line, run as a real process: exit codes, streams, drawings."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest
from PIL import Image

TIMEWARP = [sys.executable, "-m", "timewarp"]


def timewarp(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*TIMEWARP, *args], input=stdin, capture_output=True, text=True,
                          timeout=60, cwd=cwd)


@pytest.fixture
def program(tmp_path):
    def write(name: str, source: str) -> str:
        path = tmp_path / name
        path.write_text(source)
        return str(path)
    return write


def test_normal_end_exits_0_with_output_on_stdout(program):
    done = timewarp("run", program("hello.bas", '10 PRINT "HELLO"\n20 PRINT 1+2\n'))
    assert (done.returncode, done.stdout, done.stderr) == (0, "HELLO\n 3 \n", "")


def test_input_comes_from_stdin(program):
    source = '10 INPUT "NAME"; N$\n20 PRINT "HI "; N$\n'
    done = timewarp("run", program("ask.bas", source), stdin="ADA\n")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.endswith("HI ADA\n")


def test_a_file_saved_by_dos_runs_as_it_is(tmp_path):
    """CR LF line ends, a closing Ctrl-Z and code page 437 text, as GW-BASIC saved files."""
    path = tmp_path / "DOS.BAS"
    path.write_bytes(b'10 PRINT "\xc9\xcd\xbb"\r\n20 PRINT 2\r\n\x1a\r\n')
    done = timewarp("run", str(path))
    assert (done.returncode, done.stdout, done.stderr) == (0, "\u2554\u2550\u2557\n 2 \n", "")


def test_program_error_exits_1_with_the_message_alone_on_stderr(program):
    source = '10 PRINT "A"\n20 DIM A(5)\n30 A(10) = 1\n40 PRINT "B"\n'
    done = timewarp("run", program("bad.bas", source))
    assert (done.returncode, done.stdout, done.stderr) == (
        1, "A\n", "Subscript out of range in 30\n")


def test_at_a_terminal_an_error_starts_on_a_line_of_its_own(program):
    source = '10 PRINT "HALF";\n20 GOTO 999\n'
    terminal = pexpect.spawn(sys.executable, ["-m", "timewarp", "run", program("half.bas", source)],
                             encoding="utf-8", timeout=60)
    terminal.expect(pexpect.EOF)
    terminal.close()
    assert terminal.exitstatus == 1
    assert terminal.before.splitlines() == ["HALF", "Undefined line number in 20"]


def test_redirected_output_keeps_the_half_written_line_as_the_program_wrote_it(program):
    result = timewarp("run", program("half.bas", '10 PRINT "HALF";\n20 GOTO 999\n'))
    assert result.returncode == 1
    assert result.stdout == "HALF"
    assert result.stderr == "Undefined line number in 20\n"


def test_lang_flag_overrides_the_extension(program):
    done = timewarp("run", "--lang", "basic", program("hello.txt", '10 PRINT "OK"\n'))
    assert (done.returncode, done.stdout) == (0, "OK\n")


@pytest.mark.parametrize("args, complaint", [
    (["run", "nowhere.bas"], "no such program"),
    (["run", "notes.txt"], "cannot tell the language"),
    (["run", "--bogus", "x.bas"], "unrecognized arguments"),
    (["run", "--lang", "cobol", "x.bas"], "invalid choice"),
    ([], "required"),
])
def test_usage_errors_exit_2(program, args, complaint, tmp_path):
    program("notes.txt", "hello")
    done = timewarp(*args, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert complaint in done.stderr


def test_version_and_help():
    assert timewarp("--version").stdout.startswith("timewarp ")
    helped = timewarp("run", "--help")
    assert helped.returncode == 0
    assert all(flag in helped.stdout for flag in ("--lang", "--turtle-json", "--svg", "--png"))


def test_ctrl_c_ends_a_runaway_program_with_130_and_break(program):
    process = subprocess.Popen([*TIMEWARP, "run", program("loop.bas", "10 GOTO 10\n")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # past interpreter start-up, inside the loop
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 130
    assert err.startswith("Break") and "Traceback" not in err


SQUARE_CORNER = "10 FORWARD 100\n20 RIGHT 90\n30 FORWARD 50\n"


def test_turtle_json_is_the_final_drawing(program, tmp_path):
    out = tmp_path / "drawing.json"
    done = timewarp("run", program("corner.bas", SQUARE_CORNER), "--turtle-json", str(out))
    assert done.returncode == 0, done.stderr
    drawing = json.loads(out.read_text())
    assert set(drawing) >= {"segments", "pos", "heading"}
    assert [pytest.approx(s[:4], abs=1e-9) for s in drawing["segments"]] == [
        [0, 0, 0, 100], [0, 100, 50, 100]]
    assert all(isinstance(s[4], str) and s[5] > 0 for s in drawing["segments"])
    assert drawing["pos"] == pytest.approx([50, 100]) and drawing["heading"] == 90


def test_svg_and_png_pictures(program, tmp_path):
    svg, png = tmp_path / "corner.svg", tmp_path / "corner.png"
    done = timewarp("run", program("corner.bas", SQUARE_CORNER), "--svg", str(svg),
                    "--png", str(png))
    assert done.returncode == 0, done.stderr
    assert "<svg" in svg.read_text() and ("<line" in svg.read_text()
                                          or "<polyline" in svg.read_text()
                                          or "<path" in svg.read_text())
    with Image.open(png) as picture:
        assert picture.format == "PNG" and picture.size == (800, 600)
        assert len(set(picture.convert("RGB").getdata())) > 1  # something was drawn


def test_drawing_is_saved_even_when_the_program_fails(program, tmp_path):
    out = tmp_path / "drawing.json"
    source = "10 FORWARD 30\n20 GOTO 999\n"
    done = timewarp("run", program("half.bas", source), "--turtle-json", str(out))
    assert done.returncode == 1 and "20" in done.stderr
    assert len(json.loads(out.read_text())["segments"]) == 1


def test_a_program_that_wants_more_input_than_stdin_gives_fails_cleanly(program):
    done = timewarp("run", program("ask.bas", '10 INPUT A\n20 PRINT A\n'), stdin="")
    assert done.returncode == 1
    assert done.stderr.strip() and "Traceback" not in done.stderr
