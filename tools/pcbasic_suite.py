"""Run PC-BASIC's own test suite through Time Warp BASIC and report N of M passing.

PC-BASIC (robhagemans/pcbasic on GitHub) keeps a suite of small GW-BASIC programs in
``tests/basic/<category>/<name>/``: a ``TEST.BAS`` with a ``PCBASIC.INI`` saying how to run
it, and in ``model/`` the files the program wrote when run in real GW-BASIC (for the
``gwbasic`` category; the other categories have models from other BASICs or from PC-BASIC
itself).  A test passes when every model file is written with the same content.

Nothing of that suite is committed here: point this script at a checkout (or at the bare
git directory that the project's ``fetch`` tool makes) and it copies each test into a
scratch folder, runs it in a fresh process with a time limit, and compares.  Failing tests
are matched against ``docs/pcbasic-suite.md``, where each deviation left has its reason;
the script says which failures have no reason written and which listed tests now pass.

    python tools/pcbasic_suite.py /path/to/pcbasic            # the gwbasic category
    python tools/pcbasic_suite.py /path/to/pcbasic --category all -k PRINT -v

File contents are compared after GW-BASIC's text-file conventions are set aside (``\\r\\n``
line ends and the closing Ctrl-Z, see docs/known-deviations.md, "Files and devices"), and
file names without regard to case, as on DOS.
"""

from __future__ import annotations

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REASONS = ROOT / "docs" / "pcbasic-suite.md"
CATEGORIES = ("gwbasic", "unsorted", "pcbasic", "tandy", "pcjr")

# The child process: runs one test in the current folder at GW-BASIC's prompt, as
# `timewarp basic` gives it (timewarp.basic.prompt): the program run (or loaded) as
# GWBASIC PROG did, then PCBASIC.INI's ``keys`` (e.g. "cont", "run 1000", "system") typed
# at the Ok prompt, key by key through GW-BASIC's screen editor (cursor keys, Esc and
# Ctrl-J included).  Errors are told on the screen, in GW-BASIC's words alone.
_CHILD = r"""
import json, sys
from timewarp.basic.session import BasicSession
from timewarp.basic.prompt import Prompt
from timewarp.basic.program import split_numbered
from timewarp.cli import read_program
from timewarp.engine import ScriptedConsole
spec = json.loads(sys.argv[1])
# One queue of typed keys, as at GW-BASIC's keyboard: the prompt reads them through the
# screen editor; INPUT takes a line of them (to Enter, without the editing keys; Ctrl-C
# breaks it off, ScriptedConsole.CTRL_C).  Keys after the last Enter are held for INKEY$.
class Keyboard(ScriptedConsole):
    def __init__(self, typed, held):
        super().__init__([], echo=True, keys=held)
        self.typed = typed

    def next_key(self):
        if not self.typed:
            raise EOFError
        return self.typed.pop(0)

    def read_line(self, prompt=""):
        if not self.answers and self.typed:
            line = []
            while self.typed:
                key = self.typed.pop(0)
                if key in ("\r", ScriptedConsole.CTRL_C):
                    line = [key] if key == ScriptedConsole.CTRL_C else line
                    break
                if key[:1] != "\0" and key != "\x1b":
                    line.append(key)
            self.answers.append("".join(line))
        return super().read_line(prompt)

console = Keyboard(spec["keys"], spec["held"])
session = BasicSession(console=console)
source = read_program(spec["program"]).replace("\r\n", "\n") if spec["program"] else ""
# A program in GW-BASIC's binary form goes through LOAD, which alone knows a protected one.
binary = bool(spec["program"]) and open(spec["program"], "rb").read(1) in (b"\xff", b"\xfe")

# GW-BASIC's prompt, as `timewarp basic` gives it: Ok, the typed lines, errors in GW-BASIC's
# own words, all on the text screen that the tests read back through PEEK.
prompt = Prompt(session, explain=False, echo=True)
prompt.listen_keys(console.next_key)
name = spec["program"].rsplit("/", 1)[-1]
if binary:
    going = prompt.command(("RUN" if spec["run"] else "LOAD") + f' "{name}"')
elif spec["run"]:
    going = prompt.start(source)
else:
    for text in source.splitlines():
        split = split_numbered(text)
        if split is not None:
            session.program.set_line(*split)
    going = prompt.start()
if going:
    prompt.serve()
try:
    session.runtime.files.close_all()
except Exception:
    pass
sys.stdout.write(console.output)
"""


@dataclass
class Outcome:
    category: str
    name: str
    passed: bool
    why: str = ""
    output: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def test(self) -> str:
        return f"{self.category}/{self.name}"


