"""Running PILOT: matching, variables, jumps, subroutines, cells, links, waits and interrupts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from timewarp.engine import ScriptedConsole
from timewarp.pilot.errors import PilotError
from timewarp.pilot.session import PilotSession


def run(source: str, *answers: str) -> tuple[PilotSession, str]:
    console = ScriptedConsole(list(answers), echo=False)
    session = PilotSession(console=console)
    session.execute(source)
    return session, console.output


def output(source: str, *answers: str) -> str:
    return run(source, *answers)[1]


@pytest.mark.parametrize("answer, pattern, matched, parts", [
    ("I like Cats", "cat", True, ("I like ", "Cat", "s")),
    ("dog", "cat,dog", True, ("", "dog", "")),
    ("a cow", "c?w", True, ("a ", "cow", "")),
    ("foobaaaz", "b*a", True, ("foo", "ba", "aaz")),
    ("xyz", "cat|dog!bird", False, ("", "", "")),
    ("x*y", r"\*", True, ("x", "*", "y")),
    ("", "*", True, ("", "", "")),
])
def test_match_sets_flag_and_parts(answer: str, pattern: str, matched: bool,
                                   parts: tuple[str, str, str]) -> None:
    session, _ = run(f"A:\nM:{pattern}", answer)
    values = session.variables()
    assert session.interpreter.matched is matched
    assert (values["$LEFT"], values["$MATCH"], values["$RIGHT"]) == parts


def test_match_uses_variables_literally() -> None:
    assert output("C:$WANT = a*c\nA:\nM:$WANT\nTY:yes\nTN:no", "abc") == "no\n"
    assert output("C:$WANT = a*c\nA:\nM:$WANT\nTY:yes\nTN:no", "xa*cx") == "yes\n"


def test_matched_number_and_jump_match() -> None:
    lesson = "A:\nM:red,green,blue\nJM:*R,*G,*B\nT:none\nE:\n*R T:r\nE:\n*G T:g\nE:\n*B T:b"
    assert output(lesson, "light GREEN") == "g\n"
    assert output(lesson, "pink") == "none\n"


def test_y_and_n_follow_the_last_match() -> None:
    lesson = "A:\nM:yes\nY:good\nN:bad\nTY:again\nJY:*END\nT:not skipped\n*END T:end"
    assert output(lesson, "Yes!") == "good\nagain\nend\n"
    assert output(lesson, "no") == "bad\nnot skipped\nend\n"


def test_accept_into_variables() -> None:
    session, _ = run("A:$NAME\nA:#AGE\nA:#BAD\nA:#REAL", "Ann Lee", " 12 years", "twelve", "-2.5")
    expected = {"$NAME": "Ann Lee", "#AGE": 12, "#BAD": 0, "#REAL": -2.5, "$ANSWER": "-2.5"}
    assert expected.items() <= session.variables().items()


def test_answer_after_accept_into_a_variable_is_matched() -> None:
    assert output("A:$PET\nM:cat\nTY:meow", "my cat") == "meow\n"


def test_arithmetic_and_comparisons() -> None:
    session, _ = run("C:#A = 17 / 5\nC:#B = -17 % 5\nC:#C = 1.5 * 2\nC:#D = (3 > 2) + (2 >= 3)"
                     "\nC:#E = 2 - -3\nC:X = 4\nC:#F = X * 2")
    values = session.variables()
    names = ("#A", "#B", "#C", "#D", "#E", "#X", "#F")
    assert [values[name] for name in names] == [3, -2, 3.0, 1, 5, 4, 8]


@pytest.mark.parametrize("source, words", [
    ("C:#X = 1 / 0", "divide by zero"),
    ("C:#X = 5 % 0", "divide by zero"),
    ('C:#X = "a" + 1', "not on the words"),
    ('C:#X = -"a"', "numbers"),
    ('T("a" > 1):x', "cannot compare"),
    ('C:#X = "words"', "holds a number"),
    ('T("yes"):x', "a condition must be"),
    ("W:-1", "seconds"),
    ("J:*NOWHERE", "no line starting with *NOWHERE"),
    ("U:*NOWHERE", "no line starting with *NOWHERE"),
    ("JM:*NOWHERE", ""),
    ("J:@A", "no"),
    ("J:@P", "none has run yet"),
    ("J:@M", "no M: after"),
    ("L:no_such_lesson", "cannot find"),
    ("A:", "no more answers"),
    ("G:PENCOLOR NOSUCHCOLOUR", "colour"),
])
def test_runtime_errors_name_the_line(source: str, words: str) -> None:
    console = ScriptedConsole([])
    session = PilotSession(console=console)
    lesson = f"T:first\n{source}"
    if source.startswith("JM:"):
        lesson = "C:$ANSWER = x\nM:x\n" + source
    with pytest.raises(PilotError) as caught:
        session.execute(lesson)
    assert caught.value.line == len(lesson.splitlines())
    assert words in caught.value.message
    assert caught.value.ename == "PilotError"


def test_subroutines_nest_and_return() -> None:
    lesson = ("U:*A\nT:main end\nE:\n*A T:in A\nU:*B\nT:back in A\nE:\n*B T:in B\nE:")
    assert output(lesson) == "in A\nin B\nback in A\nmain end\n"


def test_runaway_recursion_is_an_error() -> None:
    with pytest.raises(PilotError, match="use itself"):
        run("*A U:*A")


def test_missing_end_names_the_use_line() -> None:
    with pytest.raises(PilotError) as caught:
        run("T:x\nU:*SUB\nE:\n*SUB T:no end")
    assert caught.value.line == 2
    assert "without an E:" in caught.value.message


def test_labels_and_variables_persist_between_cells() -> None:
    console = ScriptedConsole(["Ann"], echo=False)
    session = PilotSession(console=console)
    session.execute("E:\n*GREET T:Hello $NAME!\nC:#CALLS = #CALLS + 1\nE:")
    assert console.output == ""
    session.execute("A:$NAME\nU:*GREET\nU:*GREET")
    session.execute("T:#CALLS greetings")
    assert console.output == "Hello Ann!\nHello Ann!\n2 greetings\n"


def test_a_later_cell_replaces_a_label() -> None:
    session, _ = run("E:\n*MSG T:old\nE:")
    session.execute("E:\n*MSG T:new\nE:")
    session.execute("U:*MSG")
    assert session.console.output == "new\n"


def test_a_failed_cell_changes_no_labels() -> None:
    session, _ = run("E:\n*MSG T:old\nE:")
    with pytest.raises(PilotError):
        session.execute("E:\n*MSG T:new\nE:\nbad line")
    session.execute("U:*MSG")
    assert session.console.output == "old\n"


def test_link_runs_another_lesson(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "part.pilot").write_text("*X T:in part $WHO\nC:#N = 5\nJ:*Y\n*Y E:\nT:no")
    (tmp_path / "bad.pil").write_text("T:ok\nT(:bad")
    monkeypatch.chdir(tmp_path)
    session, text = run("*X C:$WHO = me\nL:part\nT:back #N\nJ(#N = 5):*END\nT:no\n*END E:")
    assert text == "in part me\nback 5\n"
    with pytest.raises(PilotError) as caught:
        session.execute("L:bad.pil")
    assert str(caught.value).startswith("Line 2 of bad.pil: ")


def test_a_linked_lesson_links_from_its_own_folder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "unit").mkdir()
    (tmp_path / "unit" / "one.pil").write_text("T:one\nL:two")
    (tmp_path / "unit" / "two.pil").write_text("T:two")
    monkeypatch.chdir(tmp_path)
    assert output("L:unit/one") == "one\ntwo\n"


def test_link_to_itself_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "loop.pil").write_text("L:loop.pil")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PilotError, match="link each other"):
        run("L:loop")


def test_wait_waits() -> None:
    started = time.perf_counter()
    run("W:0.2\nPA:0.1")
    assert time.perf_counter() - started >= 0.3


def test_type_hang_stays_on_the_line() -> None:
    assert output("TH:a \nT:b") == "a b\n"


@pytest.mark.parametrize("loop", ["*LOOP J:*LOOP", "PR:\n*LOOP C:#N = #N + 1\nJ:@P",
                                  "PR:\n*L U:*S\nJ:*L\n*S E:"])
def test_an_endless_loop_can_be_interrupted(loop: str, ctrl_c) -> None:
    session = PilotSession(console=ScriptedConsole([], echo=False))
    with pytest.raises(KeyboardInterrupt), ctrl_c(0.3):
        session.execute(loop)
    assert session.current_line is not None and session.current_line.startswith("line ")
    session.execute("C:#AFTER = 1\nT:still alive")
    assert session.variables()["#AFTER"] == 1
    assert session.console.output.endswith("still alive\n")


def test_interrupt_during_a_quiz_answer_passes_through() -> None:
    class InterruptedConsole(ScriptedConsole):
        def read_line(self, prompt: str = "") -> str:
            raise KeyboardInterrupt

    session = PilotSession(console=InterruptedConsole())
    with pytest.raises(KeyboardInterrupt):
        session.execute("*Q T:Question?\nA:\nJ:*Q")
    assert session.current_line == "line 2"


def test_the_quiz_notebook_in_the_docs() -> None:
    """docs/pilot.md's three-cell quiz does what the page says, run as a student would."""
    page = (Path(__file__).parents[2] / "docs" / "pilot.md").read_text()
    blocks = page.split("```pilot\n")[1:]
    cells = [block.split("```")[0] for block in blocks if block.startswith("R: Cell")]
    assert len(cells) == 3
    console = ScriptedConsole(["42", "41"], echo=False)
    session = PilotSession(console=console)
    session.execute(cells[0])
    assert console.output == ""
    session.execute(cells[1])
    session.execute(cells[1])
    session.execute(cells[2])
    assert console.output == ("What is 6 times 7?\nCorrect!\nWhat is 6 times 7?\n"
                              "Not quite: the answer was 42.\nYour score: 1.\n")


