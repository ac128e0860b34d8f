"""GW-BASIC's text screen: a grid of character codes and colours, a cursor, a scrolling window.

Plain programs never meet this: their PRINT goes to the cell's output stream as it always
did, at the same speed.  A program whose text names a screen word (LOCATE, CLS, COLOR,
CSRLIN, SCREEN, VIEW, WIDTH, PEEK/POKE, PCOPY...; see :func:`program_uses_screen`) gets a
:class:`TextScreen` when it starts, which reads everything the runtime flushes, exactly as
the real screen would show it, so that CSRLIN, SCREEN(row, col) and PEEK of screen memory
answer as GW-BASIC does.  The output stays a stream until the program *positions* text
(LOCATE, VIEW PRINT, COLOR in text mode, POKE into screen memory, or CLS with text on the
screen); from then on the cell shows the screen itself, through the console's
``show_screen`` (see :mod:`timewarp.engine`): live in a notebook, as plain rows at the end
at the command line and in transcripts.

Rows and columns count from 1, as in LOCATE.  Row 25 is outside the scrolling window, as in
GW-BASIC; the function-key line GW-BASIC shows there with KEY ON is never drawn (a notebook
has no function keys), so row 25 is free for the program.
"""

from __future__ import annotations

import html
import re

from timewarp.basic.errors import BasicError

ROWS = 25
DEFAULT_ATTRIBUTE = 7          # light grey on black
#: What CP437's codes 1-31 and 127 look like on screen (the codec only knows them as controls).
_LOW_GLYPHS = " ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼"
GLYPHS = [_LOW_GLYPHS[code] if code < 32 else bytes([code]).decode("cp437")
          for code in range(256)]
GLYPHS[127] = "⌂"
_CODES = {glyph: code for code, glyph in enumerate(GLYPHS) if code >= 128}
#: The 16 CGA colours, as CSS colours for the notebook's view of the screen.
CGA = ("#000000", "#0000aa", "#00aa00", "#00aaaa", "#aa0000", "#aa00aa", "#aa5500", "#aaaaaa",
       "#555555", "#5555ff", "#55ff55", "#55ffff", "#ff5555", "#ff55ff", "#ffff55", "#ffffff")
# Control characters PRINT obeys instead of showing (GW-BASIC's screen editor codes).
_CONTROLS = re.compile(r"[\x07\x09-\x0d\x1c-\x1f]")


def program_uses_screen(lines) -> bool | None:
    """None when a program's text names no word that needs the text screen (decided once,
    when the program is compiled, so that programs without them pay nothing); True when it
    positions text (LOCATE, VIEW PRINT, PCOPY, BLOAD, POKE into screen memory), so the cell
    shows the screen from the start; False when it only reads the screen or clears it."""
    # Only the code counts: a game that prints "LOCATED" or has "REM WIDTH 80" needs no screen.
    texts = [_code_part(line.text) for line in lines if line.text]
    if not any(_SCREEN_WORDS.search(text) for text in texts):
        return None
    return any(_POSITIONING_WORDS.search(text) for text in texts)


_SCREEN_WORDS = re.compile(
    r"LOCATE|CSRLIN|SCREEN|(?<!PEN)COLOR|CLS|VIEW|(?<!PEN)WIDTH|PEEK|POKE|PCOPY|BLOAD|BSAVE",
    re.IGNORECASE)
_STRING_OR_COMMENT = re.compile(r'"[^"]*(?:"|$)|(?:\bREM|\').*', re.IGNORECASE)


def _code_part(text: str) -> str:
    """A line's text without its string constants and its remark."""
    return _STRING_OR_COMMENT.sub(" ", text)


# POKE counts when the program names the screen's segment (&HB800, &HB000 or in decimal).
_POSITIONING_WORDS = re.compile(r"LOCATE|VIEW\s*PRINT|PCOPY|BLOAD|&HB[08]00|47104|45056",
                                re.IGNORECASE)


def code_of(char: str) -> int:
    """The screen code of one character of a BASIC string (Unicode box drawing typed in a
    notebook becomes its CP437 code)."""
    code = ord(char)
    return code if code < 256 else _CODES.get(char, 63)


