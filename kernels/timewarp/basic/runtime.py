"""What a running BASIC program needs besides its own compiled code.

:class:`Runtime` keeps the state GW-BASIC keeps beside the variables: the print column,
DATA and its pointer, the random number generator, the FOR stack of loops the compiler
could not turn into Python loops, the error trap.  BASIC's built-in
functions live in :mod:`timewarp.basic.builtins`.
"""

from __future__ import annotations

import math
import time

from timewarp.basic.arrays import padded
from timewarp.basic.builtins import LARGEST, _cint, _int, _long
from timewarp.basic.errors import BasicError, BasicSyntaxError
from timewarp.basic.files import BasicFiles
from timewarp.basic.mbf_arithmetic import divide as mbf_divide
from timewarp.basic.numbers import LARGEST_DOUBLE, parse_number, print_number, seed_of
from timewarp.basic.parser import BadData

WIDTH = 80
ZONE = 14
#: The line number GW-BASIC gives a line typed at the prompt (ERL of an error in it).
DIRECT_LINE = 65535
# What PRINT shows for control characters GW-BASIC's screen does not obey (CP437 glyphs,
# as PC-BASIC writes them); CHR$(13) starts a new line.
_SCREEN_CONTROLS = {code: " ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←"[code]
                    for code in (*range(1, 7), 8, *range(14, 28))}
_SCREEN_CONTROLS[13] = "\n"
MAX_STRING = 255
MAX_ELEMENTS = 2_000_000
_RND_PERIOD = 1 << 24


class ForRecord:
    """One active FOR loop that runs through the FOR stack."""

    __slots__ = ("key", "end", "step", "resume")

    def __init__(self, key: str, end: float, step: float, resume: int) -> None:
        self.key, self.end, self.step, self.resume = key, end, step, resume


