"""Finding a program's shape before compiling it.

Speed comes from running BASIC loops as Python loops, which only works where the control
flow is structured: a FOR whose one NEXT closes it, a WHILE with its WEND, and no GOTO
landing inside.  This module matches the blocks, finds every jump target, decides which
loops and blocks can be *native*, and lays everything else out flat, as labels and
conditional jumps, so that old spaghetti code still runs exactly as GW-BASIC ran it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from timewarp.basic import ast
from timewarp.basic.errors import BasicError

_STRUCTURAL = (ast.For, ast.Next, ast.While, ast.Wend, ast.Do, ast.Loop, ast.IfBlock,
               ast.ElseIf, ast.Else, ast.EndIf, ast.Select, ast.Case, ast.EndSelect,
               ast.SubStart, ast.SubEnd)


@dataclass(frozen=True)
class Label:
    key: object


@dataclass(frozen=True)
class Step:
    """A statement with the line it came from."""
    stmt: ast.Stmt
    line: int | None


@dataclass(frozen=True)
class CondJump(ast.Stmt):
    """Jump to ``target`` when ``condition`` is false (flattened IF, WHILE, DO, CASE)."""
    condition: ast.Expr
    target: object
    when: bool = False


@dataclass(frozen=True)
class SetTemp(ast.Stmt):
    key: str
    value: ast.Expr


@dataclass(frozen=True)
class Marker(ast.Stmt):
    """Entering ("enter") or leaving ("leave") a flattened loop of ``kind``."""
    action: str
    kind: str
    exit: object = None


@dataclass(frozen=True)
class DynamicFor(ast.Stmt):
    loop: ast.For
    resume: object
    skip: object            # label after the matching NEXT, or None if there is none
    # The line of the NEXT this FOR finds when that NEXT names another variable: PC-BASIC
    # looks for its NEXT when the FOR runs and stops there with "NEXT without FOR".
    wrong_next: int | None = None


@dataclass
class Node:
    line: int | None
    native: bool = True
    continue_labels: set = field(default_factory=set)


@dataclass
class ForNode(Node):
    stmt: ast.For = None
    body: list = field(default_factory=list)
    next_line: int | None = None    # where its NEXT is, for errors there


@dataclass
class WhileNode(Node):
    stmt: ast.While = None
    body: list = field(default_factory=list)


@dataclass
class DoNode(Node):
    stmt: ast.Do = None
    body: list = field(default_factory=list)
    loop: ast.Loop = None


@dataclass
class IfNode(Node):
    branches: list = field(default_factory=list)   # [condition or None, line, body]


@dataclass
class SelectNode(Node):
    subject: ast.Expr = None
    cases: list = field(default_factory=list)      # [tests, line, body]


_ids = itertools.count()


def fresh(prefix: str) -> str:
    return f"\0{prefix}{next(_ids)}"


def flatten_line_ifs(lines: list[ast.Line]) -> list:
    """Labels and steps; one-line IFs holding loop words become conditional jumps."""
    out: list = []
    for line in lines:
        where = line.number if line.number is not None else line.source_line
        if line.number is not None:
            out.append(Label(line.number))
        if line.label is not None:
            out.append(Label(line.label))
        for stmt in line.statements:
            _add_statement(out, stmt, where)
    return out


def _add_statement(out: list, stmt: ast.Stmt, line) -> None:
    if isinstance(stmt, ast.If) and _has_structure(stmt):
        otherwise, end = fresh("else"), fresh("endif")
        out.append(Step(CondJump(stmt.condition, otherwise), line))
        for inner in stmt.then:
            _add_statement(out, inner, line)
        out.append(Step(ast.Goto(end), line))
        out.append(Label(otherwise))
        for inner in stmt.otherwise:
            _add_statement(out, inner, line)
        out.append(Label(end))
    else:
        out.append(Step(stmt, line))


def _has_structure(stmt: ast.If) -> bool:
    return any(isinstance(inner, _STRUCTURAL)
               for inner in ast.walk_statements(stmt.then + stmt.otherwise))


def nexts_inside_ifs(lines: list[ast.Line]) -> bool:
    """Whether a NEXT hides inside a one-line IF: then FOR loops must use the FOR stack."""
    return any(isinstance(inner, ast.Next)
               for line in lines for s in line.statements if isinstance(s, ast.If)
               for inner in ast.walk_statements(s.then + s.otherwise))


class TreeBuilder:
    """Matches blocks into a tree; raises _Unmatched when FOR/NEXT are not nested cleanly."""

    def __init__(self, dynamic_for: bool) -> None:
        self.dynamic_for = dynamic_for

    def build(self, items: list) -> list:
        root: list = []
        stack: list[tuple[Node, list]] = []
        body = root
        skipped_line = numbered = None
        for item in items:
            if isinstance(item, Label):
                body.append(item)
                if isinstance(item.key, int):
                    numbered = item.key
                continue
            stmt, line = item.stmt, item.line
            if skipped_line is not None and line == skipped_line:
                continue
            if isinstance(stmt, ast.Else) and line is not None and line == numbered and \
                    not any(isinstance(node, IfNode) for node, _ in stack):
                # GW-BASIC runs an ELSE that no IF owns as the end of its line: the rest of
                # the line is skipped (no block IF is open to take it).
                skipped_line = line
                body.append(Step(ast.NoOp(), line))
                continue
            if isinstance(stmt, ast.Wend) and not stack:
                # A WEND with no WHILE open (a GOTO jumps to it): GW-BASIC finds that out
                # when it runs it, so an ON ERROR handler can hear of it.
                body.append(Step(ast.Failure("WEND without WHILE"), line))
                continue
            opened = self._open(stmt, line)
            if opened is not None:
                body.append(opened)
                stack.append((opened, body))
                body = self._first_body(opened)
                continue
            closing = self._close_or_switch(stmt, line, stack)
            if closing is None:
                body.append(item)
            elif closing == "closed":
                _, body = stack.pop()
            else:
                body = closing
        if stack:
            node = stack[-1][0]
            if isinstance(node, ForNode):
                raise _Unmatched()
            raise BasicError(_UNCLOSED[type(node)], node.line)
        return root

    def _open(self, stmt, line) -> Node | None:
        if isinstance(stmt, ast.For) and not self.dynamic_for:
            return ForNode(line, stmt=stmt)
        if isinstance(stmt, ast.While):
            return WhileNode(line, stmt=stmt)
        if isinstance(stmt, ast.Do):
            return DoNode(line, stmt=stmt)
        if isinstance(stmt, ast.IfBlock):
            return IfNode(line, branches=[[stmt.condition, line, []]])
        if isinstance(stmt, ast.Select):
            return SelectNode(line, subject=stmt.subject)
        return None

    @staticmethod
    def _first_body(node: Node) -> list:
        if isinstance(node, IfNode):
            return node.branches[0][2]
        if isinstance(node, SelectNode):
            return []   # statements before the first CASE are never run
        return node.body

    def _close_or_switch(self, stmt, line, stack):
        top = stack[-1][0] if stack else None
        if isinstance(stmt, ast.Next) and not self.dynamic_for:
            if isinstance(top, ForNode) and (stmt.var is None or stmt.var.key == top.stmt.var.key):
                top.next_line = line
                return "closed"
            raise _Unmatched()
        for closer, owner, message in _CLOSERS:
            if isinstance(stmt, closer):
                if not isinstance(top, owner):
                    if isinstance(top, ForNode):
                        raise _Unmatched()
                    raise BasicError(message, line)
                if isinstance(stmt, ast.Loop):
                    top.loop = stmt
                return "closed"
        if isinstance(stmt, (ast.ElseIf, ast.Else)):
            if not isinstance(top, IfNode) or top.branches[-1][0] is None:
                if isinstance(top, ForNode):
                    raise _Unmatched()
                raise BasicError("ELSE without IF", line)
            branch = [stmt.condition if isinstance(stmt, ast.ElseIf) else None, line, []]
            top.branches.append(branch)
            return branch[2]
        if isinstance(stmt, ast.Case):
            if not isinstance(top, SelectNode):
                raise BasicError("CASE without SELECT", line)
            if top.cases and not top.cases[-1][0]:
                raise BasicError("Syntax error", line,
                                 "CASE ELSE must be the last CASE of its SELECT CASE")
            case = [stmt.tests, line, []]
            top.cases.append(case)
            return case[2]
        return None


_CLOSERS = ((ast.Wend, WhileNode, "WEND without WHILE"), (ast.Loop, DoNode, "LOOP without DO"),
            (ast.EndIf, IfNode, "END IF without block IF"),
            (ast.EndSelect, SelectNode, "END SELECT without SELECT CASE"))
_UNCLOSED = {WhileNode: "WHILE without WEND", DoNode: "DO without LOOP",
             IfNode: "Block IF without END IF", SelectNode: "SELECT CASE without END SELECT"}


class _Unmatched(Exception):
    """FOR and NEXT do not nest: fall back to the FOR stack."""


def build_tree(items: list, dynamic_for: bool) -> tuple[list, bool]:
    """The tree, and whether FOR loops had to fall back to the FOR stack."""
    if not dynamic_for:
        try:
            return TreeBuilder(False).build(items), False
        except _Unmatched:
            pass
    return TreeBuilder(True).build(_dynamic_fors(items)), True


def _dynamic_fors(items: list) -> list:
    """FOR statements for the FOR stack: a label to come back to, and the matching NEXT
    found by reading on, as GW-BASIC does when a loop runs zero times."""
    out: list = []
    skips: dict[int, object] = {}
    for index, item in enumerate(items):
        if isinstance(item, Step) and isinstance(item.stmt, ast.For):
            resume, skip = fresh("next"), _matching_next(items, index)
            label, wrong = None, None
            if skip is not None:
                label = skips.setdefault(skip, fresh("endfor"))
                found = items[skip].stmt.var
                if found is not None and found.key != item.stmt.var.key:
                    wrong = items[skip].line
            out.append(Step(DynamicFor(item.stmt, resume, label, wrong), item.line))
            out.append(Label(resume))
        else:
            out.append(item)
        if index in skips:
            out.append(Label(skips[index]))
    return out


def _matching_next(items: list, start: int) -> int | None:
    """The NEXT that closes the FOR at ``start`` as the text nests them (each NEXT closes
    the innermost open FOR, whatever variable it names), as GW-BASIC reads on to find it."""
    depth = 0
    for index in range(start + 1, len(items)):
        stmt = items[index].stmt if isinstance(items[index], Step) else None
        if isinstance(stmt, ast.For):
            depth += 1
        elif isinstance(stmt, ast.Next):
            if depth == 0:
                return index
            depth -= 1
    return None


def jump_targets(stmt: ast.Stmt) -> list:
    """The labels a statement may jump to."""
    if isinstance(stmt, (ast.Goto, ast.Gosub)):
        return [stmt.target]
    if isinstance(stmt, ast.Return) and stmt.target is not None:
        return [stmt.target]
    if isinstance(stmt, ast.OnJump):
        return [target for target in stmt.targets if target is not None]
    if isinstance(stmt, ast.OnError) and stmt.target != 0:
        return [stmt.target]
    if isinstance(stmt, ast.Resume) and stmt.target not in (None, "NEXT"):
        return [stmt.target]
    if isinstance(stmt, CondJump):
        return [stmt.target]
    if isinstance(stmt, ast.If):
        return [t for s in stmt.then + stmt.otherwise for t in jump_targets(s)]
    return []


class NativeDecider:
    """Marks which nodes may become Python loops and blocks: those no jump lands inside."""

    def __init__(self, tree: list, everything_flat: bool) -> None:
        self.targets: dict[object, set] = {}
        self.flat = everything_flat
        self._collect(tree, None)
        self.decide_body(tree)

    def _collect(self, body: list, loop: Node | None) -> None:
        for item in body:
            if isinstance(item, Step):
                for target in jump_targets(item.stmt):
                    site = loop if _is_plain_goto(item.stmt, target) else "other"
                    self.targets.setdefault(target, set()).add(id(site) if site != "other" else site)
            elif isinstance(item, Node):
                inner = item if isinstance(item, (ForNode, WhileNode, DoNode)) else loop
                for sub in _bodies(item):
                    self._collect(sub, inner)

    def decide_body(self, body: list) -> set:
        exposed = set()
        for item in body:
            if isinstance(item, Label) and item.key in self.targets:
                exposed.add(item.key)
            elif isinstance(item, Node):
                exposed |= self.decide(item)
        return exposed

    def decide(self, node: Node) -> set:
        exposed = set()
        for sub in _bodies(node):
            exposed |= self.decide_body(sub)
        if isinstance(node, ForNode):
            trailing = _trailing_labels(node.body)
            node.continue_labels = {k for k in trailing if self.targets.get(k) == {id(node)}}
            exposed -= node.continue_labels
        node.native = not exposed and not self.flat
        return exposed if not node.native else set()


def _is_plain_goto(stmt: ast.Stmt, target) -> bool:
    if isinstance(stmt, ast.Goto):
        return True
    if isinstance(stmt, ast.If):
        return all(_is_plain_goto(s, target) for s in stmt.then + stmt.otherwise
                   if target in jump_targets(s))
    return False


def _trailing_labels(body: list) -> list:
    out = []
    for item in reversed(body):
        if not isinstance(item, Label):
            break
        out.append(item.key)
    return out


def _bodies(node: Node) -> list[list]:
    if isinstance(node, IfNode):
        return [b[2] for b in node.branches]
    if isinstance(node, SelectNode):
        return [c[2] for c in node.cases]
    return [node.body]


def flatten(body: list, out: list) -> list:
    """Lay non-native nodes out as labels and jumps; native nodes stay whole."""
    for item in body:
        if isinstance(item, Node) and not item.native:
            _FLATTENERS[type(item)](item, out)
        else:
            if isinstance(item, Node):
                for sub in _bodies(item):
                    sub[:] = flatten(sub, [])
            out.append(item)
    return out


def _flatten_for(node: ForNode, out: list) -> None:
    resume, end = fresh("next"), fresh("endfor")
    out.append(Step(DynamicFor(node.stmt, resume, end), node.line))
    out.append(Label(resume))
    out.append(Step(Marker("enter", "FOR", end), node.line))
    flatten(node.body, out)
    out.append(Step(ast.Next(node.stmt.var), node.next_line or node.line))
    out.append(Step(Marker("leave", "FOR"), node.line))
    out.append(Label(end))


def _flatten_while(node: WhileNode, out: list) -> None:
    top, end = fresh("while"), fresh("wend")
    out.append(Label(top))
    out.append(Step(CondJump(node.stmt.condition, end), node.line))
    out.append(Step(Marker("enter", "WHILE", end), node.line))
    flatten(node.body, out)
    out.append(Step(ast.Goto(top), node.line))
    out.append(Step(Marker("leave", "WHILE"), node.line))
    out.append(Label(end))


def _flatten_do(node: DoNode, out: list) -> None:
    top, end = fresh("do"), fresh("loop")
    out.append(Label(top))
    if node.stmt.condition is not None:
        out.append(Step(CondJump(node.stmt.condition, end, when=node.stmt.until), node.line))
    out.append(Step(Marker("enter", "DO", end), node.line))
    flatten(node.body, out)
    loop = node.loop
    if loop.condition is not None:
        out.append(Step(CondJump(loop.condition, top, when=not loop.until), node.line))
    else:
        out.append(Step(ast.Goto(top), node.line))
    out.append(Step(Marker("leave", "DO"), node.line))
    out.append(Label(end))


def _flatten_if(node: IfNode, out: list) -> None:
    end = fresh("endif")
    for condition, line, body in node.branches:
        following = fresh("elif")
        if condition is not None:
            out.append(Step(CondJump(condition, following), line))
        flatten(body, out)
        out.append(Step(ast.Goto(end), line))
        out.append(Label(following))
    out.append(Label(end))


def _flatten_select(node: SelectNode, out: list) -> None:
    end = fresh("endselect")
    temp = fresh("case") + ("$" if node.subject.type == "$" else "#")
    out.append(Step(SetTemp(temp, node.subject), node.line))
    for tests, line, body in node.cases:
        following = fresh("case")
        if tests:
            out.append(Step(CondJump(case_condition(ast.Variable(temp), tests), following), line))
        flatten(body, out)
        out.append(Step(ast.Goto(end), line))
        out.append(Label(following))
    out.append(Label(end))


def case_condition(subject: ast.Expr, tests: tuple) -> ast.Expr:
    """One CASE line's tests as a single condition on ``subject``."""
    parts = []
    for test in tests:
        if test[0] == "=":
            parts.append(ast.Binary("=", subject, test[1], "%"))
        elif test[0] == "TO":
            parts.append(ast.Binary("AND", ast.Binary(">=", subject, test[1], "%"),
                                    ast.Binary("<=", subject, test[2], "%"), "%"))
        else:
            parts.append(ast.Binary(test[1], subject, test[2], "%"))
    for part in parts:
        if (part.left.type == "$") != (part.right.type == "$") if isinstance(part, ast.Binary) and part.op != "AND" else False:
            raise BasicError("Type mismatch")
    condition = parts[0]
    for part in parts[1:]:
        condition = ast.Binary("OR", condition, part, "%")
    return condition


_FLATTENERS = {ForNode: _flatten_for, WhileNode: _flatten_while, DoNode: _flatten_do,
               IfNode: _flatten_if, SelectNode: _flatten_select}
