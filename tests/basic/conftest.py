"""Helpers for the BASIC engine's tests: run source in a fresh session, get the transcript."""

from __future__ import annotations

import pytest

from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole


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


def run(source: str, answers=()) -> str:
    return Runner(answers).run(source)