class Suite:
    """Reads the tests out of a checkout or a bare git directory."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.bare = not (source / "tests" / "basic").is_dir()

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "-C", str(self.source), *args], check=True,
                              capture_output=True).stdout

    def names(self, category: str) -> list[str]:
        if not self.bare:
            folder = self.source / "tests" / "basic" / category
            return sorted(p.name for p in folder.iterdir() if (p / "PCBASIC.INI").is_file())
        listing = self._git("ls-tree", "-r", "--name-only", f"HEAD:tests/basic/{category}")
        return sorted({line.split("/")[0] for line in listing.decode().splitlines()
                       if line.endswith("/PCBASIC.INI") and line.count("/") == 1})

    def copy(self, category: str, name: str, into: Path) -> None:
        """Copy the test's files (model/ included) into ``into``."""
        if not self.bare:
            shutil.copytree(self.source / "tests" / "basic" / category / name, into,
                            dirs_exist_ok=True)
            return
        base = f"tests/basic/{category}/{name}"
        for path in self._git("ls-tree", "-r", "--name-only", f"HEAD:{base}").decode().splitlines():
            target = into / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._git("show", f"HEAD:{base}/{path}"))


def exec_commands(text: str) -> list[str]:
    """PC-BASIC's ``exec`` setting as the commands it carries out, one by one: split at each
    colon outside a quoted string."""
    commands, quoted, current = [], False, ""
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == ":" and not quoted:
            commands.append(current)
            current = ""
        else:
            current += char
    return [*commands, current] if text else []


def typed_keys(keys: str) -> tuple[list[str], list[str]]:
    """PCBASIC.INI's ``keys`` as the keys typed up to the last Enter, and those after it, held
    in the keyboard buffer for INKEY$ and INPUT$; a NUL and a scan code make one key (the
    cursor keys, F1 is ``"\\0;"``).  Escapes are C-like (``\\r``, ``\\x03``, ``\\0\\x48``)."""
    text = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), keys)
    text = text.replace("\\0", "\0").replace("\\r", "\r").replace("\\n", "\n")
    typed, enter, held = text.rpartition("\r")
    return _keys(typed + enter), _keys(held)


def _keys(text: str) -> list[str]:
    return re.findall("\0.|.", text, flags=re.DOTALL)


def _normalise(data: bytes) -> bytes:
    data = data.rstrip(b"\x1a")
    return data.replace(b"\r\n", b"\n")


