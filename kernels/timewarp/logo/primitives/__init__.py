"""The table of Logo's primitive procedures, filled by one module per area.

Each primitive is a Python function ``f(interp, *inputs)`` registered under its names (the
first is the full name, the rest abbreviations) with its number of inputs and whether it
outputs: True (an operation), False (a command) or None (it depends, like RUN).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from timewarp.logo.parser import Arity


@dataclass(frozen=True)
class Primitive:
    name: str
    names: tuple[str, ...]
    function: Callable[..., Any]
    arity: Arity
    outputs: bool | None
    ident: str


PRIMITIVES: dict[str, Primitive] = {}


def primitive(names: str, default: int, minimum: int | None = None,
              maximum: float | None = None, outputs: bool | None = True
              ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a function as a primitive: ``@primitive("forward fd", 1, outputs=False)``."""
    all_names = tuple(names.split())

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        arity = Arity(default if minimum is None else minimum, default,
                      default if maximum is None else maximum, all_names[0])
        ident = "_p_" + "".join(c if c.isalnum() else "_" for c in all_names[0])
        found = Primitive(all_names[0], all_names, function, arity, outputs,
                          ident + f"_{len(PRIMITIVES)}")
        for name in all_names:
            PRIMITIVES[name] = found
        return function
    return register


#: Forms of list-running primitives (RUN, IF, CATCH...) for use as a command: they run the
#: list as commands, so a stray value is reported inside it, where CATCH can see it.
COMMAND_FORMS: dict[str, Callable[..., Any]] = {}


def command_form(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        COMMAND_FORMS[name] = function
        return function
    return register


def command_ident(name: str) -> str:
    return PRIMITIVES[name].ident + "_command"


ANY = math.inf


def _load() -> None:
    # The area modules register themselves on import.
    from timewarp.logo.primitives import (arithmetic, assertions, control, data,  # noqa: F401
                                          devices, io, turtle, workspace)
    # UCBLogo 6.2's further primitives and library procedures.
    from timewarp.logo.primitives import (contents, debugging, library,  # noqa: F401
                                          keyboard, pens, pictures, stepping, streams,
                                          window)


_load()
