"""What notebook cells define for the cells after them: SUBs, FUNCTIONs, DEF FNs, TYPEs.

A notebook user expects what Python does: a FUNCTION defined in one cell is known in every
later cell, defining it again replaces it, and calling one that was never defined is an
error.  Each cell is compiled as a program of its own (see :mod:`timewarp.basic.session`),
so the session keeps a :class:`Library`: the parsed definitions of earlier cells, which are
compiled again into every later cell, and the declarations that decide how names read
(``DEFINT``, ``DIM x AS type``, ``TYPE`` records, ``DIM SHARED``).  ``CONST`` statements
are kept too and run again at the start of each cell, so SUBs see the constants.

The program in memory (numbered lines, ``RUN``) sees the library as well, below its own
definitions: a program's own ``SUB`` or ``DEF FN`` of the same name wins.  ``NEW`` forgets
the library along with the program and the variables; ``CLEAR`` and ``RUN`` keep it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from timewarp.basic import ast
from timewarp.basic.errors import BasicError
from timewarp.basic.expressions import Names
from timewarp.basic.program import parse_source, scan_declarations
from timewarp.basic.qbasic import RecordNames, record_names


@dataclass(frozen=True)
class SharedNames(ast.Stmt):
    """Variables and arrays an earlier cell made DIM SHARED: (key, is an array)."""
    names: tuple[tuple[str, bool], ...]


class Missing:
    """An array a direct cell reads that nothing made: the name is most likely a FUNCTION
    that was never defined, so reading it says so instead of giving 0."""

    __slots__ = ("name",)

    def __init__(self, key: str) -> None:
        self.name = key.rstrip("$%!#")

    def _fail(self, *args):
        raise BasicError("Undefined user function",
                         detail=f"there is no FUNCTION {self.name} (define it with FUNCTION "
                         f"{self.name} ... END FUNCTION in this cell or an earlier one), "
                         f"and no array {self.name} (DIM {self.name}(10) makes one)")

    __getitem__ = __setitem__ = _fail


class Library:
    """Definitions from earlier cells, in the order they were made."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.procedures: dict[str, list[ast.Line]] = {}   # SUB or FUNCTION name -> lines
        self.fns: dict[str, ast.Line] = {}                # DEF FN key -> its line
        self.consts: dict[str, ast.Line] = {}
        self.shared: dict[str, bool] = {}                 # DIM SHARED key -> is an array
        self.parsed_with: dict[str, Names] = {}           # procedure -> the names it was read with
        self.names = Names()
        self.version = 0

    def __bool__(self) -> bool:
        return bool(self.procedures or self.fns or self.consts or self.shared)

    # Parsing a cell with what earlier cells declared

    def parse(self, entries: list, program: bool = False,
              direct: bool = False) -> tuple[list[ast.Line], Names]:
        """A cell's lines, read with the earlier cells' declarations; a ``program`` in
        memory knows only the earlier cells' procedures and TYPEs, not their DEFINTs (a
        ``direct`` line: see parse_source)."""
        names = scan_declarations(entries)
        known = copy.deepcopy(self.names)
        if program:
            known.deftypes.clear()
            known.declared.clear()
            known.qbasic = RecordNames(types=record_names(known).types)
        for base, kind in names.functions.items():
            known.functions[base] = kind
            known.subs.discard(base)
        for base in names.subs:
            known.subs.add(base)
            known.functions.pop(base, None)
        lines = parse_source(entries, known, direct=direct)
        if record_names(known).open_type is not None:
            raise BasicError("Syntax error", detail=f"TYPE {record_names(known).open_type[0]} "
                             "has no END TYPE")
        return lines, known

    def lines_for(self, own: list[ast.Line]) -> list[ast.Line]:
        """The library's lines a program needs in front of its own ``own`` lines: those of
        the definitions it does not make itself."""
        if not self:
            return []
        procs, fns = _defined(own)
        out: list[ast.Line] = []
        if self.shared:
            out.append(ast.Line(None, None, 0, (SharedNames(tuple(self.shared.items())),)))
        out += [line for key, line in self.consts.items()]
        out += [line for key, line in self.fns.items() if key not in fns]
        for name, lines in self.procedures.items():
            if name not in procs:
                out += lines
        return out

    # Keeping what a cell defined

    def keep(self, lines: list[ast.Line], names: Names) -> None:
        """Remember the definitions of a cell that compiled."""
        current: list | None = None     # the lines of a SUB or FUNCTION being read
        self._reading = names
        for line in lines:
            part: list = []
            first = True
            for stmt in line.statements:
                if current is not None:
                    part.append(stmt)
                    if isinstance(stmt, ast.SubEnd):
                        current.append(_line_of(line, part, first))
                        self._keep_procedure(current)
                        current, part = None, []
                    continue
                if isinstance(stmt, ast.SubStart):
                    current, part = [], [stmt]
                    first = stmt is line.statements[0]
                elif isinstance(stmt, ast.DefFn):
                    self.fns[stmt.name] = _line_of(line, [stmt], False)
                elif isinstance(stmt, ast.Const):
                    self.consts[stmt.key] = _line_of(line, [stmt], False)
                elif isinstance(stmt, ast.Dim) and stmt.shared:
                    for key, bounds in stmt.arrays:
                        self.shared[key] = bool(bounds)
            if current is not None and (part or line.label):
                current.append(_line_of(line, part, first))
        self.names = copy.deepcopy(names)
        self.names.numbered = False
        self.version += 1
        self._read_again(names)

    def _read_again(self, names: Names) -> None:
        """Read each kept SUB or FUNCTION again if the FUNCTIONs, SUBs and DEF FNs known
        have changed since it was read: ``F(3)`` in it was an array until F was defined (as
        in Python, a name is looked up when the procedure runs, not when it is defined)."""
        now = _callables(names)
        for name, lines in list(self.procedures.items()):
            then = self.parsed_with.get(name)
            if then is None or _callables(then) == now:
                continue
            reader = copy.deepcopy(then)
            reader.functions, reader.subs = dict(names.functions), set(names.subs)
            reader.fns = set(names.fns)
            entries = list(dict.fromkeys((None, line.text, line.source_line) for line in lines))
            try:
                again = Library()
                again.keep(parse_source(entries, reader), reader)
            except BasicError:
                continue    # it stays as it was read; calling it will tell what is wrong
            if name in again.procedures:
                self.procedures[name] = again.procedures[name]
                self.parsed_with[name] = reader

    def _keep_procedure(self, lines: list[ast.Line]) -> None:
        start = lines[0].statements[0]
        # Defining again replaces, and moves the definition to the end (its newest place).
        self.procedures.pop(start.name, None)
        self.procedures[start.name] = lines
        self.parsed_with[start.name] = copy.deepcopy(self._reading)


def _callables(names: Names) -> tuple:
    return (frozenset(names.functions), frozenset(names.subs), frozenset(names.fns))


def _line_of(line: ast.Line, stmts: list, with_label: bool) -> ast.Line:
    """Part of a cell's line, kept without its line number (a cell's lines have none)."""
    label = line.label if with_label else None
    return ast.Line(None, label, line.source_line, tuple(stmts), line.text)


def _defined(lines: list[ast.Line]) -> tuple[set[str], set[str]]:
    """The SUB and FUNCTION names, and the DEF FN keys, that ``lines`` define."""
    procs, fns = set(), set()
    for line in lines:
        for stmt in line.statements:
            if isinstance(stmt, ast.SubStart):
                procs.add(stmt.name)
            elif isinstance(stmt, ast.DefFn):
                fns.add(stmt.name)
    return procs, fns
