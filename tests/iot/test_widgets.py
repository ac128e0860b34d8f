"""The widgets, driven in this process as the kernel drives them (update() on its thread)."""

from __future__ import annotations

import base64
import io
import time

from PIL import Image

from timewarp import devices
from timewarp_iot import SensorPanel, SerialMonitor


def settle(widget, condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        widget.update()
        if condition():
            return
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_panel_makes_a_series_per_sensor_from_every_line_format():
    panel = SensorPanel("loop://")
    try:
        for line in ["x,y", "1,2", "3,4", "temp=21.5 hum=40", '{"light": 512}', "7", "hello"]:
            panel.device.write_line(line)
        settle(panel, lambda: panel.received == 7)
        assert {n: s.count for n, s in panel.series.items()} == {
            "x": 2, "y": 2, "temp": 1, "hum": 1, "light": 1, "value": 1}
        assert panel.series["x"].mean == 2 and panel.series["y"].high == 4
        panel._show(force=True)
        assert "temp 21.5 °C" in panel.values.value
        assert "x: min 1 max 3 mean 2 (2 readings)" in panel.stats.value
        chart = Image.open(io.BytesIO(panel.chart.value))
        assert chart.size == (600, 220) and len(chart.convert("RGB").getcolors(1 << 16)) > 3
    finally:
        panel.close()


def test_panel_pause_csv_log_and_dropped_lines_shown():
    panel = SensorPanel("loop://")
    try:
        panel.logging.value = True
        panel.device.write_line("t=1")
        settle(panel, lambda: panel.received == 1)
        panel.pause.value = True
        panel.device.write_line("t=2")
        settle(panel, lambda: panel.received == 2)
        assert panel.series["t"].count == 1 and "(paused)" in panel.values.value
        panel.logging.value = False
        link = panel.download.value
        assert 'download="readings.csv"' in link and "(1 rows)" in link
        encoded = link.split("base64,")[1].split('"')[0]
        assert base64.b64decode(encoded).decode().splitlines()[1].endswith(",1.0")
        panel.lines.maxsize = 3
        for n in range(10):
            panel.device.write_line(f"t={n}")
        settle(panel, lambda: panel.lines.dropped > 0)
        assert f"{panel.lines.dropped} line(s) dropped" in panel.status.value
    finally:
        panel.close()


def test_monitor_connects_sends_logs_and_disconnects():
    monitor = SerialMonitor("timewarp-sim://thermometer?rate=50")
    assert "timewarp-sim://thermometer" in monitor.port.options
    monitor.connect.value = True
    try:
        assert monitor.connect.description == "Disconnect"
        monitor.text.value = "LED ON"
        monitor.send_line(monitor.text.value)
        settle(monitor, lambda: "OK LED ON" in monitor.log_box.value)
        assert "> LED ON" in monitor.log_box.value and monitor.status.value == "connected"
        monitor.send_line("FAULT GARBAGE")
        settle(monitor, lambda: "(garbled)" in monitor.log_box.value)
        assert "baud rate" in monitor.status.value
    finally:
        monitor.connect.value = False
    assert monitor.status.value == "not connected" and not devices.open_devices()


def test_monitor_shows_why_a_port_will_not_open():
    monitor = SerialMonitor("/dev/ttyNOSUCHPORT")
    monitor.connect.value = True
    assert monitor.connect.value is False
    assert monitor.status.value.startswith("cannot connect: cannot open /dev/ttyNOSUCHPORT")
    monitor.close()
