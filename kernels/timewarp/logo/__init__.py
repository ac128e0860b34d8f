"""Time Warp Logo: a UCBLogo-compatible Logo whose procedures compile to Python functions.

Stages, one module each: ``reader`` turns text into Logo data (words, lists, arrays),
``parser`` turns an instruction list into a tree using each procedure's number of inputs,
``compiler`` turns that tree into Python source, ``interpreter`` owns the workspace
(variables, procedures, property lists) and runs compiled code, ``primitives`` holds the
built-in procedures by area, and ``session`` is the headless front-end contract.
"""
