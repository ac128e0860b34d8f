"""Two students on a real hub in Debian's chromium: one types a Logo cell, draws with the turtle
and shares the server from JupyterLab's Share button; the classmate opens the link and sees the
cell and the picture; a student of another course is turned away.

(It lives beside the hub fixtures in tests/hub; it is a browser test as well.)"""

from __future__ import annotations

import asyncio
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = [pytest.mark.hub, pytest.mark.browser]

PASSWORD = "demo-test-password"
OWNER = "student1"
TIMEOUT_MS = 60_000
DRAWING = "repeat 4 [forward 80 right 90]"
NOTEBOOK = "together.ipynb"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def hub(hub_launcher, tmp_path_factory):
    with hub_launcher(tmp_path_factory.mktemp("sharing-hub")) as running:
        running.manage("user", "add", "outsider", "--group", "other-course",
                       "--password", PASSWORD)
        yield running


@pytest.fixture(scope="module")
def owners_notebook(hub):
    """student1's server, running, with an empty Logo notebook; the others have logged in
    once, so the hub knows them (all before any browser starts: Playwright's sync API and
    asyncio.run cannot share the main thread)."""
    owner = hub.user(OWNER)
    for name in ("student2", "teacher1", "outsider"):
        hub.user(name)
    notebook = {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": [],
                           "execution_count": None}],
                "metadata": {"kernelspec": {"name": "logo", "display_name": "Logo (Time Warp)",
                                            "language": "logo"}},
                "nbformat": 4, "nbformat_minor": 5}

    async def prepare():
        await owner.start_server()
        answer = await owner.request("PUT", f"/user/{OWNER}/api/contents/{NOTEBOOK}",
                                     {"type": "notebook", "format": "json", "content": notebook})
        assert answer.status == 201, answer.body
    asyncio.run(prepare())
    return owner


def log_in(browser, hub, name: str):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(hub.url + "/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(re.compile(r"/hub/|/user/"))
    return page


@contextmanager
def screenshots_on_failure(pages: dict):
    """Keep a picture of every open page in test-artifacts/ when the block fails."""
    try:
        yield
    except BaseException:
        ARTIFACTS.mkdir(exist_ok=True)
        for name, page in pages.items():
            page.screenshot(path=str(ARTIFACTS / f"sharing-{name}.png"), full_page=True)
        raise


def open_notebook(page, url: str) -> None:
    page.goto(url)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)


def test_a_classmate_opens_the_shared_server_and_an_outsider_is_refused(
        hub, owners_notebook, browser):
    pages = {}
    with screenshots_on_failure(pages):
        owner = pages["owner"] = log_in(browser, hub, OWNER)
        open_notebook(owner, f"{hub.url}/user/{OWNER}/lab/tree/{NOTEBOOK}?reset")
        # Typing before the kernel is connected would leave the cell unrun.
        owner.locator(".jp-NotebookPanel .jp-KernelName:not(:has-text('No Kernel'))").wait_for(
            timeout=120_000)
        owner.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
            timeout=120_000)
        owner.locator(".jp-Cell .cm-content").first.click()
        owner.keyboard.type(DRAWING)
        owner.keyboard.press("Shift+Enter")
        owner.locator(".jp-Cell").first.locator(".jp-OutputArea img").wait_for(timeout=120_000)

        owner.locator("[data-command='collaboration:shared-link']").click()
        owner.locator(".jp-ManageSharesBody-user-item", has_text="student2").wait_for()
        # Only the people of the owner's course are offered.
        assert owner.locator(".jp-ManageSharesBody-user-item").all_inner_texts() == [
            "student2", "teacher1"]
        owner.locator(".jp-ManageSharesBody-user-item", has_text="student2").click()
        owner.locator(".jp-ManageSharesBody-selected-users", has_text="student2").wait_for()
        link = owner.locator(".jp-ManageSharesBody-url-input").input_value()
        assert link == f"{hub.url}/user/{OWNER}/lab/tree/{NOTEBOOK}"
        owner.get_by_role("button", name="Close").click()

        classmate = pages["classmate"] = log_in(browser, hub, "student2")
        classmate.goto(link)
        # JupyterHub asks once before another person's server may identify them.
        classmate.get_by_role("button", name="Authorize").click()
        classmate.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)
        first_cell = classmate.locator(".jp-Cell").first
        first_cell.locator(".cm-content", has_text=DRAWING).wait_for()
        picture = first_cell.locator(".jp-OutputArea img")
        picture.wait_for()
        assert picture.evaluate("img => img.complete && img.naturalWidth") > 100

        outsider = pages["outsider"] = log_in(browser, hub, "outsider")
        refused = outsider.goto(link)
        assert refused.status == 403
        assert outsider.get_by_text("You do not have permission to access").first.is_visible()
        assert outsider.locator("#jp-main-dock-panel").count() == 0
    for page in pages.values():
        page.context.close()
