"""The Logo compiler: instruction trees to Python source, run with ``exec``.

A procedure becomes two Python functions: a body ``_B(saved, inputs...)`` and an entry
``_P(inputs...)``.  Variables use shallow binding: one dict ``V`` holds every variable's
current value, and a procedure saves the values it shadows in ``saved`` and puts them back
when it ends, so a call costs no dict copies.  A call in tail position returns a
``TailCall`` that the entry runs in a loop (a call to itself just rebinds its inputs and goes
round again), so tail recursion never grows the stack.  Control structures whose lists are
written in the program (IF, REPEAT, WHILE, FOR, ...) become Python ``if``/``for``/``while``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timewarp.logo.ast import Call, Constant, Failure, Infix, Negate, TemplateSlot, Variable
from timewarp.logo.errors import LogoError
from timewarp.logo.parser import parse
from timewarp.logo.primitives import COMMAND_FORMS, PRIMITIVES, command_ident
from timewarp.logo.primitives.stepping import tag_name
from timewarp.logo.reader import Line
from timewarp.logo.values import full_form, show_form

if TYPE_CHECKING:
    from timewarp.logo.interpreter import Interpreter, Procedure

_INFIX_HELPERS = {"+": "_add", "-": "_sub", "*": "_mul", "/": "_div", "=": "_eq",
                  "<": "_lt", ">": "_gt", "<=": "_le", ">=": "_ge", "<>": "_ne"}
_FAST_OPERATORS = {"+": "+", "-": "-", "=": "==", "<": "<", ">": ">", "<=": "<=",
                   ">=": ">=", "<>": "!="}
_TEST_HELPERS = {"=": "_eqb", "<": "_ltb", ">": "_gtb", "<=": "_leb", ">=": "_geb",
                 "<>": "_neb"}
# Python refuses more than 20 nested loops/try blocks; deeper Logo loops run as lists.
_MAX_LOOPS = 7
_MAX_INDENT = 40


@dataclass
class Source:
    """Python source being written, with the Logo line behind every Python line."""

    lines: list[str] = field(default_factory=list)
    origins: list[Line | None] = field(default_factory=list)
    indent: int = 0
    #: Values the code refers to by name: lists, arrays and errors written in the program.
    constants: dict[str, object] = field(default_factory=dict)

    def emit(self, text: str, origin: Line | None) -> None:
        self.lines.append("    " * self.indent + text)
        self.origins.append(origin)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class Compiler:
    """Writes one Python function for a procedure, a list that is RUN, or a top-level line."""

    def __init__(self, interp: Interpreter, procedure: Procedure | None = None) -> None:
        self.interp = interp
        self.procedure = procedure
        self.src = Source()
        self.line: Line | None = None
        self.temps = 0
        self.loops = 0
        self.in_entry = False
        self.needs_frame = False

    # -- entry points -----------------------------------------------------------------

    def procedure_source(self, body: str, entry: str) -> Source:
        """The body (run by tail calls, sharing the caller's ``saved``) and the entry."""
        proc = self.procedure
        assert proc is not None
        params = [f"a{i}" for i in range(len(proc.required))]
        params += [f"a{len(params) + i}=_MISSING" for i in range(len(proc.optional))]
        if proc.rest:
            params.append("*rest")
        signature = ", ".join(params)
        self.line = proc.title
        self._emit(f"def {body}(saved{', ' if signature else ''}{signature}):")
        self.src.indent += 1
        self._bind_inputs(proc, into_saved=True)
        self._body(proc)
        self.src.indent -= 1
        self._entry(entry, signature, proc)
        return self.src

    def list_source(self, name: str, items: list, value: bool, line: Line | None) -> Source:
        """A function running ``items``; with ``value`` it returns the last instruction's value."""
        self.line = line
        self._emit(f"def {name}():")
        self.src.indent += 1
        self._block(items, tail=False, value=value)
        self._emit("return None")
        self.src.indent -= 1
        return self.src

    # -- procedures ---------------------------------------------------------------------

    def _input_names(self, proc: Procedure) -> list[str]:
        names = list(proc.required) + [name for name, _ in proc.optional]
        return names + ([proc.rest] if proc.rest else [])

    def _bind_inputs(self, proc: Procedure, into_saved: bool) -> None:
        """Give the inputs their values, keeping what they shadow (in ``saved`` or in o0...)."""
        for index, name in enumerate(self._input_names(proc)):
            if index >= len(proc.required) + len(proc.optional):
                self._emit(f"a{index} = list(rest)")
            elif index >= len(proc.required):
                default = proc.optional[index - len(proc.required)][1]
                value = self._value_of_list(default, "to")
                self._emit(f"if a{index} is _MISSING: a{index} = {value}")
            if into_saved:
                self._emit(f"if {name!r} not in saved: saved[{name!r}] = V.get({name!r}, _UNBOUND)")
            self._emit(f"V[{name!r}] = a{index}")

    def _body(self, proc: Procedure) -> None:
        if any(str(item).lower() == "tag" for line in proc.lines for item in line.items):
            self._emit("_go = 0")  # where a procedure with TAGs starts (_tagged_lines)
        start = len(self.src.lines)
        self.self_tail_kinds: set[bool] = set()
        self.returns: list[tuple[int, str | None]] = []
        self._emit("while True:")
        self.src.indent += 1
        self._procedure_lines(proc.lines)
        self._return(None)
        self.src.indent -= 1
        if self.self_tail_kinds:
            self._check_self_tail_results(start, proc.name)

    def _return(self, value: str | None) -> None:
        """``return value`` (None: STOP), remembered in case a self tail call needs a check."""
        self.returns.append((len(self.src.lines), value))
        self._emit(f"return {value}")

    def _check_self_tail_results(self, start: int, name: str) -> None:
        """After ``output name ...`` went round again, the last round must output (and after a
        plain ``name ...`` it must not): ``_exp`` says which the last round was."""
        lines = self.src.lines
        for index, value in self.returns:
            indent = lines[index][:len(lines[index]) - len(lines[index].lstrip())]
            if value is None and True in self.self_tail_kinds:
                lines[index] = (f"{indent}return (_raise(_didnt_output({name!r}, 'output')) "
                                "if _exp else None)")
            elif value is not None and False in self.self_tail_kinds:
                lines[index] = (f"{indent}return (_raise(_dont_say(_v)) if (_v := {value}) "
                                "is not None and _exp is False else _v)")
        indent = lines[start][:len(lines[start]) - len(lines[start].lstrip())]
        lines.insert(start, f"{indent}_exp = None")
        self.src.origins.insert(start, self.src.origins[start])

    def _procedure_lines(self, lines: list[Line]) -> None:
        proc = self.procedure
        assert proc is not None
        stepped = proc.name in self.interp.stepped
        parsed = [parse(line.items, self.interp.parse_arity) for line in lines]
        # GOTO goes on after its TAG (a TAG does nothing; a stepped line is not shown again).
        tags = {name: index + 1 for index, name in enumerate(
            tag_name(node) for instructions in parsed for node in instructions) if name}
        self.interp.procedure_tags[proc.name] = tags  # for GOTO to check
        if tags:
            self._tagged_lines(lines, parsed, tags, stepped)
            return
        for number, line in enumerate(lines):
            self.line = line
            if stepped:
                self._emit(f"_step_line(I, {show_form(line.items)!r})")
            instructions = parsed[number]
            last = number == len(lines) - 1
            for index, node in enumerate(instructions):
                self._statement(node, tail=last and index == len(instructions) - 1)

    def _tagged_lines(self, lines: list[Line], parsed: list[list], tags: dict[str, int],
                      stepped: bool) -> None:
        """A procedure with TAGs: each instruction runs if the loop started at or before it,
        and GOTO sets where the next time round starts (``_go``, set to 0 before the loop)."""
        assert self.procedure is not None
        self._emit("_at, _go = _go, 0")
        self._emit("try:")
        self.src.indent += 1
        count = 0
        for number, line in enumerate(lines):
            self.line = line
            last = number == len(lines) - 1
            for index, node in enumerate(parsed[number]):
                self._emit(f"if _at <= {count}:")
                self.src.indent += 1
                if stepped and index == 0:
                    self._emit(f"_step_line(I, {show_form(line.items)!r})")
                self._emit("pass")
                self._statement(node, tail=last and index == len(parsed[number]) - 1)
                self.src.indent -= 1
                count += 1
        self._emit("pass")
        self.src.indent -= 1
        self._emit("except _GotoSignal as _g:")
        self._emit(f"    _go = _goto_target(_g, {self.procedure.name!r}, {tags!r})")
        self._emit("    continue")

    def _entry(self, entry: str, signature: str, proc: Procedure) -> None:
        """The function callers call: inputs' old values live in locals, not in a dict."""
        names = self._input_names(proc)
        self.line = proc.title
        self._emit(f"def {entry}({signature}):")
        self.src.indent += 1
        for index, name in enumerate(names):
            self._emit(f"o{index} = V.get({name!r}, _UNBOUND)")
        # TEST's result is the procedure's own: its callees see it, its caller does not.
        own_test = _mentions_test(proc.lines)
        if own_test:
            self._emit("_tests = I.test_result[:]")
        frame_line = len(self.src.lines)
        self._emit("saved = {}")
        self._emit("try:")
        self.src.indent += 1
        self.in_entry = True
        self._bind_inputs(proc, into_saved=False)
        self._body(proc)
        self.in_entry = False
        self.src.indent -= 1
        if not self.needs_frame:
            # Nothing here can run LOCAL or a tail call at this level: no dict needed.
            del self.src.lines[frame_line], self.src.origins[frame_line]
        self.line = proc.title
        self._emit("except _StopSignal:")
        self._emit("    return None")
        self._emit("except _OutputSignal as signal:")
        self._emit("    return signal.value")
        self._emit("except KeyError as missing:")
        self._emit("    _e = _no_value(missing.args[0]).with_traceback(missing.__traceback__)")
        self._emit("    _erract(I, _e)")
        self._emit("    raise _e from None")
        # ERRACT runs here, while the procedure's variables still have their values.
        self._emit("except _LogoError as _e:")
        self._emit("    _erract(I, _e)")
        self._emit("    raise")
        self._emit("finally:")
        if own_test:
            self._emit("    I.test_result[:] = _tests")
        if self.needs_frame:
            self._emit("    if saved: _restore(V, saved)")
        elif not names and not own_test:
            self._emit("    pass")
        for index, name in reversed(list(enumerate(names))):
            self._emit(f"    if o{index} is _UNBOUND: V.pop({name!r}, None)")
            self._emit(f"    else: V[{name!r}] = o{index}")
        self.src.indent -= 1

    # -- blocks and statements ----------------------------------------------------------

    def _block(self, items: list, tail: bool, value: bool = False) -> None:
        instructions = parse(items, self.interp.parse_arity)
        if not instructions:
            self._emit("pass")
            return
        for index, node in enumerate(instructions):
            last = index == len(instructions) - 1
            if value and last:
                self._value_statement(node)
            else:
                self._statement(node, tail=tail and last)

    def _value_statement(self, node: object) -> None:
        """The last instruction of a list that is RUN: its value is the list's value."""
        if isinstance(node, Call) and node.name in _CHOICES and self._inline_ok(node):
            self._inline(node, tail=False, value=True)
            self._emit("return None")
        elif isinstance(node, Call) and node.name in _INLINE and self._inline_ok(node):
            self._inline(node, tail=False, value=False)
        elif isinstance(node, Failure):
            self._statement(node, tail=False)
        else:
            self._emit(f"return {self._expression(node, None)}")

    def _statement(self, node: object, tail: bool) -> None:
        if isinstance(node, Failure):
            self._emit(f"raise _fail({self._constant_name(node.error)})")
            return
        if not isinstance(node, Call):
            self._emit(f"raise _dont_say({self._expression(node, None)})")
            return
        if node.name in _INLINE and self._inline_ok(node):
            self._inline(node, tail, value=False)
            return
        if node.name == "make" and "make" not in self.interp.redefined and \
                isinstance(node.inputs[0], Constant) and \
                isinstance(node.inputs[0].value, str) and node.inputs[0].value:
            value = self._expression(node.inputs[1], "make")
            name = node.inputs[0].value.lower()
            if name in self.interp.traced_names:
                self._emit(f"_traced_make(I, {name!r}, {value})")
            else:
                self._emit(f"V[{name!r}] = {value}")
            return
        user = self.interp.user_procedure(node.name)
        if user is not None and user.macro:
            self._emit(self._macro_call(node, value=False))
            return
        if user is not None:
            self._user_call_statement(node, tail)
            return
        if node.name not in PRIMITIVES:  # ALLOWGETSET's getter or setter
            self._emit(f"_r = {self._get_or_set(node)}")
            self._emit("if _r is not None: raise _dont_say(_r)")
            return
        primitive = self.interp.primitive(node.name)
        call = self._primitive_call(node)
        if node.name in COMMAND_FORMS:
            self._emit(call.replace(primitive.ident, command_ident(node.name), 1))
        elif primitive.outputs is True:
            self._emit(f"raise _dont_say({call})")
        elif primitive.outputs is False:
            self._emit(call)
        else:
            self._emit(f"_r = {call}")
            self._emit("if _r is not None: raise _dont_say(_r)")

    def _user_call_statement(self, node: Call, tail: bool, expects: bool = False) -> None:
        """A call of the user's procedure as an instruction; ``expects`` when OUTPUT gives its
        value (so that it must have one), else it must have none."""
        args = [self._expression(arg, node.name) for arg in node.inputs]
        proc = self.procedure
        # A traced procedure is always called through its entry, where the tracing is.
        if tail and proc is not None and node.name not in self.interp.traced:
            if node.name == proc.name and not proc.optional and not proc.rest:
                self._self_tail_call(args, expects)
                return
            inputs = "".join(f"{a}, " for a in args)
            if self.in_entry:
                self.needs_frame = True
                self._emit(f"_n, _e = {node.name!r}, {expects}")
                self._emit(f"r = BD[{node.name!r}](saved, {inputs})")
                self._emit("while type(r) is _TailCall: "
                           "_n, _e, r = r.name, r.expects, BD[r.name](saved, *r.inputs)")
                # The last procedure of the chain must output after OUTPUT, not after a command.
                self._emit("if (r is None) is _e: raise _tail_error(_n, _e, r)")
                self._emit("return r")
            else:
                self._emit(f"return _TailCall({node.name!r}, ({inputs}), {expects})")
            return
        self._emit(f"_r = E[{node.name!r}]({', '.join(args)})")
        self._emit("if _r is not None: raise _dont_say(_r)")

    def _self_tail_call(self, args: list[str], expects: bool) -> None:
        self.self_tail_kinds.add(expects)
        proc = self.procedure
        assert proc is not None
        temps = []
        for arg in args:
            temp = self._temp()
            self._emit(f"{temp} = {arg}")
            temps.append(temp)
        for name, temp in zip(proc.required, temps, strict=True):
            self._emit(f"V[{name!r}] = {temp}")
        self._emit(f"_exp = {expects}")
        self._emit("continue")

    # -- expressions ----------------------------------------------------------------------

    def _expression(self, node: object, consumer: str | None) -> str:
        if isinstance(node, Constant):
            return self._constant(node.value)
        if isinstance(node, Variable):
            return f"V[{node.name!r}]"
        if isinstance(node, Infix):
            return self._infix(node, _INFIX_HELPERS)
        if isinstance(node, Negate):
            return f"_neg({self._expression(node.operand, '-')})"
        if isinstance(node, TemplateSlot):
            return f"_slot(I, {node.index})"
        if isinstance(node, Failure):
            return f"_raise(_fail({self._constant_name(node.error)}))"
        assert isinstance(node, Call)
        return self._call_expression(node, consumer)

    def _operand(self, node: object, operator: str) -> tuple[str, str | None]:
        """An infix operand; a call of the user's is left unchecked (its name is returned) and
        the operator's slow path reports "didn't output", keeping the fast path short."""
        user = self.interp.user_procedure(node.name) if isinstance(node, Call) else None
        if user is not None and not user.macro:
            return self._call_expression(node, None), node.name
        return self._expression(node, operator), None

    def _infix(self, node: Infix, helpers: dict[str, str]) -> str:
        left, left_call = self._operand(node.left, node.operator)
        right, right_call = self._operand(node.right, node.operator)
        first, second = self._temp(), self._temp()
        helper = helpers[node.operator]
        if left_call or right_call:
            helper = f"_checked({helper}, {node.operator!r}, {left_call!r}, {right_call!r})"
        slow = f"{helper}({first}, {second})"
        fast = _FAST_OPERATORS.get(node.operator)
        if fast is None or (fast not in ("+", "-") and not _small_int(node.right)):
            return f"{helper}({left}, {right})"
        # Whole numbers are the common case (:n - 1, :n < 2, a + b): inline them.  "&", not
        # "and": both sides must be evaluated (and assigned) every time.
        if _small_int(node.right):
            second = right
            slow = f"{helper}({first}, {second})"
            test = f"type({first} := {left}) is int"
        else:
            test = f"(type({first} := {left}) is int) & (type({second} := {right}) is int)"
        result = f"{first} {fast} {second}"
        if helpers is _INFIX_HELPERS and fast not in ("+", "-"):
            result = f"('true' if {result} else 'false')"
        return f"({result} if {test} else {slow})"

    def _constant(self, value: object) -> str:
        if type(value) in (int, float):
            text = repr(value)
            return text if text not in ("inf", "-inf", "nan") else self._constant_name(value)
        if isinstance(value, str):
            return repr(str(value))
        return self._constant_name(value)

    def _call_expression(self, node: Call, consumer: str | None) -> str:
        if node.name == "ifelse" and self._inline_ok(node):
            choice = self._choice_expression(node, consumer)
            if choice is not None:
                return choice
        if node.name == "thing" and isinstance(node.inputs[0], Constant) and \
                isinstance(node.inputs[0].value, str) and len(node.inputs) == 1:
            return f"V[{node.inputs[0].value.lower()!r}]"
        user = self.interp.user_procedure(node.name)
        if user is not None and user.macro:
            call = self._macro_call(node, value=True)
        elif user is not None:
            args = ", ".join(self._expression(arg, node.name) for arg in node.inputs)
            call = f"E[{node.name!r}]({args})"
        elif node.name not in PRIMITIVES:  # ALLOWGETSET's getter or setter
            call = self._get_or_set(node)
        else:
            call = self._primitive_call(node)
            if self.interp.primitive(node.name).outputs is True or consumer is None:
                return call
        if consumer is None:
            return call
        temp = self._temp()
        return (f"({temp} if ({temp} := {call}) is not None "
                f"else _raise(_didnt_output({node.name!r}, {consumer!r})))")

    def _macro_call(self, node: Call, value: bool) -> str:
        """A macro runs, then its output runs here, where it was called."""
        self.needs_frame = True
        args = "".join(f", {self._expression(arg, node.name)}" for arg in node.inputs)
        return f"_macro(I, {node.name!r}, {value}{args})"

    def _get_or_set(self, node: Call) -> str:
        args = "".join(f", {self._expression(arg, node.name)}" for arg in node.inputs)
        return f"_get_or_set(I, {node.name!r}{args})"

    def _primitive_call(self, node: Call) -> str:
        primitive = self.interp.primitive(node.name)
        if node.name in _RUNS_CODE:
            self.needs_frame = True
        # .MAYBEOUTPUT's input may be a command: it gets None rather than an error.
        consumer = None if node.name == ".maybeoutput" else node.name
        args = "".join(f", {self._expression(arg, consumer)}" for arg in node.inputs)
        if node.name == ".eq" and any(map(_new_number, node.inputs)):
            # A number written or computed here is a new object, the same as no other.
            return f"_not_same(I{args})"
        return f"{primitive.ident}(I{args})"

    def _condition(self, node: object, consumer: str) -> str:
        """A Python truth value for a Logo condition (TRUE or FALSE)."""
        if isinstance(node, Infix) and node.operator in _TEST_HELPERS:
            return self._infix(node, _TEST_HELPERS)
        if isinstance(node, Constant) and isinstance(node.value, list):
            # UCBLogo 6: a list as the condition is run for its value.
            single = self._single(node.value, consumer)
            if not isinstance(single, Failure):
                return self._condition(single, consumer)
        return f"_cond(I, {consumer!r}, {self._expression(node, consumer)})"

    def _choice_expression(self, node: Call, consumer: str | None) -> str | None:
        branches = []
        for branch in node.inputs[1:3]:
            instructions = parse(branch.value,  # type: ignore[attr-defined]
                                 self.interp.parse_arity)
            if len(instructions) != 1 or isinstance(instructions[0], Failure):
                return None
            branches.append(self._expression(instructions[0], consumer))
        condition = self._condition(node.inputs[0], node.name)
        return f"({branches[0]} if {condition} else {branches[1]})"

    def _value_of_list(self, items: list, consumer: str) -> str:
        instructions = parse(items, self.interp.parse_arity)
        if len(instructions) != 1:
            raise LogoError(f"{consumer} doesn't like {full_form(items)} as input", code=7)
        return self._expression(instructions[0], consumer)

    # -- inline control structures ----------------------------------------------------------

    def _inline_ok(self, node: Call) -> bool:
        if self.interp.user_procedure(node.name) is not None:
            return False  # the program's own WHILE, FOR...
        shape = _INLINE[node.name]
        if len(node.inputs) != len(shape):
            return False
        if self.src.indent > _MAX_INDENT or (node.name in _LOOPS and self.loops >= _MAX_LOOPS):
            return False
        return all(kind != "list" or (isinstance(arg, Constant) and isinstance(arg.value, list))
                   for kind, arg in zip(shape, node.inputs, strict=True))

    def _inline(self, node: Call, tail: bool, value: bool) -> None:
        getattr(self, "_inline_" + node.name.replace(".", "_"))(node, tail, value)

    def _nested(self, items: list, tail: bool, value: bool = False) -> None:
        self.src.indent += 1
        self._block(items, tail, value)
        self.src.indent -= 1

    def _inline_if(self, node: Call, tail: bool, value: bool) -> None:
        self._emit(f"if {self._condition(node.inputs[0], 'if')}:")
        self._nested(node.inputs[1].value, tail, value)

    def _inline_ifelse(self, node: Call, tail: bool, value: bool) -> None:
        self._emit(f"if {self._condition(node.inputs[0], 'ifelse')}:")
        self._nested(node.inputs[1].value, tail, value)
        self._emit("else:")
        self._nested(node.inputs[2].value, tail, value)

    def _inline_iftrue(self, node: Call, tail: bool, value: bool) -> None:
        self._emit("if _tested(I, 'iftrue'):")
        self._nested(node.inputs[0].value, tail, value)

    def _inline_iffalse(self, node: Call, tail: bool, value: bool) -> None:
        self._emit("if not _tested(I, 'iffalse'):")
        self._nested(node.inputs[0].value, tail, value)

    def _inline_stop(self, node: Call, tail: bool, value: bool) -> None:
        if self.procedure:
            self._return(None)
        else:
            self._emit("raise _StopSignal()")

    def _inline_output(self, node: Call, tail: bool, value: bool) -> None:
        argument = node.inputs[0]
        if self.procedure is None:
            self._emit(f"raise _OutputSignal({self._expression(argument, 'output')})")
        elif isinstance(argument, Call) and self.interp.user_procedure(argument.name) and \
                not self.interp.user_procedure(argument.name).macro:
            self._user_call_statement(argument, tail=True, expects=True)
        else:
            self._return(self._expression(argument, "output"))

    def _loop(self, header: str, items: list, prelude: tuple[str, ...] = ()) -> None:
        self._emit("RC.append(0)")
        self._emit("try:")
        self.src.indent += 1
        for text in prelude:
            self._emit(text)
        self._emit(header)
        self.src.indent += 1
        self._emit("RC[-1] = _k")
        self.loops += 1
        self._block(items, tail=False)
        self.loops -= 1
        self.src.indent -= 2
        self._emit("finally:")
        self._emit("    RC.pop()")

    def _inline_repeat(self, node: Call, tail: bool, value: bool) -> None:
        count = self._expression(node.inputs[0], "repeat")
        self._loop(f"for _k in range(1, _count('repeat', {count}) + 1):", node.inputs[1].value)

    def _inline_forever(self, node: Call, tail: bool, value: bool) -> None:
        self._loop("for _k in _counter(1):", node.inputs[0].value)

    def _conditional_loop(self, node: Call, negate: bool, first_body: bool) -> None:
        condition_list, body = node.inputs[0].value, node.inputs[1].value
        if first_body:
            condition_list, body = body, condition_list
        condition = self._condition(self._single(condition_list, node.name), node.name)
        test = f"not {condition}" if negate else condition
        self.loops += 1
        if first_body:
            self._emit("while True:")
            self._nested(body, tail=False)
            self._emit(f"    if not ({test}): break")
        else:
            self._emit(f"while {test}:")
            self._nested(body, tail=False)
        self.loops -= 1

    def _single(self, items: list, name: str) -> object:
        instructions = parse(items, self.interp.parse_arity)
        if len(instructions) != 1:
            return Failure(LogoError(f"{name} doesn't like its condition", code=7))
        return instructions[0]

    def _inline_while(self, node: Call, tail: bool, value: bool) -> None:
        self._conditional_loop(node, negate=False, first_body=False)

    def _inline_until(self, node: Call, tail: bool, value: bool) -> None:
        self._conditional_loop(node, negate=True, first_body=False)

    def _inline_do_while(self, node: Call, tail: bool, value: bool) -> None:
        self._conditional_loop(node, negate=False, first_body=True)

    def _inline_do_until(self, node: Call, tail: bool, value: bool) -> None:
        self._conditional_loop(node, negate=True, first_body=True)

    def _inline_for(self, node: Call, tail: bool, value: bool) -> None:
        control = node.inputs[0].value
        if not control or not isinstance(control[0], str):
            error = LogoError(f"for doesn't like {full_form(control)} as input", code=7)
            self._emit(f"raise _fail({self._constant_name(error)})")
            return
        name = control[0].lower()
        limits = parse(control[1:], self.interp.parse_arity)
        if len(limits) not in (2, 3) or any(isinstance(n, Failure) for n in limits):
            error = LogoError(f"for doesn't like {full_form(control)} as input", code=7)
            self._emit(f"raise _fail({self._constant_name(error)})")
            return
        parts = [self._expression(limit, "for") for limit in limits]
        step = parts[2] if len(parts) == 3 else "None"
        old, index = self._temp(), self._temp()
        self._emit(f"{old} = V.get({name!r}, _UNBOUND)")
        self._emit("try:")
        self.src.indent += 1
        self._emit(f"for {index} in _for_range({parts[0]}, {parts[1]}, {step}):")
        self._emit(f"    V[{name!r}] = {index}")
        self.loops += 1
        self._nested(node.inputs[1].value, tail=False)
        self.loops -= 1
        self.src.indent -= 1
        self._emit("finally:")
        self._emit(f"    if {old} is _UNBOUND: V.pop({name!r}, None)")
        self._emit(f"    else: V[{name!r}] = {old}")

    # -- small helpers -------------------------------------------------------------------------

    def _constant_name(self, value: object) -> str:
        name = f"_k{len(self.src.constants)}"
        self.src.constants[name] = value
        return name

    def _emit(self, text: str) -> None:
        self.src.emit(text, self.line)

    def _temp(self) -> str:
        self.temps += 1
        return f"_t{self.temps}"


# Primitives that may run Logo code at the caller's level (and so may meet LOCAL there).
_RUNS_CODE = frozenset({
    "run", "runresult", "repeat", "forever", "if", "ifelse", "iftrue", "iffalse", "while",
    "until", "do.while", "do.until", "for", "catch", "map", "filter", "find", "reduce",
    "foreach", "apply", "invoke", "filled", "and", "or", "local", "localmake"})


def _mentions_test(lines: list[Line]) -> bool:
    """Whether the word TEST is anywhere in the lines, in lists too (as IF's or RUN's)."""
    pending: list = [line.items for line in lines]
    while pending:
        for item in pending.pop():
            if isinstance(item, list):
                pending.append(item)
            elif isinstance(item, str) and item.lower() == "test":
                return True
    return False


def _new_number(node: object) -> bool:
    """A number literal, or arithmetic, whose value is a new object each time (for .EQ)."""
    if isinstance(node, Constant):
        return type(node.value) in (int, float)
    return isinstance(node, Negate) or (isinstance(node, Infix) and node.operator in "+-*/")


def _small_int(node: object) -> bool:
    return isinstance(node, Constant) and type(node.value) is int


# Inline forms and the kind of each input: "list" inputs must be written as lists.
_INLINE: dict[str, tuple[str, ...]] = {
    "if": ("any", "list"), "ifelse": ("any", "list", "list"),
    "iftrue": ("list",), "iffalse": ("list",), "stop": (), "output": ("any",),
    "repeat": ("any", "list"), "forever": ("list",), "while": ("list", "list"),
    "until": ("list", "list"), "do.while": ("list", "list"), "do.until": ("list", "list"),
    "for": ("list", "list"),
}
#: Inline forms that give the value of the list they run (IFTRUE's as IF's).
_CHOICES = frozenset({"if", "ifelse", "iftrue", "iffalse"})
_LOOPS = frozenset({"repeat", "forever", "while", "until", "do.while", "do.until", "for"})
