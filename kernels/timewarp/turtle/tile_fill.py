"""GW-BASIC's PAINT with a tile: a scan-line flood fill whose rules decide what a pattern
fill stops at.

Filling a row from a seed spreads left and right to the border colour and lays the tile's row
for that y (the tile repeats every ``width`` pixels from x = 0).  Then the rows above and below
are looked at, border to border: a stretch of pixels is filled in turn unless it already
shows the tile's row there, which is how a pattern fill stops where it has been (and why it
stops at any stretch that happens to look like its pattern).  Two exceptions, as GW-BASIC:

- a tile row of all 0s never counts as shown (else a pattern with a blank row would stop at
  the first one);
- with a background pattern (PAINT's fourth argument: its first row), a stretch that shows
  the background pattern across at least one tile width is filled even if it also looks like
  the tile, so a pattern can be painted over a background of the same look.  A tile whose
  rows equal the background three in a row (or all of them) could never stop: it is an
  Illegal function call.

Rows are worked on as numpy arrays of attributes; the seeds follow the classic four-way
scan-line algorithm (the row onward in the direction it came, and the parts of the row behind
that stick out past the stretch it came from).
"""

from __future__ import annotations

import numpy as np

from timewarp.turtle.colours import TurtleError

__all__ = ["tile_fill", "check_background"]


def check_background(tile: np.ndarray, background: np.ndarray) -> None:
    """Refuse a tile that matches the background row in three rows running (or in every row
    of a tile of one or two rows): GW-BASIC's Illegal function call."""
    rows = tile.shape[0]
    for first in range(max(1, rows - 2)):
        block = tile[first:first + 3]
        if np.array_equal(block, np.tile(_across(background, tile.shape[1]), (len(block), 1))):
            raise TurtleError("PAINT's tile matches its background pattern in three rows "
                              "running: the fill could never tell where it has been")


def _across(row: np.ndarray, width: int) -> np.ndarray:
    """A one-row pattern repeated to ``width`` pixels."""
    return np.resize(row, width)


def tile_fill(pixels: np.ndarray, seed: tuple[int, int], border: int, tile: np.ndarray,
              background: np.ndarray | None, box: tuple[int, int, int, int]) -> np.ndarray:
    """The pixels after PAINT from ``seed`` with ``tile`` (rows x width of attributes) up to
    the ``border`` attribute, inside ``box`` (x1, y1, x2, y2, inclusive)."""
    out = pixels.copy()
    x_low, y_low, x_high, y_high = box
    height, width = tile.shape
    blank = ~tile.any(axis=1)                     # rows of all 0s never count as shown

    def tiled(y: int, x1: int, x2: int, pattern: np.ndarray, rows: int) -> np.ndarray:
        row = pattern[y % rows]
        return row[np.arange(x1, x2 + 1) % len(row)]

    def stretch(y: int, x1: int, x2: int) -> tuple[int, int]:
        """The stretch of row y around x1..x2 up to the border colour (or the box)."""
        row = out[y]
        walls = np.nonzero(row[x_low:x1] == border)[0]
        left = x_low + walls[-1] + 1 if len(walls) else x_low
        walls = np.nonzero(row[x2 + 1:x_high + 1] == border)[0]
        right = x2 + walls[0] if len(walls) else x_high
        return left, right

    seeds: list[tuple[int, int, int, int]] = []

    def look(y: int, x1: int, x2: int, direction: int) -> None:
        """Seed each stretch of row y between x1 and x2 that does not yet show the tile."""
        if not y_low <= y <= y_high or x2 < x1:
            return
        row = out[y, x1:x2 + 1]
        walls = np.nonzero(row == border)[0]
        starts = np.concatenate(([0], walls + 1))
        ends = np.concatenate((walls, [len(row)]))
        for start, end in zip(starts.tolist(), ends.tolist()):
            if end <= start:
                continue
            a, b = x1 + start, x1 + end - 1
            shown = not blank[y % height] and np.array_equal(out[y, a:b + 1],
                                                              tiled(y, a, b, tile, height))
            if shown and background is not None and b - a + 1 >= len(background):
                shown = not np.array_equal(out[y, a:b + 1],
                                           background[np.arange(a, b + 1) % len(background)])
            if not shown:
                seeds.append((a, b, y, direction))

    x, y = seed
    seeds.append((x, x, y, 0))
    budget = 8 * (x_high - x_low + 1) * (y_high - y_low + 1) + 64   # never for ever
    while seeds and budget > 0:
        budget -= 1
        a, b, y, direction = seeds.pop()
        left, right = stretch(y, a, b)
        if direction == 0:
            look(y + 1, left, right, 1)
            look(y - 1, left, right, -1)
        else:
            look(y + direction, left, right, direction)
            # Round corners: the parts of the row behind that stick out past a..b.
            look(y - direction, left, a - 1, -direction)
            look(y - direction, b + 1, right, -direction)
        out[y, left:right + 1] = tiled(y, left, right, tile, height)
    return out
