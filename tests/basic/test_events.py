"""BASIC keys, events and time: INKEY$, ON KEY, ON TIMER, SLEEP, TIMER, TIME$ and DATE$.

Keys come from a ScriptedConsole's key queue (GW-BASIC's codes, see timewarp.keys).  The
timer tests use a short real interval and only check what happened, never how fast.
"""

from __future__ import annotations

import datetime
import re

import pytest
from timewarp.basic.compiler import compile_program
from timewarp.basic.program import parse_source
from timewarp.basic.session import BasicSession
from timewarp.engine import ScriptedConsole
from timewarp.keys import DOWN, F_KEYS, LEFT, RIGHT, UP, decode, from_browser, scan_code


def run(source: str, keys=(), answers=()) -> str:
    console = ScriptedConsole(list(answers), keys=list(keys))
    session = BasicSession(console=console)
    try:
        session.execute(source)
    except Exception as error:  # noqa: BLE001 - the transcript shows the error as a user sees it
        console.write(f"!{error}")
    return console.output


def numbered(text: str) -> str:
    return text.strip() + "\nRUN"


# INKEY$

def test_inkey_gives_keys_in_order_and_nothing_when_none_waits():
    program = numbered('''
10 FOR I = 1 TO 4
20 K$ = INKEY$: PRINT LEN(K$);
30 IF LEN(K$) = 2 THEN PRINT ASC(MID$(K$, 2)); ELSE IF K$ <> "" THEN PRINT K$;
40 NEXT
''')
    # Enter is CHR$(13), which PRINT shows as GW-BASIC's screen does: a new line.
    assert run(program, keys=["a", UP, "\r"]) == " 1 a 2  72  1 \n 0 "


def test_an_inkey_loop_waits_for_the_key():
    program = numbered('''
10 K$ = INKEY$: IF K$ = "" THEN 10
20 IF K$ = CHR$(0) + CHR$(80) THEN PRINT "DOWN"
''')
    assert run(program, keys=[DOWN]) == "DOWN\n"


def test_function_key_text_replaces_the_key_code():
    out = run('KEY 2, "HI": A$ = INKEY$: B$ = INKEY$: C$ = INKEY$\nPRINT A$; B$; ASC(C$)',
              keys=[F_KEYS[1], "z"])
    assert out == "HI 122 \n"


def test_key_definitions_outside_the_keys_need_two_characters():
    program = numbered('''
10 ON ERROR GOTO 100
20 KEY 255, "1": KEY 255, "12": KEY 255, "123": KEY 21, "AB": END
100 PRINT ERR; ERL: RESUME NEXT
''')
    assert run(program) == " 5  20 \n 5  20 \n"


def test_key_list_shows_the_texts_given():
    out = run('KEY OFF: KEY 1, "LIST": KEY ON: KEY LIST')
    assert out.splitlines()[:2] == ["F1 LIST", "F2 "]
    assert len(out.splitlines()) == 10


# ON KEY

GAME = numbered('''
10 ON KEY(11) GOSUB 100: ON KEY(14) GOSUB 200
20 KEY(11) ON: KEY(14) ON
30 IF Y < 3 THEN 30
40 PRINT "Y ="; Y; "LEFT OVER "; LEN(INKEY$)
50 END
100 Y = Y + 1: PRINT "UP"; : RETURN
200 Y = Y - 1: PRINT "DOWN"; : RETURN
''')


def test_on_key_runs_the_handler_for_each_press_and_leaves_other_keys():
    out = run(GAME, keys=[UP, "x", DOWN, UP, UP, UP])
    assert out == "UPDOWNUPUPUPY = 3 LEFT OVER  1 \n"


