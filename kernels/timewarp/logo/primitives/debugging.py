"""TRACE and UNTRACE: watching procedures being called, as UCBLogo prints it.

A traced procedure prints ``( name inputs )`` when it starts and ``name outputs value`` or
``name stops`` when it ends, indented by how deep the traced calls are.  Calls to a traced
procedure are compiled as ordinary calls, never tail calls, so that every one is seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timewarp.logo.primitives import primitive
from timewarp.logo.values import is_number, logo_bool, show_form


def _procedure_names(interp: Any, name: str, value: Any) -> list[str]:
    from timewarp.logo.primitives.contents import _groups
    return _groups(name, value)[0]


@primitive("trace", 1, outputs=False)
def trace(interp: Any, names: Any) -> None:
    interp.traced.update(_procedure_names(interp, "trace", names))
    interp.invalidate()


@primitive("untrace", 1, outputs=False)
def untrace(interp: Any, names: Any) -> None:
    interp.traced.difference_update(_procedure_names(interp, "untrace", names))
    interp.invalidate()


@primitive("traced", 0)
def traced(interp: Any) -> list:
    return [sorted(interp.traced), [], []]


@primitive("tracedp traced?", 1)
def tracedp(interp: Any, names: Any) -> str:
    found = _procedure_names(interp, "tracedp", names)
    return logo_bool(bool(found) and all(name in interp.traced for name in found))


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
