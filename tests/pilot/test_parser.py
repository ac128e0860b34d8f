"""The PILOT parser: line fields, keywords with Y/N and conditions, operands, and its errors."""

from __future__ import annotations

import pytest

from timewarp.pilot.ast import (
    Accept, BinaryOp, Comparison, Compute, Condition, End, FunctionCall, Jump, JumpMatch,
    Logical, Match, Negate, Not, Number, PlainText, String, Substitution, TypeText, Use,
    Variable, Wait, Wildcard,
)
from timewarp.pilot.errors import PilotError
from timewarp.pilot.parser import parse_lesson, parse_text, split_alternatives


def only(source: str):
    lesson = parse_lesson(source)
    assert len(lesson.statements) == 1
    return lesson.statements[0]


def test_type_keeps_spaces_after_the_colon() -> None:
    statement = only("T:  Hello $name, you are #AGE.")
    assert statement.keyword == "T"
    assert statement.action == TypeText((PlainText("  Hello "), Substitution("$", "NAME"),
                                         PlainText(", you are "), Substitution("#", "AGE"),
                                         PlainText(".")))


@pytest.mark.parametrize("head, keyword, flag", [
    ("TY", "T", "Y"), ("JN", "J", "N"), ("TYPE", "T", None), ("typen", "T", "N"),
    ("Y", "Y", "Y"), ("NO", "N", "N"), ("TH", "TH", None), ("JM", "JM", None),
    ("PR", "PR", None), ("PA", "W", None), ("GRAPHIC", "G", None), ("UY", "U", "Y"),
])
def test_keywords_and_suffixes(head: str, keyword: str, flag: str | None) -> None:
    operand = {"J": "*X", "JM": "*X", "U": "*X", "W": "1", "G": "HOME"}.get(keyword, "x")
    statement = only(f"{head}:{operand}")
    assert (statement.keyword, statement.condition.flag) == (keyword, flag)


def test_condition_in_brackets_with_suffix() -> None:
    statement = only("TY(#X > 5):ok")
    assert statement.condition == Condition(
        "Y", Comparison(">", Variable("#", "X"), Number(5)))


def test_expression_precedence_and_unary_minus() -> None:
    statement = only("C:#R = -2 + 3 * (4 - 1) % 5")
    assert statement.action == Compute(Variable("#", "R"), BinaryOp(
        "+", Negate(Number(2)),
        BinaryOp("%", BinaryOp("*", Number(3), BinaryOp("-", Number(4), Number(1))),
                 Number(5))))


def test_string_compute_is_text() -> None:
    assert only("C:$S =  Hi $X").action == Compute(
        Variable("$", "S"), (PlainText("Hi "), Substitution("$", "X")))
    assert only("C:NAME$ = Bo").action == Compute(Variable("$", "NAME"), (PlainText("Bo"),))


def test_logic_binds_looser_than_comparison() -> None:
    assert only("T(NOT #A = 1 OR #B AND 2 > 1):x").condition.test == Logical(
        "OR", Not(Comparison("=", Variable("#", "A"), Number(1))),
        Logical("AND", Variable("#", "B"), Comparison(">", Number(2), Number(1))))


def test_function_call() -> None:
    assert only("C:#D = RND(#SIDES + 1)").action == Compute(
        Variable("#", "D"),
        FunctionCall("RND", (BinaryOp("+", Variable("#", "SIDES"), Number(1)),)))


def test_string_comparison_in_condition() -> None:
    assert only('T($A <> "x"):y').condition.test == Comparison(
        "<>", Variable("$", "A"), String("x"))


@pytest.mark.parametrize("source, action", [
    ("A:", Accept(None)), ("A: $Name", Accept(Variable("$", "NAME"))),
    ("A:#n", Accept(Variable("#", "N"))), ("J:*Start", Jump("START")), ("J: start", Jump("START")),
    ("J:@a", Jump("@A")), ("U:*SUB", Use("SUB")), ("E:", End()),
    ("JM:*A, *B,C", JumpMatch(("A", "B", "C"))), ("W:0.5", Wait(Number(0.5))),
])
def test_operands(source: str, action: object) -> None:
    assert only(source).action == action


