"""GW-BASIC screen graphics on the turtle world: the pixels POINT reads and the log items the
renderers draw."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from timewarp.turtle.model import Fill, Segment, TurtleError, TurtleWorld
from timewarp.turtle.picture import render_png
from timewarp.turtle.screen import Screen


@pytest.fixture
def screen() -> Screen:
    screen = Screen(TurtleWorld())
    screen.screen(7)
    return screen


def test_screen_modes_scale_onto_the_world():
    world = TurtleWorld()
    screen = Screen(world)
    for mode, size in ((1, (640, 400)), (2, (640, 400)), (9, (640, 350)), (12, (640, 480)),
                       (13, (640, 400)), (10, (640, 350)), (11, (640, 480))):
        screen.screen(mode)
        assert (world.width, world.height) == size
        assert world.background == "#000000" and not world.turtle.visible
    with pytest.raises(TurtleError):
        screen.screen(3)
    with pytest.raises(TurtleError):
        screen.screen(14)


def test_pset_point_and_preset(screen):
    screen.pset(10, 20, 4)
    assert screen.point(10, 20) == 4
    assert screen.point(11, 20) == 0
    assert screen.point(-1, 0) == -1 and screen.point(320, 0) == -1
    fill = screen.world.log[-1]
    # Screen pixel (10, 20) in SCREEN 7 is the 2x2 world square whose top left is
    # (20 - 320, 200 - 40).
    assert fill == Fill(((-300, 160), (-298, 160), (-298, 158), (-300, 158)), "#aa0000")
    screen.preset(10, 20)
    assert screen.point(10, 20) == 0


def test_line_box_and_filled_box(screen):
    screen.line(0, 0, 9, 0, 15)
    assert [screen.point(x, 0) for x in (0, 5, 9, 10)] == [15, 15, 15, 0]
    seg = screen.world.log[-1]
    assert type(seg) is Segment and (seg.x1, seg.y1, seg.x2, seg.y2) == (-319, 199, -301, 199)
    screen.line(20, 20, 30, 30, 2, box=True)
    assert screen.point(20, 25) == 2 and screen.point(25, 25) == 0
    screen.line(40, 40, 50, 50, 3, fill=True)
    assert screen.point(45, 45) == 3 and screen.point(51, 45) == 0


def test_paint_floods_up_to_the_border_only(screen):
    screen.line(10, 10, 50, 50, 4, box=True)
    screen.paint(30, 30, 14, 4)
    assert screen.point(30, 30) == 14 and screen.point(11, 11) == 14 and screen.point(49, 49) == 14
    assert screen.point(10, 30) == 4 and screen.point(60, 60) == 0
    fills = [i for i in screen.world.log if type(i) is Fill]
    assert len(fills) == 1  # one rectangle covers a rectangular area


def test_paint_leaks_through_a_gap(screen):
    screen.line(10, 10, 50, 10, 4)
    screen.line(10, 10, 10, 50, 4)
    screen.paint(30, 30, 1, 4)
    assert screen.point(100, 100) == 1


def test_circle_and_paint_inside_it(screen):
    screen.circle(100, 100, 40, 2)
    assert screen.point(140, 100) == 2
    screen.paint(100, 100, 1, 2)
    assert screen.point(100, 100) == 1 and screen.point(100, 60) != 1
    png = Image.open(io.BytesIO(render_png(screen.world))).convert("RGB")
    assert png.getpixel((200, 200)) == (0, 0, 170)


def test_circle_arc_with_radius_lines(screen):
    screen.circle(100, 100, 30, 3, start=-0.0001, end=-3.14159 / 2)
    assert screen.point(100, 100) == 3  # both radius lines meet at the centre
    assert screen.point(130, 100) == 3 and screen.point(70, 100) == 0


def test_color_sets_ink_and_paper(screen):
    screen.color(12, 1)
    screen.pset(5, 5)
    assert screen.point(5, 5) == 12
    assert screen.world.background == "#0000aa"
    with pytest.raises(TurtleError, match="0 to 15"):
        screen.color(16)


def test_cga_mode_has_four_colours():
    screen = Screen(TurtleWorld())
    screen.screen(1)
    screen.pset(1, 1)
    assert screen.point(1, 1) == 3
    screen.pset(2, 2, 4)    # as PC-BASIC: past the last attribute is the last one
    assert screen.point(2, 2) == 3
    with pytest.raises(TurtleError, match="negative"):
        screen.pset(1, 1, -1)


def test_draw_macro_moves_turns_and_paints(screen):
    screen.draw("BM20,150 C12 U20 R20 D20 L20 BE5 P10,12")
    assert screen.point(20, 140) == 12 and screen.point(30, 130) == 12
    assert screen.point(25, 145) == 10 and screen.point(19, 140) == 0
    screen.draw("BM100,100 A1 R10")  # A1 turns a quarter anticlockwise: right becomes up
    assert screen.point(100, 95) == 12 and screen.point(105, 100) == 0
    screen.draw("A0 S8 BM200,100 NR5 D5")  # scale 8 doubles; N comes back before D
    assert screen.point(210, 100) == 12 and screen.point(200, 110) == 12
    assert screen.last_point == (200, 110)


def test_draw_relative_moves_and_errors(screen):
    screen.draw("BM50,50 M+10,-10")
    assert screen.point(55, 45) == 15 and screen.last_point == (60, 40)
    for bad in ("Q", "M10", "A5", "X", "U=I;", "XA$;"):
        with pytest.raises(TurtleError):
            screen.draw(bad)


def test_cls_and_turtle_clear_forget_the_pixels(screen):
    screen.pset(1, 1, 4)
    screen.cls()
    assert screen.point(1, 1) == 0 and screen.world.log == []
    screen.pset(1, 1, 4)
    screen.world.clear_screen()
    assert screen.point(1, 1) == 0


def test_before_any_screen_statement_pixels_are_the_worlds():
    world = TurtleWorld()
    screen = Screen(world)
    screen.line(0, 0, 799, 599)
    assert screen.point(400, 300) == 0 and screen.point(799, 0) == 15
    png = Image.open(io.BytesIO(render_png(world))).convert("RGB")
    assert png.getpixel((0, 0)) == (0, 0, 0) and png.getpixel((799, 0)) == (255, 255, 255)


def test_palette_change_reaches_the_live_canvas_in_one_batch():
    from timewarp.turtle.canvas import CanvasView

    world = TurtleWorld()
    view = CanvasView(world)
    batches = []
    draw_fills = view._draw_fills
    view._draw_fills = lambda fills: (batches.append([f.colour for f in fills]), draw_fills(fills))
    screen = Screen(world)
    screen.screen(13)
    screen.line(0, 0, 10, 10, 4, fill=True)
    screen.pset(20, 20, 4)
    screen.pset(30, 30, 1)
    view.flush()
    screen.set_palette(4, 63 * 256)     # attribute 4 shows VGA's bright green
    view.flush()
    assert batches == [["#aa0000", "#aa0000", "#0000aa"], ["#00ff00", "#00ff00", "#0000aa"]]
    view.close()
