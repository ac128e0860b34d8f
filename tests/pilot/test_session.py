"""The PILOT session's front-end services: completion, Shift+Tab help, is_complete, the lexer."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
from pygments.token import Comment, Keyword, Name, Operator

from timewarp.engine import ScriptedConsole
from timewarp.languages import LANGUAGES, language_for_file
from timewarp.lexers.pilot import PilotLexer
from timewarp.pilot.help import STATEMENTS
from timewarp.pilot.parser import KEYWORDS
from timewarp.pilot.session import PilotSession


@pytest.fixture
def session() -> PilotSession:
    return PilotSession(console=ScriptedConsole([]))


def test_registered_as_a_language() -> None:
    assert LANGUAGES["pilot"].session_class() is PilotSession
    assert language_for_file("quiz.PIL").name == language_for_file("q.pilot").name == "pilot"
    assert (PilotSession.language, PilotSession.display_name) == ("pilot", "PILOT")


def test_complete_statement_keywords(session: PilotSession) -> None:
    found = session.complete("T:hi\nTY", 7)
    assert (found.start, found.end) == (5, 7)
    assert "TYPE:" in found.matches and "TYPEHANG:" in found.matches
    assert "T:" not in found.matches


def test_complete_labels_from_source_and_earlier_cells(session: PilotSession) -> None:
    session.execute("E:\n*GREETING T:hi\nE:")
    source = "*GAME T:x\nJ:*G"
    found = session.complete(source, len(source))
    assert found.matches == ["*GAME", "*GREETING"]
    assert found.start == len(source) - 2
    source = "U:"
    assert session.complete(source, 2).matches == ["*GREETING"]


def test_complete_variables(session: PilotSession) -> None:
    session.execute("C:#SCORE = 1\nC:$SURNAME = x")
    source = "C:$SHOE = 2\nT:$S"
    assert session.complete(source, len(source)).matches == ["$SHOE", "$SURNAME"]
    assert session.complete("T:#S", 4).matches == ["#SCORE"]


def test_complete_turtle_commands(session: PilotSession) -> None:
    assert session.complete("G:FORWARD 5 PEN", 15).matches == [
        "PENCOLOR", "PENCOLOUR", "PENDOWN", "PENSIZE", "PENUP", "PENWIDTH"]


def test_inspect_every_statement(session: PilotSession) -> None:
    for spec in KEYWORDS:
        for name in (spec.name, spec.long_name):
            text = session.inspect(f"{name}:x", 1)
            assert text is not None, name
            syntax, _meaning, example = STATEMENTS[spec.name]
            assert syntax in text and example in text and spec.long_name in text


def test_inspect_suffix_variable_and_turtle(session: PilotSession) -> None:
    assert "JUMP" in session.inspect("JN:*X", 1)
    session.execute("C:$NAME = Ann")
    assert session.inspect("T:$NAME", 5) == "$NAME = 'Ann'"
    assert "turn clockwise" in session.inspect("G:FD 5 RT 90", 9)
    assert "random whole number" in session.inspect("C:#D = RND(6)", 8)
    assert session.inspect("T:hello", 4) is None
    assert session.inspect("ZZ:x", 1) is None


def test_is_complete(session: PilotSession) -> None:
    assert session.is_complete("T:hello\nA:") == "complete"
    assert session.is_complete("T(#X > :x") == "invalid"


def test_lexer_is_registered_and_colours_lines() -> None:
    (entry,) = [e for e in entry_points(group="pygments.lexers") if e.name == "pilot-timewarp"]
    assert entry.load() is PilotLexer
    tokens = list(PilotLexer().get_tokens("*Q TY(#X > 1):Hi $NAME // note\nR:remark\n"))
    assert (Name.Label, "*Q") in tokens and (Keyword, "TY") in tokens
    assert (Name.Variable, "$NAME") in tokens and (Name.Variable, "#X") in tokens
    assert (Comment.Single, "remark") in tokens and (Comment.Single, " // note") in tokens
    tokens = list(PilotLexer().get_tokens("T(RND(6) = 1 AND NOT #X):lucky\n"))
    assert (Name.Builtin, "RND") in tokens and (Operator.Word, "AND") in tokens


@pytest.mark.slow
def test_nbconvert_html_colours_a_pilot_notebook() -> None:
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "*ASK T:Capital of France?\nA:\nM:paris\nJN:*ASK")])
    notebook.metadata["kernelspec"] = {"name": "pilot", "display_name": "PILOT (Time Warp)",
                                       "language": "pilot"}
    notebook.metadata["language_info"] = {"name": "pilot", "pygments_lexer": "pilot-timewarp"}
    html, _resources = HTMLExporter().from_notebook_node(notebook)
    assert '<span class="nl">*ASK</span>' in html
    assert '<span class="k">JN</span>' in html
