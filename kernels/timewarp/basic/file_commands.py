"""BASIC's random-access files and file commands, beside the sequential files of files.py.

Random files: ``OPEN F$ FOR RANDOM AS #1 LEN = 32`` (or ``OPEN "R", #1, F$, 32``),
``FIELD #1, 20 AS N$, 2 AS A$``, ``LSET``/``RSET`` into the record buffer, ``PUT #1, n`` and
``GET #1, n``; ``MKI$``/``MKS$``/``MKD$`` and ``CVI``/``CVS``/``CVD`` turn numbers into the
bytes GW-BASIC stores (integers little-endian, singles and doubles in Microsoft Binary
Format) and back.  Commands on the folder: ``KILL``, ``NAME ... AS``, ``FILES``, ``MKDIR``,
``CHDIR``, ``RMDIR``, all inside the notebook's folder (see files.user_path).

These words are read where they stand (``KILL "X"``, ``LOC(1)``), not reserved everywhere,
so that names such as ``BLOCK`` or ``LOCKED`` in old listings keep working.
"""

from __future__ import annotations

from dataclasses import dataclass

from timewarp.basic import ast, program_files
from timewarp.basic.dos import FUNCTIONS as DOS_FUNCTIONS
from timewarp.basic.errors import BasicError
from timewarp.basic.file_functions import CONTEXT_FUNCTIONS
from timewarp.basic.lexer import Token
from timewarp.basic.python_expressions import python_name

_COMMANDS = {"KILL": 1, "NAME": 2, "FILES": 0, "MKDIR": 1, "CHDIR": 1, "RMDIR": 1}


@dataclass(frozen=True)
class FileCommand(ast.Stmt):
    name: str
    args: tuple[ast.Expr, ...]


@dataclass(frozen=True)
class Field(ast.Stmt):
    file: ast.Expr
    fields: tuple[tuple[ast.Expr, ast.Target], ...]


@dataclass(frozen=True)
class SetField(ast.Stmt):
    target: ast.Target
    value: ast.Expr
    left: bool


@dataclass(frozen=True)
class Record(ast.Stmt):
    file: ast.Expr
    number: ast.Expr | None
    put: bool


# Parsing (mixed into the statement parser; called for a line that starts with a name)

class FileCommandParser:
    def file_command(self, name: str) -> ast.Stmt | None:
        if name.endswith("#") and name[:-1] in ("FIELD", "GET", "PUT"):
            # FIELD#1, PUT#1: the # belongs to the file number, not to a name FIELD#.
            tok = self.tokens[self.i]
            name = name[:-1]
            self.tokens[self.i:self.i + 1] = [Token("name", name, tok.pos),
                                              Token("op", "#", tok.pos + len(name))]
        if name in _COMMANDS:
            self.i += 1
            args = []
            if not self.at_end():
                args.append(self._string_arg())
                if name == "NAME":
                    tok = self.peek()
                    if tok is None or tok.kind != "name" or tok.value != "AS":
                        self.fail("NAME needs AS: NAME \"OLD.TXT\" AS \"NEW.TXT\"")
                    self.i += 1
                    args.append(self._string_arg())
            if len(args) != _COMMANDS[name] and not (name == "FILES" and len(args) == 1):
                self.fail(f"{name} takes {_COMMANDS[name]} file name(s)")
            return FileCommand(name, tuple(args))
        if name in ("LSET", "RSET"):
            self.i += 1
            target = self.target()
            self.expect("op", "=")
            value = self._string_arg()
            if target.type != "$":
                raise BasicError("Type mismatch")
            return SetField(target, value, name == "LSET")
        if name == "FIELD":
            self.i += 1
            file = self.file_number()
            fields = []
            while self.accept("op", ","):
                width = self._num(self.expression())
                tok = self.peek()
                if tok is None or tok.kind != "name" or tok.value != "AS":
                    self.fail("FIELD needs AS: FIELD #1, 20 AS N$")
                self.i += 1
                target = self.target()
                if target.type != "$":
                    raise BasicError("Type mismatch")
                fields.append((width, target))
            return Field(file, tuple(fields))
        if name in ("GET", "PUT") and self._op_at(1, "#"):
            self.i += 1
            file = self.file_number()
            number = self._num(self.expression()) if self.accept("op", ",") else None
            return Record(file, number, name == "PUT")
        return None

    def _string_arg(self) -> ast.Expr:
        value = self.expression()
        if value.type != "$":
            raise BasicError("Type mismatch")
        return value

    def context_function(self, name: str) -> ast.Expr | None:
        """LOC(1), CVI(A$)...: a built-in function where GW-BASIC has one."""
        if name not in CONTEXT_FUNCTIONS and name not in DOS_FUNCTIONS or not self.at_op("("):
            return None
        signature, result = CONTEXT_FUNCTIONS.get(name) or DOS_FUNCTIONS[name]
        args = self.arguments()
        if len(args) != 1:
            raise BasicError("Syntax error", detail=f"{name} takes one value")
        if signature != "?" and (signature == "$") != (args[0].type == "$"):
            raise BasicError("Type mismatch")
        if name == "MKD$" and args[0].type != "#":
            name = "MKD$ of a single"    # GW-BASIC computed it in single precision
        return ast.BuiltinCall(name, args, result)

    def input_chars(self) -> ast.Expr:
        """INPUT$(n) from the keyboard, INPUT$(n, #f) from a file."""
        self.expect("op", "(")
        count = self._num(self.expression())
        file: ast.Expr = ast.Number(0, "%")
        if self.accept("op", ","):
            file = self.file_number()
        self.expect("op", ")")
        return ast.BuiltinCall("INPUT$", (count, file), "$")


