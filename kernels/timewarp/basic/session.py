"""BASIC as a headless session: what the kernel, the command line and the tests talk to.

A cell may hold numbered lines (they merge into the program in memory, as typed at
GW-BASIC's prompt), commands (LIST, RUN, NEW, DELETE, RENUM), or unnumbered code, which
runs at once with the variables left by earlier cells.
"""

from __future__ import annotations

import re
import sys

from timewarp.basic import ast
from timewarp.basic.compiler import CompiledProgram, compile_program
from timewarp.basic.completion import complete_word, inspect_word, block_depth
from timewarp.basic.definitions import Library, Missing
from timewarp.basic.qbasic_runtime import HELPERS as QBASIC_HELPERS
from timewarp.basic.errors import BasicError, ProgramEnd, python_error
from timewarp.basic.lexer import tokenize
from timewarp.basic.program_files import ProgramSwitch, run_file_command, write_listing
from timewarp.basic.program import ProgramText, split_numbered
from timewarp.basic.arrays import array_values
from timewarp.basic.builtins import _CURRENT, HELPERS
from timewarp.basic.runtime import Runtime
from timewarp.engine import Completion, Completeness, LanguageError, Session

_COMMANDS = ("LIST", "RUN", "NEW", "DELETE", "RENUM", "CLEAR", "SYSTEM", "LLIST")
_RECURSION_LIMIT = 12_000


