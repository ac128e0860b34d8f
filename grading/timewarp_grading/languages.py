"""What nbgrader needs to know about each Time Warp language: its comment, markers and stub.

Solution and hidden-test regions are marked with the language's own comment, so the
markers are ordinary comments to the kernel:

======== ===================================== =====================================
language begin                                 end
======== ===================================== =====================================
BASIC    ``REM BEGIN SOLUTION`` or ``' BEGIN``  ``REM END SOLUTION`` or ``' END ...``
Logo     ``; BEGIN SOLUTION``                  ``; END SOLUTION``
PILOT    ``R: BEGIN SOLUTION``                 ``R: END SOLUTION``
======== ===================================== =====================================

(``BEGIN HIDDEN TESTS`` / ``END HIDDEN TESTS`` the same way.)  nbgrader finds a marker by the
words ``BEGIN SOLUTION`` anywhere in a line; :func:`marker_problems` is stricter, so that a
misspelt marker (which nbgrader would leave in the student's copy, solution and all) is
reported to the teacher instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The words nbgrader looks for; every marker is one of these after the comment.
MARKER_WORDS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")

#: Anything a teacher may have meant as a marker: BEGIN/END near SOLUTION/HIDDEN, any case,
#: any spacing, common misspellings ("BEGIN SOLUTON", "end-solution", "BEGINSOLUTION").
_LOOKS_LIKE_MARKER = re.compile(r"\b(begin|end)[\s_\-]*(sol|hid)", re.IGNORECASE)


@dataclass(frozen=True)
class GradingLanguage:
    name: str
    display_name: str
    #: How a comment line starts, as the teacher should write it (for messages).
    comment: str
    #: A regular expression for a well-formed marker line; group "words" is the marker.
    marker_line: re.Pattern[str]
    #: What replaces a solution in the student's copy: a comment, then a line that stops
    #: with a clear message when it runs, so the tests fail for a reason a student can read.
    code_stub: str

    def marker_example(self, words: str) -> str:
        return f"{self.comment} {words}"


_WORDS = "(?P<words>" + "|".join(MARKER_WORDS) + ")"
_NOT_WRITTEN = "your answer is not written yet: replace this line with your answer"

LANGUAGES: dict[str, GradingLanguage] = {
    lang.name: lang for lang in (
        GradingLanguage(
            "basic", "BASIC", "REM",
            re.compile(rf"^\s*(\d+\s*)?(REM\s+|')\s*{_WORDS}\s*$"),
            f'REM YOUR CODE HERE\nASSERT 0, "{_NOT_WRITTEN}"'),
        GradingLanguage(
            "logo", "Logo", ";",
            re.compile(rf"^\s*;+\s*{_WORDS}\s*$"),
            f"; YOUR CODE HERE\nassert \"false [{_NOT_WRITTEN}]"),
        GradingLanguage(
            "pilot", "PILOT", "R:",
            re.compile(rf"^\s*(\*\w+\s+)?R(EMARK)?:\s*{_WORDS}\s*$"),
            f"R: YOUR CODE HERE\nCK: 0, {_NOT_WRITTEN}"),
    )
}


def marker_problems(source: str, language: GradingLanguage) -> list[str]:
    """Plain-words problems with the solution markers of one cell (empty if all is well)."""
    problems: list[str] = []
    open_region: tuple[str, int] | None = None
    for number, line in enumerate(source.splitlines(), 1):
        if not _LOOKS_LIKE_MARKER.search(line):
            continue
        found = language.marker_line.match(line)
        if found is None:
            guess = _intended(line)
            problems.append(
                f"line {number} ({line.strip()}) looks like a marker but is not written as "
                f"one; in {language.display_name} write {language.marker_example(guess)} "
                "on a line of its own")
            continue
        kind, region = found.group("words").split(" ", 1)
        if kind == "BEGIN":
            if open_region is not None:
                problems.append(f"line {number} begins a {region.lower()} region inside the "
                                f"one begun on line {open_region[1]}; end that one first")
            open_region = (region, number)
        elif open_region is None or open_region[0] != region:
            problems.append(f"line {number} ends a {region.lower()} region that was never "
                            "begun")
        else:
            open_region = None
    if open_region is not None:
        problems.append(f"the {open_region[0].lower()} region begun on line {open_region[1]} "
                        f"is never ended; add {language.marker_example('END ' + open_region[0])}")
    return problems


def _intended(line: str) -> str:
    upper = line.upper()
    kind = "END" if re.search(r"\bEND", upper) and not re.search(r"\bBEGIN", upper) else "BEGIN"
    return f"{kind} HIDDEN TESTS" if "HID" in upper else f"{kind} SOLUTION"
