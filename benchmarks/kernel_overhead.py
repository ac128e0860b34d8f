"""What the Jupyter adapter costs: a cell's round trip, program output, the stop button.

Run with ``.venv/bin/python benchmarks/kernel_overhead.py``.  In one run it starts the BASIC
kernel and, as the baseline, ipykernel's own Python kernel, and prints:

- the round trip of a trivial cell in each, and their ratio;
- a program printing many lines, timed in the kernel (until the last output reaches the
  client) and in a headless BasicSession writing to memory, and their ratio;
- how long the stop button takes to end ``10 GOTO 10`` (goal: under a second).
"""

from __future__ import annotations

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


def stop_button(manager, client) -> str:
    msg_id = client.execute("NEW\n10 GOTO 10\nRUN", stop_on_error=False)
    time.sleep(1)
    started = time.perf_counter()
    manager.interrupt_kernel()
    while (reply := client.get_shell_msg(timeout=30))["parent_header"].get("msg_id") != msg_id:
        pass
    elapsed = time.perf_counter() - started
    if reply["content"].get("ename") != "KeyboardInterrupt":
        return f"not measured: the program ended by itself ({reply['content']['status']})"
    return f"{elapsed * 1000:.0f} ms (goal: under 1000 ms)"


def main() -> None:
    basic_manager, basic = start_new_kernel(kernel_name="basic")
    python_manager, python = start_new_kernel(kernel_name="python3")
    try:
        basic_trip, python_trip = round_trip(basic, "X = 1"), round_trip(python, "x = 1")
        print(f"empty cell round trip: BASIC {basic_trip * 1000:.1f} ms, "
              f"Python {python_trip * 1000:.1f} ms, ratio {basic_trip / python_trip:.2f}")
        in_kernel, lines = printed_lines(basic, PRINTING)
        alone = headless_printing()
        print(f"{LINES} PRINT lines: kernel {in_kernel:.3f} s ({lines} lines received), "
              f"headless {alone:.3f} s, ratio {in_kernel / alone:.2f}")
        print(f"stop button on 10 GOTO 10: {stop_button(basic_manager, basic)}")
    finally:
        for manager, client in ((basic_manager, basic), (python_manager, python)):
            client.stop_channels()
            manager.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
