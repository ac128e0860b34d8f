"""GW-BASIC's screen graphics (SCREEN, COLOR, PALETTE, VIEW, WINDOW, PSET, LINE, CIRCLE,
PAINT, DRAW, POINT, PMAP, GET and PUT) drawn on the turtle's world.

GW-BASIC draws into a grid of pixels that POINT, PAINT and GET read back, so :class:`Screen`
keeps that grid (a Pillow image of colour attributes, one byte per screen pixel) and also puts
everything it draws into the world's log, so that the live view, the pictures and the grader
see screen graphics and turtle lines on one canvas.  Screen pixels have their origin at the
top left and y growing downwards; a SCREEN mode's pixels are scaled up onto the world.

The log holds colours, the pixels hold attributes: the screen remembers which attribute each
of its log items was drawn in, so PALETTE can recolour what is already drawn (as the real
palette registers did) and the live canvas redraws it in one batch.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from PIL import Image, ImageDraw

from timewarp.turtle import sprites, tile_fill
from timewarp.turtle.colours import TurtleError
from timewarp.turtle.draw_macro import DrawPen, run_macro
from timewarp.turtle.model import Fill, Segment, TurtleWorld
from timewarp.turtle.screen_pages import ScreenPages
from timewarp.turtle.screen_modes import MODES, ScreenMode, check_colour_value, colour_of

__all__ = ["Screen", "ScreenMode", "MODES"]


def _world_mode(world: TurtleWorld) -> ScreenMode:
    """Before any SCREEN statement the world's own pixels are the screen's, in 16 colours."""
    return ScreenMode(0, world.width, world.height, 1, 1, "cga", tuple(range(16)), 1.0, 1, 4)


class Screen(ScreenPages):
    """GW-BASIC screen graphics on a turtle world (see the module docstring)."""

    def __init__(self, world: TurtleWorld) -> None:
        self.world = world
        self._set_mode(_world_mode(world))
        # Black ink on the world's white paper, so a first PSET shows without ceremony.
        self.foreground, self.background = 0, 15
        self._reset_pixels()

    # The last point: where STEP, PSET and the like go on from, logical.  DRAW keeps a position
    # of its own (physical) while only DRAW moves; any other statement that sets the last
    # point ends it.  Under a WINDOW, DRAW does not move the last point (as GW-BASIC).
    _draw_at: tuple[int, int] | None = None

    @property
    def _last(self) -> tuple[float, float]:
        return self._last_point

    @_last.setter
    def _last(self, point: tuple[float, float]) -> None:
        self._last_point, self._draw_at = point, None

    def _set_mode(self, mode: ScreenMode) -> None:
        self.number, self.mode = mode.number, mode
        self.palette = list(mode.palette)
        self.colours = [colour_of(mode.kind, v) for v in self.palette]
        self.view: tuple[int, int, int, int] | None = None
        self.view_absolute = False
        self.window: tuple[float, float, float, float] | None = None
        self.window_screen = False
        self._attrs: dict[int, tuple[object, int]] = {}
        self._sprites: dict[int, tuple[list, bytes]] = {}
        self._new_pages()

    # Modes and colours

    def screen(self, mode: int) -> None:
        """SCREEN n: choose a mode; a new mode clears the screen to black."""
        if mode == 0:
            self._set_mode(_world_mode(self.world))
            self.foreground, self.background = 0, 15
            self.world.set_background(self.colours[15])
        elif mode in MODES:
            if mode == self.number:
                return      # as GW-BASIC: the same mode again keeps the picture
            self._set_mode(MODES[mode])
            self.foreground, self.background = self.mode.attributes - 1, 0
            if self.mode.attributes > 16:
                self.foreground = 15
            self.world.resize(self.mode.width * self.mode.scale_x,
                              self.mode.height * self.mode.scale_y)
            # A pixel program has no use for the turtle's triangle in the middle of it.
            self.world.turtle.hide()
        else:
            raise TurtleError(f"there is no SCREEN {mode} (use 0, 1, 2, 7, 8, 9, 10, 11, 12 or 13)")
        self.cls()

    def color(self, foreground: int | None = None, background: int | None = None) -> None:
        """COLOR in a graphics mode (and before any SCREEN, on the world's paper)."""
        n = self.number
        if n == 2 or (n in (11, 12, 13) and background is not None):
            raise TurtleError(f"COLOR takes {'no colours' if n == 2 else 'only a foreground'} "
                              f"in SCREEN {n}")
        if n == 1:
            # COLOR background, palette: palette 0 is green/red/brown, 1 cyan/magenta/white.
            if foreground is not None:
                self._set_palette(0, check_colour_value("cga", int(foreground) & 15))
            if background is not None:
                for attr, value in zip((1, 2, 3), (11, 13, 15) if background % 2 else (10, 12, 14)):
                    self._set_palette(attr, value)
            self._recolour()
            return
        if foreground is not None:
            self.foreground = self._draw_pen.colour = self._check(foreground)
        if background is not None:
            if n == 0:
                self.background = self._check(background)
                self.world.set_background(self.colours[self.background])
            else:
                self._set_palette(0, check_colour_value(self.mode.kind, background))
                self._recolour()

    def set_palette(self, attribute: int | None = None, colour: int | None = None) -> None:
        """PALETTE attribute, colour (colour -1 leaves it); PALETTE alone: the defaults."""
        if attribute is None:
            self.palette = list(self.mode.palette)
            self.colours = [colour_of(self.mode.kind, v) for v in self.palette]
        else:
            if not 0 <= attribute < self.mode.attributes:
                raise TurtleError(f"PALETTE's attribute goes from 0 to {self.mode.attributes - 1}")
            if colour != -1:
                self._set_palette(int(attribute), check_colour_value(self.mode.kind, colour))
        self._recolour()

    def palette_using(self, values: list[int]) -> None:
        """PALETTE USING: one colour for each attribute, -1 keeping its colour."""
        if len(values) < self.mode.attributes:
            raise TurtleError(f"PALETTE USING needs {self.mode.attributes} values in the array")
        for attr, value in enumerate(values[:self.mode.attributes]):
            if value != -1:
                self._set_palette(attr, check_colour_value(self.mode.kind, value))
        self._recolour()

    def _set_palette(self, attribute: int, value: int) -> None:
        self.palette[attribute] = value
        self.colours[attribute] = colour_of(self.mode.kind, value)

    def _recolour(self) -> None:
        """Show the palette's colours in everything the screen drew, in one redraw."""
        world, colours, attrs = self.world, self.colours, {}
        self._follow_world()
        log = []
        for item in world.log:
            entry = self._attrs.get(id(item))
            if entry is not None and entry[0] is item:
                if item.colour != colours[entry[1]]:
                    item = replace(item, colour=colours[entry[1]])
                attrs[id(item)] = (item, entry[1])
            log.append(item)
        world.log[:] = log
        world.segments[:] = [i for i in log if type(i) is Segment]
        self._attrs = attrs
        world.background = colours[self.background]
        world._rewritten()

    def cls(self, viewport_only: bool = False) -> None:
        if viewport_only and self.view is not None:
            x1, y1, x2, y2 = self.view
            self.pen.rectangle((x1, y1, x2, y2), fill=self.background)
            self._add_box(x1, y1, x2, y2, self.background)
        elif not self._shown:
            self.pixels.paste(self.background, (0, 0, *self.pixels.size))
        else:
            self.world.clean()
            self.world.set_background(self.colours[self.background])
            self._reset_pixels()
        self._last = self._centre()

    def _reset_pixels(self) -> None:
        self.pixels = Image.new("L", (self.mode.width, self.mode.height), self.background)
        self.pages[self.active_page] = self.pixels
        self.pen = ImageDraw.Draw(self.pixels)
        self._attrs.clear()
        self._last = self._centre()
        self._draw_pen = DrawPen(*self.last_point, colour=self.foreground)
        self._log_length = len(self.world.log)

    def _check(self, colour: int) -> int:
        if not 0 <= colour < self.mode.attributes:
            raise TurtleError(f"colour {colour} is not available on this screen "
                              f"(use 0 to {self.mode.attributes - 1})")
        return int(colour)

    def _ink(self, colour: int | None) -> int:
        """A drawing colour: as GW-BASIC, one past the last attribute is the last one."""
        self._follow_world()
        if colour is None:
            return self.foreground
        if colour < 0:
            raise TurtleError("a colour cannot be negative")
        if self.number == 0:
            return self._check(colour)
        return int(min(colour, self.mode.attributes - 1))

    def _follow_world(self) -> None:
        """Forget the pixels when a turtle statement erased the world under us."""
        if len(self.world.log) < self._log_length:
            self.pixels.paste(self.background, (0, 0, *self.pixels.size))
            self._attrs.clear()
        self._log_length = len(self.world.log)

    # Coordinates: logical (WINDOW's, or the viewport's pixels) and physical (the screen's)

    def set_view(self, box: tuple | None, absolute: bool = False, fill: int | None = None,
                 border: int | None = None) -> None:
        """VIEW [SCREEN] (x1,y1)-(x2,y2)[,fill[,border]]; no box: the whole screen."""
        if box is None:
            self.view, self.view_absolute = None, False
            self._last = self._centre()
            return
        x1, x2 = sorted((round(box[0]), round(box[2])))
        y1, y2 = sorted((round(box[1]), round(box[3])))
        if x1 < 0 or y1 < 0 or x2 >= self.mode.width or y2 >= self.mode.height or (
                x1 == x2 and y1 == y2):
            raise TurtleError("the viewport must lie on the screen and be more than a point")
        self.view, self.view_absolute = (x1, y1, x2, y2), absolute
        if fill is not None:
            ink = self._ink(fill)
            self.pen.rectangle((x1, y1, x2, y2), fill=ink)
            self._add_box(x1, y1, x2, y2, ink)
        if border is not None:
            view, self.view = self.view, None
            self._add_path([(x1 - 1, y1 - 1), (x2 + 1, y1 - 1), (x2 + 1, y2 + 1),
                            (x1 - 1, y2 + 1), (x1 - 1, y1 - 1)], self._ink(border))
            self.view = view
        self._last = self._centre()

    def set_window(self, box: tuple | None, screen: bool = False) -> None:
        """WINDOW [SCREEN] (x1,y1)-(x2,y2): world coordinates, y up unless SCREEN.

        The last point stays on its pixel (GW-BASIC keeps it as one), read anew through
        the new WINDOW; DRAW's own position stays too."""
        pixel, draw_at = self._physical(*self._last), self._draw_at
        if box is None:
            self.window = None
        else:
            x1, x2 = sorted((float(box[0]), float(box[2])))
            y1, y2 = sorted((float(box[1]), float(box[3])))
            if x1 == x2 or y1 == y2:
                raise TurtleError("WINDOW's corners must differ in both x and y")
            self.window, self.window_screen = (x1, y1, x2, y2), screen
        self._last = self._logical_of(*pixel)
        self._draw_at = draw_at

    def _area(self) -> tuple[int, int, int, int]:
        return self.view or (0, 0, self.mode.width - 1, self.mode.height - 1)

    @property
    def origin(self) -> tuple[int, int]:
        """Where logical (0, 0) lies without a WINDOW: the viewport's corner unless SCREEN."""
        if self.view is not None and (self.window is not None or not self.view_absolute):
            return self.view[0], self.view[1]
        return 0, 0

    def _scale(self) -> tuple[float, float]:
        x1, y1, x2, y2 = self._area()
        wx1, wy1, wx2, wy2 = self.window
        return (x2 - x1) / (wx2 - wx1), (y2 - y1) / (wy2 - wy1)

    def _relative(self, x: float, y: float) -> tuple[float, float]:
        """Logical to physical, measured from the origin (PMAP 0 and 1)."""
        if self.window is None:
            return x, y
        sx, sy = self._scale()
        wx1, wy1, _, wy2 = self.window
        return (x - wx1) * sx, ((y - wy1) if self.window_screen else (wy2 - y)) * sy

    def _logical(self, px: float, py: float) -> tuple[float, float]:
        """Physical from the origin back to logical (PMAP 2 and 3)."""
        if self.window is None:
            return px, py
        sx, sy = self._scale()
        wx1, wy1, _, wy2 = self.window
        return wx1 + px / sx, (wy1 + py / sy) if self.window_screen else (wy2 - py / sy)

    def _physical(self, x: float, y: float) -> tuple[float, float]:
        px, py = self._relative(x, y)
        ox, oy = self.origin
        return px + ox, py + oy

    def _centre(self) -> tuple[float, float]:
        """Where the graphics cursor starts: the pixel just past the middle of the viewport
        (320, 175 on a 640 x 350 screen), as GW-BASIC puts it."""
        x1, y1, x2, y2 = self._area()
        ox, oy = self.origin
        return self._logical(x1 + (x2 - x1) // 2 + 1 - ox, y1 + (y2 - y1) // 2 + 1 - oy)

    def pmap(self, value: float, function: int) -> float:
        if function in (0, 1):
            return round(self._relative(value, value)[function])
        if function in (2, 3):
            return self._logical(value, value)[function - 2]
        raise TurtleError("PMAP's function is 0, 1, 2 or 3")

    def point_of(self, function: int) -> float:
        """POINT(n): the last point, physical (0, 1) or logical (2, 3)."""
        if self._draw_at is not None:  # DRAW moved last: its position, from the origin
            ox, oy = self.origin
            px, py = self._draw_at[0] - ox, self._draw_at[1] - oy
        else:
            px, py = self._relative(*self._last)
        if function in (0, 1):
            return round((px, py)[function])
        if function in (2, 3):
            # As GW-BASIC: the last point is kept as a pixel, read back through WINDOW.
            return self._logical(round(px), round(py))[function - 2]
        raise TurtleError("POINT(n) takes n from 0 to 3")

    def step(self, x: float, y: float) -> tuple[float, float]:
        """STEP (x, y): relative to the last point."""
        return self._last[0] + x, self._last[1] + y

    @property
    def last_point(self) -> tuple[int, int]:
        x, y = self._physical(*self._last)
        return round(x), round(y)

    def _move_to(self, x: float, y: float) -> tuple[int, int]:
        self._last = (x, y)
        return self.last_point

    # Where screen pixels land on the world

    def _world_point(self, x: float, y: float) -> tuple[float, float]:
        m = self.mode
        return ((x + 0.5) * m.scale_x - self.world.width / 2,
                self.world.height / 2 - (y + 0.5) * m.scale_y)

    def _world_box(self, x1: int, y1: int, x2: int, y2: int) -> tuple[tuple[float, float], ...]:
        m, half_w, half_h = self.mode, self.world.width / 2, self.world.height / 2
        left, right = x1 * m.scale_x - half_w, (x2 + 1) * m.scale_x - half_w
        top, bottom = half_h - y1 * m.scale_y, half_h - (y2 + 1) * m.scale_y
        return ((left, top), (right, top), (right, bottom), (left, bottom))

    def _add(self, item, attr: int) -> None:
        if not self._shown:
            return      # a hidden page: its pixels alone change
        self.world.add_item(item)
        self._attrs[id(item)] = (item, attr)

    def _add_path(self, points: list[tuple[float, float]], colour: int) -> None:
        """Draw a path of physical points into the pixels and onto the world, clipped to
        the viewport."""
        if len(points) == 1:
            points = points * 2
        pieces = list(zip(points, points[1:]))
        if self.view is not None:
            pieces = [c for a, b in pieces if (c := sprites.clip(a, b, self.view)) is not None]
        hue = self.colours[colour]
        width = max(self.mode.scale_x, self.mode.scale_y)
        for a, b in pieces:
            self.pen.point(sprites.line_pixels(round(a[0]), round(a[1]), round(b[0]),
                                               round(b[1])), fill=colour)
            (x1, y1), (x2, y2) = self._world_point(*a), self._world_point(*b)
            self._add(Segment(x1, y1, x2, y2, hue, width), colour)
        self._log_length = len(self.world.log)

    def _add_box(self, x1: int, y1: int, x2: int, y2: int, colour: int) -> None:
        self._add(Fill(self._world_box(x1, y1, x2, y2), self.colours[colour]), colour)
        self._log_length = len(self.world.log)

    def _clip_box(self, x1: int, y1: int, x2: int, y2: int) -> tuple[int, int, int, int] | None:
        cx1, cy1, cx2, cy2 = self._area()
        x1, y1, x2, y2 = max(x1, cx1), max(y1, cy1), min(x2, cx2), min(y2, cy2)
        return (x1, y1, x2, y2) if x1 <= x2 and y1 <= y2 else None

    # Statements

    def pset(self, x: float, y: float, colour: int | None = None) -> None:
        ink = self._ink(colour)
        x, y = self._move_to(x, y)
        cx1, cy1, cx2, cy2 = self._area()
        if cx1 <= x <= cx2 and cy1 <= y <= cy2:
            self.pixels.putpixel((x, y), ink)
            self._add_box(x, y, x, y, ink)

    def preset(self, x: float, y: float, colour: int | None = None) -> None:
        self.pset(x, y, self.background if colour is None else colour)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: int | None = None,
             box: bool = False, fill: bool = False) -> None:
        """LINE (x1,y1)-(x2,y2),colour[,B|BF], in logical coordinates."""
        ink = self._ink(colour)
        self._last = (x2, y2)
        x1, y1 = self._physical(x1, y1)
        x2, y2 = self._physical(x2, y2)
        x1, y1, x2, y2 = round(x1), round(y1), round(x2), round(y2)
        if fill:
            left, right = sorted((x1, x2))
            top, bottom = sorted((y1, y2))
            clipped = self._clip_box(left, top, right, bottom)
            if clipped:
                self.pen.rectangle(clipped, fill=ink)
                self._add_box(*clipped, ink)
        elif box:
            self._add_path([(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)], ink)
        else:
            self._add_path([(x1, y1), (x2, y2)], ink)

    def _logical_of(self, px: float, py: float) -> tuple[float, float]:
        ox, oy = self.origin
        return self._logical(px - ox, py - oy)

    def circle(self, x: float, y: float, radius: float, colour: int | None = None,
               start: float | None = None, end: float | None = None,
               aspect: float | None = None) -> None:
        """CIRCLE (x,y),r[,colour[,start,end[,aspect]]]: angles in radians, anticlockwise
        from east; a negative angle also draws the radius to that end."""
        ink = self._ink(colour)
        self._last = (x, y)
        x, y = (round(v) for v in self._physical(x, y))
        if self.window is not None:
            radius *= abs(self._scale()[0])
        aspect = self.mode.aspect if aspect is None else aspect
        rx, ry = (radius, radius * aspect) if aspect <= 1 else (radius / aspect, radius)
        a0 = abs(start) if start is not None else 0.0
        a1 = abs(end) if end is not None else 2 * math.pi
        if a1 < a0:
            a1 += 2 * math.pi
        steps = max(8, math.ceil((a1 - a0) * max(rx, ry) / 2))
        points = [(x + rx * math.cos(a0 + (a1 - a0) * i / steps),
                   y - ry * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]
        if start is not None and start < 0:
            points.insert(0, (x, y))
        if end is not None and end < 0:
            points.append((x, y))
        self._add_path(points, ink)

    def paint(self, x: float, y: float, paint: int | bytes | None = None,
              border: int | None = None, background: bytes | None = None) -> None:
        """PAINT (x,y),paint,border[,background]: flood the area around (x, y) up to
        ``border``; ``paint`` may be a tile string (bytes) instead of a colour, filled by
        GW-BASIC's rules (timewarp.turtle.tile_fill), with a ``background`` pattern."""
        tile = paint if isinstance(paint, (bytes, bytearray)) else None
        ink = self._ink(None if tile is not None else paint)
        edge = self._ink(border) if border is not None else ink
        px, py = self._move_to(x, y)
        x1, y1, x2, y2 = self._area()
        if not (x1 <= px <= x2 and y1 <= py <= y2) or self.pixels.getpixel((px, py)) == edge:
            return
        area = self.pixels.crop((x1, y1, x2 + 1, y2 + 1))
        before = np.asarray(area).copy()
        if tile is None:
            ImageDraw.floodfill(area, (px - x1, py - y1), ink, border=edge)
            after = np.asarray(area)
        else:
            pattern = sprites.tile_pattern(self.mode, bytes(tile)) & 255
            back = None
            if background:
                back = (sprites.tile_pattern(self.mode, bytes(background)) & 255)[0]
                tile_fill.check_background(pattern, back)
            whole = np.asarray(self.pixels).astype(np.int32)
            filled = tile_fill.tile_fill(whole, (px, py), edge, pattern, back, (x1, y1, x2, y2))
            after = filled[y1:y2 + 1, x1:x2 + 1].astype(np.uint8)
        self._lay(x1, y1, before, after)

    def _lay(self, left: int, top: int, before: np.ndarray, after: np.ndarray) -> None:
        """Put a block of pixels on the screen, and on the world what changed."""
        self.pixels.paste(Image.fromarray(after.astype(np.uint8)), (left, top))
        changed = after != before
        for colour in np.unique(after[changed]).tolist():
            for box in sprites.boxes(changed & (after == colour)):
                bx1, by1, bx2, by2 = box
                self._add_box(bx1 + left, by1 + top, bx2 + left, by2 + top, colour)

    def draw(self, macro: str, variable=None) -> None:
        """DRAW: GW-BASIC's little language of moves (U D L R E F G H M, B, N, A, TA,
        C, S, P, X and =variable;), in physical pixels."""
        self._follow_world()
        # DRAW's colour, angle and scale carry over from one DRAW statement to the next.
        pen = self._draw_pen
        pen.x, pen.y = self.last_point if self._draw_at is None else self._draw_at
        run_macro(macro, pen, self, variable)
        if self.window is None:
            self._last = self._logical_of(pen.x, pen.y)
        self._draw_at = (pen.x, pen.y)

    def point(self, x: float, y: float) -> int:
        """POINT(x,y): the colour attribute at a pixel, or -1 off the screen."""
        self._follow_world()
        rx, ry = self._relative(x, y)
        if self.view is not None and not self.view_absolute and (round(rx) < 0 or round(ry) < 0):
            return -1
        px, py = (round(v) for v in self._physical(x, y))
        if 0 <= px < self.mode.width and 0 <= py < self.mode.height:
            return int(self.pixels.getpixel((px, py)))
        return -1

    # GET and PUT

    def get_block(self, x1: float, y1: float, x2: float, y2: float) -> bytes:
        """GET (x1,y1)-(x2,y2): the block's bytes as GW-BASIC's video memory holds them."""
        self._follow_world()
        (ax, ay), (bx, by) = self._physical(x1, y1), self._physical(x2, y2)
        left, right = sorted((round(ax), round(bx)))
        top, bottom = sorted((round(ay), round(by)))
        if left < 0 or top < 0 or right >= self.mode.width or bottom >= self.mode.height:
            raise TurtleError("GET's block must lie on the screen")
        self._last = (x2, y2)
        block = np.asarray(self.pixels)[top:bottom + 1, left:right + 1].astype(np.int32)
        return sprites.pack_block(self.mode, block)

    def put_block(self, x: float, y: float, data: bytes, action: str = "XOR") -> None:
        """PUT (x,y), array[, PSET|PRESET|AND|OR|XOR]: lay a GET block with its top left
        corner at (x, y)."""
        self._follow_world()
        block = sprites.unpack_block(self.mode, data)
        left, top = (round(v) for v in self._physical(x, y))
        height, width = block.shape
        x1, y1, x2, y2 = self._area()
        if left < x1 or top < y1 or left + width - 1 > x2 or top + height - 1 > y2:
            raise TurtleError("PUT's block must lie within the screen (or the viewport)")
        self._last = (x, y)
        before = np.asarray(self.pixels)[top:top + height, left:left + width].astype(np.int32)
        mask = (1 << (self.mode.bits * self.mode.planes)) - 1
        after = sprites.combine(action, before, block, mask)
        after = np.minimum(after & mask, self.mode.attributes - 1)
        self._lay(left, top, before, after)

