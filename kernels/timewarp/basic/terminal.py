"""GW-BASIC's whole screen at a terminal: ``timewarp basic --screen``.

The terminal shows the 80 by 25 text screen as GW-BASIC showed it, redrawn as it changes, and
every key goes through GW-BASIC's screen editor (:mod:`timewarp.basic.screen_editor`): LIST a
program, go up to a line with the arrow keys, change it where it stands and press Enter, as
the books of the time taught.  INPUT's answers are typed after their question the same way.
Ctrl-C gives up the line being typed, or stops a running program (``Break in 20``).

Fed from a pipe instead (``timewarp basic --screen < keys.txt``), each character is a key
(a newline is Enter) and the screen is written out once, as plain rows, at the end: what
GW-BASIC showed after those keys.
"""

from __future__ import annotations

import select
import threading
import time
from typing import Any, ContextManager

from timewarp.engine import StreamConsole
from timewarp.interrupts import ordinary_interrupts
from timewarp.keys import TerminalKeys

#: The least time between two redraws while a program prints, in seconds.
FRAME = 0.05


class ScreenConsole(StreamConsole):
    """A console whose output is the text screen itself (the runtime puts all it prints
    there first): :meth:`write` and :meth:`show_screen` redraw it; :meth:`next_key` reads
    the keys."""

    def __init__(self, stdin, stdout) -> None:
        super().__init__(stdin, stdout)
        self._keys = TerminalKeys(stdin)
        self.screen = None                    # the text screen, once the prompt made it
        self.drawn_at = 0.0
        self.drawing = threading.Lock()
        self.late: threading.Timer | None = None    # a redraw put off while printing fast
        self.broken = False                   # Ctrl-C while keys were read (see breaks_as_keys)
        try:
            self.terminal = stdout.isatty()
        except (AttributeError, ValueError):
            self.terminal = False

    def write(self, text: str) -> None:
        self.draw(soon=True)

    def show_screen(self, screen, final: bool) -> None:
        self.draw(soon=not final)

    def next_key(self) -> str:
        """The next key, waiting for it; Ctrl-C is the key CHR$(3).  EOFError when the
        keys end (a pipe that closes)."""
        self.draw()
        while True:
            if self.broken:
                self.broken = False
                return "\x03"
            key = self._keys.poll()
            if key:
                return key
            if self._keys.ended:
                raise EOFError
            if self._keys.fd is not None:
                select.select([self._keys.fd], [], [], 0.1)

    def breaks_as_keys(self) -> ContextManager[None]:
        """While keys are read and typed lines handled (not while a program runs, which
        Ctrl-C stops), Ctrl-C is a key like any other: the line being typed is given up,
        whenever it comes."""
        return ordinary_interrupts(self._typed_break)

    def _typed_break(self, signum: int, frame: Any) -> None:
        self.broken = True

    def draw(self, soon: bool = False) -> None:
        """The screen onto the terminal, whole, with the cursor where BASIC has it (at most
        every FRAME seconds while ``soon``: a program printing fast; what it printed last
        is drawn FRAME seconds later even if it prints no more)."""
        if not self.terminal or self.screen is None:
            return
        if soon and time.monotonic() - self.drawn_at < FRAME:
            if self.late is None:
                self.late = threading.Timer(FRAME, self._draw_late)
                self.late.daemon = True
                self.late.start()
            return
        with self.drawing:
            self._render()

    def _draw_late(self) -> None:
        with self.drawing:
            self.late = None
            self._render()

    def _render(self) -> None:
        self.drawn_at = time.monotonic()
        screen = self.screen
        rows = screen.as_ansi().split("\n")[:screen.rows]
        rows += [""] * (screen.rows - len(rows))
        self.stdout.write("\x1b[H" + "\x1b[K\r\n".join(rows) + "\x1b[K"
                          + f"\x1b[{screen.row};{screen.col}H")
        self.stdout.flush()

    def start(self, screen) -> None:
        self.screen = screen
        if self.terminal:
            self.stdout.write("\x1b[2J")

    def finish(self) -> None:
        """Leaving: at a terminal the cursor goes below the screen; from a pipe, the screen
        is written out as plain rows."""
        if self.screen is None:
            return
        if self.terminal:
            if self.late is not None:
                self.late.cancel()
            self.draw()
            self.stdout.write(f"\x1b[{self.screen.rows};1H\n")
        else:
            self.stdout.write(self.screen.as_text())
        self.stdout.flush()
        self._keys.pause()
