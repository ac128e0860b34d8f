"""The Pygments lexer for BASIC: registered for nbconvert, and it reads old listings sensibly."""

from pathlib import Path

import pytest
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation,
                            String, Text)

from timewarp.basic.help import KEYWORD_HELP
from timewarp.lexers.basic import BasicLexer

PROGRAMS = Path(__file__).resolve().parents[1] / "programs" / "basic"


def tokens(source):
    return [(t, v) for t, v in BasicLexer().get_tokens(source) if v.strip()]


def test_found_by_its_aliases_through_the_entry_point():
    assert isinstance(get_lexer_by_name("basic-timewarp"), BasicLexer)
    assert isinstance(get_lexer_by_name("timewarp-basic"), BasicLexer)


def test_classic_line():
    assert tokens('10 PRINT "HI"; A$, N% : REM DONE') == [
        (Name.Label, "10"), (Keyword, "PRINT"), (String.Double, '"HI"'), (Punctuation, ";"),
        (Name.Variable, "A$"), (Punctuation, ","), (Name.Variable, "N%"), (Punctuation, ":"),
        (Comment.Single, "REM DONE")]


def test_run_together_keywords_are_split():
    assert tokens("20 FORI=1TO9STEP2") == [
        (Name.Label, "20"), (Keyword, "FOR"), (Name.Variable, "I"), (Operator, "="),
        (Number.Integer, "1"), (Keyword, "TO"), (Number.Integer, "9"), (Keyword, "STEP"),
        (Number.Integer, "2")]
    assert [v for _, v in tokens("IFX>0THEN100ELSEPRINTX")] == [
        "IF", "X", ">", "0", "THEN", "100", "ELSE", "PRINT", "X"]


def test_modern_names_that_start_with_keywords_stay_whole():
    for name in ("TOTAL", "INTEREST", "ORDER", "ONE"):
        assert tokens(f"PRINT {name}")[1] == (Name.Variable, name)
    for name in ("FORM", "PRINTER", "TOP", "IFFY"):
        assert tokens(f"{name} = 2")[0] == (Name.Variable, name)
    assert [v for _, v in tokens("FORM=1TO2")][:2] == ["FOR", "M"]
    assert [v for _, v in tokens("IFX=5THEN60")][:2] == ["IF", "X"]


def test_functions_operators_numbers_and_comments():
    assert tokens("X = LEFT$(S$, 2) MOD &HFF + 1.5E3 ' why") == [
        (Name.Variable, "X"), (Operator, "="), (Name.Builtin, "LEFT$"), (Punctuation, "("),
        (Name.Variable, "S$"), (Punctuation, ","), (Number.Integer, "2"), (Punctuation, ")"),
        (Operator.Word, "MOD"), (Number.Hex, "&HFF"), (Operator, "+"), (Number.Float, "1.5E3"),
        (Comment.Single, "' why")]


def test_data_items_are_text_and_fn_names_functions():
    assert tokens('DATA 1, HELLO WORLD, "A,B"') == [
        (Keyword, "DATA"), (String.Other, "1"), (Punctuation, ","), (String.Other, "HELLO WORLD"),
        (Punctuation, ","), (String.Double, '"A,B"')]
    assert tokens("PRINT FNSQ(3)")[1:3] == [(Name.Builtin, "FN"), (Name.Function, "SQ")]


def test_labels_but_not_keywords_before_a_colon():
    assert tokens("start:")[0] == (Name.Label, "start:")
    assert tokens("CLS: PRINT")[0] == (Keyword, "CLS")


def test_lexing_loses_no_text_and_highlights_to_html():
    source = "10 FORI=1TO3:PRINTI;:NEXTI\n20 IF A THEN 10\n"
    assert "".join(v for _, v in BasicLexer().get_tokens(source)) == source
    assert '<span class="k">PRINT</span>' in highlight(source, BasicLexer(), HtmlFormatter())


@pytest.mark.parametrize("program", sorted(PROGRAMS.glob("*.bas")), ids=lambda path: path.stem)
def test_every_golden_program_is_read_completely(program):
    """No text is lost, nothing falls through to plain text, and no keyword passes as a name."""
    source = program.read_text()
    pieces = list(BasicLexer().get_tokens(source))
    assert "".join(text for _, text in pieces) == source
    assert [text for token, text in pieces if token is Text or token in Error] == []
    assert [text for token, text in pieces
            if token is Name.Variable and text.upper() in KEYWORD_HELP] == []
