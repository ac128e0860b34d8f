"""GW-BASIC's screen editor: lines are typed onto the text screen and read back from it.

GW-BASIC had no line editor of its own.  Whatever was typed went onto the screen at the
cursor; the cursor keys moved over the whole screen; Enter read back the *logical line*
under the cursor (a line longer than the screen goes on into the next rows, and so does a
row ended with Ctrl-J) and handed it to the prompt, or to INPUT.  So a line LIST showed could
be changed where it stood and entered again, a line number could be typed over, and Esc
wiped the line being typed.

:class:`ScreenEditor` is that editor over :class:`timewarp.basic.text_screen.TextScreen`,
fed one key at a time in GW-BASIC's codes (:mod:`timewarp.keys`: a character, or NUL and a
scan code for a cursor key).  It knows nothing of where the keys come from: ``timewarp
basic --screen`` gives it a terminal's keys (:mod:`timewarp.basic.terminal`), and PC-BASIC's
test suite (tools/pcbasic_suite.py) types its keys through it, as GW-BASIC's keyboard did.

The keys: Enter; the arrows; Home (the screen's top left) and End (the end of the logical
line); Ins (insert mode until a cursor key) and Del; Backspace; Tab; Esc (wipe the logical
line); Ctrl-E or Ctrl-End (wipe from the cursor to its end); Ctrl-J (go on in the next
row); Ctrl-C (give the line up).  GW-BASIC's Ctrl-key twins of the arrows (Ctrl-\\,
Ctrl-], Ctrl-6, Ctrl-minus) and of Home (Ctrl-K) and End (Ctrl-N) work too.
"""

from __future__ import annotations

from collections.abc import Callable

from timewarp.basic.text_screen import code_of
from timewarp.keys import DELETE, DOWN, END, HOME, INSERT, LEFT, RIGHT, UP

CTRL_END = "\0u"
BREAK = "\x03"
#: TextScreen.wrapped for a row Ctrl-J ended (a long line's rows are True).
FED = 2
#: At most this much of a logical line is read, as in GW-BASIC.
LONGEST = 255
#: The keys that move the cursor (GW-BASIC's Ctrl-key twins too), which end insert mode.
_MOVES = frozenset((UP, DOWN, LEFT, RIGHT, HOME, END, "\x1e", "\x1f", "\x1c", "\x1d", "\x0b",
                    "\x0e"))


