"""SAVEPICT, LOADPICT and EPSPICT: the picture in a file.

SAVEPICT writes the turtle's log (lines, fills, dots, labels), the background and the colour
palette as JSON, a format of Time Warp's own as UCBLogo's is of its own; LOADPICT puts such a
picture back in place of the one on the canvas.  EPSPICT writes Encapsulated PostScript for
other programs.  Files are named as for OPEN... (SETPREFIX, the notebook's folder).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from PIL import ImageColor

from timewarp.logo.errors import LogoError
from timewarp.logo.primitives import primitive
from timewarp.logo.primitives.streams import prefixed, user_path
from timewarp.logo.values import word_text
from timewarp.turtle.model import Dot, Fill, Label, Segment

FORMAT = "timewarp-logo-picture"
KINDS = {cls.__name__: cls for cls in (Segment, Fill, Dot, Label)}


def _path(interp: Any, name: str, value: Any) -> Any:
    from timewarp.logo.primitives.streams import _key
    return user_path(prefixed(interp, _key(name, value)))


def _write(interp: Any, value: Any, text: str) -> None:
    try:
        _path(interp, "savepict", value).write_text(text, encoding="utf-8")
    except OSError:
        raise LogoError(f"I can't open file {word_text(value)}", code=40) from None


@primitive("savepict", 1, outputs=False)
def savepict(interp: Any, name: Any) -> None:
    world = interp.world
    items = [{"kind": type(item).__name__, **dataclasses.asdict(item)} for item in world.log]
    _write(interp, name, json.dumps({"format": FORMAT, "background": world.background,
                                     "palette": interp.palette, "items": items}))


@primitive("loadpict", 1, outputs=False)
def loadpict(interp: Any, name: Any) -> None:
    try:
        text = _path(interp, "loadpict", name).read_text(encoding="utf-8")
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("not a picture SAVEPICT wrote")
        items = []
        for entry in data["items"]:
            fields = dict(entry)
            kind = KINDS[fields.pop("kind")]
            if kind is Fill:
                fields["points"] = tuple(tuple(point) for point in fields["points"])
            items.append(kind(**fields))
        palette = [str(colour) for colour in data["palette"]]
        background = str(data["background"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise LogoError(f"loadpict doesn't like {word_text(name)} as input: {error}",
                        code=4) from None
    world = interp.world
    world.clean()
    world.set_background(background)
    interp.palette[:] = palette
    for item in items:
        world.add_item(item, notify=False)
    world.touch()


def _rgb(colour: str) -> str:
    red, green, blue = ImageColor.getrgb(colour)[:3]
    return f"{red / 255:.3f} {green / 255:.3f} {blue / 255:.3f} setrgbcolor"


def _ps_text(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def eps_text(world: Any) -> str:
    """The picture as Encapsulated PostScript, turtle coordinates centred on the page."""
    width, height = world.width, world.height
    lines = ["%!PS-Adobe-3.0 EPSF-3.0", f"%%BoundingBox: 0 0 {width} {height}",
             "%%Creator: Time Warp Studio Logo", "%%EndComments",
             f"{_rgb(world.background)} 0 0 {width} {height} rectfill",
             f"{width / 2} {height / 2} translate", "1 setlinecap 1 setlinejoin"]
    for item in world.log:
        if isinstance(item, Segment):
            lines.append(f"{_rgb(item.colour)} {item.width} setlinewidth newpath "
                         f"{item.x1:.2f} {item.y1:.2f} moveto {item.x2:.2f} {item.y2:.2f} "
                         "lineto stroke")
        elif isinstance(item, Fill):
            path = " ".join(f"{x:.2f} {y:.2f} {'moveto' if i == 0 else 'lineto'}"
                            for i, (x, y) in enumerate(item.points))
            lines.append(f"{_rgb(item.colour)} newpath {path} closepath fill")
        elif isinstance(item, Dot):
            lines.append(f"{_rgb(item.colour)} newpath {item.x:.2f} {item.y:.2f} "
                         f"{item.size / 2:.2f} 0 360 arc fill")
        elif isinstance(item, Label):
            lines.append(f"{_rgb(item.colour)} /Helvetica findfont {item.size} scalefont "
                         f"setfont {item.x:.2f} {item.y:.2f} moveto {_ps_text(item.text)} show")
    return "\n".join([*lines, "showpage", "%%EOF"]) + "\n"


@primitive("epspict", 1, outputs=False)
def epspict(interp: Any, name: Any) -> None:
    _write(interp, name, eps_text(interp.world))
