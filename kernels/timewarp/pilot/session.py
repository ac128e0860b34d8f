"""The headless PILOT session: what the kernel, ``timewarp run`` and the tests talk to.

A cell (or a file) is a lesson: it runs from its first line until E: or its last line.
Labels it defines are kept, replacing older ones with the same name, so later cells can
J: or U: to them; variables and the last answer stay too.  A cell that only defines
subroutines starts with E:, the usual PILOT layout of "main part, E:, subroutines".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from timewarp.engine import Completeness, Completion, Console, Session
from timewarp.pilot import graphics
from timewarp.pilot.errors import PilotError
from timewarp.pilot.help import statement_help, turtle_help
from timewarp.pilot.interpreter import Interpreter
from timewarp.pilot.parser import keyword_names, parse_lesson, resolve_head
from timewarp.pilot import sensors  # noqa: F401 - adds DEVICE() and SENSOR()
from timewarp.pilot.values import FUNCTIONS, show

if TYPE_CHECKING:
    from timewarp.turtle.model import TurtleWorld

_WORD_BEFORE = re.compile(r"[*$#@]?[A-Za-z0-9_]*$")
_WORD_AFTER = re.compile(r"[A-Za-z0-9_]*")
_LABEL_IN_SOURCE = re.compile(r"^\s*\*([A-Za-z][A-Za-z0-9_]*)", re.MULTILINE)
_VARIABLE_IN_SOURCE = re.compile(r"([$#])([A-Za-z][A-Za-z0-9_]*)")


class PilotSession(Session):
    """One PILOT interpreter with its variables, labels and turtle."""

    language: ClassVar[str] = "pilot"
    display_name: ClassVar[str] = "PILOT"
    file_extensions: ClassVar[tuple[str, ...]] = (".pil", ".pilot")

    def __init__(self, console: Console | None = None, turtle: TurtleWorld | None = None) -> None:
        super().__init__(console, turtle)
        self.interpreter = Interpreter(self)

    @property
    def current_line(self) -> str | None:
        """Where the lesson is ("line 5"), for the kernel's Break message."""
        return self.interpreter.current_line

    def execute(self, source: str) -> None:
        self.interpreter.run_cell(parse_lesson(source))

    def is_complete(self, source: str) -> Completeness:
        # PILOT has no blocks that span lines: every line is whole.
        try:
            parse_lesson(source)
        except PilotError:
            return "invalid"
        return "complete"

    def variables(self) -> dict[str, object]:
        return dict(self.interpreter.variables)

    # --- completion and help -------------------------------------------------------------

    def complete(self, source: str, cursor_pos: int) -> Completion:
        before = source[:cursor_pos]
        word = _WORD_BEFORE.search(before).group()  # type: ignore[union-attr]
        start = cursor_pos - len(word)
        line_start = before[:start].rsplit("\n", 1)[-1]
        # The half-typed word itself is not a name the program uses yet.
        candidates = self._candidates(word, line_start, source[:start] + source[cursor_pos:])
        matches = sorted({c for c in candidates if c.upper().startswith(word.upper())})
        return Completion(start, cursor_pos, matches)

    def _candidates(self, word: str, line_start: str, source: str) -> list[str]:
        if word.startswith("*"):
            return [f"*{label}" for label in self._labels(source)]
        if word and word[0] in "$#":
            return [name for name in self._variable_names(source) if name[0] == word[0]]
        if re.fullmatch(r"\s*(\*\S+\s+)?", line_start):
            return [f"{name}:" for name in keyword_names()]
        if re.match(r"\s*(\*\S+\s+)?G\w*(\(.*\))?:", line_start, re.IGNORECASE):
            return graphics.command_names()
        if re.match(r"\s*(\*\S+\s+)?(J|U|JM)\w*(\(.*\))?:", line_start, re.IGNORECASE):
            return [f"*{label}" for label in self._labels(source)]
        return []

    def _labels(self, source: str) -> set[str]:
        return {*self.interpreter.labels, *(m.upper() for m in _LABEL_IN_SOURCE.findall(source))}

    def _variable_names(self, source: str) -> set[str]:
        known = set(self.interpreter.variables)
        return known | {f"{sigil}{name.upper()}" for sigil, name in
                        _VARIABLE_IN_SOURCE.findall(source)}

    def inspect(self, source: str, cursor_pos: int) -> str | None:
        before = _WORD_BEFORE.search(source[:cursor_pos]).group()  # type: ignore[union-attr]
        after = _WORD_AFTER.match(source, cursor_pos).group()  # type: ignore[union-attr]
        word = (before + after).upper()
        if not word:
            return None
        if word[0] in "$#":
            value = self.interpreter.variables.get(word)
            return None if value is None else f"{word} = {show(value)!r}"[:2000]
        line_start = source[:cursor_pos - len(before)].rsplit("\n", 1)[-1]
        if re.fullmatch(r"\s*(\*\S+\s+)?", line_start):
            return _statement_help(word)
        if word in FUNCTIONS:
            return f"{FUNCTIONS[word].help}\n\nExample:\n    C:#DICE = RND(6)"
        spec = graphics.lookup(word)
        return turtle_help(spec.name) if spec else None


def _statement_help(word: str) -> str | None:
    try:
        spec, _suffix = resolve_head(word)
    except PilotError:
        return None
    return statement_help(spec.name, spec.long_name)
