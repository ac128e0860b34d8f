"""Each kernel's language_info names the language the JupyterLab extension registers for it.

That name is all a notebook has to find its highlighting, so a kernel and the extension that
disagree leave cells grey with no error anywhere (as BASIC's old "vbscript" mode did).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timewarp.kernel.basic import BasicKernel
from timewarp.kernel.logo import LogoKernel
from timewarp.kernel.pilot import PilotKernel

KERNELS_TS = Path(__file__).resolve().parents[2] / "extensions" / "src" / "kernels.ts"


def registered_mimes() -> dict[str, str]:
    """kernel name -> MIME type, from the extension's table of languages."""
    text = KERNELS_TS.read_text()
    return dict(re.findall(r"kernel: '(\w+)',\s*displayName: '[^']*',\s*mime: '([^']+)'", text))


@pytest.mark.parametrize("kernel", [BasicKernel, LogoKernel, PilotKernel])
def test_language_info_names_the_extensions_language(kernel):
    info = kernel.language_info
    mimes = registered_mimes()
    assert set(mimes) == {"basic", "logo", "pilot"}
    assert info["codemirror_mode"] == info["mimetype"] == mimes[info["name"]]
