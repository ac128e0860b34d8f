"""The IoT tests reuse the kernel tests' fixtures (real kernels through jupyter_client)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "timewarp_kernel_test_fixtures", Path(__file__).parents[1] / "kernel" / "conftest.py")
_kernel = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _kernel     # dataclasses look their module up there
_spec.loader.exec_module(_kernel)

module_kernel = _kernel.module_kernel
run_cell = _kernel.run_cell


@pytest.fixture(autouse=True)
def _no_devices_left_open():
    """Each test starts and ends with no device open in this process."""
    from timewarp import devices
    devices.close_all()
    yield
    devices.close_all()
