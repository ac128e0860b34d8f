"""A simulated Arduino with one sensor, as a pyserial port: ``timewarp-sim://thermometer``.

``serial.serial_for_url("timewarp-sim://KIND?noise=0.2&rate=10&seed=1&format=kv")`` opens
it (KIND: thermometer, light, distance, accelerometer, button).  It streams readings at
``rate`` lines a second, the same values for the same ``seed``, and answers lines written
to it as a sketch would: ``LED ON`` / ``LED OFF``, ``PING``, ``RATE n``, and faults for
teaching and testing: ``FAULT GARBAGE`` (a burst of junk bytes), ``FAULT STALL s`` (silent
for s seconds), ``FAULT UNPLUG s`` (gone for s seconds: reads fail, opening fails, then it
can be opened again).  ``garbage=p`` in the URL makes a share p of lines junk.
"""

from __future__ import annotations

import math
import random
import time
from urllib.parse import parse_qs, urlparse

from serial.serialutil import PortNotOpenError, SerialBase, SerialException, Timeout

#: When each simulated device (by kind and seed) is plugged back in after FAULT UNPLUG.
_UNPLUGGED_UNTIL: dict[str, float] = {}


class SensorModel:
    """Readings of one kind of sensor, sample by sample: sample k is the same for a seed."""

    names: tuple[str, ...] = ("value",)
    units: tuple[str, ...] = ("",)
    default_noise = 1.0
    digits = 2

    def __init__(self, seed: int, noise: float | None) -> None:
        self.random = random.Random(seed)
        self.noise = self.default_noise if noise is None else noise
        self.state = 0.0

    def sample(self, t: float) -> tuple[float, ...]:
        raise NotImplementedError

    def gauss(self) -> float:
        return self.random.gauss(0.0, 1.0) * self.noise


class Thermometer(SensorModel):
    """A room near 21 °C drifting slowly, as a TMP36 or DS18B20 reads it."""

    names, units, default_noise = ("temp",), ("°C",), 0.1

    def sample(self, t):
        # A mean-reverting random walk: slow drift that never runs away.
        self.state += -0.02 * self.state + self.random.gauss(0.0, 0.05)
        return (21.0 + 1.5 * math.sin(t / 120.0) + self.state + self.gauss(),)


class Light(SensorModel):
    """An LDR on an analog pin (0-1023): clouds passing, a hand over it now and then."""

    names, units, default_noise, digits = ("light",), ("",), 8.0, 0

    def sample(self, t):
        shade = 250.0 if math.sin(t / 7.0) > 0.9 else 0.0
        value = 620.0 + 180.0 * math.sin(t / 40.0) - shade + self.gauss()
        return (float(min(1023, max(0, round(value)))),)


class Distance(SensorModel):
    """An HC-SR04 pointed at something moving to and fro between 10 and 150 cm."""

    names, units, default_noise, digits = ("distance",), ("cm",), 0.5, 1

    def sample(self, t):
        return (max(2.0, 80.0 + 70.0 * math.sin(2 * math.pi * t / 20.0) + self.gauss()),)


class Accelerometer(SensorModel):
    """A board lying flat (1 g on z), tilted slowly, with a little tremor."""

    names, units, default_noise, digits = ("ax", "ay", "az"), ("g", "g", "g"), 0.02, 3

    def sample(self, t):
        tilt = 0.3 * math.sin(t / 15.0)
        return (math.sin(tilt) + self.gauss(), 0.1 * math.sin(t / 9.0) + self.gauss(),
                math.cos(tilt) + self.gauss())


class Button(SensorModel):
    """A push button: mostly up (0), pressed (1) for a few samples now and then."""

    names, units, default_noise, digits = ("button",), ("",), 0.0, 0

    def sample(self, t):
        if self.state > 0:
            self.state -= 1
        elif self.random.random() < 0.03:
            self.state = self.random.randint(3, 10)
        return (1.0 if self.state > 0 else 0.0,)


MODELS = {"thermometer": Thermometer, "light": Light, "distance": Distance,
          "accelerometer": Accelerometer, "button": Button}


