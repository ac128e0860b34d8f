"""GW-BASIC's direct mode: the ``Ok`` prompt, for ``timewarp basic`` at a terminal.

A notebook cell takes the place of the prompt in Jupyter.  At a terminal (a Raspberry Pi, a
hobbyist's shell, a lesson typed from a book) the prompt is what GW-BASIC users knew: lines
with a number go into the program, other lines run at once, and after each one BASIC says
``Ok``.  An error is told on a line of its own, followed by ``Ok``; after a syntax error in
the program, the line at fault is shown again, ready to be typed anew, and ``EDIT n`` puts
up line n the same way; ``AUTO`` puts up each next line number.  A program that reaches STOP
or END waits there while the prompt goes on (look at its variables, change them), until
``CONT`` goes on where it stopped.  Ctrl-C stops a running program with ``Break in n``.
``SYSTEM`` leaves.

The screen the prompt writes on is GW-BASIC's text screen (:mod:`timewarp.basic.text_screen`),
made at the start, so that a program reading the screen (``SCREEN(row, col)``, ``PEEK`` of
screen memory) finds the prompt's lines there as GW-BASIC kept them: each ``Ok`` and each
error message marked at its end with character 255, which shows as a blank.  The mark goes
into the screen only, never into the text the terminal shows.  Lines typed at a terminal,
which the terminal itself echoed, go into the screen only too.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from typing import ContextManager

from timewarp.basic.errors import BasicError, ProgramEnd
from timewarp.basic.program import MAX_LINE_NUMBER, split_numbered
from timewarp.basic.runtime import DIRECT_LINE
from timewarp.basic.screen_editor import BREAK, ScreenEditor
from timewarp.basic.session import BasicSession
from timewarp.engine import LanguageError, ProgramExit

#: The character GW-BASIC leaves after Ok and after a message: code 255, a blank on screen.
END_MARK = chr(255)
_SYSTEM = re.compile(r"\s*SYSTEM\s*$", re.IGNORECASE)
_EDIT = re.compile(r"\s*EDIT\b\s*(.*?)\s*$", re.IGNORECASE)
_CONT = re.compile(r"\s*CONT\s*$", re.IGNORECASE)
_NAME_AND_BLANKS = re.compile(r"[A-Za-z][A-Za-z0-9.]*[$%!#]?\s*")
#: What, typed while a program waits for CONT, ends the program first (as in GW-BASIC,
#: after which CONT can no longer go on): a new line, or a command that replaces the program.
_ENDS_WAITING = re.compile(r"\s*(\d|(RUN|NEW|LOAD|MERGE|CHAIN|DELETE|CLEAR|AUTO|SYSTEM)\b)",
                           re.IGNORECASE)


class _Leave(BaseException):
    """SYSTEM, or the end of what is typed, while a program waits for CONT: the prompt ends."""


class Prompt:
    """The Ok prompt over a BASIC session.

    ``read_line`` gives the next line typed (EOFError when no more can come; Ctrl-C while
    typing is the line ``"\\x03"``).  With it, a program that STOPs or ENDs waits for CONT
    while the prompt goes on (:meth:`serve` reads lines until SYSTEM).  ``explain`` adds Time
    Warp's plain words to each error (GW-BASIC's own message alone when False).  ``echo``
    shows each typed line in the output, for input that no terminal echoed (a script, a
    test).  ``running`` wraps whatever runs and ``waiting`` the reading of a line while a
    program waits (the command line passes its Ctrl-C handling,
    :mod:`timewarp.interrupts`).
    """

    def __init__(self, session: BasicSession, explain: bool = True, echo: bool = False,
                 read_line: Callable[[], str] | None = None,
                 running: Callable[[], ContextManager] = contextlib.nullcontext,
                 waiting: Callable[[], ContextManager] = contextlib.nullcontext) -> None:
        self.session = session
        self.rt = session.runtime
        self.explain = explain
        self.echo = echo
        self.read_line: Callable[[], str] | None = None
        self.running = running
        self.waiting = waiting
        #: A line typed while a program waited, to be typed again once it has ended.
        self.pending: str | None = None
        if read_line is not None:
            self.listen(read_line)
        self.screen = self.rt.text_screen()
        session.at_prompt = True                  # AUTO may number the lines typed here
        #: The program line EDIT put up to be typed anew (a terminal's line editor starts
        #: with it), or None.
        self.editing: str | None = None
        #: The line number AUTO put up for the next line ("30 ", or "20*" when line 20
        #: exists), or None.
        self.numbered: str | None = None
        #: GW-BASIC's screen editor, when keys are typed one by one (see listen_keys).
        self.editor: ScreenEditor | None = None
        #: The error traps of the programs waiting here (STOP, END), innermost last, and an
        #: error of a typed line that the innermost's trap takes (see pause).
        self._waiting_traps: list[bool] = []
        self._trapped: BasicError | None = None

    def listen(self, read_line: Callable[[], str]) -> None:
        """Lines are read from ``read_line`` from now on; a program that STOPs or ENDs
        waits for CONT."""
        self.read_line = read_line
        self.rt.pause_hook = self.pause

    def listen_keys(self, next_key: Callable[[], str]) -> None:
        """Keys, one by one from ``next_key`` (GW-BASIC's codes), are typed onto the screen
        from now on through GW-BASIC's screen editor: Enter enters the logical line under
        the cursor, wherever it is, as GW-BASIC's did; a line EDIT puts up, or the line of a
        syntax error, can be changed where it stands."""
        editor = self.editor = ScreenEditor(self.screen, next_key)
        self.listen(editor.read_line)
        self.rt.answer_editor = lambda width: editor.read_line(width, answer=True)

    # What BASIC says

    def ok(self) -> None:
        self.tell("Ok")

    def tell(self, message: str, mark: bool = True) -> None:
        """A line of BASIC's own, on a line of its own; ``mark``: marked at its end on the
        screen, as GW-BASIC marks Ok and its error messages (not Ctrl-C's Break)."""
        rt = self.rt
        if rt.column:
            rt.write("\n")
        rt.write(message)
        rt.flush()
        if mark:
            self.screen.put(END_MARK)
        rt.write("\n")
        rt.flush()

    def report(self, error: LanguageError) -> None:
        """An error as GW-BASIC tells it, then Ok; after a syntax error in a program line,
        that line again, to be typed anew."""
        text = str(error)
        if not self.explain and isinstance(error, BasicError):
            text = error.kind + (f" in {error.line}" if error.line is not None else "")
        self.tell(text)
        self.ok()
        if getattr(error, "line", None) is not None:
            self.session.program.current = error.line
        program = self.session.program
        if getattr(error, "kind", "") == "Syntax error" and error.line in program.lines \
                and not program.protected:        # a protected line is never shown
            self.edit(error.line, _mistake(error, program.lines[error.line]))

    def broken(self) -> None:
        """Ctrl-C stopped what ran: Break, with the line it stopped in, then Ok."""
        line = self.session.current_line
        self.session.numbering = None             # Ctrl-C ends AUTO too
        self.tell("Break" + (f" in {line}" if line is not None else ""), mark=False)
        self.ok()
        if line is not None:
            self.session.program.current = line

    def edit(self, number: int, column: int | None = None) -> None:
        """EDIT n: the line put up to be typed anew.  The next line typed replaces it; where
        no terminal echoes the typing, an empty line keeps it as it is.  With the screen
        editor, the cursor goes to ``column`` of the line's text (where a syntax error was
        found), or to the start of the line."""
        if number not in self.session.program.lines:
            raise BasicError("Undefined line number")
        if self.session.program.protected:
            self._show_typed(str(number))    # GW-BASIC puts up the number, then refuses
        self.session.program.check_listable()
        self.editing = self.session.program.listing(number, number).rstrip("\n")
        self._show_typed(self.editing, end="")
        if self.editor is not None:
            self.rt.flush()
            self._cursor_to(len(self.editing), 0 if column is None else len(f"{number} ") + column)

    # What is typed

    def start(self, source: str | None = None) -> bool:
        """GW-BASIC started with a program (``GWBASIC PROG``): it runs, then Ok.  Without
        one, Ok.  False when the program asked to leave."""
        if source is None:
            self.ok()
            return True
        return self._attempt(self.session.run_file, source)

    def command(self, text: str) -> bool:
        """A direct line given to BASIC rather than typed (``LOAD "X"`` from the command line):
        run without being shown, then Ok.  False when it asked to leave."""
        return self._attempt(self.session.execute_direct, text)

    def type(self, text: str, shown: bool = False) -> bool:
        """One line typed at the prompt (``shown``: already on the screen).  False when it
        asked to leave (SYSTEM)."""
        if self.numbered is not None:
            text, broken, _ = text.rstrip("\r\n").partition("\x03")
            return self._type_numbered(text, bool(broken))
        text = text if shown else self._receive(text)
        return True if text is None else self._handle(text)

    def _receive(self, text: str) -> str | None:
        """A typed line shown as the screen shows it; what it enters (Enter on a line EDIT
        put up enters that line), or None when Ctrl-C gave it up."""
        if self.editor is not None:               # already on the screen, where it was typed
            self.editing = None
            if text == BREAK:
                return None
            self._transcribe(text)
            return text
        text, broken, _ = text.rstrip("\r\n").partition("\x03")
        shown_line, self.editing = self.editing, None
        if broken:
            self._show_typed(text)
            return None
        if shown_line is not None and self.echo:
            # The line EDIT put up is still on its row: Enter alone puts it in as it is;
            # a line typed instead starts a row of its own.
            self._show_typed("")
            if not text:
                return shown_line
        self._show_typed(text)
        return text

    def _handle(self, text: str) -> bool:
        """What a line entered at the prompt does.  False when it asked to leave."""
        if _SYSTEM.match(text):
            return False
        if not text.strip():
            return True
        if _CONT.match(text):                     # nothing waits (see pause)
            self.report(BasicError("Can't continue", detail="no program is stopped"))
            return True
        try:
            numbered = split_numbered(text)
        except LanguageError as error:
            self.report(error)
            return True
        if numbered is not None:
            try:
                number, rest = numbered
                if not rest.strip() and number not in self.session.program.lines:
                    # A number alone deletes its line; GW-BASIC says when there is none.
                    raise BasicError("Undefined line number", detail=f"there is no line {number}")
                self.session.program.set_line(*numbered)   # stored: GW-BASIC says nothing
            except LanguageError as error:
                self.report(error)
            return True
        edit = _EDIT.match(text)
        if edit:
            try:
                number = edit.group(1)
                if number == "." and self.session.program.current is not None:
                    number = str(self.session.program.current)
                if not number.isdigit():
                    # As GW-BASIC: no line (nor a current one) to edit, or no line number.
                    raise BasicError("Undefined line number" if number in ("", ".") else
                                     "Illegal function call", detail="EDIT takes a line number")
                self.edit(int(number))
            except LanguageError as error:
                self._failed(error)
            return True
        return self._attempt(self.session.execute_direct, text)

    def _type_numbered(self, text: str, broken: bool) -> bool:
        """A line typed after the number AUTO put up.  Enter alone keeps a line that exists
        (its number showed a *) and makes none; Ctrl-C ends the numbering."""
        prefix, self.numbered = self.numbered, None
        if self.editor is not None:           # the row the cursor was on, number and all
            line = text
            self._transcribe(text)
        elif self.echo:
            self._show_typed(text)            # after the number already on the row
            line = prefix + text
        else:
            self.screen.put(text[len(prefix):] if text.startswith(prefix) else text)
            self.screen.put("\n")
            line = text
        if broken:
            self.session.numbering = None
            self.ok()
            return True
        number = prefix[:-1]
        if line.startswith(number + "*"):
            line = number + " " + line[len(number) + 1:]
        try:
            numbered = split_numbered(line)
            if numbered is None:                      # the number was rubbed out: a command
                return self._attempt(self.session.execute_direct, line)
            if numbered[1].strip():
                self.session.program.set_line(*numbered)
        except LanguageError as error:
            self.report(error)
            return True
        _, step = self.session.numbering or (0, 10)
        self.session.numbering = (numbered[0] + step, step)
        self._put_up_number()
        return True

    def _put_up_number(self) -> bool:
        """With AUTO on, the next line's number put up; False when AUTO is not on."""
        if self.session.numbering is None:
            return False
        number, step = self.session.numbering
        if number > MAX_LINE_NUMBER:
            self.session.numbering = None
            return False
        self.numbered = f"{number}{'*' if number in self.session.program.lines else ' '}"
        self._show_typed(self.numbered, end="")
        return True

    def serve(self) -> None:
        """Read lines (``read_line``) and type them, until SYSTEM or no more can come."""
        try:
            while True:
                if self.pending is not None:      # typed while a program waited, now ended
                    text, self.pending = self.pending, None
                    going = self.type(text, shown=True)
                elif (text := self._next_line()) is not None:
                    going = self.type(text)
                else:
                    going = False
                if not going:
                    break
        except _Leave:
            pass
        self.finish()

    def pause(self, kind: str, line: int | None) -> None:
        """STOP ("stop"), END ("") or Ctrl-C ("break"): the program waits here while lines
        are typed and run, until CONT, after which it goes on (GW-BASIC's CONT).  A line that
        changes the program or replaces it ends the program first, then is typed again."""
        resumed, self.rt.resumed_direct = self.rt.resumed_direct, False
        if kind in ("stop", "break") and not resumed:     # (not back from a typed line's trap)
            # Ctrl-C's Break has no end mark on the screen, STOP's has.
            self.tell("Break" + (f" in {line}" if line is not None else ""), mark=kind == "stop")
        self.ok()
        if line is not None and not resumed:
            self.session.program.current = line
        rt, program = self.rt, self.session.program
        if kind == "stop" and rt.in_handler and rt.err == 2 and rt.erl in program.lines \
                and not program.protected:
            # Stopped in the trap of a syntax error: GW-BASIC puts that line up to be put right.
            self.edit(rt.erl)
        state = self._program_state()
        # An error in a line typed now goes to the program's ON ERROR handler, with ERL
        # 65535, as in GW-BASIC; its RESUME comes back here.
        self._waiting_traps.append(state[0] is not None and not state[1])
        try:
            self._wait(state)
        finally:
            self._waiting_traps.pop()

    def _wait(self, state: tuple) -> None:
        while True:
            if self.pending is not None:          # a program run from here ended for it:
                raise ProgramEnd("abandon")       # this one ends too
            with self.waiting():
                text = self._next_line()
            if text is None:
                raise _Leave
            if self.numbered is None:
                text = self._receive(text)
                if text is None:
                    continue
                if _CONT.match(text):
                    break
                if _ENDS_WAITING.match(text):
                    self.pending = text
                    raise ProgramEnd("abandon")
            going = self.type(text, shown=True)
            self._restore_program_state(state)
            if self._trapped is not None:
                error, self._trapped = self._trapped, None
                error.direct = True               # see Runtime.trap
                raise error
            if not going:
                raise _Leave
        self._restore_program_state(state)

    def _failed(self, error: LanguageError) -> None:
        """A typed line's error: a waiting program's error trap takes it (see _wait), or it
        is told."""
        if self._waiting_traps and self._waiting_traps[-1] and isinstance(error, BasicError) \
                and error.code:
            self._trapped = error
            self.session.program.current = DIRECT_LINE    # "." is the error's line, 65535
        else:
            self.report(error)

    def break_in_place(self, frame) -> str:
        """Ctrl-C while a program runs (for :func:`timewarp.interrupts.delivered_interrupts`):
        when the program is between two statements of its main part, it stops there as at
        STOP, Break in its line, and CONT goes on, as in GW-BASIC ("paused", once CONT let it
        go on).  Elsewhere in it (a statement half done, a SUB, BASIC's own code) "later";
        with no program of the prompt's running, "no"."""
        rt = self.rt
        if rt.breakable is None or rt.pause_hook is None:
            return "no"
        code, store, reload, lines = rt.breakable
        if frame is None or frame.f_code is not code:
            return "later"
        pc = frame.f_locals.get("pc")
        line = lines[pc] if isinstance(pc, int) and 0 <= pc < len(lines) else None
        self.session.current_line = line
        store()
        rt.pause("break", line)
        reload()
        return "paused"

    def _next_line(self) -> str | None:
        try:
            return self.read_line()
        except EOFError:
            return None

    def _program_state(self) -> tuple:
        """What a line typed while the program waits would reset: its error trap, FOR
        loops, DATA, and the line it stopped in."""
        rt = self.rt
        return (rt.handler, rt.in_handler, rt.err, rt.erl, rt.err_pc, list(rt.for_stack),
                rt.data, rt.data_pointer, self.session.current_line)

    def _restore_program_state(self, state: tuple) -> None:
        rt = self.rt
        (rt.handler, rt.in_handler, rt.err, rt.erl, rt.err_pc, loops,
         rt.data, rt.data_pointer, self.session.current_line) = state
        rt.for_stack[:] = loops

    def run(self, lines: Iterable[str]) -> None:
        """Type each of ``lines`` until one says SYSTEM."""
        for text in lines:
            if not self.type(text):
                break
        self.finish()

    def finish(self) -> None:
        """Leaving: a line EDIT put up ends its row."""
        if (self.editing is not None or self.numbered is not None) and self.editor is None:
            self._show_typed("")
        self.editing = self.numbered = None
        self.rt.flush()

    def _transcribe(self, text: str) -> None:
        """A line the screen editor read: in the output (not again on the screen)."""
        if self.echo:
            self.rt.flush()
            self.rt.console.write(text + "\n")

    def _cursor_to(self, shown: int, at: int) -> None:
        """The screen editor's cursor onto character ``at`` of the line just put up (``shown``
        characters long, ending where the cursor is)."""
        screen = self.screen
        end = (screen.row - 1) * screen.width + screen.col - 1 + (1 if screen.overflow else 0)
        start = end - shown
        target = start + min(at, shown)
        screen.move(target // screen.width + 1, target % screen.width + 1)

    def _show_typed(self, text: str, end: str = "\n") -> None:
        if self.echo:
            self.rt.write(text + end)
            self.rt.flush()
        else:
            self.screen.put(text + end)

    def _attempt(self, action, *args) -> bool:
        """Run something typed; say Ok, or what went wrong.  False when it asked to leave."""
        try:
            with self.running():
                action(*args)
        except (ProgramExit, _Leave):             # _Leave: SYSTEM while the program waited
            return False
        except LanguageError as error:
            self._failed(error)
            return True
        except EOFError:
            self.tell("Input past end")
            self.ok()
            return True
        except KeyboardInterrupt:
            self.broken()
            return True
        if self.pending is not None:              # typed while it waited: serve types it
            return True
        if not self._put_up_number():             # AUTO starts numbering instead of Ok
            self.ok()
        return True


def _mistake(error: LanguageError, text: str) -> int | None:
    """Where in a line's text GW-BASIC's cursor stands after its syntax error: where the
    mistake was found, and for a statement that begins with an unknown word (GW-BASIC
    takes it for a variable, waiting for its =) just after that word."""
    column = getattr(error, "column", None)
    if column is None:
        return None
    if getattr(error, "detail", "").startswith("unknown word"):
        match = _NAME_AND_BLANKS.match(text, column)
        if match:
            return match.end()
    return column
