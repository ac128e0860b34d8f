"""Fuzzing: thousands of random lines and mangled programs raise only BASIC errors.

Each example runs under a time budget (a real timer signal raising an exception that,
like Ctrl-C, passes through the engine) and an output budget, because random programs
love to loop forever.  Whatever else happens must be a :class:`BasicError`, and never the
engine's own "Internal error".
"""

from __future__ import annotations

import signal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

import timewarp.turtle.picture  # noqa: F401  imported now, so a budget signal never cuts an import short
import timewarp.turtle.screen  # noqa: F401
from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import Console

BUDGET_SECONDS = 0.2

WORDS = """PRINT INPUT LET GOTO GOSUB RETURN IF THEN ELSE ELSEIF END FOR TO STEP NEXT WHILE WEND
DO LOOP UNTIL EXIT DIM OPTION BASE DATA READ RESTORE DEF FN STOP REM ON ERROR RESUME SWAP
ERASE RANDOMIZE DEFINT DEFSTR SELECT CASE IS SUB FUNCTION CALL CONST SHARED AND OR NOT XOR
MOD ABS ASC CHR$ INT LEFT$ MID$ RND SQR STR$ VAL LEN TAB SPC USING LINE CLS FORWARD LEFT
RIGHT PENUP SETXY PENCOLOR HOME SCREEN PSET CIRCLE DRAW PAINT INSTR STRING$ ERR ERL""".split()
SYMBOLS = list("+-*/^\\=<>(),;:") + ["<>", "<=", ">=", "\"", "'", "?", "&H"]
ATOMS = WORDS + SYMBOLS + ["A", "B$", "I%", "X#", "N", "A(1)", "1", "0", "-1", "2.5", "1E3",
                           "32768", '"HI"', '""', "10", "20", "30", "100", "FNA(2)"]

SEEDS = [
    '10 INPUT "N"; N\n20 FOR I = 1 TO N: PRINT I; : NEXT I\n30 IF N > 2 THEN 10 ELSE END\n',
    "10 DIM A(5): FOR I = 0 TO 5: A(I) = I * I: NEXT\n20 GOSUB 100: PRINT S: END\n"
    "100 FOR J = 0 TO 5: S = S + A(J): NEXT: RETURN\n",
    '10 READ X$, Y: PRINT X$; Y: DATA "A", 2\n20 ON ERROR GOTO 50: Z = 1 / 0\n50 RESUME NEXT\n',
    "x = 3\nSUB show (v)\n  PRINT v\nEND SUB\nDO WHILE x > 0\n  show x\n  x = x - 1\nLOOP\n"
    "SELECT CASE x\n CASE 0: PRINT \"zero\"\n CASE ELSE: PRINT \"?\"\nEND SELECT\n",
    '10 A$ = "HELLO": PRINT MID$(A$, 2, 3); LEFT$(A$, 1); USING "##.#"; 3.14159\n'
    "20 WHILE K < 3: K = K + 1: WEND: PRINT K\n",
    "10 DEF FNF(X) = X * 2: PRINT FNF(3): FORWARD 10: RIGHT 90: PSET (1, 2)\n",
]


class Budget(BaseException):
    """Time or output ran out: an acceptable end for a random program."""


class BoundedConsole(Console):
    def __init__(self) -> None:
        self.size = 0
        self.answers = ["1", "HELLO", "2, 3"]

    def write(self, text: str) -> None:
        self.size += len(text)
        if self.size > 20_000:
            raise Budget()

    def read_line(self, prompt: str = "") -> str:
        if not self.answers:
            raise EOFError()
        return self.answers.pop(0)


def _out_of_time(signum, frame):
    raise Budget()


def run_bounded(source: str, as_file: bool) -> None:
    """Run ``source``; only BASIC errors and the budget may end it."""
    session = BasicSession(console=BoundedConsole())
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    try:
        signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
        try:
            (session.run_file if as_file else session.execute)(source)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except BasicError as error:
        assert error.kind != "Internal error", error.message
        assert error.ename == "BasicError"
    except Budget:
        pass
    finally:
        signal.signal(signal.SIGALRM, previous)
    session.is_complete(source)
    session.complete(source, len(source) // 2)
    session.inspect(source, len(source) // 2)


lines = hs.lists(hs.sampled_from(ATOMS), min_size=1, max_size=12).map(" ".join)
numbered_programs = hs.lists(
    hs.tuples(hs.integers(1, 60).map(lambda n: n * 10), lines), min_size=1, max_size=6,
).map(lambda rows: "".join(f"{n} {text}\n" for n, text in rows))


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(hs.one_of(lines, numbered_programs), hs.booleans())
def test_random_tokens_raise_only_basic_errors(source, as_file):
    run_bounded(source, as_file)


@hs.composite
def mutated_programs(draw) -> str:
    text = draw(hs.sampled_from(SEEDS))
    for _ in range(draw(hs.integers(1, 4))):
        where = draw(hs.integers(0, len(text)))
        action = draw(hs.sampled_from(["delete", "insert", "duplicate", "swap"]))
        if action == "delete":
            text = text[:where] + text[where + draw(hs.integers(1, 6)):]
        elif action == "insert":
            text = text[:where] + " " + draw(hs.sampled_from(ATOMS)) + " " + text[where:]
        elif action == "duplicate":
            text = text[:where] + text[where:where + draw(hs.integers(1, 12))] + text[where:]
        else:
            rows = text.splitlines()
            i, j = draw(hs.integers(0, len(rows) - 1)), draw(hs.integers(0, len(rows) - 1))
            rows[i], rows[j] = rows[j], rows[i]
            text = "\n".join(rows) + "\n"
    return text


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_programs(), hs.booleans())
def test_mutated_programs_raise_only_basic_errors(source, as_file):
    run_bounded(source, as_file)


# Whole statements of structured BASIC in any order: block statements opened and closed in the
# wrong places, crossed loops, EXITs from anywhere. This found two CASE ELSEs compiling to
# broken Python and crossed WHILE/FOR loops ending in an internal KeyError.
STRUCTURED = [
    "IF x > 1 THEN", "ELSEIF x = 2 THEN", "ELSE", "END IF", "SELECT CASE x", "CASE 1",
    "CASE 2 TO 3, IS > 5", "CASE ELSE", "END SELECT", "DO", "DO WHILE x < 3", "LOOP",
    "LOOP UNTIL x > 2", "FOR i = 1 TO 2", "NEXT", "NEXT i", "WHILE x < 2", "WEND", "EXIT FOR",
    "EXIT DO", "EXIT SUB", "EXIT FUNCTION", "SUB s (a, b())", "END SUB", "FUNCTION f (n)",
    "f = n + 1", "END FUNCTION", "lab:", "GOTO lab", "GOSUB lab", "RETURN", "x = x + 1",
    "PRINT x", "CALL s(x, a())", "s x, a()", "y = f(x)", "DIM a(1 TO 3)", "DIM SHARED b(2)",
    "STATIC q", "SHARED x", "CONST k = 2", "IF x THEN PRINT 1 ELSE EXIT FOR", "ON ERROR GOTO lab",
    "RESUME NEXT", "END", "a(2) = UBOUND(a)", "ERASE a", "SWAP x, y", "DEF FNz(t) = t * 2",
    "PRINT FNz(3)", "INPUT x",
]
structured_programs = hs.lists(hs.sampled_from(STRUCTURED), min_size=2, max_size=14).map(
    lambda rows: "\n".join(rows) + "\n")


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(structured_programs)
def test_structured_statements_in_any_order_raise_only_basic_errors(source):
    run_bounded(source, as_file=False)
