"""Python's classic ``turtle`` names, drawing on Time Warp's turtle world.

``from timewarp.turtle.python_api import *`` gives a notebook forward, fd, left, lt, penup,
pencolor, goto, circle, begin_fill, write and the rest, with Python's own conventions
(heading 0 is east, angles anticlockwise, colours as names or (r, g, b) in ``colormode``).
Everything draws on :data:`world`, the same kind of world the BASIC, Logo and PILOT kernels
use, so the live view and the saved picture work the same way.  In IPython,
``%load_ext timewarp.turtle.python_api`` shows the drawing under each cell.
"""

from __future__ import annotations

from timewarp.turtle.model import Turtle as ModelTurtle
from timewarp.turtle.model import TurtleError, TurtleWorld

#: The shared world every Python turtle draws on.
world = TurtleWorld()
_colour_mode = [1.0]


def _to_model_heading(angle: float) -> float:
    return (90.0 - angle) % 360.0


def _colour(args: tuple) -> object:
    """Python turtle's colour arguments: a name, or r, g, b scaled by ``colormode``."""
    colour = args[0] if len(args) == 1 else args
    if isinstance(colour, (tuple, list)):
        return tuple(part * 255.0 / _colour_mode[0] for part in colour)
    return colour


class Turtle:
    """A turtle with Python's ``turtle.Turtle`` method names."""

    def __init__(self, model: ModelTurtle | None = None) -> None:
        if model is None:
            world.select_turtle(world.add_turtle())
            model = world.turtle
        self._t = model
        self._t.set_heading(_to_model_heading(0.0))

    def _select(self) -> ModelTurtle:
        world.turtle = self._t
        return self._t

    def forward(self, distance: float) -> None:
        self._select().forward(distance)

    def backward(self, distance: float) -> None:
        self._select().back(distance)

    def left(self, angle: float) -> None:
        self._t.left(angle)

    def right(self, angle: float) -> None:
        self._t.right(angle)

    def goto(self, x: float | tuple[float, float], y: float | None = None) -> None:
        if y is None:
            x, y = x
        self._select().move_to(x, y)

    def setx(self, x: float) -> None:
        self._select().set_x(x)

    def sety(self, y: float) -> None:
        self._select().set_y(y)

    def setheading(self, angle: float) -> None:
        self._t.set_heading(_to_model_heading(angle))

    def home(self) -> None:
        self._select().move_to(0, 0)
        self.setheading(0)

    def circle(self, radius: float, extent: float | None = None, steps: int | None = None) -> None:
        """Python's circle; ``steps`` is accepted, but the turtle picks how many sides."""
        self._select().circle(radius, 360.0 if extent is None else extent)

    def dot(self, size: float | None = None, *colour: object) -> None:
        self._select().dot(size, _colour(colour) if colour else None)

    def write(self, arg: object, move: bool = False, align: str = "left",
              font: tuple = ("Arial", 8, "normal")) -> None:
        """Write text at the turtle, at the font's size; ``move`` and ``align`` are accepted,
        but the text always starts at the turtle, which stays put."""
        self._select().label(str(arg), font[1] if len(font) > 1 else None)

    def stamp(self) -> None:
        self._select().dot()

    def penup(self) -> None:
        self._t.pen_up()

    def pendown(self) -> None:
        self._t.pen_down()

    def isdown(self) -> bool:
        return self._t.pen_is_down

    def pensize(self, width: float | None = None) -> float | None:
        if width is None:
            return self._t.pen_width
        self._t.set_pen_width(width)
        return None

    def pencolor(self, *colour: object) -> str | None:
        if not colour:
            return self._t.pen_colour
        self._t.set_pen_colour(_colour(colour))
        return None

    def fillcolor(self, *colour: object) -> str | None:
        if not colour:
            return self._t.fill_colour or self._t.pen_colour
        self._t.set_fill_colour(_colour(colour))
        return None

    def color(self, *colours: object) -> tuple[str, str] | None:
        if not colours:
            return self.pencolor(), self.fillcolor()
        if len(colours) == 2:
            self.pencolor(colours[0])
            self.fillcolor(colours[1])
        else:
            self.pencolor(*colours)
            self.fillcolor(*colours)
        return None

    def begin_fill(self) -> None:
        self._select().begin_fill()

    def end_fill(self) -> None:
        self._select().end_fill()

    def filling(self) -> bool:
        return self._t.filling

    def hideturtle(self) -> None:
        self._t.hide()

    def showturtle(self) -> None:
        self._t.show()

    def isvisible(self) -> bool:
        return self._t.visible

    def speed(self, speed: int | None = None) -> int | None:
        """Python's speeds: 1 slowest ... 10 fast, 0 instant."""
        if speed is None:
            return 0 if self._t.speed == 0 else 11 - self._t.speed
        speed = max(0, min(10, round(speed)))
        self._t.set_speed(0 if speed == 0 else 11 - speed)
        return None

    def position(self) -> tuple[float, float]:
        return self._t.x, self._t.y

    def xcor(self) -> float:
        return self._t.x

    def ycor(self) -> float:
        return self._t.y

    def heading(self) -> float:
        return _to_model_heading(self._t.heading)

    def towards(self, x: float | tuple[float, float], y: float | None = None) -> float:
        if y is None:
            x, y = x
        return _to_model_heading(self._t.towards(x, y))

    def distance(self, x: float | tuple[float, float], y: float | None = None) -> float:
        if y is None:
            x, y = x
        return self._t.distance(x, y)

    fd = forward
    bk = back = backward
    lt = left
    rt = right
    setpos = setposition = goto
    seth = setheading
    pu = up = penup
    pd = down = pendown
    width = pensize
    ht = hideturtle
    st = showturtle
    pos = position


