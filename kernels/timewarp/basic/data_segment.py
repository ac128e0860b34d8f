"""GW-BASIC's data segment, kept as a ledger for the programs that look at it.

Time Warp's variables are Python locals, so no byte of memory holds them.  A program that asks
where things are (``FRE``, ``VARPTR``, ``VARPTR$``, ``PEEK``) is compiled with a ledger of what
GW-BASIC would have laid out where (see ``ProgramCompiler.memory_mode``), written from the
layout GW-BASIC's own tests show:

- the program text from &H126E (4718), tokenised, two zero bytes closing it;
- right after it the scalars, in the order the program first assigned them (a variable only
  read is not stored; the one a LET assigns is made before its value is worked out): a type
  byte, the name's first two letters, the count of the rest and the rest, then the value
  (2 bytes for an integer, 4 a single, 8 a double, 3 a string's descriptor);
- then the arrays, in the order they were made (DIM, or first use, which makes 0 to 10):
  the same name, two bytes of size, the number of dimensions and two bytes for each, then the
  elements, the first subscript running fastest;
- string space from the top (65020) down: every string a statement works out is put there
  (a literal assigned stays in the program text), and the ones no longer used stay as garbage
  until space runs out and a garbage collection packs the strings in use back to the top.

``FRE(0)`` is the room between the arrays and the strings; ``FRE("")`` first collects the
garbage.  The pointers at DS:&H30 (program), &H358 (scalars), &H35A (arrays), &H35C (end of the
arrays) and &H2C (top of memory) read as GW-BASIC's did.  PEEK reads the program text and the
variables' entries byte for byte (a literal assigned points into the text; a GOTO or GOSUB that
ran has put a pointer to its line there, as GW-BASIC did); a POKE into the text changes the
program that LIST and SAVE show (timewarp.basic.machine).
"""

from __future__ import annotations

from timewarp.basic import ast
from timewarp.basic.errors import BasicError
from timewarp.basic.file_functions import _mkbf, _mki
from timewarp.basic.structure import DynamicFor

PROGRAM_START = 0x126E
STRING_TOP = 65021          # the first byte above string space
MEMORY_TOP = 65534
VALUE_BYTES = {"%": 2, "!": 4, "#": 8, "$": 3}
#: The pointers GW-BASIC keeps in its data segment, and what each points at.
POINTERS = {0x30: "program", 0x358: "scalars", 0x35A: "arrays", 0x35C: "arrays_end",
            0x2C: "top"}


def _column_major(shape: tuple):
    """Every element's subscripts, the first subscript running fastest."""
    if not shape:
        yield ()
        return
    for rest in _column_major(shape[1:]):
        for first in range(shape[0]):
            yield (first, *rest)


def value_bytes(key: str, value, string_address: int | None = None) -> bytes:
    """A variable's value as GW-BASIC stores it: an integer in 2 bytes, a single or double in
    Microsoft's binary format, a string as its descriptor (length, then where it lies)."""
    if key.endswith("$"):
        return bytes([len(value or "") & 0xFF]) + (string_address or 0).to_bytes(2, "little")
    if key.endswith("%"):
        return _mki(value or 0).encode("latin-1")
    return _mkbf(value or 0, 8 if key.endswith("#") else 4).encode("latin-1")


def _name_bytes(key: str) -> int:
    """A name's bytes in a variable's entry: the type, two letters, the count of the rest
    and the rest."""
    return 4 + max(0, len(key) - 1 - 2)


