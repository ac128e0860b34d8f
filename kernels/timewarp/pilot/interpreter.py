"""Running PILOT lessons: the variables, the match flag, jumps, subroutines and linked lessons.

A :class:`Lesson` is a parsed cell or file.  Labels live in a namespace: every cell of a
notebook shares one, so a subroutine defined in an earlier cell can be used later; a lesson
reached by L: has its own.  The statement table maps each kind of action to its method.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from timewarp.pilot import graphics, screen
from timewarp.pilot.ast import (
    Accept, Action, BinaryOp, Check, ClearScreen, Comparison, Compute, Condition, End, Expression,
    FileStatement, FunctionCall, Graphics, Jump, JumpMatch, Link, Logical, Match, MoveCursor, Negate, Not, Number,
    Problem, Remark, Statement, String, Substitution, SystemCommand, Text, TypeText, Use, Variable,
    Wait,
)
from timewarp.pilot.errors import PilotError
from timewarp.pilot.matching import MatchResult, find_match
from timewarp.pilot.parser import ParsedLesson, parse_lesson
from timewarp.pilot.values import (
    FUNCTIONS, Value, arithmetic, checked_words, compare, negate, number_in, quote, show,
)
from timewarp.turtle.colours import TurtleError

if TYPE_CHECKING:
    from timewarp.engine import Session

#: The standard's %maxuses: more U: without E: than this is a subroutine using itself forever.
MAX_USES = 1000
#: Lessons linking lessons this deep are linking themselves in a circle.
MAX_LINKS = 20
NO_MATCH = MatchResult(0, "", "", "")
SYSTEM_VARIABLES: dict[str, Value] = {
    **{key: "" if key[0] == "$" else 0 for key in screen.SYSTEM_VARIABLES.values()},
    "#%MAXUSES": MAX_USES}
#: Which system variable keeps the last value each kind of operator worked out.
_KEPT_AS = {"+": "#%EXPRESSION", "-": "#%EXPRESSION", "*": "#%TERM", "/": "#%TERM",
            "%": "#%TERM"}


@dataclass(eq=False)
class Lesson:
    """Statements to run, and the namespace where their labels are found."""

    statements: list[Statement]
    namespace: dict[str, tuple[Lesson, int]]
    where: str | None = None  # the file name of a linked lesson; None for a cell
    folder: Path | None = None  # where its L: look; None: the current folder


@dataclass(frozen=True)
class Place:
    lesson: Lesson
    index: int


@dataclass
class Call:
    """A U: waiting for its subroutine's E:."""

    back_to: Place
    label: str
    line: int


@dataclass
class Run:
    """One run of a lesson: where it is and the U: calls it is inside."""

    place: Place
    calls: list[Call] = field(default_factory=list)


class Finished(Exception):
    """E: outside any subroutine: the lesson is over."""


