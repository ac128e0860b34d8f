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
