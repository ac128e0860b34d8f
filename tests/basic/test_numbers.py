"""Numbers as GW-BASIC prints them, PRINT USING, and RND's own sequence."""

from __future__ import annotations

import pytest

from timewarp.basic.numbers import format_number, parse_number, val
from timewarp.basic.using import print_using

from .conftest import run


@pytest.mark.parametrize("value, text", [
    (5, " 5"), (-3, "-3"), (0.5, " .5"), (-0.5, "-.5"), (1e7, " 1E+07"), (9999999, " 9999999"),
    (1e-7, " .0000001"), (1.2e-7, " 1.2E-07"), (1 / 3, " .3333334"), (2 / 3, " .6666667"),
    (123456.7, " 123456.7"), (1.5e10, " 1.5E+10"), (0.1 + 0.2, " .3"), (100 * 1.1, " 110"),
])
def test_single_precision_as_gw_basic_prints_it(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("value, text", [
    (1 / 7, " .1428571428571429"), (1e16, " 1D+16"), (1e15, " 1000000000000000"),
    (1e-17, " 1D-17"),
])
def test_double_precision(value, text):
    assert format_number(value, double=True) == text


def test_print_puts_a_space_after_numbers_and_zones_every_14_columns():
    assert run('10 PRINT 1;-2;"X"\n20 PRINT 1,2,"A"\n') == " 1 -2 X\n 1             2            A\n"


def test_print_zones_wrap_after_the_fifth():
    assert run("10 PRINT 1,2,3,4,5,6\n") == (
        " 1             2             3             4             5 \n 6 \n")


def test_tab_and_spc():
    assert run('10 PRINT "A";TAB(5);"B";SPC(2);"C"\n') == "A   B  C\n"


def test_an_item_that_does_not_fit_starts_a_new_line():
    assert run('10 PRINT STRING$(78, "x");123\n') == "x" * 78 + "\n 123 \n"


@pytest.mark.parametrize("template, values, text", [
    ("##.##", [3.14159], " 3.14"), ("**###.#", [42.25], "***42.3"),
    ("$$###,.##", [1234.5], "$1,234.50"), ("#.##^^^^", [12345], "0.12E+05"),
    ("!", ["HELLO"], "H"), ("\\  \\", ["HELLO"], "HELL"), ("&!", ["AB", "CD"], "ABC"),
    ("###", [12345], "%12345"), ("+##", [5], " +5"), ("##-", [-5], " 5-"),
])
def test_print_using(template, values, text):
    assert print_using(template, values) == text


@pytest.mark.parametrize("text, number", [
    ("12", 12.0), (" -3.5 ", -3.5), ("1E3", 1000.0), ("&HFF", 255.0), ("", 0.0), ("abc", None),
    ("1.2.3", None),
])
def test_parse_number_for_input(text, number):
    assert parse_number(text) == number


def test_val_reads_the_number_at_the_start():
    assert (val("12X"), val("  -4 5"), val("X"), val("1E2")) == (12.0, -45.0, 0.0, 100.0)


def test_rnd_follows_gw_basic_sequence():
    output = run("10 RANDOMIZE 1: PRINT RND;RND;RND\n20 PRINT RND(1);RND(-3);RND(1);RND(0)\n")
    assert output == (" .4098261  .2512159  .6139483 \n"
                      " 5.254561E-02  .90086  .9045178  .9045178 \n")


def test_rnd_without_randomize_starts_where_gw_basic_starts():
    assert run("10 PRINT RND; RND\n") == " .1213501  .651861 \n"
