"""The Python for BASIC's straight-line statements: PRINT, LET, INPUT, DIM, READ...

Each ``s_<Statement>`` method writes the Python for one statement class; the control
flow statements live in :mod:`timewarp.basic.statements`, which builds on this class.
"""

from __future__ import annotations

from timewarp.basic import ast
from timewarp.basic.errors import BasicError
from timewarp.basic.numbers import may_leave_single
from timewarp.basic.python_expressions import fn_binding, python_name


def _simple(code: str) -> bool:
    """A plain name or number: an integer there is already in range."""
    return code.replace("_", "").replace("-", "").isalnum()


def _as_single(code: str, kind: str) -> str:
    """A number read as text (READ, INPUT) kept as the single GW-BASIC reads it into."""
    return f"_single({code})" if kind == "!" else code


class SimpleStatements:
    """Needs ``emit``, ``exprs``, ``program``, ``names`` and ``kind`` from its subclass."""

    def store(self, target: ast.Target, value_code: str, value_type: str | None = None,
              place: str | None = None) -> None:
        """``target = value``; ``place`` is the Python to assign to, if not the target's own."""
        if target.type == "%" and (value_type != "%" or not _simple(value_code)):
            value_code = f"_cint({value_code})"
        elif target.type == "#" and value_type == "!":
            # GW-BASIC computed it in single precision, then widened it.
            value_code = f"_single({value_code})"
        self.emit(f"{place or self.exprs.value(target)} = {value_code}")

    def s_Assign(self, s: ast.Assign) -> None:
        if s.target.type == "!" and may_leave_single(s.value):
            # Rounded here, with the range checks, rather than by the expression too.
            self.exprs.rounded_outside = s.value
            try:
                code = f"_single({self.exprs.value(s.value)})"    # see numbers.may_leave_single
            finally:
                self.exprs.rounded_outside = None
        else:
            code = self.exprs.value(s.value)
        if s.target.type == "$" and self.program.memory_mode:
            code = self.memory_assign(s.target, s.value, code)
        self.store(s.target, code, s.value.type)

    def s_Const(self, s: ast.Const) -> None:
        self.store(ast.Variable(s.key), self.exprs.value(s.value), s.value.type)

    def s_SetTemp(self, s) -> None:
        self.emit(f"{python_name(s.key)} = {self.exprs.value(s.value)}")

    def s_Print(self, s: ast.Print) -> None:
        target = "_rt"
        if isinstance(s.file, ast.String):     # LPRINT
            self.emit("_f = _rt.files.lpt1")
            target = "_f"
        elif s.file is not None:
            # PRINT # writes through the file's printer, which keeps its own column and zones.
            self.emit(f"_f = _rt.files.printer({self.exprs.value(s.file)})")
            target = "_f"
        emit, value = self.emit, self.exprs.value
        if s.using is not None:
            values = [value(i) for i in s.items if isinstance(i, ast.Expr)]
            # The types too: a double rounds as a double, anything else as a single.
            types = "".join(i.type for i in s.items if isinstance(i, ast.Expr))
            emit(f"{target}.item(_using({value(s.using)}, [{', '.join(values)}], {types!r}))")
        else:
            for item in s.items:
                if item == ",":
                    emit(f"{target}.zone()")
                elif item == ";":
                    continue
                elif isinstance(item, ast.BuiltinCall) and item.name in ("TAB", "SPC"):
                    emit(f"{target}.{item.name.lower()}({value(item.args[0])})")
                elif item.type == "$":
                    emit(f"{target}.item({value(item)})")
                else:
                    emit(f"{target}.number({value(item)}{', True' if item.type == '#' else ''})")
        last = s.items[-1] if s.items else None
        # GW-BASIC: a PRINT that ends with TAB(n) or SPC(n) stays on its line, as after ";".
        if last is None or not (last in (";", ",") or isinstance(last, ast.BuiltinCall)
                                and last.name in ("TAB", "SPC")):
            emit(f"{target}.newline()")

    def s_Input(self, s: ast.Input) -> None:
        if s.file is not None:
            self.input_from_file(s)
            return
        if s.whole_line:
            self.store(s.targets[0], f"_rt.read_line({s.prompt!r})", "$")
            return
        types = "".join(t.type for t in s.targets)
        more = ", more=True" if s.cut_short else ""
        self.emit(f"_v = _rt.input({s.prompt!r}, {s.question!r}, {types!r}{more})")
        # GW-BASIC finds every array element before it assigns any: INPUT I, A(I) fills the
        # element of the I from before the INPUT.
        places: dict[int, str] = {}
        if len(s.targets) > 1:
            for number, target in enumerate(s.targets):
                if isinstance(target, ast.ArrayElement):
                    name, codes = self.exprs._access(target)
                    for d, code in enumerate(codes):
                        self.emit(f"_in{number}_{d} = {code}")
                    places[number] = name + "".join(
                        f"[_in{number}_{d}]" for d in range(len(codes)))
        for number, target in enumerate(s.targets):
            self.store(target, _as_single(f"_v[{number}]", target.type), target.type,
                       places.get(number))

    def s_Read(self, s: ast.Read) -> None:
        for target in s.targets:
            self.store(target, _as_single(f"_rt.read({target.type!r})", target.type),
                       target.type)

    def s_Restore(self, s: ast.Restore) -> None:
        if s.target is None:
            self.emit("_rt.data_pointer = 0")
        elif s.target in self.program.data_index:
            self.emit(f"_rt.data_pointer = {self.program.data_index[s.target]}")
        else:
            self.emit("raise BasicError('Undefined line number')")

    def s_Dim(self, s: ast.Dim) -> None:
        store = "_A" if self.kind == "main" or s.shared else "None"
        for key, bounds in s.arrays:
            name = python_name(key, True)
            if not bounds:
                continue
            values = ", ".join(self.exprs.value(high) for _, high in bounds)
            lowers = ""
            if any(low is not None for low, _ in bounds):
                lowers = ", (" + "".join(
                    (self.exprs.value(low) if low is not None else "None") + ", "
                    for low, _ in bounds) + ")"
            self.emit(f"{name} = _rt.dim({store}, {key!r}, ({values},){lowers})")
            self.emit(self.exprs.bind_accessors(name))

    def s_Erase(self, s: ast.Erase) -> None:
        for key in s.keys:
            name = python_name(key, True)
            self.emit(f"if {name} is None: raise BasicError('Illegal function call')")
            self.emit(f"{name} = None")
            self.emit(self.exprs.bind_accessors(name))
            if self.kind == "main":
                self.emit(f"_A[{key!r}] = None")

    def s_Swap(self, s: ast.Swap) -> None:
        first, second = self.exprs.value(s.first), self.exprs.value(s.second)
        self.emit(f"{first}, {second} = {second}, {first}")

    def s_MidAssign(self, s: ast.MidAssign) -> None:
        target = self.exprs.value(s.target)
        length = self.exprs.value(s.length) if s.length is not None else "None"
        self.emit(f"{target} = _mid_assign({target}, {self.exprs.value(s.start)}, {length}, "
                  f"{self.exprs.value(s.value)})")

    def s_Randomize(self, s: ast.Randomize) -> None:
        if s.seed is None:
            self.emit("_rt.randomize()")
            return
        # GW-BASIC reads the seed's bytes, so its type matters: a plain whole constant is an
        # integer there, anything else has its own type (RANDOMIZE -1 takes a single's bytes).
        kind = s.seed.type
        if isinstance(s.seed, ast.Number) and kind == "!" and 0 <= s.seed.value <= 32767 and \
                float(s.seed.value).is_integer():
            kind = "%"
        self.emit(f"_rt.randomize({self.exprs.value(s.seed)}, {kind!r})")

    def s_OptionBase(self, s: ast.OptionBase) -> None:
        dimmed = sorted(self.program.dimmed)
        if self.kind == "main" and dimmed:
            # Another base once an array is DIMmed is GW-BASIC's "Duplicate Definition".
            self.emit(f"if _rt.option_base != {s.base} and any(_A.get(k) is not None "
                      f"for k in {dimmed!r}): raise BasicError('Duplicate Definition')")
        if self.kind == "main":
            # A second OPTION BASE with another base is "Duplicate Definition" too; the base
            # set is kept with the variables, so RUN and CLEAR forget it.
            self.emit(f"if _V.setdefault('\\0base', {s.base}) != {s.base}: "
                      "raise BasicError('Duplicate Definition')")
        self.emit(f"_rt.option_base = {s.base}")

    def s_CallSub(self, s: ast.CallSub) -> None:
        sub = self.program.subs.get(s.name)
        if sub is None and not getattr(self.program, "direct", True):
            # CALL address in a GW-BASIC listing calls machine code: accepted, never runs.
            self.emit("pass")
            return
        if sub is None or sub.function:
            raise BasicError("Syntax error", detail=f"there is no SUB {s.name}")
        args, back = self.exprs.call_arguments(f"SUB {s.name}", sub.params, s.args)
        call = f"sub_{s.name}({''.join(a + ', ' for a in args)})"
        if not back:
            self.emit(call)
            return
        # The SUB returns its scalar parameters: variables passed to it take their new
        # values, as QBasic passes them by reference.
        self.emit(f"_p = {call}")
        for place, arg, kind in back:
            self.store(arg, f"_p[{place}]", kind)

    def s_Static(self, s: ast.Static) -> None:
        self.emit("pass")

    def s_Graphics(self, s: ast.Graphics) -> None:
        args = [self.exprs.value(a) if a is not None else "None" for a in s.args]
        if s.flags:
            args.append(repr(s.flags))
        self.emit(f"_rt.graphics({s.name!r}{''.join(', ' + a for a in args)})")

    def s_Command(self, s: ast.Command) -> None:
        if s.name == "SYSTEM":
            self.emit("raise _ProgramEnd('')")
        elif s.name == "CLEAR":
            self.emit("pass")
        else:
            # RUN, LIST, RENUM, NEW, DELETE in a program: see program_files.carry.
            text = "".join(f'"{a}"' if isinstance(a, str) and a not in "-,."
                           else str(a) for a in s.args)
            self.emit(f"_rt.files.command({s.name!r}, ({text!r},))")

    def s_NoOp(self, s: ast.NoOp) -> None:
        self.emit("pass")

    def s_Data(self, s: ast.Data) -> None:
        self.emit("pass")

    def s_DefFn(self, s: ast.DefFn) -> None:
        program = self.program
        if id(s) in program.fn_when_run:
            self.emit(f"{fn_binding(s.name)} = {program.fn_idents[id(s)]}")
        else:
            self.emit("pass")

    def s_Shared(self, s: ast.Shared) -> None:
        self.emit("pass")

    def s_Else(self, s: ast.Else) -> None:
        raise BasicError("Syntax error", detail="ELSE without IF")

    def s_RaiseError(self, s: ast.RaiseError) -> None:
        self.emit(f"raise _error_number({self.exprs.value(s.code)})")

    def s_Assert(self, s: ast.Assert) -> None:
        message = "''" if s.message is None else self.exprs.value(s.message)
        self.emit(f"if not {self.exprs.condition(s.condition)}:")
        self.emit.indent()
        self.emit(f"raise BasicError('Assertion failed', detail={message})")
        self.emit.dedent()

    def s_Failure(self, s: ast.Failure) -> None:
        self.emit(f"raise BasicError({s.kind!r}, detail={s.detail!r}, column={s.column!r})")
