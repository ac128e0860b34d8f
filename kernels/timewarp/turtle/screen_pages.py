"""Screen pages: GW-BASIC's EGA and QBasic's modes keep several screens' worth of pixels, and
a program may draw on one page while another is shown (``SCREEN , , active, visible``), then
show it at once or copy it with PCOPY: the classic way to animate without flicker.

Each page is a pixel grid; only the visible page is in the world's log.  Drawing on a hidden
page changes its pixels only; showing a page (or copying onto the shown one) puts its pixels
into the log as boxes of colour, one redraw for the live view.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from timewarp.turtle import sprites
from timewarp.turtle.colours import TurtleError
from timewarp.turtle.model import Fill

#: Pages of each mode (EGA with 256K; QBasic's VGA modes have one).
PAGES = {1: 1, 2: 1, 7: 8, 8: 4, 9: 2, 10: 2, 11: 1, 12: 1, 13: 1}


class ScreenPages:
    """Mixed into timewarp.turtle.screen.Screen."""

    def _new_pages(self) -> None:
        self.pages: dict[int, Image.Image] = {}
        self.active_page = self.visible_page = 0

    @property
    def _shown(self) -> bool:
        return self.active_page == self.visible_page

    def _page(self, number: int) -> Image.Image:
        if number not in self.pages:
            self.pages[number] = Image.new("L", (self.mode.width, self.mode.height), 0)
        return self.pages[number]

    def _check_page(self, number: int) -> int:
        count = PAGES.get(self.number, 1)
        if not 0 <= number < count:
            raise TurtleError(f"SCREEN {self.number} has pages 0 to {count - 1}")
        return int(number)

    def set_pages(self, active: int | None, visible: int | None) -> None:
        """SCREEN , , active, visible (visible defaults to the active page)."""
        active = self.active_page if active is None else self._check_page(active)
        visible = active if visible is None else self._check_page(visible)
        self._follow_world()
        self.pages[self.active_page] = self.pixels
        self.active_page = active
        self.pixels = self._page(active)
        self.pen = ImageDraw.Draw(self.pixels)
        if visible != self.visible_page:
            self.visible_page = visible
            self._show_page()

    def copy_page(self, source: int, destination: int) -> None:
        """PCOPY source, destination."""
        source, destination = self._check_page(source), self._check_page(destination)
        self.pages[self.active_page] = self.pixels
        self.pages[destination] = self._page(source).copy()
        if destination == self.active_page:
            self.pixels = self.pages[destination]
            self.pen = ImageDraw.Draw(self.pixels)
        if destination == self.visible_page:
            self._show_page()

    def _show_page(self) -> None:
        """Put the visible page's pixels into the world's log, replacing what was there."""
        world = self.world
        world.clean()
        world.background = self.colours[self.background]
        self._attrs.clear()
        pixels = np.asarray(self._page(self.visible_page))
        for colour in np.unique(pixels).tolist():
            if colour == self.background:
                continue
            for x1, y1, x2, y2 in sprites.boxes(pixels == colour):
                item = Fill(self._world_box(x1, y1, x2, y2), self.colours[colour])
                world.add_item(item, notify=False)
                self._attrs[id(item)] = (item, colour)
        world._rewritten()
        self._log_length = len(world.log)
