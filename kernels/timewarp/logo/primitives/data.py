"""Words, lists, arrays and property lists: WORD SENTENCE LIST FPUT ... PPROP GPROP."""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.values import (LogoArray, check_name, equal, is_number, is_word,
                                  logo_bool, to_int, to_list, to_word, word_text)


def _word_or_list(name: str, value: Any) -> Any:
    if isinstance(value, list):
        return value
    if is_word(value):
        return word_text(value)
    raise doesnt_like(name, value)


def _nonempty(name: str, value: Any) -> Any:
    thing = _word_or_list(name, value)
    if len(thing) == 0:
        raise doesnt_like(name, value)
    return thing


@primitive("word", 2, 0, ANY)
def word(interp: Any, *inputs: Any) -> str:
    return "".join(to_word("word", value) for value in inputs)


@primitive("sentence se", 2, 0, ANY)
def sentence(interp: Any, *inputs: Any) -> list:
    result: list = []
    for value in inputs:
        if isinstance(value, list):
            result.extend(value)
        else:
            result.append(value)
    return result


@primitive("list", 2, 0, ANY)
def list_(interp: Any, *inputs: Any) -> list:
    return list(inputs)


@primitive("fput", 2)
def fput(interp: Any, thing: Any, items: Any) -> Any:
    if type(items) is list:
        return [thing, *items]
    if is_word(items) and is_word(thing) and len(word_text(thing)) == 1:
        return word_text(thing) + word_text(items)
    raise doesnt_like("fput", items)


@primitive("lput", 2)
def lput(interp: Any, thing: Any, items: Any) -> Any:
    if isinstance(items, list):
        return [*items, thing]
    if is_word(items) and is_word(thing) and len(word_text(thing)) == 1:
        return word_text(items) + word_text(thing)
    raise doesnt_like("lput", items)


@primitive("first", 1)
def first(interp: Any, thing: Any) -> Any:
    if type(thing) is list and thing:
        return thing[0]
    if isinstance(thing, LogoArray):
        return thing.origin
    return _nonempty("first", thing)[0]


@primitive("last", 1)
def last(interp: Any, thing: Any) -> Any:
    return _nonempty("last", thing)[-1]


@primitive("butfirst bf", 1)
def butfirst(interp: Any, thing: Any) -> Any:
    if type(thing) is list and thing:
        return thing[1:]
    return _nonempty("butfirst", thing)[1:]


@primitive("butlast bl", 1)
def butlast(interp: Any, thing: Any) -> Any:
    return _nonempty("butlast", thing)[:-1]


@primitive("firsts", 1)
def firsts(interp: Any, items: Any) -> list:
    return [first(interp, item) for item in to_list("firsts", items)]


@primitive("butfirsts bfs", 1)
def butfirsts(interp: Any, items: Any) -> list:
    return [butfirst(interp, item) for item in to_list("butfirsts", items)]


@primitive("item", 2)
def item(interp: Any, index: Any, thing: Any) -> Any:
    position = to_int("item", index)
    if isinstance(thing, LogoArray):
        offset = position - thing.origin
        if not 0 <= offset < len(thing.items):
            raise doesnt_like("item", index, code=4)
        return thing.items[offset]
    sequence = _word_or_list("item", thing)
    if not 1 <= position <= len(sequence):
        raise doesnt_like("item", index, code=4)
    return sequence[position - 1]


@primitive("count", 1)
def count(interp: Any, thing: Any) -> int:
    if isinstance(thing, LogoArray):
        return len(thing.items)
    return len(_word_or_list("count", thing))


@primitive("emptyp empty?", 1)
def emptyp(interp: Any, thing: Any) -> str:
    return "true" if thing == [] or thing == "" else "false"


@primitive("memberp member?", 2)
def memberp(interp: Any, thing: Any, items: Any) -> str:
    if isinstance(items, list):
        return logo_bool(any(equal(thing, x) for x in items))
    if isinstance(items, LogoArray):
        return logo_bool(any(equal(thing, x) for x in items.items))
    if is_word(thing) and is_word(items):
        needle = word_text(thing).lower()
        return logo_bool(len(needle) == 1 and needle in word_text(items).lower())
    return "false"


@primitive("member", 2)
def member(interp: Any, thing: Any, items: Any) -> Any:
    sequence = _word_or_list("member", items)
    for index, value in enumerate(sequence):
        if equal(thing, value):
            return sequence[index:]
    return [] if isinstance(sequence, list) else ""


@primitive("wordp word?", 1)
def wordp(interp: Any, thing: Any) -> str:
    return logo_bool(is_word(thing))


@primitive("listp list?", 1)
def listp(interp: Any, thing: Any) -> str:
    return logo_bool(isinstance(thing, list))


@primitive("arrayp array?", 1)
def arrayp(interp: Any, thing: Any) -> str:
    return logo_bool(isinstance(thing, LogoArray))


