"""A student takes a PILOT quiz in JupyterLab, answering its A: prompts, and a G: drawing shows."""

from __future__ import annotations

import base64
import json

QUIZ = """R: The quiz asks until the answer matches.
*ASK T:What is the capital of France?
A:
M:paris
TN:Not "$ANSWER". Try again.
JN:*ASK
T:Right, $MATCH is the capital!"""

DRAWING = """G:CLEARSCREEN PENCOLOR BLUE PENWIDTH 4
*SIDE G:FORWARD 120 RIGHT 90
C:#N = #N + 1
J(#N < 4):*SIDE
T:A square of #N sides."""


def test_pilot_quiz_and_drawing_in_jupyterlab(lab, jupyter_lab):
    lab.write_notebook("quiz.ipynb", "pilot", [QUIZ, DRAWING])
    lab.open("quiz.ipynb")
    assert "PILOT (Time Warp)" in lab.page.locator(".jp-KernelName").inner_text()

    lab.run_cell(0)
    lab.answer_input("Lyon")
    lab.answer_input("I am sure it is Paris")
    lab.wait_idle()
    output = lab.output_text(0)
    assert 'Not "Lyon". Try again.' in output
    assert "Right, Paris is the capital!" in output
    assert output.count("What is the capital of France?") == 2

    lab.run_cell(1)
    lab.wait_idle()
    picture = lab.cell(1).locator(".jp-OutputArea img")
    picture.wait_for()
    assert picture.bounding_box()["width"] > 100
    assert "A square of 4 sides." in lab.output_text(1)
    lab.screenshot("pilot_quiz_and_drawing")

    lab.save()
    saved = json.loads((jupyter_lab.root / "quiz.ipynb").read_text())
    assert saved["metadata"]["language_info"]["name"] == "pilot"
    png = [o["data"]["image/png"] for o in saved["cells"][1]["outputs"]
           if "image/png" in o.get("data", {})]
    assert png and base64.b64decode(png[0]).startswith(b"\x89PNG")