class DataSegment:
    """The ledger of one run's variables and strings (see the module docstring)."""

    def __init__(self, program_text: bytes) -> None:
        self.program = PROGRAM_START
        self.version = None         # the edit of the program whose text this is (Runtime)
        # The tokenised lines as memory holds them, closed by two zero bytes.
        self.program_text = bytearray(program_text)
        self.scalars_start = PROGRAM_START + len(program_text)
        self.literals: dict[object, int] = {}    # owner -> address of its literal
        self.pointers: dict[int, int] = {}       # where a jump put a pointer -> its line
        # What the program text says once found (it changes only by POKE): where each line
        # lies, where a literal of a line is, and the jumps already turned into pointers.
        self._line_places: dict[int, tuple[int, int]] | None = None
        self._literal_places: dict[tuple, int | None] = {}
        self._jumps_seen: set[tuple[int, int]] = set()
        self.scalars: dict[str, int] = {}       # key -> its entry's offset from the start
        self.scalar_bytes = 0
        self.arrays: dict[str, tuple[int, int, int, tuple]] = {}  # offset, header, size, shape
        self.array_bytes = 0
        self.strings: dict[object, tuple[int, int]] = {}   # owner -> (address, length)
        self.bottom = STRING_TOP
        # The lengths of the temporary strings the statement still uses, oldest first.
        self.held: list[int] = []

    # Where things are

    @property
    def arrays_start(self) -> int:
        return self.scalars_start + self.scalar_bytes

    @property
    def arrays_end(self) -> int:
        return self.arrays_start + self.array_bytes

    def pointer(self, name: str) -> int:
        return {"program": self.program, "scalars": self.scalars_start,
                "arrays": self.arrays_start, "arrays_end": self.arrays_end,
                "top": MEMORY_TOP}[name]

    def free(self) -> int:
        return self.bottom - self.arrays_end - 1

    # Variables

    def scalar(self, key: str) -> None:
        """A scalar is assigned for the first time: its entry goes after the others."""
        size = _name_bytes(key) + VALUE_BYTES[key[-1]]
        self._room(size, "Out of memory")
        self.scalars[key] = self.scalar_bytes
        self.scalar_bytes += size

    def array(self, key: str, array) -> None:
        """An array is made (DIM, or its first use): ``array`` is its nested lists."""
        shape, level = [], array
        while isinstance(level, list):
            shape.append(len(level))
            level = level[0] if level else None
        count = 1
        for extent in shape:
            count *= extent
        header = _name_bytes(key) + 3 + 2 * len(shape)
        size = header + count * VALUE_BYTES[key[-1]]
        self._room(size, "Out of memory")
        self.arrays[key] = (self.array_bytes, header, size, tuple(shape))
        self.array_bytes += size

    def erase(self, key: str) -> None:
        """ERASE: the arrays after it move down, its strings become garbage."""
        entry = self.arrays.pop(key, None)
        if entry is None:
            return
        offset, _, size, _ = entry
        self.arrays = {k: (o - size if o > offset else o, h, s, sh)
                       for k, (o, h, s, sh) in self.arrays.items()}
        self.array_bytes -= size
        for owner in [o for o in self.strings if isinstance(o, tuple) and o[0] == key]:
            del self.strings[owner]

    def address(self, key: str, indexes: tuple = (), lower: int = 0) -> int:
        """VARPTR: where the value of a variable (or of an array's element) lies."""
        if not indexes:
            if key not in self.scalars:
                raise BasicError("Illegal function call",
                                 detail=f"{key.rstrip('!')} has never been given a value")
            return self.scalars_start + self.scalars[key] + _name_bytes(key)
        offset, header, _, shape = self.arrays[key]
        flat, stride = 0, 1
        for index, extent in zip(indexes, shape):
            flat += (round(index) - lower) * stride
            stride *= extent
        return self.arrays_start + offset + header + flat * VALUE_BYTES[key[-1]]

    def string_address(self, owner) -> int | None:
        """Where a variable's string lies: in string space, or in the program text for a
        literal (None: nowhere known)."""
        place = self.strings.get(owner)
        return self.literals.get(owner) if place is None else place[0]

    def locate(self, key: str, indexes: tuple = (), lower: int = 0) -> tuple[int, int | None]:
        """VARPTR of a variable or element: its address, and where its string lies."""
        owner = (key, *(round(i) for i in indexes)) if indexes else key
        return self.address(key, indexes, lower), self.string_address(owner)

    # The program text and the variables' bytes, for PEEK and POKE

    def _lines(self) -> dict[int, tuple[int, int]]:
        """Where each line of the program text lies: number -> (offset, end)."""
        if self._line_places is None:
            self._line_places, at = {}, 0
            while at + 4 <= len(self.program_text):
                link = int.from_bytes(self.program_text[at:at + 2], "little")
                if link == 0:
                    break
                number = int.from_bytes(self.program_text[at + 2:at + 4], "little")
                end = link - PROGRAM_START
                self._line_places.setdefault(number, (at, end))
                if end <= at:
                    break
                at = end
        return self._line_places

    def _literal_address(self, line, text: str) -> int | None:
        if (line, text) not in self._literal_places:
            start, end = self._lines().get(line, (0, -1))
            found = self.program_text.find(b'"' + text.encode("latin-1"), start + 4, end)
            self._literal_places[line, text] = (None if end < 0 or found < 0
                                                else PROGRAM_START + found + 1)
        return self._literal_places[line, text]

    def holds(self, address: int) -> bool:
        """Whether the address is in the program text, the scalars or the arrays."""
        return PROGRAM_START <= address < self.arrays_end

    def in_program(self, address: int) -> bool:
        return PROGRAM_START <= address < self.scalars_start

    def peek(self, address: int, variables) -> int:
        """A byte of the program text, or of the variables' entries: ``variables()`` gives
        those (see ``entries``), made only when a byte of them is read."""
        if self.in_program(address):
            return self.program_text[address - PROGRAM_START]
        return variables()[address - self.scalars_start]

    def jumped(self, line: int, target: int) -> None:
        """GOTO or GOSUB ``target`` ran in ``line``: as GW-BASIC does, the line number in the
        program text becomes a pointer to the byte before the target line (token &H0D)."""
        if (line, target) in self._jumps_seen:
            return          # a loop's jump: turned (or found not to be there) the first time
        self._jumps_seen.add((line, target))
        places = self._lines()
        if line not in places or target not in places:
            return
        start, end = places[line]
        found = self.program_text.find(b"\x0e" + target.to_bytes(2, "little"), start + 4, end)
        if found >= 0:
            pointer = PROGRAM_START + places[target][0] - 1
            self.program_text[found:found + 3] = b"\x0d" + pointer.to_bytes(2, "little")
            self.pointers[found] = target

    def poke_program(self, address: int, value: int) -> bytes:
        """POKE into the program text: the changed text (which LIST and SAVE then show),
        with line numbers again where jumps had put pointers."""
        self.program_text[address - PROGRAM_START] = value
        self._line_places, self._literal_places = None, {}
        self._jumps_seen.clear()
        text = bytearray(self.program_text)
        for at, target in self.pointers.items():
            if text[at] == 0x0D:
                text[at:at + 3] = b"\x0e" + target.to_bytes(2, "little")
        return bytes(text)

    def entries(self, scalars: dict, arrays: dict) -> bytes:
        """The scalars' then the arrays' entries, from ``scalars_start`` to ``arrays_end``,
        with the values the program holds now."""
        out = bytearray()

        def name_bytes(key):
            name = key[:-1].encode("latin-1")
            # The letters past the second are stored with their top bit set.
            return (bytes([VALUE_BYTES[key[-1]]]) + name[:2].ljust(2, b"\0")
                    + bytes([max(0, len(name) - 2)]) + bytes(c | 0x80 for c in name[2:]))

        for key in self.scalars:
            out += name_bytes(key) + value_bytes(key, scalars.get(key), self.string_address(key))
        for key, (_, _, size, shape) in self.arrays.items():
            start = len(out)
            out += name_bytes(key)
            rest = size - (len(out) - start) - 2          # the bytes after the size itself
            out += rest.to_bytes(2, "little") + bytes([len(shape)])
            for extent in reversed(shape):
                out += extent.to_bytes(2, "little")
            for place in _column_major(shape):
                element = arrays.get(key)
                for index in place:
                    element = element[index] if element is not None else None
                out += value_bytes(key, element, self.string_address((key, *place)))
        return bytes(out)

    # Strings

    def temporary(self, value: str, released: int) -> str:
        """A string worked out for another string function (LEFT$(A$ + B$, 2)'s A$ + B$):
        it is put in string space while the ``released`` temporaries it was worked out
        from are still held; they are garbage from then on, and it is held instead."""
        self._allocate(len(value))
        if released:
            del self.held[-released:]
        self.held.append(len(value))
        return value

    def concatenate(self, parts: tuple, made: tuple) -> str:
        """A + B + C (``made``: which parts are temporaries, held in that order): each sum
        but the last is a string of its own, garbage once the next sum is made; the last
        sum's operands are held (as one) until it is stored or used."""
        if len(parts) == 2:                 # A$ + B$: the sum's operands held as one
            held, count = self.held, made[0] + made[1]
            if count:
                total = sum(held[-count:])
                del held[-count:]
                held.append(total)
            else:
                held.append(0)
            return parts[0] + parts[1]
        count = sum(made)
        waiting = self.held[len(self.held) - count:] if count else []
        if count:
            del self.held[-count:]
        base = len(self.held)
        waiting.reverse()                   # the next part's length is at the end
        joined, joined_held = parts[0], waiting.pop() if made[0] else 0
        for part, temporary in zip(parts[1:-1], made[1:-1]):
            part_held = waiting.pop() if temporary else 0
            self.held[base:] = [joined_held + part_held, *waiting]
            joined += part
            self._allocate(len(joined))
            joined_held = len(joined)
        last_held = waiting.pop() if len(parts) > 1 and made[-1] else 0
        self.held[base:] = [joined_held + last_held]
        return joined + parts[-1] if len(parts) > 1 else joined

    def assign(self, owner, value: str, stored: bool, literal: tuple | None = None) -> None:
        """A string variable (or an element, ``owner`` = (key, subscripts...)) takes a value:
        ``stored`` when the value needs string space (worked out, typed, or another variable's);
        the old string is left as garbage.  ``literal``: (line, text) of the quoted string
        in the program the value is, which the variable points at."""
        self.strings.pop(owner, None)
        if self.literals:
            self.literals.pop(owner, None)
        if literal is not None:
            address = self._literal_address(*literal)
            if address is not None:
                self.literals[owner] = address
        if stored and value:
            self._allocate(len(value))
            self.strings[owner] = (self.bottom, len(value))
        self.held.clear()

    def collect(self) -> None:
        """Garbage collection: the strings in use packed against the top, in their order."""
        top = STRING_TOP - sum(self.held)
        for owner, (address, length) in sorted(self.strings.items(), key=lambda item: -item[1][0]):
            top -= length
            self.strings[owner] = (top, length)
        self.bottom = top

    def fre(self, argument) -> float:
        if isinstance(argument, str):
            self.collect()
        return float(self.free())

    def _allocate(self, size: int) -> None:
        # (arrays_end, written out: this runs for every string a program makes)
        if self.bottom - size <= self.scalars_start + self.scalar_bytes + self.array_bytes:
            self.collect()
            if self.bottom - size <= self.arrays_end:
                raise BasicError("Out of string space",
                                 detail=f"no room for a string of {size} characters")
        self.bottom -= size

    def _room(self, size: int, message: str) -> None:
        if self.arrays_end + size >= self.bottom:
            self.collect()
            if self.arrays_end + size >= self.bottom:
                raise BasicError(message, detail=f"no room for {size} more bytes of variables")


