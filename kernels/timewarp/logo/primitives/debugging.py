"""TRACE and UNTRACE: watching procedures being called, as UCBLogo prints it.

A traced procedure prints ``( name inputs )`` when it starts and ``name outputs value`` or
``name stops`` when it ends, indented by how deep the traced calls are.  Calls to a traced
procedure are compiled as ordinary calls, never tail calls, so that every one is seen.
A traced variable prints ``Make "name value`` when MAKE changes it, and a traced property
list ``Pprop "list "name value``, followed (inside a procedure) by where it happened.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from timewarp.logo.primitives import primitive
from timewarp.logo.values import is_number, logo_bool, show_form


def _groups(name: str, value: Any) -> list[list[str]]:
    from timewarp.logo.primitives.contents import _groups
    return _groups(name, value)


def _watched(interp: Any) -> tuple[set[str], set[str], set[str]]:
    return interp.traced, interp.traced_names, interp.traced_plists


@primitive("trace", 1, outputs=False)
def trace(interp: Any, names: Any) -> None:
    for watched, group in zip(_watched(interp), _groups("trace", names), strict=True):
        watched.update(group)
    interp.invalidate()


@primitive("untrace", 1, outputs=False)
def untrace(interp: Any, names: Any) -> None:
    for watched, group in zip(_watched(interp), _groups("untrace", names), strict=True):
        watched.difference_update(group)
    interp.invalidate()


@primitive("traced", 0)
def traced(interp: Any) -> list:
    return [sorted(watched) for watched in _watched(interp)]


@primitive("tracedp traced?", 1)
def tracedp(interp: Any, names: Any) -> str:
    pairs = [(name, watched) for watched, group in
             zip(_watched(interp), _groups("tracedp", names), strict=True) for name in group]
    return logo_bool(bool(pairs) and all(name in watched for name, watched in pairs))


def _where(interp: Any) -> str:
    """``  in proc`` and the line, when a procedure's code made the change."""
    frame = sys._getframe(2)
    while frame is not None:
        info = interp.code_info.get(frame.f_code)
        if info is not None and info.procedure is not None:
            number = frame.f_lineno
            line = info.origins[number] if number < len(info.origins) else None
            shown = f"\n{show_form(line.items)}" if line is not None else ""
            return f"  in {info.procedure}{shown}"
        frame = frame.f_back
    return ""


def traced_make(interp: Any, name: str, value: Any) -> None:
    """MAKE of a traced variable: set it, and say so."""
    interp.variables[name] = value
    interp.console.write(f'Make "{name} {_shown(value)}{_where(interp)}\n')


def traced_pprop(interp: Any, plist: str, name: str, value: Any) -> None:
    interp.console.write(f'Pprop "{plist} "{name} {_shown(value)}{_where(interp)}\n')


def _shown(value: Any) -> str:
    if isinstance(value, str) and not is_number(value):
        return '"' + value
    return show_form(value)


def traced_entry(interp: Any, name: str, entry: Callable[..., Any]) -> Callable[..., Any]:
    """``entry`` wrapped so that its calls and results are printed."""
    def traced_call(*inputs: Any) -> Any:
        indent = " " * interp.trace_depth
        shown = "".join(f" {_shown(value)}" for value in inputs)
        interp.console.write(f"{indent}( {name}{shown} )\n")
        interp.trace_depth += 1
        try:
            result = entry(*inputs)
        finally:
            interp.trace_depth -= 1
        if result is None:
            interp.console.write(f"{indent}{name} stops\n")
        else:
            interp.console.write(f"{indent}{name} outputs {_shown(result)}\n")
        return result
    return traced_call
