"""Hatch build hook: build the JupyterLab extension from extensions/ into extensions/labextension.

The wheel (and so an editable ``pip install -e .``) ships that folder as
``share/jupyter/labextensions/timewarp-jupyterlab``, so users need no Node and no
``jupyter lab build``.  Building needs Node 20 and npm: ``npm ci`` from the committed lockfile,
then ``npm run build:prod`` (the keyword tables from the engines, ``tsc``, and JupyterLab's own
extension builder).  A build newer than every source is kept as it is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# What the built extension is made from: a change to any of these rebuilds it.
SOURCES = (
    "extensions/src/**/*.ts",
    "extensions/examples/*.ipynb",
    "extensions/scripts/*.py",
    "extensions/package.json",
    "extensions/package-lock.json",
    "extensions/tsconfig.json",
    "extensions/webpack.config.js",
    "extensions/style/*",
    "kernels/timewarp/kernel/kernelspecs/*/logo-svg.svg",
    # The keyword tables are read from the engines.
    "kernels/timewarp/languages.py",
    "kernels/timewarp/basic/help.py",
    "kernels/timewarp/logo/primitives/*.py",
    "kernels/timewarp/pilot/*.py",
)


def newest_source(root: Path) -> float:
    return max(path.stat().st_mtime for pattern in SOURCES for path in root.glob(pattern))


def build_labextension(root: Path) -> Path:
    """Build the extension if it is missing or older than its sources; return its folder."""
    extension = root / "extensions"
    built = extension / "labextension" / "package.json"
    if built.exists() and built.stat().st_mtime >= newest_source(root):
        return built.parent
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "Building Time Warp Studio's JupyterLab extension needs Node.js 20 and npm "
            "(on Debian: apt-get install nodejs npm). Installing from a built wheel needs neither.")
    installed = extension / "node_modules" / ".package-lock.json"
    lockfile = extension / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lockfile.stat().st_mtime:
        _run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], extension)
    # The keyword script runs under this build's Python, which has what the engines import.
    _run([npm, "run", "build:prod"], extension, PYTHON=sys.executable)
    if not built.exists():
        raise RuntimeError(f"npm run build:prod finished but wrote no {built}")
    built.touch()
    return built.parent


def _run(command: list[str], cwd: Path, **env: str) -> None:
    subprocess.run(command, cwd=cwd, check=True, env={**os.environ, **env})


class LabExtensionBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name == "wheel":  # the sdist ships the sources, not the build
            build_labextension(Path(self.root))
