"""The old machine statements: PEEK, POKE, DEF SEG, OUT, INP, WAIT, CALL, USR, DEF USR,
VARPTR, BLOAD, BSAVE, PCOPY.

Programs of the 1980s reached past BASIC into the PC itself.  The addresses they commonly
used behave as PC-BASIC emulates them: the keyboard flags at 0:&H417, the BIOS timer ticks
at 0:&H46C (which PC-BASIC leaves at 0; we count real ticks, 18.2 a second since midnight),
the video mode bytes at 0:&H449, text screen memory at &HB800 (and &HB000) whose POKEs change
the text screen and whose PEEKs read it, the graphics modes' video memory (CGA's at &HB800, the
EGA's bit planes and SCREEN 13's bytes at &HA000: see timewarp.turtle.video_memory) with the
EGA's read map and map mask registers set through OUT, the ROM's model byte at F000:FFFE,
the protection flag at DS:1450, the FIELD buffers of random files at DS:3945 on, and (in a
program that keeps the data segment's ledger, timewarp.basic.data_segment) the program text,
the variables and the pointers to them.  The speaker port &H61 and the timer chip's ports
&H42/&H43 keep what is written to them, and the time the speaker is switched on at the
timer's pitch becomes a note of the cell's music.  Everything else is
accepted and harmless: POKEs elsewhere are remembered and read back, machine code never runs
(CALL does nothing, USR returns its argument).

The nodes, the parser's and compiler's methods (mixed into theirs) and :class:`Machine`,
the runtime's emulated memory and ports (made for the first program that uses them).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from timewarp.basic import ast
from timewarp.basic.data_segment import POINTERS, value_bytes
from timewarp.basic.errors import BasicError
from timewarp.basic.program_files import existing_program, program_name
from timewarp.turtle import video_memory

VIDEO = (0xB8000, 0xB0000)
PAGE = 0x1000
DATA_SEGMENT = 0x13AD          # where GW-BASIC's variables live (DEF SEG without a value)
#: GW-BASIC's flag for a protected program (&HFE while it holds one): a well-known trick
#: POKEs 0 there to list a program saved with , P.
PROTECTION_FLAG = DATA_SEGMENT * 16 + 1450
#: GW-BASIC's file blocks in its data segment: file n's record (FIELD) buffer at
#: FIELD_BUFFERS + FILE_BLOCK * (n - 1), MAX_RECORD bytes (the /S: default).
FIELD_BUFFERS, FILE_BLOCK, MAX_RECORD = 3945, 322, 128
_TICKS_PER_SECOND = 1193182 / 65536
FUNCTIONS = {"PEEK": ("n", "%"), "INP": ("n", "%")}
FUNCTION_CODE = {"PEEK": lambda a: f"_rt.machine_state().peek({a})",
                 "INP": lambda p: f"_rt.machine_state().inp({p})"}


def _int16(value) -> int:
    """An address or port: -32768..65535, negative numbers counting from the top."""
    n = round(value)
    if not -32768 <= n <= 65535:
        raise BasicError("Overflow")
    return n & 0xFFFF


def _byte(value) -> int:
    n = round(value)
    if not 0 <= n <= 255:
        raise BasicError("Illegal function call", detail=f"{n} is not a byte (0 to 255)")
    return n


class Machine:
    """The emulated memory and ports of one session."""

    def __init__(self, rt) -> None:
        self.rt = rt
        self.segment = DATA_SEGMENT
        self.memory: dict[int, int] = {}
        self.ports: dict[int, int] = {}
        self.keyboard_flags = 0
        self.variables: dict[str, int] = {}     # VARPTR: variable key -> address
        self.next_address = 0x0E00
        self.pages: dict[int, tuple] = {}
        self.retrace = 0
        self.divisor = 0
        self.low_byte: int | None = None
        self.speaker_on = False
        self.tone_start: float | None = None
        self.read_plane, self.map_mask = 0, 0xF

    # Memory

    def peek(self, address) -> int:
        return self._read(self.segment * 16 + _int16(address), {})

    def _read(self, linear: int, held: dict) -> int:
        """The byte at ``linear``; ``held`` keeps the variables' entries in the data segment once
        worked out, for the reads of one BSAVE (nothing runs between them)."""
        graphics = self._graphics_memory(linear)
        if graphics is not None:
            screen, offset = graphics
            return video_memory.read(screen, offset, 1, self.read_plane)[0]
        for base in VIDEO:
            if base <= linear < base + PAGE and self._text_mode():
                return self.rt.text_screen().peek(linear - base)
        if linear == PROTECTION_FLAG:
            program = self.rt.program()
            return 0xFE if program is not None and program.protected else 0
        offset = linear - DATA_SEGMENT * 16
        segment = self.ledger() if 0 <= offset < 0x10000 else None
        buffer = self._field_buffer(offset)
        if buffer is not None:
            return buffer[0][buffer[1]]
        if segment is not None and segment.holds(offset):
            # The program text, or the variables: their values as the program holds them now.
            def variables() -> bytes:
                if "entries" not in held:
                    held["entries"] = segment.entries(*self._variables())
                return held["entries"]
            return segment.peek(offset, variables)
        if linear in self.memory:
            return self.memory[linear]
        if segment is not None and offset & ~1 in POINTERS:
            value = segment.pointer(POINTERS[offset & ~1])
            return value >> 8 if offset & 1 else value & 0xFF
        return self._system(linear)

    def _field_buffer(self, offset: int) -> tuple[bytearray, int] | None:
        """(record buffer, index) when a data segment offset is in the FIELD buffer of an
        open random file: GW-BASIC kept file n's at 3945 + 322 * (n - 1)."""
        number, within = divmod(offset - FIELD_BUFFERS, FILE_BLOCK)
        if not 0 <= number < 15 or within >= MAX_RECORD:
            return None
        handle = getattr(self.rt.files, "table", {}).get(number + 1)
        buffer = getattr(handle, "buffer", None)
        if not isinstance(buffer, bytearray) or within >= len(buffer):
            return None
        return buffer, within

    def _variables(self) -> tuple[dict, dict]:
        """The scalars and arrays as the running program holds them: its scalars are locals
        of the compiled program's frame (timewarp.basic.compiler), read from the innermost."""
        session = self.rt.session()
        scalars = dict(getattr(session, "scalars", {}))
        frame = sys._getframe(1)
        while frame is not None and not frame.f_code.co_filename.startswith("<basic-"):
            frame = frame.f_back
        if frame is not None:
            from timewarp.basic.compiler import _key_of
            for name, value in frame.f_locals.items():
                if len(name) > 3 and name[0] == "v" and name[1] in "SDIT" and name[2] == "_":
                    scalars[_key_of(name)] = value
        return scalars, getattr(session, "arrays", {})

    def ledger(self):
        """The data segment's ledger that PEEK, POKE and BSAVE of BASIC's own segment read: the
        running (or last) program's while the program in memory is the one it ran, else one
        made now from the program text. A session that looks there this way keeps the ledger
        in every program it RUNs after (Runtime.asked_memory), so that what it reads next
        (jumps turned into pointers, strings, variables) is what GW-BASIC's memory held."""
        rt = self.rt
        if rt.segment is None or rt.segment.version != rt.program_version():
            rt.asked_memory = True
            rt.segment = None
            rt.data_segment(*self._variables())
        return rt.segment

    def _system(self, linear: int) -> int:
        if linear == 0x417:
            return self.keyboard_flags
        if 0x46C <= linear <= 0x46F:
            seconds = time.time() - time.mktime(time.localtime()[:3] + (0, 0, 0, 0, 0, -1))
            ticks = int(seconds * _TICKS_PER_SECOND)
            return (ticks >> (8 * (linear - 0x46C))) & 0xFF
        if linear == 0x410:
            return 38                       # a colour adapter, as PC-BASIC reports
        if linear == 0x449:
            return 1 if self._width() == 40 else 3
        if linear == 0x44A:
            return self._width()
        if linear in (0x450, 0x451):
            screen = self.rt.text_screen()
            return screen.col - 1 if linear == 0x450 else screen.row - 1
        if linear == 0xFFFFE:
            return 0xFF                     # the ROM's model byte: an IBM PC
        return 0

    def _width(self) -> int:
        return self.rt.text.width if self.rt.text is not None else self.rt.width

    def poke(self, address, value) -> None:
        linear = self.segment * 16 + _int16(address)
        value = _byte(value)
        graphics = self._graphics_memory(linear)
        if graphics is not None:
            screen, offset = graphics
            video_memory.write(screen, offset, bytes([value]), self.map_mask)
            return
        for base in VIDEO:
            if base <= linear < base + PAGE and self._text_mode():
                self.rt.text_screen().poke(linear - base, value)
                return
        offset = linear - DATA_SEGMENT * 16
        segment = self.ledger() if 0 <= offset < 0x10000 else None
        buffer = self._field_buffer(offset)
        if buffer is not None:
            buffer[0][buffer[1]] = value
        elif linear == 0x417:
            self.keyboard_flags = value
        elif segment is not None and segment.in_program(offset) and self.rt.program() is not None:
            self._change_program(segment.poke_program(offset, value))
        elif linear == PROTECTION_FLAG and self.rt.program() is not None:
            self.rt.program().protected = value != 0
        elif linear < 0xF0000:
            self.memory[linear] = value

    def _text_mode(self) -> bool:
        return self.rt.screen is None or self.rt.screen.number == 0

    def _graphics_memory(self, linear: int):
        """(screen, offset in its segment) when a graphics mode's video memory is there."""
        screen = self.rt.screen
        lay = None if screen is None else video_memory.layout(screen)
        if lay is None or not 0 <= linear - lay.segment * 16 < 0x10000:
            return None
        return screen, linear - lay.segment * 16

    def _change_program(self, text: bytes) -> None:
        """A POKE changed the program text: the program in memory (LIST, SAVE) is what the
        changed bytes now say; the running program goes on as it was compiled."""
        from timewarp.basic.tokenised import detokenise
        program = self.rt.program()
        try:
            lines = detokenise(b"\xff" + text)
        except BasicError:
            return          # bytes no line can be read from: the program stays as it was
        program.lines = {number: line for number, line in lines}
        program.version += 1
        self.rt.segment.version = program.version     # the ledger holds the changed text

    def def_seg(self, segment=None) -> None:
        self.segment = DATA_SEGMENT if segment is None else _int16(segment)

    # Ports

    def inp(self, port) -> int:
        port = _int16(port)
        if port == 0x3DA:
            # The colour adapter's status: retrace comes and goes, so WAIT &H3DA, 8 returns.
            self.retrace ^= 9
            return self.retrace
        return self.ports.get(port, 0)

    def out(self, port, value) -> None:
        port, value = _int16(port), _byte(value)
        self.ports[port] = value
        # The EGA's index registers: the graphics controller's read map (which bit plane
        # PEEK reads) and the sequencer's map mask (which planes POKE writes).
        if port == 0x3CF and self.ports.get(0x3CE) == 4:
            self.read_plane = value & 3
        elif port == 0x3C5 and self.ports.get(0x3C4) == 2:
            self.map_mask = value & 0xF
        elif port == 0x43:
            self.low_byte = None      # the timer chip expects the low byte next
        elif port == 0x42:
            # The timer chip's counter 2 sets the speaker's pitch: low byte, then high byte.
            if self.low_byte is None:
                self.low_byte = value
                return
            self._speaker(self.speaker_on)       # the note at the old pitch ends here
            self.divisor = self.low_byte | value << 8 or 65536
            self.low_byte = None
        elif port == 0x61:
            self._speaker(value & 3 == 3)

    def _speaker(self, on: bool) -> None:
        """Bits 0 and 1 of port &H61 switch the speaker on at the timer's pitch: the time it
        stays on becomes a note of the cell's music (see timewarp.basic.sound)."""
        now = time.monotonic()
        if self.speaker_on and self.tone_start is not None and self.divisor:
            frequency = 1193182 / self.divisor
            if 37 <= frequency <= 32767 and now > self.tone_start:
                self.rt.music.tune.add(frequency, now - self.tone_start)
        self.speaker_on = on
        self.tone_start = now if on else None

    def wait(self, port, mask, invert=0) -> None:
        """WAIT: until a port shows the bits; a port nothing changes would wait for ever,
        so on those the program goes on at once."""
        port, mask, invert = _int16(port), _byte(mask), _byte(invert)
        for _ in range(4):
            if (self.inp(port) ^ invert) & mask:
                return

    # Variables and files

    def varptr(self, key: str, value, address: int | None = None,
               string_at: int | None = None) -> int:
        """VARPTR: where the variable lives; PEEK there reads its value as GW-BASIC stores it.
        In memory mode the data segment's ledger gives the ``address`` (and reads the value
        there itself) and where a string lies (``string_at``), whose characters go there."""
        text_at = self._string_bytes(value, string_at) if key.endswith("$") else None
        if address is not None:
            return address
        if key not in self.variables:
            self.variables[key] = self.next_address
            self.next_address += 16
        address = self.variables[key]
        for offset, byte in enumerate(value_bytes(key, value, text_at)):
            self.memory[DATA_SEGMENT * 16 + address + offset] = byte
        return address

    def _string_bytes(self, value: str, address: int | None = None) -> int:
        if address is None:
            address = 0xF000 - len(value)
        for offset, char in enumerate(value):
            self.memory[DATA_SEGMENT * 16 + address + offset] = ord(char) & 0xFF
        return address

    def file_address(self, number) -> int:
        """VARPTR(#n): where GW-BASIC keeps the file's control block."""
        number = round(number)
        if not 1 <= number <= 15:
            raise BasicError("Bad file number")
        return 0x0E00 - 0x0200 + 0x30 * number

    # Blocks of memory and screen pages

    def bsave(self, name: str, offset, length) -> None:
        offset, length = _int16(offset), _int16(length)
        graphics = self._graphics_memory(self.segment * 16 + offset)
        if graphics is not None:
            screen, start = graphics
            data = video_memory.read(screen, start, min(length, 0x10000 - start),
                                     self.read_plane).ljust(length, b"\0")
        else:
            held: dict = {}
            data = bytes(self._read(self.segment * 16 + offset + i, held)
                         if offset + i < 0x10000 else 0 for i in range(length))
        header = b"\xfd" + self.segment.to_bytes(2, "little") + offset.to_bytes(2, "little") + \
            length.to_bytes(2, "little")
        self.rt.files.path(program_name(name)).write_bytes(header + data + b"\x1a")

    def bload(self, name: str, offset=None) -> None:
        path = existing_program(self.rt.files, name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise BasicError("File not found") from None
        if len(data) < 7 or data[0] != 0xFD:
            raise BasicError("Bad file mode", detail=f"{name} was not made by BSAVE")
        segment = int.from_bytes(data[1:3], "little")
        start = int.from_bytes(data[3:5], "little") if offset is None else _int16(offset)
        length = int.from_bytes(data[5:7], "little")
        if offset is None:
            self.segment, saved = segment, self.segment
        else:
            saved = self.segment
        block = data[7:7 + length]
        graphics = self._graphics_memory(self.segment * 16 + start)
        if graphics is not None:
            screen, at = graphics
            video_memory.write(screen, at, block[:0x10000 - at], self.map_mask)
        else:
            for i, byte in enumerate(block):
                self.poke((start + i) & 0xFFFF, byte)
        self.segment = saved

    def pcopy(self, source, destination) -> None:
        """PCOPY: copy a screen page; page 0 is the one shown."""
        source, destination = round(source), round(destination)
        from timewarp.basic import graphics
        copy_page = getattr(graphics, "copy_page", None)
        if copy_page is not None and copy_page(self.rt, source, destination):
            return      # a graphics mode's pages (the graphics side keeps them)
        for page in (source, destination):
            if not 0 <= page <= 7:
                raise BasicError("Illegal function call", detail="PCOPY pages are 0 to 7")
        screen = self.rt.text_screen()
        if source == 0:
            contents = ([bytearray(r) for r in screen.chars], [bytearray(r) for r in screen.attrs])
        else:
            contents = self.pages.get(source)
        if destination != 0:
            self.pages[destination] = contents
        elif contents is not None:
            screen.rt.flush()
            screen.chars = [bytearray(r) for r in contents[0]]
            screen.attrs = [bytearray(r) for r in contents[1]]
            screen.show()


# Nodes

@dataclass(frozen=True)
class MachineStatement(ast.Stmt):
    """POKE, OUT, WAIT, DEF SEG, BLOAD, BSAVE, PCOPY: the Machine method and its arguments."""
    method: str
    args: tuple[ast.Expr | None, ...]


@dataclass(frozen=True)
class Accepted(ast.Stmt):
    """CALL of machine code, DEF USR: accepted; the arguments are still worked out."""
    args: tuple[ast.Expr, ...]


_SHAPES = {"POKE": ("poke", "nn"), "OUT": ("out", "nn"), "WAIT": ("wait", "nno"),
           "BLOAD": ("bload", "$o"), "BSAVE": ("bsave", "$nn"), "PCOPY": ("pcopy", "nn")}


class MachineParser:
    """Parser methods (mixed into timewarp.basic.parser.StatementParser)."""

    def machine_statement(self, word: str) -> ast.Stmt:
        method, shape = _SHAPES[word]
        args: list[ast.Expr | None] = []
        for number, kind in enumerate(shape):
            if number and not self.accept("op", ","):
                if kind == "o":
                    break
                self.fail(f"{word} needs {shape.count('n') + shape.count('$')} values")
            value = self.expression()
            if (kind == "$") != (value.type == "$"):
                raise BasicError("Type mismatch")
            args.append(value)
        return MachineStatement(method, tuple(args))

    def st_POKE(self) -> ast.Stmt:
        return self.machine_statement("POKE")

    def st_OUT(self) -> ast.Stmt:
        return self.machine_statement("OUT")

    def st_WAIT(self) -> ast.Stmt:
        return self.machine_statement("WAIT")

    def st_BLOAD(self) -> ast.Stmt:
        return self.machine_statement("BLOAD")

    def st_BSAVE(self) -> ast.Stmt:
        return self.machine_statement("BSAVE")

    def st_PCOPY(self) -> ast.Stmt:
        return self.machine_statement("PCOPY")

    def def_machine(self) -> ast.Stmt | None:
        """DEF SEG [= segment] and DEF USR[n] = address (after DEF); None for DEF FN."""
        tok = self.peek()
        if tok is not None and tok.kind == "name" and tok.value == "SEG":
            self.i += 1
            if self.accept("op", "="):
                return MachineStatement("def_seg", (self._num(self.expression()),))
            return MachineStatement("def_seg", ())
        if tok is not None and (tok.kind == "kw" and tok.value == "USR" or
                                tok.kind == "name" and tok.value[:3] == "USR"
                                and tok.value[3:].isdigit()):
            self.i += 1
            self.accept("num")
            self.expect("op", "=")
            return Accepted((self._num(self.expression()),))
        return None

    def machine_function(self, name: str) -> ast.Expr:
        """USR[n](x) (it returns x: no machine code runs)."""
        self.accept("num")
        args = self.arguments()
        if len(args) != 1 or args[0].type == "$":
            raise BasicError("Type mismatch" if args[0].type == "$" else "Syntax error")
        return ast.Unary("+", args[0], args[0].type)

    def varptr(self, name: str) -> ast.Expr | None:
        """VARPTR(variable) or VARPTR(#file) (a name, so that VARPTR$ stays the sound's);
        also USR0(x) to USR9(x), which whole-word reading sees as names."""
        if name[:3] == "USR" and name[3:].isdigit() and len(name) == 4 and self.at_op("("):
            return self.machine_function(name)
        if name != "VARPTR" or not self.at_op("("):
            return None
        self.expect("op", "(")
        if self.accept("op", "#"):
            number = self._num(self.expression())
            self.expect("op", ")")
            return ast.BuiltinCall("VARPTR#", (number,), "!")
        tok = self.expect("name", what="a variable")
        key = self.names.key(tok.value)
        target = ast.ArrayElement(key, self.arguments()) if self.at_op("(") else ast.Variable(key)
        self.expect("op", ")")
        return ast.BuiltinCall("VARPTR", (ast.String(key), target), "!")


def varptr_code(key: str, value: str) -> str:
    return f"_rt.machine_state().varptr({key}, {value})"


FUNCTION_CODE.update({"VARPTR": varptr_code,
                      "VARPTR#": lambda n: f"_rt.machine_state().file_address({n})"})


class MachineCompiler:
    """Compiler methods (mixed into timewarp.basic.statements.StatementCompiler)."""

    def s_MachineStatement(self, s: MachineStatement) -> None:
        args = ", ".join(self.exprs.value(a) for a in s.args)
        self.emit(f"_rt.machine_state().{s.method}({args})")
        if s.method == "poke":
            self.refresh_fields()       # a POKE into a FIELD buffer changes its variables

    def s_Accepted(self, s: Accepted) -> None:
        for arg in s.args:
            self.emit(f"_ = {self.exprs.value(arg)}")
