"""Running the student's program from a check: with given input, and reading what it left.

:class:`Program` wraps the engine :class:`~timewarp.engine.Session` of the notebook being
graded.  ``run`` runs some source (by default the cell above the check) with a scripted
console holding the test's answers, on a clean turtle, and returns a :class:`ProgramRun`:
its transcript, its drawing, the questions it asked.  ``variable`` and ``call`` read what
the program defined: variables and arrays, Logo procedures, BASIC FUNCTIONs and DEF FNs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from timewarp.engine import Console, LanguageError, ScriptedConsole, Session
from timewarp.languages import LANGUAGES
from timewarp_grading.checks.drawing import Drawing
from timewarp_grading.checks.failures import CheckFailed, show

#: The line BASIC's ``call`` borrows to evaluate a FUNCTION (GW-BASIC's last line number).
_SPARE_LINE = 65529


@dataclass
class ProgramRun:
    """What one run of the program did."""

    output: str
    drawing: Drawing
    prompts: list[str]
    error: str | None = None

    def __str__(self) -> str:
        return self.output


class Program:
    """The notebook's session as the checks see it."""

    def __init__(self, session: Session, previous_cell: str | None = None) -> None:
        self.session = session
        self.previous_cell = previous_cell

    @property
    def language(self) -> str:
        return self.session.language

    def run(self, source: str | None = None, inputs: list[str] | tuple[str, ...] = (),
            allow_error: bool = False) -> ProgramRun:
        """Run ``source`` (default: the cell above) answering its questions with ``inputs``."""
        if source is None:
            if self.previous_cell is None:
                raise CheckFailed("there is no cell above this check to run")
            source = self.previous_cell
        answers = [str(a) for a in inputs]
        # Not echoed: the transcript is what the program printed, as in GitHub Classroom's
        # input/output tests.
        console = ScriptedConsole(answers, echo=False)
        turtle = self.session.turtle
        turtle.clear_screen()
        error = None
        with _console(self.session, console):
            try:
                self.session.execute(source)
            except LanguageError as err:
                error = err.message
        asked = len(console.prompts)
        if error is not None and asked > len(answers):
            raise CheckFailed(f"your program asked for input {asked} times, but this test "
                              f"gives it only {len(answers)} answer"
                              f"{'' if len(answers) == 1 else 's'}"
                              + (f" ({', '.join(answers)})" if answers else ""))
        if error is not None and not allow_error:
            raise CheckFailed(f"your program stopped with an error: {error}")
        return ProgramRun(console.output, Drawing.of(turtle), list(console.prompts), error)

    def variable(self, name: str) -> object:
        """The value of a variable (or a BASIC array, as a list) the program set."""
        found = _lookup(self.session.variables(), name, self.language)
        if found is _MISSING:
            raise CheckFailed(f"your program has no variable called {name}")
        return found

    def call(self, name: str, *inputs: object) -> object:
        """What a Logo procedure or a BASIC FUNCTION / DEF FN outputs for these inputs."""
        if self.language == "logo":
            return self._call_logo(name, list(inputs))
        if self.language == "basic":
            return self._call_basic(name, inputs)
        raise CheckFailed(f"{LANGUAGES[self.language].display_name} has no procedures to call")

    def _call_logo(self, name: str, inputs: list) -> object:
        interp = self.session.interp  # type: ignore[attr-defined]
        if interp.arity(name.lower()) is None:
            raise CheckFailed(f"your program has no procedure called {name}")
        console = ScriptedConsole()
        with _console(self.session, console):
            try:
                return interp.call(name.lower(), inputs)
            except LanguageError as err:
                raise CheckFailed(f"{name} {' '.join(show(i) for i in inputs)} stopped with "
                                  f"an error: {err.message}") from None

    def _call_basic(self, name: str, inputs: tuple) -> object:
        session = self.session
        text = name.upper()
        arguments = ", ".join(_basic_literal(i) for i in inputs)
        target = "TW.RESULT$" if text.endswith("$") else "TW.RESULT#"
        expression = f"{text}({arguments})" if inputs else text
        program = session.program  # type: ignore[attr-defined]
        if _SPARE_LINE in program.lines:
            raise CheckFailed(f"the program uses line {_SPARE_LINE}, which the checks need")
        program.set_line(_SPARE_LINE, f"{target} = {expression}")
        # RUN clears the variables; the program's own must survive a call for later checks.
        saved = dict(session.scalars), dict(session.arrays)  # type: ignore[attr-defined]
        try:
            with _console(session, ScriptedConsole()):
                session.run_program(_SPARE_LINE)  # type: ignore[attr-defined]
            return session.variables()[target]
        except LanguageError as err:
            raise CheckFailed(f"{expression} stopped with an error: {err.message}") from None
        finally:
            program.delete(_SPARE_LINE, _SPARE_LINE)
            for kept, live in zip(saved, (session.scalars, session.arrays)):  # type: ignore
                live.clear()
                live.update(kept)


_MISSING = object()


def _lookup(variables: dict[str, object], name: str, language: str) -> object:
    wanted = name.strip().lstrip(':"')
    if language == "logo":
        return variables.get(wanted.lower(), _MISSING)
    wanted = wanted.upper()
    candidates = [wanted]
    if language == "basic":
        candidates += [wanted + "!", wanted + "()", wanted.rstrip("!")]
    if language == "pilot" and wanted[:1] not in "#$":
        candidates = ["#" + wanted, "$" + wanted]
    for candidate in candidates:
        if candidate in variables:
            return variables[candidate]
    return _MISSING


def _basic_literal(value: object) -> str:
    if isinstance(value, str):
        if '"' in value:
            raise CheckFailed('a BASIC string cannot hold a " character')
        return f'"{value}"'
    return repr(float(value)) if isinstance(value, float) else str(int(value))


@contextlib.contextmanager
def _console(session: Session, console: Console) -> Iterator[None]:
    """Point the session (and the parts of it that keep their own console) at ``console``."""
    old = session.console
    holders = [session] + [part for part in vars(session).values()
                           if getattr(part, "console", None) is old]
    for holder in holders:
        holder.console = console
    try:
        yield
    finally:
        for holder in holders:
            holder.console = old