class BasicSession(Session):
    language = "basic"
    display_name = "BASIC"
    file_extensions = (".bas",)

    def __init__(self, console=None, turtle=None) -> None:
        super().__init__(console, turtle)
        self.runtime = Runtime(self.console, self.turtle)
        self.runtime.files.host = self     # SAVE, LOAD, CHAIN: see program_files
        self.program = ProgramText()
        self.scalars: dict[str, object] = {}
        self.arrays: dict[str, object] = {}
        self.current_line: int | None = None
        self._compiled: tuple[tuple, CompiledProgram] | None = None
        # SUBs, FUNCTIONs, DEF FNs and declarations from earlier cells (see definitions).
        self.library = Library()
        #: Typing at GW-BASIC's prompt (timewarp.basic.prompt) rather than in cells.
        self.at_prompt = False
        #: (next line number, step) once AUTO has asked the prompt to number lines.
        self.numbering: tuple[int, int] | None = None

    # Running cells and files

    def execute(self, source: str) -> None:
        pending: list[tuple[int | None, str, int]] = []
        numbered: set[int] = set()
        other = False
        try:
            for where, text in enumerate(source.splitlines(), 1):
                if not text.strip():
                    continue
                split = split_numbered(text)
                if split is not None:
                    self._run_direct(pending)
                    self.program.set_line(*split)
                    numbered.add(split[0])
                elif self._command_word(text):
                    self._run_direct(pending)
                    self._command(text)
                    other = True
                else:
                    pending.append((None, text, where))
                    other = True
            self._run_direct(pending)
        finally:
            self.runtime.end_of_cell()
        if numbered and not other and numbered == set(self.program.lines):
            self.run_program()

    def execute_direct(self, text: str) -> None:
        """One unnumbered line typed at GW-BASIC's prompt (see timewarp.basic.prompt): a
        command, or statements run at once; an error in it has no line number."""
        try:
            if self._command_word(text):
                self._command(text)
            else:
                # As in GW-BASIC, the statements before a mistake run first (PRINT 1: X Y
                # prints 1, then Syntax error).
                self._run_direct([(None, text, None)], direct=True)
        finally:
            self.runtime.end_of_cell()

    def run_file(self, source: str) -> None:
        lines = [t for t in source.splitlines() if t.strip()]
        if lines and all(split_numbered(t) is not None for t in lines):
            self.program.clear()
            for text in lines:
                number, rest = split_numbered(text)
                if not rest.strip() and number not in self.program.lines:
                    # As GW-BASIC reads a file, a line number alone deletes its line; with
                    # none to delete, "Undefined line number" stops the reading there, and
                    # the program runs as far as it was read.
                    self.runtime.write("Undefined line number\n")
                    break
                self.program.set_line(number, rest)
            self.run_program()
        else:
            self.program.clear()
            self._clear_variables()
            try:
                self._run_direct([(None, t, i) for i, t in enumerate(source.splitlines(), 1)
                                  if t.strip()])
            finally:
                self.runtime.end_of_cell()

    def run_program(self, start: int | None = None) -> None:
        """RUN: clear the variables and run the program in memory."""
        self._clear_variables()
        try:
            compiled = self._compile_memory(start)
            self._run(compiled)
        finally:
            self.runtime.end_of_cell()
            # END closes the files; a program that runs off its end leaves them open,
            # as in GW-BASIC, but what it wrote is on disk.
            self.runtime.files.flush_all()
            self.runtime.files.release_devices()

    def _compile_memory(self, start: int | None) -> CompiledProgram:
        memory = self.runtime.asked_memory
        version = (self.program.version, self.library.version, memory)
        if start is None and self._compiled and self._compiled[0] == version:
            return self._compiled[1]
        lines = self.library.parse(self.program.source(), program=True)[0]
        if start is not None:
            if start not in self.program.lines:
                raise BasicError("Undefined line number")
            lines.insert(0, ast.Line(None, None, 0, (ast.Goto(start),)))
        # The definitions of earlier cells come first (their CONSTs run before the program).
        compiled = compile_program(self.library.lines_for(lines) + lines, from_start=start is None,
                                   memory=memory)
        if start is None:
            self._compiled = (version, compiled)
        return compiled

    def _run_direct(self, pending: list, direct: bool = False) -> None:
        if not pending:
            return
        entries = list(pending)
        pending.clear()
        lines, names = self.library.parse(entries, direct=direct)
        if direct and self.at_prompt and any(isinstance(s, ast.DefFn)
                                             for line in lines for s in line.statements):
            # GW-BASIC's DEF FN lives in a program line (a notebook cell may define one).
            raise BasicError("Illegal direct", detail="DEF FN works only in a program line")
        compiled = compile_program(self.library.lines_for(lines) + lines)
        # What the cell defines is kept once it compiles, even if running it fails.
        self.library.keep(lines, names)
        self._run(compiled, keep_data=not compiled.data, direct=True)

    def _clear_variables(self) -> None:
        self.scalars.clear()
        self.arrays.clear()
        self.runtime.for_stack.clear()
        self.runtime.reset_errors()
        self.runtime.files.close_all()
        self.runtime.option_base = 0
        self.runtime.seed = 5228370   # RUN restarts RND's sequence, as in GW-BASIC

    def _run(self, compiled: CompiledProgram, keep_data: bool = False,
             direct: bool = False) -> None:
        rt = self.runtime
        if not keep_data:
            rt.data, rt.data_pointer = compiled.data, 0
        if direct and rt.paused:
            # A line typed while a program waits for CONT sees the program's ERR and ERL;
            # its own errors are not the program's to trap (the prompt puts all back).
            rt.handler, rt.in_handler = None, False
        else:
            rt.reset_errors()
            rt.for_stack.clear()
        namespace = dict(HELPERS)
        namespace.update(QBASIC_HELPERS)
        namespace.update(_rt=rt, _ProgramEnd=ProgramEnd, _missing=Missing,
                         _as_basic_error=as_basic_error,
                         _error_line=lambda e: self._line_of(e, compiled))
        exec(compiled.function, namespace)
        old_limit = sys.getrecursionlimit()
        outer_breakable = rt.breakable         # a program that waits while this one runs
        sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
        self.current_line = None
        _CURRENT.append(rt)
        follow = None
        rt.files.direct = direct          # LOAD in a direct line goes on: see program_files
        try:
            namespace["_program"](self.scalars, self.arrays)
        except ProgramEnd as end:
            if not (end.args and end.args[0]):
                rt.files.close_all()       # END and SYSTEM close the files; STOP does not
            if end.args and end.args[0] == "stop":
                rt.flush()
                if rt.column:
                    rt.newline()
                rt.write(f"Break in {self._line_of(end, compiled)}\n")
        except ProgramSwitch as switch:    # LOAD, MERGE, CHAIN: after this program
            follow = switch
            follow.line = self._line_of(switch, compiled)
        except KeyboardInterrupt as interrupt:
            self.current_line = self._line_of(interrupt, compiled)
            raise
        except Exception as exc:  # every Python error becomes a BASIC one
            error = as_basic_error(exc)
            raise error.at(self._line_of(exc, compiled)) from None
        finally:
            rt.breakable = outer_breakable
            rt.files.direct = False
            _CURRENT.pop()
            sys.setrecursionlimit(old_limit)
            for key in [k for k, v in self.arrays.items() if v.__class__ is Missing]:
                del self.arrays[key]
        if follow is not None:
            follow.carry_out(self)

    @staticmethod
    def _line_of(exc: BaseException, compiled: CompiledProgram) -> int | None:
        """The BASIC line the program was in when ``exc`` happened (read off the traceback)."""
        tb, line = exc.__traceback__, None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == compiled.filename:
                mapped = compiled.line_map[tb.tb_lineno - 1]
                if mapped is None:
                    mapped = _block_line(tb.tb_frame, compiled)
                line = mapped if mapped is not None else line
            tb = tb.tb_next
        return line

    # Commands on the program in memory

    @staticmethod
    def _command_word(text: str) -> str | None:
        word = re.match(r"\s*([A-Za-z]+)", text)
        if word and word.group(1).upper() in _COMMANDS:
            return word.group(1).upper()
        return None

    def start_numbering(self, text: str) -> None:
        """AUTO [line | .][, step]: the prompt numbers the lines typed from now on."""
        if not self.at_prompt:
            raise BasicError("Illegal function call", detail="AUTO numbers the lines typed at "
                             "GW-BASIC's prompt (timewarp basic); in a cell, number them yourself")
        start, _, step = self._with_current_line(text).partition(",")
        self.numbering = (int(start) if start.strip() else 10, int(step) if step.strip() else 10)

    def _with_current_line(self, text: str) -> str:
        """Line numbers with GW-BASIC's "." (the current line) written out."""
        current = self.program.current
        return re.sub(r"(?<![\d.])\.(?![\d.])", str(current or 0), text)

    def _command(self, text: str) -> None:
        word = self._command_word(text)
        rest = text.strip()[len(word):].strip()
        if word in ("LIST", "LLIST", "DELETE", "RENUM"):
            head, comma, tail = rest.partition(",") if word != "RENUM" else (rest, "", "")
            rest = self._with_current_line(head) + comma + tail
        if word in ("LIST", "LLIST"):
            rest, _, target = rest.partition(",")
            first, last = _line_range(rest)
            self.program.check_listable()
            if word == "LIST" and target.strip():
                self._list_to_file(target.strip(), self.program.listing(first, last))
                return
            # Through the runtime, so that a text screen in use shows the listing too.
            self.runtime.write(self.program.listing(first, last))
            self.runtime.flush()
        elif word == "RUN" and rest.startswith('"'):
            run_file_command(self, rest)
        elif word == "RUN":
            self.run_program(int(rest) if rest.isdigit() else None)
        elif word == "NEW":
            # A fresh start: the program, the variables and what earlier cells defined.
            self.program.clear()
            self._clear_variables()
            self.library.clear()
        elif word == "DELETE":
            first, last = _line_range(rest)
            if first is None and last is None:
                raise BasicError("Illegal function call")
            self.program.delete(first, last)
        elif word == "RENUM":
            numbers = [int(p) if p.strip().isdigit() else None for p in rest.split(",")] if rest else []
            args = [n for n in numbers] + [None] * (3 - len(numbers))
            undefined = self.program.renumber(args[0] if args[0] is not None else 10,
                                              args[1] if args[1] is not None else 0,
                                              args[2] if args[2] is not None else 10)
            self.runtime.write("".join(f"{message}\n" for message in undefined))
        elif word == "CLEAR":
            self._clear_variables()

    def _list_to_file(self, target: str, listing: str) -> None:
        """GW-BASIC's ``LIST [lines], "file"``: the listing into a file of the notebook's
        folder (``"SCRN:"`` is the screen; a printer prints nowhere: none is attached)."""
        from timewarp.basic.file_devices import is_own_device

        match = re.fullmatch(r'"([^"]*)"?', target)
        if match is None or not match.group(1).strip():
            raise BasicError("Syntax error",
                             detail="LIST takes a file name in quotes after the comma")
        name = match.group(1)
        if is_own_device(name):
            if name.strip().upper() == "SCRN:":
                self.runtime.flush()
                self.console.write(listing)
            elif name.strip().upper() == "KYBD:":
                raise BasicError("Bad file mode")
            return
        write_listing(self.runtime.files, name, listing)

    # Questions from the front end

    def is_complete(self, source: str) -> Completeness:
        """Incomplete while unnumbered code leaves a block open; mistakes count as
        complete, so that running the cell shows the error."""
        lines = [t for t in source.splitlines() if t.strip()]
        try:
            if not lines or all(split_numbered(t) is not None for t in lines):
                return "complete"
            return "incomplete" if block_depth(lines) > 0 else "complete"
        except BasicError:
            return "complete"

    def complete(self, source: str, cursor_pos: int) -> Completion:
        return complete_word(source, cursor_pos, self._own_names(source))

    def inspect(self, source: str, cursor_pos: int) -> str | None:
        return inspect_word(source, cursor_pos, self.variables())

    def _own_names(self, source: str) -> set[str]:
        names = set(self.variables())
        text = source + "\n" + "\n".join(self.program.lines.values())
        for line in text.splitlines():
            try:
                tokens = tokenize(line.split("'")[0], classic=False)
            except BasicError:
                continue
            names.update(str(t.value) for t in tokens if t.kind in ("name", "label"))
        return names

    def take_music(self) -> list:
        music = self.runtime.__dict__.get("_music")     # made by the first BEEP, SOUND, PLAY
        return music.tune.take() if music is not None else []

    def variables(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in self.scalars.items():
            if not key.startswith("\0"):
                out[_display(key)] = value
        for key, value in self.arrays.items():
            if value is not None:
                name = _display(key)
                out[name + "()" if name in out else name] = array_values(value)
        return out


def _block_line(frame, compiled: CompiledProgram) -> int | None:
    """Caught in the dispatch loop between blocks: the first line of the block it was
    about to run."""
    pc, blocks = frame.f_locals.get("pc"), frame.f_locals.get("_B")
    if not isinstance(pc, int) or not blocks or not 0 <= pc < len(blocks):
        return None
    first = blocks[pc].__code__.co_firstlineno + 1   # the line after "nonlocal"
    return compiled.line_map[first] if first < len(compiled.line_map) else None


def _display(key: str) -> str:
    return key[:-1] if key.endswith("!") else key


def _line_range(text: str) -> tuple[int | None, int | None]:
    text = text.replace(" ", "")
    if not text:
        return None, None
    match = re.fullmatch(r"(\d*)(-?)(\d*)", text)
    if match is None:
        raise BasicError("Syntax error")
    first = int(match.group(1)) if match.group(1) else None
    last = int(match.group(3)) if match.group(3) else None
    if not match.group(2):
        last = first
    return first, last


def as_basic_error(exc: BaseException) -> BasicError:
    """The BASIC error a Python exception from a running program stands for."""
    if isinstance(exc, LanguageError) and not isinstance(exc, BasicError):
        # The front end's own words (no input possible while grading, for example).
        return BasicError(exc.message)
    return python_error(exc)
