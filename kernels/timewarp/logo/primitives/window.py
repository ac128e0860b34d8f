"""UCBLogo's window and housekeeping words that a notebook can honour, and a few more of its
library procedures (MAP.SE, CASCADE.2, TRANSFER with ?IN and ?OUT).

A cell's output shows the text and the picture together, so TEXTSCREEN, SPLITSCREEN and
FULLSCREEN only change what SCREENMODE says; CLEARTEXT clears the text where the front end
can (a terminal, the notebook's cell output); the picture is always kept, so REFRESH and
NOREFRESH change nothing; Python manages memory, so .SETSEGMENTSIZE does nothing, GC runs
Python's collector and NODES counts Python's objects.
"""

from __future__ import annotations

from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.parser import tokenize
from timewarp.logo.primitives import ANY, primitive
from timewarp.logo.primitives.control import _each, apply_template
from timewarp.logo.primitives.library import cascade
from timewarp.logo.reader import read_list
from timewarp.logo.runtime import condition_truth, template_slot
from timewarp.logo.values import check_name, is_word, to_int, to_list, to_number, word_text

# -- the screen -------------------------------------------------------------------------------


def _screen(mode: str) -> Any:
    def set_mode(interp: Any) -> None:
        interp.screen_mode = mode
    return set_mode


primitive("textscreen ts", 0, outputs=False)(_screen("textscreen"))
primitive("splitscreen ss", 0, outputs=False)(_screen("splitscreen"))
primitive("fullscreen fs", 0, outputs=False)(_screen("fullscreen"))


@primitive("screenmode", 0)
def screenmode(interp: Any) -> str:
    if interp.screen_mode is None:
        # As in UCBLogo: text only until the turtle draws, then text and picture.
        return "splitscreen" if interp.world.log else "textscreen"
    return interp.screen_mode


# The mouse: a cell's picture takes no clicks, so no button is ever down and the mouse
# stays where UCBLogo's starts, at the turtle's home.
@primitive("button", 0)
def button(interp: Any) -> int:
    return 0


@primitive("buttonp button?", 0)
def buttonp(interp: Any) -> str:
    return "false"


@primitive("mousepos", 0)
def mousepos(interp: Any) -> list:
    return [0, 0]


@primitive("clickpos", 0)
def clickpos(interp: Any) -> list:
    return [0, 0]


@primitive("cleartext ct", 0, outputs=False)
def cleartext(interp: Any) -> None:
    clear = getattr(interp.console, "clear_screen", None)
    if clear is not None:
        clear()


@primitive("refresh", 0, outputs=False)
def refresh(interp: Any) -> None:
    """The picture is always kept (it is the turtle's log)."""


@primitive("norefresh", 0, outputs=False)
def norefresh(interp: Any) -> None:
    """Accepted: the log is what every view draws from, so it is always kept."""


@primitive("gc", 0, 0, 1, outputs=False)
def gc(interp: Any, anything: Any = None) -> None:
    """Python's collector runs now (it would anyway, when needed)."""
    import gc as collector
    collector.collect()


@primitive("nodes", 0)
def nodes(interp: Any) -> list:
    """Python's objects stand for UCBLogo's nodes: how many are in use, and the most seen by
    NODES since it was last asked."""
    import gc as collector
    in_use = len(collector.get_objects())
    most = max(in_use, interp.most_nodes)
    interp.most_nodes = in_use
    return [in_use, most]


@primitive(".setsegmentsize", 1, outputs=False)
def setsegmentsize(interp: Any, size: Any) -> None:
    if to_int(".setsegmentsize", size) <= 0:
        raise doesnt_like(".setsegmentsize", size)


