"""The ``timewarp`` command line: run a BASIC, Logo or PILOT program in a terminal.

The program reads its input from stdin and writes its output to stdout; only a real error
goes to stderr, as the message alone.  Exit status: 0 when the program ends normally, 1 on
a program error, 2 on a usage error, 130 when stopped with Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timewarp import __version__
from timewarp.engine import LanguageError, ProgramExit, Session, StreamConsole
from timewarp.interrupts import delivered_interrupts, ordinary_interrupts
from timewarp.languages import LANGUAGES, Language, language_for_file

EXIT_OK, EXIT_PROGRAM_ERROR, EXIT_USAGE, EXIT_BREAK = 0, 1, 2, 130


class UsageError(Exception):
    """The command was given something it cannot run."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timewarp",
        description="Run BASIC, Logo and PILOT programs: input from stdin, output to stdout.",
        epilog="Example: timewarp run guess.bas < answers.txt")
    parser.add_argument("--version", action="version", version=f"timewarp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extensions = ", ".join(f"{ext} ({lang.display_name})" for lang in LANGUAGES.values()
                           for ext in lang.extensions)
    run = commands.add_parser(
        "run", help="run a program file",
        description=f"Run a program. The language comes from the file's extension: {extensions}.")
    run.add_argument("program", metavar="PROGRAM", help="the program file to run")
    run.add_argument("--lang", choices=sorted(LANGUAGES),
                     help="the program's language, whatever its extension")
    run.add_argument("--turtle-json", metavar="FILE", type=Path,
                     help="write the final drawing as JSON: segments, pos, heading")
    run.add_argument("--svg", metavar="FILE", type=Path, help="write the final drawing as SVG")
    run.add_argument("--png", metavar="FILE", type=Path, help="write the final drawing as PNG")
    run.add_argument("--wav", metavar="FILE", type=Path,
                     help="write the music the program played (PLAY, SOUND, BEEP) as WAV")
    basic = commands.add_parser(
        "basic", help="GW-BASIC's Ok prompt: type a program, RUN it, LIST, SAVE, LOAD",
        description="GW-BASIC's direct mode. Lines with a number go into the program; other "
                    "lines (RUN, LIST, SAVE \"NAME\", LOAD \"NAME\", PRINT 2+2) run at once. "
                    "SYSTEM or Ctrl-D leaves; Ctrl-C stops a running program.",
        epilog="Example: timewarp basic   (or: timewarp basic < lesson.txt)")
    basic.add_argument("program", metavar="PROGRAM", nargs="?",
                       help="a BASIC program to run first, as GWBASIC PROGRAM did")
    basic.add_argument("--screen", action="store_true",
                       help="the whole 80x25 screen with GW-BASIC's screen editor: move the "
                            "cursor over the screen, change a listed line where it stands")
    return parser


def choose_language(program: str, lang: str | None) -> Language:
    if lang is not None:
        return LANGUAGES[lang]
    found = language_for_file(program)
    if found is None:
        known = ", ".join(ext for lang in LANGUAGES.values() for ext in lang.extensions)
        raise UsageError(f"cannot tell the language of {program}: use one of {known} "
                         f"or say --lang basic|logo|pilot")
    return found


def read_program(program: str) -> str:
    """The program's text.  Files saved by DOS programs are welcome as they are: text that
    is not UTF-8 is read as code page 437, and a Ctrl-Z ends the file, as it did on DOS."""
    try:
        data = Path(program).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"no such program: {program}") from None
    except OSError as err:
        raise UsageError(f"cannot read {program}: {err}") from None
    if data[:1] in (b"\xff", b"\xfe"):           # GW-BASIC's binary SAVE
        return _detokenised(program, data)
    data = data.split(b"\x1a", 1)[0]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp437")


def _detokenised(program: str, data: bytes) -> str:
    from timewarp.basic.errors import BasicError
    from timewarp.basic.tokenised import detokenise
    try:
        # Line 0 keeps the blank it may begin with (see program.split_numbered).
        return "".join(f"{number}{'' if number == 0 and text[:1] == ' ' else ' '}{text}\n"
                       for number, text in detokenise(data))
    except BasicError as err:
        raise UsageError(f"cannot read {program}: {err.detail}") from None


def run_program(session: Session, source: str) -> int:
    """Run ``source``; return the exit status, with any error's message on stderr."""
    try:
        with delivered_interrupts():
            session.run_file(source)
    except ProgramExit:
        pass
    except LanguageError as err:
        _complain(err.message, session)
        return EXIT_PROGRAM_ERROR
    except EOFError:
        _complain("Input past end: the program wanted more input than stdin gave", session)
        return EXIT_PROGRAM_ERROR
    except Exception as err:  # noqa: BLE001 - an engine bug still gets one plain line
        _complain(f"internal error: {type(err).__name__}: {err}", session)
        return EXIT_PROGRAM_ERROR
    except KeyboardInterrupt:
        line = getattr(session, "current_line", None)
        _complain("Break" if line is None else f"Break in {line}", session)
        return EXIT_BREAK
    finally:
        sys.stdout.flush()
    return EXIT_OK


