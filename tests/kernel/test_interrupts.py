"""The stop button is not lost when Python swallows the first KeyboardInterrupt.

Found with the stop-button benchmark: about one press in twenty left `forever [fd 1 rt 1]`
running, because the KeyboardInterrupt was raised inside ipywidgets' Widget.__del__ (the
garbage collector finishing an earlier cell's canvas) and Python ignores exceptions there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from timewarp.interrupts import RETRY_SECONDS, delivered_interrupts

LIMIT = 20.0  # seconds a loop may spin before the test calls the interrupt lost


class InterruptedWhileCollected:
    """An object whose __del__ is running when SIGINT's handler runs: the first interrupt is
    raised inside __del__, where Python reports it as "Exception ignored" and drops it."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        started = time.monotonic()
        while time.monotonic() - started < 0.05:
            pass


def spin(seconds: float) -> None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        pass


def test_an_interrupt_swallowed_by_a_destructor_is_delivered_again(capsys):
    with pytest.raises(KeyboardInterrupt), delivered_interrupts():
        victim = InterruptedWhileCollected()
        del victim  # SIGINT arrives inside __del__ and is dropped there
        spin(LIMIT)
        pytest.fail("the stop button was lost")
    # The swallowed interrupt is not reported on stderr: nothing of ours goes there.
    assert "Exception ignored" not in capsys.readouterr().err


def test_without_the_guard_python_drops_that_interrupt():
    # The case the guard exists for, shown in a process of its own: the interrupt raised in
    # __del__ is reported and lost, and the loop after it runs to its end.
    program = """
import os, signal, time
class Victim:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        started = time.monotonic()
        while time.monotonic() - started < 0.05:
            pass
victim = Victim()
del victim
started = time.monotonic()
while time.monotonic() - started < 1.0:
    pass
print("the loop ran to its end")
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout == "the loop ran to its end\n"
    assert "Exception ignored" in done.stderr and "KeyboardInterrupt" in done.stderr


def test_an_interrupt_the_program_catches_is_sent_again_until_it_stops():
    caught = 0
    with pytest.raises(KeyboardInterrupt), delivered_interrupts():
        for _ in range(3):
            try:
                if caught == 0:
                    os.kill(os.getpid(), signal.SIGINT)  # one press only
                spin(LIMIT)
            except KeyboardInterrupt:
                caught += 1  # a program that shrugs off Ctrl-C, twice
                if caught == 2:
                    raise
        pytest.fail("the stop button was lost")
    assert caught == 2


def test_after_the_block_sigint_is_handled_as_before_and_no_repeat_arrives():
    handler, hook = signal.getsignal(signal.SIGINT), sys.unraisablehook
    with pytest.raises(KeyboardInterrupt), delivered_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        spin(LIMIT)
    assert (signal.getsignal(signal.SIGINT), sys.unraisablehook) == (handler, hook)
    spin(4 * RETRY_SECONDS)  # a stray repeat would raise KeyboardInterrupt here


def test_other_unraisable_errors_still_reach_the_previous_hook(monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda report: reported.append(report.exc_value))

    class Broken:
        def __del__(self) -> None:
            raise ValueError("a real bug in a destructor")

    with pytest.raises(KeyboardInterrupt), delivered_interrupts():
        broken = Broken()
        del broken
        victim = InterruptedWhileCollected()
        del victim
        spin(LIMIT)
    assert [type(error) for error in reported] == [ValueError]
