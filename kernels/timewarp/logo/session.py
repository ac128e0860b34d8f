"""The headless Logo session: what the kernel, ``timewarp run`` and the tests drive.

A cell runs line by line.  ``TO`` starts collecting a procedure, which may go on over
several cells until ``END``; every other line is compiled and run at once, so a line may
use what the line before it defined.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from timewarp.engine import (Completeness, Completion, Console, LanguageError, ProgramExit,
                             Session)
from timewarp.logo import help as logo_help
from timewarp.logo import values
from timewarp.logo.compiler import Compiler
from timewarp.logo.errors import (LogoError, OutputSignal, StopSignal, ThrowSignal,
                                  doesnt_like, no_value)
from timewarp.logo.interpreter import SPECIAL_VARIABLES, Interpreter, Procedure
from timewarp.logo.primitives import PRIMITIVES
from timewarp.logo.primitives import stepping
from timewarp.logo.primitives.stepping import GotoSignal
from timewarp.logo.primitives.workspace import make_procedure, procedure_listing
from timewarp.logo.reader import Line, Unfinished, read_lines
from timewarp.turtle.model import TurtleWorld

#: Python frames allowed while Logo runs: each Logo call takes about two, so Logo
#: procedures can nest about 50,000 deep before "Stack overflow".
STACK_FRAMES = 100_000
_WORD_END = frozenset(" \t\r\n[](){}\"")


@contextlib.contextmanager
def _deep_stack() -> Iterator[None]:
    # Python 3.11 runs Python-to-Python calls without using the C stack, and compiled Logo
    # calls Python functions only, so a high limit is safe; Logo's own limit is this one.
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, STACK_FRAMES))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


class LogoSession(Session):
    """One Logo workspace: procedures and variables live as long as the session."""

    language = "logo"
    display_name = "Logo"
    file_extensions = (".logo", ".lg")

    def __init__(self, console: Console | None = None, turtle: TurtleWorld | None = None) -> None:
        super().__init__(console, turtle)
        self.interp = Interpreter(self.console, self.turtle)
        self.interp.load_source = self.load_source
        self._definition: tuple[Line, list[Line]] | None = None
        #: Where the last interrupted run was, for the kernel's "Break in ..." message.
        self.current_line: str | None = None

    # -- running ----------------------------------------------------------------------------

    def execute(self, source: str) -> None:
        try:
            lines = read_lines(source)
        except Unfinished as error:
            raise LogoError(error.message, error.line) from None
        self.current_line = None
        # Like a file UCBLogo LOADs, a cell's TEST is its own: IFTRUE in the next cell, or
        # in a procedure it calls, without a TEST of its own is "iftrue without TEST".
        tests = self.interp.test_result[:]
        try:
            with _deep_stack():
                for line in lines:
                    self._line(line)
        finally:
            self.interp.test_result[:] = tests

    def run_file(self, source: str) -> None:
        """A whole program file: like a cell, but a TO left without END is a mistake."""
        self.execute(source)
        if self._definition is not None:
            title = self._definition[0]
            self._definition = None
            raise LogoError(f"{title.text} has no END", title.number)

    def load_source(self, source: str) -> None:
        """LOAD: a file's text runs as if typed, its TO ... END defining procedures."""
        try:
            lines = read_lines(source)
        except Unfinished as error:
            raise LogoError(error.message, error.line) from None
        outer, self._definition = self._definition, None
        tests = self.interp.test_result[:]  # as in UCBLogo, a loaded file's TEST is its own
        try:
            for line in lines:
                self._line(line)
            if self._definition is not None:
                raise LogoError(f"{self._definition[0].text} has no END",
                                self._definition[0].number)
        finally:
            self._definition = outer
            self.interp.test_result[:] = tests

    def _line(self, line: Line) -> None:
        head = _word(line.items[0]) if line.items else None
        if self._definition is not None:
            if head == "end" and len(line.items) == 1:
                self._finish_definition()
            else:
                self._definition[1].append(line)
            return
        if head in ("to", ".macro"):
            self._start_definition(line)
        elif head == "end" and len(line.items) == 1:
            raise LogoError("END without TO: there is no procedure to end", line.number)
        else:
            self._run_line(line)

    def _start_definition(self, line: Line) -> None:
        if len(line.items) < 2:
            raise LogoError("not enough inputs to to", line.number, code=6)
        written = line.items[1]
        name = _word(written)
        # As in UCBLogo: a number, a list, "foo or :foo names no procedure; a primitive or
        # an infix operator is "already defined", named as the title wrote it.
        if name is None or not name or name[0] in "\":" or values.parse_number(name) is not None:
            error = doesnt_like(_word(line.items[0]) or "to", written)
            error.line = line.number
            raise error
        if name == "end":
            raise LogoError(f"{name} is a primitive", line.number, code=22)
        if not self.interp.may_define(name) or name in ("to", "+", "-", "*", "/", "=", "<",
                                                         ">", "<=", ">=", "<>"):
            raise LogoError(f"{written} is already defined", line.number, code=15)
        make_procedure(name, line.items[2:], [], line)  # reports a bad title now
        self._definition = (line, [])

    def _finish_definition(self) -> None:
        assert self._definition is not None
        title, lines = self._definition
        self._definition = None
        name = _word(title.items[1])
        assert name is not None
        procedure = make_procedure(name, title.items[2:], lines, title)
        procedure.macro = _word(title.items[0]) == ".macro"
        self.interp.define(procedure)

    def _run_line(self, line: Line) -> None:
        interp = self.interp
        values.ACTIVE_VARIABLES[0] = interp.variables
        try:
            source = Compiler(interp).list_source("_top", line.items, False, line)
            interp.run_source(source, None)["_top"]()
        except LogoError as error:
            interp.locate(error)
            if error.line is None:
                error.line = line.number
            stepping.run_erract(interp, error)  # for an error in the line itself
            if getattr(error, "reported", False):
                return  # PAUSE (as ERRACT) has shown it; the line ends there
            raise
        except KeyboardInterrupt as interrupt:
            self.current_line = self._where(interrupt, line)
            raise
        except (StopSignal, OutputSignal) as signal:
            word = "stop" if isinstance(signal, StopSignal) else "output"
            raise LogoError(f"Can only use {word} inside a procedure", line.number,
                            code=31) from None
        except ThrowSignal as thrown:
            if thrown.tag == "pause" and interp.pausing:
                raise  # CONTINUE typed at PAUSE's prompt: PAUSE catches it
            if thrown.tag != "toplevel":
                raise LogoError(f"Can't find catch tag for {thrown.tag}", line.number,
                                code=14) from None
        except GotoSignal as jump:
            raise self._located(doesnt_like("goto", jump.tag, code=4), jump, line) from None
        except KeyError as missing:
            error = no_value(missing.args[0])
            raise self._located(error, missing, line) from None
        except RecursionError as error:
            raise self._located(LogoError("Stack overflow", code=2), error, line) from None
        except MemoryError as error:
            raise self._located(LogoError("Out of space", code=1), error, line) from None
        except (LanguageError, ProgramExit):
            raise
        except Exception as error:  # noqa: BLE001 - an engine slip must still read as Logo
            fault = LogoError(f"Logo could not do that: {type(error).__name__}: {error}")
            fault.internal = True
            raise self._located(fault, error, line) from None

    def _located(self, error: LogoError, cause: BaseException, line: Line) -> LogoError:
        error.__traceback__ = cause.__traceback__
        self.interp.locate(error, skip_titles=isinstance(cause, RecursionError))
        if error.line is None:
            error.line = line.number
        return error

    def _where(self, interrupt: BaseException, line: Line) -> str:
        procedure, where = self.interp.where(interrupt.__traceback__)
        number = where.number if where is not None else line.number
        return f"{procedure}, line {number}" if procedure else f"line {number}"

    # -- front-end helpers -----------------------------------------------------------------

    def is_complete(self, source: str) -> Completeness:
        try:
            lines = read_lines(source)
        except Unfinished:
            return "incomplete"
        except LogoError:
            return "invalid"
        open_definition = self._definition is not None
        for line in lines:
            head = _word(line.items[0]) if line.items else None
            if head in ("to", ".macro") and not open_definition:
                open_definition = True
            elif head == "end" and len(line.items) == 1:
                open_definition = False
        return "incomplete" if open_definition else "complete"

    def complete(self, source: str, cursor_pos: int) -> Completion:
        cursor_pos = max(0, min(cursor_pos, len(source)))
        start = cursor_pos
        while start > 0 and source[start - 1] not in _WORD_END - {'"'}:
            start -= 1
        if start > 0 and source[start - 1] == '"':
            start -= 1
        word = source[start:cursor_pos]
        if word.startswith(":"):
            names = [":" + n for n in self.interp.variables]
        elif word.startswith('"'):
            names = ['"' + n for n in [*self.interp.variables, *self.interp.procedures]]
        else:
            names = [*PRIMITIVES, *self.interp.procedures]
        prefix = word.lower()
        matches = sorted({n for n in names if n.lower().startswith(prefix)})
        return Completion(start, cursor_pos, matches)

    def inspect(self, source: str, cursor_pos: int) -> str | None:
        start = end = min(cursor_pos, len(source))
        while start > 0 and source[start - 1] not in _WORD_END:
            start -= 1
        while end < len(source) and source[end] not in _WORD_END:
            end += 1
        word = source[start:end].lstrip(":").lower()
        if word in PRIMITIVES:
            return logo_help.help_text(PRIMITIVES[word].name)
        procedure: Procedure | None = self.interp.procedures.get(word)
        if procedure is not None:
            return "Your procedure:\n" + procedure_listing(procedure)
        return None

    def variables(self) -> dict[str, object]:
        # UCBLogo's special variables (CASEIGNOREDP...) stay out of sight while buried.
        hidden = self.interp.buried[1]
        return {name: value for name, value in self.interp.variables.items()
                if name not in SPECIAL_VARIABLES or name not in hidden}

    @property
    def procedures(self) -> dict[str, Procedure]:
        return self.interp.procedures


def _word(item: object) -> str | None:
    return item.lower() if isinstance(item, str) else None
