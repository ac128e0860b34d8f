"""Compiling a BASIC program into one Python function.

The program's variables become local variables of that function, and its structured
loops become Python loops (see :mod:`timewarp.basic.structure`), so a BASIC loop runs
at nearly the speed of the same loop written in Python.  Code that GOTO jumps into is
split into *blocks*: small nested functions that return the number of the block to run
next, driven by a dispatch loop.  GOSUB calls that dispatch loop recursively and RETURN
returns from it, so a subroutine called from inside a Python loop comes back there.

Each line of generated Python remembers the BASIC line it came from, which is how
errors (and Ctrl-C) report "in 120" without the program paying for tracking lines.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from timewarp.basic import ast
from timewarp.basic import structure as st
from timewarp.basic.ast import walk_statements
from timewarp.basic.data_segment import wants_ledger
from timewarp.basic.definitions import SharedNames
from timewarp.basic.errors import BasicError
from timewarp.basic.events import add_event_checks
from timewarp.basic.numbers import fractional_variables
from timewarp.basic.python_expressions import (
    OVERFLOW_PLACEHOLDER,
    ExpressionTranslator,
    fn_binding,
    is_accessor,
    minima_placeholder,
    python_name,
)
from timewarp.basic.statements import StatementCompiler, sub_result
from timewarp.basic.text_screen import program_uses_screen

_programs = itertools.count()


@dataclasses.dataclass
class CompiledProgram:
    function: object              # _program(_V, _A, _rt)
    filename: str
    line_map: list
    source: str
    data: tuple = ()
    data_index: dict = dataclasses.field(default_factory=dict)


class Emitter:
    """Python source lines with the BASIC line each one came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line_map: list = []
        self.depth = 0
        self.basic_line = None

    def __call__(self, code: str) -> None:
        self.lines.append("    " * self.depth + code)
        self.line_map.append(self.basic_line)

    def indent(self) -> None:
        self.depth += 1

    def dedent(self) -> None:
        self.depth -= 1


def compile_program(lines: list[ast.Line], from_start: bool = True,
                    memory: bool = False) -> CompiledProgram:
    """``from_start`` False for a program entered at a line of its own (RUN n, a check's
    call of FNA after a run): its DEF FNs hold from the start, as the run before left them.
    ``memory`` keeps the data segment's ledger even if the program does not ask for it."""
    try:
        return ProgramCompiler(lines, fns_from_start=not from_start, memory=memory).compile()
    except RecursionError:
        # The translation walks expressions recursively: `PRINT 1+1+...` with thousands of
        # terms is as deep as it is long.
        raise BasicError("Out of memory", detail="an expression is too long or nested too deeply"
                         ) from None


