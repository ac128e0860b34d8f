"""How fast a big turtle drawing reaches the screen, and what it costs to send and to keep.

Starts JupyterLab on 127.0.0.1 and headless chromium (Playwright, Debian's /usr/bin/chromium),
and for 1,000, 10,000 and 100,000 segments runs two notebooks on the Python kernel:

* timewarp: the segments drawn with the turtle (``timewarp.turtle.python_api``), shown by
  TurtleDisplay: batched live canvas, then one PNG when the cell ends;
* naive: the same segments sent to a plain ipycanvas Canvas with one ``stroke_line`` call
  per segment (inside ``hold_canvas``: without it the server drops messages past 1,000 a
  second and the picture never completes).

For each it measures the time from the end of the cell's code to the complete picture on
screen (the median of ``--repeat`` runs; kernel and browser share this machine's clock),
the bytes the browser received on
the kernel's websocket, and the size of the notebook once saved; then prints the ratios
naive / timewarp.  Goals: 100,000 segments on screen within 1 s; saved notebook under 1 MB.

    .venv/bin/python benchmarks/turtle_render.py [--sizes 1000,10000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

from timewarp.testing import launch_chromium, running_jupyter_lab

# The drawing: a seeded random walk inside the canvas, computed in the kernel.
SEGMENTS = """
import random, time
from timewarp.turtle.model import TurtleWorld
def walk(world, n):
    rng = random.Random(1)
    t = world.turtle
    t.hide()
    for i in range(n):
        if i % 1000 == 0:
            t.set_pen_colour(i // 1000 % 15)
        t.move_to(rng.uniform(-390, 390), rng.uniform(-290, 290))
"""

TIMEWARP = {
    "setup": "%load_ext timewarp.turtle.python_api\n" + SEGMENTS
             + "from timewarp.turtle import python_api",
    "draw": "walk(python_api.world, {n})\nopen('end.txt', 'w').write(repr(time.time()))",
    # Complete when the cell's output is the PNG, decoded.
    "done": """() => { const img = document.querySelector(
        '.jp-Cell:nth-child(2) .jp-OutputArea img');
        return img && img.complete && img.naturalWidth === 800 ? Date.now() : false; }""",
}

NAIVE = {
    "setup": SEGMENTS + "from ipycanvas import Canvas, hold_canvas\n"
             "from IPython.display import display",
    "draw": """world = TurtleWorld()
walk(world, {n})
canvas = Canvas(width=800, height=600)
display(canvas)
with hold_canvas():
    canvas.fill_style = 'white'
    canvas.fill_rect(0, 0, 800, 600)
    for s in world.segments:
        canvas.stroke_style = s.colour
        canvas.stroke_line(s.x1 + 400, 300 - s.y1, s.x2 + 400, 300 - s.y2)
    canvas.fill_style = '#ff00ff'
    canvas.fill_rect(0, 0, 3, 3)
open('end.txt', 'w').write(repr(time.time()))""",
    # Complete when the magenta mark drawn after the last segment is on the canvas.
    "done": """() => { const c = document.querySelector('.jp-Cell:nth-child(2) canvas');
        if (!c || !c.width) return false;
        const p = c.getContext('2d').getImageData(1, 1, 1, 1).data;
        return p[0] === 255 && p[1] === 0 && p[2] === 255 ? Date.now() : false; }""",
}


def _stop_kernels(url: str, token: str) -> None:
    """End the notebook's kernel, so that the next run starts from a fresh one."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{url}/api/sessions",
                                                       headers=headers)) as response:
        sessions = json.load(response)
    for session in sessions:
        urllib.request.urlopen(urllib.request.Request(
            f"{url}/api/sessions/{session['id']}", method="DELETE", headers=headers))


def run_cell(page, index: int) -> None:
    """Run one cell, trying again while the notebook is not yet ready to take the keys."""
    prompt = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-InputPrompt")
    for _ in range(20):
        prompt.click()
        page.keyboard.press("Shift+Enter")
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if prompt.inner_text().strip() not in ("[ ]:", ""):
                return
            time.sleep(0.05)
    raise RuntimeError(f"cell {index} would not run")


def measure(browser, url: str, token: str, root: Path, way: dict, n: int) -> dict:
    name = f"{'naive' if way is NAIVE else 'timewarp'}_{n}.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(way["setup"]),
        nbformat.v4.new_code_cell(way["draw"].format(n=n))])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, root / name)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    received = [0]

    def count(ws):
        if "/api/kernels/" in ws.url:
            ws.on("framereceived", lambda payload: received.__setitem__(
                0, received[0] + len(payload)))

    page.on("websocket", count)
    page.goto(f"{url}/lab/tree/{name}?reset&token={token}")
    idle = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
    page.locator(idle).wait_for()
    run_cell(page, 0)
    page.locator(idle).wait_for()
    time.sleep(0.5)
    received[0] = 0
    run_cell(page, 1)
    seen = page.wait_for_function(way["done"], polling=10, timeout=120_000).json_value()
    ended = float((root / "end.txt").read_text()) * 1000
    page.locator(idle).wait_for()
    time.sleep(0.5)
    websocket_bytes = received[0]
    page.keyboard.press("Control+s")
    page.locator(".jp-mod-dirty").wait_for(state="detached")
    time.sleep(0.5)
    context.close()
    _stop_kernels(url, token)
    return {"seconds": (seen - ended) / 1000, "websocket": websocket_bytes,
            "notebook": (root / name).stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each; the median time is reported")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory() as folder, \
            sync_playwright() as playwright:
        lab = stack.enter_context(running_jupyter_lab(Path(folder)))
        url, token, root = lab.url, lab.token, lab.root
        browser = launch_chromium(playwright)
        try:
            print(f"{'segments':>9} {'way':>8} {'to screen s':>11} {'websocket B':>12} "
                  f"{'notebook B':>11}")
            for n in sizes:
                results = {}
                for label, way in (("timewarp", TIMEWARP), ("naive", NAIVE)):
                    runs = [measure(browser, url, token, root, way, n)
                            for _ in range(options.repeat)]
                    r = results[label] = {**runs[-1], "seconds": statistics.median(
                        run["seconds"] for run in runs)}
                    print(f"{n:>9} {label:>8} {r['seconds']:>11.3f} {r['websocket']:>12,} "
                          f"{r['notebook']:>11,}", flush=True)
                t, v = results["timewarp"], results["naive"]
                print(f"{n:>9} {'ratio':>8} {v['seconds'] / max(t['seconds'], 1e-3):>10.1f}x "
                      f"{v['websocket'] / t['websocket']:>11.1f}x "
                      f"{v['notebook'] / t['notebook']:>10.2f}x   (naive / timewarp)")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
