"""Parsing BASIC statements: one line's tokens in, a tuple of statement nodes out.

A keyword table maps each statement word to the method that reads it.  A line that starts
with a name is an assignment, a SUB call, or a misspelt keyword (we suggest the keyword).
"""

from __future__ import annotations

import difflib

from timewarp.basic import ast
from timewarp.basic.errors import BasicError, BasicSyntaxError, failed_body
from timewarp.basic.events import EventStatementParser
from timewarp.basic.expressions import ExpressionParser, Names
from timewarp.basic.files import FileStatementParser
from timewarp.basic.qbasic import QBasicParser
from timewarp.basic.graphics import GRAPHICS_SYNTAX, GraphicsParser, parse_graphics
from timewarp.basic.program_files import ProgramFileParser
from timewarp.basic.lexer import STATEMENT_WORDS, Token
from timewarp.basic.dos import DosParser
from timewarp.basic.machine import MachineParser
from timewarp.basic.text_statements import TextScreenParser
from timewarp.basic.sound import SoundStatementParser

_TYPE_NAMES = {"INTEGER": "%", "LONG": "%", "SINGLE": "!", "DOUBLE": "#", "STRING": "$"}
_NO_OPS = {"TRON", "TROFF"}
_COMMANDS = {"LIST", "RUN", "NEW", "DELETE", "RENUM", "CLEAR", "SYSTEM", "AUTO"}


def parse_statements(tokens: list[Token], names: Names,
                     recover: bool = False) -> tuple[ast.Stmt, ...]:
    """All statements of one line.  With ``recover``, a statement that does not parse
    becomes an :class:`ast.Failure` after the statements before it, which still run."""
    parser = FullParser(tokens, names)
    parser.recover = recover
    statements = parser.statement_list(stop_at_else=False)
    if parser.peek() is not None:
        parser.fail("unexpected words at the end of the statement")
    return statements