# Compiling: what a program in memory mode tells the ledger

def wants_ledger(statements: list, expressions) -> bool:
    """Whether a program asks where things are or how much room is left: FRE, VARPTR or
    VARPTR$, or PEEK in BASIC's own segment (a program that only PEEKs after ``DEF SEG = 0``,
    at the keyboard flags or the timer, does not pay for the ledger)."""
    from timewarp.basic.machine import MachineStatement
    names = {e.name for e in expressions if isinstance(e, ast.BuiltinCall)}
    if names & {"FRE", "VARPTR", "VARPTR$"}:
        return True
    elsewhere = any(isinstance(s, MachineStatement) and s.method == "def_seg" and s.args
                    for s in statements)
    return "PEEK" in names and not elsewhere


def released(e) -> int:
    """How many temporaries a string function's result is worked out from (held until
    it is made): one for a concatenation (see DataSegment.concatenate)."""
    if isinstance(e, ast.Binary):
        return 1
    return sum(1 for a in e.args if a is not None and makes_string(a))


def makes_string(e) -> bool:
    """Whether an expression works out a new string (into string space): a concatenation
    or a string function.  Literals and variables are strings already stored."""
    if isinstance(e, ast.Binary):
        return e.op == "&"
    return isinstance(e, ast.BuiltinCall) and e.type == "$"


