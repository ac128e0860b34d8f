"""Parsing instructions: UCBLogo's precedence, unary minus, parenthesised calls, arity."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("source", "expected"), [
    ("print 2 + 3 * 4", "14"),
    ("print (2 + 3) * 4", "20"),
    ("print sum 2 3 * 4", "14"),
    ("print 1 + 2 = 3", "true"),
    ("print 10 - 2 - 3", "5"),
    ("print 12 / 2 / 3", "2"),
    ("print 3-4", "-1"),
    ("print 3 - 4", "-1"),
    ("print (- 3) + 4", "1"),
    ("print 2*-3", "-6"),
    ("print -:x", "-5"),
    ("print :x-1", "4"),
    ("print sqrt 16 + 9", "5"),
    ("print (sum 1 2 3 4)", "10"),
    ("print (list 1)", "1"),
    ('(print "a "b "c)', "a b c"),
    ("print (word)", ""),
    ('print "a+b', "a+b"),
    ("print 1e3", "1000"),
    ("print 3.0", "3"),
    ("print 2 < 3", "true"),
    ("print 3 <> 3", "false"),
    ("print 2 >= 2", "true"),
])
def test_expressions(logo, source, expected):
    logo('make "x 5')
    assert logo(source) == expected + "\n"


def test_minus_glued_to_a_number_after_a_space_starts_a_new_input(logo):
    error = logo.error("print 3 -4")
    assert error.message == "You don't say what to do with -4"


def test_extra_inputs_need_parentheses(logo):
    assert logo.error("print sum 1 2 3").message == "You don't say what to do with 3"


def test_not_enough_inputs(logo):
    assert logo.error("forward").message == "not enough inputs to forward"
    assert logo.error("print (difference 1)").message == "not enough inputs to difference"


def test_missing_close_paren(logo):
    assert logo.error("print (sum 1 2").message == "too many ('s"


def test_instructions_before_a_bad_one_still_run(logo):
    error = logo.error("print 1 frobnicate")
    assert logo.console.output == "1\n"
    assert error.message == "I don't know how to frobnicate"


def test_abbreviations_are_the_same_procedure(logo):
    assert logo("pr se [a] [b]") == "a b\n"


def test_a_lone_minus_sign_subtracts_so_it_cannot_start_an_input(logo):
    assert logo.error("print - 3 + 4").message == "not enough inputs to print"
