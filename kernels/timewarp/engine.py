"""The contract every language engine offers its front ends.

A language (BASIC, Logo, PILOT) is a headless :class:`Session`: it executes source text,
talks to the outside world only through a :class:`Console`, and draws only through a
turtle world.  The Jupyter kernel, the ``timewarp`` command line and the tests are all
front ends over this one contract, so none of the engines imports anything from Jupyter.
"""

from __future__ import annotations

import abc
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal, TextIO

if TYPE_CHECKING:
    from timewarp.turtle.model import TurtleWorld

Completeness = Literal["complete", "incomplete", "invalid"]


class LanguageError(Exception):
    """Something went wrong in the program."""

    #: The name a front end shows for this kind of error (Jupyter's ``ename``).
    ename: ClassVar[str] = "ProgramError"

    def __init__(self, message: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.message = message or (type(self).__doc__ or "Error").strip()
        self.line = line
        self.column = column
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ProgramExit(Exception):
    """The program asked to stop the whole session (Logo's BYE); not an error."""


class Console(abc.ABC):
    """Where a program's text goes and where its input comes from."""

    @abc.abstractmethod
    def write(self, text: str) -> None:
        """Show ``text`` to the user; newlines are part of ``text``."""

    @abc.abstractmethod
    def read_line(self, prompt: str = "") -> str:
        """Show ``prompt``, wait for one line of input, return it without its newline.

        Raises EOFError when no more input can come.
        """

    def poll_key(self) -> str:
        """Return a key pressed since the last call, or "" (BASIC's INKEY$).

        Special keys are GW-BASIC's two characters, CHR$(0) and the scan code (see
        timewarp.keys)."""
        return ""

    def key_typed_ahead(self) -> str:
        """A key already pressed and not yet read, or "": unlike poll_key, never the start
        of listening for keys (BASIC's INPUT$(n) takes these before it asks for a line)."""
        return self.poll_key()

    @property
    def keys_ended(self) -> bool:
        """True when no key can ever come (scripted keys used up, piped input at its end)."""
        return False


class StreamConsole(Console):
    """A console over text streams: the command line's stdin and stdout."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.line_open = False
        self._keys = None

    def poll_key(self) -> str:
        if self._keys is None:
            from timewarp.keys import TerminalKeys
            self._keys = TerminalKeys(self.stdin)
        return self._keys.poll()

    def key_typed_ahead(self) -> str:
        # Keys only once INKEY$ has started listening: the terminal stays as it was.
        return self._keys.poll() if self._keys is not None else ""

    @property
    def keys_ended(self) -> bool:
        return self._keys is not None and self._keys.ended

    def write(self, text: str) -> None:
        if text:
            self.stdout.write(text)
            self.line_open = not text.endswith("\n")

    def read_line(self, prompt: str = "") -> str:
        if prompt:
            self.write(prompt)
        self.stdout.flush()
        if self._keys is not None:
            self._keys.pause()      # INPUT reads a whole line, echoed, as the terminal does
        line = self.stdin.readline()
        if not line:
            raise EOFError("no more input")
        if not self.stdin.isatty():
            # Echo scripted answers so a transcript reads like a session at a terminal.
            self.stdout.write(line if line.endswith("\n") else line + "\n")
        self.line_open = False
        return line.rstrip("\r\n")


class ScriptedConsole(Console):
    """A console fed from a list of answers that records all output: for tests and the grader.

    An answer that is Ctrl-C (:data:`CTRL_C`) breaks off the line asked for, as Ctrl-C at a
    terminal does: the question is left on its line and KeyboardInterrupt raised."""

    CTRL_C = "\x03"

    def __init__(self, answers: list[str] | tuple[str, ...] = (), echo: bool = True,
                 keys: list[str] | tuple[str, ...] = ()) -> None:
        self.answers = list(answers)
        self.echo = echo
        #: Keys "pressed" one per poll_key call, GW-BASIC's codes (timewarp.keys).
        self.keys = list(keys)
        self.chunks: list[str] = []
        self.prompts: list[str] = []

    @property
    def output(self) -> str:
        return "".join(self.chunks)

    def write(self, text: str) -> None:
        self.chunks.append(text)

    def read_line(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        if prompt:
            self.write(prompt)
        if not self.answers:
            raise EOFError("no more input")
        answer = self.answers.pop(0)
        if answer == self.CTRL_C:
            self.write("\n")
            raise KeyboardInterrupt
        if self.echo:
            self.write(answer + "\n")
        return answer

    def poll_key(self) -> str:
        return self.keys.pop(0) if self.keys else ""

    @property
    def keys_ended(self) -> bool:
        return not self.keys


@dataclass(frozen=True)
class Completion:
    """Matches for the word around the cursor, replacing text[start:end]."""

    start: int
    end: int
    matches: list[str] = field(default_factory=list)


class Session(abc.ABC):
    """One running interpreter: its program, its variables, its turtle.

    ``execute`` runs a notebook cell or a command-line file and raises
    :class:`LanguageError` for mistakes in the program.  ``KeyboardInterrupt``
    passes through untouched and leaves the session usable, so the kernel's
    stop button and Ctrl-C both work.
    """

    language: ClassVar[str]
    display_name: ClassVar[str]
    file_extensions: ClassVar[tuple[str, ...]]

    def __init__(self, console: Console | None = None,
                 turtle: TurtleWorld | None = None) -> None:
        if turtle is None:
            from timewarp.turtle.model import TurtleWorld
            turtle = TurtleWorld()
        self.console = console if console is not None else StreamConsole()
        self.turtle = turtle

    @abc.abstractmethod
    def execute(self, source: str) -> None:
        """Run a cell: define, merge or run what ``source`` holds."""

    def run_file(self, source: str) -> None:
        """Run a whole program file from the command line (default: as one cell)."""
        self.execute(source)

    def take_music(self) -> list:
        """The tones played since the last call (:class:`timewarp.sound.tune.Tone`), handed
        over once: a front end makes them into sound.  A language without sound has none."""
        return []

    @abc.abstractmethod
    def is_complete(self, source: str) -> Completeness:
        """Whether ``source`` is ready to run or needs more lines (an open block)."""

    @abc.abstractmethod
    def complete(self, source: str, cursor_pos: int) -> Completion:
        """Keywords and the program's own names that fit the word at the cursor."""

    @abc.abstractmethod
    def inspect(self, source: str, cursor_pos: int) -> str | None:
        """Help text (syntax and one example) for the word at the cursor, if any."""

    @abc.abstractmethod
    def variables(self) -> dict[str, object]:
        """The program's variables by name, as Python values."""
