"""The workspace as UCBLogo 6.2 shows it: ARITY, PRIMITIVES, contents lists (CONTENTS
BURIED NAMELIST PLLIST), BURY and friends, the PO family, macros (.MACRO .DEFMACRO
MACROEXPAND MACROP), and a few screen words (STANDOUT TURTLEMODE SETSCRUNCH).
"""

from __future__ import annotations

import math
from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like, dont_know
from timewarp.logo.primitives import ANY, PRIMITIVES, primitive
from timewarp.logo.primitives.workspace import define, procedure_listing
from timewarp.logo.reader import read_list
from timewarp.logo.runtime import MacroExpansion
from timewarp.logo.values import (check_name, full_form, is_word, logo_bool, show_form,
                                  to_list, to_number, word_text)

#: ARITY for procedures UCBLogo writes in Logo with extra optional inputs for its own use.
UCBLOGO_ARITY: dict[str, tuple[int, int, int]] = {
    "filter": (2, 2, 4), "find": (2, 2, 4), "for": (2, 2, 7), "foreach": (0, 2, -1),
    "map": (1, 2, -1), "reverse": (1, 1, 2), "case": (2, 2, 3), "savel": (2, 2, 3),
    "`": (1, 1, 2),
}


@primitive("arity", 1)
def arity(interp: Any, name: Any) -> list:
    key = check_name("arity", name)
    if key in UCBLOGO_ARITY:
        return list(UCBLOGO_ARITY[key])
    found = interp.arity(key)
    if found is None:
        raise dont_know(key)
    maximum = -1 if found.maximum == math.inf else int(found.maximum)
    return [found.minimum, found.default, maximum]


@primitive("primitives", 0)
def primitives(interp: Any) -> list:
    return sorted(PRIMITIVES)


# -- contents lists ------------------------------------------------------------------------


def _contents(interp: Any, buried: bool) -> list:
    procs, names, plists = interp.buried
    groups = ((interp.procedures, procs), (interp.variables, names),
              (interp.property_lists, plists))
    found = [sorted(n for n in table if (n in hidden) is buried) for table, hidden in groups]
    if buried:
        # UCBLogo buries its library (written in Logo there, in Python here) as it loads it.
        from timewarp.logo.primitives.library import LIBRARY_PROCEDURES
        found[0] = sorted({*found[0], *(n for n in LIBRARY_PROCEDURES
                                         if n not in interp.procedures)})
    return found


@primitive("contents", 0)
def contents(interp: Any) -> list:
    return _contents(interp, buried=False)


@primitive("buried", 0)
def buried(interp: Any) -> list:
    return _contents(interp, buried=True)


@primitive("namelist", 1)
def namelist(interp: Any, names: Any) -> list:
    return [[], _names("namelist", names)]


@primitive("pllist", 1)
def pllist(interp: Any, names: Any) -> list:
    return [[], [], _names("pllist", names)]


@primitive("plists", 0)
def plists(interp: Any) -> list:
    return [[], [], _contents(interp, buried=False)[2]]


@primitive("plistp plist?", 1)
def plistp(interp: Any, name: Any) -> str:
    return logo_bool(bool(interp.property_lists.get(check_name("plistp", name))))


def _names(primitive_name: str, value: Any) -> list[str]:
    if isinstance(value, list):
        return [check_name(primitive_name, v) for v in value]
    return [check_name(primitive_name, value)]


