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
