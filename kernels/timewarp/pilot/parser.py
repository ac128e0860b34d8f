"""Building a lesson's statements from its lines.

The keyword table maps each statement name (short and long: T and TYPE) to the function
that reads its operand, so a new statement is one entry.  A suffix Y or N (``TY:``, ``JN:``)
and a condition in brackets (``T(#X > 5):``) may follow any keyword.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from timewarp.pilot import graphics, screen
from timewarp.pilot.ast import (
    Accept, Action, Check, Compute, Condition, End, FileStatement, Graphics, Jump, JumpMatch, Link,
    Match, PlainText, Problem, Remark, Statement, Substitution, Text, TypeText, Use, Wait, Wildcard,
)
from timewarp.pilot.errors import PilotError
from timewarp.pilot.expressions import parse_expression, variable_from
from timewarp.pilot.lexer import NAME, LineFields, split_line, tokenize

_SUBSTITUTION = re.compile(rf"[$#]({NAME})")
_LABEL_REF = re.compile(rf"\*?({NAME})")
#: The reference interpreter's escapes; any other character after \ stands for itself.
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "a": "\a"}
_HEX_ESCAPE = re.compile(r"x([0-9A-Fa-f]{2})")
#: M: separates alternatives with any of the standard's three characters.
_ALTERNATION = ",|!"


# --- text ----------------------------------------------------------------------------------

def parse_text(text: str, wildcards: bool = False) -> Text:
    """Text with ``$NAME``/``#NAME``/``%ANSWER`` substitutions; ``\\`` keeps the next
    character as it is."""
    parts: list = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            parts.append(PlainText("".join(plain)))
            plain.clear()

    i = 0
    while i < len(text):
        char = text[i]
        found = _substitution(text, i)
        if char == "\\" and i + 1 < len(text):
            escaped, i = _escape(text, i + 1)
            plain.append(escaped)
        elif found:
            flush()
            parts.append(found[0])
            i = found[1]
        elif wildcards and char in "*?":
            flush()
            parts.append(Wildcard(char))  # type: ignore[arg-type]
            i += 1
        else:
            plain.append(char)
            i += 1
    flush()
    return tuple(parts)


def _escape(text: str, i: int) -> tuple[str, int]:
    """The character an escape at ``text[i]`` (after its backslash) stands for, and where the
    text goes on: ``\\n`` ``\\t`` ``\\b`` ``\\r`` ``\\a``, ``\\xdd`` in hex, ``\\^c`` a control
    key."""
    char = text[i]
    if (found := _HEX_ESCAPE.match(text, i)) is not None:
        return chr(int(found.group(1), 16)), found.end()
    if char == "^" and i + 1 < len(text):
        return chr(ord(text[i + 1]) & 0x1F), i + 2
    return _ESCAPES.get(char, char), i + 1


def _substitution(text: str, i: int) -> tuple[Substitution, int] | None:
    """The variable named at ``text[i]``, and where its name ends."""
    if text[i] in "$#" and (found := _SUBSTITUTION.match(text, i)):
        sigil, name = text[i], found.group(1).upper()
    elif text[i] == "%" and (found := screen.SYSTEM_NAME.match(text, i)):
        sigil, name = screen.system_variable(found.group(1))
    else:
        return None
    return Substitution(sigil, name), found.end()  # type: ignore[arg-type]


def split_alternatives(text: str) -> list[str]:
    """M:'s alternatives, split at unescaped , | or !, spaces around each dropped."""
    pieces, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if text[i] in _ALTERNATION:
            pieces.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


# --- operands, one reader per statement -----------------------------------------------------

def _type(operand: str) -> Action:
    return TypeText(parse_text(operand))


def _type_hang(operand: str) -> Action:
    return TypeText(parse_text(operand), newline=False)


def _accept(operand: str) -> Action:
    tokens = tokenize(operand)
    if tokens[0].kind == "end":
        return Accept(None)
    target = variable_from(tokens[0])
    if target is None or tokens[1].kind != "end":
        raise PilotError("A: keeps the answer in one variable, like A:$NAME or A:#AGE")
    return Accept(target)


def _match(operand: str) -> Action:
    alternatives = tuple(parse_text(piece, wildcards=True)
                         for piece in split_alternatives(operand))
    if not alternatives:
        raise PilotError("M: needs the words to look for, like M:YES,YEAH,SURE")
    return Match(alternatives)