class ProgramCompiler:
    def __init__(self, lines: list[ast.Line], fns_from_start: bool = False,
                 memory: bool = False) -> None:
        self.lines = lines
        self.fns_from_start = fns_from_start      # see compile_program
        self.emit = Emitter()
        self.exprs = ExpressionTranslator()
        self.trap_mode = any(isinstance(s, ast.OnError) for s in walk_lines(lines))
        # A program that asks where things are in memory keeps GW-BASIC's data segment's
        # ledger (timewarp.basic.data_segment), statement by statement; so does every program
        # of a session that has looked there (``memory``), and a program that traps errors,
        # which can tell where GW-BASIC ran out of string space or memory.
        statements = list(walk_lines(lines))
        self.memory_mode = memory or self.trap_mode or wants_ledger(
            statements, walk_expressions(statements))
        self.exprs.memory = self.memory_mode
        self.dynamic_for = self.trap_mode or st.nexts_inside_ifs(lines)

    def compile(self) -> CompiledProgram:
        items = st.flatten_line_ifs(self.lines)
        main, subs = _split_subs(items)
        # ON KEY / ON TIMER: a trap check between statements, only in programs that trap.
        main, self.event_traps = add_event_checks(main)
        self._collect_program_facts(items, subs)
        emit = self.emit
        emit("def _program(_V, _A):")
        emit.indent()
        main_region = self._prepare(main)
        main_vars = self._region_variables(main_region)
        main_vars |= self.shared_names
        main_vars |= {fn_binding(key) for key in self.fns}     # set where DEF FN runs
        main_vars |= {python_name(k) for s in walk_statements(
            i.stmt for _, body in subs for i in body if isinstance(i, st.Step))
            if isinstance(s, ast.Shared) for k in s.keys}
        self._load_variables(main_vars)
        if self.memory_mode:
            emit("_mem = _rt.data_segment(_V, _A)")
            emit("_mem_s, _mem_a = _mem.scalars, _mem.arrays")
        emit("_depth = 0")
        emit(OVERFLOW_PLACEHOLDER)
        screen = program_uses_screen(self.lines)
        if screen is not None:     # the program reads or positions the text screen
            emit(f"_rt.text_screen().begin({screen})")
        if self.event_traps:
            emit("_ev = _rt.events")
            emit("_ev.start()")
        self._define_fns()
        for sub in subs:
            self._compile_sub(sub)
        emit("try:")
        emit.indent()
        StatementCompiler(self, main_region, main_vars, kind="main").compile_region()
        emit.dedent()
        emit("finally:")
        emit.indent()
        self._store_variables(main_vars)
        if self.event_traps:
            emit("_ev.stop()")
        emit.dedent()
        return self._finish()

    # Facts about the whole program

    def _collect_program_facts(self, items: list, subs: list) -> None:
        stmts = [i.stmt for i in items if isinstance(i, st.Step)]
        every = list(walk_statements(stmts))
        self.fn_definitions = [s for s in every if isinstance(s, ast.DefFn)]
        self.fns = {s.name: s for s in self.fn_definitions}
        # A DEF FN on a numbered line of the program defines its function when it runs, as
        # in GW-BASIC (the one run last counts; an FN used before is "Undefined user
        # function"); any other (a cell's, or kept from an earlier cell) from the start.
        main_items, _ = _split_subs(items)
        self.fn_when_run = {id(item.stmt) for item in main_items if isinstance(item, st.Step)
                            and isinstance(item.stmt, ast.DefFn) and isinstance(item.line, int)
                            and not self.fns_from_start}
        self.fn_idents: dict[int, str] = {}
        self.exprs.fn_names = {key: fn.params for key, fn in self.fns.items()}
        self.subs = {s.name: s for s, _ in subs}
        self.sub_lines = {item.stmt.name: item.line for item in items
                          if isinstance(item, st.Step) and isinstance(item.stmt, ast.SubStart)}
        self.exprs.functions = {name: s.params for name, s in self.subs.items() if s.function}
        shared_dims = [(k, bounds) for s in every if isinstance(s, ast.Dim) and s.shared
                       for k, bounds in s.arrays]
        self.exprs.constants = {s.key for s in every if isinstance(s, ast.Const)}
        self.exprs.fractional = fractional_variables(every)
        # What every SUB and FUNCTION sees: DIM SHARED variables and arrays, and constants.
        self.shared_names = {python_name(k, bool(bounds)) for k, bounds in shared_dims}
        self.shared_names |= {python_name(k) for k in self.exprs.constants}
        self.dimmed = {k for s in every if isinstance(s, ast.Dim) for k, _ in s.arrays}
        # Cells from earlier (timewarp.basic.definitions) that made variables DIM SHARED.
        shared_before = [n for s in every if isinstance(s, SharedNames) for n in s.names]
        self.shared_names |= {python_name(k, array) for k, array in shared_before}
        self.dimmed |= {k for k, array in shared_before if array}
        # Direct code (no line numbers) that reads an array nothing makes gets an error
        # there, not 0s: the name is most likely a FUNCTION never defined.
        self.direct = all(line.number is None for line in self.lines)
        self.made_arrays = _made_arrays(every) if self.direct else set()
        self.assigned_keys = _assigned_outside_for(every)
        # A FUNCTION may change a variable passed to it.
        self.assigned_keys |= {a.key for e in walk_expressions(every)
                               if isinstance(e, ast.UserCall) and not e.fn
                               for a in e.args if isinstance(a, ast.Variable)}
        self.for_keys = sorted({s.var.key for s in every if isinstance(s, ast.For)})
        self.exprs.safe_minimum = _loop_minima(every)
        self.array_dims = {}
        for expr in walk_expressions(every):
            if isinstance(expr, ast.ArrayElement):
                self.array_dims.setdefault(expr.key, len(expr.indexes))
        self._collect_array_families(every)
        self._collect_data(items)

    def _collect_array_families(self, every: list) -> None:
        """Which array names share accessors (an array and the parameters it is passed
        to), and the most subscripts each family is used with."""
        family = self.exprs.family
        calls = [(s.name, s.args) for s in every if isinstance(s, ast.CallSub)]
        calls += [(e.name, e.args) for e in walk_expressions(every)
                  if isinstance(e, ast.UserCall) and not e.fn]
        for name, args in calls:
            params = self.subs[name].params if name in self.subs else ()
            for param, arg in zip(params, args):
                if param.array and isinstance(arg, ast.ArrayRef):
                    _join(family, python_name(arg.key, True), python_name(param.key, True))
        for name in list(family):
            family[name] = _head(family, name)
        ranks = self.exprs.ranks
        for key, count in itertools.chain(
                ((e.key, len(e.indexes)) for e in walk_expressions(every)
                 if isinstance(e, ast.ArrayElement)),
                ((k, len(b)) for s in every if isinstance(s, ast.Dim) for k, b in s.arrays)):
            name = python_name(key, True)
            head = family.get(name, name)
            ranks[head] = max(ranks.get(head, 0), count)

    def _collect_data(self, items: list) -> None:
        data, index, pending = [], {}, []
        for item in items:
            if isinstance(item, st.Label):
                pending.append(item.key)
            elif isinstance(item, st.Step):
                for key in pending:
                    index.setdefault(key, len(data))
                pending = []
                if isinstance(item.stmt, ast.Data):
                    data.extend((value, item.line) for value in item.stmt.items)
        for key in pending:
            index.setdefault(key, len(data))
        self.data, self.data_index = tuple(data), index

    # Regions: the main program and each SUB or FUNCTION

    def _prepare(self, items: list) -> list:
        tree, _ = st.build_tree(items, self.dynamic_for)
        st.NativeDecider(tree, everything_flat=self.trap_mode)
        return st.flatten(tree, [])

    def _region_variables(self, region: list) -> set[str]:
        names = set()
        for stmt in walk_statements(_region_statements(region)):
            names |= _statement_names(stmt)
        for expr in walk_expressions(_region_statements(region)):
            if isinstance(expr, ast.Variable):
                names.add(python_name(expr.key))
            elif isinstance(expr, (ast.ArrayElement, ast.ArrayRef)):
                names.add(python_name(expr.key, True))
        return self.exprs.with_accessors(names)

    def _load_variables(self, names: set[str]) -> None:
        for name in sorted(names):
            if is_accessor(name):
                continue    # set with the array itself
            key = _key_of(name)
            if name.startswith("a"):
                self.emit(f"{name} = _A.get({key!r})")
                if key not in self.dimmed and key in self.array_dims:
                    bounds = (10,) * self.array_dims[key]
                    made = f"_rt.dim(_A, {key!r}, {bounds!r})"
                    if self.direct and key not in self.made_arrays:
                        made = f"_missing({key!r})"
                    self.emit(f"if {name} is None: {name} = {made}")
                self.emit(self.exprs.bind_accessors(name))
            else:
                self.emit(f"{name} = _V.get({key!r}, {_default(key)})")

    def _reload_variables(self, names: set[str]) -> None:
        """Scalars and arrays read back from _V and _A, where statements typed while the
        program waited for CONT may have changed them (see StatementCompiler.s_End)."""
        self._emit_each(f"{name} = {store}.get({key!r}, {name})"
                        for name, key, store in _stored(names))

    def _store_variables(self, names: set[str]) -> None:
        self._emit_each(f"{store}[{key!r}] = {name}" for name, key, store in _stored(names))

    def _emit_each(self, lines) -> None:
        wrote = False
        for line in lines:
            self.emit(line)
            wrote = True
        if not wrote:
            self.emit("pass")

    def _define_fns(self) -> None:
        """Each DEF FN as a Python function; the program calls FNA through ``fn_vS_A``
        (fn_binding), which holds the definition in force (see fn_when_run)."""
        for key in self.fns:
            self.emit(f"{fn_binding(key)} = _undefined_fn")
        for number, fn in enumerate(self.fn_definitions):
            key = fn.name
            ident = f"fn_{python_name(key)}__{number}"
            self.fn_idents[id(fn)] = ident
            # No line of its own: an error in the body is reported in the line that called
            # the function, as GW-BASIC reports it.
            self.emit.basic_line = None
            params = ", ".join(python_name(p.key) for p in fn.params)
            self.emit(f"def {ident}({params}):")
            self.emit.indent()
            self.exprs.by_reference = False
            value = self.exprs.value(fn.body)
            self.exprs.by_reference = True
            if key[-1] == "%":
                value = f"_cint({value})"
            self.emit(f"return {value}")
            self.emit.dedent()
            if id(fn) not in self.fn_when_run:
                self.emit(f"{fn_binding(key)} = {ident}")

    def _compile_sub(self, sub: tuple) -> None:
        start, items = sub
        region = self._prepare(items)
        names = self._region_variables(region)
        params = []
        for p in start.params:
            params.append(python_name(p.key, p.array))
            if p.array:
                params += self.exprs.accessor_names(params[-1])
        everywhere = self.exprs.with_accessors(self.shared_names)
        for param in start.params:
            if python_name(param.key, param.array) in everywhere:
                what = "a constant" if param.key in self.exprs.constants else "shared (DIM SHARED)"
                raise BasicError("Duplicate Definition", self.sub_lines.get(start.name),
                                 f"{param.key.rstrip('!')} is {what} in the whole program, "
                                 f"so it cannot also be a parameter of {start.name}")
        shared = everywhere | self.exprs.with_accessors({python_name(k, a) for s in walk_statements(
            _region_statements(region)) if isinstance(s, ast.Shared)
            for k in s.keys for a in (False, True)})
        shared &= names | everywhere
        result = python_name(start.name + start.type) if start.function else None
        name = ("fnc_" if start.function else "sub_") + start.name
        local = names - shared - set(params)
        if result:
            local.add(result)
        static = self.exprs.with_accessors(_static_names(start, region, local - {result})) & local
        if static:
            # The static variables live in a function around the procedure: they outlast
            # each call, and they are not the main program's variables of the same name.
            self.emit(f"def _keep_{name}():")
            self.emit.indent()
            self._declare_locals(static, region)
        self.emit(f"def {name}({', '.join(params)}):")
        self.emit.indent()
        if shared | static:
            self.emit(f"nonlocal {', '.join(sorted(shared | static))}")
        self._declare_locals(local - static, region)
        sub_info = {"params": [python_name(p.key) for p in start.params if not p.array],
                    "result": result}
        StatementCompiler(self, region, local | shared | set(params), kind="sub",
                          sub=sub_info).compile_region()
        self.emit(f"return {sub_result(sub_info)}")
        self.emit.dedent()
        if static:
            self.emit(f"return {name}")
            self.emit.dedent()
            self.emit(f"{name} = _keep_{name}()")

    def _declare_locals(self, names: set[str], region: list) -> None:
        for name in sorted(names):
            if is_accessor(name):
                continue    # set with the array itself
            key = _key_of(name)
            self.emit(f"{name} = {_default(key) if name.startswith('v') else 'None'}")
            if name.startswith("a") and key in self.array_dims and not _dims_in(region, key):
                if self.direct and key not in self.made_arrays:
                    self.emit(f"{name} = _missing({key!r})")
                else:
                    self.emit(f"{name} = _rt.dim(None, {key!r}, {(10,) * self.array_dims[key]!r})")
            if name.startswith("a"):
                self.emit(self.exprs.bind_accessors(name))

    def _finish(self) -> CompiledProgram:
        filename = f"<basic-{next(_programs)}>"
        source = "\n".join(self.emit.lines) + "\n"
        warnings = self.exprs.overflowing_constants
        source = source.replace(OVERFLOW_PLACEHOLDER,
                                f"_rt.write({'Overflow' + chr(10)!r} * {warnings})" if warnings else "pass")
        for name in set(re.findall("\0minima (\\w+)\0", source)):
            minima = tuple(self.exprs.minima.get(name, ()))
            source = source.replace(minima_placeholder(name), repr(minima))
        try:
            code = compile(source, filename, "exec")
        except (SyntaxError, RecursionError, MemoryError) as error:
            # Python's limits on nesting ("too many statically nested blocks", "too many
            # levels of indentation", ...) are the program's doing; any other SyntaxError is
            # a bug here and must not pass for the student's mistake.
            if isinstance(error, SyntaxError) and not str(error.msg).startswith("too many"):
                raise
            raise BasicError("Out of memory", detail="the program is nested too deeply") from None
        return CompiledProgram(code, filename, self.emit.line_map, source, self.data,
                               self.data_index)


