"""Turtle primitives under their UCBLogo names and abbreviations, drawing on the session's
turtle world (:mod:`timewarp.turtle.model`).

Colour numbers follow UCBLogo's own table (6 is yellow, 7 white) and ``[r g b]`` lists are
percentages, as in UCBLogo; names and "#rrggbb" words work too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PIL import ImageColor

from timewarp.logo.errors import LogoError, doesnt_like
from timewarp.logo.primitives import primitive
from timewarp.logo.values import (is_word, logo_bool, print_form, to_list, to_number,
                                  word_text)
from timewarp.turtle.model import TurtleError

#: UCBLogo's colour numbers 0-15.
UCBLOGO_COLOURS = ("#000000", "#0000ff", "#00ff00", "#00ffff", "#ff0000", "#ff00ff",
                   "#ffff00", "#ffffff", "#9b6037", "#c5885b", "#64a240", "#78bbbb",
                   "#ff9577", "#9071d0", "#ffa300", "#b7b7b7")


def turtle_command(names: str, default: int, outputs: bool = False, **arity: Any
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a turtle primitive whose TurtleErrors become Logo errors."""
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def guarded(interp: Any, *inputs: Any) -> Any:
            try:
                return function(interp, *inputs)
            except TurtleError as error:
                raise LogoError(f"{names.split()[0]}: {error.message}", code=7) from None
        primitive(names, default, outputs=outputs, **arity)(guarded)
        return guarded
    return register


def _colour(name: str, value: Any, palette: Any = UCBLOGO_COLOURS) -> Any:
    if isinstance(value, list):
        parts = [to_number(name, v) for v in value]
        if len(parts) != 3 or not all(0 <= p <= 100 for p in parts):
            raise doesnt_like(name, value)
        return tuple(round(p * 2.55) for p in parts)
    if type(value) in (int, float) or (is_word(value) and word_text(value).isdigit()):
        number = int(to_number(name, value))
        if not 0 <= number < len(palette):
            raise doesnt_like(name, value)
        return palette[number]
    if is_word(value):
        return word_text(value)
    raise doesnt_like(name, value)


def colour_number(interp: Any, colour: str) -> Any:
    """A colour as UCBLogo reports it: its number where it has one ("white" is 7)."""
    if colour not in interp.palette:
        try:
            red, green, blue = ImageColor.getrgb(colour)[:3]
        except ValueError:
            return colour
        colour = f"#{red:02x}{green:02x}{blue:02x}"
    return interp.palette.index(colour) if colour in interp.palette else colour


def _xy(name: str, value: Any) -> tuple[float, float]:
    items = to_list(name, value)
    if len(items) != 2:
        raise doesnt_like(name, value)
    return to_number(name, items[0]), to_number(name, items[1])


def _tidy(value: float) -> int | float:
    """Positions without the last bits of floating-point noise (0, not 6.1e-15)."""
    rounded = round(value, 10)
    return int(rounded) if rounded.is_integer() else rounded


@turtle_command("forward fd", 1)
def forward(interp: Any, distance: Any) -> None:
    (interp.scrunched or interp.world.turtle).forward(to_number("forward", distance))


@turtle_command("back bk", 1)
def back(interp: Any, distance: Any) -> None:
    (interp.scrunched or interp.world.turtle).back(to_number("back", distance))


@turtle_command("left lt", 1)
def left(interp: Any, angle: Any) -> None:
    interp.world.turtle.left(to_number("left", angle))


@turtle_command("right rt", 1)
def right(interp: Any, angle: Any) -> None:
    interp.world.turtle.right(to_number("right", angle))


@turtle_command("penup pu", 0)
def penup(interp: Any) -> None:
    interp.world.turtle.pen_up()


@turtle_command("pendown pd", 0)
def pendown(interp: Any) -> None:
    interp.world.turtle.pen_down()


@turtle_command("clearscreen cs", 0)
def clearscreen(interp: Any) -> None:
    interp.world.clear_screen()


@turtle_command("clean", 0)
def clean(interp: Any) -> None:
    interp.world.clean()


@turtle_command("home", 0)
def home(interp: Any) -> None:
    interp.world.turtle.home()


@turtle_command("hideturtle ht", 0)
def hideturtle(interp: Any) -> None:
    interp.world.turtle.hide()


@turtle_command("showturtle st", 0)
def showturtle(interp: Any) -> None:
    interp.world.turtle.show()


@turtle_command("setpencolor setpc setpencolour", 1)
def setpencolor(interp: Any, colour: Any) -> None:
    if interp.pen_mode == "paint":
        interp.world.turtle.set_pen_colour(_colour("setpencolor", colour, interp.palette))
    else:
        from timewarp.logo.primitives.pens import set_paint_colour
        set_paint_colour(interp, _colour("setpencolor", colour, interp.palette))


@turtle_command("setpensize setpenwidth", 1)
def setpensize(interp: Any, size: Any) -> None:
    # UCBLogo's pen size is [width height]; the turtle has one width.
    width = to_number("setpensize", size[0] if isinstance(size, list) and size else size)
    interp.world.turtle.set_pen_width(width)