def label_reference(text: str, statement: str) -> str:
    found = _LABEL_REF.fullmatch(text.strip())
    if found is None:
        raise PilotError(f"{statement} needs a label to go to, like {statement}*START")
    return found.group(1).upper()


def _jump(operand: str) -> Action:
    special = operand.strip().upper()
    if special in ("@A", "@M", "@P"):
        return Jump(special)
    return Jump(label_reference(operand, "J:"))


def _jump_match(operand: str) -> Action:
    return JumpMatch(tuple(label_reference(part, "JM:") for part in operand.split(",")))


def _use(operand: str) -> Action:
    return Use(label_reference(operand, "U:"))


def _end(operand: str) -> Action:
    # The reference interpreter's E:expression gives the lesson's status.
    return End(parse_expression(operand) if operand.strip() else None)


def _compute(operand: str) -> Action:
    target_text, equals, value = operand.partition("=")
    if not equals:
        raise PilotError("C: needs an =, like C:#SCORE = #SCORE + 1")
    tokens = tokenize(target_text)
    target = variable_from(tokens[0])
    if target is None or tokens[1].kind != "end":
        raise PilotError("C: puts a value in one variable, like C:#SCORE = 0 or C:$NAME = Ann")
    if tokens[0].kind == "sysvar":
        raise PilotError(f"{tokens[0].text} is a system variable: PILOT sets it, a lesson "
                         "only reads it")
    if target.sigil == "$":
        return Compute(target, parse_text(value.lstrip()))
    return Compute(target, parse_expression(value))


def _link(operand: str) -> Action:
    if not operand.strip():
        raise PilotError("L: needs the name of a lesson file, like L:fractions.pil")
    return Link(parse_text(operand.strip()))


def _wait(operand: str) -> Action:
    if not operand.strip():
        raise PilotError("W: needs a number of seconds, like W:2")
    return Wait(parse_expression(operand))


def _graphics(operand: str) -> Action:
    return Graphics(graphics.parse_commands(operand, parse_text))


def _check(operand: str) -> Action:
    condition, comma, message = _split_check(operand)
    if not condition.strip():
        raise PilotError("CK: needs a condition and a message, like CK:#SCORE = 3, "
                         "the score should be 3")
    try:
        test = parse_expression(condition)
    except PilotError as err:
        raise PilotError(f"CK:'s condition {condition.strip()} is not right: "
                         f"{err.reason}") from None
    return Check(test, parse_text(message.strip()) if comma else ())


def _split_check(operand: str) -> tuple[str, str, str]:
    """Condition and message split at the first comma outside quotes."""
    quoted = False
    for i, char in enumerate(operand):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            return operand[:i], ",", operand[i + 1:]
    return operand, "", ""


@dataclass(frozen=True)
class KeywordSpec:
    name: str
    long_name: str
    read: Callable[[str], Action]
    flag: str | None = None  # Y: and N: carry their own condition


KEYWORDS: tuple[KeywordSpec, ...] = (
    KeywordSpec("T", "TYPE", _type),
    KeywordSpec("TH", "TYPEHANG", _type_hang),
    KeywordSpec("A", "ACCEPT", _accept),
    KeywordSpec("M", "MATCH", _match),
    KeywordSpec("Y", "YES", _type, flag="Y"),
    KeywordSpec("N", "NO", _type, flag="N"),
    KeywordSpec("J", "JUMP", _jump),
    KeywordSpec("JM", "JUMPMATCH", _jump_match),
    KeywordSpec("U", "USE", _use),
    KeywordSpec("E", "END", _end),
    KeywordSpec("C", "COMPUTE", _compute),
    KeywordSpec("R", "REMARK", lambda operand: Remark()),
    KeywordSpec("PR", "PROBLEM", lambda operand: Problem()),
    KeywordSpec("F", "FILE", lambda operand: FileStatement(parse_text(operand))),
    KeywordSpec("L", "LINK", _link),
    KeywordSpec("W", "WAIT", _wait),
    KeywordSpec("G", "GRAPHICS", _graphics),
    KeywordSpec("CK", "CHECK", _check),
    KeywordSpec("CH", "CLEARHOME", screen.read_clear_home),
    KeywordSpec("CA", "CURSADDR", lambda operand: screen.read_cursor_address(
        operand, parse_expression)),
    KeywordSpec("CL", "CLEARLINE", screen.read_clear_line),
    KeywordSpec("CE", "CLEAREND", screen.read_clear_end),
    KeywordSpec("XS", "SYSTEM", screen.read_system),
)
_BY_NAME: dict[str, KeywordSpec] = {
    **{spec.name: spec for spec in KEYWORDS},
    **{spec.long_name: spec for spec in KEYWORDS},
}
#: Other names old PILOTs used: Nevada PILOT's PA:/PAUSE: for W:, GRAPHIC for G:.
_BY_NAME.update({"PA": _BY_NAME["W"], "PAUSE": _BY_NAME["W"], "GRAPHIC": _BY_NAME["G"]})


