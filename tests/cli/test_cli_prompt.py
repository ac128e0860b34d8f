"""`timewarp basic`: GW-BASIC's Ok prompt at a terminal (a real pty) and from a pipe."""

from __future__ import annotations

import io
import subprocess
import sys

import pexpect
from timewarp.basic.tokenised import detokenise

TIMEWARP = [sys.executable, "-m", "timewarp"]


def piped(lines: str, *args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*TIMEWARP, "basic", *args], input=lines, capture_output=True,
                          text=True, timeout=60, cwd=cwd)


def test_a_piped_session_reads_like_one_at_the_terminal():
    done = piped('10 FOR I = 1 TO 3: PRINT I;: NEXT\nRUN\nPRINT "A" + "B"\nSYSTEM\nPRINT 9\n')
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "Ok", "10 FOR I = 1 TO 3: PRINT I;: NEXT", "RUN", " 1  2  3 ", "Ok",
        'PRINT "A" + "B"', "AB", "Ok", "SYSTEM"]


def test_errors_are_told_then_ok_and_a_syntax_error_puts_its_line_up_again():
    done = piped("10 PRINT 1\n20 X Y\nRUN\n\nERROR 5\nEDIT 99\n")
    assert done.stdout.splitlines() == [
        "Ok", "10 PRINT 1", "20 X Y", "RUN", " 1 ",
        "Syntax error in 20: unknown word X", "Ok",
        "20 X Y",                                   # put up again; Enter keeps it
        "ERROR 5", "Illegal function call", "Ok",
        "EDIT 99", "Undefined line number", "Ok"]


