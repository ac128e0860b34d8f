"""Every name in the index of UCBLogo 6.2's manual is known to Time Warp Logo, or named under
"Not provided" in docs/known-deviations.md's Logo section, with the reason there.

tests/logo/ucblogo_manual_names.txt is our own list of those names (one a line; ``:name`` is a
special variable).  A name the deviations list calls missing must really be missing, so the
list cannot go stale when something is added.
"""

from __future__ import annotations

import re
from pathlib import Path

from timewarp.logo.interpreter import SPECIAL_VARIABLES
from timewarp.logo.parser import INFIX
from timewarp.logo.primitives import PRIMITIVES

ROOT = Path(__file__).resolve().parents[2]
NAMES = ROOT / "tests" / "logo" / "ucblogo_manual_names.txt"
DEVIATIONS = ROOT / "docs" / "known-deviations.md"

#: Written in the program rather than called: the session reads them (session.py).
SPECIAL_FORMS = {"to", ".macro"}
#: Special variables Time Warp Logo reads (io.py, values.py, streams.py, interpreter.py),
#: beyond those it gives a first value (interpreter.SPECIAL_VARIABLES).
READ_VARIABLES = {"printdepthlimit", "printwidthlimit", "startup", "loadnoisily", "commandline",
                  "erract", "redefp", "keyact"}
#: Special variables that exist but whose TRUE is not honoured.
UNHONOURED = {"fullprintp", "usealternatenames"}


def manual_names() -> tuple[list[str], list[str]]:
    lines = [line.strip() for line in NAMES.read_text().splitlines()]
    names = [line for line in lines if line and not line.startswith("#")]
    return ([n for n in names if not n.startswith(":")],
            [n[1:] for n in names if n.startswith(":")])


def not_provided() -> set[str]:
    section = DEVIATIONS.read_text().split("## Logo", 1)[1].split("\n## ", 1)[0]
    bullet = section.split("- **Not provided**", 1)[1].split("\n- ", 1)[0]
    return {name.lower() for name in re.findall(r"`([^`\s]+)`", bullet) if "/" not in name}


def known_procedure(name: str) -> bool:
    return name in PRIMITIVES or name in SPECIAL_FORMS or (len(name) <= 2 and
                                                          set(name) <= set(INFIX))


def known_variable(name: str) -> bool:
    known = (set(SPECIAL_VARIABLES) | READ_VARIABLES | {"caseignoredp"}) - UNHONOURED
    return name in known or name.replace("line", ".line") in known


def test_the_list_holds_the_whole_index():
    procedures, variables = manual_names()
    assert len(procedures) > 400 and len(variables) > 10
    assert {"forward", "pause", "goto", ".setfirst", "`", "cascade.2"} <= set(procedures)
    assert {"caseignoredp", "printdepthlimit", "erract"} <= set(variables)


def test_every_procedure_is_known_or_listed_as_not_provided():
    missing = not_provided()
    procedures, _ = manual_names()
    unexplained = [n for n in procedures if not known_procedure(n) and n not in missing]
    assert unexplained == []


def test_every_special_variable_is_honoured_or_listed_as_not_provided():
    missing = not_provided()
    _, variables = manual_names()
    unexplained = [n for n in variables if not known_variable(n) and n not in missing]
    assert unexplained == []


def test_what_the_deviations_call_missing_is_missing():
    procedures, variables = manual_names()
    missing = not_provided()
    assert missing <= set(procedures) | set(variables), "a name not in the manual's index"
    provided = [n for n in missing if known_procedure(n) or known_variable(n)]
    assert provided == []


def test_special_variables_start_buried_with_ucblogo_values(logo):
    assert logo("show :caseignoredp show :logoversion show names") == "true\n6.2\n[[] []]\n"
    assert "caseignoredp" in logo("show buried")
