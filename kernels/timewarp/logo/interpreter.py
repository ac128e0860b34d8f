"""The Logo workspace and the machinery that runs compiled code.

The :class:`Interpreter` owns the variables (one dict, shallow binding), the user's
procedures, property lists, and the Python namespace compiled code runs in.  Procedures
compile on their first call; defining or erasing any procedure throws all compiled code
away, because a new number of inputs changes how every caller parses.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import sys
import weakref
from dataclasses import dataclass, field
from types import CodeType, TracebackType
from typing import TYPE_CHECKING, Any

from timewarp.logo import runtime
from timewarp.logo.compiler import Compiler, Source
from timewarp.logo.errors import LogoError, dont_know, not_enough_inputs
from timewarp.logo.parser import UNLIMITED, Arity
from timewarp.logo.primitives import COMMAND_FORMS, PRIMITIVES, Primitive, command_ident
from timewarp.logo.primitives import debugging, stepping
from timewarp.logo.primitives.library import LIBRARY_PROCEDURES
from timewarp.logo.primitives.turtle import UCBLOGO_COLOURS
from timewarp.logo.reader import Line

if TYPE_CHECKING:
    from timewarp.engine import Console
    from timewarp.turtle.model import TurtleWorld

_LIST_CACHE_SIZE = 2000
#: How ALLOWGETSET's getters and setters parse (parse_arity).
_GETTER, _SETTER = Arity(0, 0, 0), Arity(1, 1, 1)

#: UCBLogo's special variables with their first values.  LOGOPLATFORM says where this Logo
#: runs; COMMAND.LINE is what ucblogo was started with (nothing, here).
SPECIAL_VARIABLES: dict[str, object] = {
    "allowgetset": "true", "caseignoredp": "true", "command.line": [], "fullprintp": "false",
    "logoplatform": "TimeWarp", "logoversion": 6.2, "unburyonedit": "true",
    "usealternatenames": "false"}


@dataclass
class Procedure:
    """A procedure the user defined with TO or DEFINE."""

    name: str
    required: list[str]
    optional: list[tuple[str, list]] = field(default_factory=list)
    rest: str | None = None
    default_count: int | None = None
    lines: list[Line] = field(default_factory=list)
    title: Line | None = None
    #: A macro (.MACRO, .DEFMACRO): its output is run where it was called.
    macro: bool = False

    @property
    def arity(self) -> Arity:
        default = self.default_count if self.default_count is not None else len(self.required)
        maximum = UNLIMITED if self.rest else len(self.required) + len(self.optional)
        return Arity(len(self.required), default, maximum, self.name)


@dataclass
class CodeInfo:
    """What a compiled Python function was made from, for naming where errors happen."""

    procedure: str | None
    origins: list[Line | None]


class Interpreter:
    """One Logo workspace."""

    def __init__(self, console: Console, turtle: TurtleWorld) -> None:
        self.console = console
        self.world = turtle
        # A plain dict is fastest; compiled code turns its KeyError into "x has no value".
        self.variables: dict[str, object] = {}
        self.procedures: dict[str, Procedure] = {}
        self.property_lists: dict[str, dict[str, object]] = {}
        self.entries: dict[str, Any] = {}
        self.bodies: dict[str, Any] = {}
        self.repcounts: list[int] = []
        self.templates: list[tuple] = []
        self.test_result: list[bool] = []
        self.template_numbers: list[int] = []
        self.last_error: LogoError | None = None
        self.gensym_count = 0
        #: Procedures TRACE watches, and how deep the traced calls now are.
        self.traced: set[str] = set()
        self.trace_depth = 0
        #: Variables and property lists TRACE watches (primitives/debugging.py).
        self.traced_names: set[str] = set()
        self.traced_plists: set[str] = set()
        #: Procedures STEP runs a line at a time; how many PAUSEs are waiting.
        self.stepped: set[str] = set()
        self.stepped_names: set[str] = set()
        self.stepped_plists: set[str] = set()
        self.pausing = 0
        #: Primitives the program redefined while REDEFP was TRUE.
        self.redefined: set[str] = set()
        #: The error whose ERRACT is running, for PAUSE to show (stepping.run_erract).
        self.pending_error: LogoError | None = None
        #: PENPAINT, PENERASE or PENREVERSE, and the pen colour kept while not painting.
        self.pen_mode = "paint"
        #: Colour numbers 0-15 and any that SETPALETTE added (primitives/turtle.py).
        self.palette: list[str] = list(UCBLOGO_COLOURS)
        #: SCREENMODE's word and SETLABELHEIGHT's size (primitives/window.py).
        self.screen_mode: str | None = None
        self.label_height: float = 14
        #: Keys taken from the console, not yet read; whether KEYACT is running (keyboard.py).
        self.pending_keys: list[str] = []
        self.in_keyact = False
        #: The most objects NODES has seen since it was last asked.
        self.most_nodes = 0
        #: FONT and TEXTSIZE, kept for the program to read back (primitives/window.py).
        self.text_font = "Courier"
        self.text_size = 12
        self.paint_colour: str | None = None
        #: Each compiled procedure's TAGs and where they are (compiler._tagged_lines).
        self.procedure_tags: dict[str, dict[str, int]] = {}
        #: MACROEXPAND is waiting for a macro's expansion (runtime.run_macro).
        self.expanding_macro = False
        #: Names BURY hid from PROCEDURES, NAMES and PLISTS: procedures, variables, plists.
        self.buried: tuple[set[str], set[str], set[str]] = (set(), set(), set())
        # UCBLogo's special variables, buried as there (primitives/io.py reads the limits).
        self.variables.update(SPECIAL_VARIABLES)
        self.buried[1].update(SPECIAL_VARIABLES)
        #: How many LOADs are running (LOADNOISILY names what they define).
        self.loading = 0
        #: SETSCRUNCH's scales, and the turtle seen through them while they are not 1 1.
        self.scrunch: list = [1, 1]
        self.scrunched: Any = None
        #: Open files and the current reader and writer (primitives/streams.py).
        self.streams: Any = None
        #: Runs the text of a file as if typed (TO ... END included): set by the session.
        self.load_source: Any = None
        self._lambda_bodies: dict[int, tuple[list, list]] = {}
        self._template_procedures: dict[int, tuple[list, Procedure, Any]] = {}
        self.random = random.Random()
        # Weak keys: a compiled function that is thrown away takes its entry with it.
        self.code_info: weakref.WeakKeyDictionary[CodeType, CodeInfo] = \
            weakref.WeakKeyDictionary()
        self.list_cache: dict[int, tuple[list, bool, Any]] = {}
        self.nesting = 0
        self.nesting_limit = nesting_limit()
        self.namespace = self._namespace()

    def _namespace(self) -> dict[str, Any]:
        namespace: dict[str, Any] = dict(runtime.HELPERS)
        namespace.update(V=self.variables, E=self.entries, BD=self.bodies, I=self,
                         RC=self.repcounts, _counter=itertools.count,
                         _GotoSignal=stepping.GotoSignal, _goto_target=stepping.goto_target,
                         _step_line=stepping.step_line, _erract=stepping.run_erract,
                         _LogoError=LogoError, _traced_make=debugging.traced_make)
        for primitive in PRIMITIVES.values():
            namespace[primitive.ident] = primitive.function
        for name, function in COMMAND_FORMS.items():
            namespace[command_ident(name)] = function
        return namespace

    # -- names ----------------------------------------------------------------------------

    def arity(self, name: str) -> Arity | None:
        if (name in LIBRARY_PROCEDURES or name in self.redefined) and name in self.procedures:
            return self.procedures[name].arity
        primitive = PRIMITIVES.get(name)
        if primitive is not None:
            if self.redefined and primitive.name in self.redefined and name != primitive.name:
                # FD stays the primitive when REDEFP let the program redefine FORWARD.
                return dataclasses.replace(primitive.arity, name=name)
            return primitive.arity
        procedure = self.procedures.get(name)
        return procedure.arity if procedure is not None else None

    def parse_arity(self, name: str) -> Arity | None:
        """ARITY for parsing: with ALLOWGETSET true (as in UCBLogo), an unknown name is read
        as a getter of the variable of that name, and SETname as its setter."""
        found = self.arity(name)
        if found is None and self.variables.get("allowgetset") == "true":
            return _SETTER if name.startswith("set") and len(name) > 3 else _GETTER
        return found

    def primitive(self, name: str) -> Primitive:
        return PRIMITIVES[name]

    def user_procedure(self, name: str) -> Procedure | None:
        if name in PRIMITIVES and name not in LIBRARY_PROCEDURES and name not in self.redefined:
            return None
        return self.procedures.get(name)

    # -- procedures -------------------------------------------------------------------------

    def may_define(self, name: str) -> bool:
        """TO may define ``name``: not a primitive, a library procedure, or REDEFP is TRUE."""
        return redefinable(name) or (self.variables.get("redefp") == "true"
                                     and name not in ("to", "end", ".macro"))

    def define(self, procedure: Procedure) -> None:
        if not self.may_define(procedure.name):
            raise LogoError(f"{procedure.name} is a primitive", code=22)
        if not redefinable(procedure.name):
            self.redefined.add(procedure.name)  # REDEFP: the program's own, from now on
        self.procedures[procedure.name] = procedure
        self.invalidate()
        if self.loading and self.variables.get("loadnoisily") == "true":
            self.console.write(f"{procedure.name} defined\n")

    def erase(self, name: str) -> None:
        self.redefined.discard(name)
        if self.procedures.pop(name, None) is not None:
            self.invalidate()

    def invalidate(self) -> None:
        """Forget all compiled code: it will compile again, with the new definitions, on use."""
        for name in self.entries:
            # Code compiled before an ERASE may still call the erased name.
            self.entries[name] = self.bodies[name] = _unknown(name)
        for name in self.procedures:
            self.entries[name] = self._entry_stub(name)
            self.bodies[name] = self._body_stub(name)
        self.clear_list_cache()

    def _entry_stub(self, name: str) -> Any:
        def first_call(*inputs: object) -> object:
            return self._compile_procedure(name)[1](*inputs)
        return first_call

    def _body_stub(self, name: str) -> Any:
        def first_call(saved: dict, *inputs: object) -> object:
            return self._compile_procedure(name)[0](saved, *inputs)
        return first_call

    def _compile_procedure(self, name: str) -> tuple[Any, Any]:
        procedure = self.procedures[name]
        source = Compiler(self, procedure).procedure_source("_body", "_entry")
        namespace = self.run_source(source, name)
        entry = namespace["_entry"]
        if name in self.traced:
            from timewarp.logo.primitives.debugging import traced_entry
            entry = traced_entry(self, name, entry)
        self.bodies[name] = namespace["_body"]
        self.entries[name] = entry
        return self.bodies[name], entry

    def run_source(self, source: Source, procedure: str | None) -> dict[str, Any]:
        """Define the functions in ``source``, each compiled unit in a namespace of its own
        (so that its constants go when it goes); returns that namespace."""
        try:
            code = compile(source.text(), f"<logo {procedure or 'instructions'}>", "exec")
        except SyntaxError as error:
            if not str(error.msg).startswith("too many"):
                raise  # a slip of the compiler, not of the program
            # Python's nesting limits (thousands of infix terms in one expression): to the
            # student this is the same as recursion too deep, a "Stack overflow".
            raise RecursionError(error.msg) from None
        namespace = dict(self.namespace)
        namespace.update(source.constants)
        exec(code, namespace)  # noqa: S102 - the compiler wrote this code
        info = CodeInfo(procedure, [None, *source.origins])
        for constant in code.co_consts:
            if isinstance(constant, CodeType):
                self.code_info[constant] = info
        return namespace

    # -- running lists --------------------------------------------------------------------

    def compile_list(self, items: list, value: bool, line: Line | None = None) -> Any:
        cached = self.list_cache.get(id(items))
        if cached is not None and cached[0] is items and cached[1] == value:
            return cached[2]
        if len(self.list_cache) >= _LIST_CACHE_SIZE:
            self.clear_list_cache()
        source = Compiler(self).list_source("_list", items, value, line)
        function = self.run_source(source, None)["_list"]
        self.list_cache[id(items)] = (items, value, function)
        return function

    def lambda_body(self, template: list) -> list:
        """The instructions of a ``[[names] instructions...]`` template, the same list each time
        so that it compiles once."""
        found = self._lambda_bodies.get(id(template))
        if found is None or found[0] is not template:
            found = (template, template[1:])
            self._lambda_bodies[id(template)] = found
        return found[1]

    def template_procedure(self, template: list) -> tuple[Procedure, Any]:
        """A procedure-text template, ``[[inputs] [line] [line]...]``, compiled once: the
        procedure and its entry function."""
        found = self._template_procedures.get(id(template))
        if found is None or found[0] is not template:
            from timewarp.logo.primitives.workspace import make_procedure
            from timewarp.logo.values import print_form, show_form
            title = Line(0, [], "to template " + show_form(template[0])[1:-1])
            lines = [Line(0, line, print_form(line)) for line in template[1:]]
            # A name no Logo word can spell, so that no call inside is taken for a
            # call of the template itself.
            procedure = make_procedure("a template", template[0], lines, title)
            source = Compiler(self, procedure).procedure_source("_body", "_entry")
            found = (template, procedure, self.run_source(source, "a template")["_entry"])
            self._template_procedures[id(template)] = found
        return found[1], found[2]

    def clear_list_cache(self) -> None:
        self._template_procedures.clear()
        self._lambda_bodies.clear()
        self.list_cache.clear()

    def run_list(self, items: list, value: bool = False) -> object:
        """RUN: the instructions of ``items``; with ``value``, what the last one outputs."""
        function = self.compile_list(items, value)
        self.enter()
        try:
            return function()
        finally:
            self.nesting -= 1

    def enter(self) -> None:
        # Logo code run from inside a primitive re-enters Python's interpreter from C and so
        # uses the C stack, which is small and fixed; stop well before it runs out.
        self.nesting += 1
        if self.nesting > self.nesting_limit:
            self.nesting -= 1
            raise LogoError("Stack overflow", code=2)

    def call(self, name: str, inputs: list) -> object:
        """Call a procedure by name with inputs already evaluated (APPLY, MAP, INVOKE)."""
        arity = self.arity(name)
        if arity is None:
            if self.variables.get("allowgetset") == "true":
                return runtime.get_or_set(self, name, *inputs)
            raise dont_know(name)
        if len(inputs) < arity.minimum:
            raise not_enough_inputs(name)
        if len(inputs) > arity.maximum:
            raise LogoError(f"too many inputs to {name}", code=8)
        canonical = arity.name or name
        self.enter()
        try:
            if canonical in PRIMITIVES and self.user_procedure(canonical) is None:
                return PRIMITIVES[canonical].function(self, *inputs)
            if self.procedures[canonical].macro:
                return runtime.run_macro(self, canonical, True, *inputs)
            return self.entries[canonical](*inputs)
        finally:
            self.nesting -= 1

    # -- where errors happen ------------------------------------------------------------------

    def where(self, traceback: TracebackType | None, skip_titles: bool = False
              ) -> tuple[str | None, Line | None]:
        """The innermost procedure (and line) a traceback passed through, else the top line.

        ``skip_titles`` passes over procedures that had only begun (stack overflow strikes as
        a call starts; the caller's line is the one to show).
        """
        found: tuple[str | None, Line | None] = (None, None)
        top: Line | None = None
        while traceback is not None:
            info = self.code_info.get(traceback.tb_frame.f_code)
            if info is not None:
                number = traceback.tb_lineno
                line = info.origins[number] if number < len(info.origins) else None
                if info.procedure is not None and not (skip_titles and self._is_title(info, line)):
                    found = (info.procedure, line)
                elif top is None:
                    top = line
            traceback = traceback.tb_next
        return found if found[0] is not None else (None, top)

    def procedure_frame(self) -> dict[str, object] | None:
        """The ``saved`` dict of the innermost running procedure (for LOCAL), if any.

        Found by walking Python's frames, so that procedure calls need not record it.
        """
        frame = sys._getframe(1)
        while frame is not None:
            info = self.code_info.get(frame.f_code)
            if info is not None and info.procedure is not None and "saved" in frame.f_locals:
                return frame.f_locals["saved"]
            frame = frame.f_back
        return None

    def _is_title(self, info: CodeInfo, line: Line | None) -> bool:
        procedure = self.procedures.get(info.procedure or "")
        return procedure is not None and line is procedure.title

    def locate(self, error: LogoError, skip_titles: bool = False) -> None:
        procedure, line = self.where(error.__traceback__, skip_titles)
        if line is None:
            error.locate(procedure, None, None)
            return
        error.locate(procedure, line.number, line.text if procedure else None)
        if procedure:
            error.source_items = line.items


def redefinable(name: str) -> bool:
    """TO may define ``name``: not a primitive, or a procedure of UCBLogo's library."""
    return name not in PRIMITIVES or name in LIBRARY_PROCEDURES


def nesting_limit() -> int:
    """How deep RUN, MAP, APPLY and friends may nest: what the main thread's stack allows."""
    import resource
    size, _ = resource.getrlimit(resource.RLIMIT_STACK)
    if size == resource.RLIM_INFINITY or size <= 0:
        size = 64 * 1024 * 1024
    return max(200, min(20_000, size // C_STACK_PER_NESTING))


#: C stack one level of Logo code run from a primitive may use (measured at under 1 KiB; with
#: a margin for builds that use more).
C_STACK_PER_NESTING = 2048


def _unknown(name: str) -> Any:
    def erased(*inputs: object) -> object:
        raise dont_know(name)
    return erased
