"""Colours a program may name: CSS names, "#rrggbb", RGB triples and the 16-colour palette.

The palette is GW-BASIC's and QBasic's (the EGA/VGA default), so colour 4 is red in every
language.  Every colour is stored in the turtle log as a lowercase CSS name or "#rrggbb",
strings that Pillow, SVG and the browser's canvas all understand the same way.
"""

from __future__ import annotations

from PIL import ImageColor

#: GW-BASIC / QBasic colour numbers 0-15.
PALETTE: tuple[str, ...] = (
    "#000000", "#0000aa", "#00aa00", "#00aaaa", "#aa0000", "#aa00aa", "#aa5500", "#aaaaaa",
    "#555555", "#5555ff", "#55ff55", "#55ffff", "#ff5555", "#ff55ff", "#ffff55", "#ffffff",
)

#: The names GW-BASIC manuals give the palette colours, where CSS means something else
#: (CSS "brown" is dark red; BASIC's brown is colour 6).
PALETTE_NAMES: dict[str, str] = {
    "brown": PALETTE[6],
    "lightgray": PALETTE[7],
    "lightgrey": PALETTE[7],
    "darkgray": PALETTE[8],
    "darkgrey": PALETTE[8],
    "lightblue": PALETTE[9],
    "lightgreen": PALETTE[10],
    "lightcyan": PALETTE[11],
    "lightred": PALETTE[12],
    "lightmagenta": PALETTE[13],
    "brightwhite": PALETTE[15],
}


class TurtleError(ValueError):
    """The turtle cannot do that."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message or (type(self).__doc__ or "").strip()
        super().__init__(self.message)


def parse_colour(colour: object) -> str:
    """Turn a name, "#rrggbb", palette number or (r, g, b) into the log's colour string."""
    if isinstance(colour, bool):
        raise TurtleError(f"{colour!r} is not a colour")
    if isinstance(colour, int) or (isinstance(colour, float) and colour.is_integer()):
        return palette_colour(int(colour))
    if isinstance(colour, (tuple, list)):
        return _rgb_colour(colour)
    if isinstance(colour, str):
        return _named_colour(colour)
    raise TurtleError(f"{colour!r} is not a colour")


def palette_colour(number: int) -> str:
    if not 0 <= number < len(PALETTE):
        raise TurtleError(f"colour number {number} is not in the palette (use 0 to 15)")
    return PALETTE[number]


def _rgb_colour(parts: tuple | list) -> str:
    if len(parts) != 3 or not all(isinstance(p, (int, float)) for p in parts):
        raise TurtleError(f"a colour needs three numbers (red, green, blue), not {parts!r}")
    if not all(0 <= p <= 255 for p in parts):
        raise TurtleError("red, green and blue each go from 0 to 255")
    return "#{:02x}{:02x}{:02x}".format(*(round(p) for p in parts))


def _named_colour(text: str) -> str:
    name = text.strip().lower().replace(" ", "").replace("_", "")
    if name.lstrip("-").isdigit():
        return palette_colour(int(name))
    if name.startswith("#") and len(name) in (4, 7):
        try:
            return "#{:02x}{:02x}{:02x}".format(*ImageColor.getrgb(name))
        except ValueError:
            pass
    if name in PALETTE_NAMES:
        return PALETTE_NAMES[name]
    if name in ImageColor.colormap:
        return name
    raise TurtleError(f'I do not know the colour "{text}"')


def colour_rgb(colour: str) -> tuple[int, int, int]:
    """The (r, g, b) of a colour string from the log."""
    return _RGB_CACHE.get(colour) or _cache_rgb(colour)


_RGB_CACHE: dict[str, tuple[int, int, int]] = {}


def _cache_rgb(colour: str) -> tuple[int, int, int]:
    rgb = ImageColor.getrgb(colour)[:3]
    _RGB_CACHE[colour] = rgb
    return rgb
