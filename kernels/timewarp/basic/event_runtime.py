"""What a running program's keys, event traps and clock need: the runtime half of events.py.

:class:`Events` hangs off the Runtime (``_rt.events``, made when first used).  It keeps
the keys read but not yet taken by INKEY$, the traps (ON KEY, ON TIMER, ...) with their
ON/OFF/STOP state, and the session's clock offset (``TIME$ =`` and ``DATE$ =`` move the
program's clock, never the machine's).

Trapping is checked between statements, only in programs that have ON KEY or ON TIMER
(see events.py): the check reads one attribute, ``due``.  While a trap is switched on, a
small thread sets ``due`` every :data:`TICK` seconds; the check then calls :meth:`fire`,
which reads the keys, looks at the timer and returns the block a trap jumps to (or None).
"""

from __future__ import annotations

import calendar
import datetime
import threading
import time
from collections import deque

from timewarp.basic.builtins import _single
from timewarp.basic.errors import BasicError
from timewarp.keys import DOWN, F_KEYS, LEFT, RIGHT, UP, scan_code

#: How often (seconds) a switched-on trap looks for keys and the time.
TICK = 0.02
#: KEY(n) numbers with a fixed key: F1-F10, the arrows, and F11/F12 as 30 and 31.
FIXED_KEYS = {n + 1: code for n, code in enumerate(F_KEYS[:10])}
FIXED_KEYS.update({11: UP, 12: LEFT, 13: RIGHT, 14: DOWN, 30: F_KEYS[10], 31: F_KEYS[11]})
USER_KEYS = range(15, 21)
#: The numbers ON PLAY(n), ON STRIG(n) and ON COM(n) accept.
_ALLOWED = {"PLAY": range(1, 33), "STRIG": (0, 2, 4, 6), "COM": (1, 2)}


class Trap:
    """One event trap: where it jumps, whether it is ON, OFF or STOP, and a remembered event."""

    __slots__ = ("held", "pc", "pending", "state")

    def __init__(self) -> None:
        self.pc: int | None = None
        self.state = "OFF"
        self.pending = False
        self.held = False       # inside its own handler: events wait until RETURN


