"""Variables and procedures as data: MAKE NAME LOCAL THING, DEFINE TEXT PO ERASE PROCEDURES."""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like, dont_know, no_value
from timewarp.logo.primitives import ANY, PRIMITIVES, primitive
from timewarp.logo.reader import Line
from timewarp.logo.runtime import UNBOUND
from timewarp.logo.values import (check_name, full_form, is_number, is_word, logo_bool,
                                  print_form, show_form, to_list, word_text)


def make_procedure(name: str, title_inputs: list, lines: list[Line], title: Line | None):
    """A Procedure from TO's title (``:a [:b 10] [:rest] 2``) and its body lines."""
    from timewarp.logo.interpreter import Procedure
    procedure = Procedure(name, [], lines=lines, title=title)
    default = None
    for item in title_inputs:
        if isinstance(item, list):
            _optional_or_rest(procedure, item)
        elif is_word(item) and word_text(item).lstrip("-").isdigit():
            procedure.default_count, default = int(word_text(item)), item
        elif is_word(item) and (procedure.optional or procedure.rest):
            raise LogoError(f"to doesn't like {word_text(item)} after optional inputs", code=7)
        elif is_word(item):
            procedure.required.append(_input_name(item))
        else:
            raise doesnt_like("to", item)
    count = procedure.default_count
    # As in UCBLogo, the usual number of inputs is one the procedure can take.
    if count is not None and (count < len(procedure.required) or (
            not procedure.rest and count > len(procedure.required) + len(procedure.optional))):
        raise doesnt_like("to", default)
    return procedure


def _optional_or_rest(procedure: Any, item: list) -> None:
    if not item or not is_word(item[0]):
        raise doesnt_like("to", item)
    if procedure.rest:
        raise LogoError("to doesn't like inputs after a rest input", code=7)
    if len(item) == 1:
        procedure.rest = _input_name(item[0])
    else:
        procedure.optional.append((_input_name(item[0]), item[1:]))


def _input_name(item: Any) -> str:
    text = word_text(item)
    name = text[1:] if text.startswith(":") else text
    if not name:
        raise doesnt_like("to", item)
    return name.lower()


@primitive("make", 2, outputs=False)
def make(interp: Any, name: Any, value: Any) -> None:
    key = check_name("make", name)
    if key in interp.traced_names:
        from timewarp.logo.primitives.debugging import traced_make
        traced_make(interp, key, value)
    else:
        interp.variables[key] = value


@primitive("name", 2, outputs=False)
def name_(interp: Any, value: Any, name: Any) -> None:
    interp.variables[check_name("name", name)] = value


def _names(primitive_name: str, value: Any) -> list[str]:
    if isinstance(value, list):
        return [check_name(primitive_name, v) for v in value]
    return [check_name(primitive_name, value)]


@primitive("local", 1, 1, ANY, outputs=False)
def local(interp: Any, *names: Any) -> None:
    frame = interp.procedure_frame()
    for value in names:
        for name in _names("local", value):
            if frame is not None and name not in frame:
                frame[name] = interp.variables.get(name, UNBOUND)
            if frame is not None:
                interp.variables.pop(name, None)


@primitive("localmake", 2, outputs=False)
def localmake(interp: Any, name: Any, value: Any) -> None:
    local(interp, name)
    make(interp, name, value)


@primitive("thing", 1)
def thing(interp: Any, name: Any) -> Any:
    key = check_name("thing", name)
    if key not in interp.variables:
        raise no_value(key)
    return interp.variables[key]


@primitive("namep name?", 1)
def namep(interp: Any, name: Any) -> str:
    return logo_bool(check_name("namep", name) in interp.variables)


def _title_items(procedure: Any) -> list:
    items: list = [*procedure.required]
    items += [[name, *default] for name, default in procedure.optional]
    if procedure.rest:
        items.append([procedure.rest])
    if procedure.default_count is not None:
        items.append(procedure.default_count)
    return items


@primitive("define", 2, outputs=False)
def define(interp: Any, name: Any, text: Any) -> None:
    if is_number(name):
        raise doesnt_like("define", name)  # as in UCBLogo: a number names no procedure
    name = check_name("define", name)
    text = to_list("define", text)
    if not text or not isinstance(text[0], list):
        raise doesnt_like("define", text)
    lines = [Line(0, to_list("define", line), print_form(line)) for line in text[1:]]
    title_words = [":" + word_text(v) if is_word(v) and not word_text(v).lstrip("-").isdigit()
                   else show_form(v) for v in text[0]]
    title = Line(0, [], "to " + " ".join([name, *title_words]))
    interp.define(make_procedure(name, text[0], lines, title))


