"""Files and streams as in UCBLogo 6.2: OPENREAD OPENWRITE OPENAPPEND OPENUPDATE, SETREAD
SETWRITE READER WRITER, EOFP, CLOSE CLOSEALL ALLOPEN, ERASEFILE FILEP, LOAD SAVE, DRIBBLE.

Files live in the notebook's folder (the session's working directory) and below it; a name
that leads outside the user's home is refused, so one student's Logo never reads another's
files.  A list ``[name size]`` as a file is UCBLogo's character buffer: what is written to it
becomes the value of the variable ``name`` (at most ``size`` characters).

Once a stream is in use, the interpreter's console is wrapped (:class:`StreamConsole`) so
that PRINT, SHOW, TYPE, PO and the rest write to the current writer and READLIST and
friends read from the current reader.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.values import is_word, logo_bool, show_form, to_int, word_text


def user_path(name: str) -> Path:
    """``name`` in the notebook's folder; a path outside the user's home is refused."""
    if not name or "\0" in name:
        raise LogoError(f"I can't open file {name}", code=40)
    home = Path.home().resolve()
    here = Path.cwd().resolve()
    root = home if here == home or home in here.parents else here
    path = (here / os.path.expanduser(name)).resolve()
    if path != root and root not in path.parents:
        raise LogoError(f"File system error: {name} is outside your folder {root}", code=18)
    return path


class CharBuffer:
    """UCBLogo's ``[name size]`` file: writing sets the variable ``name``."""

    def __init__(self, interp: Any, variable: str, size: int) -> None:
        self.interp, self.variable, self.size = interp, variable, size
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text
        self.interp.variables[self.variable] = self.text[:self.size]

    def close(self) -> None:
        self.interp.variables[self.variable] = self.text[:self.size]


class Streams:
    """The open files of one workspace, and which of them READLIST and PRINT use."""

    def __init__(self) -> None:
        #: Key (a file name, or a buffer list shown as text) -> (the name as given, stream).
        self.files: dict[str, tuple[Any, Any]] = {}
        self.reader: str | None = None
        self.writer: str | None = None
        self.dribble: Any = None
        #: The file LOAD or SAVE used last, for (SAVE) with no name.
        self.workspace_file: Any = None
        #: SETPREFIX's folder, put before the names the OPENs, LOAD and SAVE are given.
        self.prefix: str | None = None


class StreamConsole:
    """The console as Logo sees it once streams are in use: the current writer and reader."""

    def __init__(self, console: Any, streams: Streams) -> None:
        self.console = console
        self.streams = streams

    def write(self, text: str) -> None:
        streams = self.streams
        if streams.writer is not None:
            streams.files[streams.writer][1].write(text)
            return
        self.console.write(text)
        if streams.dribble is not None:
            streams.dribble.write(text)

    def read_line(self, prompt: str) -> str:
        streams = self.streams
        if streams.reader is not None:
            line = streams.files[streams.reader][1].readline()
            if not line:
                raise EOFError
            return line[:-1] if line.endswith("\n") else line
        line = self.console.read_line(prompt)
        if streams.dribble is not None:
            streams.dribble.write(line + "\n")
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


def streams_of(interp: Any) -> Streams:
    if interp.streams is None:
        interp.streams = Streams()
        interp.console = StreamConsole(interp.console, interp.streams)
    return interp.streams


def prefixed(interp: Any, name: str) -> str:
    """A file name with SETPREFIX's folder in front (not before a name from the root)."""
    prefix = streams_of(interp).prefix
    return name if not prefix or os.path.isabs(name) else os.path.join(prefix, name)


@primitive("setprefix", 1, outputs=False)
def setprefix(interp: Any, value: Any) -> None:
    if isinstance(value, list) and not value:
        streams_of(interp).prefix = None
    elif is_word(value):
        streams_of(interp).prefix = word_text(value)
    else:
        raise doesnt_like("setprefix", value)


@primitive("prefix", 0)
def prefix(interp: Any) -> Any:
    found = streams_of(interp).prefix
    return [] if found is None else found


def _key(name: str, value: Any) -> str:
    if is_word(value):
        return word_text(value)
    if isinstance(value, list):
        return show_form(value)
    raise doesnt_like(name, value, code=4)


