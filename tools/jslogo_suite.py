"""Run jslogo's own test suite through Time Warp Logo and Debian's UCBLogo, and compare.

jslogo (inexorabletash/jslogo on GitHub) keeps its tests in ``tests.js``: QUnit groups of
``assert_equals(source, value)``, ``assert_stream(source, output)``, ``assert_error(source,
message)`` and friends, each a line of Logo.  Nothing of that suite is committed here: point
this script at a checkout, at the bare git directory the project's ``fetch`` tool makes, or
at ``tests.js`` itself.

Each case runs in Time Warp Logo (a ``LogoSession`` per QUnit group, as jslogo keeps one
interpreter per group) and in UCBLogo 6.2 (one ``ucblogo`` process per group under
``xvfb-run``), and the two transcripts are compared: what the case printed, then its value
(for a value case), or UCBLogo's error message.  UCBLogo is the reference; jslogo's own
expectation is compared too, and reported apart, since jslogo documents where it differs.

jslogo accepts ``to foo :x output :x end`` on one line; UCBLogo reads a definition over
lines, so the script puts the title, the body and ``end`` on lines of their own.  A value
case's last instructions run as ``runresult [...]``; UCBLogo's errors are caught (``catch
"error`` around ``load`` of the case's file) and their message (``item 2 error``) kept.

    python tools/jslogo_suite.py /work/.mirror/inexorabletash+jslogo/repo
    python tools/jslogo_suite.py tests.js -k arity -v
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "kernels"))

from timewarp.engine import ProgramExit, ScriptedConsole
from timewarp.logo.errors import LogoError
from timewarp.logo.session import LogoSession

# -- reading tests.js ------------------------------------------------------------------------

_JS_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")
  | (?P<number>0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<name>[A-Za-z_$][\w$]*)
  | (?P<punct>[-+*/()\[\]{},;.:<>=!&|?%])
""", re.VERBOSE | re.DOTALL)
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


class Unsupported(Exception):
    """A case built by JavaScript code (a loop variable, a function) rather than a literal."""


@dataclass
class JsToken:
    kind: str
    text: str
    start: int


def js_tokens(source: str) -> list[JsToken]:
    tokens, position = [], 0
    while position < len(source):
        match = _JS_TOKEN.match(source, position)
        if match is None:
            raise ValueError(f"tests.js: cannot read at {source[position:position + 30]!r}")
        if match.lastgroup != "space":
            tokens.append(JsToken(match.lastgroup or "", match.group(), position))
        position = match.end()
    return tokens


def js_string(literal: str) -> str:
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            following = body[i + 1]
            if following == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_JS_ESCAPES.get(following, following))
            i += 2
            continue
        out.append(char)
        i += 1
    # \uD835\uDC30 pairs are one character: let UTF-16 join them.
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16")