def _split_subs(items: list) -> tuple[list, list]:
    """The main program's items, and (SubStart, items) for each SUB and FUNCTION."""
    main, subs, current = [], [], None
    for item in items:
        stmt = item.stmt if isinstance(item, st.Step) else None
        if isinstance(stmt, ast.SubStart):
            if current is not None:
                raise BasicError("Syntax error", item.line, "a SUB cannot be inside another SUB")
            current = (stmt, [])
            subs.append(current)
        elif isinstance(stmt, ast.SubEnd):
            if current is None:
                raise BasicError("Syntax error", item.line, "END SUB without SUB")
            current = None
        elif current is not None:
            current[1].append(item)
        else:
            main.append(item)
    if current is not None:
        word = "FUNCTION" if current[0].function else "SUB"
        raise BasicError("Syntax error", None, f"{word} {current[0].name} has no END {word}")
    return main, subs


def _stored(names: set[str]):
    """(python name, key, "_V" or "_A") of each variable kept in the session's dicts, in
    order: accessors go with their array, and DEF FN bindings ("\\0" keys) are not kept."""
    for name in sorted(names):
        if is_accessor(name):
            continue
        key = _key_of(name)
        if not key.startswith("\0"):
            yield name, key, "_A" if name.startswith("a") else "_V"


