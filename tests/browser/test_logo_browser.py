"""A student defines a recursive tree in one Logo cell, draws it in the next, and sees it."""

from __future__ import annotations

import base64
import io
import json

from PIL import Image

TREE = """to tree :size
if :size < 6 [stop]
forward :size
left 25 tree :size * 0.7
right 50 tree :size * 0.7
left 25 back :size
end"""

DRAW = """clearscreen setpencolor "darkgreen
penup back 150 pendown
tree 110
print count procedures"""


def drawn_pixels(png: bytes) -> int:
    """How many pixels of the picture are not the white background."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for pixel in picture.getdata() if pixel != (255, 255, 255))


def test_recursive_tree_in_jupyterlab(lab, jupyter_lab):
    lab.write_notebook("tree.ipynb", "logo", [TREE, DRAW])
    lab.open("tree.ipynb")
    assert "Logo (Time Warp)" in lab.page.locator(".jp-KernelName").inner_text()

    lab.run_cell(0)
    lab.wait_idle()
    lab.run_cell(1)
    lab.wait_idle()
    picture = lab.cell(1).locator(".jp-OutputArea img")
    picture.wait_for()
    assert picture.evaluate("img => img.complete && img.naturalWidth") > 100
    assert "1" in lab.output_text(1)
    lab.screenshot("logo_recursive_tree")

    lab.save()
    saved = json.loads((jupyter_lab.root / "tree.ipynb").read_text())
    assert saved["metadata"]["language_info"]["name"] == "logo"
    png = [base64.b64decode(o["data"]["image/png"]) for o in saved["cells"][1]["outputs"]
           if "image/png" in o.get("data", {})]
    assert png and png[0].startswith(b"\x89PNG")
    # The tree's branches: hundreds of lines make thousands of coloured pixels.
    assert drawn_pixels(png[0]) > 2000
    shown = lab.cell(1).locator(".jp-OutputArea img").screenshot()
    assert drawn_pixels(shown) > 2000
