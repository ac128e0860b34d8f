"""The images' Dockerfile, read instruction by instruction (docker cannot build here): the
README's install (`make setup` on Debian 12 with Python 3.11 and Node 20), the jovyan user
with UID 1000, jupyterhub-singleuser as the command, a hub target for Zero to JupyterHub, and
an ignore file that keeps a checkout's own environment out of the image. What the steps
install is then checked against the environment `make setup` built for these tests."""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "helm" / "image" / "Dockerfile"
IGNORE = ROOT / "helm" / "image" / "Dockerfile.dockerignore"


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    logical, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        current += " " + stripped.rstrip("\\").strip()
        if not stripped.endswith("\\"):
            logical.append(current.strip())
            current = ""
    assert not current, "the Dockerfile ends inside a continued line"
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in logical]


def stages(steps: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    found, name = {}, None
    for instruction, args in steps:
        if instruction == "FROM":
            words = args.split()
            name = words[-1] if len(words) == 3 and words[1].upper() == "AS" else words[0]
            found[name] = [("FROM", words[0])]
        else:
            assert name, f"{instruction} before FROM"
            found[name].append((instruction, args))
    return found


@pytest.fixture(scope="module")
def image():
    return stages(instructions(DOCKERFILE.read_text()))


def last(stage, instruction):
    return [args for ins, args in stage if ins == instruction][-1]


def test_the_notebook_image_installs_as_the_readme_does(image):
    notebook = image["notebook"]
    base = notebook[0][1]
    assert re.fullmatch(r"node:20-bookworm(-slim)?", base), base  # Debian 12 and Node 20
    runs = " && ".join(args for ins, args in notebook if ins == "RUN")
    assert "make setup" in runs
    for package in ("python3", "python3-venv", "make", "postgresql-client", "tini"):
        assert re.search(rf"\s{re.escape(package)}(\s|$)", runs), package
    # `make setup` is the README's set-up: a venv from Debian's Python 3.11, the project with
    # its kernels and extension, configurable-http-proxy from npm.
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^setup: .*\$\(INSTALLED\)", makefile, re.M)
    assert "/usr/bin/python3" in makefile
    assert "make run" in (ROOT / "README.md").read_text()
    assert sys.version_info[:2] == (3, 11)  # the Python this suite runs is the image's


def test_servers_run_jupyterhub_singleuser_as_jovyan_1000(image):
    server = image["singleuser"]
    assert server[0][1] == "notebook"
    assert list(image)[-1] == "singleuser"  # the default target
    notebook = image["notebook"]
    runs = " ".join(args for ins, args in notebook if ins == "RUN")
    assert "useradd" in runs and "--uid 1000" in runs and "jovyan" in runs
    assert last(notebook, "USER") == "1000"
    assert last(notebook, "WORKDIR") == "/home/jovyan"
    command = json.loads(last(notebook, "CMD"))
    assert command == ["jupyterhub-singleuser"]
    env = last(notebook, "ENV")
    venv_bin = re.search(r"PATH=(\S+?):\$PATH", env).group(1)
    assert venv_bin == "/opt/timewarp-studio/.venv/bin"
    # The same entry point exists in the environment `make setup` built here.
    assert (Path(sys.prefix) / "bin" / "jupyterhub-singleuser").exists()


def test_every_kernel_and_the_extension_come_with_the_install():
    share = Path(sys.prefix) / "share" / "jupyter"
    kernels = {p.parent.name for p in (share / "kernels").glob("*/kernel.json")}
    assert {"basic", "logo", "pilot"} <= kernels
    assert (share / "labextensions" / "timewarp-jupyterlab" / "package.json").exists()


def test_the_hub_image_has_what_z2jh_loads(image):
    hub = image["hub"]
    assert hub[0][1] == "notebook"
    runs = " ".join(args for ins, args in hub if ins == "RUN")
    assert "pycurl" in runs and "psycopg2" in runs
    assert last(hub, "USER") == "1000"
    command = json.loads(last(hub, "CMD"))
    assert command[0] == "jupyterhub"
    # The chart's hub image is this target, and its extraConfig imports what it installs.
    values = yaml.safe_load((ROOT / "helm" / "values.yaml").read_text())
    assert values["jupyterhub"]["hub"]["image"]["name"] == "timewarp-studio/hub"
    assert values["jupyterhub"]["singleuser"]["image"]["name"] == "timewarp-studio/notebook"
    assert "timewarp_hub.chart" in values["jupyterhub"]["hub"]["extraConfig"]["timewarp"]


def test_the_build_copies_sources_only(image):
    ignored = {line.strip() for line in IGNORE.read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    # A copied .venv or node_modules would make `make setup` skip the install.
    assert {".venv", "node_modules", "**/node_modules", ".git"} <= ignored
    copies = [shlex.split(args) for ins, args in image["notebook"] if ins == "COPY"]
    assert copies == [[".", "/opt/timewarp-studio"]]


def test_the_parser_reads_continuations_and_stages():
    steps = instructions("FROM a AS one\n# note\nRUN x \\\n  && y\nFROM one AS two\nUSER 1\n")
    assert steps == [("FROM", "a AS one"), ("RUN", "x && y"), ("FROM", "one AS two"),
                     ("USER", "1")]
    assert list(stages(steps)) == ["one", "two"]