def _key_of(name: str) -> str:
    letter_to_suffix = {"S": "!", "D": "#", "I": "%", "T": "$"}
    body = name[3:].replace("_dot_", ".").replace("_h_", "\0")
    return body + letter_to_suffix[name[1]]


def _default(key: str) -> str:
    return "''" if key[-1] == "$" else "0" if key[-1] == "%" else "0.0"


def _static_names(start: ast.SubStart, region: list, local: set[str]) -> set[str]:
    """The procedure's variables that keep their values between calls."""
    if start.static:
        return set(local)
    return {python_name(k, a) for s in walk_statements(_region_statements(region))
            if isinstance(s, ast.Static) for k in s.keys for a in (False, True)} & local


def _head(family: dict, name: str) -> str:
    while family.get(name, name) != name:
        name = family[name]
    return name


def _join(family: dict, first: str, second: str) -> None:
    first, second = _head(family, first), _head(family, second)
    if first != second:
        family[max(first, second)] = min(first, second)


def _loop_minima(stmts: list) -> dict[str, int]:
    """The smallest value each FOR variable takes: the start of every FOR on it that counts
    up from a whole number, and 0 (as low as a safe subscript goes) for any other."""
    minima: dict[str, int] = {}
    for stmt in stmts:
        if isinstance(stmt, ast.For):
            counts_up = isinstance(stmt.start, ast.Number) and float(stmt.start.value).is_integer() \
                and (stmt.step is None or isinstance(stmt.step, ast.Number) and stmt.step.value > 0)
            low = max(int(stmt.start.value), 0) if counts_up else 0
            minima[stmt.var.key] = min(minima.get(stmt.var.key, low), low)
    return minima


