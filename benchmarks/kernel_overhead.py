"""What the Jupyter adapter costs: a cell's round trip, program output, the stop button.

Run with ``.venv/bin/python benchmarks/kernel_overhead.py``.  In one run it starts the BASIC
kernel and, as the baseline, ipykernel's own Python kernel, and prints:

- the round trip of a trivial cell in each, and their ratio;
- a program printing many lines, timed in the kernel (until the last output reaches the
  client) and in a headless BasicSession writing to memory, and their ratio;
- how long the stop button takes to end a runaway loop in the BASIC, Logo and PILOT kernels
  (median of 20 presses at random moments; goal: under a second) and how many presses were
  lost, with Python's ``while True: pass`` as the baseline.
"""

from __future__ import annotations

import queue
import random
import statistics
import time

from jupyter_client.manager import start_new_kernel

from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole

LINES = 20_000
PRINTING = f'NEW\n10 FOR I = 1 TO {LINES}\n20 PRINT "LINE"; I\n30 NEXT I\nRUN'


def round_trip(client, code: str, repeats: int = 30) -> float:
    """Median seconds from execute_request to execute_reply plus idle."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        client.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def printed_lines(client, code: str) -> tuple[float, int]:
    text: list[str] = []

    def collect(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            text.append(msg["content"]["text"])

    started = time.perf_counter()
    client.execute_interactive(code, timeout=300, output_hook=collect)
    return time.perf_counter() - started, "".join(text).count("\n")


def headless_printing() -> float:
    session = BasicSession(console=ScriptedConsole())
    started = time.perf_counter()
    session.execute(PRINTING)
    return time.perf_counter() - started


RUNAWAYS = {  # kernel name: a cell that never ends by itself
    "python3": "while True: pass",
    "basic": "NEW\n10 FORWARD 1: RIGHT 1: GOTO 10\nRUN",
    "logo": "forever [fd 1 rt 1]",
    "pilot": "*SPIN\nJ:*SPIN",
}


def stop_button(manager, client, runaway: str, presses: int = 20) -> tuple[float, int]:
    """Median seconds from the stop button to the error reply of a runaway cell, and how
    many presses were lost (no reply within 5 s, so the button had to be pressed again).
    The press comes at a random moment 0.1-0.6 s into the cell."""
    times, lost = [], 0
    for _ in range(presses):
        msg_id = client.execute(runaway, stop_on_error=False)
        time.sleep(random.uniform(0.1, 0.6))
        started = time.perf_counter()
        manager.interrupt_kernel()
        reply = None
        while reply is None:
            try:
                reply = client.get_shell_msg(timeout=5)
            except queue.Empty:
                lost += 1
                manager.interrupt_kernel()
                continue
            if reply["parent_header"].get("msg_id") != msg_id:
                reply = None
        times.append(time.perf_counter() - started)
        if reply["content"].get("ename") != "KeyboardInterrupt":
            raise RuntimeError(f"{runaway!r} ended by itself: {reply['content']['status']}")
    return statistics.median(times), lost


def stop_buttons(kernels: dict) -> None:
    python, python_lost = stop_button(*kernels["python3"], RUNAWAYS["python3"])
    print(f"stop button, Python `while True: pass` (baseline): {python * 1000:.1f} ms, "
          f"{python_lost} of 20 presses lost")
    for name in ("basic", "logo", "pilot"):
        ours, lost = stop_button(*kernels[name], RUNAWAYS[name])
        print(f"stop button, {name} {RUNAWAYS[name]!r}: {ours * 1000:.1f} ms "
              f"(ratio {ours / python:.2f}; goal: under 1000 ms), {lost} of 20 presses lost")


def main() -> None:
    kernels = {name: start_new_kernel(kernel_name=name) for name in RUNAWAYS}
    (_, basic), (_, python) = kernels["basic"], kernels["python3"]
    try:
        basic_trip, python_trip = round_trip(basic, "X = 1"), round_trip(python, "x = 1")
        print(f"empty cell round trip: BASIC {basic_trip * 1000:.1f} ms, "
              f"Python {python_trip * 1000:.1f} ms, ratio {basic_trip / python_trip:.2f}")
        in_kernel, lines = printed_lines(basic, PRINTING)
        alone = headless_printing()
        print(f"{LINES} PRINT lines: kernel {in_kernel:.3f} s ({lines} lines received), "
              f"headless {alone:.3f} s, ratio {in_kernel / alone:.2f}")
        stop_buttons(kernels)
    finally:
        for manager, client in kernels.values():
            client.stop_channels()
            manager.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
