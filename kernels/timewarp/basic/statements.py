"""Compiling the statements of one region (the main program, a SUB or a FUNCTION).

A region is a flat list of labels, statements and native loops or blocks.  If no jump
lands anywhere in it, it compiles to straight Python code; otherwise it is cut into
blocks at the labels that jumps use (see :mod:`timewarp.basic.compiler`).  A keyword
table maps each statement class to the method that writes its Python.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import TYPE_CHECKING

from timewarp.basic import ast
from timewarp.basic import structure as st
from timewarp.basic.data_segment import DataSegmentCompiler
from timewarp.basic.errors import BasicError
from timewarp.basic.events import EventStatementCompiler
from timewarp.basic.files import FileStatementCompiler
from timewarp.basic.graphics import GraphicsCompiler
from timewarp.basic.qbasic import QBasicCompiler
from timewarp.basic.python_expressions import python_name
from timewarp.basic.simple_statements import SimpleStatements
from timewarp.basic.dos import DosCompiler
from timewarp.basic.machine import MachineCompiler
from timewarp.basic.text_statements import TextScreenCompiler
from timewarp.basic.sound import SoundStatementCompiler

if TYPE_CHECKING:
    from timewarp.basic.compiler import ProgramCompiler

_temps = itertools.count()


class StatementCompiler(GraphicsCompiler, EventStatementCompiler, QBasicCompiler, FileStatementCompiler,
                        SoundStatementCompiler, TextScreenCompiler, MachineCompiler, DosCompiler,
                        DataSegmentCompiler, SimpleStatements):
    def __init__(self, program: ProgramCompiler, region: list, names: set[str], kind: str,
                 sub: dict | None = None) -> None:
        self.program = program
        self.emit = program.emit
        self.exprs = program.exprs
        self.region = region
        self.names = names
        self.kind = kind
        self.sub = sub
        self.loops: list[dict] = []
        self.label_pc: dict = {}
        self.dispatch = False

    # Regions and blocks

    def compile_region(self) -> None:
        referenced = set()
        for stmt in _all_statements(self.region):
            referenced.update(st.jump_targets(stmt))
            if isinstance(stmt, st.DynamicFor):
                referenced.update((stmt.resume, stmt.skip) if stmt.skip else (stmt.resume,))
            elif isinstance(stmt, st.Marker) and stmt.exit is not None:
                referenced.add(stmt.exit)
        blocks = self._blocks(referenced)
        uses_calls = any(isinstance(s, (ast.Gosub, ast.Return, ast.Resume)) or
                         isinstance(s, ast.OnJump) and s.gosub for s in _all_statements(self.region))
        if not self.label_pc and not uses_calls:
            self._body(blocks[0])
            return
        self.dispatch = True
        self._dispatch(blocks)

    def _blocks(self, referenced: set) -> list[list]:
        blocks: list[list] = [[]]
        trap = self.program.trap_mode
        for item in self.region:
            if isinstance(item, st.Label):
                if item.key in referenced and item.key not in self.label_pc:
                    if blocks[-1]:
                        blocks.append([])
                    self.label_pc[item.key] = len(blocks) - 1
                continue
            if trap and blocks[-1]:
                blocks.append([])
            blocks[-1].append(item)
        return blocks

    def _dispatch(self, blocks: list[list]) -> None:
        emit = self.emit
        emit.basic_line = None
        if self.kind == "sub":
            emit("_depth = 0")
        shared = sorted(self.names | {"_depth"})
        for pc, block in enumerate(blocks):
            # Entering a block belongs to no line: an interrupt there reports the block's.
            emit.basic_line = None
            emit(f"def _b{pc}():")
            emit.indent()
            emit(f"nonlocal {', '.join(shared)}")
            self._body(block)
            emit(f"return {pc + 1 if pc + 1 < len(blocks) else -1}")
            emit.dedent()
        emit.basic_line = None
        count = len(blocks)
        if self.program.trap_mode:
            # RESUME NEXT after an error in the last statement goes on past it: the end.
            emit(f"def _b{count}():")
            emit("    return -1")
            count += 1
        emit(f"_B = ({''.join(f'_b{pc}, ' for pc in range(count))})")
        emit("def _run(pc):")
        emit.indent()
        if self.program.trap_mode:
            emit("while True:")
            emit.indent()
            emit("try:")
            emit("    while pc >= 0:")
            emit("        pc = _B[pc]()")
            emit("    return pc")
            emit("except Exception as _e:")
            emit("    pc = _rt.trap(_as_basic_error(_e), pc, _error_line(_e))")
            emit.dedent()
        else:
            emit("while pc >= 0:")
            emit("    pc = _B[pc]()")
            emit("return pc")
        emit.dedent()
        if self.kind == "main" and not self.program.direct:
            self._breakable(shared, blocks)
        emit("_run(0)")
        if self.program.trap_mode and self.kind == "main":
            # Running off the program's end inside an error handler is GW-BASIC's "No
            # RESUME", reported in the last line.
            emit.basic_line = max((line.number for line in self.program.lines
                                   if line.number is not None), default=None)
            emit("if _rt.in_handler: raise BasicError('No RESUME')")

    def _breakable(self, shared: list[str], blocks: list[list]) -> None:
        """What lets Ctrl-C at GW-BASIC's prompt stop the program between two statements
        and CONT go on there (timewarp.basic.prompt.Prompt.break_in_place): the dispatch
        loop's code, the variables stored for the prompt and read back, and each block's
        line."""
        emit = self.emit
        for name, method in (("_store", self.program._store_variables),
                             ("_reload", self.program._reload_variables)):
            emit(f"def {name}():")
            emit.indent()
            emit(f"nonlocal {', '.join(shared)}")
            method(self.names)
            emit("return None")
            emit.dedent()
        lines = tuple(next((item.line for item in block if isinstance(item, st.Step)), None)
                      for block in blocks)
        emit(f"_rt.breakable = (_run.__code__, _store, _reload, {lines!r})")

    def _body(self, items: list) -> None:
        before = len(self.emit.lines)
        for item in items:
            try:
                if isinstance(item, st.Step):
                    self.emit.basic_line = item.line
                    self._statement(item.stmt)
                elif isinstance(item, st.Node):
                    self.emit.basic_line = item.line
                    if self.program.memory_mode:
                        # A loop's or a block's own statement (its FOR, its conditions).
                        from timewarp.basic.compiler import node_statements
                        for stmt in node_statements(item):
                            self.memory_before(stmt)
                    getattr(self, "n_" + type(item).__name__)(item)
            except BasicError as error:
                raise error.at(item.line) from None
        if len(self.emit.lines) == before:
            self.emit("pass")

    def _statements(self, stmts: tuple) -> None:
        before = len(self.emit.lines)
        for stmt in stmts:
            self._statement(stmt)
        if len(self.emit.lines) == before:
            self.emit("pass")

    def _statement(self, stmt) -> None:
        memory = self.program.memory_mode
        if memory:
            self.memory_before(stmt)
        getattr(self, "s_" + type(stmt).__name__)(stmt)
        if memory:
            self.memory_after(stmt)

    # Jumps

    def jump(self, target) -> None:
        loop = self._innermost_native()
        if loop is not None and target in loop.get("continue", ()):
            if loop.get("increment"):
                self.emit(loop["increment"])
            self.emit("continue")
        elif target in self.label_pc:
            self.emit(f"return {self.label_pc[target]}")
        else:
            self.emit("raise BasicError('Undefined line number')")

    def _innermost_native(self) -> dict | None:
        for loop in reversed(self.loops):
            if loop["native"]:
                return loop
        return None

    def s_Goto(self, s: ast.Goto) -> None:
        self._jumped(s.target)
        self.jump(s.target)

    def _jumped(self, target) -> None:
        """In memory mode, GW-BASIC's program text takes a pointer to the line jumped to."""
        line = self.emit.basic_line
        if self.program.memory_mode and target in self.label_pc and isinstance(target, int) \
                and isinstance(line, int):
            self.emit(f"_mem.jumped({line}, {target})")

    def s_Gosub(self, s: ast.Gosub) -> None:
        if s.target not in self.label_pc:
            self.emit("raise BasicError('Undefined line number')")
            return
        self._jumped(s.target)
        pc = self.label_pc[s.target]
        emit = self.emit
        emit("_depth += 1")
        if self.program.trap_mode:
            # Through the dispatch loop, whose trap knows the error was in the subroutine's
            # first statement (RESUME NEXT goes on in the subroutine).
            emit(f"_r = _run({pc})")
        else:
            emit(f"_r = _b{pc}()")
            emit("if _r >= 0: _r = _run(_r)")
        emit("_depth -= 1")
        emit("if _r != -2: return -1 if _r == -1 else -3 - _r")

    def s_Return(self, s: ast.Return) -> None:
        if not self.dispatch:
            self.emit("raise BasicError('RETURN without GOSUB')")
            return
        self.emit("if not _depth: raise BasicError('RETURN without GOSUB')")
        if s.target is None:
            self.emit("return -2")
        elif s.target in self.label_pc:
            self.emit(f"return {-3 - self.label_pc[s.target]}")
        else:
            self.emit("raise BasicError('Undefined line number')")

    def s_OnJump(self, s: ast.OnJump) -> None:
        emit = self.emit
        emit(f"_k = _cint({self.exprs.value(s.selector)})")
        emit("if _k < 0 or _k > 255: raise BasicError('Illegal function call')")
        if s.gosub is None:     # neither GOTO nor GOSUB (see the parser's st_ON)
            emit("raise BasicError('Syntax error', detail='expected GOTO or GOSUB after ON')")
        for number, target in enumerate(s.targets, 1):
            emit(f"{'if' if number == 1 else 'elif'} _k == {number}:")
            emit.indent()
            if target is None:
                emit("raise BasicError('Syntax error', detail='a line number is missing')")
            elif s.gosub:
                self.s_Gosub(ast.Gosub(target))
            else:
                self.jump(target)
            emit.dedent()

    def s_If(self, s: ast.If) -> None:
        self.emit(f"if {self.exprs.condition(s.condition)}:")
        self.emit.indent()
        self._statements(s.then)
        self.emit.dedent()
        if s.otherwise:
            self.emit("else:")
            self.emit.indent()
            self._statements(s.otherwise)
            self.emit.dedent()

    def s_CondJump(self, s: st.CondJump) -> None:
        test = self.exprs.condition(s.condition)
        self.emit(f"if {test}:" if s.when else f"if not {test}:")
        self.emit.indent()
        self.jump(s.target)
        self.emit.dedent()

    def s_Exit(self, s: ast.Exit) -> None:
        if s.what in ("SUB", "FUNCTION"):
            if self.sub is None:
                raise BasicError("Syntax error", detail=f"EXIT {s.what} outside a {s.what}")
            self.emit("return -1" if self.dispatch else f"return {self._sub_result()}")
            return
        between: list[dict] = []    # the native loops of other kinds the EXIT must leave too
        for loop in reversed(self.loops):
            if loop["kind"] == s.what:
                if not loop["native"]:
                    self.emit(f"return {self.label_pc[loop['exit']]}")
                elif between:
                    if "flag" not in loop or not all(inner["native"] for inner in between):
                        raise BasicError("Syntax error",
                                         detail=f"EXIT {s.what} from inside another loop")
                    # Python's break leaves one loop: raise the target's flag, and each loop
                    # on the way out breaks again when it sees it (see _after_loop).
                    self.emit(f"{loop['flag']} = True")
                    self.emit("break")
                    for inner in between:
                        inner.setdefault("flags", set()).add(loop["flag"])
                else:
                    self.emit("break")
                return
            if loop["native"]:
                between.append(loop)
        raise BasicError("Syntax error", detail=f"EXIT {s.what} is not inside a {s.what} loop")

    def _exit_flag(self, entry: dict, body: list) -> None:
        """Before a native loop: a flag for an EXIT of its kind inside a loop of another kind."""
        if _exits_through_other_loops(entry["kind"], body):
            entry["flag"] = f"_x{next(_temps)}"
            self.emit(f"{entry['flag']} = False")

    def _after_loop(self, entry: dict) -> None:
        """After a native loop: pass on an EXIT meant for a loop around this one."""
        for flag in sorted(entry.get("flags", ())):
            self.emit(f"if {flag}: break")

    def _sub_result(self) -> str:
        return sub_result(self.sub)

    def s_Marker(self, s: st.Marker) -> None:
        if s.action == "enter":
            self.loops.append({"kind": s.kind, "native": False, "exit": s.exit})
        else:
            self.loops.pop()

    def s_End(self, s: ast.End) -> None:
        kind = "stop" if s.stop else ""
        if self.kind != "main" or self.program.direct:
            self.emit(f"raise _ProgramEnd({kind!r})")
            return
        # At GW-BASIC's prompt (timewarp.basic.prompt) a program that stops waits for CONT,
        # the prompt running meanwhile: the variables go where typed statements see them,
        # and come back from there.  Elsewhere (a notebook) STOP and END end the program.
        # (Inline, not _breakable's closures: a program without jumps has no dispatch loop,
        # and closures would make its variables cells, slower than the locals they are.)
        emit = self.emit
        emit("if _rt.pause_hook is not None:")
        emit.indent()
        self.program._store_variables(self.names)
        emit(f"_rt.pause({kind!r}, {emit.basic_line!r})")
        self.program._reload_variables(self.names)
        emit.dedent()
        emit("else:")
        emit(f"    raise _ProgramEnd({kind!r})")

    def s_OnError(self, s: ast.OnError) -> None:
        if s.target == 0:
            self.emit("_rt.handler_off()")
        elif s.target in self.label_pc:
            self.emit(f"_rt.handler = {self.label_pc[s.target]}")
        else:
            self.emit("raise BasicError('Undefined line number')")

    def s_Resume(self, s: ast.Resume) -> None:
        if s.target is None:
            self.emit("return _rt.resume(None, 0)")
        elif s.target == "NEXT":
            self.emit("return _rt.resume(None, 1)")
        elif s.target in self.label_pc:
            self.emit(f"return _rt.resume({self.label_pc[s.target]}, 0)")
        else:
            self.emit("raise BasicError('Undefined line number')")

    # FOR loops on the FOR stack

    def s_DynamicFor(self, s: st.DynamicFor) -> None:
        loop, emit, value = s.loop, self.emit, self.exprs.value
        if s.skip is None or s.resume not in self.label_pc or s.skip not in self.label_pc:
            # No NEXT, or its NEXT lies beyond the end of a block loop this FOR is inside
            # (WHILE ... FOR ... WEND ... NEXT): the loops cross, which QBasic refuses too.
            emit("raise BasicError('FOR without NEXT')")
            return
        if s.wrong_next is not None:
            emit(f"raise BasicError('NEXT without FOR', {s.wrong_next})")
            return
        var = python_name(loop.var.key)
        start = value(loop.start)
        start = f"{'_cint(' + start + ')' if loop.var.type == '%' else start}"
        end, step = value(loop.end), value(loop.step) if loop.step is not None else '1'
        late = _names(var, end + " " + step)     # FOR I = 9 TO I: the old I
        emit(f"{'_t' if late else var} = {start}")
        emit(f"_e = {end}")
        emit(f"_s = {step}")
        if late:
            emit(f"{var} = _t")
        emit(f"_rt.for_push({loop.var.key!r}, _e, _s, {self.label_pc[s.resume]})")
        emit(f"if ({var} > _e) if _s >= 0 else ({var} < _e):")
        emit.indent()
        emit(f"{var} = {self._next_value(loop.var.key, var, '_s')}")    # as its NEXT would
        emit("_rt.for_stack.pop()")
        emit(f"return {self.label_pc[s.skip]}")
        emit.dedent()

    def s_Next(self, s: ast.Next) -> None:
        emit = self.emit
        if s.var is not None:
            var = python_name(s.var.key)
            emit(f"_f = _rt.for_find({s.var.key!r})")
            emit(f"{var} = {self._next_value(s.var.key, var)}")
            emit(f"if not _rt.for_done(_f, {var}): return _f.resume")
            return
        emit("_f = _rt.for_find(None)")
        for number, key in enumerate(self.program.for_keys):
            var = python_name(key)
            if var not in self.names:
                continue
            emit(f"{'if' if number == 0 else 'elif'} _f.key == {key!r}:")
            emit(f"    {var} = {self._next_value(key, var)}")
            emit(f"    if not _rt.for_done(_f, {var}): return _f.resume")

    def _next_value(self, key: str, var: str, step: str = "_f.step") -> str:
        """The next value of a FOR variable: a fractional single's as GW-BASIC adds (see
        mbf_arithmetic), as builtins.FloatRange does for native loops; an INTEGER's checked."""
        if key.endswith("!") and key in self.exprs.fractional:
            return f"_single(_sadd({var}, {step}))"
        if key.endswith("%"):
            return f"_cint({var} + {step})"
        return f"{var} + {step}"

    def s_For(self, s: ast.For) -> None:
        raise BasicError("FOR without NEXT")

    # Native loops and blocks

    def n_ForNode(self, node: st.ForNode) -> None:
        loop, emit, value = node.stmt, self.emit, self.exprs.value
        key, n = loop.var.key, next(_temps)
        var = python_name(key)
        entry = {"kind": "FOR", "native": True, "continue": node.continue_labels}
        self._exit_flag(entry, node.body)
        if key not in self.program.assigned_keys and not _inner_for(node.body, key):
            whole_range = _whole_range(loop, value)
            if whole_range is not None:
                emit(f"_r{n} = {whole_range}")
            else:
                extra = (f", {value(loop.step)}" if loop.step is not None else "") + (
                    ", single=False" if key[-1] == "#" else "")
                emit(f"_r{n} = _frange({value(loop.start)}, {value(loop.end)}{extra})")
            emit(f"for {var} in _r{n}:")
            safe = _whole_nonnegative(loop.start) and (
                loop.step is None or _whole_positive(loop.step))
            self._loop_body(node.body, entry, key if safe else None)
            emit("else:")
            if whole_range is not None:
                after = f"_r{n}.start + max(len(_r{n}), 1) * _r{n}.step"    # see _fend
                # An INTEGER counter one step past 32767 is GW-BASIC's "Overflow" at NEXT.
                emit(f"    {var} = {f'_cint({after})' if key[-1] == '%' else after}")
            else:
                emit(f"    {var} = _fend(_r{n})")
            self._after_loop(entry)
            return
        start = value(loop.start)
        start = f"{'_cint(' + start + ')' if key[-1] == '%' else start}"
        # GW-BASIC works out the start, the end and the step before it sets the variable.
        late = _names(var, value(loop.end) + " " + (value(loop.step) if loop.step else ""))
        emit(f"{f'_t{n}' if late else var} = {start}")
        emit(f"_e{n} = {value(loop.end)}")
        if late and loop.step is not None and not isinstance(loop.step, ast.Number):
            emit(f"_s{n} = {value(loop.step)}")
        if late:
            emit(f"{var} = _t{n}")
        if loop.step is None or isinstance(loop.step, ast.Number):
            step = loop.step.value if loop.step is not None else 1
            test = f"{var} {'<=' if step >= 0 else '>='} _e{n}"
            step_code = value(loop.step) if loop.step is not None else "1"
        else:
            if not late:
                emit(f"_s{n} = {value(loop.step)}")
            test = f"({var} <= _e{n} if _s{n} >= 0 else {var} >= _e{n})"
            step_code = f"_s{n}"
        # An INTEGER counter past 32767 is GW-BASIC's "Overflow" at NEXT (see _next_value).
        entry["increment"] = f"{var} = {self._next_value(key, var, step_code)}"
        # A loop that never runs goes through its NEXT all the same, which steps the variable.
        emit(f"if not ({test}): {entry['increment']}")
        emit(f"while {test}:")
        self._loop_body(node.body, entry, None, tail=entry["increment"])
        self._after_loop(entry)

    def _loop_body(self, body: list, entry: dict, safe_key, tail: str | None = None) -> None:
        self.loops.append(entry)
        added = safe_key is not None and safe_key not in self.exprs.safe_indexes
        if added:
            self.exprs.safe_indexes.add(safe_key)
        self.emit.indent()
        self._body(body)
        if tail:
            self.emit(tail)
        self.emit.dedent()
        if added:
            self.exprs.safe_indexes.discard(safe_key)
        self.loops.pop()

    def n_WhileNode(self, node: st.WhileNode) -> None:
        entry = {"kind": "WHILE", "native": True}
        self._exit_flag(entry, node.body)
        self.emit(f"while {self.exprs.condition(node.stmt.condition)}:")
        self._loop_body(node.body, entry, None)
        self._after_loop(entry)

    def n_DoNode(self, node: st.DoNode) -> None:
        do, end, condition = node.stmt, node.loop, self.exprs.condition
        entry = {"kind": "DO", "native": True}
        self._exit_flag(entry, node.body)
        if do.condition is not None:
            test = condition(do.condition)
            self.emit(f"while {'not ' if do.until else ''}{test}:")
        else:
            self.emit("while True:")
        tail = None
        if end.condition is not None:
            test = condition(end.condition)
            tail = f"if {test}: break" if end.until else f"if not {test}: break"
        self._loop_body(node.body, entry, None, tail=tail)
        self._after_loop(entry)

    def n_IfNode(self, node: st.IfNode) -> None:
        for number, (condition, line, body) in enumerate(node.branches):
            self.emit.basic_line = line
            if condition is None:
                self.emit("else:")
            else:
                self.emit(f"{'if' if number == 0 else 'elif'} {self.exprs.condition(condition)}:")
            self.emit.indent()
            self._body(body)
            self.emit.dedent()

    def n_SelectNode(self, node: st.SelectNode) -> None:
        key = st.fresh("case") + ("$" if node.subject.type == "$" else "#")
        self.emit(f"{python_name(key)} = {self.exprs.value(node.subject)}")
        first = True
        for tests, line, body in node.cases:
            self.emit.basic_line = line
            if not tests:
                self.emit("else:" if not first else "if True:")
            else:
                condition = st.case_condition(ast.Variable(key), tests)
                self.emit(f"{'if' if first else 'elif'} {self.exprs.condition(condition)}:")
            first = False
            self.emit.indent()
            self._body(body)
            self.emit.dedent()