class JsReader:
    """Reads the literal JavaScript values the cases use: strings, numbers, arrays, sums."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = js_tokens(source)
        self.i = 0

    def peek(self, offset: int = 0) -> JsToken | None:
        at = self.i + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def take(self, text: str | None = None) -> JsToken:
        token = self.tokens[self.i]
        if text is not None and token.text != text:
            raise Unsupported(f"expected {text!r}, saw {token.text!r}")
        self.i += 1
        return token

    def expression(self) -> object:
        value = self.term()
        while self.peek() is not None and self.peek().text in "+-":
            operator = self.take().text
            right = self.term()
            if operator == "+":
                value = value + right if type(value) is type(right) or not isinstance(
                    value, str) else value + str(right)
            else:
                value = value - right
        return value

    def term(self) -> object:
        value = self.unary()
        while self.peek() is not None and self.peek().text in "*/":
            operator = self.take().text
            right = self.unary()
            value = value * right if operator == "*" else value / right
        return value

    def unary(self) -> object:
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        return self.primary()

    def primary(self) -> object:
        token = self.take()
        if token.kind == "string":
            return js_string(token.text)
        if token.kind == "number":
            number = int(token.text, 16) if token.text.startswith("0x") else float(token.text)
            return int(number) if float(number).is_integer() and "." not in token.text \
                and "e" not in token.text.lower() else number
        if token.text == "(":
            value = self.expression()
            self.take(")")
            return value
        if token.text == "[":
            items = []
            while self.peek().text != "]":
                items.append(self.expression())
                if self.peek().text == ",":
                    self.take()
            self.take("]")
            return items
        if token.text in ("true", "false"):
            return token.text == "true"
        if token.text == "undefined":
            return NO_VALUE
        if token.text == "Math" and self.peek().text == "." and self.peek(1).text == "PI":
            self.i += 2
            return 3.141592653589793
        if token.text == "function":
            return self.function(token)
        raise Unsupported(f"built by JavaScript ({token.text})")

    def function(self, token: JsToken) -> str:
        depth = 0
        while True:
            part = self.take()
            if part.text == "{":
                depth += 1
            elif part.text == "}":
                depth -= 1
                if depth == 0:
                    return Predicate(self.source[token.start:part.start + 1])


class Predicate(str):
    """A JavaScript test on a value (``function(x) { return 0 <= x && x < 10; }``)."""

    def holds(self, value: str) -> bool:
        test = re.search(r"return (.*?);", self)
        if test is None or not re.fullmatch(r"[x\d\s<=&.]+", test.group(1)):
            return False
        try:
            x = float(value)  # noqa: F841 - read by the test below
        except ValueError:
            return False
        return bool(eval(test.group(1).replace("&&", " and ")))


class NoValue:
    """JavaScript's ``undefined``: the case outputs nothing."""

    def __repr__(self) -> str:
        return "(no value)"


NO_VALUE = NoValue()
_ASSERTIONS = ("assert_equals", "assert_stream", "assert_error", "assert_predicate",
               "assert_prompt", "assert_pixel", "assert_pixels", "run")


@dataclass
class Case:
    group: str
    number: int
    kind: str          # equals, stream, error, predicate, run
    source: str
    expected: object = None
    excluded: str = ""  # why the case is not run, when it is not
    ours: str = ""
    theirs: str | None = None

    @property
    def label(self) -> str:
        return f"{self.group} #{self.number}"


def read_cases(text: str) -> list[Case]:
    reader = JsReader(text)
    cases: list[Case] = []
    group, after_queue = "", False
    while reader.peek() is not None:
        token = reader.take()
        if token.text == "QUnit" and reader.peek().text == "." and reader.peek(1).text == "test":
            reader.i += 3
            group, after_queue = js_string(reader.take().text), False
        elif token.text == "this" and reader.peek().text == ".":
            name = reader.peek(1).text
            if name == "queue":
                after_queue = True
            elif name in _ASSERTIONS:
                reader.i += 3
                cases.append(_case(reader, group, len(cases) + 1, name, after_queue))
        elif token.text == "arities" and reader.peek().text == "=":
            reader.take()
            for name, arity in reader.expression():
                cases.append(Case(group, len(cases) + 1, "equals", f'arity "{name}', arity))
    return cases


def _case(reader: JsReader, group: str, number: int, name: str, after_queue: bool) -> Case:
    kind = {"assert_equals": "equals", "assert_stream": "stream", "assert_error": "error",
            "assert_predicate": "predicate", "run": "run"}.get(name, name)
    arguments, excluded = [], ""
    depth = 1
    start = reader.i
    try:
        arguments.append(reader.expression())
        while reader.peek().text == ",":
            reader.take()
            arguments.append(reader.expression())
    except Unsupported as why:
        excluded = str(why)
    # Skip to the call's closing parenthesis whatever was read.
    reader.i = start
    while depth:
        text = reader.take().text
        depth += {"(": 1, ")": -1}.get(text, 0)
    source = arguments[0] if arguments and isinstance(arguments[0], str) else ""
    expected = arguments[1] if len(arguments) > 1 else None
    if kind in ("assert_pixel", "assert_pixels"):
        excluded = "checks pixels of jslogo's canvas"
    elif kind == "assert_prompt" or re.search(r"\bread(list|word)\b", source):
        excluded = "reads the keyboard (UCBLogo reads its window, not a script)"
    elif group == "API Tests" and after_queue:
        excluded = "uses jslogo's JavaScript API (copydef, localize, aliases)"
    elif re.search(r"\b(while|until) :|\bdo\.(while|until) \[[^\]]*\] +[^\[ ]", source) \
            and "bye" not in source:
        # jslogo reruns a condition that is not a list; UCBLogo (and we) test its one value.
        excluded = "never ends in UCBLogo either (a condition that is not a list)"
    elif kind == "run" and ".verify_bound" in source:
        excluded = "calls a procedure only jslogo's test page defines"
    return Case(group, number, kind, source, expected, excluded)