def keyword_names() -> list[str]:
    return sorted(_BY_NAME)


def resolve_head(head: str) -> tuple[KeywordSpec, str | None]:
    """The statement a keyword names, and its Y/N suffix if it has one."""
    upper = head.upper()
    if upper in _BY_NAME:
        return _BY_NAME[upper], None
    if upper[-1:] in ("Y", "N") and upper[:-1] in _BY_NAME:
        return _BY_NAME[upper[:-1]], upper[-1]
    close = difflib.get_close_matches(upper, _BY_NAME, n=1)
    hint = f" Did you mean {close[0]}:?" if close else ""
    raise PilotError(f"there is no statement called {head}:.{hint}")


# --- a whole lesson --------------------------------------------------------------------------

@dataclass
class ParsedLesson:
    """The statements of a lesson and where its labels point (the index of the next statement)."""

    statements: list[Statement] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    label_lines: dict[str, int] = field(default_factory=dict)


def parse_lesson(source: str) -> ParsedLesson:
    """Parse every line; the first mistake raises a PilotError naming its line."""
    lesson = ParsedLesson()
    previous: tuple[KeywordSpec, Condition] | None = None
    for number, text in _logical_lines(source):
        if text.startswith("#"):
            continue  # the reference's option lines (#v...), and a #! line, set nothing here
        fields = split_line(text, number)
        if fields is None:
            continue
        if fields.label is not None:
            _add_label(lesson, fields.label, number)
        if fields.operand is None:
            continue
        try:
            spec, condition = _keyword_and_condition(fields, previous)
            action = spec.read(fields.operand)
        except PilotError as err:
            raise err.at(number) from None
        lesson.statements.append(Statement(number, spec.name, condition, action))
        previous = spec, condition
    return lesson


def _logical_lines(source: str) -> list[tuple[int, str]]:
    """The lines of a lesson, numbered; a line ending in one \\ goes on over the next, as in
    the reference interpreter."""
    lines: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, text in enumerate(source.splitlines(), start=1):
        if pending is not None:
            number, text = pending[0], pending[1] + text
            pending = None
        stripped = text.rstrip("\r")
        if stripped.endswith("\\") and not stripped.endswith("\\\\"):
            pending = (number, stripped[:-1])
            continue
        lines.append((number, text))
    if pending is not None:
        lines.append(pending)
    return lines


def _add_label(lesson: ParsedLesson, label: str, line: int) -> None:
    if label in lesson.labels:
        raise PilotError(f"the label *{label} is already on line {lesson.label_lines[label]}; "
                         "each label may be used once", line)
    lesson.labels[label] = len(lesson.statements)
    lesson.label_lines[label] = line


def _keyword_and_condition(fields: LineFields, previous: tuple[KeywordSpec, Condition] | None
                           ) -> tuple[KeywordSpec, Condition]:
    if fields.continues:
        if previous is None:
            raise PilotError("a line that starts with : continues the statement above it, "
                             "but there is none")
        return previous
    assert fields.head is not None
    spec, suffix = resolve_head(fields.head)
    if spec.flag and suffix:
        raise PilotError(f"{spec.name}: already tests the last match; write T{suffix}: instead")
    test = None
    if fields.condition is not None:
        if not fields.condition.strip():
            raise PilotError("the brackets hold no condition; write one like (#SCORE > 5)")
        try:
            test = parse_expression(fields.condition)
        except PilotError as err:
            raise PilotError(f"the condition ({fields.condition.strip()}) is not right: "
                             f"{err.reason}") from None
    return spec, Condition(spec.flag or suffix, test)  # type: ignore[arg-type]