_LOOP_KINDS = {st.ForNode: "FOR", st.WhileNode: "WHILE", st.DoNode: "DO"}


def _exits_through_other_loops(kind: str, body: list, inside_other: bool = False) -> bool:
    """Whether ``body`` holds an EXIT ``kind`` that sits inside a loop of another kind."""
    for item in body:
        if isinstance(item, st.Step):
            if inside_other and _exits(kind, (item.stmt,)):
                return True
        elif type(item) in _LOOP_KINDS:
            if _LOOP_KINDS[type(item)] != kind and _exits_through_other_loops(kind, item.body, True):
                return True
        elif isinstance(item, st.IfNode):
            if any(_exits_through_other_loops(kind, b, inside_other) for _, _, b in item.branches):
                return True
        elif isinstance(item, st.SelectNode):
            if any(_exits_through_other_loops(kind, b, inside_other) for _, _, b in item.cases):
                return True
    return False


def _exits(kind: str, stmts) -> bool:
    """Whether the statements (one-line IFs included) hold an EXIT ``kind``."""
    return any(isinstance(s, ast.Exit) and s.what == kind for s in ast.walk_statements(stmts))


def sub_result(sub: dict) -> str:
    """What a SUB or FUNCTION returns: a SUB its scalar parameters, for the caller to copy
    back into the variables it passed; a FUNCTION its value first, then the same."""
    scalars = "".join(p + ", " for p in sub["params"])
    if sub["result"] is None:
        return f"({scalars})"
    return f"({sub['result']}, {scalars})" if scalars else sub["result"]


