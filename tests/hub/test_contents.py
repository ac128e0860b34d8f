"""Saving notebooks while others read them: timewarp_hub.contents, the servers' contents manager.

The manager is jupyter_server's own (AsyncLargeFileManager) on a real folder; only its way of
writing is ours.  jupyter_server's "atomic" save writes into the file itself, so a reader in the
meantime reads a notebook cut short, "repairs" it from the backup and loses the save
(see the module's docstring).
"""

from __future__ import annotations

import asyncio
import grp
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from timewarp_hub.contents import ReplacingContentsManager, replacing_writer


def notebook(version: int) -> dict:
    """A notebook of a few hundred kilobytes, so that writing it takes a while."""
    cells = [nbformat.v4.new_code_cell(f"{line} PRINT \"VERSION {version}\"" + " " * 500)
             for line in range(10, 6000, 10)]
    return {"type": "notebook", "content": nbformat.v4.new_notebook(cells=cells)}


def version_of(model: dict) -> int:
    source = model["content"]["cells"][0]["source"]
    source = "".join(source)  # as a list of lines in the file itself
    return int(source.split("VERSION ")[1].split('"')[0])


async def save_while_reading(manager, saves: int) -> tuple[list, list[list[int]]]:
    """Save `saves` versions one after another while two readers read as fast as they can.

    Returns what went wrong for the readers and the writer, and the versions each reader saw,
    in order.
    """
    errors, seen = [], [[], []]
    done = asyncio.Event()

    async def reader(versions: list[int]):
        while not done.is_set():
            try:
                versions.append(version_of(await manager.get("shared.ipynb")))
            except Exception as error:  # what a browser would have been answered
                errors.append(repr(error))
            await asyncio.sleep(0)

    async def writer():
        try:
            for version in range(1, saves + 1):
                await manager.save(notebook(version), "shared.ipynb")
                await asyncio.sleep(0)
        except Exception as error:  # what the autosave would have been answered
            errors.append(repr(error))
        finally:
            done.set()

    await manager.save(notebook(0), "shared.ipynb")
    await asyncio.gather(reader(seen[0]), reader(seen[1]), writer())
    return errors, seen


def on_disk(folder: Path) -> tuple[list[str], int | None]:
    """The files in the folder (but the checkpoints' own), and the version of the notebook there,
    read as a plain file."""
    names = sorted(p.name for p in folder.iterdir() if p.name != ".ipynb_checkpoints")
    try:
        content = {"content": json.loads((folder / "shared.ipynb").read_text())}
    except (OSError, ValueError):
        return names, None
    return names, version_of(content)


def test_a_reader_never_sees_a_notebook_half_saved_and_no_save_is_lost(tmp_path):
    manager = ReplacingContentsManager(root_dir=str(tmp_path))
    errors, seen = asyncio.run(save_while_reading(manager, saves=40))
    assert errors == []
    for versions in seen:
        assert len(versions) > 10, "each reader should have read many times during the saves"
        assert versions == sorted(versions), "a reader went back to an older save"
    # The last save is there, and nothing beside it: no partial file, no ".invalid" copy.
    assert on_disk(tmp_path) == (["shared.ipynb"], 40)


def test_jupyter_servers_own_save_does_lose_work_here(tmp_path):
    """The reason for the module: the same reading and saving with jupyter_server's manager."""
    manager = AsyncLargeFileManager(root_dir=str(tmp_path))
    errors, _ = asyncio.run(save_while_reading(manager, saves=40))
    assert errors or on_disk(tmp_path) != (["shared.ipynb"], 40), (
        "jupyter_server's save no longer races its readers: timewarp_hub.contents may go")


def test_a_save_that_fails_part_way_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "story.txt"
    target.write_text("once upon a time\n")
    with pytest.raises(RuntimeError), replacing_writer(str(target)) as stream:
        stream.write("the end of the")
        raise RuntimeError("the disk filled up")
    assert target.read_text() == "once upon a time\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_a_save_keeps_the_files_permissions_and_a_link_stays_a_link(tmp_path):
    manager = ReplacingContentsManager(root_dir=str(tmp_path))
    asyncio.run(manager.save(notebook(1), "private.ipynb"))
    target = tmp_path / "private.ipynb"
    target.chmod(0o600)
    (tmp_path / "link.ipynb").symlink_to("private.ipynb")
    asyncio.run(manager.save(notebook(2), "link.ipynb"))
    assert (tmp_path / "link.ipynb").is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert version_of(asyncio.run(manager.get("private.ipynb"))) == 2