class TextScreen:
    """The text screen of one session; ``rt`` is the runtime it serves."""

    def __init__(self, rt, width: int = 80) -> None:
        self.rt = rt
        self.mode = 0
        self.viewing = False       # the cell shows this screen instead of its stream
        self.printed = False       # the cell has printed on this screen
        self.revision = 0
        self.foreground, self.background = 7, 0
        self.attribute = DEFAULT_ATTRIBUTE
        self.key_line = False
        self.resize(width, ROWS)

    def begin(self, positions: bool) -> None:
        """A program starts: one that positions text shows the screen from the start, so
        nothing it prints appears twice (once in the stream, then on the screen)."""
        if positions:
            self.show()

    # Size and window

    def resize(self, width: int, rows: int = ROWS) -> None:
        self.width, self.rows = width, rows
        self.chars = [bytearray(b" " * width) for _ in range(rows)]
        self.attrs = [bytearray([self.attribute]) * width for _ in range(rows)]
        #: wrapped[r]: row r + 1 goes on into the next row, one logical line (True: a line
        #: longer than the screen; screen_editor.FED: a row the screen editor's Ctrl-J
        #: ended), which the screen editor reads as one (timewarp.basic.screen_editor).
        self.wrapped = [False] * rows
        self.top, self.bottom = 1, rows - 1
        self.window = False        # VIEW PRINT has set rows apart
        self.row, self.col = 1, 1
        self.overflow = False      # the last column was written: the next character wraps
        self.rt.width = width
        self.rt.column = 0
        self.changed()

    def set_mode(self, mode: int, columns: int, rows: int) -> None:
        """SCREEN changed the mode (the graphics side calls this): a new, empty screen."""
        self.mode = mode
        self.resize(columns or self.width, rows or ROWS)

    def set_width(self, columns: int) -> None:
        if columns not in (40, 80):
            raise BasicError("Illegal function call", detail="WIDTH takes 40 or 80")
        if columns != self.width:
            self.resize(columns, self.rows)

    def view_print(self, top: int | None, bottom: int | None) -> None:
        """VIEW PRINT top TO bottom (without numbers: the whole screen but the last row)."""
        self.rt.flush()
        if top is None:
            # The whole screen again; the cursor stays where it is.
            self.top, self.bottom, self.window = 1, self.rows - 1, False
            return
        if not 1 <= top <= bottom <= self.rows - 1:
            raise BasicError("Illegal function call", detail="VIEW PRINT rows are outside the screen")
        self.top, self.bottom, self.window = top, bottom, True
        self.move(top, 1)
        self.show()

    # Cursor

    def move(self, row: int, col: int) -> None:
        self.row, self.col, self.overflow = row, col, False
        self.rt.column = col - 1

    def locate(self, row=None, col=None, cursor=None, start=None, stop=None) -> None:
        """LOCATE: values left out keep their setting; the cursor shape is accepted."""
        self.rt.flush()
        row = self.row if row is None else row
        col = self.col if col is None else col
        for value, low, high in ((row, 1, self.rows), (col, 1, self.width), (cursor, 0, 1),
                                 (start, 0, 31), (stop, 0, 31)):
            if value is not None and not low <= value <= high:
                raise BasicError("Illegal function call",
                                 detail=f"LOCATE {value} is outside the screen")
        if row != self.rows and not self.top <= row <= self.bottom:
            raise BasicError("Illegal function call", detail="LOCATE is outside the VIEW PRINT rows")
        self.move(row, col)
        self.show()

    def csrlin(self) -> int:
        self.rt.flush()
        return self.row

    def character(self, row, col, attribute=None) -> int:
        """SCREEN(row, col[, z]): the character code there, or with z <> 0 its colour byte."""
        self.rt.flush()
        # Row or column 0 reads as 1 (not both), as GW-BASIC does; in a VIEW PRINT window
        # only its rows can be read.
        if not (0 <= row <= self.rows and 0 <= col <= self.width) or row == col == 0:
            raise BasicError("Illegal function call", detail="SCREEN() is outside the screen")
        row, col = row or 1, col or 1
        if self.window and not self.top <= row <= self.bottom:
            raise BasicError("Illegal function call", detail="SCREEN() is outside VIEW PRINT's rows")
        if attribute:
            return self.attrs[row - 1][col - 1]
        return self.chars[row - 1][col - 1]

    # Writing

    def put(self, text: str) -> None:
        """Text the runtime printed, as the screen shows it."""
        self.printed = True
        start = 0
        for control in _CONTROLS.finditer(text):
            self._run(text[start:control.start()])
            self._control(control.group())
            start = control.end()
        self._run(text[start:])
        self.changed()

    def _run(self, text: str) -> None:
        if not text:
            return
        codes = text.encode("latin-1") if text.isascii() else bytes(code_of(c) for c in text)
        width = self.width
        while codes:
            if self.overflow:
                self._line_feed(wrap=True)
            room = width - self.col + 1
            piece, codes = codes[:room], codes[room:]
            row, col = self.row - 1, self.col - 1
            self.chars[row][col:col + len(piece)] = piece
            self.attrs[row][col:col + len(piece)] = bytes([self.attribute]) * len(piece)
            if col + len(piece) >= width:
                self.col, self.overflow = width, True
            else:
                self.col += len(piece)

    def _control(self, char: str) -> None:
        if char in "\n\r":
            self._line_feed()
        elif char == "\t":
            self._run(" " * (8 - (self.col - 1) % 8))
        elif char == "\x0b":
            self.move(self.top, 1)
        elif char == "\x0c":
            self.clear(2)
        elif char == "\x1c":
            self.col = min(self.col + 1, self.width)
        elif char == "\x1d":
            self.col = max(self.col - 1, 1)
        elif char == "\x1e":
            self.row = max(self.row - 1, self.top)
        elif char == "\x1f":
            self.row = min(self.row + 1, self.bottom)
        # CHR$(7), the bell, sounds nowhere.

    def _line_feed(self, wrap: bool = False) -> None:
        self.wrapped[self.row - 1] = wrap
        self.col, self.overflow = 1, False
        if self.row == self.bottom or self.row == self.rows:
            if self.row == self.bottom:
                self.scroll_up()
        else:
            self.row += 1

    def scroll_up(self, first: int | None = None) -> None:
        """The rows from ``first`` (the window's top) to its bottom move up one; a blank
        row comes in at the bottom."""
        top, bottom = (self.top if first is None else first) - 1, self.bottom
        self.chars[top:bottom] = self.chars[top + 1:bottom] + [bytearray(b" " * self.width)]
        self.attrs[top:bottom] = self.attrs[top + 1:bottom] + [
            bytearray([self.attribute]) * self.width]
        self.wrapped[top:bottom] = self.wrapped[top + 1:bottom] + [False]

    def scroll_down(self, first: int) -> None:
        """A blank row comes in at ``first``; the rows from there to the window's bottom
        move down one (the bottom one is lost)."""
        top, bottom = first - 1, self.bottom
        if top >= bottom:
            return
        self.chars[top:bottom] = [bytearray(b" " * self.width)] + self.chars[top:bottom - 1]
        self.attrs[top:bottom] = [bytearray([self.attribute]) * self.width] + self.attrs[top:bottom - 1]
        self.wrapped[top:bottom] = [False] + self.wrapped[top:bottom - 1]

    def echo_input(self, prompt: str, answer: str) -> None:
        """An INPUT's prompt and the answer typed, as the screen echoes them."""
        self.put(prompt + answer + "\n")

    # Clearing and colour

    def clear(self, mode: int | None = None) -> None:
        """CLS: 0 the whole screen, 2 (or none) the VIEW PRINT window; 1 is graphics only."""
        self.rt.flush()
        if mode == 1:
            return
        first, last = (1, self.rows) if mode == 0 else (self.top, self.bottom)
        blank = self.background << 4 | (self.foreground & 15)
        for row in range(first - 1, last):
            self.chars[row] = bytearray(b" " * self.width)
            self.attrs[row] = bytearray([blank]) * self.width
            self.wrapped[row] = False
        self.move(self.top, 1)
        self.changed()

    def statement_cls(self, mode: int | None = None) -> None:
        """CLS [n]: clearing a screen that this cell printed on switches the cell to it."""
        if mode is not None and not 0 <= mode <= 2:
            raise BasicError("Illegal function call", detail="CLS takes 0, 1 or 2")
        from timewarp.basic import graphics
        clear_graphics = getattr(graphics, "clear_graphics", None)
        if clear_graphics is not None:
            clear_graphics(self.rt, mode)
        elif mode != 2:
            self.rt.clear_screen()
        self.rt.flush()
        if self.printed or self.viewing:
            self.show()
        self.clear(mode)

    def colour(self, foreground=None, background=None, border=None) -> None:
        """COLOR in text mode: foreground 0-31 (16 and up blink), background 0-15."""
        self.rt.flush()
        for value, high in ((foreground, 31), (background, 15), (border, 15)):
            if value is not None and not 0 <= value <= 255:
                raise BasicError("Illegal function call")
            if value is not None and self.mode == 0 and value > high:
                raise BasicError("Illegal function call", detail=f"COLOR {value} is out of range")
        if foreground is not None:
            self.foreground = foreground
        if background is not None:
            self.background = background
        self.attribute = ((self.foreground & 16) << 3 | (self.background & 7) << 4
                          | (self.foreground & 15))
        if self.mode == 0:
            self.show()

    # Memory (the machine's view of &HB800: character, attribute, character, ...)

    def peek(self, offset: int) -> int:
        self.rt.flush()
        row, col, which = self._cell(offset)
        if row is None:
            return 0
        return (self.attrs if which else self.chars)[row][col]

    def poke(self, offset: int, value: int) -> None:
        row, col, which = self._cell(offset)
        self.rt.flush()
        if row is None:
            return
        (self.attrs if which else self.chars)[row][col] = value
        self.show()
        self.changed()

    def _cell(self, offset: int):
        cell, which = divmod(offset, 2)
        row, col = divmod(cell, self.width)
        if row >= self.rows:
            return None, None, which
        return row, col, which

    # What the front end shows

    def show(self) -> None:
        """The program positions text: from now on this cell shows the screen."""
        if not self.viewing:
            self.rt.flush()
            self.viewing = True
        self.changed()

    def changed(self) -> None:
        self.revision += 1
        if self.viewing:
            _show(self.rt.console, self, False)

    def end_of_cell(self) -> None:
        if self.viewing:
            _show(self.rt.console, self, True)
        self.viewing = self.printed = False

    def lines(self) -> list[str]:
        """The screen's rows as text, blanks at the end of each row and the screen dropped."""
        rows = ["".join(GLYPHS[c] for c in row).rstrip() for row in self.chars]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    def as_text(self) -> str:
        return "".join(row + "\n" for row in self.lines())

    def as_ansi(self) -> str:
        """The screen for a terminal: its rows with the colours as escape codes."""
        out = []
        for chars, attrs in zip(self.chars[:len(self.lines())], self.attrs):
            end = len(bytes(chars).rstrip(b" "))
            row, current = [], DEFAULT_ATTRIBUTE
            for code, attribute in zip(chars[:end], attrs[:end]):
                if attribute != current:
                    row.append("\x1b[0m" if attribute == DEFAULT_ATTRIBUTE else _ansi(attribute))
                    current = attribute
                row.append(GLYPHS[code])
            out.append("".join(row) + ("\x1b[0m" if current != DEFAULT_ATTRIBUTE else "") + "\n")
        return "".join(out)

    def as_html(self) -> str:
        """The screen as a <pre> of escaped text in coloured spans (never the program's text
        as markup)."""
        out = [('<pre class="timewarp-text-screen" style="background:#000;color:#aaa;'
               'padding:4px;line-height:1.2;font-family:monospace;display:inline-block">')]
        used = len(self.lines()) or 1
        for chars, attrs in zip(self.chars[:used], self.attrs[:used]):
            start = 0
            for col in range(1, self.width + 1):
                if col == self.width or attrs[col] != attrs[start]:
                    out.append(_span(chars[start:col], attrs[start]))
                    start = col
            out.append("\n")
        out.append("</pre>")
        return "".join(out)


