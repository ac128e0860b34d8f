"""The Python object API: ``with Sensor("timewarp-sim://thermometer") as s: s.latest("temp")``.

A :class:`Sensor` is the same shared device BASIC, Logo and PILOT open (see
:mod:`timewarp.devices`): iterate it for its lines (each with ``readings``), ask for the
newest value of a reading, send it a line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from timewarp import devices


class Sensor:
    """A device opened by URL or port name (``COM1:9600``, ``/dev/ttyACM0``, ``loop://``)."""

    def __init__(self, port: str, timeout: float | None = None) -> None:
        install_browser_bridge()
        self.device = devices.open_device(port)
        self.lines = self.device.subscribe()
        self.timeout = devices.TIMEOUT if timeout is None else timeout
        self._closed = False

    def __iter__(self) -> Iterator[devices.Line]:
        """Every line from now on, in order; stops with DeviceUnavailable on unplug."""
        while True:
            yield self.read_line()

    def read_line(self) -> devices.Line:
        return self.lines.get(self.timeout, devices.idle)

    def readings(self) -> Iterator[dict[str, float]]:
        """Only the lines that hold readings, as ``{name: value}``."""
        for line in self:
            if line.readings:
                yield line.readings

    def latest(self, name: str = "value") -> float:
        return devices.latest(name, self.timeout)

    def send(self, text: str, ending: str = "\n") -> None:
        self.device.write_line(text, ending)

    @property
    def status(self) -> str:
        return self.device.describe()

    @property
    def dropped(self) -> int:
        return self.lines.dropped

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.lines.close()
            devices.release(self.device)

    def __enter__(self) -> Sensor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def connect(port: str, timeout: float | None = None) -> Sensor:
    return Sensor(port, timeout)


def install_browser_bridge() -> None:
    """Let ``webserial:`` (and COMn on a machine without serial ports) open the browser's
    port through :mod:`timewarp_iot.bridge`, imported only when first used.  Only inside a
    kernel: a script or a terminal has no browser to ask."""
    kernelbase = sys.modules.get("ipykernel.kernelbase")
    if kernelbase is None or not kernelbase.Kernel.initialized():
        return

    def open_bridge(url: str, baud: int):
        from timewarp_iot.bridge import open_bridge_port
        return open_bridge_port(url, baud)
    devices.register_scheme("webserial:", open_bridge)
    devices.register_fallback("webserial:")
    if os.environ.get("JUPYTERHUB_USER") and not os.environ.get("TIMEWARP_COM1"):
        # On a hub the server's own serial ports (if any) are nobody's: COM1 is the
        # student's device, through their browser.
        devices.set_alias("COM1", "webserial:")