def _open(interp: Any, name: str, value: Any, mode: str) -> None:
    streams = streams_of(interp)
    key = _key(name, value)
    if key in streams.files:
        raise LogoError(f"File {key} already open", code=41)
    streams.files[key] = (value, _stream(interp, name, value, mode))


def _stream(interp: Any, name: str, value: Any, mode: str) -> Any:
    if isinstance(value, list):
        if len(value) != 2 or not is_word(value[0]) or mode == "r":
            raise doesnt_like(name, value, code=4)
        return CharBuffer(interp, word_text(value[0]).lower(), to_int(name, value[1]))
    path = user_path(prefixed(interp, word_text(value)))
    try:
        if mode == "r+" and not path.exists():
            path.touch()
        return open(path, mode, encoding="utf-8", newline="")  # noqa: SIM115 - CLOSE closes
    except OSError:
        raise LogoError(f"I can't open file {word_text(value)}", code=40) from None


@primitive("openread", 1, outputs=False)
def openread(interp: Any, name: Any) -> None:
    _open(interp, "openread", name, "r")


@primitive("openwrite", 1, outputs=False)
def openwrite(interp: Any, name: Any) -> None:
    _open(interp, "openwrite", name, "w")


@primitive("openappend", 1, outputs=False)
def openappend(interp: Any, name: Any) -> None:
    _open(interp, "openappend", name, "a")


@primitive("openupdate", 1, outputs=False)
def openupdate(interp: Any, name: Any) -> None:
    _open(interp, "openupdate", name, "r+")


def _open_key(interp: Any, name: str, value: Any) -> str:
    key = _key(name, value)
    if key not in streams_of(interp).files:
        raise LogoError(f"File {key} not open", code=42)
    return key


@primitive("setread", 1, outputs=False)
def setread(interp: Any, name: Any) -> None:
    streams = streams_of(interp)
    streams.reader = None if name == [] else _open_key(interp, "setread", name)


@primitive("setwrite", 1, outputs=False)
def setwrite(interp: Any, name: Any) -> None:
    streams = streams_of(interp)
    if name == []:
        streams.writer = None
        return
    if isinstance(name, list) and _key("setwrite", name) not in streams.files:
        _open(interp, "setwrite", name, "w")  # UCBLogo's older way with a buffer
    streams.writer = _open_key(interp, "setwrite", name)


@primitive("reader", 0)
def reader(interp: Any) -> Any:
    streams = streams_of(interp)
    return [] if streams.reader is None else streams.files[streams.reader][0]


@primitive("writer", 0)
def writer(interp: Any) -> Any:
    streams = streams_of(interp)
    return [] if streams.writer is None else streams.files[streams.writer][0]


@primitive("allopen", 0)
def allopen(interp: Any) -> list:
    return [value for value, _ in reversed(streams_of(interp).files.values())]


@primitive("close", 1, outputs=False)
def close(interp: Any, name: Any) -> None:
    streams = streams_of(interp)
    key = _open_key(interp, "close", name)
    _, stream = streams.files.pop(key)
    stream.close()
    if streams.reader == key:
        streams.reader = None
    if streams.writer == key:
        streams.writer = None


@primitive("closeall", 0, outputs=False)
def closeall(interp: Any) -> None:
    for value, _ in list(streams_of(interp).files.values()):
        close(interp, value)


@primitive("eofp eof?", 0)
def eofp(interp: Any) -> str:
    streams = streams_of(interp)
    if streams.reader is None:
        return "false"
    stream = streams.files[streams.reader][1]
    here = stream.tell()
    at_end = stream.read(1) == ""
    stream.seek(here)
    return logo_bool(at_end)


@primitive("erasefile erf", 1, outputs=False)
def erasefile(interp: Any, name: Any) -> None:
    path = user_path(_key("erasefile", name))
    try:
        path.unlink()
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None


@primitive("filep file?", 1)
def filep(interp: Any, name: Any) -> str:
    return logo_bool(user_path(_key("filep", name)).is_file())


def reader_stream(interp: Any) -> Any:
    """The file READCHAR and READCHARS read, or None for the console."""
    streams = interp.streams
    if streams is None or streams.reader is None:
        return None
    return streams.files[streams.reader][1]


