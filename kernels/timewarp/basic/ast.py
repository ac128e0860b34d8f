"""The BASIC syntax tree: what the parser builds and the compiler reads.

Every node is a frozen dataclass.  Expressions carry their static type, one of BASIC's
type characters: ``%`` integer, ``!`` single, ``#`` double, ``$`` string.
"""

from __future__ import annotations

from dataclasses import dataclass, field


# Expressions

@dataclass(frozen=True)
class Expr:
    pass


@dataclass(frozen=True)
class Number(Expr):
    value: float | int
    type: str = "!"


@dataclass(frozen=True)
class String(Expr):
    value: str
    type: str = "$"


@dataclass(frozen=True)
class Variable(Expr):
    """A scalar variable; ``key`` is its name with its type, as in "A!" or "N$"."""
    key: str

    @property
    def type(self) -> str:
        return self.key[-1]


@dataclass(frozen=True)
class ArrayElement(Expr):
    key: str
    indexes: tuple[Expr, ...]

    @property
    def type(self) -> str:
        return self.key[-1]


@dataclass(frozen=True)
class Unary(Expr):
    op: str
    operand: Expr
    type: str


@dataclass(frozen=True)
class Binary(Expr):
    op: str
    left: Expr
    right: Expr
    type: str


@dataclass(frozen=True)
class BuiltinCall(Expr):
    """A function built into BASIC, such as LEFT$ or SQR."""
    name: str
    args: tuple[Expr | None, ...]
    type: str


@dataclass(frozen=True)
class UserCall(Expr):
    """DEF FN function (``fn`` True) or a QBasic FUNCTION."""
    name: str
    args: tuple[Expr, ...]
    type: str
    fn: bool = False


@dataclass(frozen=True)
class ArrayRef(Expr):
    """A whole array, ``scores()``, passed to a SUB or FUNCTION or given to UBOUND."""
    key: str

    @property
    def type(self) -> str:
        return self.key[-1]


@dataclass(frozen=True)
class FailedExpr(Expr):
    """A DEF FN body that does not parse.  GW-BASIC reads the body only when the function
    is called: the part before the mistake is evaluated, then the error is raised."""
    before: Expr | None
    kind: str
    detail: str
    type: str


Target = Variable | ArrayElement


# Statements

@dataclass(frozen=True)
class Stmt:
    pass


@dataclass(frozen=True)
class Print(Stmt):
    items: tuple[object, ...]   # Expr, or the separators ";" and ","
    using: Expr | None = None
    file: Expr | None = None    # PRINT #n (see timewarp.basic.files)


@dataclass(frozen=True)
class Assign(Stmt):
    target: Target
    value: Expr


@dataclass(frozen=True)
class Input(Stmt):
    prompt: str
    question: bool
    targets: tuple[Target, ...]
    whole_line: bool = False
    file: Expr | None = None    # INPUT #n, LINE INPUT #n
    cut_short: bool = False     # a mistake follows the targets: more values are not asked for


@dataclass(frozen=True)
class Goto(Stmt):
    target: int | str


@dataclass(frozen=True)
class Gosub(Stmt):
    target: int | str


@dataclass(frozen=True)
class Return(Stmt):
    target: int | str | None = None


@dataclass(frozen=True)
class OnJump(Stmt):
    selector: Expr
    targets: tuple[int | str, ...]
    gosub: bool


@dataclass(frozen=True)
class If(Stmt):
    """One-line IF; ``then`` and ``otherwise`` are statement lists."""
    condition: Expr
    then: tuple[Stmt, ...]
    otherwise: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class IfBlock(Stmt):
    condition: Expr


@dataclass(frozen=True)
class ElseIf(Stmt):
    condition: Expr


@dataclass(frozen=True)
class Else(Stmt):
    pass


@dataclass(frozen=True)
class EndIf(Stmt):
    pass


@dataclass(frozen=True)
class For(Stmt):
    var: Variable
    start: Expr
    end: Expr
    step: Expr | None


@dataclass(frozen=True)
class Next(Stmt):
    var: Variable | None


@dataclass(frozen=True)
class While(Stmt):
    condition: Expr


@dataclass(frozen=True)
class Wend(Stmt):
    pass


@dataclass(frozen=True)
class Do(Stmt):
    condition: Expr | None = None
    until: bool = False


