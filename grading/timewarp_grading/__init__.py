"""Grading BASIC, Logo and PILOT notebooks with nbgrader: checks, preprocessors and course set-up."""