def in_order(node):
    """The expressions of a statement (not of the statements a one-line IF holds), in the
    order they are written."""
    from timewarp.basic.compiler import _children
    if isinstance(node, ast.Expr):
        yield node
    if isinstance(node, tuple):
        for item in node:
            yield from in_order(item)
        return
    for child in _children(node):
        yield from in_order(child)


def assigned_scalars(stmt) -> list[str]:
    """The scalars a statement gives values to, in order: each is stored in the data segment
    (if new) before the statement runs, as GW-BASIC makes a LET's variable first."""
    from timewarp.basic.file_commands import Field
    targets: list = []
    if isinstance(stmt, (ast.Assign, ast.MidAssign)):
        targets = [stmt.target]
    elif isinstance(stmt, ast.For):
        targets = [stmt.var]
    elif isinstance(stmt, (ast.Input, ast.Read)):
        targets = list(stmt.targets)
    elif isinstance(stmt, ast.Swap):
        targets = [stmt.first, stmt.second]
    elif isinstance(stmt, Field):
        targets = [target for _, target in stmt.fields]
    keys = []
    for target in targets:
        if isinstance(target, ast.Variable) and target.key not in keys:
            keys.append(target.key)
    return keys


class DataSegmentCompiler:
    """Mixed into timewarp.basic.statements.StatementCompiler: the ledger's calls around
    each statement of a program in memory mode."""

    def memory_before(self, stmt) -> None:
        from timewarp.basic.python_expressions import python_name
        if isinstance(stmt, DynamicFor):
            stmt = stmt.loop
        for key in assigned_scalars(stmt):
            self.emit(f"if {key!r} not in _mem_s: _mem.scalar({key!r})")
        arrays, temporaries = set(), False
        for e in in_order(stmt):
            if isinstance(e, ast.ArrayElement) and e.key not in arrays:
                arrays.add(e.key)
                self.emit(f"if {e.key!r} not in _mem_a: _mem.array({e.key!r}, "
                          f"{python_name(e.key, True)})")
            elif makes_string(e) and not temporaries:
                temporaries = True          # the statement starts with none held
                self.emit("_mem.held.clear()")

    def memory_after(self, stmt) -> None:
        from timewarp.basic.python_expressions import python_name
        if isinstance(stmt, ast.Dim):
            for key, _ in stmt.arrays:
                self.emit(f"_mem.array({key!r}, {python_name(key, True)})")
        elif isinstance(stmt, ast.Erase):
            for key in stmt.keys:
                self.emit(f"_mem.erase({key!r})")
        elif isinstance(stmt, (ast.Input, ast.Read)):
            # Typed answers are copied into string space; DATA stays in the program text.
            typed = isinstance(stmt, ast.Input)
            for target in stmt.targets:
                if target.type == "$":
                    self.emit(f"_mem.assign({self.string_owner(target)}, "
                              f"{self.exprs.value(target)}, {typed})")

    def string_owner(self, target) -> str:
        """The Python of the ledger's name for a string variable or element."""
        if isinstance(target, ast.Variable):
            return repr(target.key)
        indexes = ", ".join(f"round({self.exprs.value(i)})" for i in target.indexes)
        return f"({target.key!r}, {indexes})"

    def memory_assign(self, target, value, code: str) -> str:
        """A string assignment: the value worked out once, the ledger told, then stored."""
        if makes_string(value):
            stored = "True"
        elif isinstance(value, (ast.Variable, ast.ArrayElement)):
            stored = f"({self.string_owner(value)} in _mem.strings)"    # copied if stored
        else:
            stored = "False"
        literal = ""
        if isinstance(value, ast.String) and self.emit.basic_line is not None:
            literal = f", ({self.emit.basic_line!r}, {value.value!r})"
        self.emit(f"_sv = {code}")
        self.emit(f"_mem.assign({self.string_owner(target)}, _sv, {stored}{literal})")
        return "_sv"