@dataclass(frozen=True)
class Loop(Stmt):
    condition: Expr | None = None
    until: bool = False


@dataclass(frozen=True)
class Exit(Stmt):
    what: str   # "FOR", "DO", "WHILE", "SUB", "FUNCTION"


@dataclass(frozen=True)
class Dim(Stmt):
    arrays: tuple[tuple[str, tuple[tuple[Expr | None, Expr], ...]], ...]
    shared: bool = False


@dataclass(frozen=True)
class OptionBase(Stmt):
    base: int


@dataclass(frozen=True)
class Data(Stmt):
    items: tuple[str, ...]


@dataclass(frozen=True)
class Read(Stmt):
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Restore(Stmt):
    target: int | str | None = None


@dataclass(frozen=True)
class DefFn(Stmt):
    name: str
    params: tuple[Variable, ...]
    body: Expr


@dataclass(frozen=True)
class End(Stmt):
    stop: bool = False


@dataclass(frozen=True)
class OnError(Stmt):
    target: int | str   # 0 turns trapping off


@dataclass(frozen=True)
class Resume(Stmt):
    target: int | str | None = None   # None: the same statement; "NEXT": the next one


@dataclass(frozen=True)
class Swap(Stmt):
    first: Target
    second: Target


@dataclass(frozen=True)
class Erase(Stmt):
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Randomize(Stmt):
    seed: Expr | None = None


@dataclass(frozen=True)
class Select(Stmt):
    subject: Expr


@dataclass(frozen=True)
class Case(Stmt):
    """CASE tests: each is ("=", e), ("TO", lo, hi) or ("IS", op, e); no tests is CASE ELSE."""
    tests: tuple[tuple, ...]


@dataclass(frozen=True)
class EndSelect(Stmt):
    pass


@dataclass(frozen=True)
class Param:
    key: str
    array: bool = False


@dataclass(frozen=True)
class SubStart(Stmt):
    name: str
    params: tuple[Param, ...]
    function: bool
    type: str = ""
    static: bool = False    # SUB name STATIC: every local variable keeps its value


@dataclass(frozen=True)
class SubEnd(Stmt):
    function: bool


@dataclass(frozen=True)
class CallSub(Stmt):
    name: str
    args: tuple[Expr, ...]


@dataclass(frozen=True)
class Const(Stmt):
    key: str
    value: Expr


@dataclass(frozen=True)
class Shared(Stmt):
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Static(Stmt):
    """STATIC inside a SUB or FUNCTION: these variables keep their values between calls."""
    keys: tuple[str, ...]


@dataclass(frozen=True)
class MidAssign(Stmt):
    target: Target
    start: Expr
    length: Expr | None
    value: Expr


@dataclass(frozen=True)
class Command(Stmt):
    """LIST, RUN, NEW, DELETE, RENUM, CLEAR...: they act on the program in memory."""
    name: str
    args: tuple[object, ...] = ()


@dataclass(frozen=True)
class Graphics(Stmt):
    """A turtle or screen statement: its keyword and its arguments."""
    name: str
    args: tuple[Expr | None, ...] = ()
    flags: str = ""


@dataclass(frozen=True)
class NoOp(Stmt):
    """A statement that has no effect here (BEEP, WIDTH, KEY OFF, DECLARE, TRON...)."""
    name: str = ""


@dataclass(frozen=True)
class RaiseError(Stmt):
    """ERROR n: act as if error number n happened."""
    code: Expr


@dataclass(frozen=True)
class Assert(Stmt):
    """ASSERT condition, "message": a teacher's test; a false condition stops the program."""
    condition: Expr
    message: Expr | None = None


@dataclass(frozen=True)
class Failure(Stmt):
    """A line that did not parse: running it raises its error, as GW-BASIC does (with where in
    the line's text it was found, for the prompt's cursor)."""
    kind: str
    detail: str = ""
    column: int | None = None


@dataclass(frozen=True)
class Line:
    """One program line: its number or label, where it is in the source, its statements."""
    number: int | None
    label: str | None
    source_line: int
    statements: tuple[Stmt, ...]
    text: str = field(default="", compare=False)


def walk_statements(stmts):
    """Every statement, including those inside one-line IFs."""
    for stmt in stmts:
        yield stmt
        if isinstance(stmt, If):
            yield from walk_statements(stmt.then + stmt.otherwise)
