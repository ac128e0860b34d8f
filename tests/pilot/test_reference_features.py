"""What the reference interpreter (ESR's ieee-pilot) runs beyond the standard's core:
CH: CA: CL: CE:, the % system variables, E:status, escapes and lines continued with \\."""

from __future__ import annotations

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.pilot.errors import PilotError
from timewarp.pilot.session import PilotSession


def run(source: str, *answers: str, console: ScriptedConsole | None = None) -> PilotSession:
    session = PilotSession(console=console or ScriptedConsole(list(answers)))
    session.execute(source)
    return session


def output(source: str, *answers: str) -> str:
    return run(source, *answers).console.output  # type: ignore[attr-defined]


def test_system_variables_follow_the_last_value_worked_out() -> None:
    assert output("C:#A = 7 - 2 * 3\nT:%factor %term %expression") == "3 6 1\n"
    assert output("C:#A = -4\nT:%term") == "-4\n"
    assert output("T(2 > 1):%relation %satisfied") == "1 1\n"


def test_text_and_status_system_variables() -> None:
    session = run("T:first\nC:$KEPT = %text\nE:3 * 4")
    assert session.variables()["$KEPT"] == "first"
    assert output("E:6\n") == ""
    assert output("U:*SUB\nT:%status\nE:\n*SUB E:2 + 5") == "7\n"


def test_return_lines_and_use_levels() -> None:
    assert output("U:*A\nE:\n*A T:%uselevel %return1\nU:*B\nE:\n*B T:%uselevel %return2\nE:") \
        == "1 2\n2 5\n"


def test_system_variables_are_read_only() -> None:
    with pytest.raises(PilotError, match="system variable"):
        run("C:%term = 3")


def test_an_unknown_percent_word_stays_as_typed() -> None:
    assert output("T:100% sure, %nothing") == "100% sure, %nothing\n"
    assert output("C:#A = 7 % 4\nT:#A") == "3\n"


def test_clear_home_asks_a_console_that_can_clear() -> None:
    class Screen(ScriptedConsole):
        cleared = 0

        def clear_screen(self) -> None:
            self.cleared += 1

    console = Screen()
    run("TH:old\nCH:\nT:new", console=console)
    assert console.cleared == 1 and console.output == "oldnew\n"


def test_cursor_address_is_checked() -> None:
    assert output("C:#R = 2\nCA:#R, #R + 1\nT:x") == "\x1b[2;3Hx\n"
    with pytest.raises(PilotError, match="row and a column"):
        run("CA:5")
    with pytest.raises(PilotError, match="on the screen"):
        run("CA:-1,5")


def test_backslash_continues_a_line_and_errors_name_its_first_line() -> None:
    assert output("T:one \\\ntwo\nT:three") == "one two\nthree\n"
    with pytest.raises(PilotError) as caught:
        run("T:fine\nC:#A = \\\n3 +")
    assert caught.value.line == 2


def test_escapes() -> None:
    assert output(r"T:a\x42c\^a\b\r\a\qz") == "aBc\x01\b\r\aqz\n"


def test_file_statement_makes_its_text_and_nothing_more() -> None:
    # The reference interpreter's F: only builds %text (the standard gives FILE no meaning).
    assert output("C:#N = 3\nF:scores#N.txt\nT:%text") == "scores3.txt\n"
    assert output("FILE(1 = 2):skipped\nT:[%text]") == "[]\n"


def test_nextstmt_reads_as_in_the_reference() -> None:
    # 0 before the first line has ended, then -1 (no jump waiting) in every later line.
    assert output("T:%nextstmt\nJ:*A\n*A T:%nextstmt\nT:%nextstmt") == "0\n-1\n-1\n"


def test_option_lines_are_passed_over() -> None:
    # The reference reads a line starting with # as its own options; a #! line too.
    assert output("#!/usr/bin/pilot\n#v1\nT:after") == "after\n"
    assert output("C:#X = 2\n  T:#X") == "2\n"
