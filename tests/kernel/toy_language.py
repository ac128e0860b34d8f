"""A toy language whose kernel exercises every path of the shared adapter.

Real engines should never crash, so the adapter's "internal error" path, and its plumbing
independent of any one engine, are checked against this small language.  One command per
line:

    say TEXT        write TEXT and a newline
    ask PROMPT      read a line and write "got <answer>"
    set NAME VALUE  remember a variable
    show NAME       write a variable
    spin            loop until interrupted, at line 120
    fail            a language error on the current line
    crash           a Python exception (an engine bug)
    bye             end the session (ProgramExit)
"""

from __future__ import annotations

from timewarp.engine import Completion, LanguageError, ProgramExit, Session
from timewarp.kernel.base import TimeWarpKernel, launch


class ToyError(LanguageError):
    """Toy says no."""

    ename = "ToyError"


class ToySession(Session):
    language = "toy"
    display_name = "Toy"
    file_extensions = (".toy",)
    words = ("say", "ask", "set", "show", "spin", "fail", "crash", "bye")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.names: dict[str, str] = {}
        self.current_line: int | None = None

    def execute(self, source: str) -> None:
        for number, line in enumerate(source.splitlines(), start=1):
            self.current_line = number
            word, _, rest = line.lstrip().partition(" ")
            self.run_command(word, rest, number)
        self.current_line = None

    def run_command(self, word: str, rest: str, number: int) -> None:
        if word == "say":
            self.console.write(rest + "\n")
        elif word == "ask":
            self.console.write(f"got {self.console.read_line(rest)}\n")
        elif word == "set":
            name, _, value = rest.partition(" ")
            self.names[name] = value
        elif word == "show":
            self.console.write(self.names.get(rest, "?") + "\n")
        elif word == "spin":
            self.current_line = 120
            while True:
                pass
        elif word == "fail":
            raise ToyError(f"Toy says no in {number}", line=number)
        elif word == "crash":
            raise ZeroDivisionError("division by zero")
        elif word == "bye":
            raise ProgramExit()

    def is_complete(self, source: str):
        return "incomplete" if source.rstrip().endswith("\\") else "complete"

    def complete(self, source: str, cursor_pos: int) -> Completion:
        start = cursor_pos
        while start > 0 and source[start - 1].isalpha():
            start -= 1
        stem = source[start:cursor_pos]
        return Completion(start, cursor_pos, [w for w in self.words if w.startswith(stem)])

    def inspect(self, source: str, cursor_pos: int) -> str | None:
        return "say TEXT: write TEXT" if source.startswith("say") else None

    def variables(self) -> dict[str, object]:
        return dict(self.names)


class ToyKernel(TimeWarpKernel):
    session_class = ToySession
    language_info = {"name": "toy", "mimetype": "text/x-toy", "file_extension": ".toy"}
    banner = "Toy"


if __name__ == "__main__":
    launch(ToyKernel)