class StatementParser(GraphicsParser, EventStatementParser, FileStatementParser,
                      SoundStatementParser, TextScreenParser, MachineParser, DosParser,
                      ProgramFileParser, ExpressionParser):
    def statement_list(self, stop_at_else: bool) -> tuple[ast.Stmt, ...]:
        out: list[ast.Stmt] = []
        while self.peek() is not None:
            if self.accept("op", ":"):
                continue
            if self.at_kw("ELSE"):
                if stop_at_else:
                    break
                self.i += 1
                out.append(ast.Else())
                continue
            try:
                self.partial_ok = not stop_at_else      # see st_PRINT
                out.extend(self.statement())
                if self.peek() is not None and not self.at_op(":") and not self.at_kw("ELSE"):
                    self.fail("expected : or the end of the line")
            except BasicError as error:
                if not getattr(self, "recover", False) or stop_at_else:
                    raise
                out.append(ast.Failure(error.kind, error.detail, error.column))
                self.i = len(self.tokens)
        return tuple(out)

    def statement(self) -> list[ast.Stmt]:
        tok = self.peek()
        if tok.kind == "label":
            self.i += 1
            return []
        event = self.event_statement(tok)     # KEY, SLEEP, TIME$ =, PEN ON...: see events
        if event is not None:
            return [event]
        if tok.kind == "name":
            return [self.name_statement(tok)]
        if tok.kind == "data":
            self.i += 1
            return [ast.Data(_data_items(tok.value))]
        if tok.kind != "kw":
            self.fail("expected a statement")
        self.i += 1
        word = tok.value
        if word in GRAPHICS_SYNTAX and word != "LINE":
            return [parse_graphics(self, word)]
        if word in _NO_OPS:
            while not self.at_end():
                self.i += 1
            return [ast.NoOp(word)]
        if word in _COMMANDS:
            return [self.command(word)]
        method = getattr(self, "st_" + word, None)
        if method is None:
            self.i -= 1
            self.fail(f"{word} cannot start a statement")
        result = method()
        return result if isinstance(result, list) else [result]

    # Assignment, calls and misspellings

    def name_statement(self, tok: Token) -> ast.Stmt:
        nxt = self.peek(1)
        name = tok.value
        if name.rstrip("$%!#") in self.names.subs:
            self.i += 1
            return ast.CallSub(name.rstrip("$%!#"), self.call_arguments())
        block = self.graphics_block(name)      # GET (x1,y1)-(x2,y2), A: see graphics
        if block is not None:
            return block
        if nxt is not None and nxt.kind == "op" and nxt.value in ("=", "("):
            return self.st_LET()
        command = self.file_command(name)      # KILL, FIELD, GET #...: see file_commands
        if command is not None:
            return command
        command = self.program_file_command(name)   # SAVE, LOAD, CHAIN...: see program_files
        if command is not None:
            return command
        command = self.dos_statement(name)     # RESET, LOCK, ENVIRON...: see dos
        if command is not None:
            return command
        guess = difflib.get_close_matches(name.rstrip("$%!#"), STATEMENT_WORDS, n=1, cutoff=0.6)
        hint = f" — did you mean {guess[0]}?" if guess else ""
        raise BasicSyntaxError(f"unknown word {name}{hint}", column=tok.pos)

    def call_arguments(self) -> tuple[ast.Expr, ...]:
        args: list[ast.Expr] = []
        if self.at_end():
            return ()
        args.append(self.call_argument())
        while self.accept("op", ","):
            args.append(self.call_argument())
        return tuple(args)

    def target(self) -> ast.Target:
        tok = self.expect("name", what="a variable name")
        key = self.names.key(tok.value)
        if self.at_op("("):
            return ast.ArrayElement(key, self.arguments())
        return ast.Variable(key)

    def st_LET(self) -> ast.Stmt:
        target = self.target()
        self.expect("op", "=")
        value = self.expression()
        _check_assign(target.type, value)
        return ast.Assign(target, value)

    def st_CALL(self) -> ast.Stmt:
        tok = self.peek()
        if self.names.classic and self.names.numbered and tok is not None and tok.kind == "name" \
                and tok.value.startswith("S") and tok.pos == self.tokens[self.i - 1].pos + 4:
            # CALLS, GW-BASIC's other CALL of machine code (not a keyword here: QBasic
            # programs have variables called calls).
            if tok.value == "S":
                self.i += 1
            else:
                self.tokens[self.i] = tok._replace(value=tok.value[1:], pos=tok.pos + 1)
        word = self.expect("name", what="a SUB name").value
        name = word.rstrip("$%!#")
        args: tuple[ast.Expr, ...] = ()
        if self.accept("op", "("):
            args = (self.call_argument(),)
            while self.accept("op", ","):
                args += (self.call_argument(),)
            self.expect("op", ")")
        if self.names.numbered and name not in self.names.subs:
            # GW-BASIC's CALL of machine code: the address is a number variable, and what
            # it passes are variables.
            if word.endswith("$"):
                raise BasicError("Type mismatch", detail="CALL needs a number (an address)")
            if not all(isinstance(a, ast.Variable) for a in args):
                self.fail("CALL passes variables to machine code")
        return ast.CallSub(name, args)

    # Output and input

    def st_PRINT(self) -> ast.Stmt:
        using = None
        if self.accept("kw", "USING"):
            using = self.expression()
            if using.type != "$":
                raise BasicError("Type mismatch")
            self.expect("op", ";")
        file = None
        if using is None and self.accept("op", "#"):
            file = self._num(self.expression())
            if not self.accept("op", ","):
                return ast.Print((), None, file)
            if self.accept("kw", "USING"):
                using = self.expression()
                if using.type != "$":
                    raise BasicError("Type mismatch")
                self.expect("op", ";")
        items: list[object] = []
        while not self.at_end():
            if self.at_op(";") or self.at_op(","):
                items.append(self.tokens[self.i].value)
                self.i += 1
                continue
            try:
                items.append(self.expression())
            except BasicError as error:
                if not (items and getattr(self, "recover", False) and self.partial_ok
                        and using is None and file is None):
                    raise
                # GW-BASIC prints the items before the mistake, then stops at it
                # (PRINT "*"?" prints * and then "Syntax error").
                self.i = len(self.tokens)
                return [ast.Print((*items, ";"), None, None), ast.Failure(error.kind, error.detail)]
        if using is not None and not any(isinstance(i, ast.Expr) for i in items):
            raise BasicError("Missing operand", detail="PRINT USING needs something to print")
        return ast.Print(tuple(items), using, file)

    def st_LPRINT(self) -> ast.Stmt:
        """LPRINT [USING f$;] items: PRINT to the printer (files.BasicFiles.lpt1)."""
        if self.at_op("#"):
            self.fail("LPRINT prints to the printer, not to a file")
        stmt = self.st_PRINT()
        if isinstance(stmt, list):           # a mistake after some items: print none
            return stmt[1:]
        return ast.Print(stmt.items, stmt.using, ast.String("LPT1:"))

    def st_INPUT(self) -> ast.Stmt:
        if self.accept("op", "#"):
            file = self._num(self.expression())
            self.expect("op", ",")
            targets = [self.target()]
            while self.accept("op", ","):
                targets.append(self.target())
            return ast.Input("", False, tuple(targets), file=file)
        self.accept("op", ";")
        prompt, question = "", True
        if self.at("str"):
            prompt = self.tokens[self.i].value
            self.i += 1
            if self.accept("op", ","):
                question = False
            else:
                self.expect("op", ";")
        targets = []
        while True:
            try:
                targets.append(self.target())
            except BasicError as error:
                if not (getattr(self, "recover", False) and self.partial_ok):
                    raise
                # GW-BASIC reads the reply, fills the variables before the mistake and then
                # stops at it (INPUT A,,B; INPUT with no variable at all asks, then stops).
                self.i = len(self.tokens)
                return [ast.Input(prompt, question, tuple(targets), cut_short=True),
                        ast.Failure(error.kind, error.detail)]
            if not self.accept("op", ","):
                return ast.Input(prompt, question, tuple(targets))

    def st_LINE(self) -> ast.Stmt:
        if not self.accept("kw", "INPUT"):
            return parse_graphics(self, "LINE")
        file = None
        if self.accept("op", "#"):
            file = self._num(self.expression())
            self.expect("op", ",")
        self.accept("op", ";")
        prompt = ""
        if self.at("str"):
            prompt = self.tokens[self.i].value
            self.i += 1
            if not self.accept("op", ","):
                self.expect("op", ";")
        target = self.target()
        if target.type != "$":
            raise BasicError("Type mismatch")
        return ast.Input(prompt, False, (target,), whole_line=True, file=file)

    # Jumps

    def line_ref(self) -> int | str:
        tok = self.peek()
        if tok is not None and tok.kind == "num" and float(tok.value[0]).is_integer():
            self.i += 1
            return int(tok.value[0])
        if tok is not None and tok.kind == "name":
            self.i += 1
            return tok.value
        self.fail("expected a line number or label")

    def st_GOTO(self) -> ast.Stmt:
        return ast.Goto(self.line_ref())

    def st_GO(self) -> ast.Stmt:
        if self.accept("kw", "TO"):
            return self.st_GOTO()
        self.expect("kw", "SUB")
        return self.st_GOSUB()

    def st_GOSUB(self) -> ast.Stmt:
        return ast.Gosub(self.line_ref())

    def st_RETURN(self) -> ast.Stmt:
        return ast.Return(None if self.at_end() else self.line_ref())

    def st_ON(self) -> ast.Stmt:
        if self.accept("kw", "ERROR"):
            self.expect("kw", "GOTO")
            return ast.OnError(self.line_ref())
        event = self.on_event()       # ON KEY(n) GOSUB, ON TIMER(n) GOSUB...: see events
        if event is not None:
            return event
        selector = self.expression()
        gosub = bool(self.accept("kw", "GOSUB"))
        # GW-BASIC reads the list only as far as the selector asks: a missing word or line
        # number is a Syntax error only when it is reached (None), after the selector's own
        # errors.  A line-numbered program keeps such a statement to run.
        lenient = getattr(self, "recover", False)
        if not gosub and lenient and not self.at_kw("GOTO"):
            self.i = len(self.tokens)     # it always stops there: the rest is never reached
            return ast.OnJump(self._num(selector), (), None)
        if not gosub:
            self.expect("kw", "GOTO")
        item = (lambda: None if self.at_end() or self.at_op(",") else self.line_ref()) \
            if lenient else self.line_ref
        targets = [item()]
        while self.accept("op", ","):
            targets.append(item())
        return ast.OnJump(self._num(selector), tuple(targets), gosub)

    def st_ERROR(self) -> ast.Stmt:
        return ast.RaiseError(self._num(self.expression()))

    def st_RESUME(self) -> ast.Stmt:
        if self.accept("kw", "NEXT"):
            return ast.Resume("NEXT")
        if self.at_end():
            return ast.Resume(None)
        ref = self.line_ref()
        return ast.Resume(None if ref == 0 else ref)

    def st_IF(self) -> list[ast.Stmt]:
        condition = self._num(self.expression())
        if self.accept("kw", "GOTO"):
            then: tuple[ast.Stmt, ...] = (ast.Goto(self.line_ref()), *self._rest_of_branch())
        else:
            self.expect("kw", "THEN")
            if self.peek() is None:
                return [ast.IfBlock(condition)]
            then = self._branch()
        otherwise: tuple[ast.Stmt, ...] = ()
        if self.accept("kw", "ELSE"):
            otherwise = self._branch()
        return [ast.If(condition, then, otherwise)]

    def _branch(self) -> tuple[ast.Stmt, ...]:
        if self.at("num"):
            return (ast.Goto(self.line_ref()), *self._rest_of_branch())
        return self.statement_list(stop_at_else=True)

    def _rest_of_branch(self) -> tuple[ast.Stmt, ...]:
        # GW-BASIC: in IF X THEN 110 : PRINT, the PRINT belongs to the branch too (never
        # run, and skipped with the branch when X is false).
        return self.statement_list(stop_at_else=True) if self.at_op(":") else ()

    def st_ELSEIF(self) -> ast.Stmt:
        condition = self._num(self.expression())
        self.expect("kw", "THEN")
        return ast.ElseIf(condition)

    def st_END(self) -> ast.Stmt:
        for word, node in (("IF", ast.EndIf()), ("SELECT", ast.EndSelect()),
                           ("SUB", ast.SubEnd(False)), ("FUNCTION", ast.SubEnd(True))):
            if self.accept("kw", word):
                return node
        return ast.End()

    def st_ASSERT(self) -> ast.Stmt:
        condition = self._num(self.expression())
        message = None
        if self.accept("op", ","):
            message = self.expression()
            if message.type != "$":
                raise BasicError("Type mismatch", detail='ASSERT\'s message is a string, '
                                 'like ASSERT X = 4, "X should be 4"')
        return ast.Assert(condition, message)

    def st_STOP(self) -> ast.Stmt:
        return ast.End(stop=True)

    # Loops

    def st_FOR(self) -> ast.Stmt:
        var = self.target()
        if not isinstance(var, ast.Variable) or var.type == "$":
            raise BasicError("Type mismatch" if var.type == "$" else "Syntax error")
        self.expect("op", "=")
        start = self._num(self.expression())
        self.expect("kw", "TO")
        end = self._num(self.expression())
        step = self._num(self.expression()) if self.accept("kw", "STEP") else None
        return ast.For(var, start, end, step)

    def st_NEXT(self) -> list[ast.Stmt]:
        if self.at_end():
            return [ast.Next(None)]
        out = [ast.Next(self.target())]
        while self.accept("op", ","):
            out.append(ast.Next(self.target()))
        return out

    def st_WHILE(self) -> ast.Stmt:
        return ast.While(self._num(self.expression()))

    def st_WEND(self) -> ast.Stmt:
        return ast.Wend()

    def _loop_condition(self) -> tuple[ast.Expr | None, bool]:
        if self.accept("kw", "WHILE"):
            return self._num(self.expression()), False
        if self.accept("kw", "UNTIL"):
            return self._num(self.expression()), True
        return None, False

    def st_DO(self) -> ast.Stmt:
        return ast.Do(*self._loop_condition())

    def st_LOOP(self) -> ast.Stmt:
        return ast.Loop(*self._loop_condition())

    def st_EXIT(self) -> ast.Stmt:
        tok = self.expect("kw", what="FOR, DO, WHILE, SUB or FUNCTION")
        if tok.value not in ("FOR", "DO", "WHILE", "SUB", "FUNCTION"):
            self.fail("EXIT needs FOR, DO, SUB or FUNCTION")
        return ast.Exit(tok.value)

    def st_SELECT(self) -> ast.Stmt:
        self.expect("kw", "CASE")
        return ast.Select(self.expression())

    def st_CASE(self) -> ast.Stmt:
        if self.accept("kw", "ELSE"):
            return ast.Case(())
        tests = [self._case_test()]
        while self.accept("op", ","):
            tests.append(self._case_test())
        return ast.Case(tuple(tests))

    def _case_test(self) -> tuple:
        if self.accept("kw", "IS"):
            op = self.expect("op", what="a comparison").value
            return ("IS", op, self.expression())
        low = self.expression()
        if self.accept("kw", "TO"):
            return ("TO", low, self.expression())
        return ("=", low)

    # Data and declarations

    def st_DIM(self) -> ast.Stmt:
        shared = bool(self.accept("kw", "SHARED"))
        arrays = []
        while True:
            tok = self.expect("name", what="an array name")
            bounds: list[tuple[ast.Expr | None, ast.Expr]] = []
            if self.accept("op", "("):
                while True:
                    low, high = None, self._num(self.expression())
                    if self.accept("kw", "TO"):
                        low, high = high, self._num(self.expression())
                    bounds.append((low, high))
                    if not self.accept("op", ","):
                        break
                self.expect("op", ")")
            self._as_type(tok.value)
            arrays.append((self.names.key(tok.value), tuple(bounds)))
            if not self.accept("op", ","):
                break
        return ast.Dim(tuple(arrays), shared)

    def _as_type(self, name: str) -> None:
        if self.peek() is not None and self.peek().kind == "name" and self.peek().value == "AS":
            self.i += 1
            kind = self.expect("name", what="a type").value
            if kind not in _TYPE_NAMES:
                self.fail(f"unknown type {kind}")
            self.names.declared[name] = _TYPE_NAMES[kind]

    def st_OPTION(self) -> ast.Stmt:
        self.expect("kw", "BASE")
        tok = self.expect("num", what="0 or 1")
        if tok.value[0] not in (0, 1):
            raise BasicSyntaxError("OPTION BASE is 0 or 1")
        return ast.OptionBase(int(tok.value[0]))

    def st_READ(self) -> ast.Stmt:
        targets = [self.target()]
        while self.accept("op", ","):
            targets.append(self.target())
        return ast.Read(tuple(targets))

    def st_RESTORE(self) -> ast.Stmt:
        return ast.Restore(None if self.at_end() else self.line_ref())

    def st_DEF(self) -> ast.Stmt:
        machine = self.def_machine()     # DEF SEG, DEF USR: see timewarp.basic.machine
        if machine is not None:
            return machine
        tok = self.peek()
        if tok is not None and tok.kind == "fn":
            name = tok.value
        elif tok is not None and tok.kind == "name" and tok.value.startswith("FN"):
            name = tok.value[2:]
        else:
            self.fail("expected FN and a name after DEF")
        self.i += 1
        key = self.names.key(name)
        self.names.fns.add(key)
        params: list[ast.Variable] = []
        if self.accept("op", "("):
            params.append(ast.Variable(self.names.key(self.expect("name").value)))
            while self.accept("op", ","):
                params.append(ast.Variable(self.names.key(self.expect("name").value)))
            self.expect("op", ")")
        self.expect("op", "=")
        start = self.i
        try:
            body = self.expression()
            _check_assign(key[-1], body)
            if getattr(self, "recover", False) and not self.at_end():
                self.fail("expected : or the end of the line")
        except BasicError as error:
            if not getattr(self, "recover", False):
                raise
            body = failed_body(self, start, error, key[-1])   # see timewarp.basic.errors
        return ast.DefFn(key, tuple(params), body)

    def _def_type(self, kind: str) -> ast.Stmt:
        while True:
            first = self.expect("name", what="a letter").value
            last = first
            if self.accept("op", "-"):
                last = self.expect("name", what="a letter").value
            if len(first) != 1 or len(last) != 1:
                self.fail("DEFINT takes letters, as in DEFINT A-Z")
            for code in range(ord(first), ord(last) + 1):
                self.names.deftypes[chr(code)] = kind
            if not self.accept("op", ","):
                return ast.NoOp("DEF" + kind)

    def st_DEFINT(self) -> ast.Stmt:
        return self._def_type("%")

    def st_DEFSNG(self) -> ast.Stmt:
        return self._def_type("!")

    def st_DEFDBL(self) -> ast.Stmt:
        return self._def_type("#")

    def st_DEFSTR(self) -> ast.Stmt:
        return self._def_type("$")

    def st_SWAP(self) -> ast.Stmt:
        first = self.target()
        self.expect("op", ",")
        second = self.target()
        if first.type != second.type:
            raise BasicError("Type mismatch")
        return ast.Swap(first, second)

    def st_ERASE(self) -> ast.Stmt:
        keys = [self.names.key(self.expect("name").value)]
        while self.accept("op", ","):
            keys.append(self.names.key(self.expect("name").value))
        return ast.Erase(tuple(keys))

    def st_RANDOMIZE(self) -> ast.Stmt:
        return ast.Randomize(None if self.at_end() else self._num(self.expression()))

    def st_REM(self) -> ast.Stmt:
        return ast.NoOp("REM")

    def st_MID_(self) -> ast.Stmt:
        self.expect("op", "(")
        target = self.target()
        self.expect("op", ",")
        start = self._num(self.expression())
        length = self._num(self.expression()) if self.accept("op", ",") else None
        self.expect("op", ")")
        self.expect("op", "=")
        value = self.expression()
        if target.type != "$" or value.type != "$":
            raise BasicError("Type mismatch")
        return ast.MidAssign(target, start, length, value)

    # Structured QBasic

    def _params(self) -> tuple[ast.Param, ...]:
        params: list[ast.Param] = []
        if not self.accept("op", "("):
            return ()
        while not self.at_op(")"):
            name = self.expect("name", what="a parameter name").value
            array = bool(self.accept("op", "("))
            if array:
                self.expect("op", ")")
            self._as_type(name)
            params.append(ast.Param(self.names.key(name), array))
            if not self.accept("op", ","):
                break
        self.expect("op", ")")
        return tuple(params)

    def st_SUB(self) -> ast.Stmt:
        name = self.expect("name", what="a SUB name").value
        params = self._params()
        static = bool(self.accept("kw", "STATIC"))
        return ast.SubStart(name.rstrip("$%!#"), params, False, static=static)

    def st_FUNCTION(self) -> ast.Stmt:
        name = self.expect("name", what="a FUNCTION name").value
        params = self._params()
        self._as_type(name)
        kind = self.names.functions.get(name.rstrip("$%!#")) or self.names.key(name)[-1]
        static = bool(self.accept("kw", "STATIC"))
        return ast.SubStart(name.rstrip("$%!#"), params, True, kind, static)

    def st_CONST(self) -> list[ast.Stmt]:
        out = []
        while True:
            name = self.expect("name", what="a constant name").value
            self.expect("op", "=")
            value = self.expression()
            if name[-1] not in "$%!#":
                self.names.declared[name] = "$" if value.type == "$" else "#" if value.type == "#" else "!"
            key = self.names.key(name)
            _check_assign(key[-1], value)
            out.append(ast.Const(key, value))
            if not self.accept("op", ","):
                return out

    def _declared_names(self) -> tuple[str, ...]:
        keys = []
        while True:
            name = self.expect("name").value
            if self.accept("op", "("):
                self.expect("op", ")")
            self._as_type(name)
            keys.append(self.names.key(name))
            if not self.accept("op", ","):
                return tuple(keys)

    def st_SHARED(self) -> ast.Stmt:
        return ast.Shared(self._declared_names())

    def st_STATIC(self) -> ast.Stmt:
        return ast.Static(self._declared_names())

    # Commands on the program in memory

    def command(self, word: str) -> ast.Stmt:
        args: list[object] = []
        while not self.at_end():
            tok = self.tokens[self.i]
            self.i += 1
            if tok.kind == "num":
                args.append(int(tok.value[0]))
            elif tok.kind == "op" and tok.value in ("-", ","):
                args.append(tok.value)
            elif tok.kind == "dot":
                args.append(".")
            elif tok.kind == "str":
                args.append(tok.value)
            else:
                self.i -= 1
                self.fail(f"{word} takes line numbers")
        if word == "AUTO":
            _check_auto(args)
        return ast.Command(word, tuple(args))


