"""Streaming a sensor into a live panel: rate sustained, readings lost, kernel CPU, delay.

Run with ``.venv/bin/python benchmarks/iot_stream.py [--seconds 10]``.  A separate process
plays an Arduino at 115200 baud on a pseudo-terminal: it writes ``n=<count>,t=<time>``
lines, paced to the 11,520 bytes a second that 115200 baud carries.  In the same run:

- baseline: a plain pyserial ``readline`` loop in this process reads the stream;
- ours: a real Python kernel (jupyter_client) shows ``timewarp_iot.SensorPanel`` on the
  port and updates it from the kernel's event loop while no cell runs, as a student sees it.

Printed: readings a second received by each, the share lost (numbers missing from ``n``;
goal 0), the kernel's CPU use while streaming (from /proc), and the delay from a line being
written to the chart that shows it (median and 95th percentile: ``now - t`` of the newest
reading each time the chart picture is replaced).
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import statistics
import subprocess
import sys
import time
from pathlib import Path

import serial
from jupyter_client.manager import start_new_kernel

BAUD = 115200
WRITER = r"""
import os, sys, time
fd, seconds = int(sys.argv[1]), float(sys.argv[2])
bytes_per_second = 115200 / 10          # 8 data bits, a start and a stop bit
start = time.time(); sent = 0; n = 0
while time.time() - start < seconds:
    n += 1
    line = f"n={n},t={time.time():.6f}\r\n".encode()
    os.write(fd, line)
    sent += len(line)
    ahead = sent / bytes_per_second - (time.time() - start)
    if ahead > 0:
        time.sleep(ahead)
print(n, flush=True)
"""


def arduino(seconds: float) -> tuple[subprocess.Popen, str, int]:
    master, slave = pty.openpty()
    name = os.ttyname(slave)
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(master), str(seconds + 1.0)],
                               pass_fds=(master,), stdout=subprocess.PIPE, text=True)
    os.close(master)
    return process, name, slave


def baseline(seconds: float) -> dict:
    process, name, slave = arduino(seconds)
    port = serial.Serial(name, BAUD, timeout=0.5)
    os.close(slave)
    cpu0, wall0 = time.process_time(), time.monotonic()
    numbers = []
    while time.monotonic() - wall0 < seconds:
        line = port.readline().decode(errors="replace").strip()
        if line.startswith("n="):
            numbers.append(int(line.split(",")[0][2:]))
    cpu = time.process_time() - cpu0
    port.close()
    process.wait(timeout=30)
    return _summary(numbers, seconds, cpu)


KERNEL_SETUP = """
import time
from timewarp_iot import SensorPanel
panel = SensorPanel({name!r}, window=600)
delays = []
_show = panel._show
def _timed(force):
    before = panel.chart.value
    _show(force)
    t = panel.series.get("t")
    if t is not None and panel.chart.value is not before:
        delays.append(time.time() - t.latest)
panel._show = _timed
panel
"""
KERNEL_REPORT = """
import json
n = panel.series["n"]
print(json.dumps({{"numbers": [int(v) for _, v in n.points], "delays": delays,
                  "dropped": panel.lines.dropped}}))
"""


def ours(seconds: float) -> dict:
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        process, name, slave = arduino(seconds + 2.0)
        client.execute_interactive(KERNEL_SETUP.format(name=name), timeout=60,
                                   output_hook=lambda msg: None)
        os.close(slave)
        pid = manager.provisioner.process.pid
        time.sleep(1.0)          # settle, then measure a window of steady streaming
        count0 = _readings(client)
        cpu0, wall0 = _cpu_seconds(pid), time.monotonic()
        time.sleep(seconds)
        cpu = _cpu_seconds(pid) - cpu0
        wall = time.monotonic() - wall0
        count = _readings(client) - count0
        out: list[str] = []
        client.execute_interactive(KERNEL_REPORT.format(), timeout=60, output_hook=lambda msg: (
            out.append(msg["content"]["text"]) if msg["msg_type"] == "stream" else None))
        report = json.loads("".join(out))
        process.wait(timeout=30)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    result = _summary(report["numbers"], None, cpu, wall)
    result["rate"] = count / wall
    result["delays"] = report["delays"]
    result["dropped"] = report["dropped"]
    return result


def _readings(client) -> int:
    out: list[str] = []
    client.execute_interactive('print(panel.series["n"].count if "n" in panel.series else 0)',
                               timeout=60, output_hook=lambda msg: (
                                   out.append(msg["content"]["text"])
                                   if msg["msg_type"] == "stream" else None))
    return int("".join(out))


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _summary(numbers: list[int], seconds: float | None, cpu: float, wall: float | None = None
             ) -> dict:
    if not numbers:
        return {"rate": 0.0, "lost": 1.0, "cpu": cpu}
    span = range(numbers[0], numbers[-1] + 1)
    received = len(set(numbers))
    lost = 1 - received / len(span)
    duration = seconds if seconds is not None else wall
    reordered = sum(1 for a, b in zip(numbers, numbers[1:]) if b <= a)
    return {"rate": received / duration, "lost": lost, "cpu": cpu / (duration or 1),
            "reordered": reordered, "received": received}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    base = baseline(args.seconds)
    live = ours(args.seconds)
    delays = sorted(live["delays"]) or [float("nan")]
    p95 = delays[min(len(delays) - 1, int(0.95 * len(delays)))]
    print(f"{'':34}{'pyserial loop':>15}{'live panel':>13}{'ratio':>8}")
    print(f"{'readings a second':34}{base['rate']:>15.0f}{live['rate']:>13.0f}"
          f"{live['rate'] / base['rate']:>8.2f}")
    print(f"{'share lost (goal 0)':34}{base['lost']:>15.2%}{live['lost']:>13.2%}")
    print(f"{'reordered':34}{base['reordered']:>15}{live['reordered']:>13}")
    print(f"{'CPU while streaming (one core)':34}{base['cpu']:>15.1%}{live['cpu']:>13.1%}")
    print(f"line written -> chart updated: median {statistics.median(delays) * 1000:.0f} ms, "
          f"95th percentile {p95 * 1000:.0f} ms ({len(live['delays'])} chart updates); "
          f"lines dropped by the panel's queue: {live['dropped']}")


if __name__ == "__main__":
    main()
