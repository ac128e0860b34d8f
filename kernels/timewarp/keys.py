"""Keys as old programs see them: GW-BASIC's codes, from a browser's key events or a terminal.

A key is a string: one character for an ordinary key (``"a"``, ``"A"``, Enter is
``CHR$(13)``, Esc ``CHR$(27)``, Backspace ``CHR$(8)``), two for a special key, as GW-BASIC's
INKEY$ gives them: ``CHR$(0)`` and the key's scan code (up is ``CHR$(0)+CHR$(72)``, F1
``CHR$(0)+CHR$(59)``).  :func:`from_browser` reads the names a browser gives its keydown
events (ipycanvas passes them on); :class:`TerminalKeys` reads a terminal without waiting and
without echo, and understands the escape sequences terminals send for arrows and F-keys.

When standard input is not a terminal (a pipe, a file), its characters are the keys, one
per call, a newline given as CHR$(13); when it ends, no more keys come.
"""

from __future__ import annotations

import atexit
import os
import select

UP, DOWN, LEFT, RIGHT = "\0H", "\0P", "\0K", "\0M"
HOME, END, PAGE_UP, PAGE_DOWN, INSERT, DELETE = "\0G", "\0O", "\0I", "\0Q", "\0R", "\0S"
#: F1..F12: F1-F10 are scan codes 59-68, F11 and F12 133 and 134.
F_KEYS = tuple("\0" + chr(59 + n) for n in range(10)) + ("\0\x85", "\0\x86")

_BROWSER = {"ArrowUp": UP, "ArrowDown": DOWN, "ArrowLeft": LEFT, "ArrowRight": RIGHT,
            "Home": HOME, "End": END, "PageUp": PAGE_UP, "PageDown": PAGE_DOWN,
            "Insert": INSERT, "Delete": DELETE, "Enter": "\r", "Escape": "\x1b",
            "Backspace": "\b", "Tab": "\t"}
_BROWSER.update({f"F{n + 1}": code for n, code in enumerate(F_KEYS)})

_ESCAPES = {"[A": UP, "[B": DOWN, "[C": RIGHT, "[D": LEFT, "[H": HOME, "[F": END,
            "OA": UP, "OB": DOWN, "OC": RIGHT, "OD": LEFT, "OH": HOME, "OF": END,
            "[1~": HOME, "[4~": END, "[2~": INSERT, "[3~": DELETE, "[5~": PAGE_UP,
            "[6~": PAGE_DOWN, "OP": F_KEYS[0], "OQ": F_KEYS[1], "OR": F_KEYS[2],
            "OS": F_KEYS[3], "[11~": F_KEYS[0], "[12~": F_KEYS[1], "[13~": F_KEYS[2],
            "[14~": F_KEYS[3]}
_ESCAPES.update({f"[{n}~": F_KEYS[i] for i, n in enumerate((15, 17, 18, 19, 20, 21, 23, 24), 4)})

# Scan codes of a US keyboard, for user-defined KEY traps (KEY 15, CHR$(0) + CHR$(16)).
_ROWS = ((2, "1234567890-=", "!@#$%^&*()_+"), (16, "qwertyuiop[]", "QWERTYUIOP{}"),
         (30, "asdfghjkl;'`", 'ASDFGHJKL:"~'), (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"))
_SCAN = {" ": (57, False), "\r": (28, False), "\x1b": (1, False), "\b": (14, False),
         "\t": (15, False)}
for _first, _plain, _shifted in _ROWS:
    for _n, (_a, _b) in enumerate(zip(_plain, _shifted)):
        _SCAN[_a], _SCAN[_b] = (_first + _n, False), (_first + _n, True)


def from_browser(name: str, shift: bool = False, ctrl: bool = False) -> str:
    """GW-BASIC's code for a browser's KeyboardEvent.key, or "" for a key that gives none
    (Shift, Control and the other modifiers on their own)."""
    if name in _BROWSER:
        return _BROWSER[name]
    if len(name) != 1:
        return ""
    if ctrl and name.isalpha() and name.isascii():
        return chr(ord(name.upper()) - 64)     # Ctrl-A is CHR$(1)
    return name


def scan_code(key: str) -> tuple[int, int] | None:
    """(shift flags, scan code) of a key, as KEY 15-20 define their keys: flags 3 for
    Shift, 4 for Ctrl; None for a key with no scan code here."""
    if len(key) == 2 and key[0] == "\0":
        return 0, ord(key[1])
    if len(key) == 1 and 1 <= ord(key) <= 26 and key not in "\r\t\b":
        return 4, _SCAN[chr(ord(key) + 96)][0]
    found = _SCAN.get(key)
    if found is None:
        return None
    return (3 if found[1] else 0), found[0]


def decode(data: str) -> tuple[str, str]:
    """The first key in terminal input and what is left after it."""
    if data[0] == "\x1b" and len(data) > 1:
        for length in (4, 3, 2):
            key = _ESCAPES.get(data[1:1 + length])
            if key is not None:
                return key, data[1 + length:]
    if data[0] == "\n":
        return "\r", data[1:]
    if data[0] == "\x7f":
        return "\b", data[1:]
    return data[0], data[1:]


class TerminalKeys:
    """Keys from a console's input stream, read without waiting (BASIC's INKEY$).

    At a terminal, the first read switches it to reading key by key without echo (Ctrl-C
    still stops the program); :meth:`pause` (before a line is read) and the end of the
    process put it back as it was.
    """

    def __init__(self, stream) -> None:
        self.stream = stream
        try:
            self.fd = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None
        self.tty = self.fd is not None and os.isatty(self.fd)
        self.saved = None
        self.pending = ""
        self.ended = self.fd is None

    def poll(self) -> str:
        if not self.pending and not self.ended:
            if self.tty:
                self._keys_mode()
            self.pending = self._available()
        if not self.pending:
            return ""
        if self.tty:
            key, self.pending = decode(self.pending)
            return key
        key, self.pending = self.pending[0], self.pending[1:]
        return "\r" if key == "\n" else key

    def _available(self) -> str:
        try:
            ready, _, _ = select.select([self.fd], [], [], 0)
        except (OSError, ValueError):
            self.ended = True
            return ""
        if not ready:
            return ""
        # A pipe is read a byte at a time, so that what INKEY$ leaves stays for INPUT.
        data = os.read(self.fd, 64 if self.tty else 1)
        if not data:
            self.ended = not self.tty
            return ""
        return data.decode("latin-1" if not self.tty else "utf-8", "replace")

    def _keys_mode(self) -> None:
        if self.saved is not None:
            return
        import termios
        try:
            self.saved = termios.tcgetattr(self.fd)
        except termios.error:
            self.tty = False
            return
        mode = termios.tcgetattr(self.fd)
        mode[3] &= ~(termios.ICANON | termios.ECHO)
        mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
        termios.tcsetattr(self.fd, termios.TCSANOW, mode)
        atexit.register(self.pause)

    def pause(self) -> None:
        """Give the terminal back as it was (for INPUT, and at the end)."""
        if self.saved is not None:
            import termios
            try:
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)
            except termios.error:
                pass
            self.saved = None
