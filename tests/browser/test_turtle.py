"""A BASIC turtle drawing in JupyterLab: live canvas while it runs, a picture that survives
stopping the program, saving, a reload with a fresh kernel, and nbconvert's HTML."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import time
import urllib.request

import nbformat
from PIL import Image

# Draws, then waits for ever: the test sees the live canvas, then presses stop, as a student
# would, and the picture must still stay.
PROGRAM = """PENCOLOR "red"
PENWIDTH 3
FOR I = 1 TO 3000
FORWARD I MOD 250
RIGHT 91
NEXT I
DO
LOOP
"""

# True once some canvas in the first cell's output shows the red pen's ink.
LIVE_RED_PIXELS = """() => [
    ...document.querySelectorAll('.jp-Cell:first-child .jp-OutputArea canvas')
].some(canvas => {
    if (!canvas.width || !canvas.height) return false;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] === 255 && pixels[i + 1] === 0 && pixels[i + 2] === 0) return true;
    }
    return false;
})"""

# A busy two-core machine can take a while to start drawing; the waits here allow for it.
SLOW_MS = 120_000


def _run_first_cell(lab) -> None:
    """Run cell 0, pressing again if a just-opened notebook missed the first Shift+Enter."""
    prompt = lab.cell(0).locator(".jp-InputPrompt")
    for _ in range(10):
        lab.run_cell(0)
        for _ in range(40):
            if prompt.inner_text().strip() not in ("", "[ ]:"):
                return
            time.sleep(0.05)
    raise AssertionError("the cell would not start")


def _kernels(server, action: str = "", method: str = "GET") -> None:
    """Interrupt or shut down (DELETE) every kernel through the server's REST API."""
    headers = {"Authorization": f"token {server.token}"}
    with urllib.request.urlopen(urllib.request.Request(
            f"{server.url}/api/kernels", headers=headers)) as response:
        kernels = json.load(response)
    for kernel in kernels:
        urllib.request.urlopen(urllib.request.Request(
            f"{server.url}/api/kernels/{kernel['id']}{action}", method=method,
            headers=headers, data=b"" if method == "POST" else None))


def _saved_picture(path) -> Image.Image:
    notebook = nbformat.read(path, as_version=4)
    outputs = [o for o in notebook.cells[0].outputs if o.get("output_type") == "display_data"]
    assert len(outputs) == 1 and set(outputs[0]["data"]) == {"image/png", "text/plain"}
    return Image.open(io.BytesIO(base64.b64decode(outputs[0]["data"]["image/png"])))


def test_basic_turtle_live_then_saved_then_reloaded(lab, jupyter_lab, tmp_path):
    path = lab.write_notebook("turtle.ipynb", "basic", [PROGRAM])
    lab.open("turtle.ipynb")
    _run_first_cell(lab)
    output = lab.cell(0).locator(".jp-OutputArea")
    output.locator("canvas").first.wait_for(timeout=SLOW_MS)  # the live view, while it runs
    lab.page.wait_for_function(LIVE_RED_PIXELS, timeout=SLOW_MS)
    lab.screenshot("turtle_live")

    _kernels(jupyter_lab, "/interrupt", "POST")
    output.locator("img").wait_for(timeout=SLOW_MS)
    lab.wait_idle()
    assert output.locator("canvas").count() == 0
    lab.save()
    lab.page.locator(".jp-mod-dirty").wait_for(state="detached")

    picture = _saved_picture(path).convert("RGB")
    assert picture.size == (800, 600)
    assert (255, 0, 0) in {colour for _, colour in picture.getcolors(1 << 16)}

    _kernels(jupyter_lab, method="DELETE")  # what shows now comes from the file alone
    lab.open("turtle.ipynb")
    reloaded = lab.cell(0).locator(".jp-OutputArea")
    image = reloaded.locator("img")
    image.wait_for()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 800
    assert "Error displaying widget" not in reloaded.inner_text()
    assert reloaded.locator("canvas").count() == 0
    lab.screenshot("turtle_reloaded")

    html = tmp_path / "turtle.html"
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--output",
                    str(html), str(path)], check=True, capture_output=True, timeout=120)
    page = html.read_text()
    outputs = nbformat.read(path, as_version=4).cells[0].outputs
    encoded = next(o["data"]["image/png"] for o in outputs
                   if o.get("output_type") == "display_data")
    assert f"data:image/png;base64,{encoded.strip()}" in page.replace("\n", "")
