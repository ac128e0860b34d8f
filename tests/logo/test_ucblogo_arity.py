"""ARITY reports UCBLogo 6.2's arity for every primitive both know, checked against ucblogo.

One ucblogo run asks for the arity of every name in our primitive table; names UCBLogo does
not know (our own CIRCLE, DOT, ...) are left out.  Without ucblogo that test is skipped; a
few arities written out by hand are checked either way.
"""

from __future__ import annotations

from timewarp.logo.primitives import PRIMITIVES


def test_arity_of_primitives_and_procedures(logo):
    logo("to three :a [:b 2] [:c] 1\nend")
    assert logo("show arity \"print show arity \"form show arity \"three") == \
        "[0 1 -1]\n[3 3 3]\n[1 1 -1]\n"
    assert "I don't know how to nothing" in str(logo.error('show arity "nothing'))


def test_arity_matches_ucblogo_for_every_primitive(logo, ucblogo):
    names = sorted(name for name in PRIMITIVES if name != "#")
    found = ucblogo(f"foreach [{' '.join(names)}] [catch \"error [print (se ? arity ?)]]")
    theirs = {line.split()[0]: line for line in found.splitlines()}
    assert len(theirs) > 150, "ucblogo should know most of our primitives"
    ours = {name: logo(f'print (se "{name} arity "{name})').strip() for name in theirs}
    assert ours == theirs
