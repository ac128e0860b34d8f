"""PNG and SVG pictures of a world: they decode, have the right size, and colours sit where
the turtle put them; labels in SVG are text, never markup."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from timewarp.turtle.model import TurtleError, TurtleWorld
from timewarp.turtle.picture import render_png, render_svg, save_picture

SVG = "{http://www.w3.org/2000/svg}"


def _pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((x, y))


@pytest.fixture
def drawing() -> TurtleWorld:
    world = TurtleWorld()
    t = world.turtle
    t.set_pen_colour("red")
    t.set_pen_width(5)
    t.forward(200)  # a red line up the middle
    t.pen_up()
    t.move_to(-300, -200)
    t.begin_fill("blue")
    for _ in range(4):
        t.forward(50)
        t.right(90)
    t.end_fill()
    t.move_to(300, 200)
    t.dot(30, 2)
    t.hide()
    return world


def test_png_decodes_at_the_world_size_with_colours_in_place(drawing):
    png = render_png(drawing)
    image = Image.open(io.BytesIO(png))
    assert image.size == (800, 600) and image.mode == "P"
    assert _pixel(png, 400, 200) == (255, 0, 0)  # on the red line, 100 px above the centre
    assert _pixel(png, 125, 475) == (0, 0, 255)  # inside the blue square
    assert _pixel(png, 700, 100) == (0, 170, 0)  # the green dot
    assert _pixel(png, 10, 10) == (255, 255, 255)


def test_png_background_size_and_turtle_triangle():
    world = TurtleWorld(200, 100)
    world.set_background(1)
    world.turtle.set_pen_colour("yellow")
    png = render_png(world)
    assert Image.open(io.BytesIO(png)).size == (200, 100)
    assert _pixel(png, 5, 5) == (0, 0, 170)
    assert _pixel(png, 100, 50 - 11) == (255, 255, 0)  # near the turtle's tip, 12 px ahead


def test_png_of_many_colours_falls_back_to_rgb():
    world = TurtleWorld(300, 300)
    for i in range(300):
        world.turtle.set_pen_colour((i % 256, i // 256 * 100, 7))
        world.turtle.forward(1)
    assert Image.open(io.BytesIO(render_png(world))).mode == "RGB"


def test_svg_parses_and_holds_every_kind_of_item(drawing):
    drawing.turtle.label("hello", 20)
    root = ET.fromstring(render_svg(drawing))
    assert root.tag == SVG + "svg" and root.get("width") == "800"
    assert len(root.findall(f".//{SVG}polyline")) == 1
    assert root.find(f".//{SVG}polygon").get("fill") == "blue"
    assert root.find(f".//{SVG}circle").get("r") == "15"
    assert root.find(f".//{SVG}text").text == "hello"


def test_svg_labels_are_escaped_text():
    world = TurtleWorld()
    nasty = '<script>alert("x")</script> & <b>'
    world.turtle.label(nasty)
    world.set_background("white")
    text = render_svg(world)
    assert "<script>" not in text
    root = ET.fromstring(text)
    assert root.find(f".//{SVG}text").text == nasty
    assert root.find(f".//{SVG}script") is None


def test_save_picture_picks_the_format_by_extension(drawing, tmp_path):
    save_picture(drawing, tmp_path / "a.png")
    save_picture(drawing, tmp_path / "a.SVG")
    assert Image.open(tmp_path / "a.png").size == (800, 600)
    ET.parse(tmp_path / "a.SVG")
    with pytest.raises(TurtleError, match=".png or .svg"):
        save_picture(drawing, tmp_path / "a.gif")
    with pytest.raises(TurtleError, match="could not save"):
        save_picture(drawing, tmp_path / "missing" / "a.png")


def test_a_hundred_thousand_segments_make_a_small_png():
    world = TurtleWorld()
    t = world.turtle
    for i in range(100_000):
        t.forward(i % 250)
        t.right(89.5)
    size = len(render_png(world))
    assert size < 200_000


def test_a_line_to_the_far_distance_shows_the_part_on_the_picture():
    world = TurtleWorld()
    world.turtle.move_to(1e300, 1e300)  # from the centre, up and to the right, for ever
    png = render_png(world)
    # The centre is (400, 300) in the picture, y downwards: the line passes (500, 200).
    assert _pixel(png, 500, 200) == (0, 0, 0)
    assert _pixel(png, 300, 400) == (255, 255, 255)


@pytest.mark.parametrize(("points", "runs"), [
    # inside: untouched
    ([(1, 1), (5, 5), (9, 1)], [[(1, 1), (5, 5), (9, 1)]]),
    # crossing the box: cut at its edges
    ([(-10, 5), (20, 5)], [[(0.0, 5), (10.0, 5)]]),
    # wholly outside, and parallel to an edge outside it
    ([(-5, -5), (-1, -9)], []),
    ([(-5, 20), (15, 20)], []),
    # out and back in: two runs
    ([(5, 5), (5, 50), (8, 50), (8, 5)], [[(5, 5), (5, 10.0)], [(8, 10.0), (8, 5)]]),
])
def test_paths_are_cut_at_the_edge_of_the_picture(points, runs):
    from timewarp.turtle.picture import _inside
    assert list(_inside(points, (0, 0, 10, 10))) == runs
