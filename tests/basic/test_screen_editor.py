"""GW-BASIC's screen editor (timewarp.basic.screen_editor) at the Ok prompt, key by key.

Each test types keys as GW-BASIC's keyboard gave them (cursor keys are NUL and a scan code)
and looks at the program and at the text screen, which is what PC-BASIC's suite reads back
through screen memory (tools/pcbasic_suite.py types its keys through this editor).
"""

from __future__ import annotations

import re

from timewarp.basic.prompt import Prompt
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole
from timewarp.keys import DOWN, END, HOME, INSERT, LEFT, RIGHT, UP


def typed(keys: list[str], width: int | None = None) -> Prompt:
    """A prompt that was given these keys, one by one, then ran out of them."""
    session = BasicSession(console=ScriptedConsole([]))
    prompt = Prompt(session, explain=False, echo=True)
    if width:
        prompt.screen.set_width(width)
    queue = list(keys)

    def next_key() -> str:
        if not queue:
            raise EOFError
        return queue.pop(0)

    prompt.listen_keys(next_key)
    prompt.start()
    prompt.serve()
    return prompt


def keys(*parts: str) -> list[str]:
    """Text and special keys into single keys: "\\0H" (up) stays one key."""
    out: list[str] = []
    for part in parts:
        out.extend(re.findall("\0.|.", part, flags=re.DOTALL))
    return out


def rows(prompt: Prompt) -> list[str]:
    return [bytes(row).decode("latin-1").rstrip().replace("\xff", "~")
            for row in prompt.screen.chars if bytes(row).strip()]


def listing(prompt: Prompt) -> str:
    return prompt.session.program.listing()


def test_typed_lines_go_into_the_program_and_commands_run():
    prompt = typed(keys('10 PRINT "HI"\r', "RUN\r"))
    assert listing(prompt) == '10 PRINT "HI"\n'
    assert rows(prompt) == ["Ok~", '10 PRINT "HI"', "RUN", "HI", "Ok~"]


def test_a_listed_line_is_changed_where_it_stands():
    # GW-BASIC's way of editing: LIST, go up to the line, type over it, Enter.
    prompt = typed(keys('10 PRINT "CAT"\r', '20 PRINT "END"\r', "LIST\r",
                        UP, UP, UP, RIGHT * 10, "DOG\r", DOWN, DOWN, "LIST\r"))
    assert listing(prompt) == '10 PRINT "DOG"\n20 PRINT "END"\n'
    assert rows(prompt)[-8:] == ["LIST", '10 PRINT "DOG"', '20 PRINT "END"', "Ok~",
                                 "LIST", '10 PRINT "DOG"', '20 PRINT "END"', "Ok~"]


def test_enter_reads_the_whole_row_the_cursor_is_on():
    # Typing over the start of a row that holds more: Enter reads it all, as GW-BASIC did.
    prompt = typed(keys('10 PRINT "END"\r', "LIST\r", UP, UP, "LIST\r"))
    assert rows(prompt)[-3:] == ['LISTRINT "END"', "Syntax error~", "Ok~"]


def test_a_line_number_typed_over_copies_the_line():
    prompt = typed(keys("10 PRINT 1\r", "LIST\r", UP, UP, "2\r"))
    assert listing(prompt) == "10 PRINT 1\n20 PRINT 1\n"


def test_esc_wipes_the_line_being_typed():
    prompt = typed(keys("10 PRINT 1", "\x1b", "20 PRINT 2\r"))
    assert listing(prompt) == "20 PRINT 2\n"


def test_insert_backspace_and_delete():
    prompt = typed(keys("10 PRNT 1", HOME, DOWN, RIGHT * 5, INSERT, "I",
                        END, "\x08", "2", HOME, DOWN, RIGHT * 3, "\0S", "\0S", "\r"))
    # "10 PRNT 1" -> insert I -> "10 PRINT 1" -> backspace the 1, type 2 -> delete "PR"
    assert listing(prompt) == "10 INT 2\n"


