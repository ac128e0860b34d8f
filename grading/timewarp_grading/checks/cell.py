"""``%%check`` cells: Python that a teacher runs in the kernel against the student's session.

The kernel adapter hands a cell that starts with ``%%check`` to :func:`run_check_cell`.  The
cell's Python runs with the check functions in scope (see :func:`check_namespace`); a failed
check becomes an error reply with the check's sentence and no traceback, a mistake in the
check itself an error that says so to the teacher.
"""

from __future__ import annotations

import base64
import traceback
from collections.abc import Callable

from timewarp.engine import ScriptedConsole, Session
from timewarp.languages import LANGUAGES
from timewarp_grading.checks import expectations as ex
from timewarp_grading.checks import is_check_cell  # noqa: F401 - part of this module's API
from timewarp_grading.checks.drawing import DEFAULT_TOLERANCE, Drawing
from timewarp_grading.checks.failures import CheckFailed
from timewarp_grading.checks.picture import side_by_side
from timewarp_grading.checks.program import Program

ErrorReply = tuple[str, str] | None
#: Shows a rich output (a dict of MIME type to data) in the cell: the kernel's display.
Show = Callable[[dict], None]


def check_body(source: str) -> str:
    """The Python under the ``%%check`` line."""
    return source.lstrip().split("\n", 1)[1] if "\n" in source.lstrip() else ""


def run_check_cell(session: Session, source: str, previous_cell: str | None,
                   show: Show, say: Callable[[str], None] = print) -> ErrorReply:
    """Run one ``%%check`` cell; None if every check passed, else (ename, evalue)."""
    namespace = check_namespace(Program(session, previous_cell), show, say)
    code = check_body(source)
    try:
        exec(compile(code, "<check>", "exec"), namespace)  # noqa: S102 - the teacher's own code
    except CheckFailed as failed:
        return "CheckFailed", failed.message
    except AssertionError as failed:
        # A plain Python assert in a check: its message is the teacher's sentence.
        return "CheckFailed", str(failed) or "a check in this cell failed"
    except KeyboardInterrupt:
        return "KeyboardInterrupt", "Break"
    except Exception as err:  # noqa: BLE001 - the teacher's check has a mistake; say where
        line = _check_line(err)
        return ("CheckError", f"the check itself went wrong{line}: {type(err).__name__}: "
                f"{err}. (This is a mistake in the test, not in the student's work.)")
    return None


def _check_line(err: BaseException) -> str:
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename == "<check>":
            return f" on line {frame.lineno + 1} of the check cell"
    return ""


def check_namespace(program: Program, show: Show, say: Callable[[str], None]) -> dict:
    """The names a ``%%check`` cell can use (documented in docs/grading.md)."""
    last: list = []

    def run(source: str | None = None, inputs=(), allow_error: bool = False):
        result = program.run(source, inputs, allow_error)
        last[:] = [result]
        return result

    def printed(result=None):
        if result is not None:
            return result
        if not last:
            raise CheckFailed("this check reads the output of run(...), but nothing was run")
        return last[0]

    def drawing(tolerance: float = DEFAULT_TOLERANCE) -> Drawing:
        if last:
            found = last[0].drawing
            found.tolerance = tolerance
            return found
        return Drawing.of(program.session.turtle, tolerance)

    def draw(source: str, language: str | None = None) -> Drawing:
        """The drawing ``source`` makes in a fresh session (the notebook's language by default)."""
        lang = LANGUAGES[language or program.language]
        fresh = lang.session_class()(console=ScriptedConsole())
        fresh.execute(source)
        return Drawing.of(fresh.turtle)

    def passed(text: str) -> None:
        say(f"passed: {text}")

    def expect_output(expected: str, result=None) -> None:
        ex.expect_output(printed(result), expected)
        passed("the output is as expected")

    def expect_contains(expected: str, result=None, ignore_case: bool = False) -> None:
        ex.expect_contains(printed(result), expected, ignore_case)
        passed(f"the output contains {expected!r}")

    def expect_regex(pattern: str, result=None, description: str | None = None) -> None:
        ex.expect_regex(printed(result), pattern, description)
        passed(f"the output contains {description or pattern}")

    def expect_numbers(expected, result=None, tolerance: float = 1e-6) -> None:
        ex.expect_numbers(printed(result), expected, tolerance)
        passed("the numbers printed are right")

    def expect_variable(name: str, expected, tolerance: float = 1e-6) -> None:
        ex.expect_value(name, program.variable(name), expected, tolerance)
        passed(f"{name} is right")

    def expect_call(name: str, inputs, expected, tolerance: float = 1e-6) -> None:
        args = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        shown = f"{name}({', '.join(map(repr, args))})" if program.language == "basic" else (
            " ".join([name] + [str(a) for a in args]))
        ex.expect_value(shown, program.call(name, *args), expected, tolerance)
        passed(f"{shown} gives the right answer")

    def expect_drawing(expected: Drawing, tolerance: float = DEFAULT_TOLERANCE,
                       same_place: bool = False, student: Drawing | None = None) -> None:
        mine = student if student is not None else drawing(tolerance)
        picture = side_by_side(mine, expected)
        show({"image/png": base64.b64encode(picture).decode("ascii"),
              "text/plain": "<your drawing beside the expected one>"})
        ex.expect_drawing(mine, expected, tolerance, same_place)
        passed("your drawing matches the expected one")

    def expect_shape(name: str = "drawing", student: Drawing | None = None, **facts) -> None:
        mine = student if student is not None else drawing(facts.get("tolerance",
                                                                     DEFAULT_TOLERANCE))
        ex.expect_shape(mine, name, **facts)
        passed(f"your {name} is right")

    return {
        "__name__": "__check__", "session": program.session, "language": program.language,
        "run": run, "variable": program.variable, "call": program.call, "drawing": drawing,
        "draw": draw, "polyline": Drawing.from_points, "numbers_in": ex.numbers_in,
        "CheckFailed": CheckFailed,
        "expect_output": expect_output, "expect_contains": expect_contains,
        "expect_regex": expect_regex, "expect_numbers": expect_numbers,
        "expect_variable": expect_variable, "expect_call": expect_call,
        "expect_drawing": expect_drawing, "expect_shape": expect_shape,
    }