def test_key_stop_remembers_the_press_and_key_off_forgets_it():
    program = numbered('''
10 ON KEY(12) GOSUB 100
20 KEY(12) STOP
30 SLEEP
40 PRINT "STOPPED"; N
50 KEY(12) ON
60 PRINT "ON"; N
70 KEY(12) OFF: SLEEP: PRINT "OFF"; N; LEN(INKEY$)
80 END
100 N = N + 1: RETURN
''')
    out = run(program, keys=[LEFT, LEFT])
    assert out == "STOPPED 0 \nON 1 \nOFF 1  2 \n"


def test_a_trap_is_stopped_inside_its_own_handler_and_on_again_after_return():
    program = numbered('''
10 ON KEY(13) GOSUB 100
20 KEY(13) ON
30 IF DONE < 2 THEN 30
40 PRINT "DEPTH"; MAXD; "DONE"; DONE
50 END
100 D = D + 1: IF D > MAXD THEN MAXD = D
110 T = TIMER: SLEEP 0.2
120 D = D - 1: DONE = DONE + 1: RETURN
''')
    # Both presses are there at once: the second waits until the first handler returns.
    assert run(program, keys=[RIGHT, RIGHT]) == "DEPTH 1 DONE 2 \n"


def test_key_off_inside_the_handler_stays_off_after_return():
    program = numbered('''
10 ON KEY(11) GOSUB 100: KEY(11) ON
20 SLEEP: IF N = 0 THEN 20
30 SLEEP: PRINT N; LEN(INKEY$)
40 END
100 N = N + 1: KEY(11) OFF: RETURN
''')
    assert run(program, keys=[UP, UP]) == " 1  2 \n"


def test_user_defined_keys_match_by_scan_code():
    program = numbered('''
10 KEY 15, CHR$(0) + CHR$(16): ON KEY(15) GOSUB 100: KEY(15) ON
20 SLEEP: IF N = 0 THEN 20
30 PRINT "Q PRESSED"; N; INKEY$
40 END
100 N = N + 1: RETURN
''')
    assert run(program, keys=["w", "q"]) == "Q PRESSED 1 w\n"


def test_return_from_a_handler_to_a_line():
    program = numbered('''
10 ON KEY(1) GOSUB 100: KEY(1) ON
20 GOTO 20
30 PRINT "LEFT THE LOOP": END
100 RETURN 30
''')
    assert run(program, keys=[F_KEYS[0]]) == "LEFT THE LOOP\n"


# ON TIMER

def test_on_timer_fires_repeatedly_until_switched_off():
    program = numbered('''
10 ON TIMER(1) GOSUB 100
20 TIMER ON
30 IF N < 2 THEN 30
40 TIMER OFF: PRINT "TICKS"; N
50 END
100 N = N + 1: PRINT "TICK"; N: RETURN
''')
    assert run(program) == "TICK 1 \nTICK 2 \nTICKS 2 \n"


def test_sleep_wakes_for_a_timer_event():
    program = numbered('''
10 ON TIMER(1) GOSUB 100: TIMER ON
20 SLEEP 600
30 PRINT "AWAKE"; N: END
100 N = N + 1: RETURN
''')
    assert run(program) == "AWAKE 1 \n"


@pytest.mark.parametrize("statement", ["ON TIMER(0) GOSUB 100", "ON KEY(21) GOSUB 100",
                                       "ON PLAY(33) GOSUB 100", "ON STRIG(1) GOSUB 100"])
def test_bad_event_numbers_are_illegal_function_calls(statement):
    assert run(f"10 {statement}\n100 RETURN\nRUN") == "!Illegal function call in 10"


def test_a_trap_to_a_missing_line_is_an_undefined_line_number():
    assert run("10 ON KEY(1) GOSUB 900\nRUN") == "!Undefined line number in 10"


def test_traps_that_never_fire_are_accepted():
    program = numbered('''
10 ON PEN GOSUB 100: PEN ON: ON STRIG(0) GOSUB 100: STRIG(0) ON
20 ON COM(1) GOSUB 100: COM(1) ON: ON PLAY(4) GOSUB 100
30 PEN OFF: STRIG(0) STOP: COM(1) OFF: PEN = 3: PRINT "OK"; PEN
40 END
100 RETURN
''')
    assert run(program) == "OK 3 \n"