@turtle_command("setbackground setbg", 1)
def setbackground(interp: Any, colour: Any) -> None:
    interp.world.set_background(_colour("setbackground", colour, interp.palette))
    if interp.pen_mode != "paint":
        from timewarp.logo.primitives.pens import drawing_colour
        drawing_colour(interp)  # PENERASE follows the background


@turtle_command("setxy", 2)
def setxy(interp: Any, x: Any, y: Any) -> None:
    (interp.scrunched or interp.world.turtle).move_to(to_number("setxy", x),
                                                      to_number("setxy", y))


@turtle_command("setpos", 1)
def setpos(interp: Any, position: Any) -> None:
    (interp.scrunched or interp.world.turtle).move_to(*_xy("setpos", position))


@turtle_command("setx", 1)
def setx(interp: Any, x: Any) -> None:
    (interp.scrunched or interp.world.turtle).set_x(to_number("setx", x))


@turtle_command("sety", 1)
def sety(interp: Any, y: Any) -> None:
    (interp.scrunched or interp.world.turtle).set_y(to_number("sety", y))


@turtle_command("setheading seth", 1)
def setheading(interp: Any, heading: Any) -> None:
    interp.world.turtle.set_heading(to_number("setheading", heading))


@turtle_command("arc", 2)
def arc(interp: Any, angle: Any, radius: Any) -> None:
    (interp.scrunched or interp.world.turtle).arc(to_number("arc", angle),
                                                  to_number("arc", radius))


@turtle_command("circle", 1)
def circle(interp: Any, radius: Any) -> None:
    # As in ARC (and MSWLogo's CIRCLE): centred on the turtle, which stays where it is.
    (interp.scrunched or interp.world.turtle).arc(360.0, to_number("circle", radius))


@turtle_command("dot", 0, minimum=0, maximum=1)
def dot(interp: Any, size: Any = None) -> None:
    interp.world.turtle.dot(None if size is None else to_number("dot", size))


@turtle_command("label", 1)
def label(interp: Any, text: Any) -> None:
    interp.world.turtle.label(print_form(text), interp.label_height)


@turtle_command("filled", 2)
def filled(interp: Any, colour: Any, items: Any) -> None:
    turtle = interp.world.turtle
    turtle.begin_fill(_colour("filled", colour, interp.palette))
    try:
        interp.run_list(to_list("filled", items))
    finally:
        turtle.end_fill()


@turtle_command("window", 0)
def window(interp: Any) -> None:
    interp.world.set_mode("window")


@turtle_command("wrap", 0)
def wrap(interp: Any) -> None:
    interp.world.set_mode("wrap")


@turtle_command("fence", 0)
def fence(interp: Any) -> None:
    interp.world.set_mode("fence")


@turtle_command("setspeed", 1)
def setspeed(interp: Any, speed: Any) -> None:
    interp.world.turtle.set_speed(to_number("setspeed", speed))


@turtle_command("pos", 0, outputs=True)
def pos(interp: Any) -> list:
    turtle = interp.scrunched or interp.world.turtle
    return [_tidy(turtle.x), _tidy(turtle.y)]


@turtle_command("xcor", 0, outputs=True)
def xcor(interp: Any) -> Any:
    return _tidy((interp.scrunched or interp.world.turtle).x)


@turtle_command("ycor", 0, outputs=True)
def ycor(interp: Any) -> Any:
    return _tidy((interp.scrunched or interp.world.turtle).y)


@turtle_command("heading", 0, outputs=True)
def heading(interp: Any) -> Any:
    return _tidy(interp.world.turtle.heading)


@turtle_command("towards", 1, outputs=True)
def towards(interp: Any, position: Any) -> Any:
    return _tidy((interp.scrunched or interp.world.turtle).towards(*_xy("towards", position)))


@turtle_command("distance", 1, outputs=True)
def distance(interp: Any, position: Any) -> Any:
    return _tidy((interp.scrunched or interp.world.turtle).distance(*_xy("distance",
                                                                       position)))


@turtle_command("pencolor pc pencolour", 0, outputs=True)
def pencolor(interp: Any) -> Any:
    return colour_number(interp, interp.paint_colour or interp.world.turtle.pen_colour)


@turtle_command("pensize", 0, outputs=True)
def pensize(interp: Any) -> list:
    width = _tidy(interp.world.turtle.pen_width)
    return [width, width]


@turtle_command("shownp shown?", 0, outputs=True)
def shownp(interp: Any) -> str:
    return logo_bool(interp.world.turtle.visible)


@turtle_command("pendownp pendown?", 0, outputs=True)
def pendownp(interp: Any) -> str:
    return logo_bool(interp.world.turtle.pen_is_down)


@turtle_command("background bg", 0, outputs=True)
def background(interp: Any) -> Any:
    return colour_number(interp, interp.world.background)

