"""Classes of jslogo's suite (tools/jslogo_suite.py) fixed here, as small programs of our own
checked against Debian's UCBLogo 6.2: REVERSE with a second input, and PUSH, POP, QUEUE and
DEQUEUE on a variable that holds a word (UCBLogo's library builds them on FPUT and FIRST)."""

from __future__ import annotations

PROGRAM = """show (reverse [a b c] [d e])
show (reverse "abc "de)
show (reverse "abc [d e])
show (reverse [a b c] "de)
show reverse [1 [2 3] 4]
make "s "0
repeat 3 [push "s repcount]
show :s
show pop "s
show :s
make "q "ab
queue "q "c
show :q
show (list dequeue "q dequeue "q)
show :q
make "l [x]
push "l 1
queue "l 2
show :l
"""


def test_reverse_and_stacks_on_words(logo):
    assert logo(PROGRAM) == ("[c b a d e]\ncbade\n[c b a d e]\ncbade\n[4 [2 3] 1]\n3210\n3\n"
                             "210\nabc\n[a b]\nc\n[1 x 2]\n")


def test_reverse_and_stacks_match_ucblogo(logo, ucblogo):
    assert logo(PROGRAM) == ucblogo(PROGRAM)


MOUSE = """show button
show buttonp
show button?
show arity "button
show arity "buttonp
show arity "mousepos
show arity "clickpos
show count mousepos
show count clickpos
"""


def test_mouse_queries_answer_as_in_ucblogo(logo, ucblogo):
    mine = logo(MOUSE)
    assert mine == "0\nfalse\nfalse\n[0 0 0]\n[0 0 0]\n[0 0 0]\n[0 0 0]\n2\n2\n"
    assert mine == ucblogo(MOUSE)


def test_unexpected_bracket_in_ucblogo_words(logo, ucblogo, tmp_path):
    assert logo.error("show ]").bare_message == "unexpected ']'"
    # UCBLogo's words, read where the bracket is met: in a file it LOADs.
    program = ('make "w writer openwrite "stray.lg setwrite "stray.lg print "|show ]|\n'
               'setwrite :w close "stray.lg\ncatch "error [load "stray.lg]\n'
               'print item 2 error\n')
    assert ucblogo(program) == "unexpected ']'\n"


ERASE = """to a
output 1
end
to b
output 2
end
make "a 1
make "b 2
pprop "c "d "e
erase [[a] [b]]
show procedurep "a
show procedurep "b
show namep "a
show namep "b
erase [[] [] [c]]
show plist "c
erase "b
show procedurep "b
"""


def test_erase_takes_a_contents_list(logo, ucblogo):
    mine = logo(ERASE)
    assert mine == "false\ntrue\ntrue\nfalse\n[]\nfalse\n"
    assert mine == ucblogo(ERASE)


MINUS = """show runresult [- 4 + 10]
show runresult [10 + - 4]
show runresult [- 3 + 4]
show runresult [- 3]
show runresult [3 + - - 4]
show runresult [- 3 = -3]
show runresult [3 - 4]
show runresult [2 * - 3]
print (- 3) + 1
"""


def test_a_lone_minus_negates_where_an_operand_starts(logo, ucblogo):
    # At the start of the list, after "(" or after an infix operator; elsewhere it subtracts.
    mine = logo(MINUS)
    assert mine == "[6]\n[6]\n[1]\n[-3]\n[7]\n[true]\n[-1]\n[-6]\n-2\n"
    assert mine == ucblogo(MINUS)
    assert logo.error("print - 3").message == "not enough inputs to print"
    assert logo.error("print sum - 3 4").message == "not enough inputs to sum"


ARRAYS = """make "a (array 3 0)
repeat 3 [setitem repcount - 1 :a repcount * repcount]
show :a
print :a
show (mdarray [2 2] 0)
show (listtoarray [1 2 3] 0)
show (list {a}@0 [b])
make "b {a b c}@0
setitem 2 :b "q
show :b
pon "b
catch "error [word "a :b]
print item 2 error
"""


def test_arrays_print_without_their_origin_but_errors_and_po_keep_it(logo, ucblogo):
    mine = logo(ARRAYS)
    assert mine == ("{1 4 9}\n{1 4 9}\n{{[] []} {[] []}}\n{1 2 3}\n[{a} [b]]\n{a b q}\n"
                    "Make \"b {a b q}@0\nword doesn't like {a b q}@0 as input\n")
    assert mine == ucblogo(ARRAYS)


EQ = """show .eq [] []
make "a 1
show .eq :a :a
show .eq 1 1
show .eq 2 1+1
show .eq :a 1
make "b 1.5
show .eq :b :b
show .eq "a "a
show .eq [1] [1]
make "c [1]
show .eq :c :c
show .eq {} {}
show .eq 1 "1
"""


def test_dot_eq_numbers_and_the_empty_list(logo, ucblogo):
    # A variable's number is the same object twice; a number written in the call is new.
    mine = logo(EQ)
    assert mine == ("true\ntrue\nfalse\nfalse\nfalse\ntrue\ntrue\nfalse\ntrue\nfalse\n"
                    "false\n")
    assert mine == ucblogo(EQ)


MDITEM_ERRORS = """catch "error [show mditem [0 1] mdarray [1 1]]
print item 2 error
catch "error [show mditem [1 2] mdarray [1 1]]
print item 2 error
catch "error [mdsetitem [1 1] "x 0]
print item 2 error
catch "error [mdsetitem [3] {1} 3]
print item 2 error
make "a mdarray [1 1]
catch "error [mdsetitem [1 1] :a :a]
print item 2 error
make "b {1}
make "c {1}
setitem 1 :c :b
catch "error [setitem 1 :b :c]
print item 2 error
show mditem [] 5
"""


