"""Run the NBS Minimal BASIC test programs through Time Warp BASIC and PC-BASIC and compare.

The National Bureau of Standards' test programs for Minimal BASIC (Special Publication 500-70,
208 programs ``P001.BAS`` ... ``P208.BAS``) check a BASIC against ANSI X3.60.  Time Warp BASIC
follows GW-BASIC, so the reference here is not the standard but PC-BASIC (a faithful GW-BASIC
emulator, ``pcbasic`` in the venv): each program runs in both, with the same typed answers
for the programs that ask for input, and the two transcripts must be the same.

Nothing of the suite is committed here: point the script at a copy, e.g. the jorgicor/bas55
repository (its ``tests/`` folder holds the programs) as a checkout, a bare git directory (what
the project's ``fetch`` tool makes) or a plain folder of ``P*.BAS`` files.

    python tools/nbs_suite.py /work/.mirror/jorgicor+bas55/repo
    python tools/nbs_suite.py SUITE -k P107 -v          # one program, with its difference
    python tools/nbs_suite.py SUITE --oracle-cache /tmp/nbs-oracle   # PC-BASIC run once

Answers are made while PC-BASIC runs, from what the program has just printed (the programs
say what to type: "PLEASE ENTER: 1,2,3", a reply indented two spaces with ``=`` for a blank
and ``#`` for a quote, ``0,0,0`` after "Redo from start"); the same answers are then typed
into Time Warp.  Transcripts are compared after CR LF becomes LF and the plain-words
explanation Time Warp adds after an error message ("Syntax error in 20: ...") is cut off.
Programs that still differ are matched against the reasons listed in docs/nbs-suite.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REASONS = ROOT / "docs" / "nbs-suite.md"
MAX_ANSWERS = 200

# The answers a program gets, worked out from what it printed since the last one.  Shared by
# both children (its source is put in front of each), so this is plain Python with no imports
# but ``re``.
_RESPOND = r'''
import re
FIXED = {"P203": ["14", "80", "5"]}

def respond(name, transcript, answers):
    """The next line to type, or None to stop typing."""
    if len(answers) >= 200:
        return None
    if name in FIXED:
        fixed = FIXED[name]
        return fixed[len(answers)] if len(answers) < len(fixed) else None
    lines = transcript.replace("\r\n", "\n").split("\n")
    shown = [line for line in lines[:-1] if line.strip()]
    last = shown[-1] if shown else ""
    if lines[-1].startswith("Random number seed"):
        return "1234"
    if "Redo from start" in last:
        counts = re.findall(r"SHOULD BE\s+(\d+)\s+ITEM", transcript)
        return ",".join(["0"] * int(counts[-1])) if counts else "0"
    if last.rstrip().endswith("(Y OR N)?"):
        return "N"
    if last.rstrip().endswith("(RESPOND 1, 2, OR 3)?"):
        return "1"
    if "ENTER VALUE TO BE USED AS SUBSCRIPT" in last:
        return ["1", "0", "2", "100"][min(len(answers), 3)]
    for line in shown[-3:]:
        if match := re.fullmatch(r"(?:PLEASE )?ENTER:?\s+([-+.\w,]+)\s*", line):
            return match.group(1)
    if "ZONE-WIDTH FOR THIS" in last:
        return "14"
    if last.startswith("  "):
        return last[2:].replace("=", " ").replace("#", '"')
    return None
'''

# PC-BASIC's child: the program is typed in line by line and RUN; whenever the program waits
# for a key with none left, the answer is worked out from the screen so far and typed.
_PCBASIC_CHILD = _RESPOND + r'''
import io, json, sys
import pcbasic
spec = json.loads(sys.argv[1])
screen = io.StringIO()
answers = []
with pcbasic.Session(input_streams=None, output_streams=screen) as session:
    for line in open(spec["program"], encoding="latin-1").read().splitlines():
        if line.strip():
            session.execute(line)
    keyboard = session._impl.keyboard
    waiting = keyboard.wait_char

    def wait_char(keyboard_only=False):
        if (not keyboard_only and keyboard.buf.empty and not keyboard._stream_buffer
                and not keyboard._expansion_vessel and not keyboard._input_closed):
            answer = respond(spec["name"], screen.getvalue(), answers)
            if answer is None:
                keyboard._close_input()
            else:
                answers.append(answer)
                keyboard.inject_keystrokes(answer + "\r")
        return waiting(keyboard_only)

    keyboard.wait_char = wait_char
    session.execute("RUN")
sys.stdout.write(json.dumps({"transcript": screen.getvalue(), "answers": answers}))
'''

# Time Warp's child: the program run as `timewarp run` runs it, the answers typed in turn.
_TIMEWARP_CHILD = r'''
import json, sys
from timewarp.basic.session import BasicSession
from timewarp.engine import LanguageError, ProgramExit, ScriptedConsole
spec = json.loads(sys.argv[1])

class NoMoreAnswers(BaseException):
    """The answers PC-BASIC took have run out: it stopped there, so stop here too."""

class Console(ScriptedConsole):
    def read_line(self, prompt=""):
        if not self.answers:
            self.write(prompt)
            raise NoMoreAnswers()
        return super().read_line(prompt)

console = Console(spec["answers"], echo=True)
session = BasicSession(console=console)
source = open(spec["program"], encoding="latin-1").read().replace("\r\n", "\n")
try:
    session.run_file(source)
except (ProgramExit, EOFError, NoMoreAnswers):
    pass
except LanguageError as error:
    # Time Warp shows an error apart from the program's output (stderr, a notebook's error
    # box), so on a line of its own, as GW-BASIC does.
    console.write(("" if console.output.endswith("\n") or not console.output else "\n")
                  + str(error) + "\n")
sys.stdout.write(json.dumps({"transcript": console.output}))
'''


@dataclass
class Outcome:
    name: str
    same: bool
    why: str = ""
    ours: str = ""
    theirs: str = ""


class Suite:
    """The programs of a checkout, a bare git directory or a plain folder."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.folder = next((f for f in (source / "tests", source) if list(f.glob("P*.BAS"))), None)

    def names(self) -> list[str]:
        if self.folder is not None:
            return sorted(p.stem for p in self.folder.glob("P[0-9][0-9][0-9].BAS"))
        listing = subprocess.run(["git", "-C", str(self.source), "ls-tree", "--name-only",
                                  "HEAD:tests"], check=True, capture_output=True, text=True)
        return sorted(n[:-4] for n in listing.stdout.split() if re.fullmatch(r"P\d{3}\.BAS", n))

    def text(self, name: str) -> bytes:
        if self.folder is not None:
            return (self.folder / f"{name}.BAS").read_bytes()
        return subprocess.run(["git", "-C", str(self.source), "show", f"HEAD:tests/{name}.BAS"],
                              check=True, capture_output=True).stdout


