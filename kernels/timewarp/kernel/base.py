"""The Jupyter kernel every Time Warp language shares: a thin adapter over an engine Session.

A cell's text goes to ``Session.execute``; the program's output goes to the cell's stdout
stream, its INPUT to Jupyter's stdin channel; language errors become Jupyter errors with
plain words.  The kernel subclasses ipykernel's IPythonKernel only because widget comms
(the live ipycanvas turtle) need its comm manager: no Python code ever runs from a cell.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any, ClassVar

from ipykernel.ipkernel import IPythonKernel
from traitlets import List

from timewarp import __version__
from timewarp.engine import Console, LanguageError, ProgramExit, Session
from timewarp.interrupts import delivered_interrupts
from timewarp.kernel.keyboard import CanvasKeyboard
from timewarp.kernel.text_display import ScreenDisplay
from timewarp.kernel.turtle_display import TurtleDisplay
from timewarp.kernel.device_display import DeviceDisplay
from timewarp.kernel.sound_display import SoundDisplay
from timewarp_grading.kernel_support import KernelGrading


class InputUnavailable(LanguageError):
    """The program asked for input, but this front end cannot answer (stdin is off)."""

    ename = "InputError"


class KernelConsole(Console):
    """A console whose output is the cell's stdout stream and whose input is Jupyter's stdin.

    Writes go to ipykernel's stdout stream, which batches them into one iopub message per
    fraction of a second; the stream is flushed before each input request and at the end
    of a cell, so a prompt always shows before the input box.
    """

    def __init__(self, kernel: TimeWarpKernel) -> None:
        self.kernel = kernel
        self.screen_display = ScreenDisplay()

    def write(self, text: str) -> None:
        sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def poll_key(self) -> str:
        # Keys pressed on the cell's live canvas (see kernel.keyboard).
        return self.kernel.keyboard.poll()

    def key_typed_ahead(self) -> str:
        # Only keys already pressed on a canvas that INKEY$ put up: INPUT$ alone asks with
        # the input box, rather than putting up a canvas to type on as well.
        keyboard = self.kernel.keyboard
        return keyboard.poll() if keyboard.widget is not None else ""

    @property
    def keys_ended(self) -> bool:
        # Run without a front end to type into (nbclient, nbgrader): no key will come, so a
        # bare SLEEP returns at once instead of waiting for ever.
        return not self.kernel._allow_stdin

    def show_screen(self, screen, final: bool) -> None:
        # A BASIC text screen shown in the cell as text (see kernel.text_display).
        self.screen_display.show(screen, final)

    def read_line(self, prompt: str = "") -> str:
        self.screen_display.catch_up()
        if not self.kernel._allow_stdin:
            raise InputUnavailable(self.kernel.no_input_message())
        # The prompt travels inside the input request: front ends show it beside the input
        # box and keep the answer after it, as Python's input() does in a notebook.
        return self.kernel.raw_input(prompt)


class TimeWarpKernel(IPythonKernel):
    """Runs cells of one Time Warp language; each language subclass names its Session."""

    session_class: ClassVar[type[Session]]
    implementation = "timewarp"
    implementation_version = __version__
    language_info: ClassVar[dict[str, Any]] = {}
    banner = ""
    help_links = List([]).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.console = KernelConsole(self)
        self.keyboard = CanvasKeyboard()
        self.engine = self.session_class(console=self.console)
        #: %%check cells and, while nbgrader grades, time and memory limits.
        self.grading = KernelGrading(self)

    @property
    def kernel_info(self) -> dict[str, Any]:
        info = super().kernel_info
        # The Python debugger cannot step through BASIC, Logo or PILOT.
        info["supported_features"] = [
            f for f in info["supported_features"] if f != "debugger"]
        return info

    def no_input_message(self) -> str:
        graded = self.grading.no_input_message()
        if graded is not None:
            return graded
        line = getattr(self.engine, "current_line", None)
        where = f" in {line}" if line is not None else ""
        return f"Input not possible{where}: this front end cannot answer questions from a program"

    async def do_execute(self, code: str, silent: bool, store_history: bool = True,
                         user_expressions: dict | None = None, allow_stdin: bool = False,
                         **_cell: Any) -> dict[str, Any]:
        count = self.shell.execution_count
        if not silent:
            self.shell.execution_count += 1
        self._allow_stdin = allow_stdin
        error = self.grading.run(code, lambda: self._run(code, silent))
        if error is None:
            return {"status": "ok", "execution_count": count,
                    "payload": [], "user_expressions": {}}
        ename, evalue = error
        traceback = [f"{ename}: {evalue}"]
        if not silent:
            self.send_response(self.iopub_socket, "error",
                               {"ename": ename, "evalue": evalue, "traceback": traceback})
        return {"status": "error", "execution_count": count,
                "ename": ename, "evalue": evalue, "traceback": traceback}

    def _run(self, code: str, silent: bool) -> tuple[str, str] | None:
        """Run one cell; return (ename, evalue) if it ended in an error."""
        view = contextlib.nullcontext() if silent else TurtleDisplay(
            self.engine.turtle, keyboard=self.keyboard)
        sensors = contextlib.nullcontext() if silent else DeviceDisplay()
        music = SoundDisplay(self.engine, show=not silent)
        try:
            with view, sensors, music:
                try:
                    with delivered_interrupts():
                        self.engine.execute(code)
                finally:
                    self.console.flush()
        except LanguageError as err:
            return err.ename, err.message
        except KeyboardInterrupt:
            return "KeyboardInterrupt", self._break_message()
        except MemoryError:
            return "MemoryError", "the program ran out of memory"
        except ProgramExit:
            # BYE ends the program's world: the next cell starts afresh, as after a restart.
            self.engine = self.session_class(console=self.console)
        except Exception as err:  # noqa: BLE001 - an engine bug must never kill the kernel
            self.log.error("internal error in %s engine", self.language_info["name"],
                           exc_info=True)
            return "InternalError", f"internal error: {type(err).__name__}: {err}"
        return None

    def _break_message(self) -> str:
        line = getattr(self.engine, "current_line", None)
        return "Break" if line is None else f"Break in {line}"

    async def do_complete(self, code: str, cursor_pos: int) -> dict[str, Any]:
        reply = {"status": "ok", "matches": [], "cursor_start": cursor_pos,
                 "cursor_end": cursor_pos, "metadata": {}}
        try:
            found = self.engine.complete(code, cursor_pos)
        except Exception:  # noqa: BLE001 - a failed completion is just no completion
            self.log.error("completion failed", exc_info=True)
            return reply
        reply.update(matches=list(found.matches), cursor_start=found.start,
                     cursor_end=found.end)
        return reply

    async def do_inspect(self, code: str, cursor_pos: int, detail_level: int = 0,
                         omit_sections: Any = ()) -> dict[str, Any]:
        try:
            text = self.engine.inspect(code, cursor_pos)
        except Exception:  # noqa: BLE001 - a failed lookup is just no help
            self.log.error("inspect failed", exc_info=True)
            text = None
        data = {} if text is None else {"text/plain": text}
        return {"status": "ok", "found": text is not None, "data": data, "metadata": {}}

    async def do_is_complete(self, code: str) -> dict[str, Any]:
        try:
            status = self.engine.is_complete(code)
        except Exception:  # noqa: BLE001 - let the front end send it; execute reports errors
            self.log.error("is_complete failed", exc_info=True)
            status = "unknown"
        reply: dict[str, Any] = {"status": status}
        if status == "incomplete":
            reply["indent"] = ""
        return reply


def launch(kernel_class: type[TimeWarpKernel]) -> None:
    """Start a kernel process (what ``python -m timewarp.kernel.<lang>`` runs)."""
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=kernel_class)
