"""A BASIC program that draws a text screen with LOCATE shows that screen in the cell's
output as text (one display output, updated in place), not as a stream of escape codes."""

from __future__ import annotations

import pytest


@pytest.fixture
def basic(module_kernel):
    return module_kernel("basic")


def _screen_outputs(run) -> list[dict]:
    return [m["content"] for m in run.messages
            if m["msg_type"] in ("display_data", "update_display_data")
            and "timewarp-text-screen" in m["content"]["data"].get("text/html", "")]


def test_a_locate_program_shows_its_screen_as_text(basic, run_cell):
    _, client = basic
    program = ('10 CLS: LOCATE 3, 10: PRINT "<SCORE>"\n'
               '20 FOR I = 1 TO 3: LOCATE 5, I * 4: PRINT I;: NEXT\n'
               '30 COLOR 14: LOCATE 7, 1: PRINT "END"')
    run = run_cell(client, program, timeout=60)
    assert run.reply["status"] == "ok" and run.stdout == "" and "\x1b" not in run.stdout
    outputs = _screen_outputs(run)
    assert outputs and outputs[0]["transient"]["display_id"]
    assert {o["transient"]["display_id"] for o in outputs} == {outputs[0]["transient"]["display_id"]}
    final = outputs[-1]["data"]
    assert final["text/plain"] == "\n\n         <SCORE>\n\n    1   2   3\n\nEND\n"
    assert "&lt;SCORE&gt;" in final["text/html"] and "<SCORE>" not in final["text/html"]


def test_a_plain_program_is_still_a_stream(basic, run_cell):
    _, client = basic
    run = run_cell(client, 'PRINT "HELLO"', timeout=60)
    assert run.stdout == "HELLO\n" and _screen_outputs(run) == []


def test_input_on_a_screen_shows_the_screen_before_asking(basic, run_cell):
    _, client = basic
    run = run_cell(client, 'NEW\n10 CLS: LOCATE 2, 3: PRINT "QUIZ"\n'
                           '20 LOCATE 4, 1: INPUT "NAME"; N$: LOCATE 6, 1: PRINT "HI "; N$\nRUN',
                   answers=["ADA"], timeout=60)
    assert run.reply["status"] == "ok" and run.prompts == ["NAME? "]
    kinds = [m["msg_type"] for m in run.messages
             if m["msg_type"] in ("display_data", "update_display_data")]
    assert kinds[0] == "display_data"
    assert _screen_outputs(run)[-1]["data"]["text/plain"] == "\n  QUIZ\n\nNAME? ADA\n\nHI ADA\n"
