"""The video memory of GW-BASIC's and QBasic's graphics modes, as PEEK, POKE, BSAVE and BLOAD
see it: the screen's pixels laid out byte for byte as the display adapter held them.

- SCREEN 1 and 2 (CGA, segment &HB800): 80 bytes a row, even rows from offset 0 and odd rows
  from &H2000; four pixels a byte (two bits each) in SCREEN 1, eight in SCREEN 2, the leftmost
  pixel in the highest bits.
- SCREEN 7 to 12 (EGA and VGA, segment &HA000): bit planes, one bit a pixel in each, the rows
  one after the other; bit plane p holds bit p of each pixel's attribute.  A read sees the plane
  that the graphics controller's read map register chooses (``OUT &H3CE, 4: OUT &H3CF, p``),
  a write goes to the planes that the sequencer's map mask chooses (``OUT &H3C4, 2:
  OUT &H3C5, mask``), as on the real cards.  Pages follow one another in the segment.
- SCREEN 13 (VGA, segment &HA000): one byte a pixel, 320 a row.

Each function takes the :class:`~timewarp.turtle.screen.Screen` and an offset in the mode's
segment; bytes that no pixel backs (past the last row, between the CGA banks) read as 0 and
writing them changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from timewarp.turtle import sprites

__all__ = ["Layout", "layout", "read", "write"]


@dataclass(frozen=True)
class Layout:
    """Where a mode's pixels lie in memory."""

    segment: int        # &HB800 or &HA000
    row_bytes: int      # bytes one row takes (in each plane)
    banks: int          # CGA: 2 (even rows, then odd rows &H2000 further on)
    page_size: int      # bytes from one page to the next
    bits: int           # bits a pixel in each plane
    planes: int

    @property
    def pixels_per_byte(self) -> int:
        return 8 // self.bits


_PAGE_SIZE = {1: 0x4000, 2: 0x4000, 7: 0x2000, 8: 0x4000, 9: 0x8000, 10: 0x8000,
              11: 0x10000, 12: 0x10000, 13: 0x10000}


def layout(screen) -> Layout | None:
    """The current mode's layout (None in SCREEN 0, whose memory is the text screen's)."""
    mode = screen.mode
    if screen.number not in _PAGE_SIZE:
        return None
    cga = screen.number in (1, 2)
    return Layout(0xB800 if cga else 0xA000, mode.width * mode.bits // 8, 2 if cga else 1,
                  _PAGE_SIZE[screen.number], mode.bits, mode.planes)


def _page_image(screen, number: int) -> Image.Image | None:
    from timewarp.turtle.screen_pages import PAGES
    if not 0 <= number < PAGES.get(screen.number, 1):
        return None
    return screen.pixels if number == screen.active_page else screen._page(number)


def _locate(lay: Layout, offset: int, height: int) -> tuple[int, int, int] | None:
    """(page, row, first pixel) of the byte at this offset, or None where no pixel lies."""
    page, within = divmod(offset, lay.page_size)
    bank_size = lay.page_size // lay.banks
    bank, within = divmod(within, bank_size)
    row, column = divmod(within, lay.row_bytes)
    row = row * lay.banks + bank
    if row >= height:
        return None
    return page, row, column * lay.pixels_per_byte


def _pack(lay: Layout, pixels: np.ndarray, plane: int) -> np.ndarray:
    """Rows of pixels (attributes) as the bytes of one plane that hold them (the packing
    GET's blocks use: sprites.pack_row_bits)."""
    mask = (1 << lay.bits) - 1
    values = (pixels >> (plane * lay.bits)) & mask
    return sprites.pack_row_bits(values.astype(np.uint8), lay.bits)


def _unpack(lay: Layout, data: np.ndarray, before: np.ndarray, planes: int) -> np.ndarray:
    """Rows of bytes written over rows of pixels (``before``): the new attributes
    (``planes``: the map mask, in the planar modes)."""
    width = data.shape[1] * lay.pixels_per_byte
    values = sprites.unpack_row_bits(data.astype(np.uint8), lay.bits, width).astype(np.int32)
    if lay.planes == 1:
        return values
    after = before.copy()
    for plane in range(lay.planes):
        if planes >> plane & 1:
            after = (after & ~(1 << plane)) | (values << plane)
    return after


def _page_memory(lay: Layout, page: Image.Image, plane: int) -> np.ndarray:
    """A whole page's bytes, as the segment holds them from the page's first byte."""
    packed = _pack(lay, np.asarray(page).astype(np.int32), plane)
    memory = np.zeros(lay.page_size, dtype=np.uint8)
    bank_size = lay.page_size // lay.banks
    for bank in range(lay.banks):
        rows = packed[bank::lay.banks].ravel()[:bank_size]
        memory[bank * bank_size:bank * bank_size + len(rows)] = rows
    return memory


