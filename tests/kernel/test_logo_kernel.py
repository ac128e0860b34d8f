"""The Logo kernel as a student meets it: procedures kept between cells, errors in UCBLogo's
words naming the procedure and line, READLIST and PAUSE through Jupyter's stdin, BYE, completion."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def logo(module_kernel):
    return module_kernel("logo")


def test_procedures_persist_between_cells(logo, run_cell):
    _manager, client = logo
    assert run_cell(client, "to double :n\noutput :n * 2\nend").reply["status"] == "ok"
    run = run_cell(client, "print double 21")
    assert run.stdout == "42\n" and run.stderr == ""


def test_definition_spread_over_cells(logo, run_cell):
    _manager, client = logo
    assert run_cell(client, "to halve :n").reply["status"] == "ok"
    assert run_cell(client, "output :n / 2").reply["status"] == "ok"
    assert run_cell(client, "end").reply["status"] == "ok"
    assert run_cell(client, "print halve 9").stdout == "4.5\n"


def test_error_names_procedure_and_line_without_traceback(logo, run_cell):
    _manager, client = logo
    run_cell(client, "to house\nfd 10\nsqaure 50\nend")
    run = run_cell(client, "house")
    assert run.reply["status"] == "error"
    assert run.reply["ename"] == "LogoError"
    assert run.reply["evalue"] == "I don't know how to sqaure  in house\n[sqaure 50]"
    assert "Traceback" not in "".join(run.reply["traceback"])
    assert run.stderr == ""


def test_readlist_reads_jupyter_stdin(logo, run_cell):
    _manager, client = logo
    run = run_cell(client, "show readlist", answers=["red green blue"])
    assert run.reply["status"] == "ok"
    assert run.stdout.endswith("[red green blue]\n")


def test_pause_reads_instructions_from_jupyter_stdin(logo, run_cell):
    _manager, client = logo
    run_cell(client, "to peek :x\npause\nprint :x\nend")
    run = run_cell(client, "peek 5", answers=["print :x * 2", 'make "x 7', "continue"])
    assert run.reply["status"] == "ok"
    assert run.prompts == ["peek? "] * 3
    assert run.stdout == "Pausing...\n10\n7\n"


def test_deep_recursion_in_the_kernel(logo, run_cell):
    _manager, client = logo
    run_cell(client, "to depth :n\nif :n = 0 [output 0]\noutput 1 + depth :n - 1\nend")
    assert run_cell(client, "print depth 10000", timeout=30).stdout == "10000\n"
    run = run_cell(client, "to down :n\noutput 1 + down :n\nend\nprint down 1", timeout=60)
    assert run.reply["evalue"].startswith("Stack overflow  in down")
    assert run_cell(client, "print 2 + 2").stdout == "4\n"


def test_completion_of_the_users_procedures(logo, run_cell):
    _manager, client = logo
    run_cell(client, "to spiral.out :n\nend")
    msg_id = client.complete("spiral.o", 8)
    reply = client.get_shell_msg(timeout=10)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=10)
    assert reply["content"]["matches"] == ["spiral.out"]


def test_bye_starts_afresh(start_kernel, run_cell):
    _manager, client = start_kernel("logo")
    run_cell(client, 'make "x 1')
    assert run_cell(client, "bye").reply["status"] == "ok"
    assert run_cell(client, "print :x").reply["evalue"] == "x has no value"
