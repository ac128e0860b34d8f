"""Fixtures for the Logo engine's tests: a fresh session and a way to run text through it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.logo.errors import LogoError
from timewarp.logo.session import LogoSession


class Runner:
    """Runs Logo text in one session; ``output`` gathers what it printed and any error."""

    def __init__(self, answers: tuple[str, ...] = ()) -> None:
        self.console = ScriptedConsole(list(answers))
        self.session = LogoSession(console=self.console)

    def __call__(self, source: str) -> str:
        before = len(self.console.output)
        self.session.execute(source)
        return self.console.output[before:]

    def error(self, source: str) -> LogoError:
        with pytest.raises(LogoError) as caught:
            self.session.execute(source)
        return caught.value


@pytest.fixture
def logo() -> Runner:
    return Runner()


@pytest.fixture
def logo_with_input() -> Callable[..., Runner]:
    return lambda *answers: Runner(tuple(answers))
