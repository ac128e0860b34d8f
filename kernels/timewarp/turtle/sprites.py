"""Blocks of screen pixels as GW-BASIC's GET and PUT store them, and PAINT's tile patterns.

A GET block is the video memory's own layout, so that programs which work out an array's
size from the manual's formula, or build sprites from DATA bytes, work unchanged:
two bytes of width (in bits: pixels times bits a pixel), two bytes of height, then each row,
one bit plane after another, each plane's pixels packed high bit first and padded to a byte.
Also the screen's geometry helpers: clipping a line to the viewport, covering pixels with boxes.
"""

from __future__ import annotations

import numpy as np

from timewarp.turtle.colours import TurtleError
from timewarp.turtle.screen_modes import ScreenMode

__all__ = ["pack_block", "unpack_block", "block_size", "tile_pattern", "combine", "clip", "boxes",
           "line_pixels", "pack_row_bits", "unpack_row_bits"]


def block_size(mode: ScreenMode, width: int, height: int) -> int:
    """Bytes GET needs for a block: 4 + rows * bytes a row (the manual's formula)."""
    return 4 + height * mode.row_bytes(width)


def pack_block(mode: ScreenMode, block: np.ndarray) -> bytes:
    height, width = block.shape
    mask = (1 << mode.bits) - 1
    planes = []
    for plane in range(mode.planes):
        values = (block >> (plane * mode.bits)) & mask
        planes.append(pack_row_bits(values.astype(np.uint8), mode.bits))
    rows = np.concatenate(planes, axis=1) if planes else np.zeros((height, 0), np.uint8)
    header = (width * mode.bits).to_bytes(2, "little") + height.to_bytes(2, "little")
    return header + rows.tobytes()


def pack_row_bits(values: np.ndarray, bits: int) -> np.ndarray:
    """Rows of ``bits``-bit values packed into bytes, as GET's blocks and video memory hold
    them."""
    if bits == 8:
        return values
    # Each value becomes ``bits`` bits, high bit first, then eight to a byte.
    spread = np.stack([(values >> (bits - 1 - b)) & 1 for b in range(bits)], axis=-1)
    return np.packbits(spread.reshape(values.shape[0], -1), axis=1)


def unpack_block(mode: ScreenMode, data: bytes) -> np.ndarray:
    """The pixels of a block that ``pack_block`` made (or a program built by hand)."""
    if len(data) < 4:
        raise TurtleError("the array holds no picture: GET one into it first")
    width_bits = int.from_bytes(data[:2], "little")
    height = int.from_bytes(data[2:4], "little")
    width = width_bits // mode.bits
    row_bytes = mode.row_bytes(width)
    if width == 0 or height == 0:
        raise TurtleError("the array holds an empty picture")
    if 4 + height * row_bytes > len(data):
        raise TurtleError("the array is too small for the picture its first bytes describe")
    rows = np.frombuffer(data[4:4 + height * row_bytes], np.uint8).reshape(height, row_bytes)
    plane_bytes = row_bytes // mode.planes
    block = np.zeros((height, width), np.int32)
    for plane in range(mode.planes):
        chunk = rows[:, plane * plane_bytes:(plane + 1) * plane_bytes]
        block |= unpack_row_bits(chunk, mode.bits, width).astype(np.int32) << (plane * mode.bits)
    return block


def unpack_row_bits(chunk: np.ndarray, bits: int, width: int) -> np.ndarray:
    """Rows of bytes back into ``width`` values of ``bits`` bits each."""
    if bits == 8:
        return chunk[:, :width]
    spread = np.unpackbits(chunk, axis=1)[:, :width * bits].reshape(chunk.shape[0], width, bits)
    weights = 1 << np.arange(bits - 1, -1, -1)
    return (spread * weights).sum(axis=2)


def combine(action: str, old: np.ndarray, new: np.ndarray, mask: int) -> np.ndarray:
    """PUT's ways of laying a block over the screen."""
    if action == "PSET":
        return new
    if action == "PRESET":
        return ~new & mask
    if action == "AND":
        return old & new
    if action == "OR":
        return old | new
    return old ^ new        # XOR, the default: PUT twice and the screen is as it was


def tile_pattern(mode: ScreenMode, tile: bytes) -> np.ndarray:
    """PAINT's tile string as a small array of attributes (rows x pixels), repeated over
    the area: each row is one byte a plane (8 pixels, or 4 in SCREEN 1)."""
    if not tile:
        raise TurtleError("PAINT's tile string is empty")
    if len(tile) > 64 * mode.planes:
        raise TurtleError("PAINT's tile string is longer than 64 rows")
    step = 8 if mode.bits == 8 else mode.planes
    padded = tile + bytes(-len(tile) % step)
    rows = np.frombuffer(padded, np.uint8).reshape(-1, step)
    if mode.bits == 8:
        return rows.astype(np.int32)
    width = 8 // mode.bits
    pattern = np.zeros((rows.shape[0], width), np.int32)
    for plane in range(mode.planes):
        pattern |= unpack_row_bits(rows[:, plane:plane + 1], mode.bits, width).astype(
            np.int32) << (plane * mode.bits)
    return pattern


def clip(a: tuple[float, float], b: tuple[float, float],
          box: tuple[int, int, int, int]) -> tuple | None:
    """The part of the segment a-b inside the box (Liang and Barsky's clipping)."""
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[2] - x1), (-dy, y1 - box[1]), (dy, box[3] - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (x1 + t0 * dx, y1 + t0 * dy), (x1 + t1 * dx, y1 + t1 * dy)


def line_pixels(x1: int, y1: int, x2: int, y2: int) -> list[tuple[int, int]]:
    """The pixels GW-BASIC lights for a line: Bresenham's steps along the longer axis, drawn
    from the upper end down (from the second point when both are level), the error starting
    at half the longer length (rounded up) and the step taken when it reaches zero, so that
    a tie (the line exactly between two pixels) falls to the one nearer its lower end, as in
    GW-BASIC (its source's line loop, LINLP3; pcbasic's gwbasic/DRAW_angle model)."""
    if y2 <= y1:
        x1, y1, x2, y2 = x2, y2, x1, y1
    steep = abs(y2 - y1) > abs(x2 - x1)
    if steep:
        x1, y1, x2, y2 = y1, x1, y2, x2
    long, short = abs(x2 - x1), abs(y2 - y1)
    step_long = 1 if x2 >= x1 else -1
    step_short = 1 if y2 > y1 else -1
    error, minor = (long + 1) // 2, y1
    points = []
    for major in range(x1, x2 + step_long, step_long):
        points.append((minor, major) if steep else (major, minor))
        error -= short
        if error <= 0:
            minor += step_short
            error += long
    return points


def boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Cover the True pixels with rectangles (x1, y1, x2, y2): runs along each row, merged
    with the same run on the rows above, so a filled shape costs few log items."""
    boxes: list[list[int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}
    for y, row in enumerate(mask):
        padded = np.concatenate(([False], row, [False]))
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        runs = set(zip(edges[::2].tolist(), (edges[1::2] - 1).tolist()))
        next_runs = {}
        for run in runs:
            box = open_runs.get(run)
            if box is None:
                box = [run[0], y, run[1], y]
                boxes.append(box)
            box[3] = y
            next_runs[run] = box
        open_runs = next_runs
    return [tuple(b) for b in boxes]
