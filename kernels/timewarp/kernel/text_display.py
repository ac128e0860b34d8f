"""Shows a BASIC program's text screen in the cell: a display updated in place while the
program runs, and its final state when the cell ends.

The engine calls ``console.show_screen(screen, final)`` (see timewarp.basic.text_screen)
whenever a program that positions text changes its screen.  The first call of a cell
displays the screen under a fresh display id; later calls update that same output, at most
a few times a second (a program that redraws in a tight loop must not flood the browser);
the final call always updates it.  Each output holds ``text/html`` (a <pre> of escaped text
in coloured spans that we generate, never the program's text as markup) and ``text/plain``
(the rows), so a saved, exported or graded notebook shows the screen without a kernel.
"""

from __future__ import annotations

import sys
import time
import uuid

from IPython.display import display, update_display

INTERVAL = 0.2      # seconds between live updates


class ScreenDisplay:
    def __init__(self) -> None:
        self.display_id: str | None = None
        self.shown_at = 0.0
        self.pending = None          # a screen changed since the last update

    def show(self, screen, final: bool) -> None:
        now = time.monotonic()
        if not final and self.display_id is not None and now - self.shown_at < INTERVAL:
            self.pending = screen
            return
        self._send(screen)
        if final:
            self.display_id = None

    def catch_up(self) -> None:
        """Before the program waits (INPUT), the screen shows what it has drawn."""
        if self.pending is not None and self.display_id is not None:
            self._send(self.pending)

    def _send(self, screen) -> None:
        bundle = {"text/plain": screen.as_text(), "text/html": screen.as_html()}
        sys.stdout.flush()           # text printed before the screen stays above it
        if self.display_id is None:
            self.display_id = uuid.uuid4().hex
            display(bundle, raw=True, display_id=self.display_id)
        else:
            update_display(bundle, raw=True, display_id=self.display_id)
        self.shown_at = time.monotonic()
        self.pending = None
