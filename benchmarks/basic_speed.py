"""How fast compiled BASIC runs, against the same programs written by hand in Python.

Run with ``.venv/bin/python benchmarks/basic_speed.py``.  Each BASIC program runs in a
BasicSession; its Python twin runs in the same process right after, and the script prints
the ratio of the two times.  The goal (issue 2) is a ratio within 3 for every program.
"""

from __future__ import annotations

import time

from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole

LOOP = """
10 S = 0
20 FOR I = 1 TO 1000000
30 S = S + I * 2 - 1
40 NEXT I
50 PRINT S
"""


def loop_python() -> str:
    s = 0
    for i in range(1, 1000001):
        s = s + i * 2 - 1
    return str(s)


STRINGS = """
10 N = 0
20 FOR I = 1 TO 200000
30 A$ = ""
40 FOR J = 1 TO 5
50 A$ = A$ + CHR$(65 + J)
60 NEXT J
70 N = N + LEN(A$ + STR$(I))
80 NEXT I
90 PRINT N
"""


def strings_python() -> str:
    n = 0
    for i in range(1, 200001):
        a = ""
        for j in range(1, 6):
            a = a + chr(65 + j)
        n = n + len(a + " " + str(i))   # STR$ puts a space before a positive number
    return str(n)


SORT = """
10 N = 2000
20 DIM A(N)
30 X = 12345
40 FOR I = 1 TO N
50 X = X * 1103 + 12345: X = X - INT(X / 32749) * 32749
60 A(I) = X
70 NEXT I
80 FOR I = 1 TO N - 1
90 FOR J = 1 TO N - I
100 IF A(J) > A(J + 1) THEN T = A(J): A(J) = A(J + 1): A(J + 1) = T
110 NEXT J
120 NEXT I
130 PRINT A(1); A(N)
"""


def sort_python() -> str:
    n = 2000
    a = [0] * (n + 1)
    x = 12345
    for i in range(1, n + 1):
        x = x * 1103 + 12345
        x = x - (x // 32749) * 32749
        a[i] = x
    for i in range(1, n):
        for j in range(1, n - i + 1):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return f"{a[1]} {a[n]}"


# The same sort with the array declared the way QBasic students write it: its subscripts
# start at 1, and a subscript below 1 must still be "Subscript out of range".
SORT_FROM_1 = SORT.replace("20 DIM A(N)", "20 DIM A(1 TO N)")


GOSUBS = """
10 S = 0
20 FOR I = 1 TO 300000
30 GOSUB 100
40 NEXT I
50 PRINT S
60 END
100 S = S + I * 2: C = C + 1
110 RETURN
"""


def gosubs_python() -> str:
    total = count = 0

    def subroutine(i: int) -> None:
        nonlocal total, count
        total = total + i * 2
        count = count + 1

    for i in range(1, 300001):
        subroutine(i)
    return str(total)


PROGRAMS = [
    ("1M-iteration FOR loop", LOOP, loop_python),
    ("string building", STRINGS, strings_python),
    ("bubble sort of 2000 numbers", SORT, sort_python),
    ("bubble sort, DIM A(1 TO N)", SORT_FROM_1, sort_python),
    ("GOSUB-heavy loop", GOSUBS, gosubs_python),
]


def best_of(runs: int, job) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print(f"{'program':32} {'BASIC s':>9} {'Python s':>9} {'ratio':>6}")
    worst = 0.0
    for title, source, twin in PROGRAMS:
        console = ScriptedConsole()
        session = BasicSession(console=console)
        basic = best_of(3, lambda: session.run_file(source))
        python = best_of(3, twin)
        printed = console.output.splitlines()[-1].split()
        if [float(v) for v in printed] != [float(v) for v in twin().split()]:
            raise SystemExit(f"{title}: BASIC printed {printed}, Python {twin()}")
        ratio = basic / python
        worst = max(worst, ratio)
        print(f"{title:32} {basic:9.3f} {python:9.3f} {ratio:6.2f}")
    print(f"worst ratio {worst:.2f} (goal: 3.00 or less)")


if __name__ == "__main__":
    main()
