"""BASIC's keys, events and time: ON KEY, ON TIMER, KEY, SLEEP, TIME$ and DATE$.

``ON KEY(n) GOSUB``, ``ON TIMER(n) GOSUB`` and their ``KEY(n) ON/OFF/STOP`` and
``TIMER ON/OFF/STOP`` trap events as GW-BASIC does: a trap fires between statements, as a
GOSUB to its handler; while the handler runs its trap is stopped (an event is remembered,
not lost), and RETURN switches it on again unless the handler switched it off.  ON PLAY,
ON STRIG, ON PEN and ON COM (and PLAY, STRIG(n), PEN, COM(n) ON/OFF/STOP) are accepted
and checked, but never fire: there is no music queue, joystick, light pen or serial
interrupt here.

Checking costs nothing in programs that trap no keys and no timer: only when the main
program holds ``ON KEY`` or ``ON TIMER`` does the compiler put a check
(:class:`EventCheck`, one attribute read) before each of its statements.

``KEY n, "text"`` gives F1-F10 a text and KEY 15-20 a key of the program's choosing;
``KEY ON/OFF/LIST`` are accepted (there is no function-key bar).  ``SLEEP [n]`` waits n
seconds, or until a key is pressed or a trapped event happens.  ``TIME$ =`` and
``DATE$ =`` set the clock for this session only.

Nodes, the parser's and the compiler's methods live here; the runtime half is
:mod:`timewarp.basic.event_runtime`.
"""

from __future__ import annotations

from dataclasses import dataclass

from timewarp.basic import ast
from timewarp.basic import structure as st
from timewarp.basic.errors import BasicError

_NAMED_TRAPS = ("PEN", "STRIG", "COM")       # names, not keywords: PEN = 3 stays a variable
_ACTIONS = ("ON", "OFF", "STOP")


# Nodes

@dataclass(frozen=True)
class OnEvent(ast.Gosub):
    """ON KEY(n) GOSUB target (target None for GOSUB 0): a GOSUB the event makes."""
    kind: str = "KEY"
    number: ast.Expr | None = None


@dataclass(frozen=True)
class EventSwitch(ast.Stmt):
    kind: str
    number: ast.Expr | None
    action: str             # ON, OFF or STOP


@dataclass(frozen=True)
class KeyDefine(ast.Stmt):
    number: ast.Expr
    text: ast.Expr


@dataclass(frozen=True)
class KeyDisplay(ast.Stmt):
    action: str             # ON, OFF (the function-key bar) or LIST


@dataclass(frozen=True)
class Sleep(ast.Stmt):
    seconds: ast.Expr | None


@dataclass(frozen=True)
class SetClock(ast.Stmt):
    what: str               # TIME$ or DATE$
    value: ast.Expr


@dataclass(frozen=True)
class EventCheck(ast.Stmt):
    """Run a trap's handler if its event has happened (put between statements)."""


def add_event_checks(items: list) -> tuple[list, bool]:
    """The main program's items with a check before each statement, if it traps keys or
    the timer; and whether it does."""
    traps = any(isinstance(s, OnEvent) and s.kind in ("KEY", "TIMER")
                for s in ast.walk_statements(i.stmt for i in items if isinstance(i, st.Step)))
    if not traps:
        return items, False
    out = []
    for item in items:
        # Nothing may stand between SELECT CASE and its first CASE.
        if isinstance(item, st.Step) and type(item.stmt).__name__ not in ("Case", "Data"):
            out.append(st.Step(EventCheck(), item.line))
        out.append(item)
    return out, True


# Parsing (mixed into timewarp.basic.parser.StatementParser)

