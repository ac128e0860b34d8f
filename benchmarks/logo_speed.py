"""How fast Time Warp Logo runs, against hand-written Python and Debian's ucblogo, in one run.

Three programs: fib 22 (procedure calls and arithmetic), a list-building recursion (FPUT,
BUTFIRST, OUTPUT) and a 10,000-step turtle spiral.  Each is timed in Time Warp Logo and as
equivalent Python written by hand; where ``ucblogo`` and ``xvfb-run`` are installed the
same Logo program is timed there too, by a clock read inside ucblogo (so its start-up does
not count).  Goals: Logo within 10x of Python, and faster than ucblogo.  Every figure is the
best of several runs: on a busy machine, run it again when the machine is quiet.

Run: ``.venv/bin/python benchmarks/logo_speed.py``
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timewarp.engine import ScriptedConsole
from timewarp.logo.session import LogoSession
from timewarp.turtle.model import TurtleWorld

FIB = """
to fib :n
if :n < 2 [output :n]
output (fib :n - 1) + (fib :n - 2)
end
"""
LISTS = """
to squares :n
if :n = 0 [output []]
output fput :n * :n squares :n - 1
end
to total :list
if emptyp :list [output 0]
output (first :list) + total butfirst :list
end
"""
SPIRAL = """
to spiral :steps
repeat :steps [forward repcount / 100 right 89]
end
"""
PROGRAMS = {
    "fib 22": (FIB, "print fib 22"),
    "list recursion": (LISTS, "repeat 20 [ignore total squares 1000]\nprint total squares 1000"),
    "turtle spiral": (SPIRAL, "spiral 10000\nprint 1"),
}


def python_fib(n: int) -> int:
    return n if n < 2 else python_fib(n - 1) + python_fib(n - 2)


def python_squares(n: int) -> list[int]:
    return [] if n == 0 else [n * n, *python_squares(n - 1)]


def python_total(items: list[int]) -> int:
    return 0 if not items else items[0] + python_total(items[1:])


def python_lists() -> int:
    for _ in range(20):
        python_total(python_squares(1000))
    return python_total(python_squares(1000))


def python_spiral() -> int:
    turtle = TurtleWorld().turtle
    for count in range(1, 10001):
        turtle.forward(count / 100)
        turtle.right(89)
    return 1


PYTHON: dict[str, Callable[[], object]] = {
    "fib 22": lambda: python_fib(22),
    "list recursion": python_lists,
    "turtle spiral": python_spiral,
}


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def time_logo(name: str) -> tuple[float, str]:
    definitions, main = PROGRAMS[name]
    outputs = []

    def run() -> None:
        console = ScriptedConsole()
        session = LogoSession(console=console)
        session.execute(definitions)
        session.execute(main)
        outputs.append(console.output)
    return best_of(10, run), outputs[-1].strip()


def time_ucblogo(name: str) -> tuple[float, str] | None:
    """ucblogo's time for a program, measured inside ucblogo with SHELL [date] (it has no
    clock of its own), less the cost of asking for the time; and what it printed."""
    if not (shutil.which("ucblogo") and shutil.which("xvfb-run")):
        return None
    clock = 'first first shell [date +%s%N]'
    definitions, main = PROGRAMS[name]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.txt"
        program = Path(folder) / "program.lg"
        program.write_text(
            f'openwrite "{out}\nsetwrite "{out}\n{definitions}\n'
            f'make "t0 {clock}\nmake "t1 {clock}\n{main}\nmake "t2 {clock}\n'
            f'print ((:t2 - :t1) - (:t1 - :t0)) / 1e9\nsetwrite []\nclose "{out}\nbye\n')
        subprocess.run(["xvfb-run", "-a", "ucblogo", str(program)], capture_output=True,
                       timeout=300, check=False)
        lines = out.read_text().strip().splitlines() if out.exists() else []
    if not lines:
        return None
    return max(float(lines[-1]), 1e-6), "\n".join(lines[:-1]).strip()


def main() -> int:
    # The Python baselines recurse as deep as the Logo programs do.
    sys.setrecursionlimit(10_000)
    print(f"{'program':16} {'Logo s':>8} {'Python s':>9} {'x Python':>9} {'ucblogo s':>10}"
          f" {'x ucblogo':>10}")
    failed = False
    for name in PROGRAMS:
        logo, logo_output = time_logo(name)
        python = best_of(10, PYTHON[name])
        line = f"{name:16} {logo:8.3f} {python:9.3f} {logo / python:9.1f}"
        runs = [found for _ in range(3) if (found := time_ucblogo(name)) is not None]
        ucb = min(runs, key=lambda found: found[0]) if runs else None
        if ucb is not None:
            ucb_time = ucb[0]
            line += f" {ucb_time:10.3f} {logo / ucb_time:10.2f}"
            if ucb[1] != logo_output:
                line += f"  (outputs differ: {ucb[1]!r} vs {logo_output!r})"
                failed = True
        print(line)
    if not (shutil.which("ucblogo") and shutil.which("xvfb-run")):
        print("ucblogo not installed: apt-get install -y ucblogo xvfb")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