# -- jslogo's one-line programs as UCBLogo lines ---------------------------------------------

def _items(source: str) -> list[tuple[int, int]]:
    """Spans of the top-level items of a Logo line: words, and [...] / {...} as one item."""
    spans, i, depth, start = [], 0, 0, None
    while i < len(source):
        char = source[i]
        if char == "\\":
            start = i if start is None and depth == 0 else start
            i += 2
            continue
        if char == ";":
            while i < len(source) and source[i] != "\n":
                i += 1
            continue
        if char in "[{":
            if depth == 0:
                if start is not None:
                    spans.append((start, i))
                start = i
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0 and start is not None:
                spans.append((start, i + 1))
                start = None
        elif depth == 0 and (char.isspace() or char in "()"):
            if start is not None:
                spans.append((start, i))
                start = None
            if char in "()":
                spans.append((i, i + 1))
        elif depth == 0 and start is None:
            start = i
        i += 1
    if start is not None:
        spans.append((start, len(source)))
    return spans


def logo_lines(source: str, want_value: bool) -> str:
    """The case as UCBLogo file lines: each ``to ... end`` on lines of its own, and for a
    value case the last instructions inside ``make "jsl.value runresult [...]``."""
    spans = _items(source)
    words = [source[a:b].lower() for a, b in spans]
    pieces: list[tuple[str, str]] = []  # ("code", text) or ("to", lines)
    code_start, k = 0, 0
    while k < len(spans):
        if words[k] == "to":
            pieces.append(("code", source[code_start:spans[k][0]]))
            title_end = k + 2
            while title_end < len(spans) and (words[title_end][:1] in (":", "[")
                                              or words[title_end].isdigit()):
                title_end += 1
            title = source[spans[k][0]:spans[min(title_end, len(spans)) - 1][1]]
            end = next((j for j in range(title_end, len(spans)) if words[j] == "end"), None)
            body_stop = spans[end][0] if end is not None else len(source)
            body_start = spans[title_end][0] if title_end < len(spans) else len(source)
            body = source[body_start:body_stop].strip() if body_start < body_stop else ""
            pieces.append(("to", "\n".join(filter(None, [title, body]))
                           + ("\nend" if end is not None else "")))
            code_start = spans[end][1] if end is not None else len(source)
            k = (end if end is not None else len(spans)) + 1
            continue
        k += 1
    pieces.append(("code", source[code_start:]))
    lines = [text.strip() for kind, text in pieces[:-1] if text.strip()]
    last = pieces[-1][1].strip()
    if want_value:
        # Inline rather than a procedure of ours: the cases ERALL and UNBURYALL.
        # The bracket on a line of its own: a comment in the case must not hide it.
        lines.append(f"make \"jsl.value runresult [{last}\n]\n{_RESULT}")
    elif last:
        lines.append(last)
    return "\n".join(lines) + "\n"


_RESULT = ('ifelse emptyp :jsl.value [print "@@novalue] [print "@@value show first :jsl.value]'
           '\nern "jsl.value')
_REPORT = ('make "jsl.error error\n'
           'if not emptyp :jsl.error [(print "@@error item 2 :jsl.error)]\nern "jsl.error\n')


# -- running ---------------------------------------------------------------------------------