@primitive("readchars rcs", 1)
def readchars(interp: Any, count: Any) -> Any:
    number = to_int("readchars", count)
    if number < 0:
        raise doesnt_like("readchars", count)
    stream = reader_stream(interp)
    if stream is None:
        try:
            text = interp.console.read_line("")[:number]
        except EOFError:
            return []
        return text
    text = stream.read(number)
    return text if text else []


@primitive("readrawline", 0)
def readrawline(interp: Any) -> Any:
    try:
        return interp.console.read_line("")
    except EOFError:
        return []


def _position_stream(interp: Any, name: str, reading: bool) -> Any:
    streams = streams_of(interp)
    key = streams.reader if reading else streams.writer
    if key is None:
        return None
    stream = streams.files[key][1]
    if isinstance(stream, CharBuffer):
        raise LogoError(f"{name} doesn't work on a character buffer", code=7)
    return stream


@primitive("readpos", 0)
def readpos(interp: Any) -> int:
    stream = _position_stream(interp, "readpos", reading=True)
    return 0 if stream is None else stream.tell()


@primitive("setreadpos", 1, outputs=False)
def setreadpos(interp: Any, position: Any) -> None:
    stream = _position_stream(interp, "setreadpos", reading=True)
    if stream is not None:
        stream.seek(_position("setreadpos", position))


@primitive("writepos", 0)
def writepos(interp: Any) -> int:
    stream = _position_stream(interp, "writepos", reading=False)
    return 0 if stream is None else stream.tell()


@primitive("setwritepos", 1, outputs=False)
def setwritepos(interp: Any, position: Any) -> None:
    stream = _position_stream(interp, "setwritepos", reading=False)
    if stream is not None:
        stream.seek(_position("setwritepos", position))


def _position(name: str, value: Any) -> int:
    number = to_int(name, value)
    if number < 0:
        raise doesnt_like(name, value)
    return number


@primitive("keyp key?", 0)
def keyp(interp: Any) -> str:
    # At the console: a key pressed and not yet read; from a file, one waits until its end.
    if reader_stream(interp) is None:
        from timewarp.logo.primitives.keyboard import key_waiting
        return logo_bool(key_waiting(interp))
    return logo_bool(eofp(interp) == "false")


# -- whole files ------------------------------------------------------------------------------


@primitive("load", 1, outputs=False)
def load(interp: Any, name: Any) -> None:
    path = user_path(prefixed(interp, _key("load", name)))
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None
    if interp.load_source is None:
        raise LogoError("load can only be used in a Logo session", code=7)
    streams_of(interp).workspace_file = name
    before = interp.variables.get("startup")
    interp.loading += 1
    try:
        interp.load_source(source)
    finally:
        interp.loading -= 1
    # UCBLogo runs a STARTUP list that the loaded file gave a value.
    startup = interp.variables.get("startup")
    if isinstance(startup, list) and startup is not before:
        interp.run_list(startup)


@primitive("save", 1, 0, 1, outputs=False)
def save(interp: Any, name: Any = None) -> None:
    from timewarp.logo.primitives.contents import contents, workspace_text
    streams = streams_of(interp)
    if name is None:
        # (SAVE) with no name: the file last loaded or saved.
        if streams.workspace_file is None:
            raise LogoError("not enough inputs to save: no file loaded or saved yet", code=6)
        name = streams.workspace_file
    text = workspace_text(interp, contents(interp))
    path = user_path(prefixed(interp, _key("save", name)))
    streams.workspace_file = name
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None


@primitive("savel", 2, outputs=False)
def savel(interp: Any, groups: Any, name: Any) -> None:
    from timewarp.logo.primitives.contents import _groups, workspace_text
    text = workspace_text(interp, _groups("savel", groups))
    path = user_path(prefixed(interp, _key("savel", name)))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None


@primitive("dribble", 1, outputs=False)
def dribble(interp: Any, name: Any) -> None:
    streams = streams_of(interp)
    if streams.dribble is not None:
        raise LogoError("Already dribbling", code=17)
    path = user_path(_key("dribble", name))
    try:
        streams.dribble = open(path, "w", encoding="utf-8")  # noqa: SIM115 - NODRIBBLE closes
    except OSError:
        raise LogoError(f"I can't open file {word_text(name)}", code=40) from None


@primitive("nodribble", 0, outputs=False)
def nodribble(interp: Any) -> None:
    streams = streams_of(interp)
    if streams.dribble is not None:
        streams.dribble.close()
        streams.dribble = None