class Interpreter:
    """Everything a PILOT session remembers between cells, and the machine that runs lessons."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.variables: dict[str, Value] = dict(SYSTEM_VARIABLES)
        self.matched = False
        self.labels: dict[str, tuple[Lesson, int]] = {}
        self.last_accept: Place | None = None
        self.last_problem: Place | None = None
        self.current: tuple[Lesson, Statement] | None = None
        self.links = 0
        self.random = random.Random()
        #: Text TH: typed that waits for the rest of its line, so that an A: straight after
        #: can show it as the question beside the input box, as Python's input() does.
        self.hanging = ""
        self.actions = {
            TypeText: self.type_text, Accept: self.accept, Match: self.match, Jump: self.jump,
            JumpMatch: self.jump_match, Use: self.use, End: self.end, Compute: self.compute,
            Remark: self.nothing, Problem: self.problem, Link: self.link, Wait: self.wait,
            Graphics: self.graphics, Check: self.check, ClearScreen: self.clear_screen,
            MoveCursor: self.move_cursor,
            SystemCommand: lambda action, run: screen.refuse_system(action),
            FileStatement: lambda action, run: self.render(action.text),
        }

    # --- running ---------------------------------------------------------------------------

    def run_cell(self, parsed: ParsedLesson) -> None:
        """Add the cell's labels to the notebook's (replacing older ones), then run it."""
        lesson = Lesson(parsed.statements, self.labels)
        for label, index in parsed.labels.items():
            self.labels[label] = (lesson, index)
        try:
            self.run(lesson)
        finally:
            self.write_hanging()

    def run(self, lesson: Lesson) -> None:
        run = Run(Place(lesson, 0))
        try:
            while self.step(run):
                pass
        except Finished:
            pass

    def step(self, run: Run) -> bool:
        """Run the statement at ``run.place``; False once the lesson has run off its end."""
        lesson, index = run.place.lesson, run.place.index
        if index >= len(lesson.statements):
            if run.calls:
                call = run.calls[-1]
                raise PilotError(f"U:*{call.label} ran its subroutine to the end of the lesson "
                                 f"without an E: to come back; put E: at the end of *{call.label}",
                                 call.line, where=call.back_to.lesson.where)
            return False
        statement = lesson.statements[index]
        self.current = lesson, statement
        run.place = Place(lesson, index + 1)
        try:
            if self.holds(statement.condition):
                self.actions[type(statement.action)](statement.action, run)
        except PilotError as err:
            raise err.at(statement.line, lesson.where) from None
        except TurtleError as err:
            raise PilotError(err.message, statement.line, where=lesson.where) from None
        # The reference keeps %nextstmt for the jump a line ends with and sets it to -1 (no
        # jump waiting) as each line ends: 0 in the first statement, -1 in every later one.
        self.variables["#%NEXTSTMT"] = -1
        return True

    @property
    def current_line(self) -> str | None:
        if self.current is None:
            return None
        lesson, statement = self.current
        return f"line {statement.line}" + (f" of {lesson.where}" if lesson.where else "")

    def holds(self, condition: Condition) -> bool:
        satisfied = (condition.flag is None or self.matched == (condition.flag == "Y")) and (
            condition.test is None or self.truth(condition.test))
        self.variables["#%SATISFIED"] = int(satisfied)
        return satisfied

    def truth(self, expression: Expression) -> bool:
        value = self.evaluate(expression)
        if isinstance(value, str):
            raise PilotError("a condition must be a comparison such as (#X > 5) or a number, "
                             f"not the words {quote(value)}")
        return value != 0

    # --- values ----------------------------------------------------------------------------

    def evaluate(self, expression: Expression) -> Value:
        # The system variables %factor, %term, %expression and %relation keep the last value
        # of their kind, as in the reference interpreter.
        variables = self.variables
        match expression:
            case String(value):
                return value
            case Number(value):
                variables["#%FACTOR"] = value
                return value
            case Variable(sigil, name):
                value = variables.get(f"{sigil}{name}", "" if sigil == "$" else 0)
                if sigil == "#":
                    variables["#%FACTOR"] = value
                return value
            case Negate(operand):
                value = negate(self.evaluate(operand))
                variables["#%TERM"] = value
                return value
            case BinaryOp(op, left, right):
                value = arithmetic(op, self.evaluate(left), self.evaluate(right))
                if not isinstance(value, str):
                    variables[_KEPT_AS[op]] = value
                return value
            case Comparison(op, left, right):
                value = compare(op, self.evaluate(left), self.evaluate(right))
                variables["#%RELATION"] = value
                return value
            case Logical("AND", left, right):
                return int(self.truth(left) and self.truth(right))
            case Logical("OR", left, right):
                return int(self.truth(left) or self.truth(right))
            case Not(operand):
                return int(not self.truth(operand))
            case FunctionCall(name, args):
                return FUNCTIONS[name].run([self.evaluate(arg) for arg in args], self.random)
        raise AssertionError(expression)

    def value_of(self, part: Substitution) -> str:
        return show(self.variables.get(f"{part.sigil}{part.name}",
                                       "" if part.sigil == "$" else 0))

    def render(self, text: Text) -> str:
        made = "".join(self.value_of(part) if isinstance(part, Substitution) else part.text
                       for part in text)
        self.variables["$%TEXT"] = made
        return made

    # --- the statements ----------------------------------------------------------------------

    def nothing(self, action: Action, run: Run) -> None:
        """R: is a remark for whoever reads the lesson."""

    def type_text(self, action: TypeText, run: Run) -> None:
        text = self.render(action.text)
        if action.newline:
            self.session.console.write(self.hanging + text + "\n")
            self.hanging = ""
        else:
            self.hanging += text

    def write_hanging(self) -> None:
        if self.hanging:
            self.session.console.write(self.hanging)
            self.hanging = ""

    def accept(self, action: Accept, run: Run) -> None:
        self.last_accept = Place(run.place.lesson, run.place.index - 1)
        try:
            question, self.hanging = self.hanging, ""
            answer = self.session.console.read_line(question)
        except EOFError:
            raise PilotError("A: is waiting for an answer, but no more answers can come") from None
        self.variables["$ANSWER"] = answer
        if action.target is not None:
            value = answer if action.target.sigil == "$" else number_in(answer)
            self.variables[str(action.target)] = value

    def match(self, action: Match, run: Run) -> None:
        found = find_match(action.alternatives, str(self.variables["$ANSWER"]), self.value_of)
        self.matched = found is not None
        parts = found or NO_MATCH
        self.variables.update({"$LEFT": parts.left, "$MATCH": parts.matched,
                               "$RIGHT": parts.right, "#MATCHED": parts.number})

    def jump(self, action: Jump, run: Run) -> None:
        if action.target == "@A":
            run.place = self._remembered(self.last_accept, "J:@A goes back to the last A:")
        elif action.target == "@P":
            run.place = self._remembered(self.last_problem, "J:@P goes back to the last PR:")
        elif action.target == "@M":
            run.place = self._next_match(run.place)
        else:
            run.place = self._label(run.place.lesson, action.target, "J:")

    def jump_match(self, action: JumpMatch, run: Run) -> None:
        number = int(self.variables["#MATCHED"])  # type: ignore[arg-type]
        if 0 < number <= len(action.targets):
            run.place = self._label(run.place.lesson, action.targets[number - 1], "JM:")

    def use(self, action: Use, run: Run) -> None:
        if len(run.calls) >= MAX_USES:
            raise PilotError(f"more than {MAX_USES} U: are waiting for their E:; does "
                             f"*{action.label} use itself over and over?")
        target = self._label(run.place.lesson, action.label, "U:")
        line = run.place.lesson.statements[run.place.index - 1].line
        run.calls.append(Call(run.place, action.label, line))
        # %returnN: the line the N-th waiting U: comes back to (the reference keeps a place in
        # its file); %uselevel: how many are waiting.
        self.variables[f"#%RETURN{len(run.calls)}"] = self._line_of(run.place)
        self.variables["#%USELEVEL"] = len(run.calls)
        run.place = target

    def end(self, action: End, run: Run) -> None:
        if action.status is not None:
            self.variables["#%STATUS"] = self.evaluate(action.status)
        if not run.calls:
            raise Finished
        run.place = run.calls.pop().back_to
        self.variables["#%USELEVEL"] = len(run.calls)

    def compute(self, action: Compute, run: Run) -> None:
        name = str(action.target)
        if isinstance(action.value, tuple):
            self.variables[name] = checked_words(self.render(action.value))
            return
        value = self.evaluate(action.value)
        if isinstance(value, str):
            raise PilotError(f"{name} holds a number, but {quote(value)} is words; "
                             f"use a $ variable for words")
        self.variables[name] = value

    def problem(self, action: Problem, run: Run) -> None:
        self.last_problem = Place(run.place.lesson, run.place.index - 1)

    def wait(self, action: Wait, run: Run) -> None:
        seconds = self.evaluate(action.seconds)
        if isinstance(seconds, str) or seconds < 0:
            raise PilotError(f"W: waits a number of seconds, not {quote(show(seconds))}")
        self.write_hanging()
        flush = getattr(self.session.console, "flush", None)
        if flush is not None:
            flush()
        time.sleep(seconds)

    def check(self, action: Check, run: Run) -> None:
        if not self.truth(action.condition):
            message = self.render(action.message)
            raise PilotError(f"check failed: {message}" if message else "check failed")

    def clear_screen(self, action: ClearScreen, run: Run) -> None:
        self.write_hanging()
        clear = getattr(self.session.console, "clear_screen", None)
        if clear is not None and action.sequence == screen.CLEAR_HOME:
            clear()
        else:
            self.session.console.write(action.sequence)

    def move_cursor(self, action: MoveCursor, run: Run) -> None:
        row, column = self.evaluate(action.row), self.evaluate(action.column)
        if isinstance(row, str) or isinstance(column, str):
            raise PilotError("CA: needs numbers for the row and the column, like CA:5,10")
        self.write_hanging()
        self.session.console.write(screen.cursor_text(int(row), int(column)))

    def graphics(self, action: Graphics, run: Run) -> None:
        for command in action.commands:
            graphics.run_command(command, self.session.turtle, self.evaluate, self.render)

    def link(self, action: Link, run: Run) -> None:
        name = self.render(action.path)
        lesson = self._linked_lesson(name, run.place.lesson.folder or Path.cwd())
        if self.links >= MAX_LINKS:
            raise PilotError(f"lessons link each other more than {MAX_LINKS} deep; "
                             f"does {name} link back to itself?")
        self.links += 1
        try:
            self.run(lesson)
        finally:
            self.links -= 1

    # --- finding places ----------------------------------------------------------------------

    def _label(self, lesson: Lesson, label: str, statement: str) -> Place:
        found = lesson.namespace.get(label)
        if found is None:
            raise PilotError(f"{statement}*{label} goes to the label *{label}, but there is no "
                             f"line starting with *{label}")
        return Place(*found)

    @staticmethod
    def _line_of(place: Place) -> int:
        statements = place.lesson.statements
        return statements[place.index].line if place.index < len(statements) else 0

    @staticmethod
    def _remembered(place: Place | None, what: str) -> Place:
        if place is None:
            raise PilotError(f"{what}, but none has run yet")
        return place

    @staticmethod
    def _next_match(place: Place) -> Place:
        statements = place.lesson.statements
        for index in range(place.index, len(statements)):
            if isinstance(statements[index].action, Match):
                return Place(place.lesson, index)
        raise PilotError("J:@M goes to the next M:, but there is no M: after this line")

    @staticmethod
    def _linked_lesson(name: str, folder: Path) -> Lesson:
        path = folder / name
        candidates = [path] if path.suffix else [path, path.with_suffix(".pil"),
                                                  path.with_suffix(".pilot")]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise PilotError(f"L: cannot find the lesson file {quote(name)}")
        try:
            source = found.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise PilotError(f"L: cannot read the lesson file {quote(name)}: {err}") from None
        try:
            parsed = parse_lesson(source)
        except PilotError as err:
            raise PilotError(err.reason, err.line, where=found.name) from None
        lesson = Lesson(parsed.statements, {}, where=found.name, folder=found.parent)
        lesson.namespace.update({label: (lesson, index) for label, index in parsed.labels.items()})
        return lesson