class Serial(SerialBase):
    """The simulated board as a pyserial port (see the module docstring)."""

    def open(self) -> None:
        if self._port is None:
            raise SerialException("Port must be configured before it can be used.")
        if self.is_open:
            raise SerialException("Port is already open.")
        self._configure(self._port)
        until = _UNPLUGGED_UNTIL.get(self._key, 0.0)
        if time.monotonic() < until:
            raise SerialException(f"could not open port {self._port}: no such device (unplugged)")
        self._out = bytearray()
        self._command = bytearray()
        self._started = time.monotonic()
        self._produced = 0
        self._stalled_until = 0.0
        self._header_sent = False
        self.is_open = True

    def _configure(self, url: str) -> None:
        parts = urlparse(url)
        kind = (parts.netloc or parts.path.strip("/")).lower()
        if kind not in MODELS:
            raise SerialException(
                f"timewarp-sim has no {kind or 'device'}: choose one of {', '.join(MODELS)}")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        try:
            self._seed = int(query.get("seed", 1))
            self._rate = float(query.get("rate", 10))
            noise = float(query["noise"]) if "noise" in query else None
            self._garbage = float(query.get("garbage", 0))
        except ValueError as exc:
            raise SerialException(f"bad timewarp-sim option in {url}: {exc}") from None
        self._format = query.get("format", "kv")
        if self._format not in ("kv", "plain", "csv", "json") or not 0 < self._rate <= 10_000:
            raise SerialException(f"bad timewarp-sim option in {url}: format is kv, plain, csv "
                                  "or json; rate is lines a second, up to 10000")
        self._key = f"{kind}/{self._seed}"
        self.model = MODELS[kind](self._seed, noise)
        self._junk = random.Random(self._seed + 1)

    def close(self) -> None:
        self.is_open = False

    def _reconfigure_port(self) -> None:
        """Baud rate and framing mean nothing to a simulated wire."""

    # Reading

    def _check(self) -> None:
        if not self.is_open:
            raise PortNotOpenError()
        if time.monotonic() < _UNPLUGGED_UNTIL.get(self._key, 0.0):
            self.is_open = False
            raise SerialException("device reports readiness to read but returned no data "
                                  "(device disconnected)")

    def _generate(self) -> None:
        now = time.monotonic()
        if now < self._stalled_until:
            return
        due = int((now - self._started) * self._rate)
        for _ in range(min(due - self._produced, 10_000)):
            self._produced += 1
            self._out += self._line(self._produced / self._rate)
        self._produced = max(self._produced, due)

    def _line(self, t: float) -> bytes:
        values = self.model.sample(t)
        if self._garbage and self._junk.random() < self._garbage:
            return self._junk_bytes()
        digits = self.model.digits
        shown = [f"{v:.{digits}f}" for v in values]
        names = self.model.names
        if self._format == "plain":
            text = " ".join(shown)
        elif self._format == "csv":
            text = ",".join(shown)
            if not self._header_sent and len(names) > 1:
                text = ",".join(names) + "\r\n" + text
            self._header_sent = True
        elif self._format == "json":
            text = "{" + ", ".join(f'"{n}": {v}' for n, v in zip(names, shown)) + "}"
        else:
            text = ",".join(f"{n}={v}" for n, v in zip(names, shown))
        return (text + "\r\n").encode()

    def _junk_bytes(self) -> bytes:
        return bytes(self._junk.choice(b"\x00\xff\xfe\x13\x80abc~") for _ in range(24)) + b"\r\n"

    @property
    def in_waiting(self) -> int:
        self._check()
        self._generate()
        return len(self._out)

    def read(self, size: int = 1) -> bytes:
        self._check()
        timeout = Timeout(self._timeout)
        while True:
            self._generate()
            if len(self._out) >= size or timeout.expired():
                break
            wait = 1.0 / self._rate if self._timeout is None else min(
                timeout.time_left(), 1.0 / self._rate)
            time.sleep(max(0.001, min(wait, 0.05)))
            self._check()
        data = bytes(self._out[:size])
        del self._out[:size]
        return data

    def reset_input_buffer(self) -> None:
        self._check()
        self._generate()
        self._out.clear()

    # Writing: commands, as a sketch reading Serial would take them

    def write(self, data: bytes) -> int:
        self._check()
        self._command += bytes(data)
        while b"\n" in self._command:
            line, _, rest = bytes(self._command).partition(b"\n")
            self._command = bytearray(rest)
            self._answer(line.decode("utf-8", "replace").strip())
        return len(data)

    def _answer(self, command: str) -> None:
        words = command.upper().split()
        if not words:
            return
        reply = f"OK {' '.join(words)}"
        try:
            if words[:2] in (["LED", "ON"], ["LED", "OFF"]) or words == ["PING"]:
                reply = "PONG" if words == ["PING"] else reply
            elif words[0] == "RATE" and len(words) == 2:
                self._generate()
                self._rate, self._started = float(words[1]), time.monotonic()
                self._produced = 0
            elif words[:2] == ["FAULT", "GARBAGE"]:
                self._out += self._junk_bytes()
                return
            elif words[:2] == ["FAULT", "STALL"]:
                self._stall(float(words[2]) if len(words) > 2 else 3.0)
            elif words[:2] == ["FAULT", "UNPLUG"]:
                seconds = float(words[2]) if len(words) > 2 else 2.0
                _UNPLUGGED_UNTIL[self._key] = time.monotonic() + seconds
                return
            else:
                reply = f"ERR unknown command: {command}"
        except ValueError:
            reply = f"ERR bad number in: {command}"
        self._out += (reply + "\r\n").encode()

    def _stall(self, seconds: float) -> None:
        self._generate()
        self._stalled_until = time.monotonic() + seconds
        # After the stall the board goes on from where it was; the silent time is skipped.
        self._started += seconds

    @property
    def out_waiting(self) -> int:
        return 0

    def _update_dtr_state(self) -> None:
        pass

    def _update_rts_state(self) -> None:
        pass

    def _update_break_state(self) -> None:
        pass
