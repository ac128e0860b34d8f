"""pyserial's handler for ``timewarp-sim://`` URLs (pyserial finds it by this file's name)."""

from timewarp_iot.simulator import Serial

__all__ = ["Serial"]
