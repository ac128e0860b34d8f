"""The student's drawing beside the expected one, as one PNG for the feedback.

Each drawing is scaled to fit its own panel and rendered by the turtle's own renderer
(:func:`timewarp.turtle.picture.render_png`), so the feedback looks like the notebook.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from timewarp.turtle.model import Fill, Segment, TurtleWorld
from timewarp.turtle.picture import render_png
from timewarp_grading.checks.drawing import Drawing

PANEL = 280
MARGIN = 20
CAPTION = 24


def side_by_side(student: Drawing, expected: Drawing) -> bytes:
    """PNG bytes: "your drawing" on the left, "expected" on the right."""
    panels = [_panel(student), _panel(expected)]
    sheet = Image.new("RGB", (2 * PANEL + MARGIN, PANEL + CAPTION), "white")
    pen = ImageDraw.Draw(sheet)
    for index, (panel, caption) in enumerate(zip(panels, ("your drawing", "expected"))):
        left = index * (PANEL + MARGIN)
        sheet.paste(panel, (left, CAPTION))
        pen.rectangle((left, CAPTION, left + PANEL - 1, CAPTION + PANEL - 1), outline="#999999")
        pen.text((left + 4, 4), caption, fill="black")
    out = io.BytesIO()
    sheet.save(out, "PNG")
    return out.getvalue()


def _panel(drawing: Drawing) -> Image.Image:
    world = TurtleWorld(PANEL, PANEL)
    world.turtle.visible = False
    box = drawing.box
    if box is not None:
        left, bottom, right, top = box
        scale = (PANEL - 2 * MARGIN) / max(right - left, top - bottom, 1e-9)
        scale = min(scale, 4.0)
        cx, cy = (left + right) / 2, (bottom + top) / 2

        def place(x: float, y: float) -> tuple[float, float]:
            return (x - cx) * scale, (y - cy) * scale

        for fill in drawing.fills:
            world.add_item(Fill(tuple(place(*p) for p in fill.points), fill.colour))
        for s in drawing.segments:
            world.add_item(Segment(*place(s.x1, s.y1), *place(s.x2, s.y2), s.colour,
                                   max(1.0, s.width)))
    return Image.open(io.BytesIO(render_png(world))).convert("RGB")
