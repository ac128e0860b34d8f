"""BASIC's sound: BEEP, SOUND, PLAY and its music macro language, PLAY(n) and VARPTR$.

The statements do not drive a speaker: they add tones to a :class:`~timewarp.sound.tune.Tune`
kept on the runtime (``_rt.music``), and the front end makes a WAV of them when the cell or
program ends (the notebook shows an audio player, ``timewarp run --wav`` writes a file).
So the program never waits for its music, and the music queue is always empty as the
program sees it: ``PLAY(n)`` is 0, and ON PLAY never fires.

The macro language is GW-BASIC's, errors included ("Illegal function call" for anything
it refuses, with our words for what was wrong): notes ``A``-``G`` with ``#``/``+``/``-``
and a length (``C8``) and dots, ``O``, ``<``, ``>``, ``L``, ``T``, ``P``, ``N``,
``MN``/``ML``/``MS`` (articulation 7/8, full, 3/4), ``MF``/``MB``, ``X`` to play a string
variable, and ``=name;`` (or ``=`` + VARPTR$) for a number from a variable.

This module holds all stages for these statements, as :mod:`timewarp.basic.files` does: the
nodes, the parser's and the compiler's methods (mixed into theirs), and the runtime object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timewarp.basic import ast
from timewarp.basic.builtins import _cint, _int
from timewarp.basic.errors import BasicError
from timewarp.sound.tune import Tune

TICKS_PER_SECOND = 1193180 / 65536          # the PC's clock: SOUND's durations, 18.2 a second
NOTE_FREQUENCIES = tuple(440.0 * 2 ** ((n - 33) / 12) for n in range(84))   # N1 is O0 C
_NOTE_STEPS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
# Only sharps and flats that land on a black key exist in GW-BASIC's table.
_BLACK_KEYS = {"C#", "D-", "D#", "E-", "F#", "G-", "G#", "A-", "A#", "B-"}
_ARTICULATION = {"N": 7 / 8, "L": 1.0, "S": 3 / 4}
_SHORTEST_SOUND = 1 / 44      # GW-BASIC: a shorter SOUND plays until the next one
_MAX_EXPANSION = 100_000      # characters X may splice in, so "XA$;" in A$ cannot hang
_VARPTR_TYPES = {"%": 2, "$": 3, "!": 4, "#": 8}


# Nodes

@dataclass(frozen=True)
class Beep(ast.Stmt):
    pass


@dataclass(frozen=True)
class Sound(ast.Stmt):
    frequency: ast.Expr
    duration: ast.Expr


@dataclass(frozen=True)
class Play(ast.Stmt):
    music: ast.Expr
    voices: tuple[ast.Expr, ...] = ()     # PCjr's second and third voices: checked, not heard
    bad_list: bool = False                # more than three strings, or a comma at the end


# Parsing (mixed into timewarp.basic.parser.StatementParser)

class SoundStatementParser:
    def st_BEEP(self) -> ast.Stmt:
        if self.accept("kw", "ON") or self.accept("kw", "OFF"):
            return ast.NoOp("BEEP")       # PCjr's speaker switch: always on here
        return Beep()

    def st_SOUND(self) -> ast.Stmt:
        if self.accept("kw", "ON") or self.accept("kw", "OFF"):
            return ast.NoOp("SOUND")      # PCjr's external speaker switch
        frequency = self._num(self.expression())
        self.expect("op", ",")
        return Sound(frequency, self._num(self.expression()))

    def st_PLAY(self) -> ast.Stmt:
        # PLAY ON/OFF/STOP switch ON PLAY trapping, which never fires here (no background).
        if self.accept("kw", "ON") or self.accept("kw", "OFF") or self.accept("kw", "STOP"):
            return ast.NoOp("PLAY")
        if self.at_end():
            raise BasicError("Missing operand", detail="PLAY needs a string of notes")
        strings = [self.expression()]
        bad_list = False
        while self.accept("op", ","):
            if self.at_end():
                bad_list = True       # GW-BASIC plays the strings before it says so
                break
            strings.append(self.expression())
        if any(s.type != "$" for s in strings):
            raise BasicError("Type mismatch", detail="PLAY takes strings of notes")
        return Play(strings[0], tuple(strings[1:]), bad_list or len(strings) > 3)

    def sound_function(self, name: str) -> ast.Expr | None:
        """VARPTR$(variable): read where the name stands (see expressions.name_expression)."""
        if name != "VARPTR$" or not self.at_op("("):
            return None
        self.i += 1
        tok = self.expect("name", what="a variable name")
        key = self.names.key(tok.value)
        variable = ast.ArrayElement(key, self.arguments()) if self.at_op("(") else \
            ast.Variable(key)
        self.expect("op", ")")
        return ast.BuiltinCall("VARPTR$", (ast.String(key), variable), "$")


# Compiling (mixed into timewarp.basic.statements.StatementCompiler)

class SoundStatementCompiler:
    def s_Beep(self, s: Beep) -> None:
        self.emit("_rt.music.beep()")

    def s_Sound(self, s: Sound) -> None:
        self.emit(f"_rt.music.sound({self.exprs.value(s.frequency)}, "
                  f"{self.exprs.value(s.duration)})")

    def s_Play(self, s: Play) -> None:
        strings = (s.music, *s.voices)
        music = ", ".join(self.exprs.value(e) for e in strings)
        extra = f", bad_list={s.bad_list}" if s.bad_list else ""
        if all(isinstance(e, ast.String) and not ({"=", "X"} & set(e.value.upper()))
               for e in strings):
            self.emit(f"_rt.music.play(({music},){extra})")
            return
        # A string may name variables (X A$; and =N;): give PLAY a way to read them.
        # Paid only by PLAY statements that may need it; built only when PLAY asks.
        pairs = ", ".join(f"{_key_of(name) + ('()' if name[0] == 'a' else '')!r}: {name}"
                          for name in sorted(self.names) if name[0] in "av")
        self.emit(f"_rt.music.play(({music},), lambda: _rt.music.visible(_V, _A, {{{pairs}}})"
                  f"{extra})")


def _subscripts(indexes: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, indexes)) + ")"


def _scalar_key(name: str, variables: dict) -> str:
    if name[-1] in "$%!#":
        return name
    return next((name + s for s in "!%#" if name + s in variables), name + "!")


def _key_of(name: str) -> str:
    """The variable key of a compiled variable name ("vS_A" -> "A!")."""
    suffix = {"S": "!", "D": "#", "I": "%", "T": "$"}[name[1]]
    return name[3:].replace("_dot_", ".").replace("_h_", "\0") + suffix


#: Python for the functions of this module (see python_expressions).
FUNCTION_CODE = {"PLAY": "_rt.music.queued({0})",
                 "VARPTR$": "_rt.music.varptr_string({0}, {1})"}


# Running

class PlayState:
    """What PLAY remembers between strings (and cells): GW-BASIC's defaults."""

    def __init__(self) -> None:
        self.octave = 4
        self.length = 1 / 4        # of a whole note
        self.tempo = 120           # quarter notes a minute
        self.fill = 7 / 8
        self.foreground = True

    @property
    def whole_note(self) -> float:
        return 240 / self.tempo


