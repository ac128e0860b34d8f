"""Resource limits: a program can exhaust BASIC's memory, never the kernel's."""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError

from .conftest import Runner, run


@pytest.mark.parametrize("source, message", [
    ("10 DIM A(1E9)\n", "Out of memory in 10"),
    ("10 DIM A(3000, 3000)\n", "Out of memory in 10"),
    ("10 GOSUB 10\n", "Out of memory in 10"),
    ("SUB forever (n)\n forever n + 1\nEND SUB\nforever 1\n", "Out of memory in 2"),
    ("10 A$ = \"X\"\n20 A$ = A$ + A$: GOTO 20\n", "String too long in 20"),
    ("10 A$ = STRING$(300, 65)\n", "Illegal function call in 10"),
    # In the line that called the function, as GW-BASIC (PC-BASIC) reports it.
    ("10 DEF FNR(X) = FNR(X) + 1\n20 PRINT FNR(1)\n", "Out of memory in 20"),
    ("10 X% = 40000\n", "Overflow in 10"),
    # Deeper than Python will compile: the program's fault, said in BASIC's words.
    ("PRINT " + "+".join(["1"] * 5000) + "\n",
     "Out of memory: an expression is too long or nested too deeply"),
    ("".join(f"FOR I{k} = 1 TO 1\n" for k in range(25)) + "NEXT\n" * 25,
     "Out of memory: the program is nested too deeply"),
])
def test_limits_are_basic_errors(source, message):
    with pytest.raises(BasicError) as caught:
        run(source)
    assert str(caught.value) == message


def test_overflow_in_a_power_is_a_warning_as_in_gw_basic():
    assert run("10 PRINT 10 ^ 400\n") == "Overflow\n 1.701412E+38 \n"


def test_the_session_still_works_after_running_out_of_memory():
    runner = Runner()
    with pytest.raises(BasicError, match="Out of memory"):
        runner.run("10 X = 1: GOSUB 10\n")
    assert runner.cell("PRINT X + 1") == " 2 \n"


def test_gosub_nesting_a_thousand_deep_is_fine():
    source = "10 N = 1000: GOSUB 100: PRINT D: END\n100 D = D + 1: N = N - 1\n110 IF N > 0 THEN GOSUB 100\n120 RETURN\n"
    assert run(source) == " 1000 \n"
