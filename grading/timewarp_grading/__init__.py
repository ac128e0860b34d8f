"""Grading BASIC, Logo and PILOT notebooks with nbgrader: checks, preprocessors and course set-up."""

from pathlib import Path


def demo_folder() -> Path:
    """The demo course's source notebooks: one folder per assignment, solutions and tests."""
    return Path(__file__).parent / "demo"
