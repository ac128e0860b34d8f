"""nbgrader's configuration for Time Warp, loaded with no nbgrader_config.py from the teacher.

The wheel installs ``etc/jupyter/nbgrader_config.py`` into the environment (``sys.prefix``),
one of the places every nbgrader command and formgrader read; it calls :func:`configure`.
A course's own ``nbgrader_config.py`` (or one in ``~/.jupyter`` or ``/etc/jupyter``) is read
after it and may change anything, for example ``c.GradingExecute.cell_time_limit = 20``.
"""

from __future__ import annotations

from typing import Any

from nbgrader.converters.autograde import Autograde
from nbgrader.converters.generate_assignment import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions, Execute

from timewarp_grading.languages import LANGUAGES
from timewarp_grading.preprocessors import CheckTimeWarpNotebook, GradingExecute


def configure(c: Any) -> None:
    """Teach nbgrader BASIC, Logo and PILOT; ``c`` is the config of nbgrader_config.py."""
    stubs = dict(ClearSolutions.code_stub.default())
    stubs.update({name: lang.code_stub for name, lang in LANGUAGES.items()})
    c.ClearSolutions.code_stub = stubs
    # The stock lists, with our check first and our Execute in place of nbgrader's.
    c.GenerateAssignment.preprocessors = [CheckTimeWarpNotebook] + [
        p for p in GenerateAssignment.preprocessors.default()]
    c.Autograde.autograde_preprocessors = [
        GradingExecute if p is Execute else p
        for p in Autograde.autograde_preprocessors.default()]
