"""Write the tables the JupyterLab extension highlights with, from the engines' own tables.

Run at build time (``npm run build`` calls it through the build hook), so that a keyword an engine
learns is highlighted in the next build, with no second list to keep in step.  Usage:
``python scripts/keywords.py OUT.json`` from extensions/, with the project's ``kernels`` folder
importable (the script puts it on ``sys.path`` itself).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "kernels"))

from timewarp.basic.help import FUNCTION_WORDS, KEYWORD_HELP, OPERATOR_WORDS  # noqa: E402
from timewarp.languages import LANGUAGES  # noqa: E402
from timewarp.logo.primitives import PRIMITIVES  # noqa: E402
from timewarp.pilot import graphics  # noqa: E402
from timewarp.pilot.parser import _BY_NAME as PILOT_STATEMENTS  # noqa: E402
from timewarp.pilot.values import FUNCTIONS as PILOT_FUNCTIONS  # noqa: E402


def _logo_control() -> set[str]:
    """Logo's control words: the commands (no output) of the engine's control module."""
    return {name for name, primitive in PRIMITIVES.items()
            if primitive.function.__module__.endswith(".control") and not primitive.outputs}


def tables() -> dict[str, dict]:
    """Every word each language's highlighter knows, grouped by how it is coloured."""
    logo_control = _logo_control()
    # Multi-word entries ("LINE INPUT", "END IF") are coloured word by word.
    basic_words = {part for key in KEYWORD_HELP for part in key.split() if part[0].isalpha()}
    return {
        # Each language's file extensions (without the dot), as the command line knows them.
        "extensions": {name: [ext.lstrip(".") for ext in language.extensions]
                       for name, language in LANGUAGES.items()},
        "basic": {
            "keywords": sorted(basic_words - FUNCTION_WORDS - OPERATOR_WORDS),
            "functions": sorted(FUNCTION_WORDS),
            "operators": sorted(OPERATOR_WORDS),
        },
        "logo": {
            "control": sorted(logo_control),
            "primitives": sorted(name for name in PRIMITIVES
                                 if name not in logo_control and name[0].isalpha()),
        },
        "pilot": {
            # Every name a statement goes by (T, TYPE), with its short name: what its operand is.
            "statements": {name: spec.name for name, spec in sorted(PILOT_STATEMENTS.items())},
            "functions": sorted(PILOT_FUNCTIONS),
            "turtle": graphics.command_names(),
        },
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: keywords.py OUT.json", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tables(), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
