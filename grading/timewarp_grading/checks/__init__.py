"""Checks a teacher cannot write in a 1970s language: transcripts, variables, drawings.

Used from ``%%check`` cells (:mod:`timewarp_grading.checks.cell`); each check explains a
failure in plain words through :class:`~timewarp_grading.checks.failures.CheckFailed`.
"""

#: The first line of a check cell.
MAGIC = "%%check"


def is_check_cell(source: str) -> bool:
    return source.lstrip().startswith(MAGIC)
