"""JupyterLab made for our languages (extensions/): highlighting, file types, examples, defaults.

One lab for the module, started with no user settings at all, so that it runs with only what
the project installs (the extension and the classroom defaults), as a student's server does.
Tokens are found by the stable classes the extension adds to CodeMirror's (tok-keyword,
tok-string, tok-comment, tok-number, tok-labelName, ...).
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from timewarp.testing import running_jupyter_lab

OPEN_TIMEOUT_MS = 120_000

BASIC = """10 REM Greeting
20 PRINT "Hello"; 3.5#
30 GOTO 20 ' again"""
LOGO = """; a square
to square :size
  repeat 4 [forward :size right 90]
end
square 50 print "done"""
# Old listings run words together; modern names that start with a keyword stay whole.
BASIC_GLUED = """FORI=1TO9:NEXTI
FORM = &HFF
Start: PRINT LEFT$(A$, 2)"""
PILOT = """R:Quiz
*START
T:What is 6 times 7?
A:#ANSWER
TY(#ANSWER = 42):Right, $NAME!"""

# For each language, cells and the (class, text) pairs that must be among each cell's tokens.
EXPECTED = {
    "basic": [(BASIC, [("tok-labelName", "10"), ("tok-comment", "REM Greeting"),
                       ("tok-keyword", "PRINT"), ("tok-string", '"Hello"'),
                       ("tok-number", "3.5#"), ("tok-keyword", "GOTO"), ("tok-number", "20"),
                       ("tok-comment", "' again")]),
              (BASIC_GLUED, [("tok-keyword", "FOR"), ("tok-variableName", "I"),
                             ("tok-number", "1"), ("tok-keyword", "TO"), ("tok-number", "9"),
                             ("tok-keyword", "NEXT"), ("tok-variableName", "FORM"),
                             ("tok-number", "&HFF"), ("tok-labelName", "Start"),
                             ("tok-variableName", "LEFT$"), ("tok-variableName", "A$")])],
    "logo": [(LOGO, [("tok-comment", "; a square"), ("tok-keyword", "to"),
                     ("tok-variableName tok-definition", "square"),
                     ("tok-variableName2", ":size"), ("tok-keyword", "repeat"),
                     ("tok-number", "4"), ("tok-keyword", "end"),
                     ("tok-variableName", "forward"), ("tok-string", '"done')])],
    "pilot": [(PILOT, [("tok-keyword", "R"), ("tok-comment", "Quiz"),
                       ("tok-labelName", "*START"), ("tok-keyword", "T"),
                       ("tok-string", "What is 6 times 7?"), ("tok-variableName2", "#ANSWER"),
                       ("tok-atom", "Y"), ("tok-number", "42"), ("tok-variableName2", "$NAME")])],
}

TOKENS_JS = """root => [...root.querySelectorAll('.cm-line span[class*="tok-"]')].map(span => [
    [...span.classList].filter(c => c.startsWith('tok-')).join(' '), span.textContent])"""


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory):
    """This module's own lab, in place of the shared one: conftest's ``lab`` drives it."""
    with running_jupyter_lab(tmp_path_factory.mktemp("classroom_lab"), quiet=False) as server:
        yield server


def tokens(locator) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in locator.evaluate(TOKENS_JS)]


def wait_for_tokens(lab, locator, expected: list[tuple[str, str]]) -> None:
    """Wait until every expected token is shown (the language arrives with the kernel)."""
    missing = expected
    for _ in range(60):
        missing = [pair for pair in expected if pair not in tokens(locator)]
        if not missing:
            return
        lab.page.wait_for_timeout(500)
    raise AssertionError(f"tokens not highlighted: {missing}; shown: {tokens(locator)}")


