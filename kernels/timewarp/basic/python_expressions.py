"""Translating BASIC expressions into Python expressions.

Most BASIC operators become the Python operator itself, so a compiled program runs at
Python's speed; the rest (``\\``, MOD, ``^``, the bitwise logic on 16-bit integers, string
limits) call the small helpers in :mod:`timewarp.basic.runtime`.  Conditions of IF and
WHILE are translated separately, to plain Python truth tests.
"""

from __future__ import annotations

import itertools

from timewarp.basic import ast
from timewarp.basic.data_segment import makes_string, released
from timewarp.basic.errors import BasicError
from timewarp.basic.events import FUNCTION_CODE as EVENT_FUNCTION_CODE
from timewarp.basic.dos import FUNCTION_CODE as DOS_FUNCTION_CODE
from timewarp.basic.file_functions import FUNCTION_CODE as FILE_FUNCTION_CODE
from timewarp.basic.machine import FUNCTION_CODE as MACHINE_FUNCTION_CODE
from timewarp.basic.text_statements import FUNCTION_CODE as TEXT_FUNCTION_CODE
from timewarp.basic.sound import FUNCTION_CODE as SOUND_FUNCTION_CODE
from timewarp.basic.numbers import constant_overflows, may_be_fractional, number_literal

_RELATION = {"=": "==", "<>": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
_LOGIC_HELPER = {"AND": "_and", "OR": "_or", "XOR": "_xor", "EQV": "_eqv", "IMP": "_imp"}
_BOOL_OP = {"AND": "&", "OR": "|", "XOR": "^"}
_SUFFIX_LETTER = {"!": "S", "#": "D", "%": "I", "$": "T"}

# Built-in functions: a format string over the translated arguments.
_FUNCTIONS = {
    "ABS": "abs({0})", "ASC": "_asc({0})", "ATN": "_atn({0})", "CHR$": "_chr({0})",
    "COS": "_cos({0})", "EXP": "_exp({0})", "FIX": "_fix({0})", "HEX$": "_hex({0})",
    "INT": "_floor({0})", "LEFT$": "_left({0}, {1})", "LEN": "len({0})", "LOG": "_log({0})",
    "OCT$": "_oct({0})", "RIGHT$": "_right({0}, {1})", "SGN": "_sgn({0})",
    "SIN": "_sin({0})", "SPACE$": "_space({0})", "SQR": "_sqr({0})", "TAN": "_tan({0})",
    "VAL": "_val({0})", "TIMER": "_timer()", "INKEY$": "_rt.console.poll_key()",
    "UCASE$": "{0}.upper()", "LCASE$": "{0}.lower()", "LTRIM$": "{0}.lstrip(' ')",
    "RTRIM$": "{0}.rstrip(' ')", "CINT": "_cint({0})", "CSNG": "_csng({0})",
    "CDBL": "_csng({0})", "ERR": "_rt.err", "ERL": "_rt.erl", "POS": "(_rt.column + 1)",
    "FRE": "60000.0", "POINT": "_point(_rt, {0}, {1})", "PMAP": "_pmap(_rt, {0}, {1})", "STRING$": "_string({0}, {1})",
    "INSTR": "_instr({0}, {1}, {2})", "ERDEV": "0", "ERDEV$": "''",
    "EOF": "_rt.files.eof({0})", "FREEFILE": "_rt.files.freefile()", "SENSOR": "_rt.files.sensor({0})",
}
_FUNCTIONS.update(FILE_FUNCTION_CODE)
_FUNCTIONS.update(DOS_FUNCTION_CODE)
_CODE_MAKERS = {**TEXT_FUNCTION_CODE, **MACHINE_FUNCTION_CODE}
_FUNCTIONS.update(SOUND_FUNCTION_CODE)
_FUNCTIONS.update(EVENT_FUNCTION_CODE)     # INKEY$, TIMER, TIME$, DATE$


def python_name(key: str, array: bool = False) -> str:
    """The Python identifier of a BASIC variable: "A!" -> "vS_A", array "aS_A"."""
    base = key[:-1].replace(".", "_dot_").replace("\0", "_h_")
    return f"{'a' if array else 'v'}{_SUFFIX_LETTER[key[-1]]}_{base}"


def fn_binding(key: str) -> str:
    """The name that holds DEF FN ``key``'s definition in force: "A!" -> "fn_vS_A"."""
    return "fn_" + python_name(key)


def is_accessor(name: str) -> bool:
    """Whether the name is one of those ExpressionTranslator.accessor_names gives."""
    return name.startswith(("f", "i"))


#: Where a program warns "Overflow" for its constants past the largest number, before it runs.
OVERFLOW_PLACEHOLDER = "pass  # \0overflowing constants\0"


def minima_placeholder(array_name: str) -> str:
    """Stands for the array's ``minima`` in the source until the whole program is compiled
    (with NULs, which no string in the source holds as they are)."""
    return f"\0minima {array_name}\0"


class ExpressionTranslator:
    """Python source for expressions; ``safe_indexes`` are loop variables known to be
    whole numbers that are never negative, so arrays can use them without a check, and
    ``safe_minimum`` the smallest value each can take.  ``minima`` collects, for each
    array, the smallest such subscript in each dimension (see builtins._access), and
    ``ranks`` the most subscripts the program gives each array.  Both are kept for the
    ``family`` of each array name: the names an array passed to a SUB or FUNCTION takes,
    which share its accessor names (they are passed along with the array)."""

    def __init__(self) -> None:
        self.safe_indexes: set[str] = set()
        self.safe_minimum: dict[str, int] = {}
        self.minima: dict[str, list[int]] = {}
        self.ranks: dict[str, int] = {}
        self.family: dict[str, str] = {}
        self.fn_names: dict[str, tuple] = {}     # DEF FN name -> its parameters
        self.functions: dict[str, tuple] = {}
        self.constants: set[str] = set()
        self.fractional: set[str] = set()     # see numbers.fractional_variables
        self.rounded_outside = None           # an expression its statement rounds itself
        self.overflowing_constants = 0         # constants past the largest number
        self._operands = itertools.count(1)    # numbers the names _single_op keeps operands in
        # Off inside DEF FN, whose body is one Python expression of its own function.
        self.by_reference = True
        # Memory mode (timewarp.basic.data_segment): strings worked out for another string
        # function are told to the ledger; ``_feeds_string`` while translating such a
        # function's arguments.
        self.memory = False
        self._feeds_string = False

    def value(self, e: ast.Expr) -> str:
        method = getattr(self, "_" + type(e).__name__)
        if not self.memory:
            return method(e)
        feeds, self._feeds_string = self._feeds_string, makes_string(e)
        try:
            code = method(e)
        finally:
            self._feeds_string = feeds
        return f"_mem.temporary({code}, {released(e)})" if feeds and makes_string(e) else code

    def _Number(self, e: ast.Number) -> str:
        if e.type == "%" or (isinstance(e.value, int)):
            return repr(int(e.value))
        # A single constant is its single-precision value (X# = .1 holds .1000000014901161,
        # as in GW-BASIC); one past the largest number is the largest, and the program
        # warns "Overflow" for it before it runs, as GW-BASIC does when the line is typed.
        if constant_overflows(e.value, e.type == "#"):
            self.overflowing_constants += 1
        return number_literal(e.value, e.type == "#")

    def _String(self, e: ast.String) -> str:
        return repr(e.value)

    def _Variable(self, e: ast.Variable) -> str:
        return python_name(e.key)

    def _ArrayElement(self, e: ast.ArrayElement) -> str:
        name, indexes = self._access(e)
        return name + "".join(f"[{i}]" for i in indexes)

    def _access(self, e: ast.ArrayElement) -> tuple[str, list[str]]:
        """The name to reach the array through, and the Python of each subscript.  A
        subscript known never to be below some whole number goes as it is, through the
        fast name; any other goes through its dimension's index function."""
        array = python_name(e.key, True)
        names = self.accessor_names(array)
        lows = self.minima.setdefault(self.family.get(array, array), [])
        codes, fast = [], False
        for d, index in enumerate(e.indexes):
            safe = self._safe_index(index)
            if safe is None:
                function = names[d + 1] if d + 1 < len(names) else "_ix"
                codes.append(f"{function}({self.value(index)})")
                continue
            code, low = safe
            codes.append(code)
            fast = True
            lows.extend([_NO_MINIMUM] * (d + 1 - len(lows)))
            lows[d] = min(lows[d], low)
        return (names[0] if fast else array), codes

    def accessor_names(self, array_name: str) -> list[str]:
        """The names compiled code reaches an array through (see builtins.Below): the fast
        name, then the index function of each dimension ("aS_A" -> "fS_A", "iS_A__1")."""
        base, rank = array_name[1:], self.ranks.get(self.family.get(array_name, array_name), 0)
        return ["f" + base] + [f"i{base}__{d}" for d in range(1, rank + 1)]

    def with_accessors(self, names: set[str]) -> set[str]:
        return names | {n for name in names if name.startswith("a")
                        for n in self.accessor_names(name)}

    def bind_accessors(self, array_name: str) -> str:
        """The statement that sets an array's accessor names after the array changes."""
        names = self.accessor_names(array_name)
        minima = minima_placeholder(self.family.get(array_name, array_name))
        return f"{', '.join(names)}, = _access({array_name}, {minima}, {len(names) - 1})"

    def _ArrayRef(self, e: ast.ArrayRef) -> str:
        raise BasicError("Type mismatch", detail=f"{e.key[:-1]}() is a whole array: "
                         "only a SUB, a FUNCTION, UBOUND or LBOUND can take it")

    def element_setter(self, e: ast.ArrayElement, value: str) -> str:
        """A Python call that stores ``value`` into the element, for use inside an expression."""
        name, indexes = self._access(e)
        container = name + "".join(f"[{i}]" for i in indexes[:-1])
        return f"{container}.__setitem__({indexes[-1]}, {value})"

    def call_arguments(self, what: str, params: tuple, args: tuple) -> tuple[list, list]:
        """The Python of each argument to a SUB or FUNCTION, and the arguments passed by
        reference: (place among the scalar parameters, the argument, the parameter type).
        Arrays go as themselves, so the procedure changes the caller's array."""
        if len(params) != len(args):
            raise BasicError("Syntax error", detail=f"{what} takes {len(params)} value(s)")
        codes, back, place = [], [], 0
        for number, (param, arg) in enumerate(zip(params, args), 1):
            if param.array != isinstance(arg, ast.ArrayRef) or (
                    param.array and param.key[-1] != arg.key[-1]):
                raise BasicError("Parameter type mismatch", detail=_mismatch(what, number, param, arg))
            if param.array:
                array = python_name(arg.key, True)
                codes.append(", ".join([array] + self.accessor_names(array)))
                continue
            if (param.key[-1] == "$") != (arg.type == "$"):
                raise BasicError("Type mismatch")
            codes.append(self.value(arg))
            if self.by_reference and isinstance(arg, (ast.Variable, ast.ArrayElement)) and \
                    arg.key not in self.constants:
                back.append((place, arg, param.key[-1]))
            place += 1
        return codes, back

    def _safe_index(self, e: ast.Expr) -> tuple[str, int] | None:
        """A subscript that needs no check, and the smallest value it can have."""
        if isinstance(e, ast.Number) and e.value >= 0 and float(e.value).is_integer():
            return str(int(e.value)), int(e.value)
        if isinstance(e, ast.Variable) and e.key in self.safe_indexes:
            return python_name(e.key), self.safe_minimum.get(e.key, 0)
        if (isinstance(e, ast.Binary) and e.op == "+" and isinstance(e.left, ast.Variable)
                and e.left.key in self.safe_indexes and isinstance(e.right, ast.Number)
                and e.right.value >= 0 and float(e.right.value).is_integer()):
            low = self.safe_minimum.get(e.left.key, 0) + int(e.right.value)
            return f"{python_name(e.left.key)} + {int(e.right.value)}", low
        return None

    def _Unary(self, e: ast.Unary) -> str:
        if e.op == "+":
            return self.value(e.operand)
        if e.op == "-":
            return f"(-{self.value(e.operand)})"
        if is_boolean(e.operand):
            return f"(-(not {self.condition(e.operand)}))"
        return f"_not({self.value(e.operand)})"

    def _Binary(self, e: ast.Binary) -> str:
        op = e.op
        if op == "&":
            return self._concat(e)
        if op in _RELATION:
            return f"(-{self.condition(e)})"
        if op in _LOGIC_HELPER:
            if op in _BOOL_OP and is_boolean(e.left) and is_boolean(e.right):
                return f"(-({self.condition(e)}))"
            return f"{_LOGIC_HELPER[op]}({self.value(e.left)}, {self.value(e.right)})"
        left, right = self.value(e.left), self.value(e.right)
        if op in "+-":
            # Whole constants stay Python ints beside + and -: sums of whole numbers stay
            # fast ints (they cannot grow the way products can).
            left, right = _whole_int(e.left, left), _whole_int(e.right, right)
        exact = e.type == "!" and may_be_fractional(e, self.fractional)
        if op == "/" and not (isinstance(e.right, ast.Number) and e.right.value != 0):
            double = ", True" if e.type == "#" else ""     # gives the largest double
            if exact:
                return f"_rt.divide_single({left}, {right})"
            if isinstance(e.right, ast.Variable):
                return f"({left} / {right} if {right} else _rt.divide_by_zero({left}{double}))"
            return f"_rt.divide({left}, {right}{double})"
        if op in "+-*/":
            return self._single_op(e, left, right) if exact else f"({left} {op} {right})"
        if op == "^":
            # A power of an integer type or a whole constant is GW-BASIC's repeated
            # multiplication; a negated constant (X ^ -3) is not an integer to PC-BASIC.
            if isinstance(e.right, ast.Number):
                whole_power = _whole(e.right) and 0 <= e.right.value < 32768
            else:
                whole_power = e.right.type == "%"
            if e.type == "!" and not whole_power:
                return f"_spow({left}, {right})"      # a single power: see single_math
            exact = e.type == "!" and may_be_fractional(e.left, self.fractional)
            if isinstance(e.right, ast.Number) and e.right.value == 2:
                return f"_ssquare({left})" if exact else f"_square({left})"
            return f"_spow_int({left}, {right})" if exact else f"_pow({left}, {right})"
        if op == "\\":
            return f"_idiv({left}, {right})"
        if op == "MOD":
            return f"_mod({left}, {right})"
        raise BasicError("Syntax error", detail=f"unknown operator {op}")

    def _single_op(self, e: ast.Binary, left: str, right: str) -> str:
        """A single-precision + - * / that may have a fraction (see numbers.may_be_fractional),
        computed as GW-BASIC computes it (see mbf_arithmetic): V - 10 * T is -7 with T = 2.9,
        .05 * 1444 is 72.2.  Sums of counters and whole numbers never come here and cost
        nothing.  A sum of two numbers of the same sign (a difference of two of different
        signs) is GW-BASIC's only when rounded to nearest, which is done inline, by
        Veltkamp's split of a double at 24 bits, at about a third of a call's cost; the
        other case calls mbf_arithmetic.  The operands are held in names of their own
        (``_sa7``, ``_sb7``), numbered so that an operation nested inside never reuses them."""
        op = e.op
        if op == "*":
            return f"_smul({left}, {right})"
        if op == "/":
            return f"_sdiv({left}, {right})"            # by a constant other than 0
        number = next(self._operands)
        a, b = f"_sa{number}", f"_sb{number}"
        if e is self.rounded_outside:                    # its statement rounds it to nearest
            nearest = f"{a} {op} {b}"
        else:
            nearest = f"(_rc := (_rx := {a} {op} {b}) * 536870913.0) - (_rc - _rx)"
        helper, exact_when = ("_sadd", "!=") if op == "+" else ("_ssub", "==")
        return (f"({helper}({a}, {b}) if (({a} := {left}) < 0) {exact_when} "
                f"(({b} := {right}) < 0) else {nearest})")

    def _concat(self, e: ast.Binary) -> str:
        parts: list[str] = []

        def collect(node: ast.Expr) -> None:
            if isinstance(node, ast.Binary) and node.op == "&":
                collect(node.left)
                collect(node.right)
            else:
                parts.append(self.value(node))
                nodes.append(node)
        nodes: list[ast.Expr] = []
        collect(e)
        joined = " + ".join(parts)
        if self.memory:     # each sum but the last stays in string space as garbage
            made = tuple(makes_string(node) for node in nodes)
            joined = f"_mem.concatenate(({', '.join(parts)},), {made!r})"
        return f"(_t if len(_t := {joined}) <= 255 else _toolong())"

    def _BuiltinCall(self, e: ast.BuiltinCall) -> str:
        name = e.name
        if self.memory and name in ("VARPTR", "VARPTR$"):
            return self._pointer(e)
        if name in _CODE_MAKERS:     # the text screen's and the machine's functions
            return _CODE_MAKERS[name](*(self.value(a) for a in e.args))
        if name in ("TAB", "SPC"):
            raise BasicError("Illegal function call", detail=f"{name} only works in PRINT")
        if name == "CHR$":
            # Inline for speed: string building calls CHR$ in its innermost loops.
            return f"(_CHARACTERS[_c] if (_c := {self.value(e.args[0])}) in _CHARACTERS else _chr(_c))"
        if name == "MID$":
            return f"_mid({', '.join(self.value(a) for a in e.args)})"
        if name == "CDBL" and e.args[0].type == "!":
            return f"_single({self.value(e.args[0])})"    # the single's binary value
        if name == "RND":
            return f"_rt.rnd({self.value(e.args[0])})" if e.args else "_rt.rnd()"
        if name == "STR$":
            if e.args[0].type == "#":
                return f"_fmt({self.value(e.args[0])}, True)"
            return (f"(' ' + str(_c) if (_c := {self.value(e.args[0])}).__class__ is int "
                    f"and 0 <= _c < 10000000 else _fmt(_c))")
        if name == "POINT" and len(e.args) == 1:
            return f"_point(_rt, {self.value(e.args[0])})"
        if name == "FRE" and self.memory:
            return f"_mem.fre({self.value(e.args[0])})"
        if name in ("POS", "FRE"):
            return _FUNCTIONS[name]
        if name in ("UBOUND", "LBOUND"):
            dimension = self.value(e.args[1]) if len(e.args) > 1 else "1"
            return f"_bound({python_name(e.args[0].key, True)}, {dimension}, {name == 'UBOUND'})"
        return _FUNCTIONS[name].format(*(self.value(a) for a in e.args))

    def _pointer(self, e: ast.BuiltinCall) -> str:
        """VARPTR and VARPTR$ in memory mode: the address the ledger gives the variable
        (Illegal function call for one never given a value)."""
        key, target = e.args[0].value, e.args[1]
        value = self.value(target)
        place = f"_mem.locate({key!r})"
        if isinstance(target, ast.ArrayElement):
            indexes = "".join(f"{self.value(i)}, " for i in target.indexes)
            place = f"_mem.locate({key!r}, ({indexes}), _rt.option_base)"
        if e.name == "VARPTR$":
            return f"_rt.music.varptr_string({key!r}, {value}, {place}[0])"
        return f"_rt.machine_state().varptr({key!r}, {value}, *{place})"

    def _UserCall(self, e: ast.UserCall) -> str:
        if e.fn:
            if e.name not in self.fn_names:
                return "_undefined_fn()"
            params = self.fn_names[e.name]
            if len(params) != len(e.args):
                return f"_fail('Syntax error', 'FN{e.name.rstrip('!')} takes {len(params)} value(s)')"
            if any((p.type == "$") != (a.type == "$") for p, a in zip(params, e.args)):
                return "_fail('Type mismatch')"
            return f"{fn_binding(e.name)}({', '.join(self.value(a) for a in e.args)})"
        params = self.functions.get(e.name)
        if params is None:
            raise BasicError("Syntax error", detail=f"there is no FUNCTION {e.name}")
        codes, back = self.call_arguments(f"FUNCTION {e.name}", params, e.args)
        call = f"fnc_{e.name}({', '.join(codes)})"
        if not any(not p.array for p in params):
            return call
        if not back:
            return call + "[0]"
        # The FUNCTION returns its result and then its scalar parameters; variables passed
        # to it take their new values inside the expression, as QBasic passes them by reference.
        writes = []
        for place, arg, kind in back:
            value = convert(arg.type, f"_fr[{place + 1}]", kind)
            if isinstance(arg, ast.Variable):
                writes.append(f"({python_name(arg.key)} := {value})")
            else:
                writes.append(self.element_setter(arg, value))
        return f"((_fr := {call}), {', '.join(writes)}, _fr[0])[-1]"

    def _FailedExpr(self, e: ast.FailedExpr) -> str:
        fail = f"_fail({e.kind!r}, {e.detail!r})"
        return fail if e.before is None else f"({self.value(e.before)}, {fail})[1]"

    # Conditions: Python truth values instead of BASIC's -1 and 0

    def condition(self, e: ast.Expr) -> str:
        feeds, self._feeds_string = self._feeds_string, False
        try:
            return self._condition(e)
        finally:
            self._feeds_string = feeds

    def _condition(self, e: ast.Expr) -> str:
        if isinstance(e, ast.Binary):
            if e.op in ("=", "<>") and "!" in (e.left.type, e.right.type) and not (
                    _whole(e.left) or _whole(e.right)):
                test = f"_same({self.value(e.left)}, {self.value(e.right)})"
                return test if e.op == "=" else f"(not {test})"
            if e.op in _RELATION:
                return f"({self.value(e.left)} {_RELATION[e.op]} {self.value(e.right)})"
            if e.op in _BOOL_OP and is_boolean(e.left) and is_boolean(e.right):
                return f"({self.condition(e.left)} {_BOOL_OP[e.op]} {self.condition(e.right)})"
        if isinstance(e, ast.Unary) and e.op == "NOT" and is_boolean(e.operand):
            return f"(not {self.condition(e.operand)})"
        return f"({self.value(e)})"


def convert(target_type: str, code: str, value_type: str) -> str:
    """A value of ``value_type`` made fit to store in a variable of ``target_type``."""
    if target_type == "%" and value_type != "%":
        return f"_cint({code})"
    if target_type == "#" and value_type == "!":
        return f"_single({code})"
    return code


_TYPE_WORDS = {"!": "SINGLE", "#": "DOUBLE", "%": "INTEGER", "$": "STRING"}


def _mismatch(what: str, number: int, param, arg) -> str:
    if not param.array:
        return f"{what} wants a single value as value {number}, not a whole array"
    if isinstance(arg, ast.ArrayRef):
        return (f"{what} wants an array of {_TYPE_WORDS[param.key[-1]]} as value {number}, "
                f"and {arg.key[:-1]}() holds {_TYPE_WORDS[arg.key[-1]]}")
    return f"{what} wants an array as value {number}: write the array's name with (), as in a()"


_NO_MINIMUM = 1 << 60    # a dimension no safe subscript reaches


def _whole_int(e: ast.Expr, code: str) -> str:
    if isinstance(e, ast.Number) and float(e.value).is_integer() and abs(e.value) < 2 ** 31:
        return str(int(e.value))
    return code


def _whole(e: ast.Expr) -> bool:
    """A whole-number constant: comparing with it needs no rounding to seven digits."""
    return isinstance(e, ast.Number) and float(e.value).is_integer()


def is_boolean(e: ast.Expr) -> bool:
    """Whether the expression is a truth value (-1 or 0) whatever its operands hold."""
    if isinstance(e, ast.Binary):
        if e.op in _RELATION:
            return True
        return e.op in _BOOL_OP and is_boolean(e.left) and is_boolean(e.right)
    return isinstance(e, ast.Unary) and e.op == "NOT" and is_boolean(e.operand)
