"""The teacher's assertions in each language: BASIC's ASSERT, Logo's assert, PILOT's CK:.

A passing assertion prints nothing; a failing one is the language's own error, naming the
teacher's message and the line.
"""

from __future__ import annotations

import re

import pytest

from timewarp.engine import LanguageError, ScriptedConsole
from timewarp.languages import LANGUAGES


def session(language: str):
    console = ScriptedConsole()
    return LANGUAGES[language].session_class()(console=console), console


@pytest.mark.parametrize(("language", "setup", "passing"), [
    ("basic", "X = 4", 'ASSERT X = 4, "X should be 4"'),
    ("logo", 'make "x 4', "assert [:x = 4] [x should be 4]"),
    ("pilot", "C:#X = 4", "CK:#X = 4, x should be 4"),
])
def test_a_passing_assertion_prints_nothing(language, setup, passing):
    engine, console = session(language)
    engine.execute(setup)
    engine.execute(passing)
    assert console.output == ""


@pytest.mark.parametrize(("language", "source", "message", "line"), [
    ("basic", 'X = 3\nASSERT X = 4, "X should be 4"', "Assertion failed in 2: X should be 4", 2),
    ("basic", '10 X = 3\n20 ASSERT X = 4, "X is " + STR$(X)\n30 PRINT "never"\nRUN',
     "Assertion failed in 20: X is  3", 20),
    ("basic", "ASSERT 1 = 2", "Assertion failed in 1", 1),
    ("logo", 'make "x 3\nassert [:x = 4] [x should be 4]',
     "assertion failed: x should be 4  in line 2", 2),
    ("logo", "to check :n\nassert [:n > 0] [n must be positive]\nend\ncheck -1",
     "assertion failed: n must be positive  in check\n[assert [:n > 0] [n must be positive]]",
     2),
    ("pilot", "C:#X = 3\nCK:#X = 4, x should be 4 but is #X",
     "Line 2: check failed: x should be 4 but is 3", 2),
])
def test_a_failing_assertion_names_the_message_and_the_line(language, source, message, line):
    engine, console = session(language)
    with pytest.raises(LanguageError) as caught:
        engine.execute(source)
    assert caught.value.message == message
    assert caught.value.line == line
    assert "never" not in console.output


@pytest.mark.parametrize(("language", "source", "words"), [
    ("basic", "ASSERT 1, 2", "ASSERT's message is a string"),
    ("logo", "assert [print 1] [m]", "gives no value"),
    ("pilot", "CK:", "CK: needs a condition and a message"),
    ("pilot", "CK:1 +, m", "CK:'s condition 1 + is not right"),
])
def test_a_malformed_assertion_is_explained(language, source, words):
    engine, _ = session(language)
    with pytest.raises(LanguageError, match=re.escape(words)):
        engine.execute(source)


def test_an_assertion_inside_catch_can_be_caught_in_logo():
    engine, console = session("logo")
    engine.execute('catch "error [assert [1 = 2] [caught]]\nprint item 2 error')
    assert console.output == "assertion failed: caught\n"
