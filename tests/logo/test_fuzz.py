"""Fuzzing: whatever text arrives, the reader and the evaluator answer with a Logo error at
worst, never a Python exception, and within a bounded time."""

from __future__ import annotations

import signal
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timewarp.engine import ProgramExit, ScriptedConsole
from timewarp.logo.errors import LogoError
from timewarp.logo.reader import read_lines
from timewarp.logo.session import LogoSession

LOGO_CHARACTERS = st.sampled_from(list('abcfdrtxyz0123456789 \n\t[](){}";:~|\\+-*/=<>.?#@e'))

# Everything a program can say except what waits (WAIT, READLIST...) or ends the session.
VOCABULARY = [
    "fd", "bk", "rt", "lt", "pu", "pd", "cs", "home", "setxy", "seth", "arc", "label",
    "print", "show", "type", "sum", "difference", "product", "quotient", "remainder", "int",
    "sqrt", "power", "exp", "ln", "sin", "arctan", "random", "word", "sentence", "list",
    "fput", "lput", "first", "butfirst", "last", "item", "count", "emptyp", "memberp",
    "equalp", "reverse", "uppercase", "char", "ascii", "array", "setitem", "pprop", "gprop",
    "make", "local", "thing", "define", "text", "erase", "run", "repeat", "if", "ifelse",
    "while", "for", "catch", "throw", "error", "map", "filter", "reduce", "foreach",
    "apply", "invoke", "and", "or", "not", "test", "iftrue", "stop", "output", "repcount",
    "to", "end", "f", "?", "#", "fence", "wrap", "setpc", "filled", "runresult",
    "[", "]", "(", ")", "{", "}", "+", "-", "*", "/", "=", "<", ">", "<>", "-1", "0", "1",
    "2", "3.5", "1e308", "100000", '"x', '"y', '"f', '"error', ":x", ":y", ":n", "\n",
    "[:n]", "[? * 2]", "[fd 1]", "[1 2 3]", '"red', "~\n", ";c\n",
]


class TooSlow(BaseException):
    """A fuzzed program ran past its time budget."""


@contextmanager
def time_budget(seconds: float):
    def expire(signum, frame):
        raise TooSlow()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(LOGO_CHARACTERS, max_size=80))
def test_reader_raises_only_logo_errors(text):
    try:
        read_lines(text)
    except LogoError:
        pass


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCABULARY), max_size=25))
def test_evaluator_raises_only_logo_errors(words):
    session = LogoSession(console=ScriptedConsole())
    session.execute("to f :n\nif :n < 1 [output 0]\noutput 1 + f :n - 1\nend")
    try:
        with time_budget(0.3):
            session.execute(" ".join(words))
    except TooSlow:
        pass
    except LogoError as error:
        assert not error.internal, error.message
    # The session is still usable afterwards (once any open TO is closed).
    if session.is_complete("") == "incomplete":
        try:
            session.execute("end")
        except LogoError:
            pass
    session.execute('make "after 1')
    assert session.variables()["after"] == 1


@settings(max_examples=300, deadline=None)
@given(st.text(LOGO_CHARACTERS, max_size=60))
def test_evaluator_on_raw_text(text):
    session = LogoSession(console=ScriptedConsole())
    try:
        with time_budget(0.3):
            session.execute(text)
    except (TooSlow, ProgramExit):
        pass
    except LogoError as error:
        assert not error.internal, error.message
