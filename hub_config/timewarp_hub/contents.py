"""Saving a file so that nobody ever reads it half-written: the contents manager of every server.

jupyter_server's "atomic" save keeps a copy of the old file (``.~name``) and then writes the
new contents into the file itself.  For the moment of the write the file is empty or cut
short, and that is what anyone reading it meanwhile gets.  Reading a notebook that does not
parse, jupyter_server takes it for the remains of a crash: it moves the file aside as
``name.invalid`` and puts the old copy back, under the feet of the save still writing.  The
newest save then ends in ``name.invalid`` and the notebook holds the one before, or one of the
two renames fails and somebody gets a 500.

With several people on one notebook this is an everyday event, not a crash: jupyter-collaboration
saves the shared document a second after each pause in typing, while the others' browsers,
the grader and the hub's own tests read it.  (Seen here: a GET of the notebook answered 400,
"Unreadable Notebook", or 500, while the autosave wrote.)

So a save here writes the new contents into a new hidden file beside the old one, flushes it to
disk and renames it over the old one.  A rename within one folder is atomic on POSIX: a reader
opens either the old file or the new one, whole.  The old file's permissions are kept, and its
group where the owner may give it.  Where
the folder cannot be written but the file can, there is no way to make a new file, and
jupyter_server's own way is used.

:mod:`timewarp_hub.singleuser`, enabled in every Jupyter server of the environment, makes this
the server's contents manager unless another one is configured.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from typing import IO

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager


@contextlib.contextmanager
def replacing_writer(path: str, text: bool = True, encoding: str = "utf-8",
                     **open_args) -> Iterator[IO]:
    """Open a new file beside ``path``; when the block ends well, rename it over ``path``.

    If the block raises, the new file is removed and ``path`` is as it was.
    """
    if os.path.islink(path):  # write where the link points, and keep the link
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    folder, name = os.path.split(path)
    partial = os.path.join(folder, f".~{name}.{secrets.token_hex(4)}.saving")
    # os.open with 0o666 leaves the mode to the umask, as open() would for a new file.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if os.path.exists(path):
            shutil.copymode(path, partial)
            _keep_group(path, partial)
        if text:
            open_args.setdefault("newline", "\n")  # notebooks have Unix line ends everywhere
            stream = open(descriptor, "w", encoding=encoding, **open_args)
        else:
            stream = open(descriptor, "wb", **open_args)
    except BaseException:
        os.close(descriptor)
        os.unlink(partial)
        raise
    try:
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    _sync_folder(folder or ".")


def _keep_group(old: str, new: str) -> None:
    """The new file in the old one's group, where its owner may give it that group (a course
    folder shared through a group stays shared); otherwise the owner's own."""
    try:
        group = os.stat(old).st_gid
        if os.stat(new).st_gid != group:
            os.chown(new, -1, group)
    except OSError:
        pass


def _sync_folder(folder: str) -> None:
    """Make the rename itself survive a power cut (best effort: not every file system can)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class ReplacingContentsManager(AsyncLargeFileManager):
    """jupyter_server's default contents manager, saving by writing a new file and renaming it."""

    @contextlib.contextmanager
    def atomic_writing(self, os_path: str, *args, **kwargs) -> Iterator[IO]:
        folder = os.path.dirname(os_path) or os.getcwd()
        if not self.use_atomic_writing or (os.path.isfile(os_path)
                                           and not os.access(folder, os.W_OK)):
            with super().atomic_writing(os_path, *args, **kwargs) as stream:
                yield stream
            return
        with self.perm_to_403(os_path), replacing_writer(os_path, *args, **kwargs) as stream:
            yield stream
