"""The session's front-end helpers: is_complete, completion, help, variables, interrupts."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from timewarp.languages import language_for_file
from timewarp.logo.errors import LogoError
from timewarp.logo.session import LogoSession


@pytest.mark.parametrize(("source", "status"), [
    ("print 1", "complete"),
    ("print [a b", "incomplete"),
    ("repeat 4 [fd 10\nrt 90", "incomplete"),
    ("print ~", "incomplete"),
    ("to square :n", "incomplete"),
    ("to square :n\nrepeat 4 [fd :n rt 90]", "incomplete"),
    ("to square :n\nrepeat 4 [fd :n rt 90]\nend", "complete"),
    ("print ]", "invalid"),
])
def test_is_complete(source, status):
    assert LogoSession().is_complete(source) == status


def test_completion_knows_primitives_procedures_and_variables(logo):
    logo('to spiral :n\nend\nmake "size 3')
    session = logo.session
    found = session.complete("spi", 3)
    assert found.matches == ["spiral"] and (found.start, found.end) == (0, 3)
    assert "forward" in session.complete("fo", 2).matches
    assert session.complete("print :si", 9).matches == [":size"]
    assert '"size' in session.complete('make "si', 9).matches


def test_inspect_gives_help_for_primitives_and_procedures(logo):
    logo("to spiral :n\nfd :n\nend")
    session = logo.session
    assert "FORWARD distance" in session.inspect("fd 10", 1)
    assert "to spiral :n" in session.inspect("spiral 3", 2)
    assert session.inspect("nothing.here", 3) is None


def test_variables_are_python_values(logo):
    logo('make "n 3 make "l [a [b]]')
    assert logo.session.variables() == {"n": 3, "l": ["a", ["b"]]}


def test_registered_for_logo_files():
    language = language_for_file("spiral.lg")
    assert language is not None and language.session_class() is LogoSession
    assert LogoSession.file_extensions == (".logo", ".lg")


# Run in a process of its own, as the kernel does: what earlier tests left behind in the test
# process (event loops, helper threads) must not decide whether Ctrl-C arrives.
_INTERRUPTED_SESSION = """
import signal
signal.signal(signal.SIGINT, signal.default_int_handler)
from timewarp.engine import ScriptedConsole
from timewarp.logo.session import LogoSession
session = LogoSession(ScriptedConsole())
session.execute('make "keep 42\\nto spin\\nforever [fd 1 rt 1]\\nend')
print("ready", flush=True)
try:
    session.execute("spin")
except KeyboardInterrupt:
    print("interrupted in", session.current_line)
session.execute("print :keep")
print(session.console.output, end="")
"""


def test_keyboard_interrupt_passes_through_and_session_lives():
    process = subprocess.Popen([sys.executable, "-c", _INTERRUPTED_SESSION],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline() == "ready\n"
        time.sleep(0.3)
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)  # liveness only: the benchmark times it
    finally:
        process.kill()
    assert output.splitlines() == ["interrupted in spin, line 3", "42"]


def test_execute_leaves_the_recursion_limit_as_it_was(logo):
    import sys
    before = sys.getrecursionlimit()
    logo("print 1")
    assert sys.getrecursionlimit() == before


def test_a_file_ending_inside_a_definition_is_an_error():
    session = LogoSession()
    with pytest.raises(LogoError, match="to half :n has no END") as caught:
        session.run_file("print 1\nto half :n\noutput :n / 2")
    assert caught.value.line == 2
