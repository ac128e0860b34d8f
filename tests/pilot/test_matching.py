"""M:'s matcher against a plain regular-expression model of the same rules, on small cases."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timewarp.pilot.matching import find_match
from timewarp.pilot.parser import parse_text


def regex_model(pattern: str, answer: str) -> tuple[str, str, str] | None:
    """Leftmost match, each * as short as it can be: what a lazy regular expression finds."""
    source = "".join({"*": ".*?", "?": "."}.get(char, re.escape(char)) for char in pattern)
    found = re.search(source, answer, re.IGNORECASE | re.DOTALL)
    if found is None:
        return None
    return answer[:found.start()], found.group(), answer[found.end():]


@settings(max_examples=500, deadline=None)
@given(st.text("abAB*?", max_size=6), st.text("abAB", max_size=12))
def test_matcher_agrees_with_the_regex_model(pattern: str, answer: str) -> None:
    found = find_match((parse_text(pattern, wildcards=True),), answer, lambda part: "")
    expected = regex_model(pattern, answer)
    assert (found and (found.left, found.matched, found.right)) == expected


def test_first_matching_alternative_wins() -> None:
    alternatives = tuple(parse_text(p, wildcards=True) for p in ("zebra", "b?t", "a"))
    found = find_match(alternatives, "a bat", lambda part: "")
    assert (found.number, found.left, found.matched, found.right) == (2, "a ", "bat", "")
