"""BASIC, Logo, PILOT and Python each read the simulated thermometer through a real kernel.

The Time Warp kernels show a live sensor panel while the cell runs and leave the chart as a
PNG when it ends; the language sees the readings, and an unplugged device is the language's
clear error with its line, while the kernel stays alive.
"""

from __future__ import annotations

import pytest


SIM = "timewarp-sim://thermometer?rate=50&seed=4"
pytestmark = pytest.mark.slow


def _pngs(run) -> list:
    return [m for m in run.messages if m["msg_type"] == "update_display_data"
            and "image/png" in m["content"]["data"]]


def test_basic_reads_the_simulator_and_leaves_a_chart(module_kernel, run_cell):
    _, client = module_kernel("basic")
    source = (f'10 OPEN "{SIM}" AS #1\n'
              '20 FOR I = 1 TO 20: LINE INPUT #1, L$: NEXT\n'
              '30 T = SENSOR("temp")\n'
              '40 IF T > 15 AND T < 30 THEN PRINT "ROOM OK"\n'
              '50 PRINT LEFT$(L$, 5)\n'
              'RUN')
    run = run_cell(client, source, timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == "ROOM OK\ntemp=\n"
    assert any(m["msg_type"] == "comm_open" for m in run.messages), "no live panel was shown"
    assert len(_pngs(run)) == 1, "the live panel was not replaced by a picture"


def test_basic_unplugged_device_is_a_language_error(module_kernel, run_cell):
    _, client = module_kernel("basic")
    source = (f'10 OPEN "{SIM}1" AS #1\n'
              '20 PRINT #1, "FAULT UNPLUG 2"\n'
              '30 LINE INPUT #1, L$: GOTO 30\n'
              'RUN')
    run = run_cell(client, source, timeout=60)
    assert run.reply["status"] == "error"
    assert run.reply["evalue"].startswith("Device Unavailable in 30")
    again = run_cell(client, 'PRINT "ALIVE"', timeout=30)
    assert again.stdout == "ALIVE\n"


def test_logo_reads_the_simulator(module_kernel, run_cell):
    _, client = module_kernel("logo")
    run = run_cell(client, f'opendevice "|{SIM}|\nprint (sensor "temp) > 15\nshow sensors\n'
                           "closedevice", timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == "true\n[temp]\n"


def test_pilot_reads_the_simulator(module_kernel, run_cell):
    _, client = module_kernel("pilot")
    run = run_cell(client, f'C:#OK = DEVICE("{SIM}")\nC:#T = SENSOR("temp")\n'
                           "T(#T > 15):WARM\nT(#T < 15):COLD", timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout.strip() == "WARM"


def test_python_reads_the_simulator(module_kernel, run_cell):
    _, client = module_kernel("python3")
    code = ("from timewarp_iot import Sensor\n"
            f"with Sensor('{SIM}') as s:\n"
            "    values = [r['temp'] for r, _ in zip(s.readings(), range(10))]\n"
            "    s.send('LED ON')\n"
            "    answer = next(l.text for l in s if l.text.startswith('OK'))\n"
            "print(len(values), all(15 < v < 30 for v in values), answer)")
    run = run_cell(client, code, timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == "10 True OK LED ON\n"


def test_stop_button_ends_a_wait_for_a_silent_device(module_kernel, run_cell):
    import time
    manager, client = module_kernel("basic")
    source = (f'10 OPEN "{SIM}2" AS #1\n'
              '20 PRINT #1, "FAULT STALL 60"\n'
              '30 LINE INPUT #1, L$: GOTO 30\n'
              'RUN')
    msg_id = client.execute(source)
    time.sleep(3)   # the buffered lines are read; now it waits for the silent board
    manager.interrupt_kernel()
    deadline = time.monotonic() + 60
    while True:
        reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"] == "Break in 30"
    assert run_cell(client, 'PRINT "ALIVE"', timeout=30).stdout == "ALIVE\n"


def test_basic_turtle_plots_live_readings_in_the_notebook(module_kernel, run_cell):
    _, client = module_kernel("basic")
    source = (f'10 OPEN "{SIM}" AS #1\n'
              '20 PENUP: SETXY -100, 0: PENDOWN\n'
              '30 FOR X = -100 TO 100 STEP 10\n'
              '40 LINE INPUT #1, L$: SETXY X, (SENSOR("temp") - 21) * 50\n'
              '50 NEXT X\n'
              'RUN')
    run = run_cell(client, source, timeout=60)
    assert run.reply["status"] == "ok", run.reply
    texts = [m["content"]["data"]["text/plain"] for m in _pngs(run)]
    assert len(texts) == 2 and any("readings from" in t for t in texts), texts


def test_python_panel_live_in_a_with_block_then_a_picture(module_kernel, run_cell):
    _, client = module_kernel("python3")
    code = ("import time\nfrom timewarp_iot import SensorPanel\n"
            f"with SensorPanel('{SIM}') as panel:\n"
            "    while panel.received < 10:\n"
            "        time.sleep(0.05); panel.update()\n"
            "print(panel.series['temp'].count >= 10)")
    run = run_cell(client, code, timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == "True\n"
    assert any(m["msg_type"] == "comm_open" for m in run.messages)
    assert len(_pngs(run)) == 1