class BasicMusic:
    """The runtime's sound: the tune played so far and PLAY's state (``_rt.music``)."""

    def __init__(self) -> None:
        self.tune = Tune()
        self.state = PlayState()
        self.pointers: dict[tuple, int] = {}     # (variable key, value) -> VARPTR$ handle

    def beep(self) -> None:
        self.tune.add(800, 0.25)

    def sound(self, frequency, duration) -> None:
        frequency = _cint(frequency)
        if not -65535 <= duration <= 65535:
            raise BasicError("Illegal function call",
                             detail=f"SOUND's duration {duration:g} is not between 0 and 65535")
        if duration == 0:
            return     # stops the sound playing: nothing is playing while a program runs
        if frequency != 0 and not 37 <= frequency <= 32767:
            raise BasicError("Illegal function call",
                             detail=f"SOUND's frequency {frequency} is not between 37 and 32767")
        if duration < _SHORTEST_SOUND:
            return     # GW-BASIC plays it until the next sound: no length to record
        self.tune.add(frequency, duration / TICKS_PER_SECOND)

    def queued(self, voice) -> int:
        """PLAY(n): notes waiting in the background queue, always none here."""
        if not 0 <= _int(voice) <= 255:
            raise BasicError("Illegal function call", detail="PLAY(n) takes n from 0 to 255")
        return 0

    def varptr_string(self, key: str, value, address: int | None = None) -> str:
        """VARPTR$(v): a type byte and a two-byte handle that PLAY's X and = understand.
        The handle keeps the variable's value as VARPTR$ saw it; it is the variable's
        address when the program keeps the data segment's ledger (timewarp.basic.data_segment),
        a number of its own otherwise."""
        if address is not None:
            self.pointers[(key, value)] = address
        handle = self.pointers.setdefault((key, value), len(self.pointers))
        if handle > 0xFFFF:
            raise BasicError("Out of memory", detail="too many different VARPTR$ values")
        return chr(_VARPTR_TYPES[key[-1]]) + chr(handle & 0xFF) + chr(handle >> 8)

    @staticmethod
    def visible(scalars: dict, arrays: dict, region: dict) -> dict:
        """The variables a PLAY string can name: the program's (arrays as "KEY()"), with
        this region's own values over those kept from earlier cells."""
        found = dict(scalars)
        found.update((key + "()", array) for key, array in arrays.items())
        found.update(region)
        return found

    def play(self, strings: tuple[str, ...], variables: Callable[[], dict] | None = None,
             bad_list: bool = False) -> None:
        """PLAY: the first string is heard; PCjr's other voices are read for mistakes only
        (the PC speaker has one voice)."""
        if not any(strings):
            raise BasicError("Missing operand", detail="PLAY needs a string of notes")
        MusicMacro(self, strings[0], variables).run()
        for voice in strings[1:]:
            silent = BasicMusic()
            silent.pointers = self.pointers
            MusicMacro(silent, voice, variables).run()
        if bad_list:
            raise BasicError("Syntax error", detail="PLAY takes at most three strings")


