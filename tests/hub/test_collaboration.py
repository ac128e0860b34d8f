"""Working together on one notebook through a real hub: Python clients (pycrdt + jupyter_ydoc)
in jupyter-collaboration's rooms, sharing fenced by course, revocation that cuts a person off,
and no acknowledged edit lost when a collaborator drops out or the server restarts."""

from __future__ import annotations

import asyncio
import re
import time

import pytest
from timewarp_hub.client import HubUser
from timewarp_hub.collaboration import NotebookPeer

pytestmark = pytest.mark.hub

PASSWORD = "demo-test-password"
OWNER = "student1"
LIVENESS = 30  # seconds; generous, this machine is shared


@pytest.fixture(scope="module")
def hub(hub_launcher, tmp_path_factory):
    with hub_launcher(tmp_path_factory.mktemp("collaboration-hub")) as running:
        running.manage("user", "add", "outsider", "--group", "other-course",
                       "--password", PASSWORD)
        yield running


@pytest.fixture(scope="module")
def owner(hub):
    person = hub.user(OWNER)
    asyncio.run(person.start_server())
    return person


@pytest.fixture(scope="module")
def classmate(hub):
    return hub.user("student2")


@pytest.fixture(scope="module")
def teacher(hub):
    return hub.user("teacher1")


@pytest.fixture(scope="module")
def outsider(hub):
    return hub.user("outsider")


def code_cell(source: str) -> dict:
    return {"cell_type": "code", "source": source, "metadata": {}, "outputs": [],
            "execution_count": None}


def put_notebook(person: HubUser, name: str, sources: list[str]) -> None:
    notebook = {"cells": [code_cell(s) for s in sources], "nbformat": 4, "nbformat_minor": 5,
                "metadata": {"kernelspec": {"name": "basic", "display_name": "BASIC (Time Warp)",
                                            "language": "basic"}}}
    answer = asyncio.run(person.request("PUT", f"/user/{OWNER}/api/contents/{name}",
                                        {"type": "notebook", "format": "json",
                                         "content": notebook}))
    assert answer.status in (200, 201), answer.body


async def disk_sources(person: HubUser, name: str) -> list[str]:
    answer = await person.request("GET", f"/user/{OWNER}/api/contents/{name}")
    assert answer.status == 200, answer.body
    return [cell["source"] for cell in answer.json()["content"]["cells"]]


async def wait_for_disk(person: HubUser, name: str, expected: list[str]) -> None:
    """The autosave writes the shared document a moment after the last edit."""
    deadline = time.monotonic() + LIVENESS
    while (found := await disk_sources(person, name)) != expected:
        assert time.monotonic() < deadline, f"on disk {found!r}, expected {expected!r}"
        await asyncio.sleep(0.2)


def type_into(peer: NotebookPeer, cell: int, text: str, at_end: bool = True) -> None:
    source = peer.notebook.ycells[cell]["source"]
    source.insert(len(source) if at_end else 0, text)


def share(owner: HubUser, body: dict):
    return asyncio.run(owner.request("POST", f"/hub/api/shares/{OWNER}/", body))


def revoke(owner: HubUser, name: str) -> None:
    answer = asyncio.run(owner.request("PATCH", f"/hub/api/shares/{OWNER}/", {"user": name}))
    assert answer.status == 200, answer.body


@pytest.fixture
def shared_with_classmate(owner, classmate):
    assert share(owner, {"user": classmate.name}).status == 200
    yield
    revoke(owner, classmate.name)


