"""Fixtures for the chart's tests: the chart rendered by Helm's own engine (helm-python-sdk,
offline), the example values, and a real PostgreSQL started from Debian's binaries.

The jupyterhub dependency cannot be fetched on these machines (no chart repository is
reachable), so the chart is rendered with it turned off: our own templates, with the
values we pass to it (docs/known-deviations.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import helm_python
import pytest
import yaml
from timewarp_hub.throwaway_postgres import postgres_bin, throwaway_postgres

CHART = Path(__file__).resolve().parents[2] / "helm"
#: The example values: every option on, and three schools.
LINT_VALUES = CHART / "ci" / "lint-values.yaml"
SCHOOLS = sorted((CHART / "ci").glob("school-*.yaml"))


def read_values(path: Path | None) -> dict:
    return yaml.safe_load(path.read_text()) if path else {}


def without_dependency(values: dict) -> dict:
    """The values with the (unfetchable) jupyterhub dependency turned off."""
    hub = dict(values.get("jupyterhub") or {})
    hub["enabled"] = False
    return {**values, "jupyterhub": hub}


@pytest.fixture(scope="session")
def chart():
    with helm_python.Chart.load(CHART) as loaded:
        yield loaded


@pytest.fixture(scope="session")
def render(chart):
    """``render(values) -> list of objects`` as ``helm template`` would install them."""
    def run(values: dict, namespace: str = "school") -> list[dict]:
        manifests = chart.render(without_dependency(values), name="timewarp",
                                 namespace=namespace, is_install=True)
        objects = []
        for name, text in sorted(manifests.items()):
            if name.endswith("NOTES.txt"):
                continue
            objects += [doc for doc in yaml.safe_load_all(text) if doc]
        return objects
    return run


@pytest.fixture(scope="session")
def find():
    """``find(objects, kind, name)``: the one rendered object of that kind and name."""
    def one(objects: list[dict], kind: str, name: str) -> dict:
        matches = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
        assert len(matches) == 1, f"{kind}/{name}: {len(matches)} rendered"
        return matches[0]
    return one


@pytest.fixture(scope="session")
def example_values():
    """The values files under helm/ci by name (lint-values, school-*), plus the defaults."""
    files = {"defaults": None, "lint-values": LINT_VALUES,
             **{path.stem: path for path in SCHOOLS}}
    return {name: read_values(path) for name, path in files.items()}


@pytest.fixture(scope="module")
def postgres():
    """A real PostgreSQL in a temporary directory on a free port, stopped afterwards."""
    with throwaway_postgres() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_on_path():
    """pg_dump and pg_restore on PATH for the backup module (Debian keeps them versioned)."""
    old = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{postgres_bin()}:{old}"
    yield
    os.environ["PATH"] = old


@pytest.fixture(scope="session")
def hub_launcher():
    """The hub tests' ``running_hub`` (tests/hub/conftest.py): a real hub on free ports."""
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "hub" / "conftest.py"
    spec = importlib.util.spec_from_file_location("timewarp_hub_test_support", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
