"""Helpers for the BASIC engine's tests: run source in a fresh session, get the transcript."""

from __future__ import annotations

import io

import pytest
from timewarp.basic.session import BasicSession
from timewarp.engine import LanguageError, ScriptedConsole


class Runner:
    """A session with a scripted console; ``run`` and ``cell`` return what was printed."""

    def __init__(self, answers=()) -> None:
        self.console = ScriptedConsole(list(answers))
        self.session = BasicSession(console=self.console)

    def _take(self) -> str:
        text = self.console.output
        self.console.chunks.clear()
        return text

    def run(self, source: str) -> str:
        self.session.run_file(source)
        return self._take()

    def cell(self, source: str) -> str:
        self.session.execute(source)
        return self._take()

    def answer(self, *answers: str) -> None:
        self.console.answers.extend(answers)


@pytest.fixture
def basic() -> Runner:
    return Runner()


@pytest.fixture
def cells(tmp_path, monkeypatch):
    """Cells of one session whose folder is ``tmp_path``: ``cells(text)`` runs a cell and
    returns what it printed."""
    monkeypatch.chdir(tmp_path)
    return Runner().cell


def run(source: str, answers=()) -> str:
    return Runner(answers).run(source)


def ours(source: str, answers=(), *, explained: bool = True) -> str:
    """The transcript as test_golden writes it: an error ends it on a line of its own.
    ``explained`` False keeps only GW-BASIC's part of an error (our plain-words
    explanation after the colon is cut)."""
    console = ScriptedConsole(list(answers))
    try:
        BasicSession(console=console).run_file(source)
    except LanguageError as err:
        separator = "" if console.output.endswith("\n") or not console.output else "\n"
        message = err.message if explained else err.message.split(": ", 1)[0]
        return f"{console.output}{separator}{message}\n"
    return console.output


def pcbasic_transcript(source: str, answers=()) -> str:
    """What PC-BASIC (the oracle) prints for ``source`` typed in and RUN, ``answers`` typed
    at its keyboard, then the keyboard closed so a further INPUT ends the run."""
    import pcbasic

    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen) as session:
        for line in source.splitlines():
            session.execute(line)
        session.press_keys("".join(answer + "\r" for answer in answers))
        session._impl.keyboard._close_input()
        session.execute("RUN")
    return screen.getvalue().replace("\r\n", "\n").replace("\xa0\n", "\n")