class EventStatementParser:
    def event_statement(self, tok) -> ast.Stmt | None:
        """KEY..., TIMER ON, PEN ON, STRIG(n) ON, COM(n) ON, SLEEP, TIME$ =, DATE$ =, if the
        statement at ``tok`` is one of them (nothing is consumed otherwise)."""
        word = tok.value if tok.kind in ("kw", "name") else None
        start = self.i
        if word == "KEY":
            self.i += 1
            return self._key_statement()
        if word == "SLEEP":
            self.i += 1
            return Sleep(None if self.at_end() else self._num(self.expression()))
        if word in ("TIME$", "DATE$") and self._at(1, "op", "="):
            self.i += 2
            value = self.expression()
            if value.type != "$":
                raise BasicError("Type mismatch", detail=f"{word} is set from a string")
            return SetClock(word, value)
        if word == "TIMER" and tok.kind == "kw" and self._action_at(1):
            self.i += 1
            return EventSwitch("TIMER", None, self._action())
        if word in _NAMED_TRAPS:
            self.i += 1
            number = None
            if word != "PEN":
                if not self.at_op("("):
                    self.i = start
                    return None
                number = self._bracketed()
            if self._action_at(0):
                return EventSwitch(word, number, self._action())
            self.i = start
        return None

    def _key_statement(self) -> ast.Stmt:
        if self.at_end():
            raise BasicError("Missing operand", detail="KEY needs ON, OFF, LIST or a key number")
        if self.at_op("("):
            number = self._bracketed()
            if not self._action_at(0):
                self.fail("KEY(n) is followed by ON, OFF or STOP")
            return EventSwitch("KEY", number, self._action())
        for word in ("ON", "OFF", "LIST"):
            if self.accept("kw", word) or self.accept("name", word):
                return KeyDisplay(word)
        number = self._num(self.expression())
        self.expect("op", ",")
        text = self.expression()
        if text.type != "$":
            raise BasicError("Type mismatch", detail='KEY n, "text" takes a string')
        return KeyDefine(number, text)

    def on_event(self) -> ast.Stmt | None:
        """ON KEY(n) / TIMER(n) / PLAY(n) / STRIG(n) / COM(n) / PEN GOSUB line, after ON."""
        tok = self.peek()
        if tok is None or tok.value not in ("KEY", "TIMER", "PLAY", *_NAMED_TRAPS):
            return None
        if tok.kind == "name" and tok.value not in (*_NAMED_TRAPS, "PLAY"):
            return None     # KEY and TIMER are keywords; PLAY is one once sound is in
        start = self.i
        self.i += 1
        number = None
        if tok.value != "PEN":
            if not self.at_op("("):
                if self.at_kw("GOSUB"):
                    self.fail(f"ON {tok.value} needs a number in brackets: ON {tok.value}(n)")
                self.i = start
                return None
            number = self._bracketed()
        if not self.accept("kw", "GOSUB"):
            if tok.kind == "name":
                self.i = start
                return None
            self.fail(f"ON {tok.value}(n) is followed by GOSUB")
        target = self.line_ref()
        return OnEvent(None if target == 0 else target, tok.value, number)

    def _bracketed(self) -> ast.Expr:
        self.expect("op", "(")
        number = self._num(self.expression())
        self.expect("op", ")")
        return number

    def _at(self, offset: int, kind: str, value: str) -> bool:
        tok = self.peek(offset)
        return tok is not None and tok.kind == kind and tok.value == value

    def _action_at(self, offset: int) -> bool:
        tok = self.peek(offset)
        return tok is not None and tok.kind == "kw" and tok.value in _ACTIONS and (
            self.peek(offset + 1) is None or self._at(offset + 1, "op", ":")
            or self._at(offset + 1, "kw", "ELSE"))

    def _action(self) -> str:
        tok = self.peek()
        self.i += 1
        return tok.value


# Compiling (mixed into timewarp.basic.statements.StatementCompiler)

class EventStatementCompiler:
    def _event_number(self, number: ast.Expr | None) -> str:
        return "None" if number is None else self.exprs.value(number)

    def s_OnEvent(self, s: OnEvent) -> None:
        number = self._event_number(s.number)
        if s.target is None:
            self.emit(f"_rt.events.set_handler({s.kind!r}, {number}, None)")
        elif s.target in self.label_pc and self.kind == "main":
            self.emit(f"_rt.events.set_handler({s.kind!r}, {number}, "
                      f"{self.label_pc[s.target]})")
        else:
            self.emit("raise BasicError('Undefined line number')")

    def s_EventSwitch(self, s: EventSwitch) -> None:
        self.emit(f"_rt.events.switch({s.kind!r}, {self._event_number(s.number)}, "
                  f"{s.action!r})")

    def s_EventCheck(self, s: EventCheck) -> None:
        if not self.dispatch:
            return
        emit = self.emit
        emit("if _ev.due:")
        emit.indent()
        emit("_g = _ev.fire()")
        emit("if _g is not None:")
        emit.indent()
        # A GOSUB to the handler's block, as s_Gosub writes one; then the trap is on again.
        emit("_depth += 1")
        emit("_r = _B[_g]()")
        emit("if _r >= 0: _r = _run(_r)")
        emit("_depth -= 1")
        emit("_ev.handled()")
        emit("if _r != -2: return -1 if _r == -1 else -3 - _r")
        emit.dedent()
        emit.dedent()

    def s_KeyDefine(self, s: KeyDefine) -> None:
        self.emit(f"_rt.events.define_key({self.exprs.value(s.number)}, "
                  f"{self.exprs.value(s.text)})")

    def s_KeyDisplay(self, s: KeyDisplay) -> None:
        if s.action == "LIST":
            self.emit("_rt.events.key_list()")

    def s_Sleep(self, s: Sleep) -> None:
        seconds = "" if s.seconds is None else self.exprs.value(s.seconds)
        self.emit(f"_rt.events.sleep({seconds})")

    def s_SetClock(self, s: SetClock) -> None:
        method = "set_time" if s.what == "TIME$" else "set_date"
        self.emit(f"_rt.events.{method}({self.exprs.value(s.value)})")


#: Built-in functions of this module: name -> (argument types, result type) and Python.
FUNCTIONS = {"TIME$": ("", "$"), "DATE$": ("", "$")}
FUNCTION_CODE = {"TIME$": "_rt.events.time_string()", "DATE$": "_rt.events.date_string()",
                 "TIMER": "_rt.events.timer()", "INKEY$": "_rt.events.inkey()"}