@primitive("palette", 1)
def palette(interp: Any, number: Any) -> list:
    index = to_int("palette", number)
    if not 0 <= index < len(interp.palette):
        raise doesnt_like("palette", number)
    colour = interp.palette[index]
    return [_percent(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]


def _percent(part: int) -> int | float:
    # UCBLogo keeps 16-bit colour parts (the 8-bit part times 256) and shows percentages.
    return part * 256 * 100 / 65535 if part else 0


@primitive("setpalette", 2, outputs=False)
def setpalette(interp: Any, number: Any, rgb: Any) -> None:
    index = to_int("setpalette", number)
    parts = [to_number("setpalette", part) for part in to_list("setpalette", rgb)]
    # As in UCBLogo, the first eight colours stay as they are.
    if index < 8 or len(parts) != 3 or not all(0 <= p <= 100 for p in parts):
        raise doesnt_like("setpalette", number if index < 8 else rgb)
    while len(interp.palette) <= index:
        interp.palette.append("#000000")
    interp.palette[index] = "#" + "".join(f"{int(p * 65535 / 100) >> 8:02x}" for p in parts)


@primitive("setlabelheight", 1, outputs=False)
def setlabelheight(interp: Any, height: Any) -> None:
    size = to_number("setlabelheight", height)
    if not 0 < size <= 1000:
        raise doesnt_like("setlabelheight", height)
    interp.label_height = size


@primitive("labelsize", 0)
def labelsize(interp: Any) -> list:
    # Labels are drawn in a monospaced font about six tenths as wide as it is high.
    height = interp.label_height
    return [round(height * 0.6), round(height)]


# -- reading ----------------------------------------------------------------------------------


@primitive("linep line?", 0)
def linep(interp: Any) -> str:
    # From a file: whether a line is left.  From the keyboard nothing is waiting until the
    # program asks (ucblogo says false there too).
    from timewarp.logo.primitives.streams import eofp, streams_of
    if streams_of(interp).reader is None:
        return "false"
    return "false" if eofp(interp) == "true" else "true"


@primitive("vbarredp vbarred?", 1)
def vbarredp(interp: Any, char: Any) -> str:
    if not is_word(char) or len(word_text(char)) != 1:
        raise doesnt_like("vbarredp", char)
    return "false"


@primitive("runparse", 1)
def runparse(interp: Any, value: Any) -> list:
    items = read_list(word_text(value)) if is_word(value) else to_list("runparse", value)
    found: list = []
    negative = False
    for token in tokenize(items):
        if token.kind in ("(", ")", "neg"):
            found.append("-" if token.kind == "neg" else token.kind)
        elif token.kind == "quote":
            found.append('"' + str(token.value))
        elif token.kind == "var":
            found.append(":" + str(token.value))
        elif token.kind == "num" and found and found[-1] == "-" and negative:
            found[-1] = -token.value  # "-5" stays one number
        else:
            found.append(token.value)
        negative = token.kind == "neg"
    return found


# -- library procedures -------------------------------------------------------------------


@primitive("map.se", 2, 1, ANY)
def map_se(interp: Any, template: Any, *data: Any) -> list:
    if not data:
        raise LogoError("not enough inputs to map.se", code=6)
    found: list = []
    for _, value in _each(interp, "map.se", template, data):
        if value is None:
            raise LogoError(f"{word_text(template) if is_word(template) else 'map.se'} "
                            "didn't output to map.se", code=5)
        found.extend(value if isinstance(value, list) else [value])
    return found


@primitive("cascade.2", 5, 0, ANY)
def cascade_2(interp: Any, *inputs: Any) -> Any:
    if len(inputs) < 3:
        raise LogoError("not enough inputs to cascade.2", code=6)
    return cascade(interp, *inputs)


@primitive("transfer", 3)
def transfer(interp: Any, end_test: Any, template: Any, inbasket: Any) -> Any:
    """TRANSFER: the template (with ?IN and ?OUT) runs for each member of the in-basket,
    its value becoming the out-basket, until the basket is empty or the end test is true."""
    outbasket: Any = []
    basket = to_list("transfer", inbasket)
    interp.template_numbers.append(1)
    try:
        while basket:
            if not (isinstance(end_test, list) and not end_test):
                interp.templates.append((outbasket, basket))
                try:
                    done = interp.run_list(to_list("transfer", end_test), value=True)
                finally:
                    interp.templates.pop()
                if condition_truth(interp, "transfer", done):
                    break
            outbasket = apply_template(interp, "transfer", template, [outbasket, basket])
            basket = basket[1:]
            interp.template_numbers[-1] += 1
    finally:
        interp.template_numbers.pop()
    return outbasket


@primitive("?in", 0)
def question_in(interp: Any) -> Any:
    basket = template_slot(interp, 2)
    if not isinstance(basket, list) or not basket:
        raise doesnt_like("?in", basket)
    return basket[0]


@primitive("?out", 0)
def question_out(interp: Any) -> Any:
    return template_slot(interp, 1)


@primitive("`", 1)
def backquote(interp: Any, template: Any) -> list:
    """` list: a copy with ``,`` and ``,@`` followed by instructions (a list, or a word
    such as ``,:n``) replaced by their value or by its members, in sublists too; ``",:n``
    and ``:,:n`` put a quote or a colon before the value.  UCBLogo's library ` ported: a
    nested ` keeps its own commas for later."""
    return _backquote(interp, to_list("`", template), 0)


def _backquote(interp: Any, items: list, depth: int) -> list:
    found: list = []
    index = 0
    while index < len(items):
        item = items[index]
        rest = items[index + 1:]
        if item == "`" and rest and isinstance(rest[0], list):
            found += ["`", _backquote(interp, rest[0], depth + 1)]
            index += 2
            continue
        if isinstance(item, list):
            found.append(_backquote(interp, item, depth))
        elif is_word(item) and (text := word_text(item)) and text[0] == "," and (
                len(text) > 1 or rest):
            return found + _unquote(interp, text[1:], rest, depth)
        elif is_word(item) and (text := word_text(item)) and text[0] in "\":" and \
                text[1:2] == "," and (len(text) > 2 or rest):
            value = _unquote(interp, text[2:], rest, depth)
            if not value:
                return [*found, text[0]]
            return [*found, text[0] + _word(value[0]), *value[1:]]
        else:
            found.append(item)
        index += 1
    return found


def _word(value: Any) -> str:
    if not is_word(value):
        raise doesnt_like("word", value)
    return word_text(value)


def _unquote(interp: Any, symbol: str, rest: list, depth: int) -> list:
    """What follows a comma: ``symbol`` is the rest of its word (``@:l`` in ``,@:l``), or
    empty when the instructions are the next item."""
    splicing = symbol.startswith("@")
    if splicing:
        symbol = symbol[1:]
    comma = ",@" if splicing else ","
    if depth > 0:
        if not symbol:
            return [comma, _nested(interp, rest[0], depth - 1),
                    *_backquote(interp, rest[1:], depth)]
        if symbol.replace(",@", "").strip(",") == "" and rest:  # ,,:n: commas for later
            return [comma, _backquote(interp, [symbol, rest[0]], depth - 1),
                    *_backquote(interp, rest[1:], depth)]
        return [comma, _backquote(interp, [symbol], depth - 1),
                *_backquote(interp, rest, depth)]
    if not symbol:
        value, rest = _run(interp, rest[0]), rest[1:]
    else:
        value = _run(interp, symbol)
    after = _backquote(interp, rest, depth)
    if splicing:
        return [*value, *after] if isinstance(value, list) else [value, *after]
    return [value, *after]


def _nested(interp: Any, item: Any, depth: int) -> Any:
    return _backquote(interp, item, depth) if isinstance(item, list) else item


def _run(interp: Any, instructions: Any) -> Any:
    items = instructions if isinstance(instructions, list) else [word_text(instructions)]
    value = interp.run_list(items, value=True)
    if value is None:
        raise LogoError("run didn't output to `", code=5)
    return value


@primitive("fulltext", 1)
def fulltext(interp: Any, name: Any) -> list:
    """FULLTEXT: each line of the definition as a word (as Logo read it: comments and runs of
    spaces are not kept); a procedure made with DEFINE gives lists, as in UCBLogo."""
    from timewarp.logo.primitives.workspace import text_
    from timewarp.logo.primitives.workspace import not_defined
    procedure = interp.procedures.get(check_name("fulltext", name))
    if procedure is None:
        raise not_defined(interp, "fulltext", name)
    if procedure.title is None or not procedure.title.items:
        text = text_(interp, name)
        inputs = [":" + word_text(v) if is_word(v) and not word_text(v).lstrip("-").isdigit()
                  else v for v in text[0]]
        return [["to", procedure.name, *inputs], *text[1:], ["end"]]
    return [procedure.title.text, *[line.text for line in procedure.lines], "end"]


# -- the text's font and colours ------------------------------------------------------------
# The notebook's text has one font: FONT and TEXTSIZE keep what was asked for, as a program
# reads them back, and change nothing.  SETTEXTCOLOR colours the text written after it with
# the terminal's colour codes, which the notebook's output shows.


@primitive("font", 0)
def font(interp: Any) -> Any:
    return interp.text_font


@primitive("setfont", 1, outputs=False)
def setfont(interp: Any, name: Any) -> None:
    if not is_word(name):
        raise doesnt_like("setfont", name)
    interp.text_font = word_text(name)


@primitive("textsize", 0)
def textsize(interp: Any) -> Any:
    return interp.text_size


@primitive("settextsize", 1, outputs=False)
def settextsize(interp: Any, size: Any) -> None:
    value = to_int("settextsize", size)
    if not 1 <= value <= 1000:
        raise doesnt_like("settextsize", size)
    interp.text_size = value


@primitive("increasefont", 0, outputs=False)
def increasefont(interp: Any) -> None:
    interp.text_size = min(int(interp.text_size * 1.1), 1000)


@primitive("decreasefont", 0, outputs=False)
def decreasefont(interp: Any) -> None:
    interp.text_size = max(int(interp.text_size / 1.1), 1)


@primitive("settextcolor settc", 2, outputs=False)
def settextcolor(interp: Any, foreground: Any, background: Any) -> None:
    from PIL import ImageColor

    from timewarp.logo.primitives.turtle import _colour
    codes = []
    for layer, value in ((38, foreground), (48, background)):
        colour = _colour("settextcolor", value, interp.palette)
        try:
            red, green, blue = ImageColor.getrgb(colour)[:3] if isinstance(colour, str) \
                else colour
        except ValueError:
            raise doesnt_like("settextcolor", value) from None
        codes.append(f"\x1b[{layer};2;{red};{green};{blue}m")
    interp.console.write("".join(codes))
