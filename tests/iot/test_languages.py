"""Devices from BASIC, Logo and PILOT sessions in this process: errors with GW-BASIC's numbers,
timeouts, EOF on a device, and a turtle plotter of live readings at the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from timewarp import devices
from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole
from timewarp.logo.errors import LogoError
from timewarp.logo.session import LogoSession
from timewarp.pilot.errors import PilotError
from timewarp.pilot.session import PilotSession


def basic(source: str) -> str:
    console = ScriptedConsole()
    BasicSession(console=console).execute(source)
    return console.output


def test_device_errors_have_gw_basic_numbers_for_on_error(monkeypatch):
    monkeypatch.setattr(devices, "TIMEOUT", 0.5)
    devices.set_alias("COM7", "/dev/ttyNOSUCHPORT")
    try:
        out = basic('10 ON ERROR GOTO 100\n'
                    '20 OPEN "COM7:9600" AS #1\n'
                    '30 PRINT SENSOR("temp")\n'
                    '40 OPEN "timewarp-sim://button?rate=50" AS #2\n'
                    '50 PRINT #2, "FAULT STALL 5"\n'
                    '60 LINE INPUT #2, L$: GOTO 60\n'
                    '70 END\n'
                    '100 PRINT "ERROR"; ERR; "IN"; ERL\n'
                    '110 IF ERR = 24 THEN RESUME 70 ELSE RESUME NEXT\n')
    finally:
        devices.set_alias("COM7", None)
    # COM7 is missing, so no device is open for SENSOR either; then the button goes silent.
    assert out == "ERROR 68 IN 20 \nERROR 68 IN 30 \nERROR 24 IN 60 \n"


def test_sensor_without_a_device_says_what_to_do():
    with pytest.raises(BasicError,
                       match='Device Unavailable in 10: no device is open to read "temp"'):
        basic('10 PRINT SENSOR("temp")\nRUN')


def test_eof_on_a_device_means_nothing_waiting():
    out = basic('10 OPEN "loop://" AS #1\n20 PRINT EOF(1)\n30 PRINT #1, "12, 34"\n'
                '40 INPUT #1, A, B: PRINT A + B; EOF(1)\n')
    assert out == "-1 \n 46 -1 \n"


def test_a_program_end_releases_its_devices():
    basic('10 OPEN "timewarp-sim://light" AS #1\n20 OPEN "timewarp-sim://light" AS #2\nRUN')
    assert devices.open_devices() == []


def test_logo_and_pilot_errors_are_plain_words(monkeypatch):
    monkeypatch.setattr(devices, "TIMEOUT", 0.3)
    logo = LogoSession(console=ScriptedConsole())
    with pytest.raises(LogoError, match="sensor can't use the device: no device is open"):
        logo.execute('print sensor "temp')
    with pytest.raises(LogoError, match="opendevice can't use the device: cannot open"):
        logo.execute('opendevice "/dev/ttyNOSUCHPORT')
    logo.execute('opendevice "|timewarp-sim://distance?rate=50|')
    with pytest.raises(LogoError, match='no reading called "temp" arrived'):
        logo.execute('print sensor "temp')
    logo.execute("closedevice")
    pilot = PilotSession(console=ScriptedConsole())
    with pytest.raises(PilotError, match="SENSOR cannot read 'temp': no device is open"):
        pilot.execute('C:#T = SENSOR("temp")')
    with pytest.raises(PilotError, match="DEVICE needs words in quotes"):
        pilot.execute("C:#T = DEVICE(3)")


PLOTTER = """10 OPEN "timewarp-sim://thermometer?rate=100&seed=7" AS #1
20 PENUP: SETXY -200, 0: PENDOWN
30 FOR X = -200 TO 200 STEP 4
40 T = SENSOR("temp"): LINE INPUT #1, L$
50 SETXY X, (T - 21) * 40
60 NEXT X
70 CLOSE #1
"""


def test_turtle_plotter_of_live_temperature_at_the_command_line(tmp_path):
    program = tmp_path / "plot.bas"
    program.write_text(PLOTTER)
    log = tmp_path / "plot.json"
    run = subprocess.run([sys.executable, "-m", "timewarp", "run", str(program),
                          "--turtle-json", str(log)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    text = log.read_text()
    data = json.loads(text)
    assert text.count("-200") >= 1 and len(text) > 2000, "the plot has too few segments"
    assert data


def test_sensor_of_an_unplugged_device_is_an_error_not_an_old_value():
    with pytest.raises(BasicError, match="Device Unavailable in 40: .* was unplugged"):
        basic('10 OPEN "timewarp-sim://thermometer?rate=50" AS #1\n'
              '20 PRINT SENSOR("temp") > 0\n'
              '30 PRINT #1, "FAULT UNPLUG 3"\n'
              '40 T = SENSOR("temp"): GOTO 40\n'
              'RUN')