@primitive("text", 1)
def text_(interp: Any, name: Any) -> list:
    procedure = interp.procedures.get(check_name("text", name))
    if procedure is None:
        raise not_defined(interp, "text", name)
    return [_title_items(procedure), *[line.items for line in procedure.lines]]


def not_defined(interp: Any, primitive_name: str, name: Any) -> LogoError:
    """TEXT's error for a name with no definition in Logo: "fd is a primitive" (the name as
    written, as UCBLogo says it), or "I don't know how to"."""
    from timewarp.logo.primitives.library import LIBRARY_PROCEDURES
    key = check_name(primitive_name, name)
    if key in PRIMITIVES and key not in LIBRARY_PROCEDURES:
        return LogoError(f"{word_text(name)} is a primitive", code=22)
    return dont_know(key)


def procedure_listing(procedure: Any) -> str:
    title = procedure.title.text if procedure.title else f"to {procedure.name}"
    if procedure.macro and title.lower().startswith("to "):
        title = ".macro " + title[3:]  # a macro made with .DEFMACRO lists as UCBLogo shows it
    body = [line.text for line in procedure.lines]
    return "\n".join([title, *body, "end"]) + "\n"


@primitive("printout po", 1, outputs=False)
def printout(interp: Any, names: Any) -> None:
    for name in _names("printout", names):
        procedure = interp.procedures.get(name)
        if procedure is not None:
            interp.console.write(procedure_listing(procedure))
        elif name in interp.variables:
            interp.console.write(f"make \"{name} {full_form(interp.variables[name])}\n")
        else:
            raise dont_know(name)


@primitive("erase er", 1, outputs=False)
def erase(interp: Any, names: Any) -> None:
    # A contents list ([[procedures] [variables] [property lists]]) erases all three kinds.
    parts = names if isinstance(names, list) and names and isinstance(names[0], list) \
        else [names]
    for value in (parts[0] if isinstance(parts[0], list) else [parts[0]]):
        name = check_name("erase", value)
        if name in PRIMITIVES and name not in interp.procedures:
            # The name as the program wrote it (ERASE "SHOW), as UCBLogo says it.
            raise LogoError(f"{word_text(value)} is a primitive", code=22)
        interp.erase(name)
    if len(parts) > 1 and parts[1] != []:
        ern(interp, parts[1])
    for name in _names("erase", parts[2]) if len(parts) > 2 and parts[2] != [] else []:
        interp.property_lists.pop(name, None)


@primitive("ern", 1, outputs=False)
def ern(interp: Any, names: Any) -> None:
    for name in _names("ern", names):
        interp.variables.pop(name, None)


@primitive("erall", 0, outputs=False)
def erall(interp: Any) -> None:
    # As in UCBLogo, what is buried (the special variables among it) stays.
    procs, names, plists = interp.buried
    for name in [n for n in interp.procedures if n not in procs]:
        interp.erase(name)
    for name in [n for n in interp.variables if n not in names]:
        del interp.variables[name]
    for name in [n for n in interp.property_lists if n not in plists]:
        del interp.property_lists[name]


@primitive("procedures", 0)
def procedures(interp: Any) -> list:
    return sorted(set(interp.procedures) - interp.buried[0])


@primitive("names", 0)
def names(interp: Any) -> list:
    return [[], sorted(set(interp.variables) - interp.buried[1])]


@primitive("primitivep primitive?", 1)
def primitivep(interp: Any, name: Any) -> str:
    from timewarp.logo.primitives.library import LIBRARY_PROCEDURES
    key = check_name("primitivep", name)
    return logo_bool(key in PRIMITIVES and key not in LIBRARY_PROCEDURES
                     and key not in interp.redefined)


@primitive("definedp defined?", 1)
def definedp(interp: Any, name: Any) -> str:
    return logo_bool(check_name("definedp", name) in interp.procedures)


@primitive("procedurep procedure?", 1)
def procedurep(interp: Any, name: Any) -> str:
    key = check_name("procedurep", name)
    return logo_bool(key in PRIMITIVES or key in interp.procedures)