class Timeout(KeyboardInterrupt):
    """A case ran longer than its time."""


def run_ours(cases: list[Case], timeout: float) -> None:
    """Each group in a fresh session, each case as a cell; its transcript goes in ``ours``."""
    def alarm(*_: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        session, group = None, None
        for case in cases:
            if case.excluded:
                continue
            if case.group != group or session is None:
                console = ScriptedConsole([])
                session, group = LogoSession(console=console), case.group
            before = len(console.output)
            # Again every second, in case a stray handler swallows the first.
            signal.setitimer(signal.ITIMER_REAL, timeout, 1.0)
            try:
                session.run_file(logo_lines(case.source, case.kind in ("equals", "predicate")))
                ending = ""
            except LogoError as error:
                ending = f"@@error {error.bare_message}\n"
            except ProgramExit:
                ending, session = "@@bye\n", None
            except Timeout:
                ending, session = "@@timeout\n", None
            except Exception as error:  # noqa: BLE001 - a crash is a finding, not the end
                ending, session = f"@@crash {type(error).__name__}: {error}\n", None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            case.ours = console.output[before:] + ending
    finally:
        signal.signal(signal.SIGALRM, previous)


def run_ucblogo(cases: list[Case], timeout: float, folder: Path) -> None:
    """Each group in one ucblogo process; a case that ends ucblogo (BYE, or one that never
    ends) ends the process, and the rest of its group goes on in a new one."""
    pending = [case for case in cases if not case.excluded]
    while pending:
        batch = [case for case in pending if case.group == pending[0].group]
        done = _ucblogo_batch(batch, timeout, folder)
        if done == 0:
            batch[0].theirs, done = "@@timeout\n", 1
        pending = [case for case in pending if case not in batch[:done]]


def _ucblogo_batch(batch: list[Case], timeout: float, folder: Path) -> int:
    """Runs the cases in one ucblogo and says how many it finished (their ``theirs`` set)."""
    out = folder / "out.txt"
    out.unlink(missing_ok=True)
    program = []
    for index, case in enumerate(batch):
        file = folder / f"case{index}.lg"
        file.write_text(logo_lines(case.source, case.kind in ("equals", "predicate")))
        # The file is closed after each case, so what a case wrote is on disk even if the
        # case ends ucblogo.
        program.append(f'openappend "{out}\nsetwrite "{out}\n(print "@@case {index})\n'
                       f'catch "error [load "{file}]\n{_REPORT}(print "@@done)\n'
                       f'setwrite []\nclose "{out}\n')
    program.append("bye\n")
    main = folder / "main.lg"
    main.write_text("".join(program))
    try:
        subprocess.run(["xvfb-run", "-a", "ucblogo", str(main)], capture_output=True,
                       timeout=8 + len(batch) / 10, check=False, cwd=folder)
    except subprocess.TimeoutExpired:
        pass
    text = out.read_text(errors="replace") if out.exists() else ""
    done = 0
    for chunk in text.split("@@case ")[1:]:
        index, _, body = chunk.partition("\n")
        done = int(index) + 1
        if not body.endswith("@@done\n"):
            batch[done - 1].theirs = body + "@@bye\n"  # BYE ended ucblogo
            break
        # ERROR's message keeps a blank where UCBLogo puts the procedure ("how  to"); its
        # printed message has one.
        batch[done - 1].theirs = re.sub(r"(@@error .*?)  ", r"\1 ", body[:-len("@@done\n")])
    return done


# -- comparing -------------------------------------------------------------------------------

def show_form(value: object) -> str:
    """A JavaScript expectation as UCBLogo's SHOW prints it."""
    if isinstance(value, list):
        return "[" + " ".join(show_form(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)


def parts(transcript: str) -> tuple[str, str, object]:
    """A transcript's printed text, its ending (value, error ...) and the value if any."""
    for marker in ("@@value\n", "@@novalue\n", "@@error ", "@@bye", "@@timeout", "@@crash"):
        at = transcript.rfind(marker)
        if at >= 0:
            ending = transcript[at:]
            value: object = None
            if marker == "@@value\n":
                value = ending[len(marker):].removesuffix("\n")
            elif marker == "@@novalue\n":
                value = NO_VALUE
            return transcript[:at], ending, value
    return transcript, "", None


def _same_number(mine: str, expected: object) -> bool:
    if not isinstance(expected, (int, float)) or isinstance(expected, bool):
        return False
    try:
        return abs(float(mine) - expected) < 1e-12
    except ValueError:
        return False


def meets_jslogo(case: Case) -> bool:
    printed, ending, value = parts(case.ours)
    failed = ending.startswith(("@@error", "@@timeout", "@@crash"))
    if case.kind == "error":
        return ending.startswith("@@error")
    if case.kind == "run":
        return not failed
    if case.kind == "stream":
        expected = str(case.expected)
        if "\nError: " in expected:
            return ending.startswith("@@error") and printed == expected.split("\nError: ")[0]
        return not failed and printed == expected
    if case.kind == "predicate":
        return isinstance(value, str) and Predicate(case.expected).holds(value)
    if case.expected is NO_VALUE:
        return value is NO_VALUE or ending.startswith("@@bye")
    return isinstance(value, str) and (value == show_form(case.expected)
                                       or _same_number(value, case.expected))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path,
                        help="jslogo's tests.js, a checkout of jslogo, or its bare git folder")
    parser.add_argument("-k", dest="pattern", help="only cases whose Logo contains this")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list where we differ from jslogo's expectation")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    args = parser.parse_args(argv)
    cases = read_cases(_tests_js(args.source))
    if args.pattern:
        cases = [case for case in cases if args.pattern.lower() in case.source.lower()]
    run_ours(cases, args.timeout)
    oracle = shutil.which("ucblogo") and shutil.which("xvfb-run")
    if oracle:
        with tempfile.TemporaryDirectory(prefix="jslogo-") as folder:
            run_ucblogo(cases, args.timeout, Path(folder))
    report(cases, bool(oracle), args.verbose)
    return 0


def _tests_js(source: Path) -> str:
    if source.is_file():
        return source.read_text()
    if (source / "tests.js").is_file():
        return (source / "tests.js").read_text()
    return subprocess.run(["git", "-C", str(source), "show", "HEAD:tests.js"],
                          capture_output=True, text=True, check=True).stdout


def _brief(transcript: str | None) -> str:
    return repr((transcript or "")[:160])


def report(cases: list[Case], oracle: bool, verbose: bool) -> None:
    run = [case for case in cases if not case.excluded]
    excluded: dict[str, int] = {}
    for case in cases:
        if case.excluded:
            excluded[case.excluded] = excluded.get(case.excluded, 0) + 1
    print(f"jslogo's tests.js: {len(cases)} cases, {len(run)} run")
    for why, count in sorted(excluded.items()):
        print(f"  not run: {count} {why}")
    if oracle:
        differ = [case for case in run if case.ours != case.theirs]
        print(f"agree with UCBLogo 6.2: {len(run) - len(differ)} of {len(run)}")
    meets = [case for case in run if meets_jslogo(case)]
    print(f"meet jslogo's expectation: {len(meets)} of {len(run)}")
    if oracle:
        uc_meets = [case for case in run if meets_jslogo(Case(
            case.group, case.number, case.kind, case.source, case.expected,
            ours=case.theirs or ""))]
        print(f"  (UCBLogo itself meets jslogo's expectation in {len(uc_meets)} of {len(run)})")
        print("\nDifferences from UCBLogo:")
        for case in differ:
            print(f"- {case.label} [{case.kind}] {case.source!r}\n"
                  f"    ours:    {_brief(case.ours)}\n    ucblogo: {_brief(case.theirs)}")
    if verbose:
        print("\nNot meeting jslogo's expectation:")
        for case in run:
            if case not in meets:
                print(f"- {case.label} {case.source!r}: expected "
                      f"{show_form(case.expected)!r}, ours {_brief(case.ours)}")


if __name__ == "__main__":
    sys.exit(main())