def test_two_clients_edit_one_notebook_and_converge(owner, classmate, shared_with_classmate):
    put_notebook(owner, "pair.ipynb", ["10 PRINT \"HELLO\"", "FD 50"])

    async def scenario():
        a = NotebookPeer(owner, OWNER, "pair.ipynb")
        b = NotebookPeer(classmate, OWNER, "pair.ipynb")
        await a.join()
        await b.join()
        assert a.sources() == b.sources() == ["10 PRINT \"HELLO\"", "FD 50"]
        # Both type into the same cell at once, one at each end, and each adds a cell.
        for i in range(20):
            type_into(a, 0, f" A{i}")
            type_into(b, 0, f"B{i} ", at_end=False)
            if i % 4 == 0:
                await asyncio.sleep(0.01)
        type_into(b, 1, "\nRT 90")
        a.notebook.append_cell(code_cell("20 GOTO 10"))
        b.notebook.append_cell(code_cell("T:Well done"))

        def complete(peer):
            cells = peer.sources()
            return (len(cells) == 4 and all(f"A{i}" in cells[0] and f"B{i}" in cells[0]
                                            for i in range(20)) and cells[1] == "FD 50\nRT 90")
        await a.wait_for(complete, LIVENESS, "every edit")
        await b.wait_for(complete, LIVENESS, "every edit")
        await a.wait_for(lambda p: p.sources() == b.sources(), LIVENESS, "the same notebook")
        assert {a.sources()[2], a.sources()[3]} == {"20 GOTO 10", "T:Well done"}
        assert re.fullmatch(r'(B\d+ )+10 PRINT "HELLO"( A\d+)+', a.sources()[0])
        await wait_for_disk(owner, "pair.ipynb", a.sources())
        await a.leave()
        await b.leave()
    asyncio.run(scenario())


def test_a_share_outside_the_owners_courses_is_refused(owner, outsider):
    refused = share(owner, {"user": outsider.name})
    assert refused.status == 403
    assert "only share with people in their own courses" in refused.json()["message"]
    assert share(owner, {"group": "other-course"}).status == 403
    shares = asyncio.run(owner.request("GET", f"/hub/api/shares/{OWNER}/")).json()["items"]
    assert [s["user"]["name"] for s in shares if s["user"]] == []
    assert asyncio.run(outsider.request("GET", f"/user/{OWNER}/api/contents")).status == 403


def page_visit(person: HubUser, method: str, path: str, form: dict | None = None):
    """A browser-like visit with the login cookie (and the xsrf token in a form)."""
    if form is not None:
        form = {**form, "_xsrf": person.cookies["_xsrf"]}
    return asyncio.run(person.request(method, path, token="", form=form))


def test_a_share_code_works_for_a_classmate_only(owner, classmate, outsider):
    made = asyncio.run(owner.request("POST", f"/hub/api/share-codes/{OWNER}/", {}))
    assert made.status == 200
    code = made.json()["code"]
    for method, form in (("GET", None), ("POST", {})):
        refused = page_visit(outsider, method, f"/hub/accept-share?code={code}", form)
        assert refused.status == 403
        assert b"only share with people in their own courses" in refused.body
    assert asyncio.run(outsider.request("GET", f"/user/{OWNER}/api/contents")).status == 403
    assert page_visit(classmate, "GET", f"/hub/accept-share?code={code}").status == 200
    accepted = page_visit(classmate, "POST", f"/hub/accept-share?code={code}", {})
    assert accepted.status == 302
    assert asyncio.run(classmate.request("GET", f"/user/{OWNER}/api/contents")).status == 200
    revoke(owner, classmate.name)
    asyncio.run(owner.request("DELETE", f"/hub/api/share-codes/{OWNER}/"))


def test_the_share_dialog_lists_only_classmates(owner, teacher, outsider):
    listed = {u["name"] for u in asyncio.run(owner.request("GET", "/hub/api/users")).json()}
    assert listed == {"student1", "student2", "teacher1"}
    assert asyncio.run(owner.request("GET", "/hub/api/users/outsider")).status == 404
    assert asyncio.run(owner.request("GET", "/hub/api/users/student2")).json()["name"] == "student2"
    theirs = {u["name"] for u in asyncio.run(outsider.request("GET", "/hub/api/users")).json()}
    assert theirs == {"outsider"}


def test_revoking_a_share_cuts_the_classmate_off_at_once(owner, classmate):
    put_notebook(owner, "revoke.ipynb", ["PRINT 1"])
    assert share(owner, {"user": classmate.name}).status == 200

    async def scenario():
        b = NotebookPeer(classmate, OWNER, "revoke.ipynb")
        await b.join()
        assert (await classmate.request("GET", f"/user/{OWNER}/api/contents")).status == 200
        answer = await owner.request("PATCH", f"/hub/api/shares/{OWNER}/", {"user": classmate.name})
        assert answer.status == 200
        await b.wait_for(lambda p: not p.connected, LIVENESS, "the room close")
        assert b.connection.close_code == 4403
        assert (await classmate.request("GET", f"/user/{OWNER}/api/contents")).status == 403
        with pytest.raises(Exception, match="403"):
            await NotebookPeer(classmate, OWNER, "revoke.ipynb").join()
        await b.drop()
    asyncio.run(scenario())


