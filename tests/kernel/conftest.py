"""Real kernels for the kernel tests, started through jupyter_client as a front end would.

Fixtures:
    start_kernel(name)  start a kernel by kernelspec name ("basic", "logo", "pilot", or "toy",
                        the test language in toy_language.py); returns (manager, client); the
                        kernel is shut down after the test.
    module_kernel(name) the same, but one kernel per name shared by the tests of a module
                        (kernels take seconds to start on a busy machine).
    run_cell(client, code, answers=(), allow_stdin=True, timeout=10)
                        execute ``code``, answering input requests with ``answers`` in order;
                        returns a CellRun with the reply content, the iopub messages, the
                        stdout and stderr texts and the prompts seen.
    reply_to(client, msg_id, timeout=10)
                        the shell reply to request ``msg_id``, skipping others (such as a
                        second kernel_info_reply left over from start-up).
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_kernel_test import msgspec_v5

HERE = Path(__file__).parent

# The messaging spec defines the comm messages that carry widgets (the live turtle canvas),
# but jupyter_kernel_test's validator has no schema for them and fails with a KeyError.
_COMM = {"comm_id": {"type": "string"}, "data": {"type": "object"}}
msgspec_v5.schema_fragments.setdefault("comm_open", {
    "properties": {**_COMM, "target_name": {"type": "string"}},
    "required": ["comm_id", "target_name", "data"]})
msgspec_v5.schema_fragments.setdefault("comm_msg", {"properties": _COMM})
msgspec_v5.schema_fragments.setdefault("comm_close", {"properties": _COMM})


@dataclass
class CellRun:
    reply: dict
    messages: list[dict] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)

    def stream(self, name: str) -> str:
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    @property
    def stdout(self) -> str:
        return self.stream("stdout")

    @property
    def stderr(self) -> str:
        return self.stream("stderr")

    def of_type(self, msg_type: str) -> list[dict]:
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]


def _toy_spec_dir(root: Path) -> Path:
    spec = root / "kernels" / "toy"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "toy_language", "-f", "{connection_file}"],
        "display_name": "Toy", "language": "toy", "interrupt_mode": "signal",
        "env": {"PYTHONPATH": os.pathsep.join(filter(None, [str(HERE),
                                                            os.environ.get("PYTHONPATH")]))},
    }))
    return spec.parent


class KernelPool:
    """Kernels started by name, all shut down together."""

    def __init__(self, spec_root: Path) -> None:
        self.spec_root = spec_root
        self.started: list[tuple[KernelManager, object]] = []

    def start(self, name: str):
        specs = KernelSpecManager()
        if name == "toy":
            specs.kernel_dirs = [str(_toy_spec_dir(self.spec_root / str(len(self.started))))]
        manager = KernelManager(kernel_name=name, kernel_spec_manager=specs)
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        self.started.append((manager, client))
        return manager, client

    def shutdown(self) -> None:
        for manager, client in self.started:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


@pytest.fixture
def start_kernel(tmp_path):
    pool = KernelPool(tmp_path)
    yield pool.start
    pool.shutdown()


@pytest.fixture(scope="module")
def module_kernel(tmp_path_factory):
    pool = KernelPool(tmp_path_factory.mktemp("kernels"))
    by_name: dict[str, tuple] = {}

    def get(name: str):
        if name not in by_name:
            by_name[name] = pool.start(name)
        return by_name[name]

    yield get
    pool.shutdown()


@pytest.fixture
def reply_to():
    def wait(client, msg_id: str, timeout: float = 10) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            reply = client.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
    return wait


@pytest.fixture
def run_cell():
    def run(client, code: str, answers=(), allow_stdin: bool = True,
            timeout: float = 20) -> CellRun:
        pending = list(answers)
        messages: list[dict] = []
        prompts: list[str] = []

        def answer(msg):
            prompts.append(msg["content"]["prompt"])
            client.input(pending.pop(0) if pending else "\x04")

        # stop_on_error=False: after an error, ipykernel aborts requests that arrive before it
        # has cleared its queue, and these tests send the next cell right away.
        reply = client.execute_interactive(
            code, timeout=timeout, allow_stdin=allow_stdin, stdin_hook=answer,
            output_hook=messages.append, stop_on_error=False)
        return CellRun(reply["content"], messages, prompts)

    return run