def test_a_line_longer_than_the_screen_is_one_logical_line():
    text = '10 PRINT "' + "A" * 60 + '"'          # 71 characters: two rows at 40 columns
    prompt = typed(keys(text + "\r", "LIST\r"), width=40)
    assert listing(prompt) == text + "\n"
    assert prompt.screen.wrapped[1] and not prompt.screen.wrapped[2]


def test_ctrl_j_goes_on_in_the_next_row_and_esc_wipes_both_rows():
    prompt = typed(keys("10 PRINT 1;\n", "2\r", "LIST\r", "20 PRINT 3\n4", "\x1b", "\r"))
    assert listing(prompt).replace(" ", "") == "10PRINT1;2\n"
    assert not any("PRINT 3" in row or row == "4" for row in rows(prompt))


def test_a_syntax_error_puts_the_line_up_with_the_cursor_on_the_mistake():
    # GW-BASIC reads X as a variable waiting for its =; the cursor waits where = should be.
    prompt = typed(keys("10 X Y\r", "RUN\r", "= 5: PRINT X\r", "RUN\r"))
    assert listing(prompt) == "10 X = 5: PRINT X\n"
    assert rows(prompt)[-3:] == ["RUN", " 5", "Ok~"]


def test_auto_numbers_can_be_typed_over_and_ctrl_c_ends_it():
    prompt = typed(keys("20 PRINT 2\r", "AUTO 10\r", "PRINT 1\r", LEFT, " REM\r", "\x03", "LIST\r"))
    assert listing(prompt) == "10 PRINT 1\n20 REM\n"
    assert "20 REM" in rows(prompt)


def test_ctrl_c_gives_the_line_up():
    prompt = typed(keys("10 PRINT 1\x03", "LIST\r"))
    assert listing(prompt) == ""
    assert rows(prompt) == ["Ok~", "10 PRINT 1", "LIST", "Ok~"]


def test_input_reads_the_answer_typed_after_its_question():
    prompt = typed(keys('10 INPUT "NAME"; N$: PRINT "HI "; N$\r', "RUN\r", "ADA\r"))
    assert rows(prompt)[-3:] == ["NAME? ADA", "HI ADA", "Ok~"]


def test_input_keeps_a_line_feed_typed_in_the_answer():
    # As GW-BASIC: Ctrl-J goes on in the next row, and the answer holds the line feed.
    prompt = typed(keys('10 LINE INPUT A$: PRINT LEN(A$); ASC(MID$(A$, 2))\r', "RUN\r",
                        "1\n2\r"))
    assert rows(prompt)[-2:] == [" 3  10", "Ok~"]


def test_esc_at_input_wipes_the_answer_and_not_the_question():
    prompt = typed(keys('10 INPUT "WORD"; W$: PRINT "<"; W$; ">"\r', "RUN\r",
                        "WRONG", "\x1b", "RIGHT\r"))
    assert rows(prompt)[-3:] == ["WORD? RIGHT", "<RIGHT>", "Ok~"]


def test_enter_on_the_question_row_reads_only_what_the_cursor_passed_over():
    # The question is printed over a row that holds more: Enter at once reads nothing of it;
    # End first goes to the end of the logical line and reads it all.
    program = ('10 CLS: LOCATE 5, 1: PRINT STRING$(30, "#")\r'
               '20 LOCATE 5, 1: INPUT "Q"; A$: PRINT "<"; A$; ">"\r')
    assert rows(typed(keys(program, "RUN\r", "\r")))[-2:] == ["<>", "Ok~"]
    assert rows(typed(keys(program, "RUN\r", END, "\r")))[-2:] == ["<" + "#" * 27 + ">", "Ok~"]


def test_ctrl_c_at_input_is_a_break():
    prompt = typed(keys("10 INPUT A\r", "RUN\r", "12\x03", "PRINT A\r"))
    assert rows(prompt)[-6:] == ["? 12", "Break in 10", "Ok~", "PRINT A", " 0", "Ok~"]
