"""BASIC's files and devices: OPEN, CLOSE, PRINT #, WRITE #, INPUT #, LINE INPUT #, EOF.

A device is a file the program opens: ``OPEN "COM1:9600" AS #1`` and
``OPEN "timewarp-sim://thermometer" AS #1`` give a file whose lines come from the device
(see :mod:`timewarp.devices`), ``OPEN "scores.txt" FOR INPUT AS #1`` (or GW-BASIC's
``OPEN "I", #1, "scores.txt"``) a file on disk.  Disk files live under the notebook's
folder and never outside the user's home ("Path/File access error"), so a program cannot
read another student's files.  Errors carry GW-BASIC's numbers (52 Bad file number,
53 File not found, 62 Input past end, 68 Device Unavailable, ...).

This module holds all three stages for these statements: the nodes, the parser's and
the compiler's methods (mixed into theirs), and :class:`BasicFiles`, the runtime's table
of open files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from timewarp import devices
from timewarp.basic import ast, file_devices, file_input
from timewarp.basic.builtins import _count
from timewarp.basic.errors import BasicError
from timewarp.basic.dos import DosFiles
from timewarp.basic.file_commands import (
    FileCommandCompiler,
    FileCommandParser,
    RandomAccessTable,
    RandomFile,
)
from timewarp.basic.numbers import print_number

MAX_FILES = 15
_DRIVE = re.compile(r"^[A-Za-z]:")
ZONE = 14
_MODES = {"I": "I", "O": "O", "A": "A", "R": "R", "INPUT": "I", "OUTPUT": "O", "APPEND": "A",
          "RANDOM": "R"}


# Nodes

@dataclass(frozen=True)
class Open(ast.Stmt):
    spec: ast.Expr
    mode: ast.Expr | None     # "I", "O", "A" or "R" (GW-BASIC's first syntax: any string)
    number: ast.Expr
    length: ast.Expr | None = None    # a random file's record length


@dataclass(frozen=True)
class Close(ast.Stmt):
    numbers: tuple[ast.Expr, ...]    # none: every file


@dataclass(frozen=True)
class Write(ast.Stmt):
    file: ast.Expr | None
    items: tuple[ast.Expr, ...]


# Parsing (mixed into timewarp.basic.parser.StatementParser)

class FileStatementParser(FileCommandParser):
    def file_number(self, hash_needed: bool = False) -> ast.Expr:
        if not self.accept("op", "#") and hash_needed:
            self.fail("expected # and a file number")
        return self._num(self.expression())

    def st_OPEN(self) -> ast.Stmt:
        first = self.expression()
        if self.accept("op", ","):
            # OPEN "O", #1, "NAME": mode first, as GW-BASIC's first syntax has it.
            number = self.file_number()
            self.expect("op", ",")
            spec = self.expression()
            length = self._num(self.expression()) if self.accept("op", ",") else None
            return Open(_string(spec), _string(first), number, length)
        mode = None
        if self.accept("kw", "FOR"):
            # Crunched listings split RANDOM into R AND OM: the word is what lies before AS.
            word = ""
            while (tok := self.peek()) is not None and not (
                    tok.kind == "name" and tok.value == "AS"):
                word += str(tok.value)
                self.i += 1
            if word not in _MODES or len(word) == 1:
                self.fail("OPEN ... FOR takes INPUT, OUTPUT, APPEND or RANDOM")
            mode = ast.String(_MODES[word])
        tok = self.peek()
        if tok is None or tok.kind != "name" or tok.value != "AS":
            self.fail("expected AS #n")
        self.i += 1
        number = self.file_number()
        length = None
        if self.accept("kw", "LEN"):
            self.expect("op", "=")
            length = self._num(self.expression())
        return Open(_string(first), mode, number, length)

    def st_CLOSE(self) -> ast.Stmt:
        numbers = []
        while not self.at_end():
            numbers.append(self.file_number())
            if not self.accept("op", ","):
                break
        return Close(tuple(numbers))

    def st_WRITE(self) -> ast.Stmt:
        file = None
        if self.accept("op", "#"):
            file = self._num(self.expression())
            if not self.accept("op", ","):
                return Write(file, ())
        items = []
        while not self.at_end():
            items.append(self.expression())
            if not (self.accept("op", ",") or self.accept("op", ";")):
                break
        return Write(file, tuple(items))


def _string(expr: ast.Expr) -> ast.Expr:
    if expr.type != "$":
        raise BasicError("Type mismatch")
    return expr


# Compiling (mixed into timewarp.basic.statements.StatementCompiler)

class FileStatementCompiler(FileCommandCompiler):
    def s_Open(self, s: Open) -> None:
        mode = self.exprs.value(s.mode) if s.mode is not None else "None"
        length = self.exprs.value(s.length) if s.length is not None else "128"
        self.emit(f"_rt.files.open({self.exprs.value(s.spec)}, {mode}, "
                  f"{self.exprs.value(s.number)}, {length})")

    def s_Close(self, s: Close) -> None:
        numbers = "".join(self.exprs.value(n) + ", " for n in s.numbers)
        self.emit(f"_rt.files.close(({numbers}))")

    def s_Write(self, s: Write) -> None:
        values = ", ".join(self.exprs.value(i) for i in s.items)
        target = self.exprs.value(s.file) if s.file is not None else "None"
        self.emit(f"_rt.files.write_values({target}, ({values}{',' if s.items else ''}))")

    def input_from_file(self, s: ast.Input) -> None:
        file = self.exprs.value(s.file)
        if s.whole_line:
            self.store(s.targets[0], f"_rt.files.line({file})", "$")
            return
        for target in s.targets:
            self.store(target, f"_rt.files.read_item({file}, {target.type!r})", target.type)


# Running

def user_path(name: str, here: Path | None = None) -> Path:
    """``name`` under the notebook's folder; outside the user's home is refused."""
    if "\0" in name:
        # What GW-BASIC says for OPEN CHR$(0) (pcbasic's suite, OPEN_null).
        raise BasicError("Bad file number", detail="a file name cannot hold CHR$(0)")
    if not name:
        raise BasicError("Bad file name")
    home = Path.home().resolve()
    start = Path.cwd().resolve()
    root = home if start == home or home in start.parents else start
    here = here or start
    # A drive letter (B:SCORES.DAT, from the days of two floppy drives) is the folder.
    plain = _DRIVE.sub("", name.replace("\\", "/"))
    path = (here / os.path.expanduser(plain)).resolve()
    if path != root and root not in path.parents:
        raise BasicError("Path/File access error",
                         detail=f"{name} is outside your folder {root}")
    if not path.exists():
        path = _without_case(path, root).resolve()
        if path != root and root not in path.parents:
            raise BasicError("Path/File access error",
                             detail=f"{name} is outside your folder {root}")
    return path


def _without_case(path: Path, root: Path) -> Path:
    """The file whose names differ from ``path``'s only in case, as DOS names had none
    (``input.txt`` opens ``INPUT.TXT``); ``path`` itself when there is none."""
    parent = path.parent
    if parent != root and root in parent.parents and not parent.exists():
        parent = _without_case(parent, root)
    wanted = path.name.lower()
    try:
        for other in parent.iterdir():
            if other.name.lower() == wanted:
                return other
    except OSError:
        pass
    return parent / path.name


class Printer:
    """PRINT # into an output file: columns and zones as on the screen, no wrapping."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.column = 0

    def item(self, text: str) -> None:
        self.stream.write(text)
        self.column = len(text) - text.rfind("\n") - 1 if "\n" in text else self.column + len(text)

    def number(self, value, double: bool = False) -> None:
        self.item(print_number(value, double))

    def zone(self) -> None:
        self.item(" " * ((self.column // ZONE + 1) * ZONE - self.column))

    def tab(self, n) -> None:
        target = max(int(n), 1) - 1
        if target < self.column:
            self.newline()
        self.item(" " * (target - self.column))

    def spc(self, n) -> None:
        self.item(" " * max(int(n), 0))

    def newline(self) -> None:
        self.stream.write("\n")
        self.column = 0


class DiskFile:
    soft = False

    def __init__(self, path: Path, mode: str) -> None:
        self.mode = mode
        self.path = path
        self.text, self.pos = "", 0
        self.stream = None
        try:
            if mode == "I":
                self.text = (path.read_bytes().decode("utf-8", errors="replace")
                             .split("\x1a")[0])
                self.soft = "\r" in self.text     # DOS line ends: see file_input
            else:
                self.stream = path.open("a" if mode == "A" else "w", encoding="utf-8")
        except FileNotFoundError:
            raise BasicError("File not found" if mode == "I" else "Path not found",
                             detail=str(path.name)) from None
        except IsADirectoryError:
            raise BasicError("Path/File access error", detail=f"{path.name} is a folder") from None
        except PermissionError:
            raise BasicError("Permission Denied", detail=str(path.name)) from None
        self.printer = Printer(self.stream) if self.stream else None

    def next_char(self) -> str:
        if self.pos >= len(self.text):
            return ""
        self.pos += 1
        return self.text[self.pos - 1]

    def peek_char(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def more(self) -> bool:
        return self.pos < len(self.text)

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


class DeviceFile:
    """A device opened as a file: reads come line by line from its reader thread."""

    soft = False

    def __init__(self, spec: str) -> None:
        self.mode = "D"
        self.device = devices.open_device(spec)
        self.queue = self.device.subscribe()
        self.printer = Printer(self)
        self.text, self.pos = "", 0
        self.pending = ""      # PRINT # text not yet ended by a newline

    def write(self, text: str) -> None:
        self.pending += text
        while "\n" in self.pending:
            line, _, self.pending = self.pending.partition("\n")
            self.device.write_line(line)

    def more(self) -> bool:
        """Wait for the next line when this one is used up (Device Timeout after a while)."""
        if self.pos >= len(self.text):
            devices.idle()
            line = self.queue.get(devices.TIMEOUT, devices.idle)
            self.text, self.pos = line.text + "\n", 0
        return True

    def next_char(self) -> str:
        self.more()
        self.pos += 1
        return self.text[self.pos - 1]

    def peek_char(self) -> str:
        """The next character of the line at hand, "" when it is used up (never waits)."""
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def waiting(self) -> int:
        return len(self.text) - self.pos + self.queue.waiting_chars()

    def at_end(self) -> bool:
        # GW-BASIC's EOF on a COM port: nothing waiting in the input buffer.
        return self.pos >= len(self.text) and len(self.queue) == 0

    def close(self) -> None:
        try:
            if self.pending:
                self.device.write_line(self.pending, ending="")
        except devices.DeviceError:
            pass     # the device is gone; closing it must still work
        self.queue.close()
        devices.release(self.device)


class BasicFiles(RandomAccessTable, DosFiles):
    """The open files of one BASIC session, by number (#1 to #15)."""

    def __init__(self) -> None:
        self.table: dict[int, DiskFile | DeviceFile | RandomFile] = {}
        self.fields: dict[str, tuple] = {}      # FIELD variable -> (file, offset, width)
        self.folder: Path | None = None         # set by CHDIR
        self.direct = False                     # a direct line (not the program) runs
        self.switching, self.next_switch = False, None    # see ProgramSwitch.carry_out
        #: Where LPRINT prints: no printer is attached to a notebook, so nowhere, but with
        #: the column LPOS reads, as GW-BASIC keeps it.
        self.lpt1: Printer = file_devices.nowhere_printer()
        self.environment: dict[str, str] = {}   # ENVIRON's table (see dos.py)

    def lpos(self, number) -> int:
        """LPOS(n): the print head's column on printer n (0 and 1 are LPT1:), from 1."""
        n = _count(number, 0, 3, "LPOS takes a printer 0 to 3")
        return self.lpt1.column + 1 if n <= 1 else 1

    def here(self) -> Path:
        return self.folder or Path.cwd().resolve()

    def path(self, name: str) -> Path:
        return user_path(name, self.folder)

    def _number(self, number) -> int:
        """A file number as GW-BASIC checks it: beyond an integer is "Overflow", beyond
        0-255 "Illegal function call", a number no file can have "Bad file number"."""
        n = _count(number, 0, 255, "a file number goes up to 255")
        if not 1 <= n <= MAX_FILES:
            raise BasicError("Bad file number")
        return n

    def get(self, number, modes: str) -> DiskFile | DeviceFile:
        handle = self.table.get(self._number(number))
        if handle is None:
            raise BasicError("Bad file number")
        if handle.mode not in modes and handle.mode != "D":
            raise BasicError("Bad file mode")
        return handle

    def open(self, spec: str, mode: str | None, number, length=128) -> None:
        n = self._number(number)
        if n in self.table:
            raise BasicError("File already open")
        if mode is not None:
            mode = _MODES.get(mode.strip().upper()[:1] or "?")
            if mode is None:
                raise BasicError("Bad file mode")
        if file_devices.is_own_device(spec):      # SCRN:, KYBD:, LPT1:
            self.table[n] = file_devices.open_own_device(spec, mode)
        elif devices.is_device_name(spec):
            try:
                self.table[n] = DeviceFile(spec)
            except devices.DeviceError as error:
                raise device_error(error) from None
        elif mode == "R" or mode is None:
            self.table[n] = RandomFile(self.path(spec), int(round(length)))
        else:
            path = self.path(spec)
            self.refuse_open(path, mode)
            self.table[n] = DiskFile(path, mode)

    def refuse_open(self, path: Path, mode: str = "O") -> None:
        """GW-BASIC's File already open: a file that is open may not be opened again to
        write (a file of the same name in another folder counts, as in DOS)."""
        for handle in self.table.values():
            other = getattr(handle, "path", None)
            if (mode in "OA" and other is not None and handle.mode in "IOA"
                    and other.name.lower() == path.name.lower()):
                raise BasicError("File already open", detail=path.name)

    def close(self, numbers: tuple = ()) -> None:
        for n in [self._number(x) for x in numbers] if numbers else list(self.table):
            handle = self.table.pop(n, None)
            if handle is not None:
                handle.close()

    def close_all(self) -> None:
        self.close()

    def release_devices(self) -> None:
        """Closes the devices (sensors, serial ports) a program opened: hardware is
        released when the program stops, while its files stay open as in GW-BASIC."""
        for n in [n for n, handle in self.table.items() if isinstance(handle, DeviceFile)]:
            self.table.pop(n).close()

    def flush_all(self) -> None:
        for handle in self.table.values():
            if getattr(handle, "stream", None) is not None:
                handle.stream.flush()

    def freefile(self) -> int:
        for n in range(1, MAX_FILES + 1):
            if n not in self.table:
                return n
        raise BasicError("Too many files")

    def sensor(self, name: str) -> float:
        """SENSOR("temp"): the newest reading of that name from any open device."""
        try:
            return devices.latest(name)
        except devices.DeviceError as error:
            raise device_error(error) from None

    def printer(self, number) -> Printer:
        return self.get(number, "OAR").printer

    def write_values(self, number, values: tuple) -> None:
        text = ",".join(f'"{v}"' if isinstance(v, str) else print_number(v).strip()
                        for v in values)
        if number is None:
            from timewarp.basic.builtins import _CURRENT
            _CURRENT[-1].write(text + "\n")
            return
        out = self.printer(number)
        out.item(text)
        out.newline()

    def eof(self, number) -> int:
        n = int(round(number))
        if not -32768 <= n <= 32767:
            raise BasicError("Overflow")
        if not 0 <= n <= 255:
            raise BasicError("Illegal function call")
        if n == 0:
            return 0          # the keyboard, as in GW-BASIC
        handle = self.get(number, "IR")       # a file open to write: Bad file mode
        try:
            if handle.mode == "R":
                return -1 if handle.last * handle.length >= handle.size() else 0
            return -1 if handle.mode in "ID" and handle.at_end() else 0
        except devices.DeviceError as error:
            raise device_error(error) from None

    def line(self, number) -> str:
        handle = self.get(number, "I")
        try:
            return file_input.read_line(handle)
        except devices.DeviceError as error:
            raise device_error(error) from None

    def read_item(self, number, kind: str):
        handle = self.get(number, "I")
        try:
            return file_input.read_item(handle, kind)
        except devices.DeviceError as error:
            raise device_error(error) from None


def device_error(error: devices.DeviceError) -> BasicError:
    return BasicError(error.kind if error.kind != "Device unavailable" else "Device Unavailable",
                      detail=str(error))
