"""GW-BASIC's Ok prompt (timewarp.basic.prompt): what it says, and what its screen holds.

The screen side is what PC-BASIC's suite checks by reading screen memory after typing at the
prompt (tools/pcbasic_suite.py runs it through this prompt); these tests pin it down here.
"""

from __future__ import annotations

import pytest
from timewarp.basic.errors import BasicError
from timewarp.basic.prompt import Prompt
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole


def prompt_over(answers=(), explain=False) -> Prompt:
    session = BasicSession(console=ScriptedConsole(list(answers)))
    return Prompt(session, explain=explain, echo=True)


def rows(prompt: Prompt) -> list[str]:
    """The screen's rows as codes turned to text, 255 shown as '~'."""
    return [bytes(row).decode("latin-1").rstrip().replace("\xff", "~")
            for row in prompt.screen.chars if bytes(row).strip()]


def test_ok_and_messages_are_marked_with_255_on_the_screen_only():
    prompt = prompt_over()
    prompt.start()
    prompt.run(["10 PRINT 1", "RUN", "ERROR 11"])
    assert prompt.session.console.output.splitlines() == [
        "Ok", "10 PRINT 1", "RUN", " 1 ", "Ok", "ERROR 11", "Division by zero", "Ok"]
    assert rows(prompt) == ["Ok~", "10 PRINT 1", "RUN", " 1", "Ok~", "ERROR 11",
                            "Division by zero~", "Ok~"]


def test_a_program_reads_the_mark_back_from_the_screen():
    prompt = prompt_over()
    prompt.start()
    prompt.run(["PRINT SCREEN(1, 1); SCREEN(1, 2); SCREEN(1, 3)"])
    assert " 79  107  255 " in prompt.session.console.output.splitlines()


def test_program_errors_name_their_line_direct_ones_do_not_and_words_are_optional():
    plain = prompt_over()
    plain.run(["10 A(11) = 1", "RUN", "PRINT CHR$(300)"])
    assert plain.session.console.output.splitlines() == [
        "10 A(11) = 1", "RUN", "Subscript out of range in 10", "Ok",
        "PRINT CHR$(300)", "Illegal function call", "Ok"]
    explained = prompt_over(explain=True)
    explained.run(["X Y"])
    assert explained.session.console.output.splitlines()[1:] == [
        "Syntax error: unknown word X", "Ok"]


def test_ctrl_c_at_input_is_break_in_the_line_without_a_mark():
    prompt = prompt_over([ScriptedConsole.CTRL_C])
    prompt.start('10 PRINT "ASK"\n20 INPUT A\n30 PRINT "NEVER"\n')
    assert prompt.session.console.output.splitlines() == ["ASK", "? ", "Break in 20", "Ok"]
    assert rows(prompt) == ["ASK", "?", "Break in 20", "Ok~"]


def test_a_syntax_error_puts_the_line_up_and_enter_keeps_it():
    prompt = prompt_over()
    prompt.run(["10 PRINT 1: X: PRINT 2", "RUN", "", "LIST"])
    assert prompt.session.console.output.splitlines() == [
        "10 PRINT 1: X: PRINT 2", "RUN", " 1 ", "Syntax error in 10", "Ok",
        "10 PRINT 1: X: PRINT 2", "LIST", "10 PRINT 1: X: PRINT 2", "Ok"]


def test_system_leaves_and_lines_after_it_are_not_run():
    prompt = prompt_over()
    assert prompt.type("PRINT 1") is True
    assert prompt.type("system") is False


def test_auto_puts_up_numbers_marks_lines_that_exist_and_ctrl_c_ends_it():
    prompt = prompt_over()
    prompt.run(['20 PRINT "OLD"', "AUTO", 'PRINT "NEW"', "", "\x03", "LIST"])
    assert prompt.session.console.output.splitlines() == [
        '20 PRINT "OLD"', "AUTO", '10 PRINT "NEW"', "20*", "30 ", "Ok",
        "LIST", '10 PRINT "NEW"', '20 PRINT "OLD"', "Ok"]


def test_auto_from_a_program_with_a_step_and_from_the_current_line():
    prompt = prompt_over()
    prompt.start("10 PRINT 1\n20 AUTO 100, 5\n30 PRINT 3\n")
    prompt.run(["REM A", "\x03", "LIST 30", "AUTO .", "\x03"])
    assert prompt.session.console.output.splitlines() == [
        " 1 ", "100 REM A", "105 ", "Ok", "LIST 30", "30 PRINT 3", "Ok",
        "AUTO .", "30*", "Ok"]