class ScreenEditor:
    """Reads lines typed onto ``screen``; ``next_key`` gives each key (EOFError at the end)."""

    def __init__(self, screen, next_key: Callable[[], str]) -> None:
        self.screen = screen
        self.next_key = next_key
        self.inserting = False

    def read_line(self, prompt_width: int = 0, answer: bool = False) -> str:
        """The logical line under the cursor when Enter is pressed, without its blanks at the
        end; Ctrl-C gives :data:`BREAK`.  The cursor then starts the next row.

        For an ``answer`` (INPUT's), the line is read from column ``prompt_width`` + 1, after
        the question, and on one row only as far right as the cursor went on the question's
        row, as GW-BASIC reads it (so moving left into the question takes it in too)."""
        s = self.screen
        s.rt.flush()
        if s.row > 1:
            s.wrapped[s.row - 2] = False      # what is typed now starts a logical line
        start_row, left, right = s.row, prompt_width + 1, s.col
        try:
            while True:
                key = self.next_key()
                if key in _MOVES:
                    self.inserting = False
                if key == "\r":
                    break
                if key == BREAK:
                    self._new_row(self._end_of(s.row))
                    return BREAK
                self._press(key, start_row, left, answer)
                if s.row == start_row:
                    left = min(s.col, left)
                    right = max(s.col + (1 if s.overflow else 0), right)
        finally:
            self.inserting = False
        row, first = s.row, self._start_of(s.row)
        if answer and row == start_row:
            # Enter on the question's row: as far right as the cursor went on it.
            text = bytes(s.chars[row - 1][left - 1:right - 1]).decode("cp437")
        else:
            text = self._logical_text(first, left if answer and first == start_row else 1,
                                      feeds=answer)
        self._new_row(self._end_of(row))
        return text[:LONGEST].rstrip(" \t\n")

    # Keys

    def _press(self, key: str, start_row: int, left: int, answer: bool) -> None:
        s = self.screen
        if key in (UP, "\x1e"):
            self._vertical(max(s.row - 1, 1))
        elif key in (DOWN, "\x1f"):
            self._vertical(min(s.row + 1, s.bottom))
        elif key in (RIGHT, "\x1c"):
            self._right()
        elif key in (LEFT, "\x1d"):
            self._left()
        elif key in (HOME, "\x0b"):
            self._place(1, 1)
        elif key in (END, "\x0e"):
            row = self._end_of(s.row)
            self._place(row, min(self._length(row) + 1, s.width))
        elif key in (INSERT, "\x12"):
            self.inserting = not self.inserting
        elif key in (DELETE, "\x7f"):
            self._delete()
        elif key == "\x08":
            # Backspace stops at the start of the logical line and at INPUT's question.
            continued = s.row > 1 and s.wrapped[s.row - 2]
            if (s.row, s.col) != (start_row, left) and (s.col > 1 or continued):
                self._left()
            self._delete()
        elif key == "\t":
            stop = min(9 + 8 * ((s.col - 1) // 8), s.width)
            if self.inserting:
                for _ in range(stop - s.col):
                    self._insert(" ")
            else:
                self._place(s.row, stop)
        elif key == "\n":
            self._line_feed()
        elif key == "\x1b":
            first = self._start_of(s.row)
            if first == start_row:
                self._wipe(first, left, keep_second_row=answer)
            else:
                self._wipe(first, 1)
        elif key in ("\x05", CTRL_END):
            self._wipe(s.row, s.col)
        elif key[:1] == "\0" or key == "\x07":
            pass                                  # other keys type nothing
        elif self.inserting:
            self._insert(key)
        else:
            self._type(key)

    def _type(self, char: str) -> None:
        """A character over the one at the cursor; past the last column the logical line
        goes on into a new row below."""
        s = self.screen
        if s.overflow:
            self._continue_row()
        s.chars[s.row - 1][s.col - 1] = code_of(char)
        s.attrs[s.row - 1][s.col - 1] = s.attribute
        if s.col < s.width:
            s.col += 1
        elif s.wrapped[s.row - 1]:
            self._place(s.row + 1, 1)
        else:
            s.overflow = True
        s.changed()

    def _insert(self, char: str) -> None:
        """A character at the cursor, the rest of the logical line moved right."""
        s = self.screen
        row, col = s.row, s.col
        carry = code_of(char)
        while True:
            line = s.chars[row - 1]
            line.insert(col - 1, carry)
            carry = line.pop()
            if carry == 32 and not s.wrapped[row - 1]:
                break
            if not s.wrapped[row - 1]:
                if row >= s.bottom:
                    break                          # the screen is full: the last one goes
                s.scroll_down(row + 1)
                s.wrapped[row - 1] = True
            row, col = row + 1, 1
        if s.col < s.width:
            s.col += 1
        else:
            self._place(s.row + 1, 1)
        s.changed()

    def _delete(self) -> None:
        """The character at the cursor goes; the rest of the logical line moves left."""
        s = self.screen
        row, col = s.row, s.col
        while True:
            line = s.chars[row - 1]
            del line[col - 1]
            if s.wrapped[row - 1] and row < s.rows:
                line.append(s.chars[row][0])
                row, col = row + 1, 1
            else:
                line.append(32)
                break
        s.changed()

    def _line_feed(self) -> None:
        """Ctrl-J: the rest of the row goes into a new row below, which the logical line
        goes on into."""
        s = self.screen
        row, col = s.row, s.col
        rest = bytes(s.chars[row - 1][col - 1:])
        if row >= s.bottom:
            return
        s.scroll_down(row + 1)
        s.wrapped[row - 1] = FED
        if rest.strip():
            s.chars[row - 1][col - 1:] = b" " * len(rest)
            s.chars[row][:len(rest)] = rest
            self._place(row, col)                  # the cursor stays where it was
        else:
            self._place(row + 1, 1)
        s.changed()

    def _wipe(self, row: int, col: int, keep_second_row: bool = False) -> None:
        """Esc, Ctrl-E: the logical line from (row, col) on is blanked; its other rows go.
        (Esc at INPUT, on the question's line, blanks its second row and leaves it there,
        as GW-BASIC does.)"""
        s = self.screen
        end = self._end_of(row)
        s.chars[row - 1][col - 1:] = b" " * (s.width - col + 1)
        kept = row
        if keep_second_row and end > row:
            kept = row + 1
            s.chars[kept - 1][:] = b" " * s.width
        for _ in range(end - kept):
            s.scroll_up(kept + 1)
        if kept == row:
            s.wrapped[row - 1] = False
        self._place(row, col)
        s.changed()

    # The cursor

    def _place(self, row: int, col: int) -> None:
        self.screen.move(row, col)

    def _vertical(self, row: int) -> None:
        """Up or down: the column stays, and so does being past the last one."""
        s = self.screen
        overflow = s.overflow
        self._place(row, s.col)
        s.overflow = overflow and s.col == s.width

    def _right(self) -> None:
        s = self.screen
        if s.col < s.width:
            self._place(s.row, s.col + 1)
        elif s.row < s.bottom:
            self._place(s.row + 1, 1)

    def _left(self) -> None:
        s = self.screen
        if s.overflow:
            s.overflow = False
        elif s.col > 1:
            self._place(s.row, s.col - 1)
        elif s.row > 1:
            self._place(s.row - 1, s.width)

    def _continue_row(self) -> None:
        """Typing past the last column: the row wraps into a new one below."""
        s = self.screen
        s.overflow = False
        if s.row >= s.bottom:
            s.scroll_up()
            s.wrapped[s.row - 2] = True
            self._place(s.row, 1)
            return
        if not s.wrapped[s.row - 1]:
            s.scroll_down(s.row + 1)
            s.wrapped[s.row - 1] = True
        self._place(s.row + 1, 1)

    def _new_row(self, row: int) -> None:
        """After Enter: the cursor starts the row below the logical line."""
        s = self.screen
        s.move(row, 1)
        s.put("\n")

    # Logical lines

    def _start_of(self, row: int) -> int:
        while row > 1 and self.screen.wrapped[row - 2]:
            row -= 1
        return row

    def _end_of(self, row: int) -> int:
        s = self.screen
        while row < s.rows and s.wrapped[row - 1]:
            row += 1
        return row

    def _length(self, row: int) -> int:
        return len(bytes(self.screen.chars[row - 1]).rstrip(b" "))

    def _logical_text(self, row: int, col: int, feeds: bool = False) -> str:
        """The logical line from (row, col) on; with ``feeds``, a row Ctrl-J ended ends with
        a line feed, as INPUT reads it.  (A program line reads the blanks after it instead,
        where GW-BASIC kept a line feed: both are blanks to BASIC, and a line feed would end
        the line in a file saved as text.)"""
        s = self.screen
        codes = bytearray()
        while True:
            chars = bytes(s.chars[row - 1][col - 1:])
            col = 1
            if feeds and s.wrapped[row - 1] == FED:
                chars = chars.rstrip(b" ") + b"\n"
            codes += chars
            if not s.wrapped[row - 1] or row >= s.rows:
                return bytes(codes).decode("cp437")
            row += 1
