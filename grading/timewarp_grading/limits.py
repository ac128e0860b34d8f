"""Limits a kernel keeps while nbgrader grades a notebook: time per cell, memory, no input.

nbgrader starts the kernel with ``NBGRADER_EXECUTION`` set (``validate`` or ``autograde``);
:class:`GradingLimits` reads that and the limits :class:`~timewarp_grading.preprocessors.
GradingExecute` passes on.  The time limit is a timer that presses the kernel's own stop
button (SIGINT, which every engine already obeys at once); the memory limit is the process's
address-space limit, so a huge array fails with MemoryError inside the program, not by the
operating system killing the kernel.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SECONDS_ENV = "TIMEWARP_GRADING_CELL_SECONDS"
MEMORY_ENV = "TIMEWARP_GRADING_MEMORY_MB"
DEFAULT_SECONDS = 10.0
DEFAULT_MEMORY_MB = 512

#: The one message for a program that asks a question while it is being graded, in
#: Validate and in Autograde alike.
NO_INPUT = "this program asked for input, which grading cannot give"

ErrorReply = tuple[str, str] | None


@dataclass
class GradingLimits:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB
    _memory_set: bool = False

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> GradingLimits | None:
        """The limits for this kernel, or None when nbgrader is not grading."""
        environ = os.environ if environ is None else environ
        if not environ.get("NBGRADER_EXECUTION"):
            return None
        return cls(_number(environ.get(SECONDS_ENV), DEFAULT_SECONDS, float),
                   _number(environ.get(MEMORY_ENV), DEFAULT_MEMORY_MB, int))

    def run(self, cell: Callable[[], ErrorReply]) -> ErrorReply:
        """Run a cell (which reports its own errors) within the limits; say which was hit."""
        self._limit_memory()
        with _timer(self.seconds) as fired:
            error = cell()
        if error is not None and fired:
            where = _where(error[1])
            unit = "second" if self.seconds == 1 else "seconds"
            return ("TimeLimit", f"this cell ran for more than {self.seconds:g} {unit}, the "
                    f"time limit for grading, and was stopped{where}: is there an endless loop?")
        if error is not None and error[0] == "MemoryError":
            return ("MemoryLimit", "this program needed more memory than grading allows "
                    f"({self.memory_mb} MB more than the kernel): is an array or list far "
                    "too big, or growing without end?")
        return error

    def _limit_memory(self) -> None:
        # Set at the first cell rather than at start-up, so the kernel's own imports are
        # counted as its base and the program gets the whole allowance.
        if self._memory_set:
            return
        self._memory_set = True
        try:
            import resource
            with open("/proc/self/statm") as statm:
                in_use = int(statm.read().split()[0]) * resource.getpagesize()
        except (ImportError, OSError, ValueError):
            return  # not Linux: no memory limit, the time limit still holds
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = in_use + self.memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _number(text: str | None, fallback, kind):
    try:
        value = kind(text) if text else fallback
    except ValueError:
        return fallback
    return value if value > 0 else fallback


def _where(message: str) -> str:
    """ " in 20" from the engine's "Break in 20"."""
    return message[len("Break"):] if message.startswith("Break") else ""


@contextlib.contextmanager
def _timer(seconds: float) -> Iterator[list[bool]]:
    """Press stop (SIGINT) once ``seconds`` have passed; the list says whether it did."""
    fired: list[bool] = []
    if threading.current_thread() is not threading.main_thread():
        yield fired
        return

    def on_alarm(signum: int, frame: object) -> None:
        fired.append(True)
        os.kill(os.getpid(), signal.SIGINT)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
