"""The reader: words, lists, arrays, comments, continuation, bars and escapes."""

from __future__ import annotations

import pytest

from timewarp.logo.errors import LogoError
from timewarp.logo.reader import LiteralWord, Unfinished, read_lines, read_list
from timewarp.logo.values import LogoArray


def items(text: str) -> list:
    return [line.items for line in read_lines(text)]


def test_words_and_nested_lists():
    assert items('print [a [b c] d] "x :y') == [["print", ["a", ["b", "c"], "d"], '"x', ":y"]]


def test_parentheses_are_words_of_their_own():
    assert items("(sum 1 2)") == [["(", "sum", "1", "2", ")"]]


def test_infix_characters_stay_inside_words():
    assert items("[a+b] :n-1") == [[["a+b"], ":n-1"]]


def test_comment_runs_to_the_end_of_the_line():
    lines = read_lines("print 1 ; a comment [\nprint 2")
    assert [line.items for line in lines] == [["print", "1"], ["print", "2"]]
    assert lines[0].text == "print 1"


def test_tilde_continues_a_line():
    lines = read_lines("print ~\n 3")
    assert [line.items for line in lines] == [["print", "3"]]


def test_open_bracket_goes_on_over_lines_and_keeps_the_first_line_number():
    lines = read_lines("\nrepeat 2 [\nprint 1\n]\nprint 2")
    assert lines[0].items == ["repeat", "2", ["print", "1"]]
    assert lines[0].number == 2
    assert lines[1].number == 5


def test_arrays_and_origins():
    (array,) = read_list("{1 2}@0")
    assert isinstance(array, LogoArray)
    assert array.items == ["1", "2"] and array.origin == 0


def test_bars_and_backslash_make_literal_words():
    (word,) = read_list('"|hello world|')
    assert word == '"hello world' and isinstance(word, LiteralWord)
    assert read_list(r"a\ b") == ["a b"]


def test_unfinished_list_is_reported():
    with pytest.raises(Unfinished, match=r"Unmatched \["):
        read_lines("print [a b")


def test_unexpected_close_bracket():
    with pytest.raises(LogoError, match="unexpected ']'"):
        read_lines("print a]")


def test_deep_nesting_needs_no_python_recursion():
    depth = 50_000
    (outer,) = read_list("[" * depth + "]" * depth)
    for _ in range(depth - 1):
        outer = outer[0]
    assert outer == []


def test_very_deep_lists_compare_and_print(logo):
    deep = "[" * 20_000 + "]" * 20_000
    assert logo(f"print equalp {deep} {deep}") == "true\n"
    assert logo(f"show {deep}") == deep + "\n"
