"""The shared kernel adapter, driven as a front end would drive it, over the toy language."""

from __future__ import annotations

import time

import pytest


@pytest.fixture
def toy(module_kernel):
    return module_kernel("toy")


def test_output_is_plain_stdout_text(toy, run_cell):
    _, client = toy
    run = run_cell(client, "say hello\nsay world")
    assert run.reply["status"] == "ok"
    assert run.stdout == "hello\nworld\n"
    assert run.stderr == ""
    assert not run.of_type("display_data") and not run.of_type("execute_result")


def test_input_goes_through_stdin_with_its_prompt(toy, run_cell):
    _, client = toy
    run = run_cell(client, "say before\nask Your name? \nsay after", answers=["Ada"])
    assert run.prompts == ["Your name? "]
    assert run.stdout == "before\ngot Ada\nafter\n"


def test_input_without_stdin_is_a_language_error(toy, run_cell):
    _, client = toy
    run = run_cell(client, "ask Name? ", allow_stdin=False)
    assert run.reply["status"] == "error"
    assert run.reply["ename"] == "InputError"
    assert "in 1" in run.reply["evalue"] and "cannot answer" in run.reply["evalue"]
    assert run.stderr == ""


def test_language_error_reply_and_iopub_error(toy, run_cell):
    _, client = toy
    run = run_cell(client, "say one\nfail")
    assert run.reply["status"] == "error"
    assert run.reply["ename"] == "ToyError"
    assert run.reply["evalue"] == "Toy says no in 2"
    assert run.reply["traceback"] == ["ToyError: Toy says no in 2"]
    [published] = run.of_type("error")
    assert published["evalue"] == "Toy says no in 2"
    assert run.stdout == "one\n" and run.stderr == ""


def test_engine_crash_is_an_internal_error_not_a_dead_kernel(toy, run_cell):
    _, client = toy
    run = run_cell(client, "crash")
    assert run.reply["status"] == "error"
    assert run.reply["evalue"] == "internal error: ZeroDivisionError: division by zero"
    assert not any("Traceback" in line for line in run.reply["traceback"])
    assert run.stderr == ""
    assert run_cell(client, "say alive").stdout == "alive\n"


def test_stop_button_ends_a_runaway_loop_and_keeps_variables(toy, run_cell, reply_to):
    manager, client = toy
    run_cell(client, "set X 42")
    msg_id = client.execute("spin", stop_on_error=False)
    time.sleep(0.5)  # let the loop get going
    manager.interrupt_kernel()
    reply = reply_to(client, msg_id, timeout=30)  # liveness only: the benchmark times it
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert reply["content"]["evalue"] == "Break in 120"
    assert run_cell(client, "show X").stdout == "42\n"


def test_variables_persist_and_execution_count_grows(toy, run_cell):
    _, client = toy
    first = run_cell(client, "set A apple")
    second = run_cell(client, "show A")
    assert second.stdout == "apple\n"
    assert second.reply["execution_count"] == first.reply["execution_count"] + 1


def test_bye_starts_a_fresh_session(toy, run_cell):
    _, client = toy
    run_cell(client, "set A apple")
    assert run_cell(client, "bye").reply["status"] == "ok"
    assert run_cell(client, "show A").stdout == "?\n"


def test_complete_inspect_is_complete(toy, reply_to):
    _, client = toy
    msg_id = client.complete("say 1\nsp", 8)
    reply = reply_to(client, msg_id)["content"]
    assert reply["matches"] == ["spin"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (6, 8)
    msg_id = client.inspect("say hi", 1)
    reply = reply_to(client, msg_id)["content"]
    assert reply["found"] and reply["data"] == {"text/plain": "say TEXT: write TEXT"}
    msg_id = client.inspect("spin", 1)
    assert reply_to(client, msg_id)["content"]["found"] is False
    msg_id = client.is_complete("say a \\")
    assert reply_to(client, msg_id)["content"] == {"status": "incomplete", "indent": ""}
    msg_id = client.is_complete("say a")
    assert reply_to(client, msg_id)["content"] == {"status": "complete"}


def test_kernel_info_names_the_language_and_hides_the_python_debugger(toy, reply_to):
    _, client = toy
    info = reply_to(client, client.kernel_info())["content"]
    assert info["implementation"] == "timewarp"
    assert info["language_info"]["name"] == "toy"
    assert "debugger" not in info["supported_features"]
