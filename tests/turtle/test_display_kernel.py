"""TurtleDisplay in a real kernel: a live canvas while the cell runs, exactly one PNG after it,
also when the cell is interrupted, and the PNG in a notebook executed headless.

The BASIC, Logo and PILOT kernels wrap their cells in TurtleDisplay; here a real ipykernel
Python kernel does the same through ``%load_ext timewarp.turtle.python_api``.
"""

from __future__ import annotations

import base64
import datetime
import io
import queue
import time

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient
from PIL import Image

SETUP = "%load_ext timewarp.turtle.python_api\nfrom timewarp.turtle.python_api import *"


class Cell:
    """What one execution sent on IOPub, and the outputs a notebook would keep from it."""

    def __init__(self, messages: list[dict]) -> None:
        self.messages = messages
        self.outputs: list[dict] = []
        for msg in messages:
            content = msg["content"]
            display_id = content.get("transient", {}).get("display_id")
            if msg["msg_type"] in ("display_data", "stream", "error", "execute_result"):
                self.outputs.append({"type": msg["msg_type"], "id": display_id, **content})
            elif msg["msg_type"] == "update_display_data":
                for output in self.outputs:
                    if output["id"] == display_id:
                        output["data"] = content["data"]

    def of_type(self, msg_type: str) -> list[dict]:
        return [m for m in self.messages if m["msg_type"] == msg_type]


@pytest.fixture(scope="module")
def kernel():
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        yield manager, client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run(kernel, code: str, interrupt_after: float | None = None) -> Cell:
    manager, client = kernel
    # stop_on_error=False: an interrupted cell must not make ipykernel abort the next one.
    msg_id = client.execute(code, stop_on_error=False)
    started, interrupted = time.monotonic(), False
    messages = []
    while True:
        if interrupt_after and not interrupted and time.monotonic() - started > interrupt_after:
            manager.interrupt_kernel()
            interrupted = True
        try:
            msg = client.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            assert time.monotonic() - started < 60, "the kernel did not finish the cell"
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return Cell(messages)


def _when(msg: dict) -> datetime.datetime:
    return msg["header"]["date"]


def _png(output: dict) -> Image.Image:
    assert set(output["data"]) == {"image/png", "text/plain"}
    return Image.open(io.BytesIO(base64.b64decode(output["data"]["image/png"])))


def test_a_drawing_cell_leaves_exactly_one_png(kernel):
    assert run(kernel, SETUP).outputs == []
    cell = run(kernel, "reset()\npencolor('red')\npensize(3)\n"
                       "for i in range(400):\n    forward(i)\n    left(89)")
    assert len(cell.outputs) == 1
    (output,) = cell.outputs
    assert output["type"] == "display_data" and output["id"]
    image = _png(output).convert("RGB")
    assert image.size == (800, 600)
    assert (255, 0, 0) in {colour for _, colour in image.getcolors(1 << 16)}
    shown = cell.of_type("display_data")[0]["content"]["data"]
    assert "application/vnd.jupyter.widget-view+json" in shown  # it was live first
    assert cell.of_type("comm_close"), "the canvas widget must be closed"


def test_each_cell_shows_the_drawing_so_far(kernel):
    run(kernel, SETUP + "\nreset()\nhideturtle()\npencolor('blue')\npensize(9)\nforward(200)")
    cell = run(kernel, "left(90)\nforward(200)")
    image = _png(cell.outputs[0]).convert("RGB")
    assert image.getpixel((500, 300)) == (0, 0, 255)  # drawn by the previous cell
    assert image.getpixel((600, 200)) == (0, 0, 255)  # drawn by this one


def test_a_cell_that_does_not_draw_shows_nothing(kernel):
    run(kernel, SETUP)
    cell = run(kernel, "print(xcor() + 1)")
    assert [o["type"] for o in cell.outputs] == ["stream"]
    assert not cell.of_type("comm_open")


def test_an_interrupted_drawing_still_leaves_the_png(kernel):
    run(kernel, SETUP + "\nreset()")
    cell = run(kernel, "while True:\n    forward(3)\n    right(7)", interrupt_after=1.5)
    kinds = [o["type"] for o in cell.outputs]
    assert kinds == ["display_data", "error"]
    assert cell.outputs[1]["ename"] == "KeyboardInterrupt"
    assert _png(cell.outputs[0]).size == (800, 600)
    # Drawn live while running: several throttled flushes, far fewer than the segments drawn.
    flushes = [m for m in cell.of_type("comm_msg") if m["buffers"]]
    assert 3 <= len(flushes) <= 100


def test_headless_execution_keeps_only_the_png(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(SETUP),
        nbformat.v4.new_code_cell("reset()\nfor i in range(4):\n    forward(100)\n    left(90)"),
    ])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute()
    outputs = notebook.cells[1].outputs
    assert len(outputs) == 1 and set(outputs[0]["data"]) == {"image/png", "text/plain"}
    nbformat.write(notebook, tmp_path / "square.ipynb")
    assert "widget-view" not in (tmp_path / "square.ipynb").read_text()


def test_slow_speed_animates_step_by_step(kernel):
    run(kernel, SETUP + "\nreset()")
    cell = run(kernel, "speed(1)\nfor i in range(10):\n    forward(20)\n    left(36)\nspeed(0)")
    flushes = [m for m in cell.of_type("comm_msg") if m["buffers"]]
    # Animated: one flush per move and per turn (a fast drawing goes out in one or two batches).
    assert len(flushes) >= 20
    assert len(cell.outputs) == 1


def test_the_last_changes_show_while_the_program_pauses(kernel):
    run(kernel, SETUP + "\nreset()")
    cell = run(kernel, "for i in range(50):\n    forward(i)\n    left(59)\n"
                       "import time as _t\n_t.sleep(1.5)")
    flushes = [m for m in cell.of_type("comm_msg") if m["buffers"]]
    ended = cell.of_type("update_display_data")[0]
    # The first change shows at once; the rest (drawn in far less than a flush interval)
    # follows by timer, long before the cell ends.
    assert len(flushes) >= 2
    pause = _when(ended) - _when(flushes[-1])
    assert pause.total_seconds() > 1.0
