"""Ctrl-C and the stop button: a real KeyboardInterrupt stops a running loop and the
session keeps its variables and goes on working."""

from __future__ import annotations

import pytest

from timewarp.basic.program import split_numbered

from .conftest import Runner


@pytest.mark.parametrize("source", [
    "10 FOR I = 1 TO 1E9: S = S + 1: NEXT I\n",
    "10 S = S + 1: GOTO 10\n",
    "10 S = S + 1: GOSUB 100: GOTO 10\n100 RETURN\n",
    "10 WHILE 1: S = S + 1: WEND\n",
])
def test_keyboard_interrupt_passes_through_and_the_session_survives(source, ctrl_c):
    runner = Runner()
    for line in source.splitlines():
        runner.session.program.set_line(*split_numbered(line))
    with pytest.raises(KeyboardInterrupt), ctrl_c(0.3):
        runner.cell("RUN")
    assert runner.session.current_line in (10, 100)
    counted = runner.session.variables()["S"]
    assert counted > 0
    assert runner.cell("PRINT S > 0") == "-1 \n"
    assert runner.cell('PRINT "STILL HERE"') == "STILL HERE\n"


def test_interrupt_in_structured_code_keeps_variables(ctrl_c):
    runner = Runner()
    with pytest.raises(KeyboardInterrupt), ctrl_c(0.3):
        runner.cell("x = 7\nDO\n  n = n + 1\nLOOP")
    assert runner.session.variables()["X"] == 7
    assert runner.session.variables()["N"] > 0
