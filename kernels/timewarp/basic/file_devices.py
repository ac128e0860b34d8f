"""GW-BASIC's own devices, opened as files: ``SCRN:``, ``KYBD:`` and the printers.

``OPEN "SCRN:" FOR OUTPUT AS #2`` prints on the screen (PRINT #2 is PRINT), ``OPEN "KYBD:"
FOR INPUT AS #1`` reads what is typed (INPUT #1 is INPUT without the question mark), and
``LPT1:`` to ``LPT3:`` are accepted and print nowhere, as no printer is attached to a
notebook.  COM ports and the simulated sensors are timewarp.devices' (see files.py).
"""

from __future__ import annotations

from timewarp.basic.errors import BasicError

NAMES = ("SCRN:", "KYBD:", "LPT1:", "LPT2:", "LPT3:")


def is_own_device(spec: str) -> bool:
    return spec.strip().upper() in NAMES


def open_own_device(spec: str, mode: str | None):
    from timewarp.basic.builtins import _CURRENT

    name = spec.strip().upper()
    if name == "KYBD:":
        if mode not in (None, "I"):
            raise BasicError("Bad file mode")
        return KeyboardFile(_CURRENT[-1])
    if mode in ("I", "R"):
        raise BasicError("Bad file mode")
    return OutputDevice(_CURRENT[-1] if name == "SCRN:" else None)


class _Nowhere:
    """A printer with no printer: PRINT # to it keeps its column and prints nothing."""

    def __init__(self) -> None:
        from timewarp.basic.files import Printer
        self.printer = Printer(self)

    def write(self, text: str) -> None:
        pass


def nowhere_printer():
    """A printer that prints nowhere but keeps its column (LPRINT's: BasicFiles.lpt1)."""
    return _Nowhere().printer


class OutputDevice:
    """SCRN: (the screen, with its own column and zones) or a printer."""

    mode = "O"
    soft = False
    stream = None

    def __init__(self, screen) -> None:
        self.printer = screen if screen is not None else nowhere_printer()

    def close(self) -> None:
        pass


class KeyboardFile:
    """KYBD:: each line typed, read through INPUT #, LINE INPUT # and INPUT$."""

    mode = "I"
    soft = False
    stream = None

    def __init__(self, screen) -> None:
        self.screen = screen
        self.text, self.pos = "", 0

    def more(self) -> bool:
        if self.pos >= len(self.text):
            self.text, self.pos = self.screen.read_line("") + "\n", 0
        return True

    def next_char(self) -> str:
        self.more()
        self.pos += 1
        return self.text[self.pos - 1]

    def peek_char(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def at_end(self) -> bool:
        return False

    def close(self) -> None:
        pass
