"""Sensors and devices in Logo: OPENDEVICE, SENSOR, SENSORS, SENDLINE, DEVICELINE, CLOSEDEVICE.

A device is a file the program opens (see :mod:`timewarp.devices`):
``opendevice "timewarp-sim://thermometer`` (or ``"COM1:9600``), then ``sensor "temp``
outputs the newest temperature, ``sensors`` the names of the readings seen so far,
``sendline [LED ON]`` sends a line to the device and ``deviceline`` outputs its next line.
"""

from __future__ import annotations

from typing import Any

from timewarp import devices
from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.values import is_word, print_form, word_text


def _opened(interp: Any) -> list:
    """The devices this Logo session opened, with their line queues, newest last."""
    if not hasattr(interp, "opened_devices"):
        interp.opened_devices = []
    return interp.opened_devices


def _device_error(name: str, error: devices.DeviceError) -> LogoError:
    return LogoError(f"{name} can't use the device: {error}")


@primitive("opendevice", 1, outputs=False)
def opendevice(interp: Any, spec: Any) -> None:
    if not is_word(spec):
        raise doesnt_like("opendevice", spec)
    try:
        device = devices.open_device(word_text(spec))
    except devices.DeviceError as error:
        raise _device_error("opendevice", error) from None
    _opened(interp).append((device, device.subscribe()))


@primitive("closedevice", 0, 0, 1, outputs=False)
def closedevice(interp: Any, spec: Any = None) -> None:
    opened = _opened(interp)
    for device, queue in list(opened):
        if spec is None or word_text(spec) in (device.url, device.name):
            queue.close()
            devices.release(device)
            opened.remove((device, queue))


@primitive("sensor", 1)
def sensor(interp: Any, name: Any) -> Any:
    if not is_word(name):
        raise doesnt_like("sensor", name)
    try:
        value = devices.latest(word_text(name))
    except devices.DeviceError as error:
        raise _device_error("sensor", error) from None
    return int(value) if value.is_integer() else value


@primitive("sensors", 0)
def sensors(interp: Any) -> Any:
    return list(devices.sensor_names())


@primitive("sendline", 1, outputs=False)
def sendline(interp: Any, text: Any) -> None:
    opened = _opened(interp)
    if not opened:
        raise LogoError('sendline has no device to send to: opendevice "COM1:9600 first')
    line = print_form(text) if isinstance(text, list) else word_text(text)
    try:
        opened[-1][0].write_line(line)
    except devices.DeviceError as error:
        raise _device_error("sendline", error) from None


@primitive("deviceline", 0)
def deviceline(interp: Any) -> Any:
    opened = _opened(interp)
    if not opened:
        raise LogoError('deviceline has no device to read: opendevice "COM1:9600 first')
    try:
        return opened[-1][1].get(devices.TIMEOUT, devices.idle).text
    except devices.DeviceError as error:
        raise _device_error("deviceline", error) from None
