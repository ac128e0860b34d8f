"""Procedures, dynamic scope, tail calls, deep recursion and errors in UCBLogo's words."""

from __future__ import annotations


FIB = """to fib :n
if :n < 2 [output :n]
output (fib :n - 1) + (fib :n - 2)
end
"""


def test_procedure_over_lines(logo):
    logo(FIB)
    assert logo("print fib 15") == "610\n"


def test_procedure_spread_over_cells(logo):
    assert logo("to greet :who") == ""
    assert logo('print word "hello, :who') == ""
    logo("end")
    assert logo('greet "Ada') == "hello,Ada\n"


def test_redefinition_changes_inputs_of_callers(logo):
    logo("to twice :x\noutput :x * 2\nend\nto show.it\nprint twice 4\nend")
    assert logo("show.it") == "8\n"
    logo("to twice :x :y\noutput :x * :y\nend")
    assert logo("print twice 3 5") == "15\n"
    assert logo.error("show.it").message.startswith("not enough inputs to twice")


def test_dynamic_scope(logo):
    logo('to outer :x\ninner\nend\nto inner\nprint :x\nend\nmake "x "global')
    assert logo("outer 7") == "7\n"
    assert logo("print :x") == "global\n"


def test_local_and_make(logo):
    logo('make "v 1\nto p\nlocal "v\nmake "v 2\nq\nend\nto q\nprint :v\nend')
    assert logo("p print :v") == "2\n1\n"


def test_make_without_local_sets_a_global(logo):
    logo('to setg\nmake "made 5\nend\nsetg')
    assert logo("print :made") == "5\n"


def test_optional_and_rest_inputs(logo):
    logo("to f :a [:b :a + 1] [:more]\nshow (list :a :b :more)\nend")
    assert logo("f 1") == "[1 2 []]\n"
    assert logo("(f 1 5 6 7)") == "[1 5 [6 7]]\n"


def test_default_input_count(logo):
    logo("to many [:items] 2\nshow :items\nend")
    assert logo("many 1 2") == "[1 2]\n"


def test_stop_and_output(logo):
    logo("to upto :n\nif :n > 3 [stop]\ntype :n\nupto :n + 1\nend")
    assert logo("upto 1 print []") == "123\n"


def test_tail_calls_do_not_grow_the_stack(logo):
    logo("to loop :n\nif :n = 0 [stop]\nloop :n - 1\nend")
    logo("to ping :n\nif :n = 0 [output \"done]\noutput pong :n - 1\nend")
    logo("to pong :n\noutput ping :n\nend")
    assert logo('loop 300000 print "ok') == "ok\n"
    assert logo("print ping 300000") == "done\n"


def test_non_tail_recursion_ten_thousand_deep(logo):
    logo("to depth :n\nif :n = 0 [output 0]\noutput 1 + depth :n - 1\nend")
    assert logo("print depth 10000") == "10000\n"
    logo("to build :n\nif :n = 0 [output []]\noutput fput :n build :n - 1\nend")
    assert logo("print count build 10000") == "10000\n"


def test_recursion_without_a_base_case_is_a_logo_error(logo):
    logo("to forever.down :n\noutput 1 + forever.down :n + 1\nend")
    error = logo.error("print forever.down 1")
    assert error.message == "Stack overflow  in forever.down\n[output 1 + forever.down :n + 1]"
    assert logo("print 1 + 1") == "2\n"


def test_unknown_procedure_inside_a_procedure_names_it_and_the_line(logo):
    logo("to bar\nprint 1\nbaz 2\nend")
    error = logo.error("bar")
    assert error.message == "I don't know how to baz  in bar\n[baz 2]"
    assert error.line == 3
    assert error.procedure == "bar"


def test_no_value(logo):
    assert logo.error("print :nothing").message == "nothing has no value"
    logo("to p\nprint :alsonot\nend")
    assert logo.error("p").message == "alsonot has no value  in p\n[print :alsonot]"


def test_didnt_output(logo):
    logo("to quiet\nend")
    assert logo.error("print quiet").message == "quiet didn't output to print"


def test_dont_say_what_to_do(logo):
    assert logo.error("sum 1 2").message == "You don't say what to do with 3"
    logo("to three\noutput 3\nend")
    assert logo.error("three").message == "You don't say what to do with 3"


def test_bad_input(logo):
    assert logo.error('forward "far').message == "forward doesn't like far as input"
    assert logo.error("print 1 / 0").message == "/ doesn't like 0 as input"


def test_stop_at_top_level(logo):
    assert logo.error("stop").message == "Can only use stop inside a procedure"


def test_primitives_cannot_be_redefined(logo):
    # UCBLogo 6.2's words: TO says "already defined", DEFINE "is a primitive".
    assert logo.error("to forward :x\nend").message == "forward is already defined"
    assert logo.error('define "forward [[x] []]').message == "forward is a primitive"


def test_erase_then_call(logo):
    logo("to gone\noutput 1\nend\nto caller\nprint gone\nend\ncaller")
    logo('erase "gone')
    assert logo.error("caller").message.startswith("I don't know how to gone")


def test_session_survives_errors(logo):
    logo('make "keep 1')
    logo.error("frobnicate")
    assert logo("print :keep") == "1\n"


def test_didnt_output_inside_arithmetic(logo):
    logo("to quiet\nend\nto five\noutput 5\nend")
    assert logo.error("print (quiet) + 1").message == "quiet didn't output to +"
    assert logo.error("print 1 - quiet").message == "quiet didn't output to -"
    assert logo.error("print five * quiet").message == "quiet didn't output to *"
    assert logo("print five + five") == "10\n"


def test_local_inside_a_list_that_is_run(logo):
    logo('make "y "outside\nto p\nrun [local "y make "y 3]\nprint :y\nend')
    assert logo("p print :y") == "3\noutside\n"


def test_runaway_recursion_through_run_apply_and_filled_is_a_logo_error(logo):
    # These re-enter Python from C; without a limit of their own they would crash Python.
    logo("to q :n\noutput 1 + run [q :n - 1]\nend")
    logo("to r :n :a :b :c :d\noutput 1 + apply \"r (list :n - 1 :a :b :c :d)\nend")
    logo("to t :n\nfilled \"red [t :n - 1]\nend")
    for call in ("print q 1", "print r 1 2 3 4 5", "t 1"):
        assert logo.error(call).message.startswith("Stack overflow")
    assert logo("print 1") == "1\n"


def test_an_expression_too_long_for_python_is_a_stack_overflow(logo):
    assert logo.error("print " + " + ".join(["1"] * 5000)).message.startswith("Stack overflow")
    assert logo("print 1 + 1") == "2\n"


def test_recursion_through_map_a_thousand_deep(logo):
    logo("to m :n\nif :n = 0 [output 0]\noutput 1 + first map [m ?] (list :n - 1)\nend")
    assert logo("print m 1000") == "1000\n"
