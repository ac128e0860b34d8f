"""nbgrader preprocessors for Time Warp notebooks.

:class:`CheckTimeWarpNotebook` runs first in ``generate_assignment``: it refuses, in plain
words, a notebook that does not say its language, a test cell with no points, a misspelt or
unbalanced solution marker, and an assignment name that is not a plain name.

:class:`GradingExecute` replaces nbgrader's ``Execute`` in ``autograde``: it tells the kernel
its limits (seconds per cell, memory), refuses ``%%check`` cells a student added or changed
(only the teacher's test cells may run Python), and survives a kernel that dies: that cell
scores 0 with the reason in its output, a fresh kernel runs the cells after it.
"""

from __future__ import annotations

import os
import re

from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode
from traitlets import Float, Integer, default

from nbgrader import utils
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from timewarp_grading.checks.cell import is_check_cell
from timewarp_grading.languages import LANGUAGES, marker_problems
from timewarp_grading.limits import MEMORY_ENV, SECONDS_ENV

#: Assignment (and notebook) names: letters, digits, - and _, as a folder name everywhere.
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


class NotebookProblem(ValueError):
    """A notebook the grader cannot use, with the reason in words for the teacher."""


class CheckTimeWarpNotebook(NbGraderPreprocessor):
    """Stops ``generate_assignment`` with a clear message when a notebook cannot be graded."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        key = resources.get("unique_key")
        name = f"{key}.ipynb" if key else "this notebook"
        assignment = resources.get("nbgrader", {}).get("assignment")
        if assignment is not None and not _PLAIN_NAME.match(assignment):
            raise NotebookProblem(
                f"the assignment name {assignment!r} may hold only letters, digits, - and _ "
                "(no slashes, dots or spaces)")
        language = language_of(nb)
        if language is None:
            raise NotebookProblem(
                f"{name} does not say which language it is written in: open it, choose the "
                "BASIC, Logo or PILOT kernel (Kernel > Change Kernel), save it and try again")
        problems = []
        for number, cell in enumerate(nb.cells, 1):
            problems += [f"cell {number}: {p}" for p in _cell_problems(cell, language)]
        if problems:
            raise NotebookProblem(f"{name} cannot be released yet:\n  " + "\n  ".join(problems))
        return nb, resources


def language_of(nb: NotebookNode) -> str | None:
    """The notebook's language as its kernelspec (or language_info) says, or None."""
    spec = nb.metadata.get("kernelspec") or {}
    info = nb.metadata.get("language_info") or {}
    language = spec.get("language") or info.get("name")
    return language.lower() if isinstance(language, str) and language else None


def _cell_problems(cell: NotebookNode, language: str) -> list[str]:
    problems = []
    if utils.is_grade(cell):
        points = cell.metadata.get("nbgrader", {}).get("points")
        if points is None or not isinstance(points, (int, float)) or points <= 0:
            problems.append("it is marked as a graded test but has no points; give it points "
                            "in the cell toolbar (Create Assignment)")
    lang = LANGUAGES.get(language)
    if lang is not None and cell.cell_type == "code":
        problems += marker_problems(cell.source, lang)
    return problems


class GradingExecute(Execute):
    """nbgrader's Execute with per-cell limits told to the kernel, and kernel deaths survived."""

    cell_time_limit = Float(
        10.0, help="Seconds one cell may run while grading before it is stopped and scores 0."
    ).tag(config=True)

    memory_limit = Integer(
        512, help="Megabytes of memory a program may use while grading, beyond what the "
                  "kernel itself needs; more stops the cell and it scores 0."
    ).tag(config=True)

    @default("timeout")
    def _timeout_default(self) -> int:
        # The kernel stops a cell itself at cell_time_limit; this is the backstop for a
        # kernel that no longer answers at all.
        return int(self.cell_time_limit) + 30

    async def async_start_new_kernel(self, **kwargs):
        env = dict(kwargs.pop("env", None) or os.environ)
        env[SECONDS_ENV] = repr(float(self.cell_time_limit))
        env[MEMORY_ENV] = str(int(self.memory_limit))
        await super().async_start_new_kernel(env=env, **kwargs)

    async def async_execute_cell(self, cell: NotebookNode, cell_index: int,
                                 execution_count: int | None = None,
                                 store_history: bool = True) -> NotebookNode:
        if cell.cell_type == "code" and is_check_cell(cell.source) and not utils.is_grade(cell):
            cell.outputs = [_error_output(
                "CheckRefused", "%%check runs Python, so only the teacher's test cells may use "
                "it; this cell was not run")]
            return cell
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count,
                                                    store_history)
        except DeadKernelError:
            cell.outputs = list(cell.get("outputs", [])) + [_error_output(
                "KernelDied", "the program stopped the kernel that was grading it (it crashed, "
                "or used far too much memory); this cell scores 0 and the cells after it run "
                "in a fresh kernel")]
            await self._fresh_kernel()
            return cell

    # nbclient binds its sync wrappers to its own coroutines; bind them to ours.
    start_new_kernel = run_sync(async_start_new_kernel)
    execute_cell = run_sync(async_execute_cell)

    async def _fresh_kernel(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        await self.km.restart_kernel(now=True)
        await self.async_start_new_kernel_client()


def _error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])