setattr(StatementParser, "st_MID$", StatementParser.st_MID_)


class FullParser(QBasicParser, StatementParser):
    """The parser with QBasic's records and declarations, which refine some of
    StatementParser's own methods (LET, DIM, END, parameters; see timewarp.basic.qbasic)."""


def _check_auto(args: list) -> None:
    """AUTO [line | .][, step], as GW-BASIC reads it: a comma with no step after it is an
    Illegal function call; anything else out of place a syntax error."""
    start, rest = (args[:1], args[1:]) if args and args[0] != "," else ([], args)
    if start and not isinstance(start[0], int) and start[0] != ".":
        raise BasicSyntaxError("AUTO takes a line number, or . for the current one")
    if not rest:
        return
    if rest[0] != ",":
        raise BasicSyntaxError("AUTO's line number and step are parted by a comma")
    if len(rest) == 1:
        raise BasicError("Illegal function call", detail="AUTO's comma wants a step after it")
    if len(rest) > 2 or not isinstance(rest[1], int):
        raise BasicSyntaxError("AUTO's step is a whole number")


def _check_assign(kind: str, value: ast.Expr) -> None:
    if (kind == "$") != (value.type == "$"):
        raise BasicError("Type mismatch")


class QuotedData(str):
    """A DATA item written in quotes: GW-BASIC's READ of it into a number is Syntax error."""

    __slots__ = ()


class BadData(str):
    """A DATA item with more after its closing quote (``"*"?"``): READ of it is Syntax error."""

    __slots__ = ()


def _data_items(raw: str) -> tuple[str, ...]:
    """DATA's items: quoted strings keep their spaces and commas, others are trimmed."""
    items, current, quoted, in_string, bad = [], "", False, False, False

    def item() -> str:
        if bad:
            return BadData(current)
        return QuotedData(current) if quoted else current.strip()

    for c in raw:
        if c == '"' and not (quoted and not in_string):
            if not in_string and not quoted:
                current = ""
            in_string = not in_string
            quoted = True
        elif c == "," and not in_string:
            items.append(item())
            current, quoted, bad = "", False, False
        elif in_string or quoted is False:
            current += c
        elif not c.isspace():
            bad = True              # text after the closing quote
    items.append(item())
    return tuple(items)