def test_a_teacher_of_the_course_joins_without_a_share(owner, teacher):
    put_notebook(owner, "help.ipynb", ["FD 10"])

    async def scenario():
        a, t = NotebookPeer(owner, OWNER, "help.ipynb"), NotebookPeer(teacher, OWNER, "help.ipynb")
        await a.join()
        await t.join()
        type_into(t, 0, "\nRT 90 ; try turning")
        await a.wait_for(lambda p: p.sources() == ["FD 10\nRT 90 ; try turning"], LIVENESS)
        await a.leave()
        await t.leave()
    asyncio.run(scenario())


def test_the_users_server_saves_so_that_nobody_reads_a_notebook_half_written(hub, owner):
    """The drop and restart tests read the notebook while the autosave writes it (see
    timewarp_hub.contents, and tests/hub/test_contents.py for the race itself)."""
    assert "files saved by ReplacingContentsManager" in hub.log_text()


def test_a_collaborator_dropping_mid_edit_loses_nothing_acknowledged(
        owner, classmate, shared_with_classmate):
    put_notebook(owner, "drop.ipynb", ["10 REM start"])

    async def scenario():
        a = NotebookPeer(owner, OWNER, "drop.ipynb")
        b = NotebookPeer(classmate, OWNER, "drop.ipynb")
        await a.join()
        await b.join()
        for i in range(10):
            type_into(b, 0, f"\n{20 + 10 * i} PRINT {i}")
        # Acknowledged: the owner's copy holds them (they went through the server).
        await a.wait_for(lambda p: "110 PRINT 9" in p.sources()[0], LIVENESS, "b's edits")
        type_into(b, 0, "\n120 PRINT \"HALF")  # typing on when the lid closes
        await b.drop()
        type_into(a, 0, "\n130 END")
        expected_start = "10 REM start" + "".join(f"\n{20 + 10 * i} PRINT {i}" for i in range(10))
        assert a.sources()[0].startswith(expected_start)
        await wait_for_disk(owner, "drop.ipynb", a.sources())
        # The one who dropped comes back (a browser reload) and sees what the other sees.
        again = NotebookPeer(classmate, OWNER, "drop.ipynb")
        await again.join()
        await again.wait_for(lambda p: p.sources() == a.sources(), LIVENESS, "the notebook")
        await again.leave()
        await a.leave()
    asyncio.run(scenario())


def test_a_server_restart_keeps_every_acknowledged_edit(owner, classmate, shared_with_classmate):
    put_notebook(owner, "restart.ipynb", ["REPEAT 4 [FD 50 RT 90]"])

    async def scenario():
        a, b = NotebookPeer(owner, OWNER, "restart.ipynb"), NotebookPeer(classmate, OWNER,
                                                                         "restart.ipynb")
        await a.join()
        await b.join()
        type_into(a, 0, "\nPU HOME")
        a.notebook.append_cell(code_cell("PRINT \"SQUARE\""))
        await b.wait_for(lambda p: p.sources() == ["REPEAT 4 [FD 50 RT 90]\nPU HOME",
                                                   "PRINT \"SQUARE\""], LIVENESS, "a's edits")
        seen = b.sources()
        # Stop at once: well inside the autosave's one-second delay.
        assert await owner.stop_server() in (202, 204)
        await a.wait_for(lambda p: not p.connected, LIVENESS, "the server stopping")
        await b.drop()
        await a.drop()
        await wait_until_stopped(owner)
        await owner.start_server()
        assert await disk_sources(owner, "restart.ipynb") == seen
        back = NotebookPeer(classmate, OWNER, "restart.ipynb")
        await back.join()
        assert back.sources() == seen
        await back.leave()
    asyncio.run(scenario())


async def wait_until_stopped(person: HubUser) -> None:
    deadline = time.monotonic() + LIVENESS
    while (await person.request("GET", f"/hub/api/users/{person.name}")).json()["servers"]:
        assert time.monotonic() < deadline, "the server did not stop"
        await asyncio.sleep(0.2)
