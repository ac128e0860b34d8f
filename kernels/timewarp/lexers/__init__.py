"""Pygments lexers for the Time Warp languages, one module each, registered as pygments.lexers entry points."""