def test_programs_without_traps_compile_without_checks():
    lines = parse_source([(10, 'K$ = INKEY$: PRINT TIMER', 10), (20, "GOTO 10", 20)])
    assert "_ev" not in compile_program(lines).source
    lines = parse_source([(10, "ON TIMER(5) GOSUB 30", 10), (20, "GOTO 20", 20),
                          (30, "RETURN", 30)])
    assert "_ev.due" in compile_program(lines).source


# SLEEP

def test_sleep_wakes_on_a_key_and_leaves_it_for_inkey():
    assert run('SLEEP: PRINT "WOKE "; INKEY$', keys=["k"]) == "WOKE k\n"


def test_sleep_without_keys_to_come_does_not_hang():
    assert run('SLEEP: SLEEP 0: PRINT "ON"') == "ON\n"


def test_sleep_waits_the_seconds_given():
    out = run("T = TIMER: SLEEP 0.3: D = TIMER - T: IF D < 0 THEN D = D + 86400\nPRINT D >= .2")
    assert out == "-1 \n"


# TIMER, TIME$ and DATE$

def test_time_and_date_read_the_clock():
    before = datetime.datetime.now()
    out = run("PRINT TIME$: PRINT DATE$: PRINT TIMER")
    time_text, date_text, timer_text = out.splitlines()
    assert re.fullmatch(r"\d\d:\d\d:\d\d", time_text)
    assert re.fullmatch(r"\d\d-\d\d-\d{4}", date_text)
    seconds = float(timer_text)
    midnight = before.replace(hour=0, minute=0, second=0, microsecond=0)
    assert (before - midnight).total_seconds() - 1 <= seconds < 86400


def test_time_and_date_set_for_the_session():
    session_out = run('TIME$ = "23:59:58": DATE$ = "12-31-99"\n'
                      "PRINT LEFT$(TIME$, 5); \" \"; DATE$; TIMER > 86390\n"
                      'TIME$ = "7": PRINT LEFT$(TIME$, 3); TIMER < 25300\n'
                      'DATE$ = "2/29/2024": PRINT DATE$')
    assert session_out == "23:59 12-31-1999-1 \n07:-1 \n02-29-2024\n"


@pytest.mark.parametrize("value", ['"24:00"', '"12:60"', '"noon"', '"1::3"'])
def test_bad_times_are_illegal_function_calls(value):
    assert run(f"TIME$ = {value}") == "!Illegal function call in 1"


@pytest.mark.parametrize("value", ['"13-01-2020"', '"02-32-2020"', '"1-1-1979"', '"1-1"'])
def test_bad_dates_are_illegal_function_calls(value):
    assert run(f"DATE$ = {value}") == "!Illegal function call in 1"


def test_a_day_past_the_months_end_reads_back_as_set():
    # Real GW-BASIC takes any day up to 31 (pcbasic's suite, faulty_DATE): 02-30-2000 stays.
    assert run('DATE$ = "02-30-2000": PRINT DATE$') == "02-30-2000\n"


def test_setting_the_time_to_a_number_is_a_type_mismatch():
    assert run("TIME$ = 12").startswith("!Type mismatch")


# Key codes

def test_browser_and_terminal_keys_become_gw_basic_codes():
    assert from_browser("ArrowUp") == UP == "\0H"
    assert from_browser("F10") == "\0D"
    assert from_browser("c", ctrl=True) == "\x03"
    assert from_browser("Shift") == ""
    assert from_browser("Q") == "Q"
    assert decode("\x1b[Dx") == (LEFT, "x")
    assert decode("\x1bOP") == (F_KEYS[0], "")
    assert decode("\n") == ("\r", "")
    assert scan_code("q") == (0, 16) and scan_code("Q") == (3, 16)
    assert scan_code(UP) == (0, 72)
