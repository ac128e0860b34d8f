"""Keys pressed while a program runs: KEYP, READCHAR and the KEYACT variable.

In a notebook the keys are those pressed while the cell's live picture has the focus; at
the command line, those typed at the terminal (timewarp.keys).  A key is one character, or
GW-BASIC's two for a special key (an arrow is CHR 0 and its scan code).  Keys taken from the
console but not yet read wait in ``interp.pending_keys``.  KEYACT's list runs when a key
comes while the program WAITs, which is where a game's loop spends its time; it can READCHAR
the key.
"""

from __future__ import annotations

from typing import Any


def key_waiting(interp: Any) -> bool:
    """Whether a key waits to be read (taking it from the console if one was pressed)."""
    if interp.pending_keys:
        return True
    key = interp.console.poll_key()
    if key:
        interp.pending_keys.append(key)
    return bool(key)


def take_key(interp: Any) -> str | None:
    """The next key pressed, if one is waiting."""
    if key_waiting(interp):
        return interp.pending_keys.pop(0)
    return None


def run_keyact(interp: Any) -> None:
    """While WAITing: a key arrived and KEYACT is a list, so KEYACT runs (once per key)."""
    action = interp.variables.get("keyact")
    if not isinstance(action, list) or not action or interp.in_keyact:
        return
    if not key_waiting(interp):
        return
    interp.in_keyact = True
    try:
        interp.run_list(action)
    finally:
        interp.in_keyact = False