def test_current_line_dot_in_list_and_delete_and_edit():
    prompt = prompt_over()
    prompt.run(["10 PRINT 1", "20 PRINT 2", "30 PRINT 3", "LIST 20", "DELETE .", "LIST",
                "EDIT .", ""])
    out = prompt.session.console.output.splitlines()
    assert out[out.index("DELETE ."):] == [
        "DELETE .", "Ok", "LIST", "10 PRINT 1", "30 PRINT 3", "Ok", "EDIT .", "30 PRINT 3"]


def test_auto_with_a_comma_and_no_step_is_an_illegal_function_call_as_in_gw_basic():
    prompt = prompt_over()
    prompt.run(["AUTO 10,", "AUTO X"])
    assert prompt.session.console.output.splitlines() == [
        "AUTO 10,", "Illegal function call", "Ok", "AUTO X", "Syntax error", "Ok"]


def test_in_a_notebook_cell_auto_says_to_number_the_lines_yourself():
    session = BasicSession(console=ScriptedConsole([]))
    with pytest.raises(BasicError) as error:
        session.execute("AUTO")
    assert error.value.kind == "Illegal function call"
    assert "number them yourself" in error.value.detail


def test_a_syntax_error_in_a_protected_program_is_told_but_its_line_not_shown():
    prompt = prompt_over()
    prompt.type('10 PRINT "SECRET": X Y')
    prompt.session.program.protected = True      # as LOAD leaves a file saved with , P
    prompt.run(["RUN", "LIST"])
    assert prompt.session.console.output.splitlines()[1:] == [
        "RUN", "SECRET", "Syntax error in 10", "Ok", "LIST", "Illegal function call", "Ok"]


def waiting_prompt(lines) -> Prompt:
    """A prompt that reads ``lines`` as typed, so that STOP and END wait for CONT."""
    console = ScriptedConsole(list(lines))

    def read_line():
        if not console.answers:
            raise EOFError
        return console.answers.pop(0)
    return Prompt(BasicSession(console=console), explain=False, echo=True, read_line=read_line)


STOPPING = '10 X = 1\n20 GOSUB 100\n30 PRINT "X="; X\n40 END\n50 PRINT "AFTER END"\n' \
           '60 END\n100 STOP\n110 X = X + 1\n120 RETURN\n'


def test_cont_goes_on_after_stop_with_what_was_typed_meanwhile_and_after_end():
    prompt = waiting_prompt(["PRINT X", "X = 41", "CONT", "CONT", "PRINT X"])
    prompt.start(STOPPING)
    prompt.serve()
    assert prompt.session.console.output.splitlines() == [
        "Break in 100", "Ok", "PRINT X", " 1 ", "Ok", "X = 41", "Ok", "CONT",
        "X= 42 ", "Ok", "CONT", "AFTER END", "Ok", "PRINT X", " 42 ", "Ok"]
    # Ended at line 60 and waiting there: CONT again would go on past the last line.


def test_a_line_typed_while_the_program_waits_ends_it_and_cont_then_cannot_go_on():
    prompt = waiting_prompt(['30 PRINT "CHANGED"', "CONT", "RUN", "CONT", "CONT"])
    prompt.start(STOPPING)
    prompt.serve()
    assert prompt.session.console.output.splitlines() == [
        "Break in 100", "Ok", '30 PRINT "CHANGED"', "CONT", "Can't continue", "Ok",
        "RUN", "Break in 100", "Ok", "CONT", "CHANGED", "Ok", "CONT", "AFTER END", "Ok"]


def test_an_error_typed_while_waiting_leaves_the_programs_error_trap_as_it_was():
    program = ("10 ON ERROR GOTO 100\n20 ERROR 11\n30 PRINT \"BACK\"; ERR\n40 END\n"
               "100 STOP\n110 RESUME NEXT\n")
    prompt = waiting_prompt(["ERROR 5", "PRINT ERR", "CONT"])
    prompt.start(program)
    prompt.serve()
    assert prompt.session.console.output.splitlines() == [
        "Break in 100", "Ok", "ERROR 5", "Illegal function call", "Ok",
        "PRINT ERR", " 11 ", "Ok", "CONT", "BACK 0 ", "Ok"]