def _as_bytes_of_basic(data: bytes) -> bytes:
    """A text file Time Warp wrote, as GW-BASIC's bytes: Time Warp writes sequential files
    in UTF-8, so CHR$(128) to CHR$(255) take two bytes each (docs/known-deviations.md,
    "Files and devices"); a file that is UTF-8 of those characters alone is compared as
    the one byte each that GW-BASIC wrote.  Any other file is compared as it is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return text.encode("latin-1") if all(ord(c) < 256 for c in text) else data


def _settings(ini: Path) -> dict:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read_string(ini.read_text(encoding="latin-1"))
    section = parser["pcbasic"] if parser.has_section("pcbasic") else {}
    return {key: section.get(key) for key in section}


def run_one(suite: Suite, category: str, name: str, timeout: float,
            keep: Path | None = None) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="pcbasic-") as scratch:
        base = Path(scratch) / "test"
        suite.copy(category, name, base)
        model = base / "model"
        if model.is_dir():
            shutil.move(model, Path(scratch) / "model")
        for extra in ("known", "accepted"):
            shutil.rmtree(base / extra, ignore_errors=True)
        model = Path(scratch) / "model"
        given = {p.name.lower() for p in base.iterdir()}
        ini = _settings(base / "PCBASIC.INI")
        program = ini.get("run") or ini.get("load") or "TEST.BAS"
        found = {p.name.lower(): p for p in base.iterdir()}
        path = found.get(program.lower())
        named = ini.get("run") or ini.get("load")
        if path is None and named:
            return Outcome(category, name, False, f"no program {program}")
        # With none named (and no TEST.BAS), GW-BASIC starts empty and the keys are typed.
        keys, held = typed_keys(ini.get("keys") or "")
        # PC-BASIC's `exec` is a list of commands (its colons are Enters, outside quotes),
        # carried out before the RUN that `run` asks for.
        commands = exec_commands(ini.get("exec") or "")
        run_first = bool(ini.get("run")) and not commands
        if commands and ini.get("run"):
            commands.append("RUN")
        keys[:0] = [key for command in commands for key in (*command, "\r")]
        input_file = ini.get("input")
        if input_file and (base / input_file).is_file():   # typed first, a line at a time
            lines = (base / input_file).read_text(encoding="latin-1").splitlines()
            keys[:0] = [key for line in lines for key in (*line, "\r")]
        spec = {"program": str(path) if path else "", "run": run_first,
                "keys": keys, "held": held}
        env = dict(os.environ, PYTHONHASHSEED="0")
        try:
            done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(spec)], cwd=base,
                                  capture_output=True, timeout=timeout, env=env, check=False)
            output = done.stdout.decode("utf-8", "replace")
            if done.returncode != 0:
                last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
                return Outcome(category, name, False, f"crashed: {' '.join(last)}", output)
        except subprocess.TimeoutExpired as expired:
            output = (expired.stdout or b"").decode("utf-8", "replace")
            stopped = f"still running after {timeout:g} s"
        else:
            stopped = ""
        if keep is not None:        # the test's folder as the run left it, to look into
            shutil.copytree(base, keep / category / name, dirs_exist_ok=True)
        made = {p.name.lower(): p for p in base.iterdir() if p.is_file()}
        wrong = []
        for expected in sorted(model.rglob("*")) if model.is_dir() else []:
            if not expected.is_file():
                continue
            mine = made.get(expected.name.lower())
            if expected.name.lower() in given:
                continue        # a model of a file the test brings along is not compared
            if mine is None:
                wrong.append(f"{expected.name} not written")
            elif _normalise(_as_bytes_of_basic(mine.read_bytes())) != _normalise(
                    expected.read_bytes()):
                wrong.append(f"{expected.name} differs: {_first_difference(mine, expected)}")
        models = {p.name.lower() for p in model.rglob("*")} if model.is_dir() else set()
        for extra in sorted(set(made) - given - models):
            wrong.append(f"{made[extra].name} written but GW-BASIC wrote no such file")
        if not wrong and not stopped:
            return Outcome(category, name, True, output=output)
        why = "; ".join(([stopped] if stopped else []) + wrong)
        return Outcome(category, name, False, why, output, wrong)


def _first_difference(mine: Path, expected: Path) -> str:
    ours_bytes = _normalise(_as_bytes_of_basic(mine.read_bytes()))
    theirs_bytes = _normalise(expected.read_bytes())
    if expected.suffix.lower() in _BINARY:
        return _first_byte_difference(ours_bytes, theirs_bytes)
    ours = ours_bytes.decode("latin-1").split("\n")
    theirs = theirs_bytes.decode("latin-1").split("\n")
    for number, (a, b) in enumerate(zip(ours, theirs), 1):
        if a != b:
            return f"line {number}: {a.rstrip()!r} where GW-BASIC wrote {b.rstrip()!r}"
    if len(ours) != len(theirs):
        return f"{len(ours)} lines where GW-BASIC wrote {len(theirs)}"
    return "same text, other bytes"


_BINARY = {".bsv", ".bin", ".dat", ".rnd"}


def _first_byte_difference(ours: bytes, theirs: bytes) -> str:
    """Where two binary files (a BSAVE of the screen, a random-access file) part."""
    count = sum(a != b for a, b in zip(ours, theirs)) + abs(len(ours) - len(theirs))
    at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
              min(len(ours), len(theirs)))
    return (f"{count} bytes differ, the first at byte {at}: {ours[at:at + 8].hex(' ')} where "
            f"GW-BASIC wrote {theirs[at:at + 8].hex(' ')} ({len(ours)} bytes, GW-BASIC "
            f"{len(theirs)})")


def written_reasons() -> dict[str, str]:
    """``category/name`` -> reason, from the list in docs/pcbasic-suite.md."""
    reasons = {}
    if REASONS.is_file():
        for line in REASONS.read_text(encoding="utf-8").splitlines():
            match = re.match(r"- `([\w$.-]+/[\w$.-]+)` — (.+)", line)
            if match:
                reasons[match.group(1)] = match.group(2)
    return reasons


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, nargs="?",
                        default=Path("/work/.mirror/robhagemans+pcbasic/repo"),
                        help="a pcbasic checkout or bare git directory")
    parser.add_argument("--category", default="gwbasic", choices=(*CATEGORIES, "all"))
    parser.add_argument("-k", dest="pattern", help="only tests whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each failure")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per test")
    parser.add_argument("--keep", type=Path, help="keep each test's folder after its run here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write every outcome here")
    args = parser.parse_args(argv)

    suite = Suite(args.source)
    categories = CATEGORIES if args.category == "all" else (args.category,)
    todo = [(c, n) for c in categories for n in suite.names(c)
            if not args.pattern or args.pattern.lower() in n.lower()]
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(lambda t: run_one(suite, *t, args.timeout, args.keep), todo))

    reasons = written_reasons()
    for outcome in outcomes:
        if args.verbose and not outcome.passed:
            print(f"FAIL {outcome.test}: {outcome.why}")
            if outcome.output.strip():
                print("     screen: " + outcome.output.strip().replace("\n", "\n             ")[:600])
    for category in categories:
        mine = [o for o in outcomes if o.category == category]
        if mine:
            print(f"{category}: {sum(o.passed for o in mine)} of {len(mine)} passing")
    unexplained = [o.test for o in outcomes if not o.passed and o.test not in reasons]
    stale = [o.test for o in outcomes if o.passed and o.test in reasons]
    if unexplained:
        print(f"failing with no reason in {REASONS.relative_to(ROOT)}: " + ", ".join(unexplained))
    if stale:
        print(f"listed in {REASONS.relative_to(ROOT)} but passing now: " + ", ".join(stale))
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
