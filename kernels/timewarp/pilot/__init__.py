"""PILOT: IEEE Std 1154-1991 with Nevada PILOT's extensions, for computer-aided instruction.

One module per stage: ``lexer`` splits a line into label, keyword, condition and operand;
``parser`` (with ``expressions``) builds the statements of :mod:`timewarp.pilot.ast`;
``values`` is the arithmetic, ``matching`` M:'s pattern matcher and ``graphics`` G:'s turtle
commands; ``interpreter`` runs a lesson; ``session`` is the headless
:class:`timewarp.engine.Session` the kernel, the command line and the tests use; ``help``
holds the Shift+Tab texts.
"""
