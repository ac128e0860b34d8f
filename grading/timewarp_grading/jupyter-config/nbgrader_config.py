"""Installed as etc/jupyter/nbgrader_config.py: nbgrader knows BASIC, Logo and PILOT."""

from timewarp_grading.config import configure

configure(get_config())  # noqa: F821 - traitlets provides get_config to config files
