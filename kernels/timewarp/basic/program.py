"""The program in memory: numbered lines as typed, and turning source text into lines.

GW-BASIC keeps a program as numbered lines that LIST, DELETE and RENUM work on and that
typing a numbered line changes.  :class:`ProgramText` is that store.  ``parse_source``
turns any source (numbered or not) into :class:`timewarp.basic.ast.Line` objects.
"""

from __future__ import annotations

import re
from typing import Callable

from timewarp.basic import ast
from timewarp.basic.errors import BasicError, BasicSyntaxError
from timewarp.basic.expressions import Names
from timewarp.basic.lexer import tokenize
from timewarp.basic.parser import parse_statements

MAX_LINE_NUMBER = 65529
# GW-BASIC reads a line number over blanks between its digits ("2 40 PRINT" is line 240).
_NUMBERED = re.compile(r"\s*(\d(?:[ \t]*\d)*)(.*)\Z", re.S)


def split_numbered(text: str) -> tuple[int, str] | None:
    """(number, rest) for a numbered line, None for an unnumbered one."""
    match = _NUMBERED.match(text)
    if match is None:
        return None
    number, text = int(re.sub(r"[ \t]", "", match.group(1))), match.group(2)
    if number > MAX_LINE_NUMBER:
        raise BasicSyntaxError("line numbers go up to 65529")
    if number or not text.startswith(" "):
        text = text[1:] if text[:1].isspace() else text
    # GW-BASIC keeps a line's trailing blanks, and line 0's blank after its number
    # (LIST leaves it out; RENUM moves it along: "10  REM").
    return number, text.rstrip("\r\n")


class ProgramText:
    def __init__(self) -> None:
        self.lines: dict[int, str] = {}
        self.version = 0
        #: Loaded from a file saved with ", P": it runs, but is never listed or saved, and
        #: takes no new lines, as in GW-BASIC (until NEW or another LOAD).
        self.protected = False
        #: GW-BASIC's current line, which "." names (LIST ., AUTO ., EDIT .): the line last
        #: typed, loaded, listed or edited, or the one an error or a Break stopped in.
        self.current: int | None = None
        #: Bytes a binary program file held after the program's end: GW-BASIC loads them
        #: with it and SAVE writes them out again (see tokenised.BinaryLines).
        self.tail = b""
        #: A binary file's lines kept in the file's order, out of order as they may be:
        #: GW-BASIC lists and runs them as memory holds them (see load_binary).
        self.in_file_order = False

    def check_listable(self) -> None:
        if self.protected:
            raise BasicError("Illegal function call", detail="the program was saved protected "
                             "(, P): it runs, but is not listed, saved or changed (NEW clears it)")

    def set_line(self, number: int, text: str) -> None:
        self.check_listable()
        if text.strip():
            self.lines[number] = text
        else:
            self.lines.pop(number, None)
        self.current = number
        self.in_file_order = False
        self.version += 1

    def load_binary(self, lines: list[tuple[int, str]]) -> None:
        """The lines of a binary file, as GW-BASIC's LOAD puts them in memory: in the
        file's order (a file made by hand may hold them out of order) and with empty ones
        kept (a line number alone)."""
        self.lines = dict(lines)
        numbers = [n for n, _ in lines]
        self.in_file_order = numbers != sorted(numbers)
        self.current = numbers[-1] if numbers else None
        self.version += 1

    def clear(self) -> None:
        self.lines.clear()
        self.protected = False
        self.current = None
        self.tail = b""
        self.in_file_order = False
        self.version += 1

    def numbers(self, first: int | None = None, last: int | None = None) -> list[int]:
        low = 0 if first is None else first
        high = MAX_LINE_NUMBER if last is None else last
        order = self.lines if self.in_file_order else sorted(self.lines)
        return [n for n in order if low <= n <= high]

    def listing(self, first: int | None = None, last: int | None = None) -> str:
        from timewarp.basic.program_files import listed    # GW-BASIC's capitals
        listed_numbers = self.numbers(first, last)
        if listed_numbers:
            self.current = listed_numbers[-1]
        return "".join(f"{n} {listed(self.lines[n][1 if n == 0 and self.lines[n][:1] == ' ' else 0:])}\n"
                       for n in listed_numbers)

    def delete(self, first: int | None, last: int | None) -> None:
        doomed = self.numbers(first, last)
        if not doomed:
            raise BasicError("Illegal function call")
        for n in doomed:
            del self.lines[n]
        self.in_file_order = False
        self.version += 1

    def renumber(self, new: int = 10, old: int = 0, step: int = 10) -> list[str]:
        """RENUM: number lines from ``old`` on as new, new+step...; the line numbers that
        lines refer to follow.  Returns GW-BASIC's "Undefined line 50 in 70" for each
        reference to a line that does not exist (left as it is)."""
        moving = [n for n in sorted(self.lines) if n >= old]
        mapping = {n: new + i * step for i, n in enumerate(moving)}
        if mapping and max(mapping.values()) > MAX_LINE_NUMBER:
            raise BasicError("Illegal function call")
        staying = set(self.lines) - set(moving)
        if staying & set(mapping.values()) or any(n >= min(mapping.values(), default=0)
                                                  for n in staying if mapping):
            raise BasicError("Illegal function call")
        undefined: list[str] = []
        renumbered = {}
        for n in sorted(self.lines):
            line = mapping.get(n, n)
            # GW-BASIC finds the missing lines before it renumbers: the old number is told.
            renumbered[line] = _renumber_refs(self.lines[n], mapping, self.lines,
                                              lambda ref, n=n: undefined.append(
                                                  f"Undefined line {ref} in {n}"))
        self.lines = renumbered
        self.in_file_order = False
        self.version += 1
        return undefined

    def tokenised(self, tail: bool = True) -> bytes:
        """The program in GW-BASIC's binary form, as SAVE writes it (``tail``: with the bytes
        a binary file held after its end)."""
        from timewarp.basic.tokenised import tokenise
        return tokenise([(n, self.lines[n]) for n in self.numbers()], self.tail if tail else b"")

    def source(self) -> list[tuple[int | None, str, int]]:
        return [(n, self.lines[n], n) for n in self.numbers()]


