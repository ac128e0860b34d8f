"""Parsing PILOT expressions: conditions in brackets, C:'s numbers, W: and G: arguments.

The standard's grammar (sums of products of numbers, ``#`` variables and brackets, one
comparison at the top) extended as Nevada PILOT, Time Warp and the reference interpreter do:
unary minus, ``%`` for the remainder, decimals, words in quotes or ``$`` variables that can
be joined with ``+`` and compared, ``AND``/``OR``/``NOT`` between conditions, and a few
functions (``RND``, ``LEN``, ``INT``, ``ABS``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from timewarp.pilot.ast import (
    BinaryOp, Comparison, Expression, FunctionCall, Logical, Negate, Not, Number, String,
    Variable,
)
from timewarp.pilot.errors import PilotError
from timewarp.pilot.lexer import Token, tokenize
from timewarp.pilot.screen import system_variable
from timewarp.pilot.values import FUNCTIONS, checked, quote

COMPARISONS = {"=": "=", "<>": "<>", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
LOGICAL_WORDS = ("AND", "OR", "NOT")
#: Deeper nesting than this is not a lesson but a runaway; it would exhaust Python's stack.
MAX_DEPTH = 40


def variable_from(token: Token) -> Variable | None:
    """The variable a token names: ``$S`` or ``S$`` hold words, ``#N`` or a bare ``N`` a number."""
    if token.kind == "sysvar":
        return Variable(*system_variable(token.text[1:]))  # type: ignore[arg-type]
    if token.kind == "var":
        text = token.text
        if text.endswith("$"):
            return Variable("$", text[:-1].upper())
        return Variable(text[0], text[1:].upper())  # type: ignore[arg-type]
    if token.kind == "name" and token.text.upper() not in LOGICAL_WORDS:
        return Variable("#", token.text.upper())
    return None


class ExpressionParser:
    """Recursive descent over the tokens of one expression."""

    def __init__(self, text: str) -> None:
        self.text = text.strip()
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Expression:
        """The whole text as one expression, perhaps a comparison."""
        if self.token.kind == "end":
            raise PilotError("there is nothing to work out here")
        result = self.disjunction()
        if self.token.kind != "end":
            raise self.unexpected()
        return result

    def at_word(self, word: str) -> bool:
        return self.token.kind == "name" and self.token.text.upper() == word

    def disjunction(self) -> Expression:
        result = self.conjunction()
        while self.at_word("OR"):
            self.advance()
            result = Logical("OR", result, self.conjunction())
        return result

    def conjunction(self) -> Expression:
        result = self.negation()
        while self.at_word("AND"):
            self.advance()
            result = Logical("AND", result, self.negation())
        return result

    def negation(self) -> Expression:
        if not self.at_word("NOT"):
            return self.comparison()
        self.advance()
        with self.nested():
            return Not(self.negation())

    def unexpected(self) -> PilotError:
        if self.token.kind == "end":
            return PilotError(f"something is missing at the end of {quote(self.text)}")
        return PilotError(f"I don't understand {quote(self.token.text)} in {quote(self.text)}")

    def comparison(self) -> Expression:
        left = self.sum()
        if self.token.kind == "op" and self.token.text in COMPARISONS:
            op = COMPARISONS[self.advance().text]
            return Comparison(op, left, self.sum())
        return left

    def sum(self) -> Expression:
        result = self.product()
        while self.token.kind == "op" and self.token.text in "+-":
            op = self.advance().text
            result = BinaryOp(op, result, self.product())
        return result

    def product(self) -> Expression:
        result = self.unary()
        while self.token.kind == "op" and self.token.text in "*/%":
            op = self.advance().text
            result = BinaryOp(op, result, self.unary())
        return result

    @contextlib.contextmanager
    def nested(self) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise PilotError(f"{quote(self.text)} is nested too deeply to work out")
        try:
            yield
        finally:
            self.depth -= 1

    def unary(self) -> Expression:
        with self.nested():
            if self.token.kind == "op" and self.token.text in "+-":
                sign = self.advance().text
                operand = self.unary()
                return Negate(operand) if sign == "-" else operand
            return self.primary()

    def primary(self) -> Expression:
        token = self.token
        if token.kind == "number":
            self.advance()
            text = token.text
            if len(text) > 100:
                raise PilotError("that number is too long for PILOT")
            return Number(checked(float(text) if "." in text else int(text)))
        if token.kind == "string":
            self.advance()
            return String(token.text[1:-1])
        if token.kind == "name" and self.tokens[self.pos + 1].text == "(":
            return self.function_call()
        variable = variable_from(token)
        if variable is not None:
            self.advance()
            return variable
        if token.kind == "op" and token.text == "(":
            self.advance()
            inner = self.disjunction()
            self.close_bracket()
            return inner
        raise self.unexpected()

    def close_bracket(self) -> None:
        if self.token.kind != "op" or self.token.text != ")":
            raise PilotError(f"a bracket is not closed in {quote(self.text)}: add a )")
        self.advance()

    def function_call(self) -> Expression:
        name = self.advance().text.upper()
        if name not in FUNCTIONS:
            raise PilotError(f"there is no function called {name}; PILOT has "
                             f"{', '.join(sorted(FUNCTIONS))}")
        self.advance()
        args = [self.disjunction()]
        while self.token.kind == "op" and self.token.text == ",":
            self.advance()
            args.append(self.disjunction())
        self.close_bracket()
        wanted = FUNCTIONS[name].arity
        if len(args) != wanted:
            raise PilotError(f"{name} takes {wanted} value{'s' if wanted > 1 else ''} in its "
                             f"brackets, not {len(args)}")
        return FunctionCall(name, tuple(args))


def parse_expression(text: str) -> Expression:
    return ExpressionParser(text).parse()