class Runtime:
    def __init__(self, console, world) -> None:
        self.console = console
        self.world = world
        self.screen = None
        self.column = 0
        self.out: list[str] = []
        self.data: tuple[tuple[str, int], ...] = ()
        self.data_pointer = 0
        self.seed = 5228370
        self.last_rnd = 0.0
        self.for_stack: list[ForRecord] = []
        self.option_base = 0
        self.files = BasicFiles()
        self.width = WIDTH
        # The text screen and the emulated machine: made only for programs that use them.
        self.text = None
        self.machine = None
        self.segment = None         # the data segment's ledger (timewarp.basic.data_segment)
        #: Set once the session reads BASIC's own segment (PEEK, BSAVE) where no program
        #: kept the ledger: every later RUN keeps one (see Machine.ledger).
        self.asked_memory = False
        self.reset_errors()
        #: Set by GW-BASIC's prompt: STOP and END call it and wait there for CONT.
        self.pause_hook = None
        #: The running program's (dispatch code, store, reload, line of each block), which
        #: lets Ctrl-C at the prompt stop it between statements for CONT (see the compiler's
        #: StatementCompiler._breakable and Prompt.break_in_place).
        self.breakable = None
        #: Set by the prompt when keys are typed through GW-BASIC's screen editor: INPUT's
        #: answer is then typed onto the screen after its question and read from there
        #: (called with the question's width; see timewarp.basic.screen_editor).
        self.answer_editor = None
        #: How many programs wait for CONT (see pause).
        self.paused = 0

    @property
    def events(self):
        """Keys, event traps and the session's clock (see event_runtime), made when first used."""
        events = self.__dict__.get("_events")
        if events is None:
            from timewarp.basic.event_runtime import Events
            events = self._events = Events(self)
        return events

    @property
    def music(self):
        """BEEP, SOUND and PLAY's tune and state, made when a program first uses them."""
        music = self.__dict__.get("_music")
        if music is None:
            from timewarp.basic.sound import BasicMusic
            music = self._music = BasicMusic()
        return music

    def reset_errors(self) -> None:
        self.handler: int | None = None
        self.in_handler = False
        self.err = 0
        self.erl = 0
        self.err_pc = 0
        #: The error trapped was a line's typed at the prompt while the program waited
        #: (ERL 65535): RESUME goes back to waiting (see timewarp.basic.prompt).
        self.err_direct = False
        self.resumed_direct = False

    # Output

    def write(self, text: str) -> None:
        """Text from PRINT: keeps track of the column and wraps at 80 columns."""
        if "\n" in text:
            head, _, tail = text.rpartition("\n")
            self.out.append(head + "\n")
            self.column = 0
            self.flush()
            text = tail
        self.out.append(text)
        # The screen wraps a long line without a newline character in the text.  A line
        # filled to its last column keeps column == width (GW-BASIC's cursor "overflow").
        column = self.column + len(text)
        self.column = (column - 1) % self.width + 1 if column > self.width else column

    def item(self, text: str) -> None:
        """One PRINT string: it moves to a new line if it does not fit on this one; on a
        line already full the screen wraps it with no new line, as GW-BASIC's does."""
        if not text.isprintable():
            text = text.translate(_SCREEN_CONTROLS)
        if self.column and self.width > self.column > self.width - len(text):
            self.write("\n")
        self.write(text)

    def number(self, value, double: bool = False) -> None:
        if not double and not -LARGEST <= value <= LARGEST:
            # Sums and products overflow when printed, not when computed (a known deviation).
            value = self.warn("Overflow", value)
        text = print_number(value, double)
        if self.column and self.column + len(text) > self.width:
            self.write("\n")
        self.write(text)

    def zone(self) -> None:
        target = (self.column // ZONE + 1) * ZONE
        if target > self.width - ZONE:
            self.write("\n")
        else:
            self.write(" " * (target - self.column))

    def tab(self, n) -> None:
        # GW-BASIC reads TAB's and SPC's number as unsigned 16 bits: TAB(-5) is TAB(65531).
        target = (max(_long(n) & 0xFFFF, 1) - 1) % self.width
        if target < self.column:
            self.write("\n")
        self.write(" " * (target - self.column))

    def spc(self, n) -> None:
        self.write(" " * ((_long(n) & 0xFFFF) % self.width))

    def newline(self) -> None:
        # After a full line GW-BASIC's cursor has already wrapped: a blank line follows.
        self.out.append("\n\n" if self.column == self.width else "\n")
        self.column = 0
        self.flush()

    def flush(self) -> None:
        if self.out:
            text = "".join(self.out)
            self.out.clear()
            if self.text is not None:
                self.text.put(text)
                if self.text.viewing:
                    return
            self.console.write(text)

    def clear_screen(self) -> None:
        self.flush()
        if self.screen is not None:
            self.screen.cls()
        self.column = 0

    # The text screen and the machine (timewarp.basic.text_screen, timewarp.basic.machine)

    def end_of_cell(self) -> None:
        """After a cell or a program: the text screen it drew is shown, and the next cell
        starts as a plain stream again."""
        self.flush()
        if self.text is not None:
            self.text.end_of_cell()

    def text_screen(self):
        """The text screen, made when a program first needs it."""
        if self.text is None:
            from timewarp.basic.text_screen import TextScreen
            self.flush()
            self.text = TextScreen(self, self.width)
        return self.text

    def text_screen_mode(self, mode: int, columns: int, rows: int) -> None:
        self.text_screen().set_mode(mode, columns, rows)

    def text_colour(self, foreground, background, border) -> None:
        self.text_screen().colour(foreground, background, border)

    def machine_state(self):
        """The emulated memory and ports, made on first use."""
        if self.machine is None:
            from timewarp.basic.machine import Machine
            self.machine = Machine(self)
        return self.machine

    def data_segment(self, scalars: dict, arrays: dict):
        """The data segment's ledger of a program in memory mode: a new one when the
        program starts with no variables (RUN), the one kept otherwise (CONT, a line typed
        at the prompt, the next cell)."""
        if self.segment is None or not (scalars or arrays):
            from timewarp.basic.data_segment import DataSegment
            self.segment = DataSegment(self.program_text())
            self.segment.version = self.program_version()
        return self.segment

    def program_version(self):
        """The program in memory's edit count (None for a runtime alone): a ledger made for
        another version holds text the program no longer has."""
        return getattr(self.program(), "version", None)

    def program(self):
        """The session's program in memory (timewarp.basic.program.ProgramText; None for a
        runtime alone)."""
        return getattr(self.session(), "program", None)

    def session(self):
        """The BasicSession this runtime serves (None for a runtime alone): its program in
        memory and its variables."""
        return getattr(self.files, "host", None)

    def program_text(self) -> bytes:
        """The program in memory, tokenised as GW-BASIC stored it from DS:&H126E."""
        program = self.program()
        if program is None:
            return bytes(2)
        return program.tokenised(tail=False)[1:-1]  # less the file's first byte and Ctrl-Z

    # Input

    def read_line(self, prompt: str) -> str:
        self.flush()
        if self.answer_editor is not None:
            return self._edited_answer(prompt)
        try:
            line = self.console.read_line(prompt)
        except EOFError:
            raise BasicError("Input past end") from None
        except KeyboardInterrupt:           # Ctrl-C at the question: the screen keeps it
            self.column = 0
            if self.text is not None:
                self.text.echo_input(prompt, "")
            raise
        self.column = 0
        if self.text is not None:
            self.text.echo_input(prompt, line)
        if len(line) > MAX_STRING:
            line = line[:MAX_STRING]
        return line

    def _edited_answer(self, prompt: str) -> str:
        """An answer typed through the screen editor, after the question on the screen."""
        from timewarp.basic.screen_editor import BREAK

        self.write(prompt)
        self.flush()
        screen = self.text_screen()
        try:
            line = self.answer_editor(screen.col - 1 + (1 if screen.overflow else 0))
        except EOFError:
            raise BasicError("Input past end") from None
        self.column = 0
        if line == BREAK:
            raise KeyboardInterrupt
        self.console.write(line + "\n")         # the screen has it already
        return line[:MAX_STRING]

    def pause(self, kind: str, line: int | None) -> None:
        """STOP ("stop"), END ("") or Ctrl-C ("break") at GW-BASIC's prompt: the program
        waits while the prompt runs, until CONT (see timewarp.basic.prompt).  END closes the
        files first."""
        self.flush()
        if not kind:
            self.files.close_all()
        self.paused += 1
        try:
            self.pause_hook(kind, line)
        finally:
            self.paused -= 1

    def keyboard_chars(self, count: int) -> str:
        """INPUT$(n) from the keyboard: keys already pressed come first (typed ahead, or on
        the cell's canvas), as GW-BASIC takes them from its keyboard buffer; what is still
        missing comes from a line typed for it."""
        self.flush()
        chars = ""
        while len(chars) < count and (key := self.console.key_typed_ahead()):
            chars += key
        if len(chars) < count:
            chars += self.read_line("")
        return chars[:count]

    def input(self, prompt: str, question: bool, types: str, more: bool = False) -> list:
        """INPUT: ask until the answer has the right number of values of the right kinds
        (``more``: or more values than that, the statement stopping at a mistake after)."""
        text = prompt + ("? " if question else "")
        while True:
            answer = self.read_line(text)
            values = _convert_answer(answer, types, more)
            if values is not None:
                return values
            self.write("?Redo from start\n")

    # DATA

    def read(self, kind: str):
        if self.data_pointer >= len(self.data):
            raise BasicError("Out of DATA")
        item, line = self.data[self.data_pointer]
        self.data_pointer += 1
        if item.__class__ is BadData:
            raise BasicSyntaxError(line=line)
        if kind == "$":
            return item if item.__class__ is str else str(item)
        number = parse_number(item) if item.__class__ is str else None   # not a quoted item
        if number is None:
            raise BasicSyntaxError(line=line)
        return _cint(number) if kind == "%" else number

    # Random numbers, in GW-BASIC's own sequence

    def rnd(self, x=None) -> float:
        if x is None or x > 0:
            if x is not None and x > LARGEST:     # a double past any single: Overflow
                raise BasicError("Overflow")
            self.seed = (self.seed * 214013 + 2531011) % _RND_PERIOD
        elif x < 0:
            if x < -LARGEST:
                raise BasicError("Overflow")
            self.seed = (-_mantissa(x) * 214013 + 2531011) % _RND_PERIOD
        self.last_rnd = self.seed / _RND_PERIOD
        return self.last_rnd

    def randomize(self, seed=None, kind: str = "%") -> None:
        """RANDOMIZE: ``kind`` is the seed's type, whose bytes GW-BASIC reads (numbers.seed_of);
        with no seed it asks for one, as GW-BASIC does."""
        while seed is None:
            number = parse_number(self.read_line("Random number seed (-32768 to 32767)? "))
            seed = None if number is None else _cint(number)
        n = seed_of(seed, kind)
        self.seed &= 0xFF
        self.seed = (self.seed * 214013 + 2531011) % _RND_PERIOD
        self.seed = (self.seed + n * 4455680) % _RND_PERIOD

    # Arrays

    def dim(self, store: dict | None, key: str, bounds: tuple, lowers: tuple = ()) -> list:
        """A new array; ``lowers`` holds the ``lo`` of each ``lo TO hi`` (None where the
        DIM gave only the upper bound, which then starts at OPTION BASE)."""
        if store is not None and store.get(key) is not None:
            raise BasicError("Duplicate Definition")
        sizes, starts = [], []
        total = 1
        for number, bound in enumerate(bounds):
            lower = lowers[number] if number < len(lowers) else None
            upper = _int(bound)
            if lower is None and upper < 0:
                raise BasicError("Illegal function call")
            lower = self.option_base if lower is None else _int(lower)
            if upper < lower:
                raise BasicError("Subscript out of range", detail=f"{lower} TO {upper} holds nothing")
            sizes.append(upper - lower + 1)
            starts.append(lower)
            total *= upper - lower + 1
            if total > MAX_ELEMENTS:
                raise BasicError("Out of memory")
        array = _make_array(sizes, "" if key[-1] == "$" else 0, starts)
        if store is not None:
            store[key] = array
        return array

    # FOR loops run through the FOR stack (see the compiler)

    def for_push(self, key: str, end, step, resume: int) -> None:
        stack = self.for_stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].key == key:
                del stack[i:]
                break
        if len(stack) > 10_000:
            raise BasicError("Out of memory")
        stack.append(ForRecord(key, end, step, resume))

    def for_find(self, key: str | None) -> ForRecord:
        stack = self.for_stack
        if key is None:
            if stack:
                return stack[-1]
        else:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].key == key:
                    del stack[i + 1:]
                    return stack[i]
        raise BasicError("NEXT without FOR")

    def for_done(self, record: ForRecord, value) -> bool:
        """After NEXT stepped the variable: True when the loop is over."""
        step = record.step
        if (value > record.end) if step >= 0 else (value < record.end):
            self.for_stack.pop()
            return True
        return False

    # Error trapping

    def trap(self, error: BaseException, pc: int, line: int | None) -> int:
        """Where an ON ERROR handler takes over, or re-raise when nothing traps."""
        if self.handler is None or self.in_handler or not isinstance(error, BasicError):
            raise error.at(line)
        self.err_direct = getattr(error, "direct", False)
        self.err, self.err_pc = error.code, pc
        self.erl = DIRECT_LINE if self.err_direct else line or 0
        self.in_handler = True
        self.pending = error.at(line)
        return self.handler

    def handler_off(self) -> None:
        """ON ERROR GOTO 0: inside a handler it gives up, and the error stops the program."""
        self.handler = None
        if self.in_handler:
            raise self.pending

    def resume(self, target: int | None, offset: int) -> int:
        if not self.in_handler:
            # GW-BASIC turns the trap off first, so this error stops the program.
            self.handler = None
            raise BasicError("RESUME without error")
        self.in_handler = False
        self.err = 0
        if self.err_direct and target is None:
            # Back to the STOP or END the program waited at, which waits again.
            self.err_direct, self.resumed_direct = False, True
            return self.err_pc
        return self.err_pc + offset if target is None else target

    # Division by zero and overflow are warnings in GW-BASIC: the program goes on with the
    # largest number, unless an ON ERROR handler wants to hear about it.

    def divide(self, a, b, double: bool = False):
        return a / b if b else self.divide_by_zero(a, double)

    def divide_single(self, a, b):
        """``a / b`` as GW-BASIC divides singles (see mbf_arithmetic)."""
        return mbf_divide(a, b) if b else self.divide_by_zero(a)

    def divide_by_zero(self, a, double: bool = False) -> float:
        return self.warn("Division by zero", a, double)

    def warn(self, message: str, sign, double: bool = False) -> float:
        """The largest number of the sign of ``sign`` (a double's if ``double``)."""
        if self.handler is not None:
            raise BasicError(message)
        self.write(message + "\n")      # where the cursor is, as GW-BASIC's $STPRN prints it
        largest = LARGEST_DOUBLE if double else LARGEST
        return -largest if sign < 0 else largest

    # Drawing

    def graphics(self, name: str, *args) -> None:
        from timewarp.basic.graphics import ACTIONS
        from timewarp.turtle.model import TurtleError
        try:
            ACTIONS[name](self, *args)
        except TurtleError as exc:
            raise BasicError("Illegal function call", detail=str(exc)) from None
        except (TypeError, ValueError) as exc:
            raise BasicError("Illegal function call", detail=str(exc)) from None


