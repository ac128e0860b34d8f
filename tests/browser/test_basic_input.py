"""A student opens a BASIC notebook in JupyterLab, runs a program that asks a question, answers."""

from __future__ import annotations

import json

PROGRAM = '''10 INPUT "WHAT IS YOUR NAME"; N$
20 INPUT "HOW OLD ARE YOU"; A
30 PRINT "HELLO "; N$; ", NEXT YEAR YOU WILL BE"; A + 1
RUN'''


def test_basic_program_asks_for_input_in_jupyterlab(lab):
    lab.write_notebook("ask.ipynb", "basic", [PROGRAM])
    lab.open("ask.ipynb")
    assert lab.kernel_name == "BASIC (Time Warp)"
    lab.run_cell(0)
    assert lab.answer_input("ADA") == "WHAT IS YOUR NAME? "
    assert lab.answer_input("12") == "HOW OLD ARE YOU? "
    lab.wait_idle()
    output = lab.output_text(0)
    assert "HELLO ADA, NEXT YEAR YOU WILL BE 13" in output
    assert "Error" not in output
    lab.screenshot("basic_input")


def test_basic_error_shows_plain_words_in_jupyterlab(lab, jupyter_lab):
    lab.write_notebook("oops.ipynb", "basic", ["10 PRINT 1\n20 GOTO 99\nRUN"])
    lab.open("oops.ipynb")
    lab.run_cell(0)
    lab.wait_idle()
    error = lab.cell(0).locator("[data-mime-type='application/vnd.jupyter.stderr']")
    assert "Undefined line number in 20" in error.inner_text()
    assert "Traceback" not in lab.output_text(0)
    lab.save()
    saved = json.loads((jupyter_lab.root / "oops.ipynb").read_text())
    assert saved["metadata"]["language_info"]["name"] == "basic"
    assert [o["output_type"] for o in saved["cells"][0]["outputs"]] == ["stream", "error"]


def test_launcher_offers_basic_with_its_logo(lab, jupyter_lab):
    lab.page.goto(f"{jupyter_lab.url}/lab?reset&token={jupyter_lab.token}")
    card = lab.page.locator(".jp-Launcher-section:has-text('Notebook') .jp-LauncherCard",
                            has_text="BASIC (Time Warp)")
    card.wait_for(timeout=120_000)
    logo = card.locator("img")
    assert "kernelspecs/basic/logo" in logo.get_attribute("src")
    assert logo.evaluate("img => img.complete && img.naturalWidth") > 0
    lab.screenshot("launcher")
