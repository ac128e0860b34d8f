"""Fixtures for the Logo engine's tests: a fresh session and a way to run text through it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

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


UCBLOGO = shutil.which("ucblogo") and shutil.which("xvfb-run")


@pytest.fixture
def ucblogo(tmp_path: Path) -> Callable[[str], str]:
    """Runs Logo text in Debian's UCBLogo 6.2 (under xvfb-run), in ``tmp_path``, and gives
    what it printed; skips the test where ucblogo is not installed."""
    if not UCBLOGO:
        pytest.skip("ucblogo and xvfb-run are not installed")

    def run(source: str) -> str:
        out = tmp_path / "ucblogo-out.txt"
        program = tmp_path / "ucblogo-program.lg"
        program.write_text(f'openwrite "{out}\nsetwrite "{out}\n{source}\n'
                           f'setwrite []\nclose "{out}\nbye\n')
        # An error at top level leaves ucblogo waiting at its prompt: the timeout ends it.
        subprocess.run(["xvfb-run", "-a", "ucblogo", str(program)], capture_output=True,
                       timeout=60, check=False, cwd=tmp_path)
        return out.read_text() if out.exists() else ""
    return run