def _groups(name: str, value: Any) -> list[list[str]]:
    """A contents list's three groups; a word or a list of words names procedures."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        groups = [_names(name, group) for group in value[:3]]
        return groups + [[] for _ in range(3 - len(groups))]
    return [_names(name, value), [], []]


@primitive("bury", 1, outputs=False)
def bury(interp: Any, value: Any) -> None:
    for hidden, names in zip(interp.buried, _groups("bury", value), strict=True):
        hidden.update(names)


@primitive("unbury", 1, outputs=False)
def unbury(interp: Any, value: Any) -> None:
    for hidden, names in zip(interp.buried, _groups("unbury", value), strict=True):
        hidden.difference_update(names)


@primitive("buryall", 0, outputs=False)
def buryall(interp: Any) -> None:
    bury(interp, contents(interp))


@primitive("unburyall", 0, outputs=False)
def unburyall(interp: Any) -> None:
    for hidden in interp.buried:
        hidden.clear()


@primitive("buryname", 1, outputs=False)
def buryname(interp: Any, names: Any) -> None:
    interp.buried[1].update(_names("buryname", names))


@primitive("unburyname", 1, outputs=False)
def unburyname(interp: Any, names: Any) -> None:
    interp.buried[1].difference_update(_names("unburyname", names))


@primitive("buriedp buried?", 1)
def buriedp(interp: Any, value: Any) -> str:
    groups = _groups("buriedp", value)
    return logo_bool(any(name in hidden for hidden, names in zip(interp.buried, groups,
                                                                  strict=True)
                         for name in names))


@primitive("erns", 0, outputs=False)
def erns(interp: Any) -> None:
    for name in contents(interp)[1]:
        interp.variables.pop(name, None)


@primitive("erps", 0, outputs=False)
def erps(interp: Any) -> None:
    for name in contents(interp)[0]:
        interp.erase(name)


@primitive("erpls", 0, outputs=False)
def erpls(interp: Any) -> None:
    for name in contents(interp)[2]:
        interp.property_lists.pop(name, None)


@primitive("erpl", 1, outputs=False)
def erpl(interp: Any, names: Any) -> None:
    for name in _names("erpl", names):
        interp.property_lists.pop(name, None)


@primitive("global", 1, 1, ANY, outputs=False)
def global_(interp: Any, *names: Any) -> None:
    # Every variable made outside a procedure is global already; nothing to record.
    for value in names:
        _names("global", value)


@primitive("copydef", 2, outputs=False)
def copydef(interp: Any, new: Any, old: Any) -> None:
    source = interp.procedures.get(check_name("copydef", old))
    if source is None:
        if check_name("copydef", old) in PRIMITIVES:
            raise LogoError("copydef can copy your own procedures, not primitives", code=7)
        raise dont_know(check_name("copydef", old))
    from dataclasses import replace
    interp.define(replace(source, name=check_name("copydef", new)))


# -- printing the workspace --------------------------------------------------------------------


def _names_text(interp: Any, names: list[str]) -> str:
    lines = []
    for name in names:
        if name not in interp.variables:
            raise LogoError(f"{name} has no value", code=11, value=name)
        lines.append(f"Make \"{name} {_quoted(interp.variables[name])}\n")
    return "".join(lines)


def _quoted(value: Any) -> str:
    return f'"{word_text(value)}' if isinstance(value, str) else full_form(value)


def _plists_text(interp: Any, names: list[str]) -> str:
    return "".join(f"Pprop \"{name} \"{prop} {_quoted(value)}\n"
                   for name in names for prop, value in interp.property_lists.get(name, {}).items())


def _procedures_text(interp: Any, names: list[str]) -> str:
    return "".join(procedure_listing(interp.procedures[name]) + "\n" for name in names)


def workspace_text(interp: Any, groups: list) -> str:
    """What SAVE writes and POALL prints: procedures, then variables, then property lists."""
    procs, names, plists = groups
    return (_procedures_text(interp, procs) + _names_text(interp, names)
            + _plists_text(interp, plists))


def _print_names(interp: Any, names: list[str]) -> None:
    interp.console.write(_names_text(interp, names))


def _print_plists(interp: Any, names: list[str]) -> None:
    interp.console.write(_plists_text(interp, names))


@primitive("pon", 1, outputs=False)
def pon(interp: Any, names: Any) -> None:
    _print_names(interp, _names("pon", names))


@primitive("pons", 0, outputs=False)
def pons(interp: Any) -> None:
    _print_names(interp, contents(interp)[1])


@primitive("pops", 0, outputs=False)
def pops(interp: Any) -> None:
    interp.console.write(_procedures_text(interp, contents(interp)[0]))


@primitive("popl", 1, outputs=False)
def popl(interp: Any, names: Any) -> None:
    _print_plists(interp, _names("popl", names))


@primitive("popls", 0, outputs=False)
def popls(interp: Any) -> None:
    _print_plists(interp, contents(interp)[2])


@primitive("pot", 1, outputs=False)
def pot(interp: Any, names: Any) -> None:
    for name in _names("pot", names):
        procedure = interp.procedures.get(name)
        if procedure is None:
            raise dont_know(name)
        interp.console.write(procedure_listing(procedure).split("\n", 1)[0] + "\n")


@primitive("pots", 0, outputs=False)
def pots(interp: Any) -> None:
    pot(interp, contents(interp)[0])


@primitive("poall", 0, outputs=False)
def poall(interp: Any) -> None:
    interp.console.write(workspace_text(interp, contents(interp)))


# -- macros ----------------------------------------------------------------------------------


@primitive(".defmacro", 2, outputs=False)
def defmacro(interp: Any, name: Any, text: Any) -> None:
    define(interp, name, text)
    interp.procedures[check_name(".defmacro", name)].macro = True
    interp.invalidate()


@primitive("macrop macro?", 1)
def macrop(interp: Any, name: Any) -> str:
    procedure = interp.procedures.get(check_name("macrop", name))
    return logo_bool(procedure is not None and procedure.macro)


@primitive("macroexpand", 1)
def macroexpand(interp: Any, items: Any) -> Any:
    instruction = to_list("macroexpand", items)
    head = instruction[0] if instruction else None
    procedure = interp.procedures.get(word_text(head).lower()) if is_word(head) else None
    if procedure is None or not procedure.macro:
        raise doesnt_like("macroexpand", items)
    interp.expanding_macro = True
    try:
        interp.run_list(instruction, value=True)
    except MacroExpansion as found:
        return found.expansion
    finally:
        interp.expanding_macro = False
    raise doesnt_like("macroexpand", items)


# -- words -------------------------------------------------------------------------------------


@primitive("parse", 1)
def parse_(interp: Any, text: Any) -> list:
    if not is_word(text):
        raise doesnt_like("parse", text)
    return read_list(word_text(text))


@primitive("rawascii", 1)
def rawascii(interp: Any, char: Any) -> int:
    text = word_text(char) if is_word(char) else ""
    if len(text) != 1:
        raise doesnt_like("rawascii", char)
    return ord(text)


@primitive("backslashedp backslashed?", 1)
def backslashedp(interp: Any, char: Any) -> str:
    return "false"


@primitive("standout", 1)
def standout(interp: Any, thing: Any) -> str:
    # Reverse video, as the notebook's output and a terminal both show it.
    text = word_text(thing) if is_word(thing) else show_form(thing)[1:-1]
    return f"\x1b[7m{text}\x1b[27m"


@primitive("turtlemode", 0)
def turtlemode(interp: Any) -> str:
    return interp.world.mode


@primitive("setscrunch", 2, outputs=False)
def setscrunch(interp: Any, x: Any, y: Any) -> None:
    scales = [to_number("setscrunch", x), to_number("setscrunch", y)]
    if any(scale <= 0 or not math.isfinite(scale) for scale in scales):
        raise doesnt_like("setscrunch", x if scales[0] <= 0 else y)
    interp.scrunch = scales
    from timewarp.logo.primitives.scrunch import ScrunchedTurtle
    interp.scrunched = None if scales == [1, 1] else ScrunchedTurtle(interp.world, *scales)


@primitive("scrunch", 0)
def scrunch(interp: Any) -> list:
    return list(interp.scrunch)


@primitive("help", 1, 0, 1, outputs=False)
def help_(interp: Any, name: Any = None) -> None:
    from timewarp.logo.help import help_text
    if name is None:
        interp.console.write(" ".join(sorted(PRIMITIVES)) + "\n")
        return
    text = help_text(PRIMITIVES[check_name("help", name)].name) \
        if check_name("help", name) in PRIMITIVES else None
    if text is None:
        raise LogoError(f"There is no help for {check_name('help', name)}", code=7)
    interp.console.write(text + "\n")
