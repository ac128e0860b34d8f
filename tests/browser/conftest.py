"""A real JupyterLab in a real browser, for every browser test.

Fixtures (all tests here carry the ``browser`` marker automatically):

``jupyter_lab`` (session)
    A running ``jupyter lab`` on 127.0.0.1 with a free port and a random token, its own
    root folder, settings, workspaces and runtime folders, and the "Jupyter news" pop-up
    turned off.  Attributes: ``url``, ``token``, ``root`` (a Path: put notebooks there),
    ``log`` (a Path to the server's output, useful when a test fails).
``browser`` (session)
    Debian's chromium driven by Playwright's sync API (``/usr/bin/chromium``, headless).
``page`` (function)
    A fresh browser tab (1280x900).  When the test fails, a screenshot goes to
    ``test-artifacts/<test name>.png``.
``lab`` (function)
    A :class:`LabPage` over ``page`` and ``jupyter_lab`` with the steps a student takes:
    ``write_notebook(name, kernel, cells)`` writes a notebook for ``kernel`` ("basic",
    "logo", "pilot", "python3") holding the given cell sources; ``open(name)`` opens it
    in a fresh workspace and waits until its kernel is idle; ``kernel_name`` is the
    kernel's name in the notebook's toolbar; ``run_cell(i)`` runs cell
    ``i``; ``answer_input(text)`` types into the stdin box and presses Enter and returns
    the prompt shown; ``wait_idle()`` waits for the kernel; ``cell(i)`` is a locator for
    cell ``i`` and ``output_text(i)`` the text of its outputs; ``save()`` saves and waits
    until the file is written; ``screenshot(name)`` keeps a picture in test-artifacts/.
    ``lab.page`` is the Playwright page, for anything else.

Every test here gets a new tab but shares one server: give each notebook its own name.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from timewarp.testing import JupyterLabServer, running_jupyter_lab

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
KERNELSPECS = {  # name: (display name, language)
    "basic": ("BASIC (Time Warp)", "basic"),
    "logo": ("Logo (Time Warp)", "logo"),
    "pilot": ("PILOT (Time Warp)", "pilot"),
    "python3": ("Python 3 (ipykernel)", "python"),
}
TIMEOUT_MS = 30_000
OPEN_TIMEOUT_MS = 120_000
CURRENT_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # Mark before pytest's own hook deselects by marker, so `-m "not browser"` skips these.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.browser_test_failed = report.failed


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory):
    with running_jupyter_lab(tmp_path_factory.mktemp("jupyter_lab")) as server:
        yield server


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.set_default_navigation_timeout(OPEN_TIMEOUT_MS)
    yield tab
    if getattr(request.node, "browser_test_failed", False):
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


class LabPage:
    """The steps a student takes in JupyterLab, as Playwright actions."""

    def __init__(self, page, server: JupyterLabServer) -> None:
        self.page = page
        self.server = server
        # On a busy machine JupyterLab offers to stop waiting for a slow document; keep waiting.
        page.add_locator_handler(page.get_by_role("button", name="Continue waiting"),
                                 lambda button: button.click())

    def write_notebook(self, name: str, kernel: str, cells: list[str]) -> Path:
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
        display_name, language = KERNELSPECS[kernel]
        notebook.metadata["kernelspec"] = {"name": kernel, "display_name": display_name,
                                           "language": language}
        path = self.server.root / name
        nbformat.write(notebook, path)
        return path

    def open(self, name: str) -> None:
        self.page.goto(f"{self.server.url}/lab/tree/{name}?reset&token={self.server.token}")
        # The first notebook waits for the lab's assets and the first kernel to start.
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=OPEN_TIMEOUT_MS)
        self.page.locator(f"{CURRENT_PANEL} .jp-KernelName:not(:has-text('No Kernel'))"
                          ).wait_for(timeout=OPEN_TIMEOUT_MS)
        self.wait_idle(timeout=OPEN_TIMEOUT_MS)

    @property
    def kernel_name(self) -> str:
        """The kernel's display name in the notebook's toolbar."""
        return self.page.locator(f"{CURRENT_PANEL} .jp-KernelName").inner_text()

    def wait_idle(self, timeout: float = TIMEOUT_MS) -> None:
        self.page.locator(f"{CURRENT_PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']"
                          ).wait_for(timeout=timeout)

    def cell(self, index: int):
        return self.page.locator(f"{CURRENT_PANEL} .jp-Notebook .jp-Cell").nth(index)

    def run_cell(self, index: int) -> None:
        self.cell(index).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Shift+Enter")

    def answer_input(self, text: str) -> str:
        stdin = self.page.locator(".jp-Stdin").first
        stdin.wait_for()
        # Hold this very box: the program's next question may open a new one before it goes.
        asked = stdin.element_handle()
        prompt = stdin.locator(".jp-Stdin-prompt").inner_text()
        box = stdin.locator(".jp-Stdin-input")
        box.fill(text)
        box.press("Enter")
        asked.wait_for_element_state("hidden")
        return prompt

    def output_text(self, index: int) -> str:
        return self.cell(index).locator(".jp-OutputArea").inner_text()

    def save(self) -> None:
        self.page.keyboard.press("Control+s")
        self.page.locator(".lm-DockPanel .lm-TabBar-tab.lm-mod-current:not(.jp-mod-dirty)"
                          ).wait_for()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def lab(page, jupyter_lab):
    return LabPage(page, jupyter_lab)
