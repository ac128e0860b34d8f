"""``timewarp run`` with PILOT lessons: a quiz answered from stdin, errors, the drawing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PROGRAMS = Path(__file__).parent.parent / "programs" / "pilot"
TIMEWARP = Path(sys.executable).with_name("timewarp")


def timewarp(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(TIMEWARP), *args], input=stdin, capture_output=True, text=True,
                          timeout=60, cwd=cwd, check=False)


def test_quiz_with_answers_on_stdin(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.pil"
    shutil.copy(PROGRAMS / "capital_quiz.pil", quiz)
    done = timewarp("run", str(quiz), stdin=(PROGRAMS / "capital_quiz.in").read_text())
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (PROGRAMS / "capital_quiz.out").read_text()


def test_pilot_extension_and_running_out_of_answers(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.pilot"
    quiz.write_text("*Q T:2 + 2?\nA:\nM:4\nJN:*Q\nT:right")
    done = timewarp("run", str(quiz), stdin="3\n5\n")
    assert done.returncode == 1
    assert done.stdout == "2 + 2?\n3\n2 + 2?\n5\n2 + 2?\n"
    assert done.stderr == "Line 2: A: is waiting for an answer, but no more answers can come\n"


def test_error_goes_to_stderr_with_its_line() -> None:
    done = timewarp("run", str(PROGRAMS / "unknown_label.pil"))
    assert done.returncode == 1
    assert done.stdout == "Before the jump.\n"
    assert done.stderr.startswith("Line 3: J:*NOWHERE")


def test_drawing_as_turtle_json(tmp_path: Path) -> None:
    drawing = tmp_path / "drawing.json"
    done = timewarp("run", str(PROGRAMS / "graphics.pil"), "--turtle-json", str(drawing))
    assert (done.returncode, done.stdout) == (0, "Drew a square and a triangle.\n")
    segments = json.loads(drawing.read_text())["segments"]
    assert len(segments) == 7
    assert segments[0] == [0, 0, 0, 50, "black", 1]
    assert segments[4][4:] == ["red", 3]


def test_link_is_found_from_the_current_folder() -> None:
    """Like a notebook's kernel, the command line's lesson links from the current folder."""
    done = timewarp("run", "link.pil", cwd=PROGRAMS)
    assert done.stdout == (PROGRAMS / "link.out").read_text().split("PilotError")[0]
    assert done.stderr.startswith("Line 6: L: cannot find")