class MusicMacro:
    """One PLAY string, read command by command into the tune."""

    def __init__(self, music: BasicMusic, text: str,
                 variables: Callable[[], dict] | None) -> None:
        self.music = music
        self.state = music.state
        self.text = text
        self.pos = 0
        self.variables = variables
        self.expanded = 0

    def fail(self, detail: str) -> None:
        raise BasicError("Illegal function call", detail=f"PLAY: {detail}")

    # Reading characters; only spaces are blanks in the macro language

    def skip_blanks(self) -> str:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1
        return self.text[self.pos].upper() if self.pos < len(self.text) else ""

    def read(self) -> str:
        c = self.skip_blanks()
        self.pos += bool(c)
        return c

    def read_if(self, chars: str) -> str:
        c = self.skip_blanks()
        if c and c in chars:
            self.pos += 1
            return c
        return ""

    def digits(self) -> str:
        out = ""
        while (c := self.skip_blanks()) and c.isdigit() and c.isascii():
            out += c
            self.pos += 1
        return out

    # Commands

    def run(self) -> None:
        while c := self.read():
            if c == ";":
                c = self.read()      # one semicolon may stand before a command
                if not c:
                    break
            self.command(c)

    def command(self, c: str) -> None:
        state = self.state
        if c in "ABCDEFGP":
            self.note(c)
        elif c == "N":
            number = self.number("N", 0, 84)
            seconds = self.dotted(state.length) * state.whole_note
            if number == 0:
                self.music.tune.add(0, seconds)
            else:
                self.music.tune.add(NOTE_FREQUENCIES[number - 1], seconds, state.fill)
        elif c == "L":
            state.length = 1 / self.number("L", 1, 64)
        elif c == "T":
            state.tempo = self.number("T", 32, 255)
        elif c == "O":
            state.octave = self.number("O", 0, 6)
        elif c == ">":
            state.octave = min(state.octave + 1, 6)
        elif c == "<":
            state.octave = max(state.octave - 1, 0)
        elif c == "M":
            self.mode()
        elif c == "X":
            self.splice(self.string_argument())
        else:
            self.fail(f"{c!r} is not a music command (at character {self.pos})")

    def note(self, letter: str) -> None:
        state = self.state
        accidental = self.read_if("#+-")
        step = {"#": 1, "+": 1, "-": -1}.get(accidental, 0)
        name = letter + {1: "#", -1: "-", 0: ""}[step]
        digits = self.digits()
        length = int(digits) if digits else None
        if length is not None and length > 64:
            self.fail(f"the length {letter}{length} is more than 64")
        fraction = 1 / length if length else state.length
        while self.read_if("."):
            if letter == "P" and length == 0:
                self.fail("P0 cannot have a dot")
            fraction *= 1.5
        seconds = fraction * state.whole_note
        if letter == "P":
            if length is None:
                self.fail("P needs a length, such as P4")
            if length:
                self.music.tune.add(0, seconds)
            return
        if step and name not in _BLACK_KEYS:
            self.fail(f"there is no note {name} (no black key there)")
        index = state.octave * 12 + _NOTE_STEPS[letter] + step
        self.music.tune.add(NOTE_FREQUENCIES[index], seconds, state.fill)

    def dotted(self, fraction: float) -> float:
        while self.read_if("."):
            fraction *= 1.5
        return fraction

    def mode(self) -> None:
        c = self.read()
        if c in _ARTICULATION:
            self.state.fill = _ARTICULATION[c]
        elif c in ("F", "B"):
            self.state.foreground = c == "F"
        else:
            self.fail(f"M{c} is not a mode (MN, ML, MS, MF or MB)")

    # Arguments: a number, =name; or = followed by VARPTR$

    def number(self, command: str, low: int, high: int) -> int:
        c = self.skip_blanks()
        sign = -1 if c == "-" else 1
        if c in ("+", "-"):
            self.pos += 1
            c = self.text[self.pos:self.pos + 1]
        if c == "=":
            self.pos += 1
            value = self.variable_value(numeric=True)
        elif c and c.isdigit() and c.isascii():
            value = int(self.digits())
        else:
            self.fail(f"{command} needs a number")
        value *= sign
        if not low <= value <= high:
            self.fail(f"{command}{value} is out of range ({command}{low} to {command}{high})")
        return value

    def string_argument(self) -> str:
        if not self.skip_blanks():
            self.fail("X needs a string variable, such as XA$;")
        return self.variable_value(numeric=False)

    def variable_value(self, numeric: bool):
        c = self.text[self.pos:self.pos + 1]
        if not c:
            self.fail("= needs a variable, such as =N;")
        if ord(c) <= 8:
            key, value = self.pointed_variable()
        else:
            key, value = self.named_variable()
        if numeric != (key[-1] != "$"):
            wanted = "a number" if numeric else "a string"
            raise BasicError("Type mismatch", detail=f"PLAY: {key.rstrip('!')} is not {wanted}")
        return _cint(value) if numeric else value

    def pointed_variable(self) -> tuple[str, object]:
        handle = self.text[self.pos:self.pos + 3]
        self.pos += 3
        number = ord(handle[1]) + 256 * ord(handle[2]) if len(handle) == 3 else -1
        for (key, value), known in self.music.pointers.items():
            if known == number and chr(_VARPTR_TYPES[key[-1]]) == handle[0]:
                return key, value
        self.fail("this VARPTR$ does not point at a variable")

    def name(self) -> str:
        self.skip_blanks()
        start = self.pos
        while self.pos < len(self.text) and (self.text[self.pos].isalnum() or
                                             self.text[self.pos] == "."):
            self.pos += 1
        name = self.text[start:self.pos].upper()
        if self.pos < len(self.text) and self.text[self.pos] in "$%!#":
            name += self.text[self.pos]
            self.pos += 1
        if not name or not name[0].isalpha():
            self.fail("expected a variable name")
        return name

    def named_variable(self) -> tuple[str, object]:
        name = self.name()
        indexes = self.indexes() if self.skip_blanks() in ("(", "[") else None
        if self.read() != ";":
            self.fail(f"a ; must follow the variable {name}")
        variables = self.lookup()
        mark = "()" if indexes is not None else ""
        # No suffix: the variable of that name, whatever DEFtype made it (single if none).
        key = next((name + s for s in "!%#$" if name + s + mark in variables),
                   name + "!") if name[-1] not in "$%!#" else name
        default = "" if key[-1] == "$" else 0
        if indexes is None:
            return key, variables.get(key, default)
        value = variables.get(key + mark)
        try:
            for index in indexes:
                if value is None:
                    return key, default        # an array never used: all zeros or ""
                value = value[index]
        except (IndexError, TypeError):
            raise BasicError("Subscript out of range", detail=f"PLAY: {name}{_subscripts(indexes)}") from None
        if isinstance(value, list) or value.__class__.__name__ == "Below":
            raise BasicError("Subscript out of range", detail=f"PLAY: {name}{_subscripts(indexes)}")
        return key, value

    def indexes(self) -> tuple[int, ...]:
        """Subscripts in a PLAY string: whole numbers or variables, as =B(I); has them."""
        self.pos += 1
        out = []
        while True:
            digits = self.digits()
            out.append(int(digits) if digits else _cint(self.lookup().get(
                _scalar_key(self.name(), self.lookup()), 0)))
            if not self.read_if(","):
                break
        if not self.read_if(")]"):
            self.fail("a subscript needs its closing bracket")
        return tuple(out)

    def lookup(self) -> dict:
        return self.variables() if self.variables is not None else {}

    def splice(self, sub: str) -> None:
        """X: the string's commands run here, as if written in place."""
        self.expanded += len(sub)
        if self.expanded > _MAX_EXPANSION:
            raise BasicError("Out of memory", detail="PLAY: X keeps playing itself")
        self.text = self.text[:self.pos] + sub + self.text[self.pos:]
