"""The reference interpreter's screen statements and system variables.

CH: (CLEARHOME), CA: (CURSADDR row, column), CL: (CLEARLINE) and CE: (CLEAREND) send the
ANSI sequences a terminal (and the reference interpreter's output) uses; a console that
can clear its screen itself (a notebook's) is asked to instead.  XS: (SYSTEM) would run a
shell command, which a lesson in a shared notebook server must not do.

The ``%`` system variables of IEEE 1154 (section 4.8 of its correction sheet) as the
reference interpreter keeps them: ``%factor``, ``%term``, ``%expression`` and ``%relation``
hold the last value of that kind worked out, ``%satisfied`` whether the last condition held,
``%uselevel`` how many U: wait for their E:, ``%text`` the last text made, and so on.
"""

from __future__ import annotations

import re

from timewarp.pilot.ast import Action, ClearScreen, Expression, MoveCursor, SystemCommand
from timewarp.pilot.errors import PilotError

#: Each system variable, and the variable the interpreter keeps it in.
SYSTEM_VARIABLES: dict[str, str] = {
    "ANSWER": "$ANSWER", "LEFT": "$LEFT", "MATCH": "$MATCH", "RIGHT": "$RIGHT",
    "MATCHED": "#MATCHED", "TEXT": "$%TEXT",
    **{name: f"#%{name}" for name in ("EXPRESSION", "TERM", "FACTOR", "RELATION", "SATISFIED",
                                      "USELEVEL", "MAXUSES", "NEXTSTMT", "STATUS")},
}
#: ``%name`` (or ``%return1``...) naming a system variable, in text or in an expression.
SYSTEM_NAME = re.compile(r"%(" + "|".join(sorted(SYSTEM_VARIABLES, key=len, reverse=True))
                         + r"|RETURN\d+)(?![A-Za-z0-9_])", re.IGNORECASE)

CLEAR_HOME = "\x1b[H\x1b[2J"
CLEAR_LINE = "\x1b[K"
CLEAR_END = "\x1b[J"


def system_variable(name: str) -> tuple[str, str]:
    """The sigil and the name under which the interpreter keeps ``%name``."""
    key = SYSTEM_VARIABLES.get(name.upper(), f"#%{name.upper()}")
    return key[0], key[1:]


def read_clear_home(operand: str) -> Action:
    return ClearScreen(CLEAR_HOME)


def read_clear_line(operand: str) -> Action:
    return ClearScreen(CLEAR_LINE)


def read_clear_end(operand: str) -> Action:
    return ClearScreen(CLEAR_END)


def read_cursor_address(operand: str, parse_expression) -> Action:  # noqa: ANN001
    row, comma, column = operand.partition(",")
    if not comma or not row.strip() or not column.strip():
        raise PilotError("CA: needs a row and a column, like CA:5,10")
    position: tuple[Expression, Expression] = (parse_expression(row), parse_expression(column))
    return MoveCursor(*position)


def read_system(operand: str) -> Action:
    return SystemCommand(operand.strip())


def refuse_system(action: SystemCommand) -> None:
    raise PilotError(f"XS:{action.command} would run a command on the computer; lessons in "
                     "Time Warp cannot do that")


def cursor_text(row: int, column: int) -> str:
    if not (0 <= row <= 1000 and 0 <= column <= 1000):
        raise PilotError(f"CA: needs a row and a column on the screen, not {row},{column}")
    return f"\x1b[{row};{column}H"