# Compiling (mixed into the statement compiler)

class FileCommandCompiler:
    def s_FileCommand(self, s: FileCommand) -> None:
        args = ", ".join(self.exprs.value(a) for a in s.args)
        self.emit(f"_rt.files.command({s.name!r}, ({args}{',' if s.args else ''}))")

    def s_Field(self, s: Field) -> None:
        fields = "".join(f"({self.exprs.value(w)}, {t.key!r}), " for w, t in s.fields)
        self.emit(f"_rt.files.field({self.exprs.value(s.file)}, ({fields}))")
        for _, target in s.fields:
            self.store(target, f"_rt.files.field_value({target.key!r}, '')", "$")

    def s_SetField(self, s: SetField) -> None:
        current = self.exprs.value(s.target)
        self.store(s.target, f"_rt.files.set_field({s.target.key!r}, {current}, "
                             f"{self.exprs.value(s.value)}, {s.left})", "$")

    def s_Record(self, s: Record) -> None:
        number = self.exprs.value(s.number) if s.number is not None else "None"
        self.emit(f"_rt.files.record({self.exprs.value(s.file)}, {number}, {s.put})")
        if not s.put:
            # GET fills the record buffer: every FIELD variable of this part of the program
            # takes its new bytes.
            self.refresh_fields()

    def refresh_fields(self) -> None:
        """Every FIELD variable of this part of the program takes its buffer's bytes."""
        from timewarp.basic.compiler import walk_lines
        keys = sorted({t.key for f in walk_lines(self.program.lines) if isinstance(f, Field)
                       for _, t in f.fields})
        for key in keys:
            if python_name(key) in self.names:
                self.store(ast.Variable(key), f"_rt.files.field_value({key!r}, "
                                              f"{python_name(key)})", "$")


# Running

class RandomFile:
    """A file of fixed-length records with one record buffer (GW-BASIC's random file)."""

    mode = "R"

    def __init__(self, path, length: int) -> None:
        if not 1 <= length <= 32767:
            raise BasicError("Illegal function call", detail="a record is 1 to 32767 bytes long")
        self.path = path
        self.length = length
        try:
            self.stream = path.open("r+b") if path.exists() else path.open("w+b")
        except IsADirectoryError:
            raise BasicError("Path/File access error", detail=f"{path.name} is a folder") from None
        except PermissionError:
            raise BasicError("Permission Denied", detail=path.name) from None
        self.buffer = bytearray(length)
        self.last = 0
        self.at = 0            # where PRINT # and WRITE # go on in the record buffer
        from timewarp.basic.files import Printer
        self.printer = Printer(self)

    def write(self, text: str) -> None:
        """PRINT # into the record buffer (line ends CR LF, as in the file GW-BASIC writes);
        past the record's end is "Field overflow"."""
        data = text.replace("\n", "\r\n").encode("latin-1", "replace")
        if self.at + len(data) > self.length:
            raise BasicError("FIELD overflow")
        self.buffer[self.at:self.at + len(data)] = data
        self.at += len(data)

    def move(self, number: int, put: bool) -> None:
        self.stream.seek((number - 1) * self.length)
        if put:
            self.stream.write(self.buffer)
        else:
            self.buffer[:] = self.stream.read(self.length).ljust(self.length, b"\0")
        self.last = number       # PRINT # goes on where it was, as in PC-BASIC

    def size(self) -> int:
        self.stream.flush()
        return self.path.stat().st_size

    def close(self) -> None:
        self.stream.close()


