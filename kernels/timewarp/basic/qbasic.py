"""QBasic's declarations and dynamic arrays: TYPE records, REDIM, DECLARE, DEFLNG...

This module holds the nodes, the parser's methods and the compiler's methods for them
(mixed into :class:`timewarp.basic.parser.StatementParser` and
:class:`timewarp.basic.statements.StatementCompiler`), the way :mod:`timewarp.basic.files`
does for files.
"""

from __future__ import annotations


class QBasicParser:
    """Mixed into the statement parser."""


class QBasicCompiler:
    """Mixed into the statement compiler."""

    def s_SharedNames(self, s) -> None:
        self.emit("pass")
