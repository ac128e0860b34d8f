"""Run the listings of David Ahl's "BASIC Computer Games" through Time Warp BASIC and PC-BASIC.

The original Microsoft BASIC listings of the 1978 book are kept, one folder per game, in the
coding-horror/basic-computer-games repository on GitHub.  Nothing of it is committed here:
point this script at a checkout (or at the bare git directory that the project's ``fetch``
tool makes) and it runs every original ``.bas`` twice, in Time Warp BASIC and in PC-BASIC (a
faithful GW-BASIC emulator, the oracle), each in a fresh process, with the same typed answers:
the game's own list below, then a fallback answer for every further prompt (up to a count),
then no more input.  Games loop for ever, so each run also stops at an output limit and a
time limit.  The two transcripts are compared, and the differences listed.

    python tools/games_suite.py /path/to/basic-computer-games            # every game
    python tools/games_suite.py /path/to/basic-computer-games -k bagels -v

Both BASICs share GW-BASIC's RND sequence (the games never say RANDOMIZE), so the games deal
the same cards and roll the same dice in both.  PC-BASIC is slow, so its transcripts are kept
in a cache folder (keyed by program, answers and limits); ``--no-cache`` runs it again.
docs/games-suite.md holds the last result and the reason for each game that still differs.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUTPUT_LIMIT = 30000      # characters of transcript compared at most
FALLBACK_COUNT = 60       # answers given after the game's own list
TIMEOUT = {"timewarp": 60.0, "pcbasic": 120.0}

# Listings in the game folders that are not the book's: a histogram added by a translator,
# a version with long variable names, and an annotated copy that is not a program.
NOT_ORIGINAL = {"distributions.bas", "king_variable_update.bas", "checkers.annotated.bas"}

# Plausible answers, game by game (file name without .bas): what a first-time player might
# type, so that each game gets past its questions into play.  Then FALLBACK (default "1")
# answers every further prompt.  Answers run out eventually, which ends the game.
ANSWERS: dict[str, list[str]] = {
    "aceyducey": ["10", "20", "0", "30", "50", "100"],
    "amazing": ["10,8"],
    "animal": ["YES", "YES", "NO", "A BIRD", "DOES IT FLY", "YES", "YES", "NO", "NO"],
    "bagels": ["YES", "123", "456", "789", "321", "654", "987", "135", "246", "NO"],
    "banner": ["10", "6", "X", "Y", "*", "60", "Y", "HI", ""],
    "batnum": ["21", "1", "1,3", "2", "2", "1", "3"],
    "battle": ["1,1", "2,2", "3,3", "4,4", "5,5", "6,6", "1,6", "6,1"],
    "blackjack": ["1", "10", "H", "S", "20", "S", "30", "H", "H", "S"],
    "bombardment": ["1,2,3,4", "5", "10", "15", "20", "25"],
    "bombsaway": ["2", "3", "Y", "4", "N", "1", "50"],
    "bounce": ["0.1", "10", "0.5"],
    "bowling": ["1", "JOE", "YES"],
    "boxing": ["JOE", "SAM", "1", "2", "1", "2", "3", "4"],
    "bullfight": ["NO", "2", "1", "0", "2"],
    "bullseye": ["2", "ANN", "BOB", "1", "2", "3", "1", "2", "3"],
    "buzzword": ["Y", "1,2,3", "4,5,6", "N"],
    "change": ["1.95", "5", "3.50", "10"],
    "checkers": ["1,1", "2,2", "3,3"],
    "chemist": ["10", "20", "30", "2", "5"],
    "chief": ["YES", "10", "YES"],
    "chomp": ["1", "1", "5", "7", "2,3", "3,2", "1,2"],
    "civilwar": ["YES", "NO", "1", "YES", "100", "100", "100", "1"],
    "combat": ["30000", "10000", "10000", "1", "5000", "2", "3000"],
    "craps": ["10", "Y", "20", "5"],
    "cube": ["0", "1", "10", "1,1,2", "1,2,2", "2,2,2"],
    "depthcharge": ["10", "5,5,5", "1,2,3", "9,9,9"],
    "diamond": ["21"],
    "dice": ["100", "NO"],
    "digits": ["0", "0,1,2,0,1,2,0,1,2,0", "2,1,0,2,1,0,2,1,0,2"],
    "evenwins": ["YES", "3", "4", "2"],
    "gameofevenwins": ["NO", "2", "3", "1"],
    "flipflop": ["1", "3", "5", "7", "2", "4"],
    "football": ["YES", "1", "1", "2", "5", "3", "7"],
    "ftball": ["1", "1", "2", "3", "4", "5"],
    "furtrader": ["YES", "2", "100", "200", "50", "YES"],
    "golf": ["10", "1", "1", "1", "1", "10"],
    "gomoko": ["7", "4,4", "5,5", "6,6", "3,3"],
    "guess": ["100", "50", "25", "75", "60", "55"],
    "gunner": ["30000", "45", "30", "20", "10", "5"],
    "hammurabi": ["100", "10", "1000", "500", "50", "200", "0", "20", "300"],
    "hangman": ["E", "A", "T", "S", "O", "I", "N", "R"],
    "hello": ["JOE", "YES", "HEALTH", "NO", "MONEY", "YES", "BYE", "NO"],
    "hexapawn": ["Y", "1,4", "2,5", "3,6"],
    "hi-lo": ["50", "25", "75", "60", "10"],
    "highiq": ["NO", "23", "9", "10", "24", "11", "25"],
    "hockey": ["NO", "BOSTON,NEWYORK", "10", "JOE", "SAM", "JIM", "JOHN", "TED", "BOB",
               "AL", "ED", "FRED", "MIKE", "RAY", "PAUL", "SID", "1", "2", "3", "4", "2"],
    "horserace": ["YES", "2", "ANN", "BOB", "1,10", "2,5"],
    "hurkle": ["5,5", "2,2", "8,8", "7,3"],
    "kinema": ["20", "4", "5"],
    "king": ["NO", "100", "50", "100", "200"],
    "letter": ["M", "G", "J", "L", "K"],
    "life": ["*", " ***", " *", "DONE"],
    "lifefortwo": ["1,1", "1,2", "2,2", "5,5", "5,4", "4,4"],
    "litquiz": ["1", "2", "3", "4"],
    "love": ["I LOVE BASIC"],
    "lem": ["1", "2", "0,0,30", "10,5,3", "0,0,20"],
    "lunar": ["0", "10", "20", "200", "100", "50"],
    "rocket": ["NO", "0", "10", "20", "15", "8"],
    "mastermind": ["4", "4", "10", "BYRG", "BOARD", "RRRR", "QUIT"],
    "mathdice": ["5", "7", "6", "4"],
    "mugwump": ["5,5", "2,3", "7,7", "1,1"],
    "name": ["DAVID AHL", "N"],
    "nicomachus": ["1", "2", "3", "YES", "0", "0", "0", "NO"],
    "nim": ["1", "1", "YES", "3", "1,1", "2,1", "3,1"],
    "number": ["3", "2", "5", "1"],
    "onecheck": ["YES", "19,33", "20,6"],
    "orbit": ["90", "5", "30", "180", "3", "40"],
    "pizza": ["JOE", "2", "YES", "A", "1", "2", "YES", "1", "1"],
    "poetry": [],
    "poker": ["100", "10", "0", "2", "10", "5"],
    "queen": ["NO", "32", "44", "77"],
    "reverse": ["YES", "3", "5", "2", "7"],
    "rockscissors": ["3", "1", "2", "3"],
    "roulette": ["JANUARY 23, 1979", "YES", "2", "1,10", "13,10", "YES", "JOE"],
    "russianroulette": ["1", "1", "2"],
    "salvo": ["1,1", "2,2", "3,3", "4,4", "5,5", "6,6", "7,7"],
    "sinewave": [],
    "slalom": ["7", "YES", "1", "2", "1", "2"],
    "slots": ["10", "Y", "20", "Y"],
    "splat": ["NO", "NO", "YES", "YES", "5"],
    "stars": ["YES", "50", "25", "12", "6"],
    "stockmarket": ["YES", "1000", "0", "0", "0", "0", "YES"],
    "superstartrek": ["NAV", "1", "1", "SRS", "LRS", "PHA", "100", "XXX"],
    "superstartrekins": ["YES", ""],
    "synonym": ["GOOD", "HELP", "BIG"],
    "target": ["45,45,100", "10,20,50", "30,60,500"],
    "3dplot": [],
    "qubit": ["YES", "YES", "111", "222", "333", "444"],
    "tictactoe1": ["5", "1", "9", "3"],
    "tictactoe2": ["X", "5", "1", "9", "3", "7"],
    "tower": ["3", "1", "3", "2", "1", "3", "1", "2"],
    "train": ["30", "YES"],
    "trap": ["YES", "50,60", "25,30", "40,45"],
    "23matches": ["2", "3", "1"],
    "war": ["YES", "YES", "YES", "NO"],
    "weekday": ["7,4,1980", "12,5,2026"],
    "word": ["SEEDS", "GUESS", "WORDS"],
}


def _pairs(low: int, high: int, step: int = 3) -> list[str]:
    """Coordinates walked across a board, for games that ask "X,Y" again and again."""
    span = high - low + 1
    return [f"{low + (i * step) % span},{low + (i * 7 + i // span) % span}"
            for i in range(span * 3)]


# What answers every further prompt, cycled (default "1").  Games that ask for several
# numbers at once get as many, or GW-BASIC's "?Redo from start" would keep them waiting.
FALLBACK: dict[str, list[str]] = {
    "hangman": ["E", "T", "A", "O", "I", "N", "S", "H", "R", "D", "L", "U"],
    "word": ["HELLO", "STARE", "MOUND"], "mastermind": ["QUIT"],
    "battle": _pairs(1, 6), "hurkle": _pairs(0, 9), "mugwump": _pairs(0, 9),
    "lifefortwo": _pairs(1, 5), "trap": ["10,20", "60,70", "30,35", "80,90"],
    "salvo": _pairs(1, 10), "checkers": _pairs(0, 7), "chomp": _pairs(1, 5),
    "gomoko": _pairs(1, 7), "hexapawn": ["1,4", "2,5", "3,6", "4,7", "5,8", "6,9"],
    "depthcharge": ["3,4,5", "8,2,6", "1,9,4", "5,5,9"],
    "cube": ["1,1,2", "1,2,2", "2,2,2", "2,2,3", "2,3,3", "3,3,3", "1,1,1"],
    "target": ["20,40,300", "60,80,1000", "45,90,20000"],
    "digits": ["0,1,2,2,1,0,0,1,2,0"], "roulette": ["1,10", "13,5", "36,1"],
    "batnum": ["1", "2", "3"], "bombardment": ["5", "10", "15", "20", "25"],
}

# The children: each runs one game from a JSON spec, writes the transcript as it goes (so a
# game killed at the time limit keeps what it printed) and exits at the output limit.
_TIMEWARP = r"""
import json, os, sys
from timewarp.basic.session import BasicSession
from timewarp.engine import LanguageError, ScriptedConsole
spec = json.loads(sys.argv[1])
out = open(spec["out"], "w", encoding="utf-8")
written = 0

