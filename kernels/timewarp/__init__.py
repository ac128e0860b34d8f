"""Time Warp Studio: BASIC, Logo and PILOT engines, their turtle, and their Jupyter kernels."""

__version__ = "0.1.0"
