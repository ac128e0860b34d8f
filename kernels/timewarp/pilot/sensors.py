"""Sensors in PILOT lessons: ``C:#T = SENSOR("temp")`` after ``C:#OK = DEVICE("COM1:9600")``.

A device is a file the lesson opens (see :mod:`timewarp.devices`).  ``DEVICE(name)`` opens
one (a port such as ``COM1:9600`` or ``timewarp-sim://thermometer``) for the rest of the
session and gives 1; ``SENSOR(name)`` gives the newest reading of that name from any open
device, so a lesson can ask about the temperature in the room.  Importing this module adds
both to PILOT's functions.
"""

from __future__ import annotations

import random

from timewarp import devices
from timewarp.pilot.errors import PilotError
from timewarp.pilot.values import FUNCTIONS, Function, quote

#: Devices opened by lessons; they stay open while the kernel runs.
OPENED: dict[str, devices.Device] = {}


def _text(name: str, value) -> str:
    if not isinstance(value, str):
        raise PilotError(f"{name} needs words in quotes, such as {name}(\"temp\"), not {value}")
    return value


def _device(args: list, rng: random.Random) -> int:
    spec = _text("DEVICE", args[0])
    if spec not in OPENED:
        try:
            OPENED[spec] = devices.open_device(spec)
        except devices.DeviceError as error:
            raise PilotError(f"DEVICE cannot open {quote(spec)}: {error}") from None
    return 1


def _sensor(args: list, rng: random.Random) -> int | float:
    name = _text("SENSOR", args[0])
    try:
        value = devices.latest(name)
    except devices.DeviceError as error:
        raise PilotError(f"SENSOR cannot read {quote(name)}: {error}") from None
    return int(value) if value.is_integer() else value


FUNCTIONS["DEVICE"] = Function(1, _device, 'DEVICE("COM1:9600"): open a device; gives 1')
FUNCTIONS["SENSOR"] = Function(1, _sensor, 'SENSOR("temp"): the newest reading called temp')