def read(screen, offset: int, length: int = 1, plane: int = 0) -> bytes:
    """The bytes from ``offset`` on (``plane``: the read map, in the planar modes)."""
    lay = layout(screen)
    out = bytearray(length)
    if lay is None:
        return bytes(out)
    screen._follow_world()
    if length < 16:         # a PEEK or two: pack only the pixels they hold
        return bytes(_read_byte(screen, lay, offset + i, plane) for i in range(length))
    pages: dict[int, np.ndarray | None] = {}
    for i in range(length):
        page_number, within = divmod(offset + i, lay.page_size)
        if page_number not in pages:
            image = _page_image(screen, page_number)
            pages[page_number] = None if image is None else _page_memory(lay, image, plane)
        if pages[page_number] is not None:
            out[i] = int(pages[page_number][within])
    return bytes(out)


def _read_byte(screen, lay: Layout, offset: int, plane: int) -> int:
    where = _locate(lay, offset, screen.mode.height)
    image = None if where is None else _page_image(screen, where[0])
    if image is None:
        return 0
    _, row, x = where
    pixels = np.asarray(image)[row:row + 1, x:x + lay.pixels_per_byte].astype(np.int32)
    return int(_pack(lay, pixels, plane)[0, 0])


def write(screen, offset: int, data: bytes, planes: int = 0xF) -> None:
    """Write bytes from ``offset`` on (``planes``: the map mask, in the planar modes); the
    pixels they hold change on the screen."""
    lay = layout(screen)
    if lay is None or not data:
        return
    screen._follow_world()
    if len(data) < 16:      # a POKE or two: change only the pixels they hold
        for i, byte in enumerate(data):
            _write_byte(screen, lay, offset + i, byte, planes)
        return
    end = offset + len(data)
    page_number = offset // lay.page_size
    while offset < end:
        page_end = min(end, (page_number + 1) * lay.page_size)
        image = _page_image(screen, page_number)
        if image is not None:
            _write_page(screen, lay, image, page_number, offset - page_number * lay.page_size,
                        data[:page_end - offset], planes)
        data = data[page_end - offset:]
        offset, page_number = page_end, page_number + 1


def _write_byte(screen, lay: Layout, offset: int, byte: int, planes: int) -> None:
    where = _locate(lay, offset, screen.mode.height)
    image = None if where is None else _page_image(screen, where[0])
    if image is None:
        return
    page_number, row, x = where
    before = np.asarray(image)[row:row + 1, x:x + lay.pixels_per_byte].astype(np.int32)
    after = _unpack(lay, np.array([[byte]], dtype=np.uint8), before, planes)
    _lay(screen, image, page_number, row, x, before, after)


def _lay(screen, image: Image.Image, page_number: int, top: int, left: int,
         before: np.ndarray, after: np.ndarray) -> None:
    """Put changed pixels on their page (on the world too when it is shown)."""
    after = np.minimum(after, screen.mode.attributes - 1)
    if image is screen.pixels:
        screen._lay(left, top, before, after)
    else:
        image.paste(Image.fromarray(after.astype(np.uint8)), (left, top))
        if page_number == screen.visible_page:
            screen._show_page()


def _write_page(screen, lay: Layout, image: Image.Image, page_number: int, start: int,
                data: bytes, planes: int) -> None:
    before = np.asarray(image).astype(np.int32)
    height = before.shape[0]
    after = before
    # Each plane (the one plane of the packed modes) takes the bytes the map mask lets through.
    for plane in range(lay.planes):
        if lay.planes == 1 or planes >> plane & 1:
            memory = _page_memory(lay, image, plane)
            memory[start:start + len(data)] = np.frombuffer(data, dtype=np.uint8)
            after = _unpack(lay, _rows(lay, memory, height), after, 1 << plane)
    changed = np.nonzero((after != before).any(axis=1))[0]
    if len(changed):
        top, bottom = int(changed[0]), int(changed[-1]) + 1
        _lay(screen, image, page_number, top, 0, before[top:bottom], after[top:bottom])


def _rows(lay: Layout, memory: np.ndarray, height: int) -> np.ndarray:
    """A page's bytes back in rows, top to bottom."""
    rows = np.zeros((height, lay.row_bytes), dtype=np.uint8)
    bank_size = lay.page_size // lay.banks
    for bank in range(lay.banks):
        count = len(range(bank, height, lay.banks))
        chunk = memory[bank * bank_size:bank * bank_size + count * lay.row_bytes]
        rows[bank::lay.banks] = chunk.reshape(count, lay.row_bytes)
    return rows
