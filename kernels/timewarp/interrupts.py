"""Ctrl-C and the stop button reach the program, even when Python swallows the first one.

Python runs a signal handler at whatever point the main thread has reached. When that point
is inside a ``__del__`` method or a weakref callback (the garbage collector finishing off a
widget of an earlier cell, for example), the KeyboardInterrupt is reported as "Exception
ignored" and thrown away, and a runaway ``forever [fd 1 rt 1]`` keeps running as if nobody
had pressed stop. While a program runs under :func:`delivered_interrupts`, each SIGINT arms a
short timer; if the KeyboardInterrupt has not left the program by then, the signal is sent
again, until it does. Swallowed interrupts are not reported on stderr either: nothing of
Time Warp's goes there.

Some work must not be cut in half: a batch of canvas commands that ipycanvas is building
(an interrupt inside ``hold_canvas`` leaves its cache half-written and its caching switched
on for good). Such work runs under :func:`shielded`; an interrupt that arrives meanwhile is
raised as soon as the block ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

#: How long a KeyboardInterrupt may take to leave the program before SIGINT is sent again.
RETRY_SECONDS = 0.2
#: With a ``pause`` (see delivered_interrupts): how often, and how many times, SIGINT is sent
#: again to find the program between two statements before it is simply interrupted.
PAUSE_RETRY_SECONDS, PAUSE_TRIES = 0.005, 40


class _Delivery:
    def __init__(self, pause: Callable[[Any], str] | None = None) -> None:
        self.lock = threading.Lock()
        self.active = True
        self.pending = False
        self.shields = 0
        self.deferred = False
        self.pause = pause
        self.tries = 0

    def on_sigint(self, signum: int, frame: Any) -> None:
        if not self.active:
            return  # a repeat that arrived as the program ended: nothing left to stop
        if self.shields:
            self.deferred = True
            return
        if self.pause is not None and not self.pending:
            verdict = self.pause(frame)
            if verdict == "paused":
                self.tries = 0
                return
            if verdict == "later" and self.tries < PAUSE_TRIES:
                self.tries += 1
                timer = threading.Timer(PAUSE_RETRY_SECONDS, self.repeat_pause)
                timer.daemon = True
                timer.start()
                return
        self.tries = 0
        self.interrupt()

    def repeat_pause(self) -> None:
        with self.lock:
            if self.active and not self.pending:
                os.kill(os.getpid(), signal.SIGINT)

    def interrupt(self) -> None:
        self.pending = True
        timer = threading.Timer(RETRY_SECONDS, self.repeat)
        timer.daemon = True
        timer.start()
        raise KeyboardInterrupt

    def repeat(self) -> None:
        with self.lock:
            if self.active and self.pending:
                os.kill(os.getpid(), signal.SIGINT)

    def end(self) -> None:
        with self.lock:
            self.active = self.pending = False


_current: _Delivery | None = None


@contextlib.contextmanager
def delivered_interrupts(pause: Callable[[Any], str] | None = None) -> Iterator[None]:
    """Run the block with SIGINT raising KeyboardInterrupt until one leaves the block.

    ``pause``, given the interrupted frame, may stop the program where it is instead (GW-BASIC's
    prompt, for CONT): it answers "paused" (it did, and the program has been let go on),
    "later" (not at a good place: SIGINT comes again in a moment, a few times) or anything
    else (interrupt it)."""
    global _current
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; elsewhere nothing can be done
        return
    outer = _current
    delivery = _current = _Delivery(pause)
    previous_handler = signal.signal(signal.SIGINT, delivery.on_sigint)
    previous_hook = sys.unraisablehook

    def unraisable(report: Any) -> None:
        if not (delivery.active and isinstance(report.exc_value, KeyboardInterrupt)):
            previous_hook(report)

    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        delivery.end()
        signal.signal(signal.SIGINT, previous_handler)
        sys.unraisablehook = previous_hook
        _current = outer


@contextlib.contextmanager
def ordinary_interrupts(handler: Callable[[int, Any], None] = signal.default_int_handler,
                        ) -> Iterator[None]:
    """Inside :func:`delivered_interrupts`, the block gets Ctrl-C as Python has it: one
    KeyboardInterrupt, not sent again (for reading a line while a program waits, where the
    reader handles it and goes on); or as ``handler`` takes it."""
    global _current
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outer = _current
    _current = None
    previous_handler = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous_handler)
        _current = outer


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Run the block whole: an interrupt that arrives inside it is raised when it ends.

    Only the main thread is ever interrupted, so elsewhere, or outside
    :func:`delivered_interrupts`, this does nothing.
    """
    delivery = _current
    if delivery is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    delivery.shields += 1
    try:
        yield
    finally:
        delivery.shields -= 1
    if not delivery.shields and delivery.deferred:
        delivery.deferred = False
        delivery.interrupt()