class Events:
    def __init__(self, runtime) -> None:
        self.rt = runtime
        self.due = False
        self.running = False
        self.offset = datetime.timedelta()      # TIME$ = and DATE$ = for this session
        self.odd_date: tuple | None = None      # DATE$ = "02-30-2000": (the day, as typed)
        self.buffer: deque[str] = deque()       # keys read, not yet taken by INKEY$
        self.macros: dict[int, str] = {}        # KEY n, "text" for F1-F10
        self.user_keys: dict[int, tuple[int, int]] = {}     # KEY 15-20: (flags, scan code)
        self.held_key = ""      # a trapped key read while its trap's last event waits
        self._ticker: threading.Thread | None = None
        self.reset_traps()

    def reset_traps(self) -> None:
        self.traps: dict[tuple[str, int], Trap] = {}
        self.interval = 0.0
        self.next_tick = 0.0
        self.active: list[Trap] = []

    # The program's run (the compiler emits start and stop around a program with traps)

    def start(self) -> None:
        self.reset_traps()
        self.due = False
        self.running = True

    def stop(self) -> None:
        self.running = False
        self.due = False

    def _tick(self) -> None:
        while self.running and any(t.state != "OFF" for t in self.traps.values()):
            time.sleep(TICK)
            self.due = True
        self._ticker = None

    def _arm(self) -> None:
        if self.running and self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="basic-events", daemon=True)
            self._ticker.start()

    # ON ... GOSUB and KEY(n)/TIMER/... ON, OFF, STOP

    def trap(self, kind: str, number) -> Trap:
        """The trap ``kind``/``number`` names (made on first mention)."""
        n = 0 if number is None else round(number)
        key = (kind, n)
        if key not in self.traps:
            self.traps[key] = Trap()
        return self.traps[key]

    def set_handler(self, kind: str, number, pc: int | None) -> None:
        """ON kind(number) GOSUB: ``pc`` is the handler's block, None for GOSUB 0."""
        if kind == "KEY" and not (1 <= _int(number) <= 20 or _int(number) in (30, 31)):
            raise BasicError("Illegal function call")
        if kind == "TIMER":
            seconds = float(number)
            if not 0 < seconds <= 86400:
                raise BasicError("Illegal function call")
            self.interval = seconds
            self.next_tick = time.monotonic() + seconds
        elif kind in _ALLOWED and _int(number) not in _ALLOWED[kind]:
            raise BasicError("Illegal function call")
        trap = self.trap(kind, None if kind == "TIMER" else number)
        trap.pc = pc

    def switch(self, kind: str, number, action: str) -> None:
        """KEY(n) ON, TIMER OFF, STRIG(0) STOP, ..."""
        if number is not None and not 0 <= _int(number) <= 255:
            raise BasicError("Illegal function call")
        if kind == "KEY" and _int(number) == 0:
            targets = [self.trap("KEY", n) for n in (*range(1, 21), 30, 31)]
        else:
            targets = [self.trap(kind, None if kind == "TIMER" else number)]
        for trap in targets:
            if action == "OFF":
                trap.pending = False
            elif action == "ON" and trap.state == "OFF" and kind == "TIMER":
                self.next_tick = time.monotonic() + self.interval
            trap.state = action
            if action == "ON" and trap.pending:
                self.due = True
        if action != "OFF":
            self._arm()

    # Between statements

    def fire(self) -> int | None:
        """The handler block of a trap to run now, if any; it is held until handled()."""
        self.due = False
        self._collect()
        for kind_order in (("TIMER",), ("KEY",)):
            for (kind, _), trap in sorted(self.traps.items(), key=_trap_order):
                if kind in kind_order and trap.pending and trap.state == "ON" \
                        and not trap.held and trap.pc is not None:
                    trap.pending = False
                    trap.held = True
                    self.active.append(trap)
                    return trap.pc
        return None

    def handled(self) -> None:
        """The handler returned: its trap is ON again, unless the handler switched it off."""
        trap = self.active.pop()
        trap.held = False
        if trap.state == "STOP":
            trap.state = "ON"
        if trap.pending:
            self.due = True

    def _collect(self) -> None:
        """Mark the traps whose event has happened: keys pressed, the timer's interval."""
        timer = self.traps.get(("TIMER", 0))
        if timer is not None and timer.state != "OFF" and self.interval:
            now = time.monotonic()
            if now >= self.next_tick:
                timer.pending = True
                self.next_tick = now + self.interval
        keyed = [(n, t) for (kind, n), t in self.traps.items()
                 if kind == "KEY" and t.state != "OFF"]
        if not keyed:
            if self.held_key:       # its trap was switched off: the key is INKEY$'s now
                self.buffer.append(self.held_key)
                self.held_key = ""
            return
        # One trapped key at a time: each press is an event of its own, so the next
        # waits (in held) until this one's trap has fired.
        while key := self.held_key or self.rt.console.poll_key():
            self.held_key = ""
            for n, trap in keyed:
                if self._matches(n, key):
                    if trap.pending:
                        self.held_key = key
                    trap.pending = True
                    return
            self.buffer.append(key)

    def _matches(self, number: int, key: str) -> bool:
        if number in FIXED_KEYS:
            return FIXED_KEYS[number] == key
        wanted = self.user_keys.get(number)
        found = scan_code(key)
        if wanted is None or found is None or wanted[1] != found[1]:
            return False
        flags, _ = wanted
        return bool(flags & 3) == bool(found[0] & 3) and bool(flags & 4) == bool(found[0] & 4)

    # Keys

    def inkey(self) -> str:
        if self.held_key:
            self._collect()
        key = self.buffer.popleft() if self.buffer else self.rt.console.poll_key()
        if key in F_KEYS[:10]:
            macro = self.macros.get(F_KEYS.index(key) + 1)
            if macro:
                self.buffer.extendleft(reversed(macro[1:]))
                return macro[0]
        return key

    def define_key(self, number, text: str) -> None:
        """KEY n, "text": F1-F10 type the text; KEY 15-20 name a key for ON KEY."""
        n = _int(number)
        if 1 <= n <= 10:
            self.macros[n] = text[:15]
        elif len(text) != 2:
            raise BasicError("Illegal function call")
        elif n in USER_KEYS:
            self.user_keys[n] = (ord(text[0]), ord(text[1]))
        # GW-BASIC takes two characters for any other key number too, and ignores them.

    def key_list(self) -> None:
        """KEY LIST: the function keys' texts, as the program defined them."""
        for n in range(1, 11):
            text = "".join(max(c, " ") for c in self.macros.get(n, ""))
            self.rt.write(f"F{n} {text}\n")

    def sleep(self, seconds=None) -> None:
        """SLEEP: wait the seconds (none or 0: for ever) or until a key or a trapped event."""
        self.rt.flush()
        flush = getattr(self.rt.console, "flush", None)
        if flush is not None:
            flush()
        wait = float(seconds) if seconds is not None else 0.0
        if wait < 0 or wait > 65535:
            raise BasicError("Illegal function call" if wait < 0 else "Overflow")
        if wait <= 0 and self.rt.console.keys_ended:
            return      # no key can ever come (scripted keys used up, piped input ended)
        deadline = time.monotonic() + wait if wait > 0 else None
        while not self.buffer:
            if self.running and self.traps:
                # Trapped keys and the timer: any event wakes SLEEP, its trap fires after.
                self._collect()
                if any(t.pending and t.state != "OFF" for t in self.traps.values()):
                    self.due = True
                    break
                if self.buffer:
                    break
            key = self.rt.console.poll_key()
            if key:
                self.buffer.append(key)
                break
            if deadline is not None and time.monotonic() >= deadline:
                break
            time.sleep(0.01)

    # The clock

    def now(self) -> datetime.datetime:
        return datetime.datetime.now() + self.offset

    def timer(self) -> float:
        """TIMER: seconds since midnight, in steps of 1/20 second, as a single."""
        now = self.now()
        ms = (now.hour * 3600 + now.minute * 60 + now.second) * 1000 + now.microsecond // 1000
        return _single(ms // 50 / 20)

    def time_string(self) -> str:
        return self.now().strftime("%H:%M:%S")

    def date_string(self) -> str:
        now = self.now()
        if self.odd_date is not None and self.odd_date[0] == now.date():
            return self.odd_date[1]
        return now.strftime("%m-%d-%Y")

    def set_time(self, text: str) -> None:
        """TIME$ = "hh", "hh:mm" or "hh:mm:ss" (a point may stand for a colon)."""
        # GW-BASIC reads at most three parts and ignores what follows ("01:02:03:04").
        parts = text.replace(".", ":").split(":")[:3]
        numbers = _numbers(parts, 1, 3)
        numbers += [0] * (3 - len(numbers))
        hours, minutes, seconds = numbers
        if hours > 23 or minutes > 59 or seconds > 59:
            raise BasicError("Illegal function call")
        now = self.now()
        wanted = now.replace(hour=hours, minute=minutes, second=seconds)
        self.offset += wanted - now

    def set_date(self, text: str) -> None:
        """DATE$ = "mm-dd-yy" or "mm-dd-yyyy" (or with slashes); years 1980-2099."""
        month, day, year = _numbers(text.replace("/", "-").split("-"), 3, 3)
        if year < 100 and 77 < year < 80 or 99 < year < 1980 or year > 2099:
            raise BasicError("Illegal function call")
        if year < 100:
            year += 2000 if year <= 77 else 1900
        now = self.now()
        self.odd_date = None
        try:
            wanted = now.replace(year=year, month=month, day=day)
        except ValueError:
            # GW-BASIC takes any day up to 31 and reads back what it was given (02-30-2000);
            # the clock goes to the month's last day, and the day shows as typed until then.
            if not (1 <= month <= 12 and 1 <= day <= 31):
                raise BasicError("Illegal function call") from None
            wanted = now.replace(year=year, month=month, day=calendar.monthrange(year, month)[1])
            self.odd_date = (wanted.date(), f"{month:02d}-{day:02d}-{year:04d}")
        self.offset += wanted - now


def _int(number) -> int:
    if number is None:
        return 0
    value = round(number)
    if not -32768 <= value <= 32767:
        raise BasicError("Overflow")
    return value


def _numbers(parts: list[str], least: int, most: int) -> list[int]:
    if not least <= len(parts) <= most or not all(p.strip().isdigit() for p in parts):
        raise BasicError("Illegal function call")
    return [int(p) for p in parts]


def _trap_order(item) -> tuple[int, int]:
    """Arrows and the program's own keys (11-20) before the function keys, as GW-BASIC."""
    (_, n), _ = item
    return (0 if 11 <= n <= 20 else 1, n)
