"""The languages Time Warp Studio speaks, and how to find each one's engine.

Front ends (the command line, the kernels, the grader) look a language up here by name or
by file extension instead of importing engines directly, so a new language is one entry.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath

from timewarp.engine import Session


@dataclass(frozen=True)
class Language:
    name: str
    display_name: str
    session_path: str  # "module:Class"
    extensions: tuple[str, ...]

    def session_class(self) -> type[Session]:
        module, _, cls = self.session_path.partition(":")
        return getattr(importlib.import_module(module), cls)


LANGUAGES: dict[str, Language] = {
    lang.name: lang
    for lang in (
        Language("basic", "BASIC", "timewarp.basic.session:BasicSession", (".bas",)),
        Language("logo", "Logo", "timewarp.logo.session:LogoSession", (".logo", ".lg")),
        Language("pilot", "PILOT", "timewarp.pilot.session:PilotSession", (".pil", ".pilot")),
    )
}


def language_for_file(path: str) -> Language | None:
    """The language a program file is written in, judged by its extension."""
    suffix = PurePath(path).suffix.lower()
    for lang in LANGUAGES.values():
        if suffix in lang.extensions:
            return lang
    return None
