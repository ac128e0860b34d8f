"""The readings a panel shows: bounded series per sensor name, their statistics, a PNG chart.

:class:`Series` keeps the last minutes of one reading; :func:`render_png` draws all series
as a line chart with Pillow.  The same picture serves the live panel and the static image
left in the notebook when the cell ends, so a saved or graded notebook shows the readings.
"""

from __future__ import annotations

import io
import math
from collections import deque

from PIL import Image, ImageDraw

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
UNITS = {"temp": "°C", "temperature": "°C", "distance": "cm", "ax": "g", "ay": "g", "az": "g",
         "humidity": "%", "hum": "%", "pressure": "hPa"}


class Series:
    """One named reading over the last ``window`` seconds, with running statistics."""

    def __init__(self, name: str, window: float = 120.0, limit: int = 20_000) -> None:
        self.name = name
        self.window = window
        self.points: deque[tuple[float, float]] = deque(maxlen=limit)
        self.count = 0
        self.total = 0.0
        self.low = math.inf
        self.high = -math.inf

    def add(self, t: float, value: float) -> None:
        self.points.append((t, value))
        self.count += 1
        self.total += value
        self.low = min(self.low, value)
        self.high = max(self.high, value)
        while self.points and self.points[0][0] < t - self.window:
            self.points.popleft()

    @property
    def latest(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    @property
    def unit(self) -> str:
        return UNITS.get(self.name.lower(), "")


def render_png(series: list[Series], width: int = 600, height: int = 220,
               title: str = "") -> bytes:
    """A line chart of every series (a shared time axis, each scaled to the common range)."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 50, width - 10, 20, height - 25
    draw.rectangle([left, top, right, bottom], outline="#999999")
    shown = [s for s in series if s.points]
    if title:
        draw.text((left, 4), title, fill="#333333")
    if not shown:
        draw.text((left + 10, top + 10), "waiting for readings...", fill="#666666")
        return _png(image)
    t_end = max(s.points[-1][0] for s in shown)
    t_start = min(s.points[0][0] for s in shown)
    low = min(v for s in shown for _, v in s.points)
    high = max(v for s in shown for _, v in s.points)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    span_t = max(t_end - t_start, 1e-6)
    for frac in (0.0, 0.5, 1.0):
        y = bottom - frac * (bottom - top)
        draw.text((2, y - 6), f"{low + frac * (high - low):.4g}", fill="#333333")
    draw.text((left, bottom + 5), f"last {span_t:.0f} s", fill="#333333")
    for number, s in enumerate(shown):
        colour = COLOURS[number % len(COLOURS)]
        xy = [(left + (t - t_start) / span_t * (right - left),
               bottom - (v - low) / (high - low) * (bottom - top)) for t, v in s.points]
        if len(xy) > 2 * width:
            step = len(xy) // width
            xy = xy[::step] + [xy[-1]]
        if len(xy) == 1:
            x, y = xy[0]
            draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=colour)
        else:
            draw.line(xy, fill=colour, width=2)
        draw.text((right - 90, top + 4 + 12 * number), f"{s.name} {s.unit}".strip(), fill=colour)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