def _child(script: str, spec: dict, timeout: float) -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", script, json.dumps(spec)],
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as expired:
        return {"transcript": (expired.stdout or b"").decode("utf-8", "replace"),
                "failed": f"still running after {timeout:g} s"}
    if done.returncode != 0:
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return {"transcript": "", "failed": f"crashed: {' '.join(last)}"}
    return json.loads(done.stdout.decode("utf-8"))


_OUR_ERROR = re.compile(r"(.* in \d+): .*")


def normalise_theirs(transcript: str) -> str:
    """PC-BASIC's screen as lines: LF line ends, no CHR$(255) after an error message."""
    return transcript.replace("\r\n", "\n").replace("\xa0\n", "\n")


def normalise_ours(transcript: str) -> str:
    """Time Warp's transcript with the explanation after an error message cut off."""
    lines = transcript.split("\n")
    return "\n".join(m.group(1) if (m := _OUR_ERROR.fullmatch(line)) else line
                     for line in lines)


def first_difference(ours: str, theirs: str) -> str:
    a, b = ours.split("\n"), theirs.split("\n")
    for number, (mine, gw) in enumerate(zip(a, b), 1):
        if mine != gw:
            return f"line {number}: {mine!r} where PC-BASIC printed {gw!r}"
    return f"{len(a)} lines where PC-BASIC printed {len(b)}"