def _names(name: str, code: str) -> bool:
    """Whether Python ``code`` mentions the variable ``name``."""
    return re.search(rf"\b{re.escape(name)}\b", code) is not None


def _inner_for(body: list, key: str) -> bool:
    """Whether a FOR inside ``body`` counts with ``key`` too: then the outer loop must read
    the variable back at its NEXT, as GW-BASIC does, rather than count on by itself."""
    for item in body:
        stmt = getattr(item, "stmt", None)
        if isinstance(stmt, ast.For) and stmt.var.key == key:
            return True
        if isinstance(stmt, st.DynamicFor) and stmt.loop.var.key == key:
            return True
        if isinstance(item, st.Node) and any(_inner_for(b, key) for b in st._bodies(item)):
            return True
    return False


def _whole_range(loop: ast.For, value) -> str | None:
    """A Python ``range`` for a FOR loop whose start and step are whole-number constants."""
    step = loop.step.value if isinstance(loop.step, ast.Number) else 1 if loop.step is None else None
    if not (isinstance(loop.start, ast.Number) and float(loop.start.value).is_integer()
            and step is not None and float(step).is_integer() and step != 0):
        return None
    start, step = int(loop.start.value), int(step)
    suffix = f", {step}" if step != 1 else ""
    if isinstance(loop.end, ast.Number):
        end = loop.end.value
        stop = math.floor(end) + 1 if step > 0 else math.ceil(end) - 1
        return f"range({start}, {stop}{suffix})"
    bound = "_upto" if step > 0 else "_downto"
    return f"range({start}, {bound}({value(loop.end)}){suffix})"


def _whole_nonnegative(e: ast.Expr) -> bool:
    return isinstance(e, ast.Number) and e.value >= 0 and float(e.value).is_integer()


def _whole_positive(e: ast.Expr) -> bool:
    return _whole_nonnegative(e) and e.value > 0


def _all_statements(region: list):
    for item in region:
        if isinstance(item, st.Step):
            yield from ast.walk_statements((item.stmt,))
        elif isinstance(item, st.Node):
            for body in st._bodies(item):
                yield from _all_statements(body)