_default: list[Turtle] = []


def getturtle() -> Turtle:
    """The turtle the module-level functions move (world's first turtle)."""
    if not _default:
        _default.append(Turtle(world.turtles[0]))
    return _default[0]


def reset() -> None:
    """Erase everything and put the turtle home, facing east."""
    world.clear_screen()
    world.turtle = world.turtles[0]
    getturtle().setheading(0)


def clear() -> None:
    """Erase the drawing; the turtle stays."""
    world.clean()


def bgcolor(*colour: object) -> str | None:
    if not colour:
        return world.background
    world.set_background(_colour(colour))
    return None


def colormode(mode: float | None = None) -> float | None:
    if mode is None:
        return _colour_mode[0]
    if mode not in (1.0, 255):
        raise TurtleError("colormode is 1.0 or 255")
    _colour_mode[0] = mode
    return None


def setup(width: int = 800, height: int = 600, startx: object = None,
          starty: object = None) -> None:
    world.resize(width, height)


def done() -> None:
    """Nothing to wait for in a notebook: kept so that turtle scripts run unchanged."""


def _module_function(name: str):
    def call(*args, **kwargs):
        return getattr(getturtle(), name)(*args, **kwargs)
    call.__name__ = name
    call.__doc__ = getattr(Turtle, name).__doc__
    return call


_TURTLE_NAMES = (
    "forward fd backward bk back left lt right rt goto setpos setposition setx sety "
    "setheading seth home circle dot write stamp penup pu up pendown pd down isdown pensize "
    "width pencolor fillcolor color begin_fill end_fill filling hideturtle ht showturtle st "
    "isvisible speed position pos xcor ycor heading towards distance").split()
globals().update({name: _module_function(name) for name in _TURTLE_NAMES})
clearscreen = reset
mainloop = exitonclick = done

__all__ = ["Turtle", "world", "getturtle", "reset", "clear", "clearscreen", "bgcolor",
           "colormode", "setup", "done", "mainloop", "exitonclick", *_TURTLE_NAMES]


def load_ipython_extension(ipython) -> None:
    """``%load_ext timewarp.turtle.python_api``: show the drawing under every cell."""
    from timewarp.kernel.turtle_display import watch_cells

    watch_cells(ipython, world)
