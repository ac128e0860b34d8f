"""Parsing BASIC expressions with Microsoft's operator precedence, and typing them.

From loosest to tightest: IMP, EQV, XOR, OR, AND, NOT, relations, + and -, MOD, ``\\``,
``*`` and ``/``, unary minus, ``^``.  Each node gets its static type as it is built, so a
type mismatch is found before the program runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from timewarp.basic import ast
from timewarp.basic.errors import BasicError, BasicSyntaxError
from timewarp.basic.events import FUNCTIONS as EVENT_FUNCTIONS
from timewarp.basic.lexer import Token
from timewarp.basic.machine import FUNCTIONS as MACHINE_FUNCTIONS
from timewarp.basic.text_statements import FUNCTIONS as TEXT_FUNCTIONS

# name -> (argument types, result type); "n" number, "$" string, "?" either, "N" optional number
BUILTINS: dict[str, tuple[str, str]] = {
    "ABS": ("n", "="), "ASC": ("$", "%"), "ATN": ("n", "!"), "CHR$": ("n", "$"),
    "COS": ("n", "!"), "EXP": ("n", "!"), "FIX": ("n", "="), "HEX$": ("n", "$"),
    "INT": ("n", "="), "LEFT$": ("$n", "$"), "LEN": ("$", "%"), "LOG": ("n", "!"),
    "MID$": ("$nN", "$"), "OCT$": ("n", "$"), "RIGHT$": ("$n", "$"), "RND": ("N", "!"),
    "SGN": ("n", "%"), "SIN": ("n", "!"), "SPACE$": ("n", "$"), "SQR": ("n", "!"),
    "STR$": ("n", "$"), "TAN": ("n", "!"), "VAL": ("$", "#"), "TIMER": ("", "!"),
    "INKEY$": ("", "$"), "UCASE$": ("$", "$"), "LCASE$": ("$", "$"), "LTRIM$": ("$", "$"),
    "RTRIM$": ("$", "$"), "CINT": ("n", "%"), "CSNG": ("n", "!"), "CDBL": ("n", "#"),
    "ERR": ("", "%"), "ERL": ("", "!"), "TAB": ("n", "$"), "SPC": ("n", "$"),
    "POS": ("?", "%"), "FRE": ("?", "!"), "POINT": ("nN", "%"), "PMAP": ("nn", "!"), "STRING$": ("n?", "$"),
    "INSTR": ("", "%"), "UBOUND": ("", "%"), "LBOUND": ("", "%"),
    "EOF": ("n", "%"), "FREEFILE": ("", "%"), "SENSOR": ("$", "!"), "INPUT$": ("", "$"),
    "PLAY": ("n", "%"), "EXTERR": ("n", "%"), "ERDEV": ("", "%"), "ERDEV$": ("", "$"),
}
BUILTINS.update(EVENT_FUNCTIONS)
BUILTINS.update(TEXT_FUNCTIONS, **MACHINE_FUNCTIONS, USR=("n", "!"))

_RELATIONS = {"=", "<>", "<", ">", "<=", ">="}
_LOGICAL = ("IMP", "EQV", "XOR", "OR", "AND")


@dataclass
class Names:
    """What the whole program declares, which decides how a name reads."""
    deftypes: dict[str, str] = field(default_factory=dict)
    declared: dict[str, str] = field(default_factory=dict)
    functions: dict[str, str] = field(default_factory=dict)   # FUNCTION name -> type
    subs: set[str] = field(default_factory=set)
    fns: set[str] = field(default_factory=set)                # DEF FN names (keys)
    classic: bool = True
    numbered: bool = False   # classic listings: every name starting with FN is a DEF FN call

    def key(self, name: str) -> str:
        """"A" -> "A!" (or its DEFtype), "N$" stays."""
        if name[-1] in "$%!#":
            return name
        if name in self.declared:
            return name + self.declared[name]
        return name + self.deftypes.get(name[0], "!")


def numeric_type(*types: str) -> str:
    return "#" if "#" in types else "!" if "!" in types else "%"


class ExpressionParser:
    def __init__(self, tokens: list[Token], names: Names) -> None:
        self.tokens = tokens
        self.names = names
        self.i = 0

    # Token helpers

    def peek(self, offset: int = 0) -> Token | None:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else None

    def at(self, kind: str, value: object = None) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == kind and (value is None or tok.value == value)

    def at_op(self, value: str) -> bool:
        return self.at("op", value)

    def at_kw(self, value: str) -> bool:
        return self.at("kw", value)

    def accept(self, kind: str, value: object = None) -> Token | None:
        if self.at(kind, value):
            tok = self.tokens[self.i]
            self.i += 1
            return tok
        return None

    def expect(self, kind: str, value: object = None, what: str = "") -> Token:
        tok = self.accept(kind, value)
        if tok is None:
            self.fail(f"expected {what or value or kind}")
        return tok

    def fail(self, detail: str) -> None:
        tok = self.peek()
        if tok is not None and not detail.endswith(")"):
            detail += f", found {_describe(tok)}"
        raise BasicSyntaxError(detail, column=tok.pos if tok else None)

    def at_end(self) -> bool:
        return self.peek() is None or self.at_op(":") or self.at_kw("ELSE")

    # Expressions

    def expression(self, level: int = 0) -> ast.Expr:
        if level < len(_LOGICAL):
            left = self.expression(level + 1)
            while self.accept("kw", _LOGICAL[level]):
                right = self.expression(level + 1)
                left = ast.Binary(_LOGICAL[level], self._num(left), self._num(right), "%")
            return left
        return self.negation()

    def negation(self) -> ast.Expr:
        if self.accept("kw", "NOT"):
            return ast.Unary("NOT", self._num(self.negation()), "%")
        return self.relation()

    def relation(self) -> ast.Expr:
        left = self.additive()
        while self.peek() is not None and self.peek().kind == "op" and self.peek().value in _RELATIONS:
            op = self.tokens[self.i].value
            self.i += 1
            right = self.additive()
            if (left.type == "$") != (right.type == "$"):
                raise BasicError("Type mismatch")
            left = ast.Binary(op, left, right, "%")
        return left

    def additive(self) -> ast.Expr:
        left = self.modulo()
        while self.at_op("+") or self.at_op("-"):
            op = self.tokens[self.i].value
            self.i += 1
            right = self.modulo()
            if op == "+" and left.type == "$" and right.type == "$":
                left = ast.Binary("&", left, right, "$")
                continue
            left = ast.Binary(op, self._num(left), self._num(right),
                              numeric_type(left.type, right.type))
        return left

    def modulo(self) -> ast.Expr:
        left = self.int_division()
        while self.accept("kw", "MOD"):
            left = ast.Binary("MOD", self._num(left), self._num(self.int_division()), "%")
        return left

    def int_division(self) -> ast.Expr:
        left = self.product()
        while self.accept("op", "\\"):
            left = ast.Binary("\\", self._num(left), self._num(self.product()), "%")
        return left

    def product(self) -> ast.Expr:
        left = self.unary()
        while self.at_op("*") or self.at_op("/"):
            op = self.tokens[self.i].value
            self.i += 1
            right = self.unary()
            kind = numeric_type(left.type, right.type)
            left = ast.Binary(op, self._num(left), self._num(right),
                              "!" if op == "/" and kind == "%" else kind)
        return left

    def unary(self) -> ast.Expr:
        if self.accept("op", "-"):
            operand = self._num(self.unary())
            if isinstance(operand, ast.Number):
                return ast.Number(-operand.value, operand.type)
            return ast.Unary("-", operand, operand.type)
        if self.accept("op", "+"):
            return self._num(self.unary())
        return self.power()

    def power(self) -> ast.Expr:
        left = self.atom()
        while self.accept("op", "^"):
            right = self.unary() if self.at_op("-") or self.at_op("+") else self.atom()
            # GW-BASIC makes both sides single (EXPSTK in GWEVAL.ASM); QBasic keeps doubles.
            double = "#" in (left.type, right.type) and not self.names.numbered
            left = ast.Binary("^", self._num(left), self._num(right), "#" if double else "!")
        return left

    def _num(self, e: ast.Expr) -> ast.Expr:
        if e.type == "$":
            raise BasicError("Type mismatch")
        return e

    def atom(self) -> ast.Expr:
        tok = self.peek()
        if tok is None:
            raise BasicError("Missing operand")
        self.i += 1
        if tok.kind == "num":
            value, kind = tok.value
            return ast.Number(value, kind)
        if tok.kind == "str":
            return ast.String(tok.value)
        if tok.kind == "op" and tok.value == "(":
            inner = self.expression()
            self.expect("op", ")")
            return inner
        if tok.kind == "name":
            return self.name_expression(tok.value)
        if tok.kind == "fn":
            return self.fn_call(tok.value)
        if tok.kind == "kw" and tok.value in BUILTINS:
            return self.builtin(tok.value)
        if tok.kind == "kw" and tok.value == "NOT":
            # GW-BASIC takes NOT where any value may stand: 13 * NOT 7 is 13 * (NOT 7).
            return ast.Unary("NOT", self._num(self.negation()), "%")
        self.i -= 1
        if tok.kind == "op" and tok.value == ":" or tok.kind == "kw" and tok.value == "ELSE":
            raise BasicError("Missing operand", detail="a value is missing at the end")
        if tok.kind == "op":
            # GW-BASIC: "Missing operand" only where the statement ends (A = 5 +); an
            # operator or bracket where a value belongs (5 ** 2, INT()) is "Syntax error".
            raise BasicError("Syntax error", detail=f"a value is missing before {tok.value}")
        self.fail("expected a value")

    def name_expression(self, name: str) -> ast.Expr:
        if not self.names.classic and name.startswith("FN") and len(name) > 2 and (
                self.names.numbered or self.names.key(name[2:]) in self.names.fns):
            return self.fn_call(name[2:])
        base = name.rstrip("$%!#")
        found = self.context_function(name)      # LOC(1), CVI(A$): see file_commands
        if found is None:
            found = self.varptr(name)            # VARPTR(A): see machine
        if found is None:
            found = self.sound_function(name)    # VARPTR$(A$): see sound
        if found is not None:
            return found
        if base in self.names.functions or name in self.names.functions:
            args = self.call_arguments_in_brackets() if self.at_op("(") else ()
            return ast.UserCall(base, args, self.names.functions.get(base, self.names.functions.get(name)))
        key = self.names.key(name)
        if self.at_op("("):
            return ast.ArrayElement(key, self.arguments())
        return ast.Variable(key)

    def fn_call(self, name: str) -> ast.Expr:
        key = self.names.key(name)
        args = self.arguments() if self.at_op("(") else ()
        return ast.UserCall(key, args, key[-1], fn=True)

    def call_arguments_in_brackets(self) -> tuple[ast.Expr, ...]:
        return self.arguments(self.call_argument)

    def call_argument(self) -> ast.Expr:
        """An argument to a SUB or FUNCTION: ``scores()`` is the whole array; a variable
        in brackets is passed as a copy."""
        whole = self.whole_array()
        if whole is not None:
            return whole
        bracketed = self.at_op("(")
        arg = self.expression()
        if bracketed and isinstance(arg, (ast.Variable, ast.ArrayElement)) and \
                self.tokens[self.i - 1].value == ")":
            return ast.Unary("+", arg, arg.type)
        return arg

    def whole_array(self) -> ast.ArrayRef | None:
        """``name()`` followed by the end of the argument."""
        tok, after = self.peek(), self.peek(3)
        if tok is None or tok.kind != "name" or not (
                self._op_at(1, "(") and self._op_at(2, ")")):
            return None
        if after is not None and not (after.kind == "op" and after.value in (",", ")")):
            return None
        self.i += 3
        return ast.ArrayRef(self.names.key(tok.value))

    def _op_at(self, offset: int, value: str) -> bool:
        tok = self.peek(offset)
        return tok is not None and tok.kind == "op" and tok.value == value

    def arguments(self, argument: Callable[[], ast.Expr] | None = None
                  ) -> tuple[ast.Expr, ...]:
        """``(a, b, ...)``, each read by ``argument`` (an expression unless it says otherwise)."""
        argument = argument or self.expression
        self.expect("op", "(")
        args = [argument()]
        while self.accept("op", ","):
            args.append(argument())
        self.expect("op", ")")
        return tuple(args)

    def builtin(self, name: str) -> ast.Expr:
        signature, result = BUILTINS[name]
        if name == "INSTR":
            return self._instr()
        if name in ("UBOUND", "LBOUND"):
            return self._bound(name)
        if name == "INPUT$":
            return self.input_chars()
        if name == "USR":
            return self.machine_function(name)     # USR0(x)...: see timewarp.basic.machine
        args: list[ast.Expr | None] = []
        # A function of no arguments leaves a "(" after it alone: GW-BASIC's PRINT ERR(1)
        # prints ERR, then 1.
        if name == "ERL":
            self._erl_line_number()
        if signature and self.at_op("("):
            args = list(self.arguments())
        elif signature and signature[0] not in "N?":
            self.fail(f"{name} needs ( after it")
        if len(args) > len(signature) or len(args) < len(signature.rstrip("N")):
            raise BasicSyntaxError(f"{name} takes {len(signature)} value(s)")
        for arg, want in zip(args, signature):
            if want == "$" and arg.type != "$" or want in "nN" and arg.type == "$":
                raise BasicError("Type mismatch")
        if result == "=":
            result = args[0].type
        return ast.BuiltinCall(name, tuple(args), result)

    def _erl_line_number(self) -> None:
        """GW-BASIC reads a number after ERL (``ERL = 100``, ``ERL(100)``) as a line number,
        so one that cannot be a line number (``ERL(1.5)``) is a syntax error."""
        ahead = self.tokens[self.i:self.i + 3]
        values = [t for t in ahead
                  if not (t.kind == "op" and (t.value in ("(", "-") or t.value in _RELATIONS))][:1]
        if values and values[0].kind == "num":
            number = values[0].value[0]
            if not (float(number).is_integer() and 0 <= number <= 65529):
                self.fail("ERL is compared with line numbers")

    def _instr(self) -> ast.Expr:
        args = list(self.arguments())
        if len(args) == 2:
            args.insert(0, ast.Number(1, "%"))
        if len(args) != 3:
            raise BasicSyntaxError("INSTR takes 2 or 3 values")
        if args[0].type == "$" or args[1].type != "$" or args[2].type != "$":
            raise BasicError("Type mismatch")
        return ast.BuiltinCall("INSTR", tuple(args), "%")

    def _bound(self, name: str) -> ast.Expr:
        """UBOUND(a) or UBOUND(a, 2); the array may be written ``a`` or ``a()``."""
        self.expect("op", "(")
        array = self.whole_array()
        if array is None:
            tok = self.expect("name", what="an array name")
            array = ast.ArrayRef(self.names.key(tok.value))
        args: tuple[ast.Expr, ...] = (array,)
        if self.accept("op", ","):
            dimension = self.expression()
            if dimension.type == "$":
                raise BasicError("Type mismatch")
            args += (dimension,)
        self.expect("op", ")")
        return ast.BuiltinCall(name, args, "%")


def _describe(tok: Token) -> str:
    if tok.kind == "str":
        return f'"{tok.value}"'
    if tok.kind == "num":
        return "a number"
    return str(tok.value)
