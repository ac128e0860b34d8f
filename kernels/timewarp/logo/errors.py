"""Logo's errors, in UCBLogo's words, and the signals that unwind procedures.

The signals (STOP, OUTPUT, THROW) are ordinary Python exceptions that no front end ever
sees: procedures catch them.  :class:`LogoError` is what a student sees, and says where it
happened the way UCBLogo does ("... in square").
"""

from __future__ import annotations

from timewarp.engine import LanguageError


class LogoError(LanguageError):
    """Something in the Logo program went wrong."""

    ename = "LogoError"

    def __init__(self, message: str | None = None, line: int | None = None,
                 column: int | None = None, *, code: int = 0, value: object = None) -> None:
        super().__init__(message, line, column)
        #: UCBLogo's error number (what ERROR reports), and the value THROW "ERROR carried.
        self.code = code
        self.value = value
        #: The procedure the error happened in, once known, and the text of its line.
        self.procedure: str | None = None
        self.source_line: str | None = None
        self.source_items: list | None = None
        #: True when the error stands in for a Python failure inside the engine itself.
        self.internal = False

    def locate(self, procedure: str | None, line: int | None, text: str | None) -> None:
        """Say where the error happened, once: the innermost place wins."""
        if self.procedure is not None or self.line is not None:
            return
        self.procedure = procedure
        self.line = line
        self.source_line = text
        if procedure is not None:
            self.message = f"{self.message}  in {procedure}"
        if text:
            self.message = f"{self.message}\n[{text}]"

    @property
    def bare_message(self) -> str:
        """The message without where it happened (ERROR's second item)."""
        return self.message.split("  in ", 1)[0].split("\n[", 1)[0]


def dont_know(name: str) -> LogoError:
    return LogoError(f"I don't know how to {name}", code=13, value=name)


def no_value(name: str) -> LogoError:
    return LogoError(f"{name} has no value", code=11, value=name)


def not_enough_inputs(name: str) -> LogoError:
    return LogoError(f"not enough inputs to {name}", code=6)


def doesnt_like(name: str, value: object, code: int = 7) -> LogoError:
    """Code 7 for the wrong kind of input, 4 (as in UCBLogo) for one out of range."""
    from timewarp.logo.values import full_form
    return LogoError(f"{name} doesn't like {full_form(value)} as input", code=code, value=value)


def dont_say(value: object) -> LogoError:
    from timewarp.logo.values import full_form
    return LogoError(f"You don't say what to do with {full_form(value)}", code=9, value=value)


def didnt_output(name: str, to: str) -> LogoError:
    return LogoError(f"{name} didn't output to {to}", code=5)


class StopSignal(Exception):
    """STOP ran inside a list that was RUN: unwinds to the procedure that called it."""


class OutputSignal(Exception):
    """OUTPUT ran inside a list that was RUN: carries the value to the procedure."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value


class ThrowSignal(Exception):
    """THROW: unwinds to the CATCH with the same tag."""

    def __init__(self, tag: str, value: object = None) -> None:
        super().__init__(tag)
        self.tag = tag
        self.value = value
