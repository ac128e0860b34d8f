"""PAUSE and CONTINUE, STEP and UNSTEP, GOTO and TAG: stopping inside a procedure to look
around, running it a line at a time, and jumping about inside it, as UCBLogo does.

PAUSE reads instruction lines from the console (Jupyter's input box in a notebook, stdin at
the command line) with the procedure's name as prompt, ``square? ``, and runs them where
the procedure stopped, seeing its inputs and locals, until CONTINUE (or the input ends).
A stepped procedure shows each line as ``[line] >>> `` and waits for a line to be typed.
GOTO jumps to the TAG of the same name in the procedure that is running: the compiler
turns a procedure with tags into a loop that goes round from the tag (compiler.py).
"""

from __future__ import annotations

import sys
from typing import Any

from timewarp.logo.errors import LogoError, ThrowSignal, doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.values import check_name, is_word, logo_bool, word_text


class GotoSignal(Exception):
    """GOTO: unwinds to the loop of the procedure that has the tag."""

    def __init__(self, tag: str, procedure: str | None) -> None:
        super().__init__(tag)
        self.tag = tag
        self.procedure = procedure


def running_procedure(interp: Any, depth: int = 2) -> str | None:
    """The procedure whose code called this primitive (through RUN lists, if any)."""
    # The compiled code's own frames say which procedure is running.
    frame = sys._getframe(depth)
    while frame is not None:
        info = interp.code_info.get(frame.f_code)
        if info is not None and info.procedure is not None:
            return info.procedure
        frame = frame.f_back
    return None


# -- PAUSE and CONTINUE ---------------------------------------------------------------------


@primitive("pause", 0, outputs=None)
def pause(interp: Any) -> Any:
    name = running_procedure(interp)
    pending = interp.pending_error
    if pending is not None:
        # PAUSE as ERRACT: the error's message comes first, and is not shown again after.
        interp.console.write(f"{pending}\n")
        pending.reported = True
        interp.pending_error = None
    interp.console.write("Pausing...\n")
    interp.pausing += 1
    try:
        while True:
            try:
                line = interp.console.read_line(f"{name}? " if name else "? ")
            except EOFError:
                return None
            try:
                interp.load_source(line)
            except ThrowSignal as thrown:
                if thrown.tag != "pause":
                    raise
                return thrown.value
            except LogoError as error:
                # A mistake typed at the pause prompt is shown; the pause goes on.
                interp.console.write(f"{error}\n")
    finally:
        interp.pausing -= 1


@primitive("continue co", 1, 0, 1, outputs=False)
def continue_(interp: Any, value: Any = None) -> None:
    raise ThrowSignal("pause", value)


def run_erract(interp: Any, error: LogoError) -> None:
    """ERRACT: when an error happens, its list (usually [PAUSE]) runs there, in the scope of
    the procedure that went wrong; then the error goes on (CATCH "ERROR can still catch it),
    as in UCBLogo.  PAUSE shows the error's message first."""
    action = interp.variables.get("erract")
    if getattr(error, "erract_done", False) or interp.pausing or not action \
            or not isinstance(action, list):
        return
    error.erract_done = True  # type: ignore[attr-defined]
    interp.locate(error)
    interp.pending_error = error
    try:
        interp.run_list(action)
    finally:
        interp.pending_error = None


# -- STEP and UNSTEP ------------------------------------------------------------------------


def _groups(name: str, value: Any) -> list[list[str]]:
    from timewarp.logo.primitives.contents import _groups
    return _groups(name, value)


def _marked(interp: Any) -> tuple[set[str], set[str], set[str]]:
    # Stepped variables and property lists are listed, as in ucblogo, but change nothing.
    return interp.stepped, interp.stepped_names, interp.stepped_plists


@primitive("step", 1, outputs=False)
def step(interp: Any, names: Any) -> None:
    for marked, group in zip(_marked(interp), _groups("step", names), strict=True):
        marked.update(group)
    interp.invalidate()


@primitive("unstep", 1, outputs=False)
def unstep(interp: Any, names: Any) -> None:
    for marked, group in zip(_marked(interp), _groups("unstep", names), strict=True):
        marked.difference_update(group)
    interp.invalidate()


@primitive("stepped", 0)
def stepped(interp: Any) -> list:
    return [sorted(marked) for marked in _marked(interp)]


@primitive("steppedp stepped?", 1)
def steppedp(interp: Any, names: Any) -> str:
    pairs = [(name, marked) for marked, group in
             zip(_marked(interp), _groups("steppedp", names), strict=True) for name in group]
    return logo_bool(bool(pairs) and all(name in marked for name, marked in pairs))


def step_line(interp: Any, text: str) -> None:
    """Before each line of a stepped procedure: show it and wait for the Enter key."""
    interp.console.write(" " * max(interp.trace_depth - 1, 0) + text)
    try:
        interp.console.read_line(" >>> ")
    except EOFError:
        interp.console.write("\n")


# -- GOTO and TAG ---------------------------------------------------------------------------


@primitive("goto", 1, outputs=False)
def goto(interp: Any, tag: Any) -> None:
    if not is_word(tag):
        raise doesnt_like("goto", tag, code=4)
    procedure = running_procedure(interp)
    if procedure is None:
        raise LogoError("Can only use goto inside a procedure", code=31)
    name = check_name("goto", tag)
    if name not in interp.procedure_tags.get(procedure, ()):
        raise doesnt_like("goto", tag, code=4)
    raise GotoSignal(name, procedure)


@primitive("tag", 1, outputs=False)
def tag(interp: Any, name: Any) -> None:
    """TAG only marks its place: the compiler reads it there."""


def goto_target(signal: GotoSignal, procedure: str, tags: dict[str, int]) -> int:
    """Where the procedure's loop goes round from, or the error for a tag it lacks."""
    if signal.procedure != procedure:
        raise signal
    if signal.tag not in tags:
        raise doesnt_like("goto", signal.tag, code=4)
    return tags[signal.tag]


def tag_name(node: Any) -> str | None:
    """The name a ``tag "name`` instruction marks, else None."""
    from timewarp.logo.ast import Call, Constant
    if isinstance(node, Call) and node.name == "tag" and len(node.inputs) == 1:
        argument = node.inputs[0]
        if isinstance(argument, Constant) and is_word(argument.value):
            return word_text(argument.value).lower()
    return None