class Console(ScriptedConsole):
    exhausted = False
    last = "\n"
    def write(self, text):
        global written
        if text:
            Console.last = text[-1]
        out.write(text)
        out.flush()
        written += len(text)
        if written > spec["limit"]:
            os._exit(0)
    def read_line(self, prompt=""):
        if not self.answers:
            self.exhausted = True
        return super().read_line(prompt)

console = Console(spec["answers"])
session = BasicSession(console=console)
try:
    session.run_file(spec["program"])
except LanguageError as error:
    if not (console.exhausted and "Input past end" in str(error)):
        # On a line of its own, as GW-BASIC prints it.
        out.write(("" if Console.last == "\n" else "\n") + str(error) + "\n")
except EOFError:
    pass
out.close()
os._exit(0)
"""

_PCBASIC = r"""
import json, os, sys
import pcbasic
spec = json.loads(sys.argv[1])
out = open(spec["out"], "w", encoding="utf-8")

class Stream:
    written = 0
    def write(self, text):
        out.write(text)
        out.flush()
        Stream.written += len(text) - text.count("\r\n")    # counted as ours: "\n" ends a line
        if Stream.written > spec["limit"]:
            os._exit(0)
        return len(text)
    def flush(self):
        pass

with pcbasic.Session(input_streams=None, output_streams=Stream()) as session:
    for line in spec["program"].splitlines():
        if line.strip():
            session.execute(line)
    session.press_keys("".join(answer + "\r" for answer in spec["answers"]))
    # With the keyboard marked closed, a program that wants more input ends the session.
    session._impl.keyboard._close_input()
    session.execute("RUN")