class RandomAccessTable:
    """FIELD, LSET/RSET, GET/PUT, LOC, LOF, INPUT$ and the folder commands for BasicFiles
    (which provides ``table``, ``get`` and ``path``)."""

    def field(self, number, specs: tuple) -> None:
        handle = self.get(number, "R")
        offset = 0
        for width, key in specs:
            width = int(round(width))
            if width < 0 or offset + width > handle.length:
                raise BasicError("FIELD overflow")
            self.fields[key] = (handle, offset, width)
            offset += width

    def _field_of(self, key: str):
        found = self.fields.get(key)
        if found is not None and found[0] not in self.table.values():
            del self.fields[key]       # its file was closed: an ordinary variable again
            return None
        return found

    def field_value(self, key: str, current: str) -> str:
        found = self._field_of(key)
        if found is None:
            return current
        handle, offset, width = found
        return bytes(handle.buffer[offset:offset + width]).decode("latin-1")

    def set_field(self, key: str, current: str, value: str, left: bool) -> str:
        found = self._field_of(key)
        width = found[2] if found else len(current)
        text = value[:width]
        text = text.ljust(width) if left else text.rjust(width)
        if found is not None:
            handle, offset, _ = found
            handle.buffer[offset:offset + width] = text.encode("latin-1", "replace")
        return text

    def record(self, number, record, put: bool) -> None:
        handle = self.get(number, "R")
        n = handle.last + 1 if record is None else int(round(record))
        if not 1 <= n <= 16_777_215:
            raise BasicError("Bad record number")
        handle.move(n, put)

    def loc(self, number) -> int:
        handle = self.get(number, "IOARD")
        if handle.mode == "R":
            return handle.last
        if handle.mode == "I":
            return -(-handle.pos // 128)
        if handle.mode == "D":
            return handle.waiting()
        return handle.stream.tell() // 128

    def lof(self, number) -> int:
        handle = self.get(number, "IOARD")
        if handle.mode == "R":
            return handle.size()
        if handle.mode == "D":
            return handle.queue.maxsize - len(handle.queue)
        if handle.stream is not None:
            handle.stream.flush()
        return handle.path.stat().st_size

    def input_chars(self, count, number) -> str:
        n = int(round(count))
        if not 1 <= n <= 255:
            raise BasicError("Illegal function call")
        if not number:
            from timewarp.basic.builtins import _CURRENT
            return _CURRENT[-1].keyboard_chars(n)
        handle = self.get(number, "I")
        out = []
        for _ in range(n):
            if handle.mode == "I" and handle.at_end():
                raise BasicError("Input past end")
            out.append(handle.next_char())
        return "".join(out)

    def command(self, name: str, args: tuple) -> None:
        if name in program_files.WORDS or name in program_files.COMMANDS:
            return program_files.carry(self, name, args)
        paths = [self.path(a) for a in args]
        try:
            getattr(self, "_" + name.lower())(*paths)
        except FileNotFoundError:
            raise BasicError("Path not found" if name in ("CHDIR", "RMDIR", "MKDIR")
                             else "File not found", detail=", ".join(args)) from None
        except FileExistsError:
            raise BasicError("File already exists" if name == "NAME" else
                             "Path/File access error", detail=", ".join(args)) from None
        except OSError as error:
            raise BasicError("Path/File access error", detail=error.strerror or "") from None

    def _open_paths(self):
        return {getattr(h, "path", None) for h in self.table.values()}

    def _kill(self, path) -> None:
        if path in self._open_paths():
            raise BasicError("File already open")
        if path.is_dir():
            raise BasicError("File not found", detail=f"{path.name} is a folder: RMDIR removes it")
        path.unlink()

    def _name(self, old, new) -> None:
        if old in self._open_paths():
            raise BasicError("File already open")
        if not old.exists():
            raise FileNotFoundError
        if new.exists():
            raise FileExistsError
        old.rename(new)

    def _files(self, pattern=None) -> None:
        from timewarp.basic.builtins import _CURRENT
        folder = self.here()
        glob = pattern.name if pattern is not None else "*"
        if pattern is not None:
            folder = pattern.parent
        names = sorted(p.name.upper() + ("\\" if p.is_dir() else "") for p in folder.glob(glob))
        if not names:
            raise FileNotFoundError
        rows = [" ".join(f"{n:<18}" for n in names[i:i + 4]).rstrip()
                for i in range(0, len(names), 4)]
        _CURRENT[-1].write("\n".join(rows) + "\n")

    def _mkdir(self, path) -> None:
        path.mkdir()

    def _chdir(self, path) -> None:
        if not path.is_dir():
            raise FileNotFoundError
        self.folder = path

    def _rmdir(self, path) -> None:
        path.rmdir()