def _dims_in(region: list, key: str) -> bool:
    return any(isinstance(s, ast.Dim) and any(k == key for k, _ in s.arrays)
               for s in walk_statements(_region_statements(region)))


def _statement_names(stmt: ast.Stmt) -> set[str]:
    if isinstance(stmt, ast.Dim):
        return {python_name(k, True) for k, _ in stmt.arrays}
    if isinstance(stmt, ast.Erase):
        return {python_name(k, True) for k in stmt.keys}
    if isinstance(stmt, (ast.Const, st.SetTemp)):
        return {python_name(stmt.key)}
    if isinstance(stmt, (ast.For, st.DynamicFor)):
        loop = stmt if isinstance(stmt, ast.For) else stmt.loop
        return {python_name(loop.var.key)}
    return set()


def _region_statements(region: list):
    for item in region:
        if isinstance(item, st.Step):
            yield item.stmt
        elif isinstance(item, st.Node):
            for stmt in node_statements(item):
                yield stmt


def node_statements(node: st.Node):
    if isinstance(node, st.ForNode):
        yield node.stmt
    elif isinstance(node, st.WhileNode):
        yield node.stmt
    elif isinstance(node, st.DoNode):
        yield node.stmt
        yield node.loop
    elif isinstance(node, st.IfNode):
        for condition, _, _ in node.branches:
            if condition is not None:
                yield st.CondJump(condition, None)
    elif isinstance(node, st.SelectNode):
        yield ast.Print((node.subject,))
        for tests, _, _ in node.cases:
            for test in tests:
                for part in test[1:]:
                    if isinstance(part, ast.Expr):
                        yield ast.Print((part,))
    for body in st._bodies(node):
        yield from _region_statements(body)


