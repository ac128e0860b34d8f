"""The lexer: whole words, run-together keywords, numbers, strings and DATA."""

from __future__ import annotations

import pytest

from timewarp.basic.errors import BasicError
from timewarp.basic.lexer import tokenize


def kinds_and_values(text: str, classic: bool) -> list[tuple[str, object]]:
    return [(t.kind, t.value) for t in tokenize(text, classic)]


def test_run_together_keywords_are_split_in_classic_mode():
    assert kinds_and_values("FORI=1TO9", classic=True) == [
        ("kw", "FOR"), ("name", "I"), ("op", "="), ("num", (1.0, "!")), ("kw", "TO"),
        ("num", (9.0, "!"))]


def test_whole_words_keep_names_that_contain_keywords():
    assert kinds_and_values("total = score", classic=False) == [
        ("name", "TOTAL"), ("op", "="), ("name", "SCORE")]


def test_longest_keyword_wins_when_crunching():
    values = [t.value for t in tokenize('A$=LEFT$(B$,2):FORWARD 5', classic=True)]
    assert "LEFT$" in values and "FORWARD" in values and "FOR" not in values


@pytest.mark.parametrize("text, value", [
    ("1.5", (1.5, "!")), ("12345678", (12345678.0, "#")), ("1D3", (1000.0, "#")),
    ("2E-2", (0.019999999552965164, "!")), ("7%", (7, "%")), ("&HFF", (255, "%")), ("&O17", (15, "%")),
    (".5", (0.5, "!")),
])
def test_numbers_carry_their_type(text, value):
    # A single constant is the single GW-BASIC's reader makes of it (numbers.single_constant).
    assert tokenize(text)[0].value == value


def test_rem_and_apostrophe_end_the_line():
    assert kinds_and_values("PRINT 1 ' note", classic=False) == [("kw", "PRINT"), ("num", (1.0, "!"))]
    assert kinds_and_values("REM anything: PRINT", classic=False) == []


def test_data_keeps_its_items_raw_up_to_the_colon():
    tokens = tokenize('DATA 1, HELLO WORLD, "A:B": PRINT', classic=False)
    assert tokens[0] == ("data", ' 1, HELLO WORLD, "A:B"', 4)
    assert tokens[-1].value == "PRINT"


def test_an_open_string_ends_at_the_end_of_the_line():
    assert tokenize('PRINT "HELLO')[1].value == "HELLO"


def test_a_label_starts_a_line_in_word_mode():
    assert tokenize("again: PRINT", classic=False)[0] == ("label", "AGAIN", 0)


def test_question_mark_is_print():
    assert tokenize("?1")[0].value == "PRINT"


def test_a_stray_character_is_a_syntax_error():
    with pytest.raises(BasicError, match="Syntax error"):
        tokenize("PRINT @")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("classic", [True, False])
def test_letters_beyond_ascii_are_text_in_strings_and_a_clear_error_elsewhere(classic):
    """"ß" upper-cases to two letters and "Ç" is a letter to Python but no BASIC name's:
    both once hung the lexer (a student's kernel stopped answering)."""
    tokens = tokenize('PRINT "straße": X = 5', classic=classic)
    assert [t.value for t in tokens] == ["PRINT", "straße", ":", "X", "=", (5.0, "!")]
    with pytest.raises(BasicError, match="unexpected character 'Ç'"):
        tokenize("PRÇNT = 1", classic=classic)


@pytest.mark.timeout(10)
def test_a_program_with_such_letters_runs_lists_and_stops_where_gw_basic_does():
    from timewarp.basic.session import BasicSession
    from timewarp.engine import ScriptedConsole

    session = BasicSession(console=ScriptedConsole())
    with pytest.raises(BasicError, match="Syntax error in 20"):
        session.execute('10 PRINT "Größe"\n20 PRÇNT = 1\n')
    assert session.console.output == "Größe\n"
    assert session.program.listing() == '10 PRINT "Größe"\n20 PRÇNT = 1\n'