def test_match_alternatives_and_wildcards() -> None:
    action = only(r"M: yes , y*s| ok\,then !?").action
    assert action == Match((
        (PlainText("yes"),), (PlainText("y"), Wildcard("*"), PlainText("s")),
        (PlainText("ok,then"),), (Wildcard("?"),)))


def test_split_alternatives_keeps_escapes_for_later() -> None:
    assert split_alternatives(r"a\,b, c") == [r"a\,b", "c"]


def test_escapes_in_text() -> None:
    assert parse_text(r"a\nb\$X\\") == (PlainText("a\nb$X\\"),)


def test_labels_point_at_the_next_statement() -> None:
    lesson = parse_lesson("T:zero\n*ALONE\n\n*WITH T:one\n*LAST")
    assert lesson.labels == {"ALONE": 1, "WITH": 1, "LAST": 2}
    assert [s.line for s in lesson.statements] == [1, 4]


def test_continuation_repeats_keyword_and_condition() -> None:
    lesson = parse_lesson("TY(#X):one\n  :two")
    first, second = lesson.statements
    assert (second.keyword, second.condition) == (first.keyword, first.condition)
    assert second.action == TypeText((PlainText("two"),))


def test_comments_and_blank_lines() -> None:
    lesson = parse_lesson("// a comment\n\n   \nR:remark\nT:a // gone\nT:http://x.org")
    assert [s.keyword for s in lesson.statements] == ["R", "T", "T"]
    assert lesson.statements[1].action == TypeText((PlainText("a"),))
    assert lesson.statements[2].action == TypeText((PlainText("http://x.org"),))


@pytest.mark.parametrize("source, line, words", [
    ("T:ok\nHello there", 2, "I don't understand"),
    ("T:ok\nT(#X > ):no", 2, "condition"),
    ("T(#X > 1:no", 1, "never closed"),
    ("T()", 1, "colon"),
    ("T():x", 1, "no condition"),
    ("TX:hello", 1, "no statement called TX"),
    ("TPYE:hello", 1, "Did you mean TYPE"),
    ("J:", 1, "needs a label"),
    ("J:*1abc", 1, "needs a label"),
    ("*1 T:x", 1, "label"),
    ("*A: T:x", 1, "label ends with a space"),
    ("*A\n*A", 2, "already on line 1"),
    ("C:#X 5", 1, "needs an ="),
    ("C:#X = ", 1, "nothing to work out"),
    ("C:#X = 1 +", 1, "missing"),
    ("C:#X = (1", 1, "not closed"),
    ('C:#X = "abc', 1, "closing"),
    ("C:5 = 1", 1, "one variable"),
    ("A:$X $Y", 1, "one variable"),
    ("M:  , ", 1, "needs the words"),
    ("E:3 +", 1, "missing at the end"),
    (":more", 1, "continues the statement above"),
    ("YN:x", 1, "already tests"),
    ("W:", 1, "seconds"),
    ("L:", 1, "lesson file"),
    ("C:#X = 1 & 2", 1, "'&'"),
    ("C:#X = FOO(1)", 1, "no function called FOO"),
    ("C:#X = RND(1, 2)", 1, "takes 1 value"),
    ("C:#X = RND(1", 1, "not closed"),
    ("T(#X AND):y", 1, "missing"),
    ("C:#X = " + "(" * 60 + "1" + ")" * 60, 1, "nested too deeply"),
    ("C:#X = " + "1+" * 200 + "1", 1, "too long"),
])
def test_errors_name_the_line(source: str, line: int, words: str) -> None:
    with pytest.raises(PilotError) as caught:
        parse_lesson(source)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"Line {line}: ")
    assert words in str(caught.value)
