"""What golden programs cannot show, because ucblogo reads its own window (not stdin), draws
pixels (not a log of lines) and colours its own window (not the text): PAUSE and CONTINUE,
STEP, ERRACT, keys and KEYACT, pen modes, FILL, SETSCRUNCH, picture files, SETTEXTCOLOR,
LOADNOISILY and STARTUP."""

from __future__ import annotations

from timewarp.turtle.model import Fill, Segment


def test_pause_runs_typed_lines_in_the_procedure_scope(logo_with_input):
    logo = logo_with_input("print :x", 'make "x 99', "foo", "continue")
    out = logo("to sq :x\npause\nprint :x\nend\nsq 4")
    assert out == ("Pausing...\nsq? print :x\n4\nsq? make \"x 99\n"
                   "sq? foo\nI don't know how to foo\nsq? continue\n99\n")
    assert logo.console.prompts == ["sq? "] * 4


def test_continue_gives_pause_its_value(logo_with_input):
    logo = logo_with_input("show 5", "continue 7")
    assert logo("print pause") == "Pausing...\n? show 5\n5\n? continue 7\n7\n"
    # Inside CATCH "PAUSE, CONTINUE is an ordinary throw.
    assert logo('show catch "pause [continue 3]') == "3\n"


def test_pause_ends_quietly_when_the_input_ends(logo):
    assert logo("to p\npause\nprint \"after\nend\np") == "Pausing...\np? after\n"


def test_continue_outside_a_pause_is_a_catch_error(logo):
    assert "Can't find catch tag for pause" in str(logo.error("continue"))


def test_step_shows_each_line_and_waits(logo_with_input):
    logo = logo_with_input("", "")
    logo('to tw :a\nprint :a\nprint :a * 2\nend\nstep "tw')
    assert logo("tw 3") == "[print :a] >>> \n3\n[print :a * 2] >>> \n6\n"
    assert logo("show stepped print steppedp \"tw unstep \"tw tw 1") == "[[tw] [] []]\ntrue\n1\n2\n"


def test_step_and_goto_together(logo_with_input):
    logo = logo_with_input("", "", "", "", "")
    logo('to twice\nmake "n 0\ntag "again\nmake "n :n + 1\nif :n < 2 [goto "again]\nend')
    logo('step "twice')
    # After GOTO the tag's line is not shown again, as in ucblogo.
    assert logo("twice show :n").count(">>>") == 6


def test_penerase_draws_in_the_background_colour(logo):
    logo('setbg 1 setpc 4 fd 10 pe fd 10 ppt fd 10')
    colours = [s.colour for s in logo.session.turtle.log if isinstance(s, Segment)]
    assert colours == ["#ff0000", "#0000ff", "#ff0000"]
    # PENREVERSE: the background's opposite colour; SETPENCOLOR there changes PENPAINT's.
    logo("px setpc 2 fd 10 show pc ppt fd 10")
    colours = [s.colour for s in logo.session.turtle.log if isinstance(s, Segment)]
    assert colours[3:] == ["#ffff00", "#00ff00"]


def test_fill_floods_the_closed_shape_around_the_turtle(logo):
    logo("repeat 4 [fd 100 rt 90] pu setxy 50 50 setpc 4 fill")
    fills = [item for item in logo.session.turtle.log if isinstance(item, Fill)]
    assert len(fills) == 1 and fills[0].colour == "#ff0000"
    xs = [x for x, _ in fills[0].points]
    ys = [y for _, y in fills[0].points]
    assert (min(xs), max(xs), min(ys), max(ys)) == (0.5, 99.5, 0.5, 99.5)
    # Beneath the square's lines, which stay on top.
    assert isinstance(logo.session.turtle.log[0], Fill)


def test_fill_on_a_line_or_outside_the_canvas_does_nothing(logo):
    logo("fd 100 bk 50 fill pu setxy 5000 0 fill")
    assert not [item for item in logo.session.turtle.log if isinstance(item, Fill)]


