"""Ctrl-C and the stop button: a real KeyboardInterrupt stops a running loop and the
session keeps its variables and goes on working."""

from __future__ import annotations

import _thread
import threading

import pytest

from timewarp.basic.program import split_numbered

from .conftest import Runner


def interrupt_soon(seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, _thread.interrupt_main)
    timer.start()
    return timer


@pytest.mark.parametrize("source", [
    "10 FOR I = 1 TO 1E9: S = S + 1: NEXT I\n",
    "10 S = S + 1: GOTO 10\n",
    "10 S = S + 1: GOSUB 100: GOTO 10\n100 RETURN\n",
    "10 WHILE 1: S = S + 1: WEND\n",
])
def test_keyboard_interrupt_passes_through_and_the_session_survives(source):
    runner = Runner()
    for line in source.splitlines():
        runner.session.program.set_line(*split_numbered(line))
    timer = interrupt_soon(0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.cell("RUN")
    finally:
        timer.cancel()
    assert runner.session.current_line in (10, 100)
    counted = runner.session.variables()["S"]
    assert counted > 0
    assert runner.cell("PRINT S > 0") == "-1 \n"
    assert runner.cell('PRINT "STILL HERE"') == "STILL HERE\n"


def test_interrupt_in_structured_code_keeps_variables():
    runner = Runner()
    timer = interrupt_soon(0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.cell("x = 7\nDO\n  n = n + 1\nLOOP")
    finally:
        timer.cancel()
    assert runner.session.variables()["X"] == 7
    assert runner.session.variables()["N"] > 0
