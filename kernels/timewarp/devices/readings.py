"""Reading sensor values out of the lines a device sends.

Sketches print their readings in a handful of ways, and all of them are understood:
a plain number (``21.5``), several numbers (``1,2,3``, ``1 2 3`` or a micro:bit's
``(1, 2, 3)``; named by a header line such as ``x,y,z`` when one came first), ``name=value`` or ``name: value`` pairs
(``temp=21.5, hum=40``), and JSON objects (``{"temp": 21.5}``).  Any other line is a
message, shown in the log but not a reading.
"""

from __future__ import annotations

import json
import math
import re

_SEPARATORS = re.compile(r"[,;\t ]+")
_PAIR = re.compile(r"\s*([A-Za-z_][\w.\-]*)\s*[=:]\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*")
_PAIR_SEPARATORS = re.compile(r"[,;\t]|\s+(?=[A-Za-z_][\w.\-]*\s*[=:])")
_NAME = re.compile(r"[A-Za-z_][\w.\-]*$")


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class ReadingParser:
    """Turns lines into ``{name: value}``; remembers a CSV header for the lines after it."""

    def __init__(self) -> None:
        self.header: list[str] | None = None

    def parse(self, line: str) -> dict[str, float] | None:
        text = line.strip()
        if not text:
            return None
        if text.startswith("{"):
            return _json_reading(text)
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1]      # MicroPython's print((x, y, z)), as Mu's plotter reads it
        if "=" in text or ":" in text:
            return _pairs(text)
        parts = [p for p in _SEPARATORS.split(text) if p]
        values = [_number(p) for p in parts]
        if all(v is not None for v in values):
            if len(values) == 1 and not (self.header and len(self.header) == 1):
                return {"value": values[0]}
            if self.header and len(self.header) == len(values):
                return dict(zip(self.header, values))
            return {f"value{i}": v for i, v in enumerate(values, 1)}
        if ("," in text or "\t" in text) and all(_NAME.match(p) for p in parts):
            # A CSV header (``x,y,z``): it names the numbers of the lines after it.
            self.header = parts
        return None


def _json_reading(text: str) -> dict[str, float] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    out = {}
    for name, value in data.items():
        if isinstance(value, bool):
            out[str(name)] = float(value)
        elif isinstance(value, (int, float)) and math.isfinite(value):
            out[str(name)] = float(value)
    return out or None


def _pairs(text: str) -> dict[str, float] | None:
    out = {}
    for part in _PAIR_SEPARATORS.split(text):
        if not part.strip():
            continue
        match = _PAIR.fullmatch(part)
        if match is None:
            return None
        value = _number(match.group(2))
        if value is None:
            return None
        out[match.group(1)] = value
    return out or None
