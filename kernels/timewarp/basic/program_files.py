"""Programs kept in files: SAVE, LOAD, MERGE, RUN "file", CHAIN [MERGE] and COMMON.

Books of the 1980s printed long programs in parts that CHAIN from one to the next, passing
the variables named in COMMON, and programs saved and loaded each other.  A program file is
the program's listing as plain text (what GW-BASIC writes for ``SAVE "NAME", A``), and a file
in GW-BASIC's own binary form is read too (see tokenised.py); a name without an extension gets
``.BAS``, and the file lives in the notebook's folder like any other (see files.user_path).

Each of them ends the program that gives them, as in GW-BASIC: SAVE writes the listing,
and LOAD, MERGE, RUN "file" and CHAIN read the new lines, then a :class:`ProgramSwitch`
carries them out of the running program and the session carries out the switch once the
program's variables are stored.  A file that cannot be read stops with its error where the
statement stood, past any ON ERROR (the old program is going away), as GW-BASIC does.  The words are read where
they stand, as the file commands are, so names such as ``LOADED`` keep working.
"""

from __future__ import annotations

import re
from ast import literal_eval

from timewarp.basic import ast
from timewarp.basic.errors import BasicError
from timewarp.basic.tokenised import BinaryLines, ProtectedLines

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]*[$%!#]?")
WORDS = ("SAVE", "LOAD", "MERGE", "CHAIN", "COMMON")
#: The session's commands, given inside a program: they end it, then act as typed.
COMMANDS = ("RUN", "LIST", "LLIST", "NEW", "DELETE", "RENUM", "AUTO")


class ProgramSwitch(BaseException):
    """LOAD, MERGE, RUN "file" or CHAIN: the running program ends, the session goes on.

    A BaseException, like the program's END, so an ON ERROR trap does not catch it."""

    def __init__(self, kind: str, lines: list[tuple[int, str]] | BasicError,
                 options: dict) -> None:
        super().__init__(kind)
        self.kind, self.lines, self.options = kind, lines, options
        self.line: int | None = None      # where the program gave it, set by the session

    def carry_out(self, session) -> None:
        """Carry this out, and the switches the programs it starts give in turn, one
        after the other rather than each inside the last (a game that ends with RUN may
        restart it a thousand times)."""
        files = session.runtime.files
        if files.switching:
            files.next_switch = self     # the running switch's loop takes it
            return
        files.switching = True
        try:
            switch = self
            while switch is not None:
                files.next_switch = None
                switch._carry_out(session)
                switch = files.next_switch
        finally:
            files.switching = False
            files.next_switch = None

    def _carry_out(self, session) -> None:
        program, options = session.program, self.options
        if self.kind == "SAVE":
            return
        if "text" in options:       # RUN, NEW... given in a program
            session._command(f"{self.kind} {options['text']}")
            return
        if isinstance(self.lines, BasicError):
            # The old program is already gone when the new one cannot be read, so no
            # ON ERROR of it catches this (as in GW-BASIC).  A line without a number is
            # found part-way through loading, and GW-BASIC then names no line at all.
            if self.lines.kind == "Direct statement in file":
                raise self.lines
            raise self.lines.at(self.line)
        if self.kind == "MERGE" or options.get("merge"):
            first, last = options.get("delete", (None, None))
            if first is not None or last is not None:
                program.delete(first, last)
            for number, text in self.lines:
                program.set_line(number, text)
        else:
            program.clear()
            if isinstance(self.lines, BinaryLines):
                program.load_binary(self.lines)
            else:
                for number, text in self.lines:
                    program.set_line(number, text)
            program.protected = isinstance(self.lines, ProtectedLines)
            program.tail = getattr(self.lines, "tail", b"")
        if self.kind == "MERGE":
            return
        if self.kind == "CHAIN":
            keep = options.get("keep")
            if keep is not None:       # COMMON's variables; ALL keeps every one
                for key in [k for k in session.scalars if k not in keep]:
                    del session.scalars[key]
                for key in [k for k in session.arrays if k + "()" not in keep]:
                    del session.arrays[key]
        elif self.kind == "LOAD" and not options.get("run"):
            session._clear_variables()
            return
        else:                          # RUN "file", LOAD "file", R
            session.scalars.clear()
            session.arrays.clear()
            if not options.get("keep_files"):
                session.runtime.files.close_all()
        start = options.get("line")
        if start is not None and start not in program.lines:
            raise BasicError("Undefined line number", detail=f"there is no line {start}")
        session._run(session._compile_memory(start))


def listed(text: str) -> str:
    """A line as GW-BASIC lists and saves it: keywords and names in capitals, ``?`` as
    PRINT; strings, remarks and DATA as typed."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end + 1
            out.append(text[i:end])
            i = end
        elif c == "'":
            out.append(text[i:])
            break
        elif c == "?":
            out.append("PRINT " if text[i + 1:i + 2].isalpha() else "PRINT")
            i += 1
        elif c.isascii() and c.isalpha():
            match = _WORD.match(text, i)
            word = match.group(0).upper()
            if word.startswith("REM"):
                out.append("REM" + text[i + 3:])
                break
            out.append(word)
            i = match.end()
            if word == "DATA":
                end = i
                while end < n and text[end] != ":":
                    if text[end] == '"':        # a quoted item may hold a colon
                        end = text.find('"', end + 1) % (n + 1)
                    end += 1
                out.append(text[i:end])
                i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def program_name(name: str) -> str:
    """GW-BASIC's default extension: ``GAME`` is ``GAME.BAS``."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    return name if "." in last else name + ".BAS"


def existing_program(files, name: str):
    """The file LOAD, RUN, MERGE and BLOAD read for ``name``: GAME.BAS for ``GAME``, or the file
    ``GAME`` itself when there is no GAME.BAS (a file made outside BASIC)."""
    path = files.path(program_name(name))     # names without case, as on DOS
    if not path.is_file() and "." not in name:
        path = files.path(name)
    return path


def read_program_file(files, name: str, ascii_only: bool = False) -> list[tuple[int, str]]:
    """The numbered lines of a saved program, as text or in GW-BASIC's binary form (which
    MERGE, ``ascii_only``, refuses as GW-BASIC does); a line without a number is GW-BASIC's
    "Direct statement in file"."""
    from timewarp.basic.program import split_numbered
    from timewarp.basic.tokenised import detokenise, is_tokenised

    path = existing_program(files, name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BasicError("File not found", detail=program_name(name)) from None
    except OSError as error:
        raise BasicError("Path/File access error", detail=error.strerror or "") from None
    if is_tokenised(data):
        if ascii_only:
            raise BasicError("Bad file mode", detail=f"{path.name} was saved in GW-BASIC's "
                             "own binary form; MERGE reads only programs saved with , A")
        return detokenise(data)
    data = data.split(b"\x1a", 1)[0]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp437")
    lines = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not raw.strip():
            continue
        split = split_numbered(raw)
        if split is None:
            raise BasicError("Direct statement in file", detail=raw.strip()[:40])
        lines.append(split)
    return lines


def write_listing(files, name: str, listing: str | bytes) -> None:
    """A listing (or a binary program) into a file of the notebook's folder (SAVE, and
    LIST's ``, "file"``)."""
    path = files.path(name)
    files.refuse_open(path)
    try:
        path.write_bytes(listing if isinstance(listing, bytes) else listing.encode("utf-8"))
    except OSError as error:
        raise BasicError("Path/File access error", detail=error.strerror or "") from None


def save_program(files, name: str, session, form: str | None) -> None:
    """SAVE: ``, A`` writes text, ``, P`` GW-BASIC's protected form (and the program in
    memory is protected from then on, as in GW-BASIC); with neither, the
    prompt of ``timewarp basic`` writes GW-BASIC's binary form, as GW-BASIC did, and a
    notebook writes text, which JupyterLab shows (LOAD reads all three)."""
    from timewarp.basic.tokenised import protect

    if form == "A" or (form is None and not session.at_prompt):
        write_listing(files, name, session.program.listing())
        return
    program = session.program
    data = program.tokenised()
    write_listing(files, name, protect(data) if form == "P" else data)
    if form == "P":
        program.protected = True       # as in GW-BASIC, the program is no longer listed


def refuse_protected_save(files, name: str, program) -> None:
    """SAVE of a protected program in a listable form: GW-BASIC opens the file, then refuses
    with Illegal function call, leaving it empty. The empty file is made only where none
    was: a file of that name keeps what it held (GW-BASIC emptied it)."""
    path = files.path(name)
    if not path.exists():
        try:
            path.touch()
        except OSError:
            pass        # the refusal below is the error that matters
    program.check_listable()


def carry(files, name: str, args: tuple) -> None:
    """What ``_rt.files.command`` does for these words (see the parser below for ``args``)."""
    session = getattr(files, "host", None)
    if session is None:
        raise BasicError("Illegal function call", detail=f"{name} needs a BASIC session")
    if name == "COMMON":
        return
    if name == "AUTO":
        session.start_numbering(args[0])
        if files.direct:
            return None
        raise ProgramSwitch("SAVE", [], {})      # the program ends; the numbering begins
    if name in COMMANDS:
        if name in ("RENUM", "DELETE", "LIST", "LLIST"):
            # Done at once, so that ON ERROR sees a RENUM that fails; then the program
            # ends (a direct line goes on).
            session._command(f"{name} {args[0]}")
            if files.direct:
                return None
            raise ProgramSwitch("SAVE", [], {})
        switch = ProgramSwitch(name, [], {"text": args[0]})
        if files.direct and name != "RUN":
            return switch.carry_out(session)     # a direct line goes on after NEW
        raise switch
    options = dict(literal_eval(args[1])) if len(args) > 1 else {}
    if name == "SAVE":
        form = options.get("form")
        if session.program.protected and form != "P":
            refuse_protected_save(files, program_name(args[0]), session.program)
        save_program(files, program_name(args[0]), session, form)
        if form == "A" and not files.direct:
            # GW-BASIC's SAVE , A ends a program (back to the prompt); SAVE without it and
            # SAVE , P let the program go on.
            raise ProgramSwitch("SAVE", [], {})
        return
    if name == "CHAIN":
        options["keep"] = None if options.pop("all", False) else common_keys(session)
        options["keep_files"] = True
        first, last = options.get("delete", (None, None))
        if (first is not None or last is not None) and not session.program.numbers(first, last):
            # Checked before the file is read, while the program's ON ERROR still hears it.
            raise BasicError("Illegal function call", detail="CHAIN's DELETE names no lines")
    merging = name == "MERGE" or bool(options.get("merge"))
    if merging:
        session.program.check_listable()     # no lines go into a protected program
    try:
        lines = read_program_file(files, args[0], ascii_only=merging)
    except BasicError as error:
        if files.direct:
            raise
        lines = error
    switch = ProgramSwitch(name, lines, options)
    if files.direct and name in ("LOAD", "MERGE") and not options.get("run"):
        return switch.carry_out(session)      # load"x":LIST goes on, as in GW-BASIC
    raise switch


def common_keys(session) -> set[str]:
    """Every variable named by a COMMON statement of the program in memory."""
    from timewarp.basic.compiler import walk_lines
    from timewarp.basic.file_commands import FileCommand
    from timewarp.basic.program import parse_source

    keys: set[str] = set()
    for line in parse_source(session.program.source()):
        for stmt in walk_lines([line]):
            if isinstance(stmt, FileCommand) and stmt.name == "COMMON":
                names = stmt.args[0].value
                if names.startswith("!"):      # what CHAIN cannot read stops it here
                    raise BasicError("Syntax error", detail="a malformed COMMON").at(line.number)
                keys.update(names.split(","))
    return keys


def run_file_command(session, rest: str) -> None:
    """``RUN "GAME"`` (``, R`` keeps the files open) typed in a cell."""
    name, _, option = rest.strip()[1:].partition('"')
    options = {"keep_files": option.replace(",", "").strip().upper() == "R"}
    try:
        raise ProgramSwitch("RUN", read_program_file(session.runtime.files, name), options)
    except ProgramSwitch as switch:
        switch.carry_out(session)


class ProgramFileParser:
    """Mixed into the statement parser: the words above, read where they stand."""

    def program_file_command(self, name: str) -> ast.Stmt | None:
        from timewarp.basic.file_commands import FileCommand

        if name not in WORDS:
            return None
        self.i += 1
        if name == "COMMON":
            # GW-BASIC only reads COMMON when it CHAINs, so a malformed one is no error:
            # the names it can read pass (an array as A() or A[]), the rest is skipped.
            keys, malformed = [], False
            while not self.at_end():
                tok = self.peek()
                self.i += 1
                if tok.kind != "name":
                    malformed = True
                    continue
                key = self.names.key(tok.value)
                if self.at_op("(") or self.at_op("["):
                    self.i += 1
                    if not (self.at_op(")") or self.at_op("]")):
                        malformed = True     # A(1): not a way to name an array
                        continue
                    self.i += 1
                    key += "()"
                keys.append(key)
                if not self.at_end() and not self.accept("op", ","):
                    malformed = True
            last = self.tokens[self.i - 1]
            malformed = malformed or not keys or (last.kind == "op" and last.value == ",")
            text = ",".join(keys)
            return FileCommand("COMMON", (ast.String("!" + text if malformed else text),))
        options: dict = {}
        if name == "CHAIN" and self._word("MERGE"):
            options["merge"] = True
        file = self._string_arg()
        if name in ("SAVE", "LOAD") and self.accept("op", ","):
            word = self.expect("name", what="A, P or R").value
            if word not in (("A", "P") if name == "SAVE" else ("R",)):
                self.fail(f"{name} takes {'A or P' if name == 'SAVE' else 'R'} after the name")
            if name == "SAVE":
                options["form"] = word
            else:
                options["run"] = options["keep_files"] = True
        elif name == "CHAIN" and self.accept("op", ","):
            if not self.at_op(","):
                options["line"] = self._line_number()
            if self.accept("op", ","):
                if self._word("ALL"):
                    options["all"] = True
                # DELETE may stand where ALL does: CHAIN "PART2",,DELETE 100-200
                if self.accept("op", ",") or self.at_kw("DELETE"):
                    if not self._word("DELETE"):
                        self.fail("expected DELETE and the lines to delete")
                    first = None if self.at_op("-") else self._line_number()
                    last = first
                    if self.accept("op", "-"):
                        last = self._line_number() if self.at("num") else None
                    options["delete"] = (first, last)
                    if self.accept("op", ","):
                        # GW-BASIC reads past a fifth argument and ignores it.
                        while not self.at_end() and not self.at_op(":"):
                            self.i += 1
        if not self.at_end() and not self.at_op(":") and not self.at_kw("ELSE"):
            self.fail(f"unexpected words after {name}")
        # The options are known now: they travel to the runtime as a Python literal.
        return FileCommand(name, (file, ast.String(repr(sorted(options.items())))))

    def _word(self, word: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.kind in ("name", "kw") and tok.value == word:
            self.i += 1
            return True
        return False

    def _line_number(self) -> int:
        tok = self.expect("num", what="a line number")
        return int(tok.value[0]) if isinstance(tok.value, tuple) else int(tok.value)

