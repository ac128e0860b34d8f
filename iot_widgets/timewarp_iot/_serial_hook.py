"""Teach pyserial the ``timewarp-sim://`` scheme without importing pyserial at start-up.

``timewarp_iot.pth`` (installed into site-packages) imports this module in every Python
process of the environment.  Importing pyserial there would cost every process its import
time, so instead a finder waits for the first ``import serial`` and adds our handler
package to ``serial.protocol_handler_packages`` right after pyserial's own module ran.
"""

import sys

_PACKAGE = "timewarp_iot.urlhandler"


def _register(module) -> None:
    packages = getattr(module, "protocol_handler_packages", None)
    if isinstance(packages, list) and _PACKAGE not in packages:
        packages.append(_PACKAGE)


class _AfterSerialImport:
    """A meta path finder that only ever acts on the module ``serial``."""

    def find_spec(self, name, path=None, target=None):
        if name != "serial":
            return None
        # Once is enough: step aside for good and let the normal finders find pyserial.
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec("serial")
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            _register(module)

        spec.loader.exec_module = exec_module
        return spec


def install() -> None:
    if "serial" in sys.modules:
        _register(sys.modules["serial"])
    elif not any(isinstance(f, _AfterSerialImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterSerialImport())


install()