def test_loadnoisily_and_startup(logo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib.lg").write_text('to hi\nprint "hello\nend\nmake "startup [hi]\n')
    assert logo('load "lib.lg') == "hello\n"
    assert logo('make "loadnoisily "true load "lib.lg') == "hi defined\nhello\n"


def test_setscrunch_stretches_the_lines_not_the_turtles_coordinates(logo):
    logo("setscrunch 2 0.5 setxy 10 10 show pos")
    segment = logo.session.turtle.log[-1]
    assert (segment.x2, segment.y2) == (20, 5)
    assert logo("show pos arc 360 10") == "[10 10]\n"
    ellipse = [s for s in logo.session.turtle.log[1:] if isinstance(s, Segment)]
    xs = [s.x1 for s in ellipse]
    ys = [s.y1 for s in ellipse]
    assert abs(max(xs) - min(xs) - 40) < 0.01 and abs(max(ys) - min(ys) - 10) < 0.01
    logo("setscrunch 1 1 fd 10")
    assert logo.session.turtle.log[-1].y2 == 15


def test_erract_pause_stops_where_the_error_happened(logo_with_input):
    logo = logo_with_input("print :x", "continue")
    logo('to f :x\nprint :x / 0\nprint "after\nend\nmake "erract [pause]')
    # The message, then a pause in F's scope; after CONTINUE the line is abandoned.
    assert logo('f 5 print "same.line') == ("/ doesn't like 0 as input  in f\n[print :x / 0]\n"
                                           "Pausing...\nf? print :x\n5\nf? continue\n")


def test_erract_runs_then_the_error_goes_on_but_not_inside_catch_error(logo):
    logo('to f :x\nprint :x / 0\nend\nmake "erract [print se "oops :x]')
    assert logo('catch "error [f 7] show first error') == "4\n"
    assert "doesn't like 0" in str(logo.error("f 8"))
    assert logo.console.output.endswith("oops 8\n")


def test_savepict_and_loadpict_keep_the_whole_picture(logo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    logo('setbg 1 setpalette 9 [50 0 100] setpc 9 repeat 4 [fd 40 rt 90] pu setxy 10 10 fill '
         'label "hi savepict "pic.json')
    saved = list(logo.session.turtle.log)
    logo('cs setbg 7 setpalette 9 [0 0 0] fd 5 loadpict "pic.json')
    assert logo.session.turtle.log == saved and logo("show background show palette 9") \
        == "1\n[49.6101319905394 0 99.6108949416342]\n"
    (tmp_path / "bad.json").write_text("[1, 2]")
    assert "loadpict doesn't like" in str(logo.error('loadpict "bad.json'))
    logo('epspict "pic.eps')
    eps = (tmp_path / "pic.eps").read_text()
    assert eps.startswith("%!PS-Adobe-3.0 EPSF-3.0") and eps.count("lineto stroke") == 4
    assert "(hi) show" in eps


def test_settextcolor_writes_the_terminals_colour_codes(logo):
    assert logo('settc 4 7 type "red settextcolor [0 100 0] "black print "green') == (
        "\x1b[38;2;255;0;0m\x1b[48;2;255;255;255mred"
        "\x1b[38;2;0;255;0m\x1b[48;2;0;0;0mgreen\n")
    assert "settextcolor doesn't like" in str(logo.error("settc 99 0"))


def test_keys_pressed_reach_keyp_readchar_and_keyact(logo):
    logo.console.keys = ["a", "d", "d", "x"]
    logo('to turn :k\nif :k = "a [lt 10]\nif :k = "d [rt 10]\nend')
    assert logo("print keyp print readchar") == "true\na\n"
    logo('make "keyact [turn readchar] repeat 4 [wait 1]')
    assert logo("show heading show keyp") == "20\nfalse\n"


def test_nodes_counts_objects_and_remembers_the_most(logo):
    logo('make "big map [list ? ?] iseq 1 20000 gc make "first nodes make "big [] gc '
         'make "second nodes')
    first, second = logo.session.variables()["first"], logo.session.variables()["second"]
    assert first[0] > second[0] + 10000 and first[1] >= first[0]
    assert second[1] >= second[0]