def walk_lines(lines: list[ast.Line]):
    return walk_statements(s for line in lines for s in line.statements)


def walk_expressions(stmts):
    """Every expression inside the statements, nested ones included."""
    stack = []
    for stmt in walk_statements(stmts):
        stack.extend(_children(stmt))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Expr):
            yield node
            stack.extend(_children(node))
        elif isinstance(node, tuple):
            stack.extend(node)


def _children(node) -> list:
    if isinstance(node, ast.If):
        return [node.condition]
    if isinstance(node, st.DynamicFor):
        return _children(node.loop)     # its start, end and step name variables too
    if not dataclasses.is_dataclass(node):
        return []
    return [getattr(node, f.name) for f in dataclasses.fields(node)
            if isinstance(getattr(node, f.name), (ast.Expr, tuple))]


_TARGET_FIELDS = ("target", "targets", "first", "second")


def _made_arrays(stmts: list) -> set[str]:
    """Arrays something stores into, or passes whole or by reference (so they are made
    when first used, as BASIC makes an undeclared array of 11 elements)."""
    keys = set()
    for stmt in stmts:
        for name in _TARGET_FIELDS:
            value = getattr(stmt, name, None)
            for target in value if isinstance(value, tuple) else (value,):
                if isinstance(target, ast.ArrayElement):
                    keys.add(target.key)
        if isinstance(stmt, ast.CallSub):
            keys.update(a.key for a in stmt.args if isinstance(a, ast.ArrayElement))
    for expr in walk_expressions(stmts):
        if isinstance(expr, ast.ArrayRef):
            keys.add(expr.key)
        elif isinstance(expr, ast.UserCall) and not expr.fn:
            keys.update(a.key for a in expr.args if isinstance(a, ast.ArrayElement))
    return keys


def _assigned_outside_for(stmts: list) -> set[str]:
    """Variables that something other than FOR and NEXT changes."""
    keys = set()
    for stmt in stmts:
        targets: tuple = ()
        if isinstance(stmt, ast.Assign):
            targets = (stmt.target,)
        elif isinstance(stmt, (ast.Input, ast.Read)):
            targets = stmt.targets
        elif isinstance(stmt, ast.Swap):
            targets = (stmt.first, stmt.second)
        elif isinstance(stmt, ast.CallSub):
            targets = tuple(a for a in stmt.args if isinstance(a, ast.Variable))
        elif isinstance(stmt, (ast.Shared, ast.Static)):
            keys.update(stmt.keys)
        elif isinstance(stmt, ast.SubStart):
            keys.update(p.key for p in stmt.params)
        keys.update(t.key for t in targets if isinstance(t, ast.Variable))
    return keys