def _make_array(sizes: list[int], fill, lowers: list[int], lists: int = 1) -> list:
    """Nested lists, one for each dimension, kept as builtins.padded describes."""
    if len(sizes) == 1:
        row = [fill] * sizes[0]
    else:
        row = [_make_array(sizes[1:], fill, lowers[1:], lists * sizes[0]) for _ in range(sizes[0])]
    return padded(row, lowers[0], lists)


def _convert_answer(answer: str, types: str, more: bool = False) -> list | None:
    parts = _split_answer(answer)
    if parts is not None and more:
        parts = parts[:len(types)]
    if parts is None or len(parts) != len(types):
        return None
    values = []
    for text, kind in zip(parts, types):
        if kind == "$":
            values.append(text)
            continue
        number = parse_number(text.replace(" ", ""))   # GW-BASIC reads "2  3" as 23
        if number is None:
            return None
        values.append(_cint(number) if kind == "%" else number)
    return values


def _split_answer(answer: str) -> list[str] | None:
    parts, current, in_string, quoted = [], "", False, False
    for c in answer:
        if c == '"' and (in_string or not current.strip()):
            if not in_string:
                current = ""    # GW-BASIC: blanks before the opening quote are not kept
            in_string = not in_string
            quoted = True
        elif c == "," and not in_string:
            parts.append(current if quoted else current.strip())
            current, quoted = "", False
        elif in_string or not quoted:
            current += c
        elif not c.isspace():
            return None     # GW-BASIC: text after a closing quote is "?Redo from start"
    parts.append(current if quoted else current.strip())
    return parts


def _mantissa(x: float) -> int:
    m, _ = math.frexp(x)
    return int(m * (1 << 24))