@pytest.mark.parametrize("kernel", ["basic", "logo", "pilot"])
def test_notebook_cells_are_highlighted_with_no_setting(lab, jupyter_lab, kernel):
    cells = EXPECTED[kernel]
    lab.write_notebook(f"highlight-{kernel}.ipynb", kernel, [source for source, _ in cells])
    lab.open(f"highlight-{kernel}.ipynb")
    for index, (_, expected) in enumerate(cells):
        wait_for_tokens(lab, lab.cell(index).locator(".cm-content"), expected)
    # The classroom defaults keep the news pop-up away, from the settings the project installs.
    assert lab.page.get_by_text("official Jupyter news").count() == 0
    request = urllib.request.Request(
        f"{jupyter_lab.url}/lab/api/settings/@jupyterlab/apputils-extension:notification",
        headers={"Authorization": f"token {jupyter_lab.token}"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        defaults = json.load(reply)["schema"]["properties"]  # overrides become the defaults
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def test_bas_file_opens_highlighted_and_runs_in_the_basic_kernel(lab, jupyter_lab):
    (jupyter_lab.root / "hello.bas").write_text('10 PRINT "HELLO FROM A FILE"\n20 END\n')
    lab.page.goto(f"{jupyter_lab.url}/lab/tree/hello.bas?reset&token={jupyter_lab.token}")
    editor = lab.page.locator(".jp-FileEditor .cm-content")
    editor.wait_for(timeout=OPEN_TIMEOUT_MS)
    wait_for_tokens(lab, editor, [("tok-labelName", "10"), ("tok-keyword", "PRINT"),
                                  ("tok-string", '"HELLO FROM A FILE"'),
                                  ("tok-keyword", "END")])
    # The file browser and the tab show BASIC's icon.
    lab.page.locator(".jp-DirListing-item[title*='hello.bas'] [data-icon='timewarp:basic']"
                     ).first.wait_for()
    lab.page.locator(".lm-TabBar-tab.lm-mod-current", has_text="hello.bas"
                     ).locator("[data-icon='timewarp:basic']").wait_for()

    editor.click(button="right")
    lab.page.get_by_role("menuitem", name="Run in BASIC Kernel").click()
    output = lab.page.locator(".jp-CodeConsole .jp-OutputArea-output",
                              has_text="HELLO FROM A FILE")
    output.wait_for(timeout=OPEN_TIMEOUT_MS)
    assert "BASIC (Time Warp)" in lab.page.locator(".jp-ConsolePanel .jp-KernelName"
                                                   ).first.inner_text()
    # Running again reuses the file's console, with the program from the editor, not the old one.
    editor.click()
    lab.page.keyboard.press("Control+End")
    lab.page.keyboard.type("\n15 PRINT \"AND AGAIN\"")
    editor.click(button="right")
    lab.page.get_by_role("menuitem", name="Run in BASIC Kernel").click()
    lab.page.locator(".jp-CodeConsole .jp-OutputArea-output", has_text="AND AGAIN"
                     ).wait_for(timeout=OPEN_TIMEOUT_MS)
    assert lab.page.locator(".jp-ConsolePanel").count() == 1
    assert output.count() == 2
    lab.screenshot("bas_file_run_in_kernel")


def test_launcher_shows_kernel_logos_and_copies_examples(lab, jupyter_lab):
    kept = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'
    (jupyter_lab.root / "capitals-quiz.ipynb").write_text(kept)
    lab.page.goto(f"{jupyter_lab.url}/lab?reset&token={jupyter_lab.token}")
    launcher = lab.page.locator(".jp-Launcher-body")
    launcher.wait_for(timeout=OPEN_TIMEOUT_MS)
    # Ours loads beside the other extensions the project installs (grading, collaboration).
    config = json.loads(lab.page.locator("#jupyter-config-data").text_content())
    loaded = {extension["name"] for extension in config["federated_extensions"]}
    assert {"timewarp-jupyterlab", "@jupyter/nbgrader", "@jupyter/collaboration-extension",
            "@jupyter/docprovider-extension"} <= loaded
    for name in ("BASIC (Time Warp)", "Logo (Time Warp)", "PILOT (Time Warp)"):
        logo = launcher.locator(f".jp-LauncherCard[title='{name}'] img").first
        logo.wait_for()
        assert logo.evaluate("img => img.complete && img.naturalWidth") > 0, name

    examples = launcher.locator(".jp-Launcher-section", has_text="Examples")
    examples.get_by_text("Turtle drawings (Logo)").wait_for()
    lab.screenshot("launcher_with_examples")
    examples.get_by_text("Capitals quiz (PILOT)").click()
    # A student's own capitals-quiz.ipynb is kept; the copy takes the next free name.
    lab.page.locator(".lm-TabBar-tab.lm-mod-current", has_text="capitals-quiz-1.ipynb"
                     ).wait_for(timeout=OPEN_TIMEOUT_MS)
    lab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for()
    assert (jupyter_lab.root / "capitals-quiz.ipynb").read_text() == kept
    copy = json.loads((jupyter_lab.root / "capitals-quiz-1.ipynb").read_text())
    assert copy["metadata"]["kernelspec"]["name"] == "pilot"
    assert any("M:PARIS" in "".join(cell["source"]) for cell in copy["cells"])


def test_launcher_makes_a_new_logo_file(lab, jupyter_lab):
    lab.page.goto(f"{jupyter_lab.url}/lab?reset&token={jupyter_lab.token}")
    launcher = lab.page.locator(".jp-Launcher-body")
    launcher.wait_for(timeout=OPEN_TIMEOUT_MS)
    launcher.locator(".jp-LauncherCard", has_text="Logo File").click()
    editor = lab.page.locator(".jp-FileEditor .cm-content")
    editor.wait_for(timeout=OPEN_TIMEOUT_MS)
    editor.click()
    lab.page.keyboard.type('print "hello ; said')
    wait_for_tokens(lab, editor, [("tok-variableName", "print"), ("tok-string", '"hello'),
                                  ("tok-comment", "; said")])
    assert (jupyter_lab.root / "untitled.logo").exists()
