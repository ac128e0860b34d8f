"""A real nbgrader course folder in a temporary directory, driven by the real ``nbgrader``.

The folder has no nbgrader_config.py: everything the languages need comes from the
environment's etc/jupyter/nbgrader_config.py, as a teacher's course would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

DEMO = Path(__file__).resolve().parents[2] / "grading" / "timewarp_grading" / "demo"
BIN = Path(sys.executable).parent


class Course:
    def __init__(self, root: Path) -> None:
        self.root = root

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        # nbgrader runs alembic as a command: the venv's bin must be on PATH.
        env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
        env.pop("NBGRADER_EXECUTION", None)
        return env

    def nbgrader(self, *args: str, check: bool = True, timeout: float = 240
                 ) -> subprocess.CompletedProcess:
        done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=self.root, env=self.env(),
                              capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def add_source(self, assignment: str, folder: str | None = None) -> None:
        target = self.root / "source" / assignment
        target.mkdir(parents=True, exist_ok=True)
        for notebook in (DEMO / (folder or assignment)).glob("*.ipynb"):
            shutil.copy(notebook, target / notebook.name)

    def release(self, assignment: str, notebook: str) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "release" / assignment / f"{notebook}.ipynb", 4)

    def submit(self, student: str, assignment: str, notebook: str,
               answers: dict[str, str] | None = None, source: bool = False) -> Path:
        """A student's submission: the released notebook with ``answers`` in the solution
        cells named by their grade ids (or the teacher's source version)."""
        if source:
            book = nbformat.read(self.root / "source" / assignment / f"{notebook}.ipynb", 4)
        else:
            book = self.release(assignment, notebook)
        for cell in book.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if answers and grade_id in answers:
                cell.source = answers[grade_id]
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{notebook}.ipynb"
        nbformat.write(book, path)
        return path

    def autograded(self, student: str, assignment: str, notebook: str) -> nbformat.NotebookNode:
        return nbformat.read(
            self.root / "autograded" / student / assignment / f"{notebook}.ipynb", 4)


def outputs_by_grade_id(book: nbformat.NotebookNode) -> dict[str, str]:
    """Each graded or solution cell's outputs as text: streams and errors."""
    found = {}
    for cell in book.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is None or cell.cell_type != "code":
            continue
        parts = []
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append(output.text)
            elif output.output_type == "error":
                parts.append(f"{output.ename}: {output.evalue}")
        found[grade_id] = "".join(parts)
    return found


@pytest.fixture(scope="session")
def new_course(tmp_path_factory):
    """``new_course()``: an empty course folder in a fresh temporary directory."""
    return lambda: Course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="session")
def grade_outputs():
    return outputs_by_grade_id