out.close()
os._exit(0)
"""

_ERROR_LINE = re.compile(r"(.* in \d+): .*")

# Listings that run keywords into names (SINEWAVE's 40 REMARKABLE PROGRAM, SUPER STAR TREK's
# FOR I=1TO3), as 1978's Microsoft BASIC allowed: GW-BASIC wants them apart and stops with a
# syntax error, Time Warp reads them as the book meant (docs/known-deviations.md).  PC-BASIC
# gets these listings with a space put on each side of such keywords, where Time Warp's own
# lexer finds them, so that the rest of the game is still compared; Time Warp runs them as printed.
RUN_TOGETHER = {"sinewave", "superstartrek"}


def spaced(program: str) -> str:
    """The listing with keywords that touch a name or number set apart by spaces."""
    from timewarp.basic.lexer import tokenize

    lines = []
    for line in program.splitlines():
        number, _, text = line.partition(" ")
        if not number.isdigit():
            lines.append(line)
            continue
        cuts = set()
        for token in tokenize(text, classic=True):
            if token.kind != "kw" or token.value == "FN":
                continue
            start, end = token.pos, token.pos + len(str(token.value))
            if text[start:end].upper() != token.value:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] == "."):
                cuts.add(start)
            if end < len(text) and (text[end].isalnum() or text[end] == "."):
                cuts.add(end)
        for cut in sorted(cuts, reverse=True):
            text = text[:cut] + " " + text[cut:]
        text = re.sub(r"^(\s*REM)(?=\w)", r"\1 ", text, flags=re.IGNORECASE)   # no token
        lines.append(f"{number} {text}")
    return "\n".join(lines) + "\n"


@dataclass
class Result:
    game: str
    same: bool
    timewarp: str
    pcbasic: str
    note: str = ""


def listings(source: Path) -> list[tuple[str, str]]:
    """(name, program text) of every original listing, in the book's order."""
    bare = not (source / "01_Acey_Ducey").is_dir()

    def git(*args: str) -> bytes:
        return subprocess.run(["git", "-C", str(source), *args], check=True,
                              capture_output=True).stdout

    if bare:
        paths = [p for p in git("ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
                 if re.fullmatch(r"\d\d_[^/]+/[^/]+\.bas", p) and not p.startswith("00")]
    else:
        paths = sorted(str(p.relative_to(source)) for p in source.glob("[0-9][0-9]_*/*.bas")
                       if not p.parent.name.startswith("00"))
    games = []
    for path in sorted(paths):
        name = path.split("/")[1]
        if name.lower() in NOT_ORIGINAL:
            continue
        data = git("show", f"HEAD:{path}") if bare else (source / path).read_bytes()
        data = data.split(b"\x1a", 1)[0]
        games.append((name[:-4].lower(), data.decode("latin-1").replace("\r\n", "\n")))
    return games


def answers_for(game: str, count: int) -> list[str]:
    fallback = FALLBACK.get(game) or ["1"]
    return ANSWERS.get(game, []) + [fallback[i % len(fallback)] for i in range(count)]


def _run(kind: str, program: str, answers: list[str], limit: int) -> tuple[str, str]:
    """(transcript, note) from one run in a child process."""
    with tempfile.TemporaryDirectory(prefix="games-suite-") as scratch:
        out = Path(scratch) / "transcript.txt"
        spec = {"program": program, "answers": answers, "out": str(out), "limit": limit}
        code = _TIMEWARP if kind == "timewarp" else _PCBASIC
        note = ""
        try:
            done = subprocess.run([PYTHON, "-c", code, json.dumps(spec)], check=False,
                                  cwd=scratch,
                                  capture_output=True, text=True, timeout=TIMEOUT[kind])
            if done.returncode != 0:
                note = f"{kind} crashed: " + done.stderr.strip().splitlines()[-1:][0] \
                    if done.stderr.strip() else f"{kind} exit status {done.returncode}"
        except subprocess.TimeoutExpired:
            note = f"{kind} stopped at the time limit"
        text = out.read_text(encoding="utf-8", errors="replace") if out.exists() else ""
    return text, note


def normalise(text: str, limit: int) -> str:
    text = text.replace("\r\n", "\n").replace("\xa0\n", "\n").replace("\xff\n", "\n")
    lines = text[:limit].split("\n")
    # Our errors add plain words after GW-BASIC's message: compare GW-BASIC's part.
    lines = [match.group(1) if (match := _ERROR_LINE.fullmatch(line)) else line
             for line in lines]
    return "\n".join(lines)


class Oracle:
    """PC-BASIC's transcripts, kept in a cache folder since they take a while."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        if cache:
            cache.mkdir(parents=True, exist_ok=True)

    def transcript(self, game: str, program: str, answers: list[str], limit: int):
        key = hashlib.sha256(json.dumps([program, answers, limit, _PCBASIC]).encode())
        key = key.hexdigest()[:20]
        path = self.cache / f"{game}-{key}.json" if self.cache else None
        if path and path.exists():
            return tuple(json.loads(path.read_text()))
        result = _run("pcbasic", program, answers, limit)
        if path:
            path.write_text(json.dumps(result))
        return result


def compare(game: str, program: str, oracle: Oracle, count: int, limit: int) -> Result:
    answers = answers_for(game, count)
    ours, our_note = _run("timewarp", program, answers, limit)
    oracle_program = spaced(program) if game in RUN_TOGETHER else program
    theirs, their_note = oracle.transcript(game, oracle_program, answers, limit)
    ours, theirs = normalise(ours, limit), normalise(theirs, limit)
    note = "; ".join(n for n in (our_note, their_note) if n)
    if our_note.endswith("time limit") or their_note.endswith("time limit"):
        # A run cut off by time is compared as far as both got.
        common = min(len(ours), len(theirs))
        ours, theirs = ours[:common], theirs[:common]
    return Result(game, ours == theirs and not our_note.startswith("timewarp crashed"),
                  ours, theirs, note)


def first_difference(result: Result, context: int = 3) -> str:
    ours, theirs = result.timewarp.split("\n"), result.pcbasic.split("\n")
    for number, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            break
    else:
        number = min(len(ours), len(theirs))
    start = max(0, number - context)
    diff = difflib.unified_diff(theirs[start:number + context], ours[start:number + context],
                                "pcbasic", "timewarp", lineterm="", n=context)
    return f"  line {number + 1}:\n" + "\n".join("    " + line for line in list(diff)[2:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path,
                        help="checkout (or bare git dir) of coding-horror/basic-computer-games")
    parser.add_argument("-k", dest="only", action="append", default=[],
                        help="only games whose name contains this (may repeat)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each difference")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=OUTPUT_LIMIT,
                        help="characters of transcript compared (default %(default)s)")
    parser.add_argument("--fallback-count", type=int, default=FALLBACK_COUNT)
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "timewarp-games-suite",
                        help="folder for PC-BASIC's transcripts (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--show", metavar="GAME", help="print both transcripts of one game")
    args = parser.parse_args(argv)

    games = [(name, text) for name, text in listings(args.source)
             if not args.only or any(k.lower() in name for k in args.only)]
    if args.show:
        games = [(name, text) for name, text in games if name == args.show]
    oracle = Oracle(None if args.no_cache else args.cache)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(
            lambda game: compare(*game, oracle, args.fallback_count, args.limit), games))
    if args.show:
        for result in results:
            print("=== pcbasic\n" + result.pcbasic + "\n=== timewarp\n" + result.timewarp)
        return 0
    same = [r for r in results if r.same]
    for result in results:
        if not result.same:
            print(f"DIFFERS {result.game}" + (f" ({result.note})" if result.note else ""))
            if args.verbose:
                print(first_difference(result))
    print(f"{len(same)} of {len(results)} games give PC-BASIC's transcript")
    return 0 if len(same) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