@primitive("numberp number?", 1)
def numberp(interp: Any, thing: Any) -> str:
    return logo_bool(is_number(thing))


@primitive("beforep before?", 2)
def beforep(interp: Any, a: Any, b: Any) -> str:
    return logo_bool(to_word("beforep", a) < to_word("beforep", b))


@primitive("reverse", 1, 1, 2)
def reverse(interp: Any, thing: Any, onto: Any = None) -> Any:
    """REVERSE; with a second input (as UCBLogo's library allows) the reversed members go
    in front of it, and its kind (word or list) is the kind of the result."""
    backwards = _word_or_list("reverse", thing)[::-1]
    if onto is None:
        return backwards
    if isinstance(onto, list):
        return [*backwards, *onto]
    return "".join(word_text(to_word("reverse", item)) for item in backwards) + \
        word_text(to_word("reverse", onto))


@primitive("uppercase", 1)
def uppercase(interp: Any, thing: Any) -> str:
    return to_word("uppercase", thing).upper()


@primitive("lowercase", 1)
def lowercase(interp: Any, thing: Any) -> str:
    return to_word("lowercase", thing).lower()


@primitive("ascii", 1)
def ascii_(interp: Any, thing: Any) -> int:
    text = to_word("ascii", thing)
    if len(text) != 1:
        raise doesnt_like("ascii", thing)
    return ord(text)


@primitive("char", 1)
def char(interp: Any, code: Any) -> str:
    number = to_int("char", code)
    if not 0 <= number < 0x110000:
        raise doesnt_like("char", code)
    return chr(number)


@primitive("pick", 1)
def pick(interp: Any, thing: Any) -> Any:
    sequence = _nonempty("pick", thing)
    return sequence[interp.random.randrange(len(sequence))]


@primitive("remove", 2)
def remove(interp: Any, thing: Any, items: Any) -> Any:
    sequence = _word_or_list("remove", items)
    kept = [x for x in sequence if not equal(thing, x)]
    return kept if isinstance(sequence, list) else "".join(kept)


@primitive("array", 1, 1, 2)
def array(interp: Any, size: Any, origin: Any = 1) -> LogoArray:
    length = to_int("array", size)
    if not 0 <= length <= 10_000_000:
        raise doesnt_like("array", size)
    return LogoArray([[] for _ in range(length)], to_int("array", origin))


@primitive("setitem", 3, outputs=False)
def setitem(interp: Any, index: Any, target: Any, value: Any) -> None:
    if not isinstance(target, LogoArray):
        raise doesnt_like("setitem", target)
    offset = to_int("setitem", index) - target.origin
    if not 0 <= offset < len(target.items):
        raise doesnt_like("setitem", index, code=4)
    if contains(value, target):
        # UCBLogo refuses a value that holds the array, which would then hold itself.
        raise doesnt_like("setitem", value)
    target.items[offset] = value


def contains(value: Any, target: LogoArray) -> bool:
    """Whether ``value`` is ``target`` or holds it, in its lists and arrays at any depth."""
    pending, seen = [value], set()
    while pending:
        item = pending.pop()
        if item is target:
            return True
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, LogoArray) and id(item) not in seen:
            seen.add(id(item))
            pending.extend(item.items)
    return False


@primitive("listtoarray", 1, 1, 2)
def listtoarray(interp: Any, items: Any, origin: Any = 1) -> LogoArray:
    return LogoArray(list(to_list("listtoarray", items)), to_int("listtoarray", origin))


@primitive("arraytolist", 1)
def arraytolist(interp: Any, thing: Any) -> list:
    if not isinstance(thing, LogoArray):
        raise doesnt_like("arraytolist", thing)
    return list(thing.items)


@primitive("pprop", 3, outputs=False)
def pprop(interp: Any, plist: Any, name: Any, value: Any) -> None:
    key = check_name("pprop", plist)
    props = interp.property_lists.setdefault(key, {})
    props[check_name("pprop", name)] = value
    if key in interp.traced_plists:
        from timewarp.logo.primitives.debugging import traced_pprop
        traced_pprop(interp, key, check_name("pprop", name), value)


@primitive("gprop", 2)
def gprop(interp: Any, plist: Any, name: Any) -> Any:
    props = interp.property_lists.get(check_name("gprop", plist), {})
    return props.get(check_name("gprop", name), [])


@primitive("remprop", 2, outputs=False)
def remprop(interp: Any, plist: Any, name: Any) -> None:
    props = interp.property_lists.get(check_name("remprop", plist), {})
    props.pop(check_name("remprop", name), None)


@primitive("plist", 1)
def plist(interp: Any, name: Any) -> list:
    props = interp.property_lists.get(check_name("plist", name), {})
    return [value for pair in props.items() for value in pair]
