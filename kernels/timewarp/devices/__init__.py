"""Devices the languages open as files: serial ports, simulated sensors, browser-bridged ports.

A device is a file the language opens.  BASIC's ``OPEN "COM1:9600" AS #1``, Logo's
``opendevice``, PILOT's sensor reads, the Python API and the IoT widgets all go through
:func:`open_device`, which gives a shared :class:`Device` per port, read by one thread.
``SENSOR("temp")`` and Logo's ``sensor "temp`` read :func:`latest`, the newest value of a
named reading from any open device.  Nothing here imports Jupyter.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable

from timewarp.devices.device import (
    Device, DeviceError, DeviceTimeout, DeviceUnavailable, Line, LineQueue)

__all__ = ["Device", "DeviceError", "DeviceTimeout", "DeviceUnavailable", "Line", "LineQueue",
           "open_device", "release", "open_devices", "latest", "sensor_names", "send_line",
           "set_alias", "register_scheme", "register_fallback", "is_device_name",
           "add_idle_hook", "idle", "close_all", "resolve"]

_COM = re.compile(r"(?i)^COM(\d+):?(.*)$")
_devices: dict[str, Device] = {}
_users: dict[str, int] = {}
_aliases: dict[str, str] = {}
_schemes: dict[str, Callable[[str, int], object]] = {}
_idle_hooks: list[Callable[[], None]] = []
_fallback: list[str] = []
_lock = threading.RLock()
DEFAULT_BAUD = 9600
#: How long a language waits for a line or a first reading before "Device Timeout".
TIMEOUT = 10.0


def set_alias(name: str, target: str | None) -> None:
    """Make ``COM1`` (or any name) mean ``target`` (a port or URL); None removes it."""
    if target is None:
        _aliases.pop(name.upper(), None)
    else:
        _aliases[name.upper()] = target


def register_scheme(prefix: str, opener: Callable[[str, int], object] | None) -> None:
    """Ports whose URL starts with ``prefix`` open through ``opener(url, baud)``
    (the browser's Web Serial bridge registers ``webserial:`` this way)."""
    if opener is None:
        _schemes.pop(prefix, None)
    else:
        _schemes[prefix] = opener


def register_fallback(target: str | None) -> None:
    """What COMn means on a machine with no serial ports (the hub: the browser's port)."""
    _fallback[:] = [target] if target else []


def is_device_name(spec: str) -> bool:
    """Whether a name a program opens is a device rather than a file on disk."""
    lower = spec.strip().lower()
    return ("://" in lower or bool(_COM.match(lower)) or lower.startswith("/dev/")
            or any(lower.startswith(prefix) for prefix in _schemes))


def add_idle_hook(hook: Callable[[], None]) -> Callable[[], None]:
    """Call ``hook`` while a language waits for a device (on the main thread).  Returns
    a function that removes it."""
    _idle_hooks.append(hook)
    return lambda: _idle_hooks.remove(hook) if hook in _idle_hooks else None


def idle() -> None:
    for hook in list(_idle_hooks):
        hook()


def resolve(spec: str) -> tuple[str, int]:
    """``COM1:9600,N,8,1`` -> (the port COM1 stands for, 9600); URLs and paths stay."""
    spec = spec.strip()
    match = _COM.match(spec)
    if match is None:
        target = _aliases.get(spec.upper(), spec)
        return target, DEFAULT_BAUD
    number, options = int(match.group(1)), match.group(2)
    baud = DEFAULT_BAUD
    first = options.split(",")[0].strip()
    if first:
        if not first.isdigit():
            raise DeviceUnavailable(f"{first} is not a baud rate (COM1:9600 is)")
        baud = int(first)
    name = f"COM{number}"
    target = _aliases.get(name) or os.environ.get(f"TIMEWARP_{name}")
    if target:
        return target, baud
    ports = _real_ports()
    if 1 <= number <= len(ports):
        return ports[number - 1], baud
    if _fallback:
        return _fallback[0], baud
    raise DeviceUnavailable(
        f"there is no {name}: plug the device in (found {len(ports)} serial port(s)), "
        f'or try the simulator, OPEN "timewarp-sim://thermometer" AS #1')


def _real_ports() -> list[str]:
    from serial.tools import list_ports
    return sorted(p.device for p in list_ports.comports())


def _opener(url: str, baud: int) -> Callable[[], object]:
    for prefix, opener in _schemes.items():
        if url.lower().startswith(prefix):
            return lambda: opener(url, baud)

    def open_serial():
        import serial
        if "://" in url:
            return serial.serial_for_url(url, baudrate=baud, timeout=0.05)
        # A real port is locked while open, so a second program gets "busy", not half the lines.
        return serial.Serial(url, baudrate=baud, timeout=0.05, exclusive=True)
    return open_serial


def open_device(spec: str, baud: int | None = None) -> Device:
    """The shared device for ``spec``, opened now if nobody has it open; each call must
    be paired with :func:`release`.  ``baud`` overrides the rate ``spec`` gives."""
    url, given = resolve(spec)
    baud = baud or given
    with _lock:
        device = _devices.get(url)
        if device is None or device.status == "closed":
            name = spec if spec == url else f"{spec} ({url})"
            device = Device(url, _opener(url, baud), name=name)
            device.start()
            _devices[url] = device
            _users[url] = 0
        _users[url] += 1
    idle()      # a front end may show the device now
    return device


def release(device: Device) -> None:
    """One user is done with ``device``; the last one closes it."""
    with _lock:
        if _devices.get(device.url) is not device:
            return
        _users[device.url] -= 1
        if _users[device.url] <= 0:
            del _devices[device.url], _users[device.url]
            device.close()


def open_devices() -> list[Device]:
    with _lock:
        return list(_devices.values())


def close_all() -> None:
    with _lock:
        devices = list(_devices.values())
        _devices.clear()
        _users.clear()
    for device in devices:
        device.close()


def sensor_names() -> list[str]:
    names: list[str] = []
    for device in open_devices():
        names += [n for n in device.latest if n not in names]
    return names


def latest(name: str, timeout: float | None = None) -> float:
    """The newest value of the reading ``name`` from any open device; waits for the first
    one (up to ``timeout`` seconds) when a device is open but has not sent it yet."""
    timeout = TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    idle()
    while True:
        devices = open_devices()
        if not devices:
            raise DeviceUnavailable(
                f'no device is open to read "{name}" from: open one first '
                f'(to try without hardware: timewarp-sim://thermometer)')
        live = [d for d in devices if d.status in ("connected", "stalled")]
        found = _newest(live, name)
        if found is not None:
            return found
        gone = [d for d in devices if d not in live]
        if gone and (not live or _newest(gone, name) is not None):
            # The value would be the last one before the unplug: say so instead.
            gone[0].check_available()
        if time.monotonic() >= deadline:
            known = ", ".join(sensor_names()) or "none yet"
            raise DeviceTimeout(f'no reading called "{name}" arrived (readings seen: {known})')
        with devices[0].changed:
            devices[0].changed.wait(0.05)
        idle()


def _newest(devices: list[Device], name: str) -> float | None:
    best = None
    for device in devices:
        found = device.latest.get(name)
        if found is None:
            lower = {k.lower(): v for k, v in device.latest.items()}
            found = lower.get(name.lower())
        if found is not None and (best is None or found[1] > best[1]):
            best = found
    return None if best is None else best[0]


def send_line(text: str, device: Device | None = None) -> None:
    """Send one line to ``device`` (or to the only open device)."""
    if device is None:
        devices = open_devices()
        if not devices:
            raise DeviceUnavailable("no device is open to send to")
        device = devices[-1]
    device.write_line(text)
