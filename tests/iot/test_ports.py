"""Devices on real pyserial ports: loop://, the timewarp-sim:// simulator, and a pretend
Arduino writing to a pseudo-terminal from a separate process (garbage, a stall, an unplug
followed by a replug)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import serial

from timewarp import devices
from timewarp.devices.readings import ReadingParser

ARDUINO = Path(__file__).with_name("arduino.py")


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def arduino(tmp_path):
    started = []

    def start(*steps):
        link = tmp_path / "ttyARDUINO"
        process = subprocess.Popen([sys.executable, str(ARDUINO), str(link), *steps],
                                   stdout=subprocess.PIPE, text=True)
        started.append(process)
        assert process.stdout.readline().strip() == "ready"
        return str(link), process
    yield start
    for process in started:
        process.kill()
        process.wait()


def test_simulator_opens_through_pyserial_with_no_extra_import():
    out = subprocess.run([sys.executable, "-c",
                          "import serial; p = serial.serial_for_url("
                          "'timewarp-sim://distance?rate=100&seed=2', timeout=2); "
                          "print(p.readline().decode().strip().split('=')[0])"],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "distance", out.stderr


@pytest.mark.parametrize("kind,names", [("thermometer", ["temp"]), ("light", ["light"]),
                                        ("distance", ["distance"]), ("button", ["button"]),
                                        ("accelerometer", ["ax", "ay", "az"])])
def test_each_simulated_sensor_streams_the_same_readings_for_a_seed(kind, names):
    def first_readings():
        port = serial.serial_for_url(f"timewarp-sim://{kind}?rate=200&seed=9", timeout=2)
        parser = ReadingParser()
        got = [parser.parse(port.readline().decode()) for _ in range(20)]
        port.close()
        return got
    first = first_readings()
    assert all(list(r) == names for r in first)
    assert first == first_readings()


@pytest.mark.parametrize("fmt", ["plain", "csv", "json", "kv"])
def test_every_line_format_parses(fmt):
    device = devices.open_device(f"timewarp-sim://accelerometer?rate=100&format={fmt}")
    try:
        wait_for(lambda: len(device.latest) >= 3)
    finally:
        devices.release(device)
    assert 0.8 < next(v for n, (v, _) in device.latest.items() if n in ("az", "value3")) < 1.2


def test_simulator_answers_commands_and_counts_garbage():
    device = devices.open_device("timewarp-sim://thermometer?rate=20")
    lines = device.subscribe()
    device.write_line("LED ON")
    device.write_line("FAULT GARBAGE")
    device.write_line("WHAT")
    seen = [lines.get(5).text for _ in range(8)]
    assert "OK LED ON" in seen and "ERR unknown command: WHAT" in seen
    assert device.garbled == 1 and "baud rate" in device.describe()
    devices.release(device)


def test_loop_port_gives_back_what_was_written_in_order():
    device = devices.open_device("loop://")
    lines = device.subscribe()
    for n in range(200):
        device.write_line(f"n={n}")
    got = [lines.get(5).readings["n"] for _ in range(200)]
    assert got == list(range(200))
    devices.release(device)


def test_a_full_queue_drops_the_oldest_and_counts_it():
    device = devices.open_device("loop://")
    lines = device.subscribe(maxsize=10)
    for n in range(25):
        device.write_line(str(n))
    wait_for(lambda: device.lines_seen == 25)
    assert [line.text for line in lines.drain()] == [str(n) for n in range(15, 25)]
    assert lines.dropped == 15
    devices.release(device)


def test_missing_port_and_busy_port_are_unavailable(arduino):
    with pytest.raises(devices.DeviceUnavailable, match="cannot open"):
        devices.open_device("/dev/ttyNOSUCHPORT")
    link, _ = arduino("hold")
    holder = serial.Serial(link, exclusive=True)
    try:
        with pytest.raises(devices.DeviceUnavailable, match="cannot open"):
            devices.open_device(link)
    finally:
        holder.close()


def test_arduino_on_a_pty_garbage_stall_unplug_replug(arduino):
    link, _ = arduino("wait:1", "lines:50", "garbage", "lines:50", "stall:2.5", "lines:10",
                      "unplug:1.5", "wait:1.5", "lines:20", "hold")
    device = devices.open_device(link)
    lines = device.subscribe()
    try:
        wait_for(lambda: device.status == "stalled")
        wait_for(lambda: device.status == "unplugged")
        received = lines.drain()
        with pytest.raises(devices.DeviceUnavailable, match="unplugged"):
            lines.get(5)
        wait_for(lambda: device.reconnects == 1 and device.status == "connected")
        wait_for(lambda: len(lines) >= 20)
        received += lines.drain()
    finally:
        devices.release(device)
    numbers = [int(line.readings["temp"]) for line in received if line.readings]
    # Before the unplug: lines 1-110 except the one the junk line swallowed; after the
    # replug (the board waits for the port to be opened again) lines 111-130.
    # Nothing merged, nothing reordered, junk counted.
    assert numbers[:50] == list(range(1, 51))
    assert numbers[50:109] == list(range(52, 111)) or numbers[50:110] == list(range(51, 111))
    assert numbers[-20:] == list(range(111, 131))
    assert device.garbled >= 1
    assert lines.dropped == 0


def test_reading_parser_reads_what_boards_print():
    parser = ReadingParser()
    assert parser.parse("(12, -3, 980)") == {"value1": 12, "value2": -3, "value3": 980}
    assert parser.parse("temp:21.5,hum:40") == {"temp": 21.5, "hum": 40}
    assert parser.parse("x:1 y:2") == {"x": 1, "y": 2}
    assert parser.parse("Starting...") is None and parser.parse("nan") is None
    assert parser.parse("a\tb") is None and parser.parse("1\t2") == {"a": 1, "b": 2}
