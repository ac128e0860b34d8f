"""BASIC's errors: GW-BASIC's wording and numbers, with the line they happened in.

A program's mistakes reach the user as :class:`BasicError`, never as Python exceptions:
the message is GW-BASIC's ("Syntax error in 20") so old books and listings still apply,
and ``code`` is the number ``ERR`` gives an ``ON ERROR GOTO`` handler.
"""

from __future__ import annotations

from timewarp.engine import LanguageError

#: GW-BASIC's error numbers, as ERR reports them.
ERROR_CODES = {
    "NEXT without FOR": 1, "Syntax error": 2, "RETURN without GOSUB": 3, "Out of DATA": 4,
    "Illegal function call": 5, "Overflow": 6, "Out of memory": 7, "Undefined line number": 8,
    "Subscript out of range": 9, "Duplicate Definition": 10, "Division by zero": 11,
    "Illegal direct": 12, "Type mismatch": 13, "Out of string space": 14,
    "String too long": 15, "String formula too complex": 16, "Can't continue": 17,
    "Undefined user function": 18, "No RESUME": 19, "RESUME without error": 20,
    "Missing operand": 22, "Line buffer overflow": 23, "FOR without NEXT": 26,
    "WHILE without WEND": 29, "WEND without WHILE": 30, "Input past end": 62,
    "Bad file name": 64, "Unprintable error": 21,
    # Files and devices (timewarp.basic.files), with GW-BASIC's own spelling.
    "Device Timeout": 24, "Device Fault": 25, "Bad file number": 52, "File not found": 53,
    "Bad file mode": 54, "File already open": 55, "Device I/O error": 57, "Too many files": 67,
    "Device Unavailable": 68, "Permission Denied": 70, "Path/File access error": 75,
    "Path not found": 76, "FIELD overflow": 50, "File already exists": 58,
    "Bad record number": 63, "Out of paper": 27, "Internal error": 51, "Disk full": 61,
    "Direct statement in file": 66, "Communication buffer overflow": 69,
    "Disk not Ready": 71, "Disk media error": 72, "Advanced Feature": 73,
    "Rename across disks": 74, "Deadlock": 77,
}


class BasicError(LanguageError):
    """Something went wrong in the BASIC program."""

    ename = "BasicError"

    def __init__(self, message: str, line: int | None = None, detail: str = "",
                 column: int | None = None) -> None:
        self.kind = message
        self.detail = detail
        self.code = ERROR_CODES.get(message, 21)
        super().__init__(message, line, column)
        self._render()

    def _render(self) -> None:
        text = self.kind
        if self.line is not None:
            text += f" in {self.line}"
        if self.detail:
            text += f": {self.detail}"
        self.message = text
        self.args = (text,)

    def at(self, line: int | None) -> BasicError:
        """This error, placed in ``line`` unless it already knows its line."""
        if self.line is None and line is not None:
            self.line = line
            self._render()
        return self


def error_for_code(code: int) -> BasicError:
    """ERROR n: the error GW-BASIC has under that number, or "Unprintable error"."""
    names = {number: text for text, number in ERROR_CODES.items()}
    error = BasicError(names.get(code, "Unprintable error"))
    error.code = code
    return error


class BasicSyntaxError(BasicError):
    """The line does not read as BASIC."""

    def __init__(self, detail: str = "", line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__("Syntax error", line, detail, column)


class ProgramEnd(BaseException):
    """END, STOP or SYSTEM: the program is over.  Not an error, so it derives from
    BaseException and passes an ON ERROR trap's ``except Exception``."""


def python_error(exc: BaseException) -> BasicError:
    """The BASIC error a Python exception escaping a running program stands for, with
    GW-BASIC's number, so that an ON ERROR handler sees what GW-BASIC's would."""
    if isinstance(exc, BasicError):
        return exc
    if isinstance(exc, ZeroDivisionError):
        return BasicError("Division by zero")
    if isinstance(exc, OverflowError):
        return BasicError("Overflow")
    if isinstance(exc, (RecursionError, MemoryError)):
        return BasicError("Out of memory")
    if isinstance(exc, IndexError):
        return BasicError("Subscript out of range")
    if isinstance(exc, TypeError):
        text = str(exc)
        if "positional argument" in text and "fn_" in text:
            # FNA(1, 2) for DEF FNA(X): GW-BASIC reads the call and finds it wrong.
            return BasicError("Syntax error", detail="the function takes another number of values")
        if "NoneType" in text or "list" in text or "subscript" in text or "item assign" in text:
            # An erased array, or one used with another number of subscripts than its DIM.
            return BasicError("Subscript out of range")
        if "'str'" in text or "str " in text:
            return BasicError("Type mismatch")
    if isinstance(exc, (ValueError, TypeError)):
        return BasicError("Illegal function call")
    return BasicError("Internal error", detail=f"{type(exc).__name__}: {exc}")


def failed_body(parser, start: int, error: BasicError, kind: str):
    """A DEF FN body that does not parse, from token ``start``: GW-BASIC finds the mistake
    only when the function is called, after evaluating what comes before it, so
    ``FNA(X) + PRINT`` is "Undefined user function" while FNA is undefined.  The longest
    run of tokens before the mistake that reads as an expression is kept, the rest of the
    statement skipped."""
    from timewarp.basic import ast

    failed_at, tokens = parser.i, parser.tokens
    before = None
    for end in range(min(failed_at, len(tokens)), start, -1):
        parser.tokens, parser.i = tokens[:end], start
        try:
            candidate = parser.expression()
        except BasicError:
            continue
        finally:
            parser.tokens = tokens
        if parser.i == end:
            before = candidate
            break
    parser.i = failed_at
    while not parser.at_end():
        parser.i += 1
    return ast.FailedExpr(before, error.kind, error.detail, kind)
