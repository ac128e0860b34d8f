"""The PILOT kernel as a student meets it: a quiz answered through Jupyter's stdin, errors
with their line, the stop button during an endless loop, labels kept between cells."""

from __future__ import annotations

import time

import pytest

QUIZ = """*ASK T:What is the capital of France?
A:
M:paris
TN:Try again.
JN:*ASK
T:Right, $ANSWER!"""


def reply_to(client, msg_id: str, timeout: float = 30) -> dict:
    """The shell reply to ``msg_id``, passing over replies to earlier requests
    (such as a second kernel_info reply from a slow start)."""
    deadline = time.monotonic() + timeout
    while True:
        reply = client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


@pytest.fixture
def pilot(start_kernel):
    return start_kernel("pilot")


def test_quiz_answered_through_stdin(pilot, run_cell) -> None:
    _manager, client = pilot
    run = run_cell(client, QUIZ, answers=["Lyon", "paris"])
    assert run.reply["status"] == "ok"
    assert run.prompts == ["", ""]
    assert run.stdout == ("What is the capital of France?\nTry again.\n"
                          "What is the capital of France?\nRight, paris!\n")
    assert run.stderr == ""


def test_type_hang_text_is_the_input_prompt(pilot, run_cell) -> None:
    _manager, client = pilot
    run = run_cell(client, "TH:Your name? \nA:$NAME\nT:Hello $NAME", answers=["Bo"])
    assert run.prompts == ["Your name? "]
    assert run.stdout == "Hello Bo\n"


def test_error_names_the_line_without_traceback(pilot, run_cell) -> None:
    _manager, client = pilot
    run = run_cell(client, "T:one\nJ:*NOWHERE")
    assert run.reply["status"] == "error"
    assert run.reply["ename"] == "PilotError"
    assert run.reply["evalue"].startswith("Line 2: J:*NOWHERE")
    assert run.stdout == "one\n" and run.stderr == ""
    (error,) = run.of_type("error")
    assert "Traceback" not in "".join(error["traceback"])


def test_no_stdin_is_a_plain_error(pilot, run_cell) -> None:
    _manager, client = pilot
    run = run_cell(client, "T:Name?\nA:$NAME", allow_stdin=False)
    assert run.reply["status"] == "error"
    assert "line 2" in run.reply["evalue"]


def test_labels_and_variables_stay_between_cells(pilot, run_cell) -> None:
    _manager, client = pilot
    assert run_cell(client, "E:\n*PRAISE T:Well done, $NAME.\nE:").stdout == ""
    run = run_cell(client, "A:$NAME\nU:*PRAISE", answers=["Ann"])
    assert run.stdout == "Well done, Ann.\n"


def test_stop_button_interrupts_an_endless_loop(pilot, run_cell) -> None:
    manager, client = pilot
    msg_id = client.execute("C:#N = 5\nT:looping\n*LOOP C:#N = #N + 1\nJ:*LOOP",
                            stop_on_error=False)
    while True:  # interrupt only once the loop has surely started
        message = client.get_iopub_msg(timeout=30)
        if (message["parent_header"].get("msg_id") == msg_id
                and message["msg_type"] == "stream"):
            break
    manager.interrupt_kernel()
    reply = reply_to(client, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"].startswith("Break in line")
    run = run_cell(client, "T(#N > 100):still here with a big #N")
    assert run.stdout.startswith("still here with a big ")


def test_stop_button_while_a_quiz_waits_for_an_answer(pilot, run_cell) -> None:
    manager, client = pilot
    # stop_on_error=False: otherwise ipykernel aborts the next cell, sent right after the break.
    msg_id = client.execute("C:#ASKED = 1\nT:Question?\nA:", allow_stdin=True,
                            stop_on_error=False)
    request = client.get_stdin_msg(timeout=30)
    assert request["header"]["msg_type"] == "input_request"
    manager.interrupt_kernel()
    reply = reply_to(client, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"] == "Break in line 3"
    assert run_cell(client, "T:asked #ASKED").stdout == "asked 1\n"