def _show(console, screen: TextScreen, final: bool) -> None:
    """Hand the screen to the front end; a console that does not know screens gets the
    final screen as text: plain rows, or in colour when it writes to a terminal."""
    show = getattr(console, "show_screen", None)
    if show is not None:
        show(screen, final)
    elif final:
        stream = getattr(console, "stdout", None)
        terminal = stream is not None and getattr(stream, "isatty", lambda: False)()
        console.write(screen.as_ansi() if terminal else screen.as_text())


# CGA's colour order (blue before red) to the terminal's (red before blue).
_ANSI = (0, 4, 2, 6, 1, 5, 3, 7)


def _ansi(attribute: int) -> str:
    foreground, background = attribute & 15, (attribute >> 4) & 7
    code = (90 if foreground > 7 else 30) + _ANSI[foreground & 7]
    return f"\x1b[{code};{40 + _ANSI[background]}m"


def _span(codes: bytes, attribute: int) -> str:
    text = html.escape("".join(GLYPHS[c] for c in codes))
    if attribute == DEFAULT_ATTRIBUTE:
        return text
    style = f"color:{CGA[attribute & 15]}"
    if attribute & 0x70:
        style += f";background:{CGA[(attribute >> 4) & 7]}"
    return f'<span style="{style}">{text}</span>'
