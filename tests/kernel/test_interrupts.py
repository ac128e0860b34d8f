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
import threading
import time

import pytest

from timewarp.interrupts import RETRY_SECONDS, delivered_interrupts, shielded

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


def test_an_interrupt_inside_a_shielded_block_waits_for_its_end():
    finished = False
    with pytest.raises(KeyboardInterrupt), delivered_interrupts():
        with shielded():
            os.kill(os.getpid(), signal.SIGINT)
            spin(0.3)  # the handler has run by now, and deferred the interrupt
            finished = True
        pytest.fail("the deferred interrupt was not raised at the end of the block")
    assert finished


def test_a_shield_outside_the_main_thread_or_a_program_changes_nothing():
    with shielded():  # no program running: nothing to defer
        pass
    errors: list[BaseException] = []

    def in_a_thread() -> None:
        try:
            with shielded():
                pass
        except BaseException as error:  # noqa: BLE001 - the test reports whatever happened
            errors.append(error)

    with delivered_interrupts():
        worker = threading.Thread(target=in_a_thread)
        worker.start()
        worker.join()
    assert errors == []


def test_ctrl_c_during_a_canvas_batch_leaves_ipycanvas_in_order(monkeypatch):
    # The live view sends a batch of drawing commands inside ipycanvas's hold_canvas. An
    # interrupt in the middle would leave its cache half-built and caching on for good, so
    # every later drawing would go out with stale commands in front of it.
    from ipycanvas.canvas import _CANVAS_MANAGER

    from timewarp.turtle.canvas import CanvasView
    from timewarp.turtle.model import TurtleWorld

    world = TurtleWorld()
    view = CanvasView(world)
    draw = CanvasView._draw

    def interrupted_draw(self, items):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the batch is being built
        spin(0.1)
        draw(self, items)

    monkeypatch.setattr(CanvasView, "_draw", interrupted_draw)
    try:
        with pytest.raises(KeyboardInterrupt), delivered_interrupts():
            world.turtle.forward(50)
            view.flush()
            spin(LIMIT)
        assert not _CANVAS_MANAGER._caching
        assert _CANVAS_MANAGER._commands_cache == [] and _CANVAS_MANAGER._buffers_cache == []
    finally:
        view.close()