def test_a_new_file_gets_the_umask_mode_as_any_new_file(tmp_path):
    manager = ReplacingContentsManager(root_dir=str(tmp_path))
    old = os.umask(0o027)
    try:
        asyncio.run(manager.save({"type": "file", "format": "text", "content": "10 END\n"},
                                 "new.bas"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.bas").stat().st_mode) == 0o640
    assert (tmp_path / "new.bas").read_text() == "10 END\n"


SAVE_AS_SOMEONE = """
import asyncio, sys
from timewarp_hub.contents import ReplacingContentsManager
manager = ReplacingContentsManager(root_dir=sys.argv[1])
asyncio.run(manager.save({"type": "file", "format": "text", "content": "new\\n"},
                         "fixed/answers.txt"))
"""


def test_a_file_in_a_folder_nobody_may_write_is_still_saved(tmp_path):
    """A teacher's read-only folder with one writable file: no new file can be made beside it.

    Run by an ordinary user (nobody, when the tests run as root, who may write anywhere).
    """
    home = Path(tempfile.mkdtemp(prefix="twtest-contents-"))
    try:
        home.chmod(0o755)
        folder = home / "fixed"
        folder.mkdir()
        (folder / "answers.txt").write_text("old\n")
        nobody = pwd.getpwnam("nobody")
        if os.geteuid() == 0:
            os.chown(folder / "answers.txt", nobody.pw_uid, nobody.pw_gid)
        (folder / "answers.txt").chmod(0o644)
        folder.chmod(0o555)

        def become_nobody():
            if os.geteuid() == 0:
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
        saved = subprocess.run([sys.executable, "-c", SAVE_AS_SOMEONE, str(home)],
                               capture_output=True, text=True, preexec_fn=become_nobody)
        assert saved.returncode == 0, saved.stderr
        assert (folder / "answers.txt").read_text() == "new\n"
        assert sorted(p.name for p in folder.iterdir()) == ["answers.txt"]
    finally:
        (home / "fixed").chmod(0o755)
        shutil.rmtree(home)


SERVER_CONTENTS_MANAGER = """
import sys
from jupyter_server.serverapp import ServerApp
app = ServerApp()
app.initialize(argv=["--ServerApp.open_browser=False", "--ServerApp.root_dir=" + sys.argv[1],
                     *sys.argv[2:]])
kind = type(app.contents_manager)
print(kind.__module__ + "." + kind.__qualname__)
"""


def server_contents_manager(folder: Path, *options: str) -> str:
    """The contents manager a Jupyter server of this environment makes (not started)."""
    shown = subprocess.run([sys.executable, "-c", SERVER_CONTENTS_MANAGER, str(folder), *options],
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / "runtime")})
    assert shown.returncode == 0, shown.stderr
    return shown.stdout.strip().splitlines()[-1]


def test_every_jupyter_server_of_the_environment_uses_it(tmp_path):
    assert server_contents_manager(tmp_path) == "timewarp_hub.contents.ReplacingContentsManager"


def test_a_contents_manager_configured_otherwise_is_kept(tmp_path):
    other = "jupyter_server.services.contents.filemanager.AsyncFileContentsManager"
    assert server_contents_manager(tmp_path, f"--ServerApp.contents_manager_class={other}") == other


def test_a_save_keeps_the_files_group(tmp_path):
    """A notebook shared with a group (a course folder) stays in that group when saved."""
    groups = [g for g in os.getgroups() if g != os.getegid()]
    if os.geteuid() == 0:
        groups = [grp.getgrnam("nogroup").gr_gid]   # root may give a file any group
    if not groups:
        pytest.skip("this user belongs to one group only: no other group to keep")
    manager = ReplacingContentsManager(root_dir=str(tmp_path))
    asyncio.run(manager.save(notebook(1), "shared.ipynb"))
    os.chown(tmp_path / "shared.ipynb", -1, groups[0])
    asyncio.run(manager.save(notebook(2), "shared.ipynb"))
    assert (tmp_path / "shared.ipynb").stat().st_gid == groups[0]