def test_edit_then_a_new_line_replaces_it_and_input_reads_the_next_line(tmp_path):
    done = piped('10 PRINT "OLD"\nEDIT 10\n10 PRINT "NEW"\nINPUT A\n6\nPRINT A * 7\n'
                 'SAVE "PROG"\nNEW\nLOAD "PROG"\nLIST\n', cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert lines[lines.index("EDIT 10") + 1:][:2] == ['10 PRINT "OLD"', '10 PRINT "NEW"']
    assert "? 6" in lines and " 42 " in lines
    assert lines[-2:] == ['10 PRINT "NEW"', "Ok"]
    # At the prompt SAVE writes GW-BASIC's binary form, as GW-BASIC did.
    saved = (tmp_path / "PROG.BAS").read_bytes()
    assert saved[:1] == b"\xff" and detokenise(saved) == [(10, 'PRINT "NEW"')]


def test_a_program_named_on_the_command_line_runs_first(tmp_path):
    (tmp_path / "hello.bas").write_text('10 PRINT "HELLO"\n')
    done = piped("LIST\n", str(tmp_path / "hello.bas"))
    assert done.stdout.splitlines() == ["HELLO", "Ok", "LIST", '10 PRINT "HELLO"', "Ok"]


def leave(child: pexpect.spawn) -> None:
    """SYSTEM: the prompt ends, and the process with status 0."""
    child.send("SYSTEM\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def terminal(*args: str, cwd=None) -> pexpect.spawn:
    """`timewarp basic` at a real terminal of 25 rows of 80, once it has said hello."""
    child = pexpect.spawn(sys.executable, ["-m", "timewarp", "basic", *args], encoding="utf-8",
                          timeout=30, dimensions=(25, 80), cwd=cwd)
    child.expect_exact("Type SYSTEM to leave.")
    if not args:
        child.expect_exact("Ok")
    return child


def test_at_a_terminal_edit_puts_the_line_up_to_be_changed_in_place():
    child = terminal()
    child.sendline('10 PRINT "CAT"')
    child.sendline("EDIT 10")
    child.expect_exact("EDIT 10")
    child.expect_exact('10 PRINT "CAT"')        # the line editor starts with the line
    child.send("\x08\x08\x08\x08DOG\"\r")       # backspace over CAT" and type DOG"
    child.sendline("RUN")
    child.expect_exact("RUN")
    child.expect(r"\r\n(\w+)\s*\r\nOk")         # what RUN printed, not the typing's echo
    assert child.match.group(1) == "DOG"
    leave(child)


def test_at_a_terminal_ctrl_c_breaks_a_runaway_program_and_the_prompt_stays():
    child = terminal()
    child.sendline("10 GOTO 10")
    child.sendline("RUN")
    child.expect_exact("RUN")
    child.expect(pexpect.TIMEOUT, timeout=1.5)  # inside the loop
    child.sendintr()
    child.expect_exact("Break in 10")
    child.expect_exact("Ok")
    child.sendline("PRINT 6 * 7")
    child.expect_exact(" 42")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in child.before


def test_at_a_terminal_auto_puts_the_number_in_the_line_editor():
    child = terminal()
    child.sendline("AUTO 100")
    child.expect_exact("AUTO 100")
    child.expect_exact("100 ")
    child.sendline('PRINT "AUTO"')            # typed after the number the editor holds
    child.expect_exact("110 ")
    child.sendintr()                          # Ctrl-C ends the numbering
    child.expect_exact("Ok")
    child.sendline("LIST")
    child.expect(r'\r\n(100 PRINT "AUTO")\r\nOk')
    child.sendline("SYSTEM")
    child.expect(pexpect.EOF)


def test_at_a_terminal_ctrl_c_while_typing_drops_the_line_and_the_prompt_goes_on():
    child = terminal()
    child.send("PRINT 111")
    child.expect_exact("PRINT 111")           # in the line editor
    child.sendintr()
    child.expect_exact("\r\n")                # the line given up (before the next is typed:
    child.sendline("PRINT 222")               # the terminal drops what is typed at Ctrl-C)
    child.expect(r"\r\n 222 \r\nOk")
    assert " 111 " not in child.before
    child.sendline("SYSTEM")
    child.expect(pexpect.EOF)


def test_at_a_terminal_stop_waits_for_cont_and_ctrl_c_while_typing_is_harmless():
    child = terminal()
    child.sendline("10 A = 6: STOP: PRINT A * 7")
    child.sendline("RUN")
    child.expect_exact("Break in 10")
    child.expect_exact("Ok")
    child.send("PRINT 1")
    child.expect_exact("PRINT 1")
    child.sendintr()                          # given up, as at the plain prompt
    child.expect_exact("\r\n")
    child.expect(pexpect.TIMEOUT, timeout=0.6)    # and not broken off again and again
    assert child.before == ""
    child.sendline("A = 10")
    child.expect_exact("Ok")
    child.sendline("CONT")
    child.expect(r"\r\n 70 \r\nOk")
    child.sendline("SYSTEM")
    child.expect(pexpect.EOF)


def test_screen_mode_at_a_terminal_changes_a_listed_line_where_it_stands(tmp_path):
    # timewarp basic --screen: GW-BASIC's whole screen; the arrow keys go up to a listed
    # line, typing changes it there, Enter puts it back into the program.
    child = terminal("--screen", cwd=str(tmp_path))
    child.send('10 PRINT "CAT"\r')
    child.send("LIST\r")
    child.expect_exact('\x1b[7;1H')   # the cursor on row 7: banner, Ok, line, LIST, listing, Ok
    child.send("\x1b[A\x1b[A" + "\x1b[C" * 10 + "DOG\r")   # up twice, right ten times
    child.send("\x1b[B\x1b[B" + 'SAVE "X", A\r')
    child.send('10 PRINT "LOOP" + "ING"\r20 GOTO 20\rRUN\r')
    child.expect_exact("LOOPING\x1b[K")         # printed: the program runs
    child.sendintr()                            # Ctrl-C stops it
    child.expect_exact("Break in 20")
    leave(child)
    assert (tmp_path / "X.BAS").read_text() == '10 PRINT "DOG"\n'


def test_screen_mode_from_a_pipe_types_each_character_and_shows_the_screen_at_the_end(tmp_path):
    done = piped('10 PRINT "HI"\nRUN\n10 PRINT "BYE"\nLIST\n', "--screen", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert [row.rstrip("\xa0 ") for row in done.stdout.splitlines()] == [
        "Ok", '10 PRINT "HI"', "RUN", "HI", "Ok", '10 PRINT "BYE"', "LIST", '10 PRINT "BYE"', "Ok"]


def test_screen_mode_ctrl_c_while_typing_gives_the_line_up_and_the_prompt_stays(tmp_path):
    child = terminal("--screen", cwd=str(tmp_path))
    child.logfile_read = seen = io.StringIO()
    child.send("PRINT 6 * 7")
    child.expect_exact("PRINT 6 * 7\x1b[K")
    child.sendintr()                            # given up: never run
    child.send("PRINT 6 * 9\r")
    child.expect_exact(" 54\x1b[K")
    leave(child)
    assert " 54\x1b[K" in seen.getvalue() and " 42\x1b[K" not in seen.getvalue()


def test_screen_mode_input_answers_after_the_question_and_inkey_reads_the_keyboard(tmp_path):
    child = terminal("--screen", cwd=str(tmp_path))
    child.send('10 INPUT "NAME"; N$: PRINT "HELLO "; N$\r'
               '20 A$ = INKEY$: IF A$ = "" THEN 20\r30 PRINT "KEY"; ASC(A$)\rRUN\r')
    child.expect_exact("NAME?\x1b[K")           # the question, the cursor after it
    child.send("ADA\r")
    child.expect_exact("HELLO ADA\x1b[K")
    child.send("x")                             # INKEY$ takes it
    child.expect_exact("KEY 120\x1b[K")
    leave(child)


def test_ctrl_c_stops_a_program_between_statements_and_cont_goes_on():
    # As in GW-BASIC: Break, look at and change the variables, CONT; the program goes on
    # where it stopped, with the changed value.
    child = terminal()
    child.sendline('10 I = I + 1: IF I = 1 THEN PRINT "ST" + "ARTED"')
    child.sendline("20 GOTO 10")
    child.sendline("RUN")
    child.expect_exact("STARTED")
    child.sendintr()
    child.expect(r"Break in (10|20)\r\nOk")
    child.sendline("PRINT I > 1000")
    child.expect_exact("-1")
    child.sendline("I = 0")
    child.sendline("CONT")
    child.expect_exact("STARTED")               # I counted from the 0 typed: it went on
    child.sendintr()
    child.expect(r"Break in (10|20)\r\nOk")
    child.sendline("30 END")                    # the program changed: it cannot go on
    child.sendline("CONT")
    child.expect_exact("Can't continue")
    child.sendline("SYSTEM")
    child.expect(pexpect.EOF)