def _renumber_refs(text: str, mapping: dict[int, int], lines: dict[int, str],
                   undefined: Callable[[int], None]) -> str:
    """A line with the line numbers it refers to renumbered: the numbers GW-BASIC stores as
    line numbers (after GOTO, GOSUB, THEN, ELSE, RESTORE, RESUME, RUN, LIST, ERL...; see
    tokenised.tokenise_line), so ``ERL + 20`` follows line 20 as in GW-BASIC.  ON ERROR
    GOTO 0 names no line and stays."""
    from timewarp.basic.tokenised import tokenise_line

    out, copied = [], 0
    for start, end, number in tokenise_line(text)[1]:
        if number == 0 and _ERROR_OFF.search(text[:start]):
            continue
        if number not in mapping:
            if number not in lines:
                undefined(number)
            continue
        out += [text[copied:start], str(mapping[number])]
        copied = end
    return "".join(out) + text[copied:]


_ERROR_OFF = re.compile(r"ERROR\s*GO\s*TO\s*\Z", re.I)


def scan_declarations(entries: list[tuple[int | None, str, int]]) -> Names:
    """The names a program declares anywhere: SUBs and FUNCTIONs are known before use."""
    names = Names()
    for _, text, _ in entries:
        words = re.findall(r"[A-Za-z_][A-Za-z0-9_.]*[$%!#]?", text.split("'")[0])
        upper = [w.upper() for w in words]
        for i, word in enumerate(upper[:-1]):
            if word in ("SUB", "FUNCTION") and (i == 0 or upper[i - 1] in ("DECLARE", "END", "EXIT")):
                if i > 0 and upper[i - 1] in ("END", "EXIT"):
                    continue
                name = upper[i + 1]
                base = name.rstrip("$%!#")
                if word == "SUB":
                    names.subs.add(base)
                else:
                    kind = name[-1] if name[-1] in "$%!#" else _as_type(upper) or "!"
                    names.functions[base] = kind
    return names


def _as_type(words: list[str]) -> str | None:
    if len(words) >= 2 and words[-2] == "AS":
        return {"INTEGER": "%", "LONG": "%", "SINGLE": "!", "DOUBLE": "#",
                "STRING": "$"}.get(words[-1])
    return None


def parse_line(text: str, names: Names, recover_statements: bool = False,
               ) -> tuple[tuple[ast.Stmt, ...], str | None]:
    """A line's statements, reading whole words first and run-together keywords second."""
    label = None
    first_error: BasicError | None = None
    attempts = [(False, False), (True, False), (False, recover_statements)]
    for number, (classic, recover) in enumerate(attempts):
        names.classic = classic
        try:
            tokens = tokenize(text, classic)
            if tokens and tokens[0].kind == "label":
                label = tokens[0].value
            return parse_statements(tokens, names, recover), label
        except BasicError as error:
            if number == 1 and first_error.kind == "Syntax error" != error.kind:
                # Run-together keywords read the line, which is wrong in another way
                # (CALLS A$ is a Type mismatch): that is the line's error.
                first_error, attempts[2] = error, (True, recover_statements)
            first_error = first_error or error
        except RecursionError:
            raise BasicError("Out of memory", detail="the line is nested too deeply") from None
    raise first_error


def parse_source(entries: list[tuple[int | None, str, int]], names: Names | None = None,
                 direct: bool = False) -> list[ast.Line]:
    """Lines of a program.  A line that does not parse raises its error when reached,
    as in GW-BASIC, if the program has line numbers (or is a ``direct`` line typed at the
    prompt, whose statements before the mistake run first); otherwise at once."""
    names = names or scan_declarations(entries)
    out = []
    for number, text, where in entries:
        names.numbered = number is not None
        recover = number is not None or direct
        try:
            statements, label = parse_line(text, names, recover_statements=recover)
        except BasicError as error:
            if not recover:
                raise error.at(where)
            statements, label = (ast.Failure(error.kind, error.detail, error.column),), None
        out.append(ast.Line(number, label, where, statements, text))
    return out