def save_drawing(session: Session, args: argparse.Namespace) -> None:
    world = session.turtle
    if args.turtle_json:
        args.turtle_json.write_text(json.dumps(world.to_json()) + "\n", encoding="utf-8")
    if args.svg or args.png:
        from timewarp.turtle import picture
        if args.svg:
            args.svg.write_text(picture.render_svg(world), encoding="utf-8")
        if args.png:
            args.png.write_bytes(picture.render_png(world))


def command_run(args: argparse.Namespace) -> int:
    language = choose_language(args.program, args.lang)
    source = read_program(args.program)
    session = language.session_class()(console=StreamConsole(sys.stdin, sys.stdout))
    status = run_program(session, source)
    try:
        save_drawing(session, args)
    except OSError as err:
        raise UsageError(f"cannot write the drawing: {err}") from None
    if args.wav:
        from timewarp.sound.synth import render_wav
        try:
            # Written even when nothing played (0 s), so a script can count on the file.
            args.wav.write_bytes(render_wav(session.take_music()))
        except OSError as err:
            raise UsageError(f"cannot write the music: {err}") from None
    return status


def command_basic(args: argparse.Namespace) -> int:
    """The Ok prompt (timewarp.basic.prompt) over stdin: at a terminal with line editing
    (EDIT n puts the line up to edit), from a file or a pipe echoed like a session."""
    from timewarp.basic.session import BasicSession

    source = read_program(args.program) if args.program else None
    if args.screen:
        return _full_screen(source)
    interactive = _interactive()
    session = BasicSession(console=StreamConsole(sys.stdin, sys.stdout))
    prompt = _prompt(session, echo=not interactive, waiting=ordinary_interrupts)
    reader = _terminal_reader(prompt) if interactive else _piped_line

    def read_line() -> str:
        try:
            return reader()
        except KeyboardInterrupt:        # Ctrl-C while typing: the line is dropped
            print()
            return "\x03"
    prompt.listen(read_line)
    if interactive:
        print(f"Time Warp BASIC {__version__}. Type SYSTEM to leave.")
    _serve(prompt, source)
    sys.stdout.flush()
    return EXIT_OK


def _prompt(session, **options):
    """The Ok prompt over ``session``: a program it runs is stopped by Ctrl-C between two
    statements, for CONT, where it can be (Prompt.break_in_place)."""
    from timewarp.basic.prompt import Prompt

    prompt = Prompt(session, **options)
    prompt.running = lambda: delivered_interrupts(pause=prompt.break_in_place)
    return prompt


def _serve(prompt, source: str | None) -> None:
    """GWBASIC [PROGRAM]: the program run first, if any; then the lines typed, to SYSTEM."""
    if prompt.start(source):
        prompt.serve()
    else:
        prompt.finish()


def _full_screen(source: str | None) -> int:
    """timewarp basic --screen: the prompt on GW-BASIC's whole screen, every key through its
    screen editor (timewarp.basic.terminal).  Ctrl-C stops a running program; otherwise it
    is a key, which gives up the line being typed."""
    from timewarp.basic.session import BasicSession
    from timewarp.basic.terminal import ScreenConsole

    console = ScreenConsole(sys.stdin, sys.stdout)
    session = BasicSession(console=console)
    prompt = _prompt(session, waiting=console.breaks_as_keys)
    prompt.listen_keys(console.next_key)
    console.start(prompt.screen)
    try:
        with console.breaks_as_keys():
            if console.terminal:
                session.runtime.write(f"Time Warp BASIC {__version__}. Type SYSTEM to leave.\n")
            _serve(prompt, source)
    finally:
        console.finish()
    return EXIT_OK


def _interactive() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _piped_line() -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def _terminal_reader(prompt):
    """How lines are read at a terminal: with line editing, and a line that EDIT (or a
    syntax error) put up, or AUTO's number, already in the editor."""
    try:
        import readline
    except ImportError:                       # no line editing: plain lines still work
        return input

    def put_up():
        start = prompt.editing or prompt.numbered
        if start:
            readline.insert_text(start)
            readline.redisplay()
    readline.set_pre_input_hook(put_up)
    return input


def _complain(message: str, session: Session | None = None) -> None:
    console = getattr(session, "console", None)
    if isinstance(console, StreamConsole) and console.line_open and _same_screen():
        # At a terminal the message would otherwise continue the program's half-written
        # line; GW-BASIC starts it on a line of its own. Redirected output is left as written.
        console.write("\n")
    sys.stdout.flush()
    print(message, file=sys.stderr)


def _same_screen() -> bool:
    try:
        return sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "basic":
            return command_basic(args)
        return command_run(args)
    except UsageError as err:
        _complain(f"timewarp: {err}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _complain("Break")
        return EXIT_BREAK
