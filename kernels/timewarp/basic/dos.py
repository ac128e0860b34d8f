"""GW-BASIC's statements for DOS and its devices, in a notebook that has neither.

``RESET`` closes every file; ``MOTOR`` (the cassette motor) and ``LCOPY`` (the screen to the
printer) are accepted and do nothing; ``LOCK``/``UNLOCK`` (record locking for a network) check
their file and do nothing, as one user holds each file; ``IOCTL``/``IOCTL$`` (control strings
for a device driver) check their file, then refuse, as no device here takes them.  ``SHELL``
is refused with "Illegal function call": a student's program never runs commands on the hub.
``ENVIRON "NAME=VALUE"`` and ``ENVIRON$`` keep a table of the session's own, empty at first,
so a program that passes settings to itself works and the hub's own environment (which holds
its tokens) is never read.

These words are read where they stand (see file_commands), so names such as ``BLOCK`` keep
working.
"""

from __future__ import annotations

from dataclasses import dataclass

from timewarp.basic import ast
from timewarp.basic.builtins import _count
from timewarp.basic.errors import BasicError

WORDS = ("RESET", "MOTOR", "LCOPY", "LOCK", "UNLOCK", "IOCTL", "SHELL", "ENVIRON")
#: Read where a name is followed by "(": name -> (argument type, result type).
FUNCTIONS = {"ENVIRON$": ("?", "$"), "IOCTL$": ("n", "$")}
FUNCTION_CODE = {"ENVIRON$": "_rt.files.environ({0})", "IOCTL$": "_rt.files.ioctl({0})"}


@dataclass(frozen=True)
class DosStatement(ast.Stmt):
    name: str
    args: tuple[ast.Expr | None, ...]


class DosParser:
    """Parser methods (mixed into timewarp.basic.parser.StatementParser)."""

    def dos_statement(self, name: str) -> ast.Stmt | None:
        if name not in WORDS:
            return None
        self.i += 1
        args: list[ast.Expr | None] = []
        if name in ("LOCK", "UNLOCK", "IOCTL"):
            args.append(self.file_number())
            if name == "IOCTL":
                self.expect("op", ",")
                args.append(self._string_arg())
            elif self.accept("op", ","):
                # LOCK #1, [first] [TO last]
                args.append(None if self.at_kw("TO") else self._num(self.expression()))
                if self.accept("kw", "TO"):
                    args.append(self._num(self.expression()))
        elif name in ("MOTOR", "LCOPY") and not self.at_end():
            args.append(self._num(self.expression()))
        elif name in ("SHELL", "ENVIRON") and (name == "ENVIRON" or not self.at_end()):
            args.append(self._string_arg())
        if not self.at_end():
            self.fail(f"unexpected words after {name}")
        return DosStatement(name, tuple(args))


class DosCompiler:
    """Compiler methods (mixed into timewarp.basic.statements.StatementCompiler)."""

    def s_DosStatement(self, s: DosStatement) -> None:
        args = "".join(f"{'None' if a is None else self.exprs.value(a)}, " for a in s.args)
        self.emit(f"_rt.files.dos({s.name!r}, ({args}))")


class DosFiles:
    """The files' side (mixed into timewarp.basic.files.BasicFiles, which holds
    ``environment``, ENVIRON's table)."""

    def dos(self, name: str, args: tuple) -> None:
        if name in ("MOTOR", "LCOPY") and args:
            _count(args[0], 0, 255, f"{name} takes 0 to 255")
        if name == "RESET":
            self.close_all()
        elif name in ("LOCK", "UNLOCK"):
            self.get(args[0], "IOARD")
        elif name == "IOCTL":
            self.ioctl(args[0])
        elif name == "SHELL":
            raise BasicError("Illegal function call",
                             detail="SHELL runs no commands here: a notebook has no DOS")
        elif name == "ENVIRON":
            entry, equals, value = args[0].partition("=")
            key = entry.strip().upper()
            if not equals or not key:
                raise BasicError("Illegal function call", detail='ENVIRON takes "NAME=value"')
            if value:
                self.environment[key] = value
            else:
                self.environment.pop(key, None)     # an empty value removes the entry

    def environ(self, key) -> str:
        """ENVIRON$("NAME") is its value or ""; ENVIRON$(n) the n-th entry, "NAME=value"."""
        table = self.environment
        if isinstance(key, str):
            return table.get(key.strip().upper(), "")
        n = _count(key, 1, 255, "ENVIRON$ counts from 1 to 255")
        entries = list(table.items())
        return f"{entries[n - 1][0]}={entries[n - 1][1]}" if n <= len(entries) else ""

    def ioctl(self, number) -> str:
        self.get(number, "IOARD")
        raise BasicError("Illegal function call",
                         detail="no device here takes IOCTL's control strings")
