"""GW-BASIC's and QBasic's SCREEN modes: sizes, colour attributes, palettes and memory layout.

A pixel holds an *attribute* (0-3 in SCREEN 1, 0-15 in SCREEN 7...); the palette maps each
attribute to a *colour value*, whose meaning depends on the display: a CGA colour 0-15, an EGA
colour 0-63 (bits rgbRGB), a VGA colour ``red + 256 * green + 65536 * blue`` with each part
0-63, or one of SCREEN 10's nine monochrome shades.  GET/PUT store pixels as the video memory
holds them: ``bits`` per pixel in each of ``planes`` bit planes.
"""

from __future__ import annotations

from dataclasses import dataclass

from timewarp.turtle.colours import PALETTE, TurtleError

__all__ = ["MODES", "ScreenMode", "colour_of", "check_colour_value"]

# The 16 colours as EGA values (rgbRGB bits) and as VGA values (6 bits a part).
_EGA16 = (0, 1, 2, 3, 4, 5, 20, 7, 56, 57, 58, 59, 60, 61, 62, 63)


def _vga_value(css: str) -> int:
    r, g, b = (int(css[i:i + 2], 16) * 63 // 255 for i in (1, 3, 5))
    return r + 256 * g + 65536 * b


_VGA16 = tuple(_vga_value(c) for c in PALETTE)


def _mode13_palette() -> tuple[int, ...]:
    """VGA's default 256 colours: the 16, a grey ramp, then a wheel of 24 hues at three
    saturations and three brightnesses, then black."""
    greys = [0, 5, 8, 11, 14, 17, 20, 24, 28, 32, 36, 40, 45, 50, 56, 63]
    values = list(_VGA16) + [g * 65793 for g in greys]
    for high in (63, 28, 16):
        for low_share in (0, 2, 3):      # full, half and a third of the way to white
            low = high * low_share // 4 if low_share else 0
            wheel = []
            for side in range(6):
                for step in range(4):
                    rising = low + (high - low) * step // 4
                    falling = high - (high - low) * step // 4
                    # blue -> magenta -> red -> yellow -> green -> cyan -> blue
                    rgb = ((rising, low, high), (high, low, falling), (high, rising, low),
                           (falling, high, low), (low, high, rising), (low, falling, high))[side]
                    wheel.append(rgb[0] + 256 * rgb[1] + 65536 * rgb[2])
            values += wheel
    values += [0] * (256 - len(values))
    return tuple(values)


#: SCREEN 10's shades: black, blinking ones (shown half way) and two brightnesses.
_MONO = ("#000000", "#555555", "#808080", "#aaaaaa", "#555555", "#aaaaaa", "#d4d4d4",
         "#808080", "#ffffff")


@dataclass(frozen=True)
class ScreenMode:
    """A SCREEN mode: its pixels, how much bigger each shows on the world, its colours."""

    number: int
    width: int
    height: int
    scale_x: int
    scale_y: int
    kind: str                    # what a colour value means: "cga", "ega", "vga" or "mono"
    palette: tuple[int, ...]     # the colour value of each attribute when the mode starts
    aspect: float                # CIRCLE's default y/x ratio: round on a 4:3 monitor
    bits: int = 1                # GET/PUT: bits a pixel in each plane
    planes: int = 1
    text: tuple[int, int] = (80, 25)

    @property
    def attributes(self) -> int:
        return len(self.palette)

    def row_bytes(self, width: int) -> int:
        """Bytes one row of a GET block takes."""
        return (width * self.bits + 7) // 8 * self.planes


MODES: dict[int, ScreenMode] = {
    1: ScreenMode(1, 320, 200, 2, 2, "cga", (0, 11, 13, 15), 5 / 6, 2, 1, (40, 25)),
    2: ScreenMode(2, 640, 200, 1, 2, "cga", (0, 15), 5 / 12),
    7: ScreenMode(7, 320, 200, 2, 2, "cga", tuple(range(16)), 5 / 6, 1, 4, (40, 25)),
    8: ScreenMode(8, 640, 200, 1, 2, "cga", tuple(range(16)), 5 / 12, 1, 4),
    9: ScreenMode(9, 640, 350, 1, 1, "ega", _EGA16, 35 / 48, 1, 4),
    10: ScreenMode(10, 640, 350, 1, 1, "mono", (0, 3, 7, 8), 35 / 48, 1, 2),
    11: ScreenMode(11, 640, 480, 1, 1, "vga", (0, _VGA16[15]), 1.0, 1, 1, (80, 30)),
    12: ScreenMode(12, 640, 480, 1, 1, "vga", _VGA16, 1.0, 1, 4, (80, 30)),
    13: ScreenMode(13, 320, 200, 2, 2, "vga", _mode13_palette(), 5 / 6, 8, 1, (40, 25)),
}

#: The biggest colour value of each kind (VGA's is checked part by part).
_LARGEST = {"cga": 15, "ega": 63, "mono": 8, "vga": 63 + 256 * 63 + 65536 * 63}


def check_colour_value(kind: str, value: int) -> int:
    value = int(value)
    bad = not 0 <= value <= _LARGEST[kind] or (
        kind == "vga" and any((value >> shift) & 0xFF > 63 for shift in (0, 8, 16)))
    if bad:
        what = {"cga": "0 to 15", "ega": "0 to 63", "mono": "0 to 8",
                "vga": "red + 256 * green + 65536 * blue, each 0 to 63"}[kind]
        raise TurtleError(f"colour {value} is not one this screen can show (use {what})")
    return value


def colour_of(kind: str, value: int) -> str:
    """The "#rrggbb" a colour value shows as."""
    if kind == "cga":
        return PALETTE[value]
    if kind == "mono":
        return _MONO[value]
    if kind == "ega":
        r = 0xAA * (value >> 2 & 1) + 0x55 * (value >> 5 & 1)
        g = 0xAA * (value >> 1 & 1) + 0x55 * (value >> 4 & 1)
        b = 0xAA * (value & 1) + 0x55 * (value >> 3 & 1)
        return f"#{r:02x}{g:02x}{b:02x}"
    parts = ((value >> shift) & 63 for shift in (0, 8, 16))
    return "#" + "".join(f"{p * 255 // 63:02x}" for p in parts)