def test_type_hang_text_becomes_the_question_of_the_next_accept() -> None:
    console = ScriptedConsole(["Ann"])
    session = PilotSession(console=console)
    session.execute("TH:Your \nTH:name? \nA:$NAME\nT:Hi $NAME")
    assert console.prompts == ["Your name? "]
    assert console.output == "Your name? Ann\nHi Ann\n"


def test_type_hang_text_is_written_at_the_end_and_before_a_wait() -> None:
    console = ScriptedConsole([])
    session = PilotSession(console=console)
    session.execute("TH:one ")
    assert console.output == "one "
    session.execute("TH:two \nW:0")
    assert console.output == "one two "
    with pytest.raises(PilotError):
        session.execute("TH:three \nJ:*NOWHERE")
    assert console.output == "one two three "


@pytest.mark.parametrize("condition, holds", [
    ("#A > 1 AND #A < 5", True), ("#A > 5 AND #A < 5", False), ("#A > 5 OR #A = 3", True),
    ("NOT #A = 3", False), ("NOT (#A = 4) AND NOT 0", True), ("not 0 or 0 and 0", True),
    ("(#A = 3 OR 0) AND $N = \"ann\"", True), ("LEN($N) = 3", True), ("ABS(-#A) = 3", True),
    ("INT(7 / 2.0) = 3 AND INT(-0.5) = -1", True),
])
def test_logic_and_functions_in_conditions(condition: str, holds: bool) -> None:
    assert output(f"C:#A = 3\nC:$N = Ann\nT({condition}):yes") == ("yes\n" if holds else "")


def test_rnd_stays_in_range() -> None:
    session, _ = run("*L C:#R = RND(6)\nC:#LOW = #LOW + (#R < 1)\nC:#HIGH = #HIGH + (#R > 6)\n"
                     "C:#SEEN = #SEEN + (#R = 6)\nC:#N = #N + 1\nJ(#N < 500):*L")
    values = session.variables()
    assert (values["#LOW"], values["#HIGH"]) == (0, 0) and values["#SEEN"] > 0


@pytest.mark.parametrize("source, words", [
    ("C:#X = RND(0)", "1 or more"), ("C:#X = LEN(5)", "counts the letters"),
    ('C:#X = ABS("a")', "needs a number"), ('T("a" AND 1):x', "a condition must be"),
])
def test_function_mistakes(source: str, words: str) -> None:
    with pytest.raises(PilotError, match=words):
        run(source)


def test_reference_system_variable_names_in_text() -> None:
    text = output("A:\nM:dog,cat\nT:%answer|%LEFT|%match|%right|%matched|50% off|%answers",
                  "I love cats")
    assert text == "I love cats|I love |cat|s|2|50% off|%answers\n"
