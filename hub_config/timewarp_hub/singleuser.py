"""What the hub adds to every server it starts: a Jupyter server extension.

Four things, all about working together on a notebook (jupyter-collaboration):

* files are saved so that nobody reads one half-written (:mod:`timewarp_hub.contents`, made
  the server's contents manager when the extension is linked, before the server makes it);

* the share guard (:mod:`timewarp_hub.share_guard`) cuts a visitor off as soon as their
  access to the server ends;
* nothing is lost when the server stops: jupyter-collaboration saves a shared notebook to
  disk a moment (``YDocExtension.document_save_delay``) after the last edit, and its shutdown
  cancels a save still waiting.  An edit made just before the hub stopped the server (the
  idle culler, a teacher, the hub's own restart) would be on the other people's screens but
  not on disk, and the next start reads the disk.  So every open document is saved before
  the collaboration extension stops;
* the server stops cleanly when the hub asks: the hub stops a server with SIGINT, which
  jupyter_server only turns into a clean stop when it runs at a terminal.  Otherwise the
  signal lands as a KeyboardInterrupt somewhere in the event loop; with a notebook room open
  the server then hung until the hub killed it a minute later, unsaved (measured here).

Installing the package enables it in every Jupyter server of the environment
(etc/jupyter/jupyter_server_config.d/timewarp_hub.json, from pyproject.toml), so the hub's
servers and ``make lab`` alike; outside the hub only the saving applies.
"""

from __future__ import annotations

import asyncio
import os
import queue
import signal
import threading

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

from timewarp_hub.contents import ReplacingContentsManager
from timewarp_hub.share_guard import start_share_guard

#: The extension that runs jupyter-collaboration's rooms.
YDOC_EXTENSION = "jupyter_server_ydoc"


async def save_open_documents(ydoc_app, log) -> int:
    """Save every loaded document room now, replacing any save still waiting; return how many."""
    from jupyter_server_ydoc.rooms import DocumentRoom

    rooms = [room for room in ydoc_app.ywebsocket_server.rooms.values()
             if isinstance(room, DocumentRoom) and room.ready]
    # jupyter-collaboration has no public "save now"; this is the coroutine its own save
    # command and autosave run (jupyter-collaboration 5.x, pinned in pyproject.toml).
    results = await asyncio.gather(
        *(room._maybe_save_document(room._saving_document, save_now=True) for room in rooms),
        return_exceptions=True)
    for room, result in zip(rooms, results):
        if isinstance(result, Exception):
            log.error("Could not save %s before stopping: %s", room._file.path, result)
    return len(rooms)


def save_documents_on_stop(serverapp) -> bool:
    """Make the collaboration extension save every open document before it stops."""
    apps = serverapp.extension_manager.extension_apps.get(YDOC_EXTENSION)
    if not apps:
        return False
    for ydoc_app in apps:
        stop = ydoc_app.stop_extension

        async def stop_after_saving(ydoc_app=ydoc_app, stop=stop):
            count = await save_open_documents(ydoc_app, serverapp.log)
            serverapp.log.info("Saved %d open document(s) before stopping", count)
            await stop()
            release_worker_threads()

        ydoc_app.stop_extension = stop_after_saving
    return True


def release_worker_threads() -> int:
    """Tell anyio's worker threads (the collaboration store's) to end; return how many.

    anyio ends them when the task that first used them ends; under tornado's event loop that
    task may still be waiting when the loop stops, and Python's exit then waits for the
    threads for ever (seen here: a stopped server hung until the hub killed it).
    """
    released = 0
    for thread in threading.enumerate():
        if thread.name == "AnyIO worker thread" and isinstance(
                getattr(thread, "queue", None), queue.Queue):
            thread.stopping = True
            try:
                thread.queue.put_nowait(None)  # anyio's "stop" item
                released += 1
            except queue.Full:
                pass  # busy; it finishes its work and Python waits for that as usual
    return released


def stop_cleanly_on_sigint(serverapp) -> bool:
    """Behind the hub, SIGINT stops the server as SIGTERM does (running every shutdown hook)."""
    if not os.environ.get("JUPYTERHUB_USER"):
        return False  # at a terminal, Ctrl-C keeps asking before it stops
    signal.signal(signal.SIGINT, serverapp._signal_stop)
    return True


def _jupyter_server_extension_points():
    return [{"module": "timewarp_hub.singleuser"}]


def use_replacing_contents_manager(serverapp) -> bool:
    """Make the server save through timewarp_hub.contents, unless it was configured otherwise."""
    if serverapp.contents_manager_class is not AsyncLargeFileManager:
        serverapp.log.info("Time Warp: keeping the configured contents manager %s",
                           serverapp.contents_manager_class.__name__)
        return False
    serverapp.contents_manager_class = ReplacingContentsManager
    return True


def _link_jupyter_server_extension(serverapp) -> None:
    # Linking comes before the server makes its contents manager; loading comes after.
    use_replacing_contents_manager(serverapp)


def _load_jupyter_server_extension(serverapp) -> None:
    guarded = start_share_guard(serverapp) is not None
    saving = save_documents_on_stop(serverapp)
    stop_cleanly_on_sigint(serverapp)
    serverapp.log.info("Time Warp: share guard %s, save on stop %s, files saved by %s",
                       "on" if guarded else "off (not behind JupyterHub)",
                       "on" if saving else "off (no jupyter-collaboration)",
                       type(serverapp.contents_manager).__name__)