def test_run_after_run_while_each_waits_after_end_does_not_pile_up():
    prompt = waiting_prompt(["RUN"] * 3000 + ["SYSTEM", "PRINT 9"])
    prompt.start('10 PRINT "GO";\n20 END\n')
    prompt.serve()
    output = prompt.session.console.output
    assert output.count("GO") == 3001 and output.endswith("SYSTEM\n")


def test_the_typing_ending_while_a_program_waits_ends_the_prompt():
    prompt = waiting_prompt([])
    assert prompt.start(STOPPING) is False
    assert prompt.session.console.output.splitlines() == ["Break in 100", "Ok"]


def test_a_number_alone_deletes_its_line_and_says_when_there_is_none():
    # As GW-BASIC (and PC-BASIC) answer it: typing 30 alone when there is no line 30.
    prompt = prompt_over()
    prompt.run(["10 PRINT 1", "20 PRINT 2", "20", "30", "LIST"])
    assert prompt.session.console.output.splitlines() == [
        "10 PRINT 1", "20 PRINT 2", "20", "30", "Undefined line number", "Ok",
        "LIST", "10 PRINT 1", "Ok"]


def test_a_direct_line_runs_its_statements_up_to_the_mistake_as_pc_basic_does():
    import io

    import pcbasic
    lines = ["PRINT 1: X Y", "A = 5: PRINT A;: Y = : PRINT 9", "PRINT A"]
    screen = io.StringIO()
    with pcbasic.Session(input_streams=None, output_streams=screen) as session:
        for line in lines:
            session.execute(line)
    theirs = screen.getvalue().replace("\xa0", "").replace("\r\n", "\n").splitlines()
    prompt = prompt_over()
    prompt.run(lines)
    ours = [line for line in prompt.session.console.output.splitlines()
            if line not in lines and line != "Ok"]
    assert [line.rstrip() for line in ours] == [line.rstrip() for line in theirs]
    assert ours[:2] == [" 1 ", "Syntax error"]


def test_an_error_typed_while_a_program_waits_goes_to_its_trap_with_erl_65535():
    """As GW-BASIC (pcbasic's gwbasic/EDIT and gwbasic/DEF_FN_direct models): a program that
    waits at END or STOP with ON ERROR set takes the errors of lines typed meanwhile, with
    ERL 65535 (then "." is that line); RESUME NEXT comes back to the prompt, which waits
    again without a second Break; DEF FN typed at the prompt is Illegal direct."""
    program = ('10 ON ERROR GOTO 100\n20 STOP\n30 END\n'
               '100 PRINT "TRAPPED"; ERR; ERL\n110 RESUME NEXT\n')
    prompt = waiting_prompt(["EDIT 1000", "EDIT", "EDIT .", "EDIT YEAH", "DEF FNA(X) = X",
                             "CONT", "ERROR 7"])
    prompt.start(program)
    prompt.serve()
    assert prompt.session.console.output.splitlines() == [
        "Break in 20", "Ok",
        "EDIT 1000", "TRAPPED 8  65535 ", "Ok",
        "EDIT", "TRAPPED 8  65535 ", "Ok",
        "EDIT .", "TRAPPED 8  65535 ", "Ok",
        "EDIT YEAH", "TRAPPED 5  65535 ", "Ok",
        "DEF FNA(X) = X", "TRAPPED 12  65535 ", "Ok",
        "CONT", "Ok",
        "ERROR 7", "TRAPPED 7  65535 ", "Ok"]


def test_without_a_waiting_trap_a_typed_error_is_told():
    prompt = waiting_prompt(["EDIT 1000", "DEF FNA(X) = X"])
    prompt.start("10 END\n")
    prompt.serve()
    assert prompt.session.console.output.splitlines() == [
        "Ok", "EDIT 1000", "Undefined line number", "Ok",
        "DEF FNA(X) = X", "Illegal direct", "Ok"]


def test_a_file_with_a_number_alone_is_read_up_to_it_as_gw_basic_reads_it():
    """GW-BASIC reads a file as if its lines were typed: a number alone deletes its line,
    and with none to delete "Undefined line number" ends the reading there; the program
    runs as far as it was read (pcbasic's gwbasic/undefined_line_number model)."""
    prompt = waiting_prompt([])
    prompt.start('10 PRINT "HI"\n20 GOSUB 40\n30 END\n35\n40 PRINT "BYE": RETURN\n')
    assert prompt.session.console.output.splitlines()[:3] == [
        "Undefined line number", "HI", "Undefined line number in 20"]
    assert sorted(prompt.session.program.lines) == [10, 20, 30]