def oracle(suite: Suite, name: str, program: Path, timeout: float, cache: Path | None) -> dict:
    key = hashlib.sha256(suite.text(name)).hexdigest()[:16]
    cached = cache / f"{name}-{key}.json" if cache else None
    if cached and cached.is_file():
        return json.loads(cached.read_text())
    result = _child(_PCBASIC_CHILD, {"program": str(program), "name": name}, timeout)
    if cached and "failed" not in result:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(result))
    return result


def run_one(suite: Suite, name: str, scratch: Path, timeout: float,
            cache: Path | None) -> Outcome:
    program = scratch / f"{name}.BAS"
    program.write_bytes(suite.text(name))
    gw = oracle(suite, name, program, timeout, cache)
    if "failed" in gw:
        return Outcome(name, False, f"PC-BASIC {gw['failed']}")
    tw = _child(_TIMEWARP_CHILD, {"program": str(program), "answers": gw["answers"]}, timeout)
    theirs = normalise_theirs(gw["transcript"])
    ours = normalise_ours(tw["transcript"])
    if "failed" in tw:
        return Outcome(name, False, f"Time Warp {tw['failed']}", ours, theirs)
    if ours == theirs:
        return Outcome(name, True, ours=ours, theirs=theirs)
    return Outcome(name, False, first_difference(ours, theirs), ours, theirs)


def written_reasons() -> dict[str, str]:
    """Program name -> why it still differs, from the list in docs/nbs-suite.md."""
    reasons = {}
    if REASONS.is_file():
        for line in REASONS.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"- `(P\d{3})` — (.+)", line):
                reasons[match.group(1)] = match.group(2)
    return reasons


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the suite: a folder of P*.BAS, a checkout "
                        "of jorgicor/bas55 or its bare git directory")
    parser.add_argument("-k", dest="pattern", help="only programs whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each difference")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per program")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--oracle-cache", type=Path,
                        help="keep PC-BASIC's transcripts here and reuse them")
    parser.add_argument("--diff", action="store_true", help="print whole transcripts' diffs")
    args = parser.parse_args(argv)

    suite = Suite(args.source)
    names = [n for n in suite.names() if not args.pattern or args.pattern.upper() in n.upper()]
    if not names:
        parser.error(f"no P*.BAS programs found in {args.source}")
    with tempfile.TemporaryDirectory(prefix="nbs-") as scratch, ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(
            lambda n: run_one(suite, n, Path(scratch), args.timeout, args.oracle_cache), names))

    reasons = written_reasons()
    for outcome in outcomes:
        if not outcome.same:
            print(f"DIFF {outcome.name}: {outcome.why}")
            if args.verbose and outcome.name in reasons:
                print(f"     reason: {reasons[outcome.name]}")
            if args.diff:
                import difflib
                sys.stdout.writelines(difflib.unified_diff(
                    outcome.theirs.splitlines(True), outcome.ours.splitlines(True),
                    "PC-BASIC", "Time Warp", n=1))
    same = sum(o.same for o in outcomes)
    print(f"{same} of {len(outcomes)} NBS programs print the same transcript as PC-BASIC")
    unexplained = [o.name for o in outcomes if not o.same and o.name not in reasons]
    stale = [o.name for o in outcomes if o.same and o.name in reasons]
    if unexplained and reasons:
        print(f"differing with no reason in {REASONS.relative_to(ROOT)}: " + ", ".join(unexplained))
    if stale:
        print(f"listed in {REASONS.relative_to(ROOT)} but the same now: " + ", ".join(stale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
