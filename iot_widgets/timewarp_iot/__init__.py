"""Serial sensors as live widgets, readable from BASIC, Logo, PILOT and Python.

``Sensor`` (the object API), ``SensorPanel`` (live value, gauge, chart, statistics, CSV log)
and ``SerialMonitor`` (port picker, send box, scrolling log) are imported on first use, so
that the ``timewarp_iot.pth`` hook, which imports this package in every process, costs
almost nothing.
"""

_LAZY = {"Sensor": "api", "connect": "api", "SensorPanel": "panel", "SerialMonitor": "monitor",
         "WebSerialBridge": "bridge"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f"timewarp_iot.{_LAZY[name]}"), name)
    raise AttributeError(name)
