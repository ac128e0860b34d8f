"""The extension's BASIC, Logo and PILOT tokenizers, run by node outside the browser.

The TypeScript sources are compiled to CommonJS in a temporary folder, with the keyword
tables written from the engines as the build writes them, and extensions/scripts/tokenize.cjs
runs CodeMirror's own StringStream over each text.  Needs the extension's node_modules, which
the project's set-up installs (pip's build hook runs ``npm ci``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

EXTENSIONS = Path(__file__).resolve().parents[2] / "extensions"


@pytest.fixture(scope="module")
def tokenize(tmp_path_factory):
    compiled = tmp_path_factory.mktemp("tokenizers")
    subprocess.run([sys.executable, "scripts/keywords.py", "src/generated/keywords.json"],
                   cwd=EXTENSIONS, check=True)
    subprocess.run(["node_modules/.bin/tsc", "-p", "tsconfig.json", "--module", "commonjs",
                    "--outDir", str(compiled), "--composite", "false", "--incremental", "false",
                    "--declaration", "false"], cwd=EXTENSIONS, check=True, timeout=120)

    def run(cases: list[tuple[str, str]]) -> list[list[tuple[str | None, str]]]:
        done = subprocess.run(["node", "scripts/tokenize.cjs", str(compiled)], cwd=EXTENSIONS,
                              input=json.dumps(cases), capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        return [[tuple(token) for token in tokens] for tokens in json.loads(done.stdout)]
    return run


def styled(tokens) -> list[tuple[str, str]]:
    return [(style, text) for style, text in tokens if style]


CASES = [
    # BASIC: numbered listings, run-together words, QBasic labels, suffixes and comments.
    ("basic", '10 PRINT "HI";A$: GOTO 10',
     [("labelName", "10"), ("keyword", "PRINT"), ("string", '"HI"'), ("punctuation", ";"),
      ("variableName", "A$"), ("punctuation", ":"), ("keyword", "GOTO"), ("number", "10")]),
    ("basic", "20 FORI=1TO9STEP2:NEXTI",
     [("labelName", "20"), ("keyword", "FOR"), ("variableName", "I"), ("operator", "="),
      ("number", "1"), ("keyword", "TO"), ("number", "9"), ("keyword", "STEP"),
      ("number", "2"), ("punctuation", ":"), ("keyword", "NEXT"), ("variableName", "I")]),
    ("basic", "30 GOSUB100", [("labelName", "30"), ("keyword", "GOSUB"), ("number", "100")]),
    ("basic", "FORM = 2: TOTAL = TOTAL + 1",
     [("variableName", "FORM"), ("operator", "="), ("number", "2"), ("punctuation", ":"),
      ("variableName", "TOTAL"), ("operator", "="), ("variableName", "TOTAL"),
      ("operator", "+"), ("number", "1")]),
    ("basic", "x = 1.5E+3 + 7% + 2# + &HFF + &O17 + 1D2 + .5!",
     [("variableName", "x"), ("operator", "="), ("number", "1.5E+3"), ("operator", "+"),
      ("number", "7%"), ("operator", "+"), ("number", "2#"), ("operator", "+"),
      ("number", "&HFF"), ("operator", "+"), ("number", "&O17"), ("operator", "+"),
      ("number", "1D2"), ("operator", "+"), ("number", ".5!")]),
    ("basic", "40 REM it's \"all\" comment: PRINT",
     [("labelName", "40"), ("comment", "REM it's \"all\" comment: PRINT")]),
    ("basic", "IF A <> B AND NOT C THEN PRINT LEFT$(S$, 2) ' why",
     [("keyword", "IF"), ("variableName", "A"), ("operator", "<>"), ("variableName", "B"),
      ("operatorKeyword", "AND"), ("operatorKeyword", "NOT"), ("variableName", "C"),
      ("keyword", "THEN"), ("keyword", "PRINT"), ("variableName.standard", "LEFT$"),
      ("punctuation", "("), ("variableName", "S$"), ("punctuation", ","), ("number", "2"),
      ("punctuation", ")"), ("comment", "' why")]),
    ("basic", "Again: INPUT \"Name\"; N$\nSELECT CASE N$\nEND SELECT",
     [("labelName", "Again"), ("punctuation", ":"), ("keyword", "INPUT"), ("string", '"Name"'),
      ("punctuation", ";"), ("variableName", "N$"), ("keyword", "SELECT"), ("keyword", "CASE"),
      ("variableName", "N$"), ("keyword", "END"), ("keyword", "SELECT")]),
    ("basic", 'PRINT "unfinished', [("keyword", "PRINT"), ("string", '"unfinished')]),
    ("basic", "DEF FNA(X) = X * 2",
     [("keyword", "DEF"), ("variableName.standard", "FN"), ("variableName", "A"),
      ("punctuation", "("), ("variableName", "X"), ("punctuation", ")"), ("operator", "="),
      ("variableName", "X"), ("operator", "*"), ("number", "2")]),
    # Logo: definitions, variables, quoted words, lists, comments.
    ("logo", 'TO spiral :size :angle ; grows\n  IF :size > 100 [STOP]\n  fd :size rt :angle\nEND',
     [("keyword", "TO"), ("variableName.definition", "spiral"),
      ("variableName.special", ":size"), ("variableName.special", ":angle"),
      ("comment", "; grows"), ("keyword", "IF"), ("variableName.special", ":size"),
      ("operator", ">"), ("number", "100"), ("squareBracket", "["), ("keyword", "STOP"),
      ("squareBracket", "]"), ("variableName.standard", "fd"),
      ("variableName.special", ":size"), ("variableName.standard", "rt"),
      ("variableName.special", ":angle"), ("keyword", "END")]),
    ("logo", 'make "total sum 2.5 3 print (list "a [b c] :total)',
     [("variableName.standard", "make"), ("string", '"total'), ("variableName.standard", "sum"),
      ("number", "2.5"), ("number", "3"), ("variableName.standard", "print"), ("paren", "("),
      ("variableName.standard", "list"), ("string", '"a'), ("squareBracket", "["),
      ("variableName", "b"), ("variableName", "c"), ("squareBracket", "]"),
      ("variableName.special", ":total"), ("paren", ")")]),
    ("logo", "repeat 4 [forward 10 right 90] spiral 5 90",
     [("keyword", "repeat"), ("number", "4"), ("squareBracket", "["),
      ("variableName.standard", "forward"), ("number", "10"),
      ("variableName.standard", "right"), ("number", "90"), ("squareBracket", "]"),
      ("variableName", "spiral"), ("number", "5"), ("number", "90")]),
    # PILOT: statement, Y/N suffix, condition, labels, variables, remarks, continuation.
    ("pilot", "*ASK TH:Your name? \nA:$NAME\nM:ADA,GRACE\nTY:Hello $NAME!\nJN:*ASK",
     [("labelName", "*ASK"), ("keyword", "TH"), ("punctuation", ":"),
      ("string", "Your name? "), ("keyword", "A"), ("punctuation", ":"),
      ("variableName.special", "$NAME"), ("keyword", "M"), ("punctuation", ":"),
      ("string", "ADA,GRACE"), ("keyword", "T"), ("atom", "Y"), ("punctuation", ":"),
      ("string", "Hello "), ("variableName.special", "$NAME"), ("string", "!"),
      ("keyword", "J"), ("atom", "N"), ("punctuation", ":"), ("labelName", "*ASK")]),
    ("pilot", "C(#N < 10 AND #N > 0):#N = RND(6) + #N * 2",
     [("keyword", "C"), ("paren", "("), ("variableName.special", "#N"), ("operator", "<"),
      ("number", "10"), ("operatorKeyword", "AND"), ("variableName.special", "#N"),
      ("operator", ">"), ("number", "0"), ("paren", ")"), ("punctuation", ":"),
      ("variableName.special", "#N"), ("operator", "="), ("variableName.standard", "RND"),
      ("number", "6"), ("operator", "+"), ("variableName.special", "#N"), ("operator", "*"),
      ("number", "2")]),
    ("pilot", "REMARK: all of this\nTYPE:Long names\n:and a second line\nJ:@A",
     [("keyword", "REMARK"), ("punctuation", ":"), ("comment", "all of this"),
      ("keyword", "TYPE"), ("punctuation", ":"), ("string", "Long names"),
      ("punctuation", ":"), ("string", "and a second line"), ("keyword", "J"),
      ("punctuation", ":"), ("atom", "@A")]),
    ("pilot", "G:PENCOLOR RED FORWARD 50\nNOSUCH:text\n// a comment",
     [("keyword", "G"), ("punctuation", ":"), ("variableName.standard", "PENCOLOR"),
      ("atom", "RED"), ("variableName.standard", "FORWARD"), ("number", "50"),
      ("invalid", "NOSUCH"), ("punctuation", ":"), ("string", "text"),
      ("comment", "// a comment")]),
]


def test_tokens_of_each_language(tokenize):
    results = tokenize([(language, text) for language, text, _ in CASES])
    for (language, text, expected), tokens in zip(CASES, results, strict=True):
        assert styled(tokens) == expected, f"{language}: {text!r}"


def test_keywords_come_from_the_engines(tokenize):
    """A statement or primitive the engines know is coloured as such, with no list of our own."""
    from timewarp.logo.primitives import PRIMITIVES
    from timewarp.pilot.parser import KEYWORDS

    pilot = [f"{spec.long_name}:x" for spec in KEYWORDS]
    logo = [name for name in PRIMITIVES if name.isalpha()]
    results = tokenize([("pilot", "\n".join(pilot)), ("logo", " ".join(logo))])
    assert [text for style, text in results[0] if style == "keyword"] == \
        [line.split(":")[0] for line in pilot]
    coloured = [text for style, text in results[1]
                if style in ("keyword", "variableName.standard")]
    assert coloured == logo


LANGUAGE_TEXT = {
    "basic": st.text(alphabet="10 PRINTFOREMGSUBaz$%!#&\"':;=<>+-*/\\^().,EDH\n\t", max_size=60),
    "logo": st.text(alphabet="tofdrepat :\"[]();+-*/=<>0123456789.e\n\t", max_size=60),
    "pilot": st.text(alphabet="*TYNAMJCRGEH()$#%:@,\"<>=+- abc0123456789/\n\t", max_size=60),
}


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(sorted(LANGUAGE_TEXT)).flatmap(
    lambda language: st.tuples(st.just(language), LANGUAGE_TEXT[language])), min_size=40,
    max_size=40))
def test_any_text_is_tokenized_whole_and_the_tokenizer_always_advances(tokenize, cases):
    # tokenize.cjs fails on a tokenizer that stops advancing (which would freeze the editor)
    # or returns a style CodeMirror does not know.
    for (_, text), tokens in zip(cases, tokenize(cases), strict=True):
        assert "".join(piece for _, piece in tokens) == text.replace("\n", "")
