"""The real kernels while nbgrader grades (NBGRADER_EXECUTION set, as nbgrader sets it): the
time limit, the memory limit and input each end a cell with words, and the kernel carries on;
a %%check cell shows its drawings."""

from __future__ import annotations

import os

import pytest
from jupyter_client.manager import start_new_kernel

from timewarp_grading.limits import MEMORY_ENV, NO_INPUT, SECONDS_ENV

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kernels():
    env = dict(os.environ, NBGRADER_EXECUTION="autograde", **{SECONDS_ENV: "1",
                                                              MEMORY_ENV: "200"})
    started = {}

    def kernel(name: str):
        if name not in started:
            started[name] = start_new_kernel(kernel_name=name, env=env, startup_timeout=120)
        return started[name][1]

    yield kernel
    for manager, client in started.values():
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def execute(client, code: str) -> tuple[dict, list[dict]]:
    outputs: list[dict] = []
    reply = client.execute_interactive(code, timeout=120, allow_stdin=False,
                                       output_hook=lambda msg: outputs.append(msg))
    return reply["content"], outputs


@pytest.mark.parametrize(("name", "code", "ename", "words"), [
    ("logo", "forever [right 1]", "TimeLimit",
     "this cell ran for more than 1 second, the time limit for grading, and was stopped"),
    ("basic", "10 GOTO 10", "TimeLimit", "and was stopped in 10: is there an endless loop?"),
    ("pilot", "*TOP\nJ:*TOP", "TimeLimit", "the time limit for grading"),
    ("basic", "INPUT X", "BasicError", NO_INPUT),
    ("logo", "print readword", "InputError", NO_INPUT),
    ("pilot", "A:$NAME", "InputError", NO_INPUT),
    # A word that doubles until it is bigger than the memory grading allows.
    ("logo", 'make "w "ab forever [make "w word :w :w]', "LogoError", "Out of space"),
])
def test_a_limit_ends_the_cell_in_words_and_the_kernel_carries_on(kernels, name, code,
                                                                    ename, words):
    client = kernels(name)
    reply, _ = execute(client, code)
    assert reply["status"] == "error"
    assert reply["ename"] == ename
    assert words in reply["evalue"]
    after, outputs = execute(client, {"basic": "NEW\nPRINT 6 * 7", "logo": "print 6 * 7",
                                      "pilot": "T:42"}[name])
    assert after["status"] == "ok"
    assert any(m["content"].get("text") == "42\n" or m["content"].get("text") == " 42 \n"
               for m in outputs if m["msg_type"] == "stream")


def test_a_check_cell_in_the_kernel_shows_both_drawings(kernels):
    client = kernels("logo")
    execute(client, "to square :size\nrepeat 4 [forward :size right 90]\nend")
    reply, outputs = execute(client, '%%check\nrun("square 90")\n'
                                     'expect_drawing(draw("repeat 4 [forward 100 left 90]"))')
    assert reply["ename"] == "CheckFailed"
    assert "a line of length 100 from (0, 0) to (0, 100) is missing" in reply["evalue"]
    assert reply["traceback"] == [f"CheckFailed: {reply['evalue']}"]
    pictures = [m for m in outputs if m["msg_type"] == "display_data"]
    assert pictures and "image/png" in pictures[0]["content"]["data"]
