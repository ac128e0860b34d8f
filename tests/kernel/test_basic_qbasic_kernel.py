"""Through a real BASIC kernel: a FUNCTION and a TYPE defined in one cell are known in the
next cells, and calling a FUNCTION nobody defined is an error reply, not 0."""

from __future__ import annotations

import pytest


@pytest.fixture
def basic(module_kernel):
    return module_kernel("basic")


def test_definitions_persist_from_cell_to_cell(basic, run_cell):
    _, client = basic
    run = run_cell(client, "PRINT CUBE(2)", timeout=60)
    assert run.reply["status"] == "error"
    assert "Undefined user function" in run.reply["evalue"]
    run = run_cell(client, "FUNCTION CUBE (X)\n  CUBE = X * X * X\nEND FUNCTION\n"
                           "TYPE Pair\n  a AS INTEGER\n  b AS STRING * 3\nEND TYPE", timeout=60)
    assert run.reply["status"] == "ok" and run.stdout == ""
    run = run_cell(client, 'DIM p AS Pair: p.a = CUBE(3): p.b = "abcdef"\n'
                           'PRINT p.a; p.b; LEN(p)\nASSERT CUBE(2) = 8', timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == " 27 abc 5 \n"
    run = run_cell(client, "FUNCTION CUBE (X): CUBE = 0: END FUNCTION", timeout=60)
    run = run_cell(client, "PRINT CUBE(3); p.a", timeout=60)
    assert run.stdout == " 0  27 \n"
