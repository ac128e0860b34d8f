"""Control primitives: RUN, REPEAT, IF, CATCH/THROW, the loops, and MAP FILTER REDUCE
FOREACH APPLY INVOKE with ``?`` templates, ``[[x] ...]`` lambda templates or named procedures.

When a program writes its lists out (``repeat 4 [fd 10 rt 90]``) the compiler turns these
into Python loops and never calls the functions here; they run lists built at run time.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from timewarp.engine import ProgramExit
from timewarp.logo.errors import (LogoError, OutputSignal, StopSignal, ThrowSignal,
                                  doesnt_like, dont_say, no_value)
from timewarp.logo.primitives import ANY, command_form, primitive
from timewarp.logo.runtime import UNBOUND, condition_truth, count, for_range, test_truth
from timewarp.logo.values import (check_name, is_word, logo_bool, print_form, show_form,
                                  to_list, to_number, truth, word_text)


def _instructions(name: str, value: Any) -> list:
    if isinstance(value, list):
        return value
    if is_word(value):
        return [word_text(value)]
    raise doesnt_like(name, value)


@primitive("run", 1, outputs=None)
def run(interp: Any, items: Any) -> Any:
    return interp.run_list(_instructions("run", items), value=True)


@command_form("run")
def run_command(interp: Any, items: Any) -> None:
    interp.run_list(_instructions("run", items))


@primitive("runresult", 1)
def runresult(interp: Any, items: Any) -> list:
    result = interp.run_list(_instructions("runresult", items), value=True)
    return [] if result is None else [result]


def _repeating(interp: Any, counter: Any, items: list) -> None:
    interp.repcounts.append(0)
    try:
        for number in counter:
            interp.repcounts[-1] = number
            interp.run_list(items)
    finally:
        interp.repcounts.pop()


@primitive("repeat", 2, outputs=False)
def repeat(interp: Any, times: Any, items: Any) -> None:
    _repeating(interp, range(1, count("repeat", times) + 1), _instructions("repeat", items))


@primitive("forever", 1, outputs=False)
def forever(interp: Any, items: Any) -> None:
    _repeating(interp, itertools.count(1), _instructions("forever", items))


@primitive("repcount", 0)
def repcount(interp: Any) -> int:
    return interp.repcounts[-1] if interp.repcounts else -1


@primitive("#", 0)
def item_number(interp: Any) -> int:
    if interp.template_numbers:
        return interp.template_numbers[-1]
    return repcount(interp)


@primitive("if", 2, 2, 3, outputs=None)
def if_(interp: Any, condition: Any, then: Any, otherwise: Any = None) -> Any:
    if condition_truth(interp, "if", condition):
        return interp.run_list(_instructions("if", then), value=True)
    if otherwise is not None:
        return interp.run_list(_instructions("if", otherwise), value=True)
    return None


@command_form("if")
def if_command(interp: Any, condition: Any, then: Any, otherwise: Any = None) -> None:
    if condition_truth(interp, "if", condition):
        interp.run_list(_instructions("if", then))
    elif otherwise is not None:
        interp.run_list(_instructions("if", otherwise))


@primitive("ifelse", 3, outputs=None)
def ifelse(interp: Any, condition: Any, then: Any, otherwise: Any) -> Any:
    chosen = then if condition_truth(interp, "ifelse", condition) else otherwise
    return interp.run_list(_instructions("ifelse", chosen), value=True)


@command_form("ifelse")
def ifelse_command(interp: Any, condition: Any, then: Any, otherwise: Any) -> None:
    chosen = then if condition_truth(interp, "ifelse", condition) else otherwise
    interp.run_list(_instructions("ifelse", chosen))


@primitive("test", 1, outputs=False)
def test(interp: Any, condition: Any) -> None:
    # The result is the running procedure's (compiler._entry keeps the caller's), or the
    # cell's or loaded file's at top level (LogoSession.execute, load_source).
    flag = condition_truth(interp, "test", condition)
    if interp.test_result:
        interp.test_result[-1] = flag
    else:
        interp.test_result.append(flag)


def _tested(interp: Any, name: str) -> bool:
    if not interp.test_result:
        raise LogoError(f"{name} without TEST", code=25)
    return interp.test_result[-1]


@primitive("iftrue ift", 1, outputs=None)
def iftrue(interp: Any, items: Any) -> Any:
    if _tested(interp, "iftrue"):
        return interp.run_list(_instructions("iftrue", items), value=True)
    return None


@primitive("iffalse iff", 1, outputs=None)
def iffalse(interp: Any, items: Any) -> Any:
    if not _tested(interp, "iffalse"):
        return interp.run_list(_instructions("iffalse", items), value=True)
    return None


@command_form("iftrue")
def iftrue_command(interp: Any, items: Any) -> None:
    if _tested(interp, "iftrue"):
        interp.run_list(_instructions("iftrue", items))


@command_form("iffalse")
def iffalse_command(interp: Any, items: Any) -> None:
    if not _tested(interp, "iffalse"):
        interp.run_list(_instructions("iffalse", items))


@primitive("stop", 0, outputs=False)
def stop(interp: Any) -> None:
    raise StopSignal()


@primitive("output op", 1, outputs=False)
def output(interp: Any, value: Any) -> None:
    raise OutputSignal(value)


@primitive(".maybeoutput", 1, outputs=False)
def maybeoutput(interp: Any, value: Any) -> None:
    """OUTPUT if its input gave a value, else STOP (the compiler lets the input not output)."""
    raise StopSignal() if value is None else OutputSignal(value)


def _condition(interp: Any, name: str, items: Any) -> bool:
    return test_truth(name, interp.run_list(_instructions(name, items), value=True))


@primitive("while", 2, outputs=False)
def while_(interp: Any, condition: Any, items: Any) -> None:
    while _condition(interp, "while", condition):
        interp.run_list(_instructions("while", items))


@primitive("until", 2, outputs=False)
def until(interp: Any, condition: Any, items: Any) -> None:
    while not _condition(interp, "until", condition):
        interp.run_list(_instructions("until", items))


@primitive("do.while", 2, outputs=False)
def do_while(interp: Any, items: Any, condition: Any) -> None:
    interp.run_list(_instructions("do.while", items))
    while _condition(interp, "do.while", condition):
        interp.run_list(_instructions("do.while", items))


@primitive("do.until", 2, outputs=False)
def do_until(interp: Any, items: Any, condition: Any) -> None:
    interp.run_list(_instructions("do.until", items))
    while not _condition(interp, "do.until", condition):
        interp.run_list(_instructions("do.until", items))


@primitive("for", 2, outputs=False)
def for_(interp: Any, control: Any, items: Any) -> None:
    control = to_list("for", control)
    if len(control) < 3 or not is_word(control[0]):
        raise doesnt_like("for", control)
    name = check_name("for", control[0])
    limits = [interp.run_list([part], value=True) for part in control[1:]]
    old = interp.variables.get(name, UNBOUND)
    try:
        for value in for_range(limits[0], limits[1], limits[2] if len(limits) > 2 else None):
            interp.variables[name] = value
            interp.run_list(_instructions("for", items))
    finally:
        if old is UNBOUND:
            interp.variables.pop(name, None)
        else:
            interp.variables[name] = old


@primitive("catch", 2, outputs=None)
def catch(interp: Any, tag: Any, items: Any, value: bool = True) -> Any:
    name = check_name("catch", tag)
    # As in UCBLogo, ERRACT has no value inside CATCH "ERROR: the error is for CATCH.
    erract = interp.variables.pop("erract", UNBOUND) if name == "error" else UNBOUND
    try:
        return interp.run_list(_instructions("catch", items), value=value)
    except ThrowSignal as thrown:
        if thrown.tag == name:
            return thrown.value
        raise
    except (LogoError, KeyError) as caught:
        if name != "error":
            raise
        error = caught if isinstance(caught, LogoError) else \
            no_value(caught.args[0]).with_traceback(caught.__traceback__)
        interp.locate(error)
        interp.last_error = error
        return None
    finally:
        if erract is not UNBOUND:
            interp.variables["erract"] = erract


@command_form("catch")
def catch_command(interp: Any, tag: Any, items: Any) -> None:
    thrown = catch(interp, tag, items, value=False)
    if thrown is not None:      # (THROW "tag value) gives CATCH a value nobody takes
        raise dont_say(thrown)


@primitive("throw", 1, 1, 2, outputs=False)
def throw(interp: Any, tag: Any, value: Any = None) -> None:
    name = check_name("throw", tag)
    if name == "error":
        message = "Throw \"Error" if value is None else print_form(value)
        raise LogoError(message, code=21, value=value)
    raise ThrowSignal(name, value)


@primitive("error", 0)
def error(interp: Any) -> list:
    found = interp.last_error
    interp.last_error = None
    if found is None:
        return []
    line = found.source_items if found.source_items is not None else []
    return [found.code, found.bare_message, found.procedure or [], line]


@primitive("wait", 1, outputs=False)
def wait(interp: Any, sixtieths: Any) -> None:
    seconds = to_number("wait", sixtieths) / 60
    if seconds < 0:
        raise doesnt_like("wait", sixtieths)
    deadline = time.monotonic() + seconds
    # Short sleeps keep the stop button quick, and KEYACT answers keys as they come.
    keyact = "keyact" in interp.variables
    if keyact:
        from timewarp.logo.primitives.keyboard import run_keyact
        run_keyact(interp)
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(left, 0.05))
        if keyact:
            run_keyact(interp)


@primitive("bye", 0, outputs=False)
def bye(interp: Any) -> None:
    raise ProgramExit()


@primitive("ignore", 1, outputs=False)
def ignore(interp: Any, value: Any) -> None:
    return None


# -- templates -----------------------------------------------------------------------------


def apply_template(interp: Any, name: str, template: Any, inputs: list) -> Any:
    """Run a template (named procedure, ``?`` list or ``[[x] ...]`` lambda) on ``inputs``."""
    if is_word(template):
        return interp.call(word_text(template).lower(), inputs)
    if not isinstance(template, list):
        raise doesnt_like(name, template)
    if template and isinstance(template[0], list):
        if len(template) > 1 and all(isinstance(line, list) for line in template[1:]):
            return _procedure_text(interp, template, inputs)
        return _lambda(interp, template, inputs)
    interp.templates.append(tuple(inputs))
    try:
        return interp.run_list(template, value=True)
    finally:
        interp.templates.pop()


def _procedure_text(interp: Any, template: list, inputs: list) -> Any:
    """``[[x] [output :x + 1]]``: the inputs' names, then a procedure's lines (as TEXT gives
    them); OUTPUT gives the value, STOP ends it."""
    procedure, entry = interp.template_procedure(template)
    arity = procedure.arity
    if len(inputs) < arity.minimum:
        raise LogoError(f"not enough inputs to {show_form(template)}", code=6)
    if len(inputs) > arity.maximum:
        raise LogoError(f"too many inputs to {show_form(template)}", code=8)
    interp.enter()
    try:
        return entry(*inputs)
    finally:
        interp.nesting -= 1


def _lambda(interp: Any, template: list, inputs: list) -> Any:
    """``[[x y] :x + :y]``: the inputs' names (``[name default]`` optional, ``[name]`` the
    rest), then instructions run for their value."""
    names, values = _slot_values(interp, template[0], inputs)
    body = interp.lambda_body(template)
    variables = interp.variables
    saved = [(n, variables.get(n, UNBOUND)) for n in names]
    try:
        for n, value in zip(names, values, strict=True):
            variables[n] = value
        return interp.run_list(body, value=True)
    finally:
        for n, old in reversed(saved):
            if old is UNBOUND:
                variables.pop(n, None)
            else:
                variables[n] = old


def _slot_values(interp: Any, slots: list, inputs: list) -> tuple[list[str], list]:
    names: list[str] = []
    values: list = []
    remaining = list(inputs)
    for slot in slots:
        if isinstance(slot, list) and len(slot) == 1:
            names.append(check_name("lambda", slot[0]))
            values.append(remaining)
            remaining = []
        elif isinstance(slot, list) and slot:
            names.append(check_name("lambda", slot[0]))
            values.append(remaining.pop(0) if remaining else
                          interp.run_list(slot[1:], value=True))
        elif isinstance(slot, list):
            raise doesnt_like("lambda", slot)
        else:
            if not remaining:
                raise LogoError(f"not enough inputs to {show_form([slots])}", code=6)
            names.append(check_name("lambda", slot))
            values.append(remaining.pop(0))
    if remaining:
        raise LogoError(f"too many inputs to {show_form([slots])}", code=8)
    return names, values


def _needs_value(name: str, template: Any, value: Any) -> Any:
    if value is None:
        raise LogoError(f"{word_text(template) if is_word(template) else 'template'}"
                        f" didn't output to {name}", code=5)
    return value


def _sequences(name: str, data: tuple) -> tuple[list[list], bool]:
    lists = []
    words = True
    for value in data:
        if isinstance(value, list):
            lists.append(value)
            words = False
        elif is_word(value):
            lists.append(list(word_text(value)))
        else:
            raise doesnt_like(name, value)
    if len({len(x) for x in lists}) > 1:
        raise LogoError(f"{name} doesn't like inputs of different lengths", code=7)
    return lists, words


def _each(interp: Any, name: str, template: Any, data: tuple,
          stop_when: bool | None = None) -> list[tuple[tuple, Any]]:
    """The template's value for each item; with ``stop_when``, up to the first such truth.

    A plain loop, not a generator, so that deep recursion through MAP stays on Python's
    own stack.
    """
    lists, _ = _sequences(name, data)
    found = []
    interp.template_numbers.append(0)
    try:
        for number, values in enumerate(zip(*lists, strict=True), start=1):
            interp.template_numbers[-1] = number
            value = apply_template(interp, name, template, list(values))
            found.append((values, value))
            if stop_when is not None and \
                    truth(name, _needs_value(name, template, value)) is stop_when:
                break
    finally:
        interp.template_numbers.pop()
    return found


@primitive("map", 2, 2, ANY)
def map_(interp: Any, template: Any, *data: Any) -> Any:
    results = [_needs_value("map", template, value)
               for _, value in _each(interp, "map", template, data)]
    if all(is_word(d) for d in data) and all(is_word(r) for r in results):
        return "".join(word_text(r) for r in results)
    return results


@primitive("filter", 2)
def filter_(interp: Any, template: Any, data: Any) -> Any:
    kept = [values[0] for values, value in _each(interp, "filter", template, (data,))
            if truth("filter", _needs_value("filter", template, value))]
    return "".join(kept) if is_word(data) else kept


@primitive("find", 2)
def find(interp: Any, template: Any, data: Any) -> Any:
    found = _each(interp, "find", template, (data,), stop_when=True)
    if found and truth("find", found[-1][1]):
        return found[-1][0][0]
    return []


@primitive("reduce", 2)
def reduce(interp: Any, template: Any, data: Any) -> Any:
    items = data if isinstance(data, list) else list(word_text(data)) if is_word(data) else None
    if not items:
        raise doesnt_like("reduce", data)
    result = items[-1]
    for value in reversed(items[:-1]):
        result = _needs_value("reduce", template,
                              apply_template(interp, "reduce", template, [value, result]))
    return result


@primitive("foreach", 2, 2, ANY, outputs=False)
def foreach(interp: Any, *inputs: Any) -> None:
    *data, template = inputs
    for _, value in _each(interp, "foreach", template, tuple(data)):
        if value is not None:
            raise dont_say(value)


@primitive("apply", 2, outputs=None)
def apply(interp: Any, template: Any, inputs: Any) -> Any:
    return apply_template(interp, "apply", template, list(to_list("apply", inputs)))


@primitive("invoke", 2, 1, ANY, outputs=None)
def invoke(interp: Any, template: Any, *inputs: Any) -> Any:
    return apply_template(interp, "invoke", template, list(inputs))


@primitive("true", 0)
def true(interp: Any) -> str:
    return logo_bool(True)


@primitive("false", 0)
def false(interp: Any) -> str:
    return logo_bool(False)
