"""Keys in a BASIC kernel with no front end to type into (as nbclient and nbgrader run it)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def basic(module_kernel):
    return module_kernel("basic")


def test_sleep_and_inkey_do_not_wait_for_keys_that_cannot_come(basic, run_cell):
    _, client = basic
    run = run_cell(client, 'SLEEP: K$ = INKEY$: PRINT "AWAKE"; LEN(K$); TIME$ <> ""',
                   allow_stdin=False, timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.stdout == "AWAKE 0 -1 \n"


def test_input_chars_alone_asks_with_the_input_box_and_puts_up_no_canvas(basic, run_cell):
    # INPUT$(n) takes keys pressed ahead on a canvas that INKEY$ put up; alone, it asks
    # for a line, with no key canvas to type on as well.
    _, client = basic
    run = run_cell(client, 'A$ = INPUT$(2): PRINT "GOT "; A$', answers=["xyz"], timeout=60)
    assert run.reply["status"] == "ok", run.reply
    assert run.prompts == [""]
    assert "GOT xy" in run.stdout
    assert not [d for d in run.of_type("display_data")
                if "application/vnd.jupyter.widget-view+json" in d["data"]]
