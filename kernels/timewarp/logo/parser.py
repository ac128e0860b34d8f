"""The Logo parser: an instruction list (Logo data) to a tree of calls.

Logo cannot be parsed without knowing how many inputs each procedure takes, so the parser
asks an ``arity`` function.  Words are split at infix characters first (UCBLogo's
"runparse"): ``:n-1`` is three tokens, ``"a-b`` stays one word.  Precedence, lowest first:
comparisons, then ``+ -``, then ``* /``, then unary minus.  A minus sign at the start of a
word (``3 -4``) is unary; written between spaces or glued to both sides it subtracts, except
at the start of the list, after "(" or after an infix operator, where it negates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from timewarp.logo.ast import Call, Constant, Failure, Infix, Negate, TemplateSlot, Variable
from timewarp.logo.errors import LogoError, dont_know, not_enough_inputs
from timewarp.logo.reader import LiteralWord
from timewarp.logo.values import LogoArray, parse_number

INFIX = "+-*/=<>"
_NUMBER_START = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_COMPARISONS = ("=", "<", ">", "<=", ">=", "<>")
MAX_NESTING = 60


@dataclass(frozen=True, slots=True)
class Arity:
    """How many inputs a procedure takes: at least, usually, at most (``math.inf``: any)."""

    minimum: int
    default: int
    maximum: float
    #: The procedure's own name when the word was an abbreviation (FD for FORWARD).
    name: str = ""


ArityLookup = Callable[[str], "Arity | None"]


class Token:
    __slots__ = ("kind", "value")

    def __init__(self, kind: str, value: object = None) -> None:
        self.kind = kind  # num quote var list array name ( ) op neg
        self.value = value

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.value!r})"


def tokenize(items: list) -> list[Token]:
    """Runparse: Logo data to instruction tokens."""
    tokens: list[Token] = []
    for item in items:
        if isinstance(item, list):
            tokens.append(Token("list", item))
        elif isinstance(item, LogoArray):
            tokens.append(Token("array", item))
        elif isinstance(item, str):
            _split_word(item, tokens)
        else:
            tokens.append(Token("num", item))
    return tokens


def _split_word(word: str, tokens: list[Token]) -> None:
    if word in ("(", ")"):
        tokens.append(Token(word))
        return
    if word.startswith('"'):
        tokens.append(Token("quote", word[1:]))
        return
    if isinstance(word, LiteralWord):
        tokens.append(_piece(word))
        return
    index, length = 0, len(word)
    while index < length:
        char = word[index]
        if char in INFIX:
            pair = word[index:index + 2]
            if pair in ("<=", ">=", "<>"):
                tokens.append(Token("op", pair))
                index += 2
                continue
            unary = char == "-" and index + 1 < length and (index == 0 or word[index - 1] in INFIX)
            tokens.append(Token("neg") if unary else Token("op", char))
            index += 1
            continue
        if char == '"':
            tokens.append(Token("quote", word[index + 1:]))
            return
        match = _NUMBER_START.match(word, index)
        end = index
        if match and (match.end() == length or word[match.end()] in INFIX):
            end = match.end()
        while end < length and word[end] not in INFIX:
            end += 1
        tokens.append(_piece(word[index:end]))
        index = end


def _piece(text: str) -> Token:
    if text.startswith(":"):
        return Token("var", text[1:].lower())
    value = parse_number(text)
    if value is not None:
        return Token("num", value)
    return Token("name", text.lower())


class Parser:
    """Parses one instruction list, instruction by instruction."""

    def __init__(self, tokens: list[Token], arity: ArityLookup) -> None:
        self.tokens = tokens
        self.position = 0
        self.arity = arity
        self.depth = 0
        self.open_parens = 0
        #: An operand parsed already, for _unary to give next: ``(f`` in ``(f + 1)``.
        self.pending: object = None

    def instructions(self) -> list[object]:
        """Every instruction of the list; one that cannot be parsed ends the list as a Failure."""
        found: list[object] = []
        while self.position < len(self.tokens):
            try:
                found.append(self.expression())
            except LogoError as error:
                if error.code in (10, 12):
                    # Unbalanced parentheses are found when the whole line is read, as in
                    # UCBLogo, so nothing of it runs ("print 1)" prints nothing).
                    return [Failure(error)]
                found.append(Failure(error))
                break
        return found

    def _peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def expression(self) -> object:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise LogoError("Too much inside ()'s", code=8)
        try:
            return self._binary(0)
        finally:
            self.depth -= 1

    _LEVELS = (_COMPARISONS, ("+", "-"), ("*", "/"))

    def _binary(self, level: int) -> object:
        if level == len(self._LEVELS):
            return self._unary()
        left = self._binary(level + 1)
        while True:
            token = self._peek()
            if token is None or token.kind != "op" or token.value not in self._LEVELS[level]:
                return left
            self.position += 1
            if self._peek() is None:
                raise LogoError(f"{token.value} doesn't like [] as input", code=7)
            left = Infix(str(token.value), left, self._binary(level + 1))

    def _unary(self) -> object:
        if self.pending is not None:
            node, self.pending = self.pending, None
            return node
        token = self._peek()
        # A minus sign standing alone is unary where an operand starts but no input does, as
        # in UCBLogo: at the start of the instruction list, straight after "(" or after an
        # infix operator (``- 4 + 10``, ``10 + - 4``); ``print - 3`` lacks an input.
        if token is not None and (token.kind == "neg" or (
                token.kind == "op" and token.value == "-" and (
                    self.position == 0 or self.tokens[self.position - 1].kind in ("(", "op")))):
            self.position += 1
            if self._peek() is None:
                raise not_enough_inputs("-")
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise LogoError("Too much inside ()'s", code=8)
            try:
                operand = self._unary()
            finally:
                self.depth -= 1
            if isinstance(operand, Constant) and type(operand.value) in (int, float):
                return Constant(-operand.value)
            return Negate(operand)
        return self._primary()

    def _primary(self) -> object:
        token = self._peek()
        if token is None:
            raise LogoError("not enough inputs", code=6)
        self.position += 1
        kind = token.kind
        if kind in ("num", "quote", "list", "array"):
            return Constant(token.value)
        if kind == "var":
            return Variable(str(token.value))
        if kind == "name":
            return self._call(str(token.value), paren=False)
        if kind == "(":
            return self._parenthesised()
        if kind == ")":
            raise LogoError("unexpected ')'", code=12)
        raise LogoError(f"not enough inputs to {token.value}", code=6)

    def _parenthesised(self) -> object:
        self.open_parens += 1
        try:
            return self._inside_parentheses()
        finally:
            self.open_parens -= 1

    def _inside_parentheses(self) -> object:
        token = self._peek()
        if token is not None and token.kind == "name" and not _is_template(str(token.value)):
            self.position += 1
            node = self._call(str(token.value), paren=True)
            if (token := self._peek()) is not None and token.kind == "op":
                self.pending = node  # the left operand of what follows
                node = self.expression()
        else:
            node = self.expression()
        closing = self._peek()
        if closing is None or closing.kind != ")":
            if closing is None:
                raise LogoError("too many ('s", code=10)
            raise LogoError("Too much inside ()'s", code=8)
        self.position += 1
        return node

    def _call(self, name: str, paren: bool) -> object:
        if _is_template(name):
            return self._template(name, paren)
        arity = self.arity(name)
        if arity is None:
            raise dont_know(name)
        inputs = []
        if paren:
            # An infix operator ends the inputs, as in UCBLogo: ``(f + 1)`` adds to F's output.
            while (token := self._peek()) is not None and token.kind not in (")", "op"):
                inputs.append(self.expression())
            if len(inputs) < arity.minimum:
                raise not_enough_inputs(name)
            if len(inputs) > arity.maximum:
                raise LogoError(f"too many inputs to {name}", code=8)
        else:
            for _ in range(arity.default):
                token = self._peek()
                if token is not None and token.kind == ")" and not self.open_parens:
                    raise LogoError("unexpected ')'", code=12)
                if token is None and not inputs and arity.name in OK_WITHOUT_INPUT:
                    break
                if token is None or token.kind in (")", "op"):
                    raise not_enough_inputs(name)
                inputs.append(self.expression())
        return Call(arity.name or name, tuple(inputs), paren)

    def _template(self, name: str, paren: bool) -> object:
        if name != "?":
            return TemplateSlot(int(name[1:]))
        if paren and (token := self._peek()) is not None and token.kind != ")":
            index = self.expression()
            if isinstance(index, Constant) and isinstance(index.value, int):
                return TemplateSlot(index.value)
            raise LogoError("? doesn't like its input", code=7)
        return TemplateSlot(1)


#: Procedures that take their input if one follows, and run without it at the end of the
#: line (UCBLogo's OK_NO_ARG): ``continue`` and ``continue 5`` both work.
OK_WITHOUT_INPUT = frozenset({"continue"})


def _is_template(name: str) -> bool:
    return name == "?" or (name.startswith("?") and name[1:].isdigit())


def parse(items: list, arity: ArityLookup) -> list[object]:
    """The instructions of an instruction list."""
    return Parser(tokenize(items), arity).instructions()


UNLIMITED = math.inf
