"""The text screen's statements and functions: LOCATE, WIDTH, CLS n, VIEW PRINT, CSRLIN,
SCREEN(row, col[, z]).

The nodes, the parser's methods and the compiler's methods, mixed into theirs as
:mod:`timewarp.basic.files` does; the screen itself is :mod:`timewarp.basic.text_screen`.
COLOR and the SCREEN statement are parsed by the graphics side, which calls the runtime's
``text_colour`` and ``text_screen_mode`` (see /work/coord/screen-api.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from timewarp.basic import ast

#: Built-in functions of the text screen: name -> (argument types, result type) for the
#: expression parser, and the Python each compiles to (a function of the arguments' code).
FUNCTIONS = {"CSRLIN": ("", "%"), "SCREEN": ("nnN", "%")}
FUNCTION_CODE = {
    "CSRLIN": lambda: "_rt.text_screen().csrlin()",
    "SCREEN": lambda row, col, z="0": (f"_rt.text_screen().character(_cint({row}), "
                                        f"_cint({col}), {z})"),
}


@dataclass(frozen=True)
class Locate(ast.Stmt):
    args: tuple[ast.Expr | None, ...]     # row, column, cursor, start, stop; None if left out


@dataclass(frozen=True)
class Width(ast.Stmt):
    columns: ast.Expr | None
    device: bool = False        # WIDTH for a file, a device or the printer: accepted, no effect
    extra: tuple[ast.Expr, ...] = ()


@dataclass(frozen=True)
class ClearScreen(ast.Stmt):
    mode: ast.Expr | None


@dataclass(frozen=True)
class ViewPrint(ast.Stmt):
    top: ast.Expr | None
    bottom: ast.Expr | None


class TextScreenParser:
    """Parser methods (mixed into timewarp.basic.parser.StatementParser)."""

    def number_list(self, most: int) -> tuple[ast.Expr | None, ...]:
        """Numbers separated by commas, any of which may be left out (LOCATE , 5)."""
        args: list[ast.Expr | None] = []
        while not self.at_end():
            args.append(None if self.at_op(",") else self._num(self.expression()))
            if not self.accept("op", ","):
                break
            if self.at_end():
                # GW-BASIC leaves a last value out after a comma too (LOCATE 1,).
                args.append(None)
        if len(args) > most:
            self.fail(f"too many values (at most {most})")
        return tuple(args)

    def st_LOCATE(self) -> ast.Stmt:
        return Locate(self.number_list(5))

    def st_CLS(self) -> ast.Stmt:
        return ClearScreen(None if self.at_end() else self._num(self.expression()))

    def st_WIDTH(self) -> ast.Stmt:
        if self.accept("kw", "LPRINT"):
            self._num(self.expression())
            return Width(None, device=True)
        if self.accept("op", "#"):
            # WIDTH #n, columns: the file must be open; its width changes nothing here.
            number = self._num(self.expression())
            self.expect("op", ",")
            return Width(None, device=True, extra=(number, self._num(self.expression())))
        first = self.expression()
        if first.type == "$":
            # WIDTH "SCRN:", 40 sets the screen; any other device is accepted.
            self.expect("op", ",")
            columns = self._num(self.expression())
            screen = isinstance(first, ast.String) and first.value.upper() == "SCRN:"
            return Width(columns, device=not screen)
        rows = (self._num(self.expression()),) if self.accept("op", ",") else ()
        return Width(first, extra=rows)

    def view_print(self) -> ast.Stmt:
        """VIEW PRINT [top TO bottom] (the graphics side's VIEW hands PRINT over to this)."""
        if self.at_end():
            return ViewPrint(None, None)
        top = self._num(self.expression())
        self.expect("kw", "TO")
        return ViewPrint(top, self._num(self.expression()))


class TextScreenCompiler:
    """Compiler methods (mixed into timewarp.basic.statements.StatementCompiler)."""

    def _optional(self, e: ast.Expr | None) -> str:
        return "None" if e is None else f"_cint({self.exprs.value(e)})"

    def s_Locate(self, s: Locate) -> None:
        args = ", ".join(self._optional(a) for a in s.args)
        self.emit(f"_rt.text_screen().locate({args})")

    def s_ClearScreen(self, s: ClearScreen) -> None:
        self.emit(f"_rt.text_screen().statement_cls({self._optional(s.mode)})")

    def s_Width(self, s: Width) -> None:
        if s.device:
            if s.extra:           # WIDTH #n, columns
                self.emit(f"_rt.files.get({self.exprs.value(s.extra[0])}, 'IOARD'); "
                          f"_ = {self.exprs.value(s.extra[1])}")
            else:
                self.emit("pass")
            return
        self.emit(f"_rt.text_screen().set_width({self._optional(s.columns)})")
        for rows in s.extra:
            self.emit(f"if _cint({self.exprs.value(rows)}) != 25: "
                      "raise BasicError('Illegal function call')")

    def s_ViewPrint(self, s: ViewPrint) -> None:
        self.emit(f"_rt.text_screen().view_print({self._optional(s.top)}, "
                  f"{self._optional(s.bottom)})")

