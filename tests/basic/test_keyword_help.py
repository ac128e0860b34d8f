"""BASIC help texts: every keyword has its syntax, a plain sentence and an example."""

import pytest

from timewarp.basic.help import KEYWORD_HELP, help_for

REQUIRED = """
PRINT USING TAB SPC INPUT LINE LET IF THEN ELSE GOTO GOSUB RETURN ON FOR TO STEP NEXT WHILE WEND
DIM OPTION DATA READ RESTORE DEF FN END STOP REM DEFINT DEFSNG DEFDBL DEFSTR RANDOMIZE SWAP ERASE
ERROR RESUME ERR ERL LIST RUN NEW DELETE RENUM
ABS ASC ATN CHR$ COS EXP FIX HEX$ INSTR INT LEFT$ LEN LOG MID$ OCT$ RIGHT$ RND SGN SIN SPACE$ SQR
STR$ STRING$ TAN VAL TIMER INKEY$ UCASE$ LCASE$ LTRIM$ RTRIM$
AND OR NOT XOR EQV IMP MOD
SUB FUNCTION CALL SELECT CASE IS DO LOOP UNTIL EXIT CONST ELSEIF STATIC SHARED UBOUND LBOUND
FORWARD BACK LEFT RIGHT PENUP PENDOWN SETXY HOME PENCOLOR PENWIDTH SETHEADING HIDETURTLE
SHOWTURTLE SAVEPICTURE SCREEN COLOR PSET PRESET CIRCLE PAINT DRAW POINT CLS
""".split() + ["LINE INPUT", "END IF", "END SUB", "END FUNCTION", "END SELECT", "OPTION BASE",
               "CASE ELSE", "ON ERROR"]


@pytest.mark.parametrize("word", REQUIRED)
def test_every_keyword_has_syntax_sentence_and_example(word):
    text = KEYWORD_HELP[word]
    syntax, sentence, example = text.split("\n\n")
    assert syntax.strip() and sentence.endswith(".")
    assert example.startswith("Example:\n    ")


def test_help_for_forgives_case_and_spacing():
    assert help_for("mid$") == KEYWORD_HELP["MID$"]
    assert help_for("  line   input ") == KEYWORD_HELP["LINE INPUT"]
    assert help_for("PRIMT") is None


def test_keys_are_written_as_a_student_types_them():
    for key in KEYWORD_HELP:
        assert key == key.upper() == " ".join(key.split())


def test_every_word_the_engine_reads_has_help():
    from timewarp.basic.lexer import KEYWORDS

    words_with_help = {word for key in KEYWORD_HELP for word in key.split()}
    assert sorted(set(KEYWORDS) - words_with_help) == []


def test_every_program_file_command_has_help():
    from timewarp.basic.program_files import WORDS

    assert sorted(set(WORDS) - set(KEYWORD_HELP)) == []