def test_mditem_errors_name_item_and_setitem(logo, ucblogo):
    mine = logo(MDITEM_ERRORS)
    assert mine == ("item doesn't like 0 as input\nitem doesn't like 2 as input\n"
                    "setitem doesn't like x as input\nsetitem doesn't like 3 as input\n"
                    "setitem doesn't like {{[]}} as input\n"
                    "setitem doesn't like {{1}} as input\n5\n")
    assert mine == ucblogo(MDITEM_ERRORS)


QUASIQUOTE = """make "n "x
make "l [1 2]
show `[",:n]
show `[:,:n]
show `[a ,:n b]
show `[",[word "a "b]]
show `[",@:l z]
show `[a ,@ :l b]
show `[x,:n "a,:n]
show `[, :n [,:n]]
show `[a `[b ,[c ,:n] ,,:n] d]
"""


def test_quasiquote_quote_and_colon_before_a_comma(logo, ucblogo):
    mine = logo(QUASIQUOTE)
    assert mine == ('["x]\n[:x]\n[a x b]\n["ab]\n["1 2 z]\n[a 1 2 b]\n[x,:n "a,:n]\n'
                    "[x [x]]\n[a ` [b , [c x] , [x]] d]\n")
    assert mine == ucblogo(QUASIQUOTE)


IFTRUE = """to x
iftrue [print "x-true]
iffalse [print "x-false]
end
to y
test "false
x
end
to w
test "false
end
show runresult [test 2 > 1 iftrue ["a]]
show runresult [test 1 > 2 iffalse ["b]]
test "true
y
x
w
iftrue [print "still-true]
"""


def test_iftrue_outputs_and_test_belongs_to_its_procedure(logo, ucblogo):
    # A procedure sees its caller's TEST; its own TEST is not its caller's.
    mine = logo(IFTRUE)
    assert mine == "[a]\n[b]\nx-false\nx-true\nstill-true\n"
    assert mine == ucblogo(IFTRUE)


def test_iftrue_without_test(logo):
    logo("to x\niftrue [print 1]\nend\nto y\niffalse [print 2]\nend")
    assert logo.error("x").bare_message == "iftrue without TEST"
    assert logo.error("y").bare_message == "iffalse without TEST"
    # A cell's TEST is its own, as a LOADed file's is in UCBLogo.
    logo('test "true')
    assert logo.error("x").bare_message == "iftrue without TEST"


DEFINITIONS = """catch "error [define 123 [[x] []]]
print item 2 error
catch "error [erase [[SHOW] []]]
print item 2 error
catch "error [erase "Print]
print item 2 error
"""


def test_definition_errors(logo, ucblogo):
    assert logo.error("to 123").message == "to doesn't like 123 as input"
    assert logo.error('to "foo').message == "to doesn't like \"foo as input"
    assert logo.error("to [a]").message == "to doesn't like [a] as input"
    assert logo.error("to +").message == "+ is already defined"
    assert logo.error("to FD :x\nbk :x\nend").message == "FD is already defined"
    mine = logo(DEFINITIONS)
    assert mine == ("define doesn't like 123 as input\nSHOW is a primitive\n"
                    "Print is a primitive\n")
    assert mine == ucblogo(DEFINITIONS)


PARENS = """to f
output 1
end
show (f + 1)
show (sum + 1)
show (sum 1 2 + 3)
show item 0 {a b}@
show item -1 {a b}@-1
"""


def test_an_infix_operator_ends_a_parenthesised_call_and_origins_read_as_ucblogo(logo,
                                                                                 ucblogo):
    mine = logo(PARENS)
    assert mine == "2\n1\n6\na\na\n"
    assert mine == ucblogo(PARENS)
    assert logo.error("(print - 3)").message == "print didn't output to -"
    assert logo.error('make "a { 1 2 3 }@1.5').message == "You don't say what to do with 0.5"


TITLES = """to foo :a [:b 0] 2
end
show arity "foo
to bar :a [:b 0] [:c] 5
end
show arity "bar
catch "error [show text "fd]
print item 2 error
"""


def test_a_title_number_must_be_a_count_of_inputs_it_takes(logo, ucblogo):
    mine = logo(TITLES)
    assert mine == "[1 2 2]\n[1 5 -1]\nfd is a primitive\n"
    assert mine == ucblogo(TITLES)
    assert logo.error("to foo 4").message == "to doesn't like 4 as input"
    assert logo.error("to foo :a :b 1").message == "to doesn't like 1 as input"
    assert logo.error("to foo :a [:b 0] 3").message == "to doesn't like 3 as input"
    assert logo.error('show fulltext "FD').message == "FD is a primitive"


def test_unbalanced_parentheses_stop_the_line_before_it_runs(logo):
    # UCBLogo reads the whole line first (jslogo suite cases 694-696): nothing of it runs.
    logo("to foo :a :b\noutput (list :a :b))\nend")
    assert logo.error("foo 1 2").bare_message == "unexpected ')'"
    assert logo.error("print 1)").bare_message == "unexpected ')'"
    assert logo("print 2") == "2\n"     # the line before printed nothing


def test_a_value_thrown_to_a_catch_nobody_uses(logo):
    # (THROW "x "z) makes CATCH output z; at the top level that is an error (case 926).
    assert logo.error('catch "x [(throw "x "z)]').bare_message == "You don't say what to do with z"
    assert logo('catch "x [throw "x]  print "ok') == "ok\n"
    assert logo('show catch "x [(throw "x "z)]') == "z\n"
