"""QBasic's declarations and dynamic arrays: TYPE records, REDIM, DECLARE, DEFLNG.

This module holds the nodes, the parser's methods and the compiler's methods for them
(mixed into :class:`timewarp.basic.parser.StatementParser` and
:class:`timewarp.basic.statements.StatementCompiler`), the way :mod:`timewarp.basic.files`
does for files.

A record is kept as one ordinary variable per field, named as QBasic writes the field:
``DIM p AS Point`` makes ``P.X%`` and ``P.Y!`` (a dot is a letter in a BASIC name), and
``DIM a(10) AS Point`` makes the arrays ``A.X%()`` and ``A.Y!()``.  So ``a(i).x`` is an
element of a plain array and keeps the arrays' speed (see :mod:`timewarp.basic.arrays`);
a whole record (``q = p``, a record passed to a SUB, ``LEN(p)``) stands for its fields,
one after another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timewarp.basic import ast
from timewarp.basic.errors import BasicError, BasicSyntaxError
from timewarp.basic.python_expressions import python_name

_TYPE_NAMES = {"INTEGER": "%", "LONG": "%", "SINGLE": "!", "DOUBLE": "#", "STRING": "$"}
_SIZES = {"INTEGER": 2, "LONG": 4, "SINGLE": 4, "DOUBLE": 8}
_SUFFIX_SIZES = {"%": 2, "!": 4, "#": 8}
_LETTERS = {"DEFLNG": "%"}    # LONG is kept as INTEGER (see docs/known-deviations.md)


# What the parser learns about records (hung off timewarp.basic.expressions.Names)

@dataclass
class Field:
    name: str
    suffix: str             # the BASIC type of a simple field; "" for a record
    size: int               # bytes, as LEN counts them
    length: int = 0         # STRING * length
    record: str = ""        # the TYPE of a record field


@dataclass
class RecordNames:
    types: dict[str, list[Field]] = field(default_factory=dict)
    records: dict[str, str] = field(default_factory=dict)     # variable (or field) -> TYPE
    fixed: dict[str, int] = field(default_factory=dict)       # key -> STRING * length
    open_type: tuple[str, list] | None = None                 # inside TYPE ... END TYPE

    def size(self, type_name: str) -> int:
        return sum(f.size for f in self.types[type_name])

    def leaves(self, type_name: str, prefix: str) -> list[tuple[str, str, int]]:
        """The simple fields of a record called ``prefix``: (name, suffix, STRING length)."""
        out = []
        for f in self.types[type_name]:
            path = f"{prefix}.{f.name}"
            if f.record:
                out += self.leaves(f.record, path)
            else:
                out.append((path, f.suffix, f.length))
        return out


def record_names(names) -> RecordNames:
    found = getattr(names, "qbasic", None)
    if found is None:
        found = names.qbasic = RecordNames()
    return found


# Nodes

@dataclass(frozen=True)
class ReDim(ast.Dim):
    """REDIM [PRESERVE]: a new size for a dynamic array (PRESERVE keeps what fits)."""
    preserve: bool = False


@dataclass(frozen=True)
class Declare(ast.Stmt):
    name: str
    function: bool
    params: tuple[ast.Param, ...]


@dataclass(frozen=True)
class RecordAssign(ast.Stmt):
    """A whole record copied: each field of ``targets`` gets the same field of ``values``."""
    targets: tuple[ast.Expr, ...]
    values: tuple[ast.Expr, ...]
    lengths: tuple[int, ...]


@dataclass(frozen=True)
class FixedAssign(ast.Assign):
    """An assignment to a STRING * length: cut or padded with spaces to its length."""
    length: int = 0


@dataclass(frozen=True)
class FixedInit(ast.Stmt):
    """DIM of STRING * n variables (Variable) or arrays (ArrayRef): they start as n spaces."""
    targets: tuple[ast.Expr, ...]
    lengths: tuple[int, ...]


@dataclass(frozen=True)
class RecordArg(ast.Expr):
    """A whole record (or array of records) passed to a SUB or FUNCTION: its fields."""
    fields: tuple[ast.Expr, ...]
    type: str = "R"


# Parsing (mixed into timewarp.basic.parser.StatementParser)

class QBasicParser:
    """Statement and name parsing for QBasic's declarations."""

    def statement(self):
        records = record_names(self.names)
        if records.open_type is not None and not self.at_kw("END"):
            return [self._type_field(records)]
        out = []
        for stmt in super().statement():     # REDIM, read as a name, gives a list
            out.extend(stmt if isinstance(stmt, list) else (stmt,))
        return out

    def _type_name(self) -> str:
        tok = self.peek()
        if tok is None or tok.kind not in ("name", "kw"):
            self.fail("expected a type")
        self.i += 1
        return tok.value

    def name_statement(self, tok):
        records = record_names(self.names)
        nxt = self.peek(1)
        if records.open_type is not None:
            return self._type_field(records)
        word = tok.value
        if word == "TYPE" and nxt is not None and nxt.kind in ("name", "kw"):
            self.i += 2
            if nxt.value in records.types or nxt.value in _TYPE_NAMES:
                raise BasicError("Duplicate Definition", detail=f"TYPE {nxt.value} is defined twice")
            records.open_type = (nxt.value, [])
            return ast.NoOp("TYPE")
        if word == "REDIM" and nxt is not None and (nxt.kind == "name" or nxt.kind == "kw"):
            self.i += 1
            return self._redim()
        if word in _LETTERS and nxt is not None and nxt.kind == "name":
            self.i += 1
            return self._def_type(_LETTERS[word])
        if self._whole_record_ahead():
            return self._record_assignment()
        return super().name_statement(tok)

    # TYPE ... END TYPE

    def _type_field(self, records: RecordNames):
        name = self._type_name()
        tok = self.peek()
        if tok is None or tok.kind != "name" or tok.value != "AS":
            self.fail("inside TYPE ... END TYPE each line is a field: name AS type")
        self.i += 1
        kind = self._type_name()
        fields = records.open_type[1]
        if any(f.name == name for f in fields):
            raise BasicError("Duplicate Definition", detail=f"the field {name} is there twice")
        if kind in records.types:
            fields.append(Field(name, "", records.size(kind), record=kind))
        elif kind == "STRING":
            length = self._string_length()
            if length is None:
                self.fail("a field of a TYPE is STRING * length, as in name AS STRING * 20")
            fields.append(Field(name, "$", length, length))
        elif kind in _SIZES:
            fields.append(Field(name, _TYPE_NAMES[kind], _SIZES[kind]))
        else:
            self.fail(f"unknown type {kind}")
        return ast.NoOp("TYPE")

    def _string_length(self) -> int | None:
        if not self.accept("op", "*"):
            return None
        tok = self.expect("num", what="the length of the string")
        length = tok.value[0]
        if not float(length).is_integer() or not 1 <= length <= 32767:
            raise BasicError("Illegal function call", detail="STRING * length takes 1 to 32767")
        return int(length)

    def st_END(self):
        records = record_names(self.names)
        if self.at("name", "TYPE"):
            self.i += 1
            if records.open_type is None:
                raise BasicSyntaxError("END TYPE without TYPE")
            name, fields = records.open_type
            records.open_type = None
            if not fields:
                raise BasicSyntaxError(f"TYPE {name} has no fields")
            records.types[name] = fields
            return ast.NoOp("TYPE")
        if records.open_type is not None:
            raise BasicSyntaxError(f"TYPE {records.open_type[0]} has no END TYPE")
        return super().st_END()

    def _as_type(self, name: str) -> None:
        tok = self.peek()
        if tok is not None and tok.kind == "name" and tok.value == "AS":
            kind = self.peek(1)
            records = record_names(self.names)
            if kind is not None and kind.kind in ("name", "kw") and kind.value in records.types:
                self.i += 2
                self._declare_record(name, kind.value)
                return
            if kind is not None and kind.kind == "name" and kind.value == "STRING" and \
                    self.peek(2) is not None and self.peek(2).value == "*":
                self.i += 2
                records.fixed[self.names.key(name.rstrip("$") + "$")] = self._string_length()
                self.names.declared[name] = "$"
                return
        super()._as_type(name)

    def _declare_record(self, name: str, type_name: str) -> None:
        """``name`` is a record of ``type_name``: its fields become variables of their own."""
        records = record_names(self.names)
        records.records[name] = type_name
        for f in records.types[type_name]:
            path = f"{name}.{f.name}"
            if f.record:
                self._declare_record(path, f.record)
                continue
            self.names.declared[path] = f.suffix
            if f.length:
                records.fixed[path + "$"] = f.length

    def _record_keys(self, name: str) -> list[tuple[str, int]]:
        records = record_names(self.names)
        return [(path + suffix, length)
                for path, suffix, length in records.leaves(records.records[name], name)]

    def st_DIM(self):
        return self._expand_dim(super().st_DIM())

    def _expand_dim(self, dim: ast.Dim) -> list:
        """DIM of records: the arrays or variables of their fields; STRING * n start filled."""
        records = record_names(self.names)
        arrays, fixed = [], []
        for key, bounds in dim.arrays:
            base = key[:-1]
            if base in records.records and key not in records.fixed:
                for field_key, length in self._record_keys(base):
                    arrays.append((field_key, bounds))
                    if length:
                        fixed.append((_whole(field_key, bounds), length))
            else:
                arrays.append((key, bounds))
                if key in records.fixed:
                    fixed.append((_whole(key, bounds), records.fixed[key]))
        out = [type(dim)(**{**dim.__dict__, "arrays": tuple(arrays)})]
        if fixed:
            out.append(FixedInit(*map(tuple, zip(*fixed))))
        return out

    def _redim(self):
        shared = bool(self.accept("kw", "SHARED"))
        preserve = False
        if self.at("name", "PRESERVE"):
            self.i += 1
            preserve = True
        dim = self.st_DIM()
        first = dim[0]
        if any(not bounds for _, bounds in first.arrays):
            self.fail("REDIM needs the new bounds, as in REDIM a(20)")
        return [ReDim(first.arrays, shared or first.shared, preserve)] + dim[1:]

    def _declared_names(self):
        keys = []
        for key in super()._declared_names():
            base = key[:-1]
            records = record_names(self.names)
            if base in records.records and key not in records.fixed:
                keys += [k for k, _ in self._record_keys(base)]
            else:
                keys.append(key)
        return tuple(keys)

    # SUB, FUNCTION and DECLARE

    def _params(self):
        params: list[ast.Param] = []
        if not self.accept("op", "("):
            return ()
        while not self.at_op(")"):
            name = self.expect("name", what="a parameter name").value
            array = bool(self.accept("op", "("))
            if array:
                self.expect("op", ")")
            records = record_names(self.names)
            kind = self.peek(1)
            is_record = self.at("name", "AS") and kind is not None and kind.value in records.types
            self._as_type(name)
            if is_record:
                params += [ast.Param(k, array) for k, _ in self._record_keys(name)]
            else:
                params.append(ast.Param(self.names.key(name), array))
            if not self.accept("op", ","):
                break
        self.expect("op", ")")
        return tuple(params)

    def st_DECLARE(self):
        tok = self.expect("kw", what="SUB or FUNCTION")
        if tok.value not in ("SUB", "FUNCTION"):
            self.fail("DECLARE is followed by SUB or FUNCTION")
        name = self.expect("name", what="a name").value
        params = self._params()
        if tok.value == "FUNCTION":
            self._as_type(name)
        return Declare(name.rstrip("$%!#"), tok.value == "FUNCTION", params)

    # Whole records: assignment, arguments, LEN

    def _whole_record_ahead(self) -> bool:
        """Whether the statement starts with a whole record (``p`` or ``a(i)``) and =."""
        start = self.i
        try:
            return self._whole_record() is not None and self.at_op("=")
        except BasicError:
            return False
        finally:
            self.i = start

    def _whole_record(self) -> tuple[str, tuple, tuple] | None:
        """A record variable or element here: (its TYPE, its fields, their STRING lengths);
        None (having read nothing) if there is none."""
        tok = self.peek()
        records = record_names(self.names)
        if tok is None or tok.kind != "name" or tok.value not in records.records:
            return None
        start = self.i
        self.i += 1
        name = tok.value
        keys = self._record_keys(name)
        indexes = None
        if self.at_op("("):
            indexes = self.arguments()
            nxt = self.peek()
            if nxt is not None and nxt.kind == "op" and nxt.value == ".":
                self.i = start
                return None
        fields = tuple(ast.Variable(k) if indexes is None else ast.ArrayElement(k, indexes)
                       for k, _ in keys)
        return records.records[name], fields, tuple(length for _, length in keys)

    def _record_assignment(self):
        type_name, targets, lengths = self._whole_record()
        self.expect("op", "=")
        found = self._whole_record()
        if found is None or found[0] != type_name:
            raise BasicError("Type mismatch", detail=f"a record of TYPE {type_name} takes "
                             f"only another record of TYPE {type_name}")
        return RecordAssign(targets, found[1], lengths)

    def st_LET(self):
        if self._whole_record_ahead():
            return self._record_assignment()
        stmt = super().st_LET()
        length = record_names(self.names).fixed.get(stmt.target.key)
        if length:
            return FixedAssign(stmt.target, stmt.value, length)
        return stmt

    def name_expression(self, name: str):
        records = record_names(self.names)
        if name in records.records:
            if self.at_op("("):
                start = self.i
                indexes = self.arguments()
                if self.accept("op", "."):
                    return self._field_element(name, self._type_name(), indexes)
                self.i = start
            raise BasicError("Type mismatch", detail=f"{name} is a whole record: take one of "
                             f"its fields, as in {name}.{records.types[records.records[name]][0].name}")
        return super().name_expression(name)

    def _field_element(self, name: str, path: str, indexes: tuple) -> ast.ArrayElement:
        full = f"{name}.{path}"
        records = record_names(self.names)
        if full in records.records:
            raise BasicError("Type mismatch", detail=f"{full} is a whole record")
        if full not in self.names.declared:
            raise BasicError("Syntax error", detail=f"TYPE {records.records[name]} has no "
                             f"field {path}")
        return ast.ArrayElement(self.names.key(full), indexes)

    def target(self):
        tok = self.peek()
        records = record_names(self.names)
        if tok is not None and tok.kind == "name" and tok.value in records.records \
                and self._op_at(1, "("):
            self.i += 1
            indexes = self.arguments()
            self.expect("op", ".")
            return self._field_element(tok.value, self._type_name(), indexes)
        return super().target()

    def call_argument(self):
        records = record_names(self.names)
        tok = self.peek()
        if tok is not None and tok.kind == "name" and tok.value in records.records:
            whole = self.whole_array()
            if whole is not None:
                keys = self._record_keys(tok.value)
                return RecordArg(tuple(ast.ArrayRef(k) for k, _ in keys))
            start = self.i
            found = self._whole_record()
            if found is not None and (self.at_end() or self.at_op(",") or self.at_op(")")):
                return RecordArg(found[1])
            self.i = start
        return super().call_argument()

    def call_arguments(self):
        return _spread(super().call_arguments())

    def call_arguments_in_brackets(self):
        return _spread(super().call_arguments_in_brackets())

    def st_CALL(self):
        call = super().st_CALL()
        return ast.CallSub(call.name, _spread(call.args))

    def builtin(self, name: str):
        if name == "LEN" and self.at_op("("):
            size = self._size_of()
            if size is not None:
                return ast.Number(size, "%")
        return super().builtin(name)

    def _bound(self, name: str):
        """UBOUND and LBOUND of an array of records: those of its fields' arrays."""
        call = super()._bound(name)
        base = call.args[0].key[:-1]
        if base in record_names(self.names).records:
            first = ast.ArrayRef(self._record_keys(base)[0][0])
            call = ast.BuiltinCall(call.name, (first,) + call.args[1:], call.type)
        return call

    def _size_of(self) -> int | None:
        """LEN of a record or a numeric variable: its size in bytes, as QBasic gives it."""
        start = self.i
        self.i += 1
        records = record_names(self.names)
        found = self._whole_record()
        if found is not None and self.accept("op", ")"):
            return records.size(found[0])
        tok = self.peek()
        if tok is not None and tok.kind == "name" and self._op_at(1, ")"):
            key = self.names.key(tok.value)
            if key[-1] in _SUFFIX_SIZES and key not in self.names.functions:
                self.i += 2
                return _SUFFIX_SIZES[key[-1]]
        self.i = start
        return None


