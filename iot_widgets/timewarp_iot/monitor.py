"""The serial monitor: a port picker listing the real ports, baud rate, line ending, a send
box, a scrolling log of what the device says, connect/disconnect and its status.

Like Arduino's Serial Monitor, in a notebook.  Lines come from the device's reader thread
through a bounded queue and reach the log from the kernel's thread (see pacing); garbled
lines are shown marked, and dropped lines are counted in the status.
"""

from __future__ import annotations

import ipywidgets as widgets

from timewarp import devices
from timewarp_iot.api import install_browser_bridge
from timewarp_iot.pacing import Pacer

BAUD_RATES = [300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400]
ENDINGS = {"newline (\\n)": "\n", "CR and LF (\\r\\n)": "\r\n", "CR (\\r)": "\r", "none": ""}
BROWSER = "webserial:"      # the device on the computer running the browser (see bridge)
SIMULATORS = ["timewarp-sim://thermometer", "timewarp-sim://light", "timewarp-sim://distance",
              "timewarp-sim://accelerometer", "timewarp-sim://button"]
LOG_LINES = 500


def available_ports() -> list[str]:
    from serial.tools import list_ports
    return sorted(p.device for p in list_ports.comports())


class SerialMonitor(widgets.VBox):
    def __init__(self, port: str | None = None, baud: int = 9600, **kwargs) -> None:
        install_browser_bridge()
        choices = available_ports() + [BROWSER] + SIMULATORS
        self.port = widgets.Combobox(value=port or (choices[0] if choices else ""),
                                     options=choices, placeholder="port or URL",
                                     description="Port", ensure_option=False)
        self.refresh = widgets.Button(description="", icon="refresh", tooltip="list ports again",
                                      layout=widgets.Layout(width="40px"))
        self.baud = widgets.Dropdown(options=BAUD_RATES, value=baud, description="Baud")
        self.ending = widgets.Dropdown(options=list(ENDINGS), value="newline (\\n)",
                                       description="Ending")
        self.connect = widgets.ToggleButton(value=False, description="Connect", icon="plug")
        self.status = widgets.Label(value="not connected")
        self.text = widgets.Text(placeholder="a line to send, e.g. LED ON",
                                 continuous_update=False)
        self.send_button = widgets.Button(description="Send", disabled=True)
        self.log_box = widgets.Textarea(value="", disabled=True,
                                    layout=widgets.Layout(width="100%", height="240px"))
        self.device: devices.Device | None = None
        self.lines: devices.LineQueue | None = None
        self.shown: list[str] = []
        self.refresh.on_click(lambda _: self._list_ports())
        self.connect.observe(self._toggle, "value")
        self.send_button.on_click(lambda _: self.send_line(self.text.value))
        self.text.on_submit(lambda _: self.send_line(self.text.value))
        super().__init__([widgets.HBox([self.port, self.refresh, self.baud, self.ending]),
                          widgets.HBox([self.connect, self.status]),
                          widgets.HBox([self.text, self.send_button]), self.log_box], **kwargs)
        self.pacer = Pacer(self.update)

    def _list_ports(self) -> None:
        self.port.options = available_ports() + [BROWSER] + SIMULATORS

    def _toggle(self, change) -> None:
        if change["new"]:
            self.open_port()
        else:
            self.close_port()

    def open_port(self) -> None:
        try:
            self.device = devices.open_device(self.port.value, self.baud.value)
        except devices.DeviceError as error:
            self.connect.value = False
            self.status.value = f"cannot connect: {error}"
            return
        self.lines = self.device.subscribe()
        self.connect.description, self.connect.icon = "Disconnect", "unlink"
        self.send_button.disabled = False
        self.pacer.start()
        self.update()

    def close_port(self) -> None:
        if hasattr(self, "pacer"):
            self.pacer.stop()
        if getattr(self, "device", None) is not None:
            self.lines.close()
            devices.release(self.device)
            self.device = self.lines = None
        self.connect.description, self.connect.icon = "Connect", "plug"
        self.send_button.disabled = True
        self.status.value = "not connected"

    def send_line(self, text: str) -> None:
        if self.device is None:
            return
        try:
            self.device.write_line(text, ENDINGS[self.ending.value])
            self._append([f"> {text}"])
            self.text.value = ""
        except devices.DeviceError as error:
            self.status.value = f"cannot send: {error}"

    def update(self) -> None:
        if self.lines is None:
            return
        fresh = self.lines.drain(LOG_LINES)
        self._append([("(garbled) " if line.garbled else "") + line.text for line in fresh])
        dropped = self.lines.dropped
        self.status.value = self.device.describe() + (
            f"; {dropped} line(s) dropped" if dropped else "")

    def _append(self, texts: list[str]) -> None:
        if texts:
            self.shown = (self.shown + texts)[-LOG_LINES:]
            self.log_box.value = "\n".join(self.shown)

    def close(self) -> None:
        self.close_port()
        super().close()