def _whole(key: str, bounds: tuple) -> ast.Expr:
    return ast.ArrayRef(key) if bounds else ast.Variable(key)


def _spread(args: tuple) -> tuple:
    """Arguments with each whole record spread into its fields."""
    out = []
    for arg in args:
        out.extend(arg.fields if isinstance(arg, RecordArg) else (arg,))
    return tuple(out)


# Compiling (mixed into timewarp.basic.statements.StatementCompiler)

class QBasicCompiler:
    def s_SharedNames(self, s) -> None:
        self.emit("pass")

    def s_ReDim(self, s: ReDim) -> None:
        store = "_A" if self.kind == "main" or s.shared else "None"
        for key, bounds in s.arrays:
            name = python_name(key, True)
            values = ", ".join(self.exprs.value(high) for _, high in bounds)
            lowers = "(" + "".join((self.exprs.value(low) if low is not None else "None") + ", "
                                   for low, _ in bounds) + ")"
            old = name if s.preserve else "None"
            self.emit(f"{name} = _redim(_rt, {store}, {key!r}, ({values},), {lowers}, {old})")
            self.emit(self.exprs.bind_accessors(name))

    def s_Declare(self, s: Declare) -> None:
        sub = self.program.subs.get(s.name)
        word = "FUNCTION" if s.function else "SUB"
        if sub is not None:
            if sub.function != s.function:
                raise BasicError("Duplicate Definition", detail=f"{s.name} is declared a {word} "
                                 f"but defined a {'FUNCTION' if sub.function else 'SUB'}")
            if len(sub.params) != len(s.params):
                raise BasicError("Argument-count mismatch", detail=(
                    f"DECLARE {word} {s.name} has {len(s.params)} parameter(s), and {word} "
                    f"{s.name} has {len(sub.params)}"))
            for number, (declared, defined) in enumerate(zip(s.params, sub.params), 1):
                if declared.array != defined.array or declared.key[-1] != defined.key[-1]:
                    raise BasicError("Parameter type mismatch", detail=(
                        f"parameter {number} of {word} {s.name} differs from its DECLARE"))
        self.emit("pass")

    def s_RecordAssign(self, s: RecordAssign) -> None:
        value = self.exprs.value
        # Read every field first: a record copied onto itself, or onto an overlapping
        # element, stays whole.
        temps = [f"_q{n}" for n in range(len(s.values))]
        self.emit(f"{', '.join(temps)}, = {', '.join(value(v) for v in s.values)},")
        for target, temp, length, source in zip(s.targets, temps, s.lengths, s.values):
            self.store(target, f"_fixed({temp}, {length})" if length else temp, source.type)

    def s_FixedAssign(self, s: FixedAssign) -> None:
        self.store(s.target, f"_fixed({self.exprs.value(s.value)}, {s.length})", "$")

    def s_FixedInit(self, s: FixedInit) -> None:
        for target, length in zip(s.targets, s.lengths):
            if isinstance(target, ast.ArrayRef):
                self.emit(f"_fill({python_name(target.key, True)}, {' ' * length!r})")
            else:
                self.emit(f"{python_name(target.key)} = {' ' * length!r}")
