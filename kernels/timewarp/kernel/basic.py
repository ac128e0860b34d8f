"""The BASIC kernel: ``python -m timewarp.kernel.basic`` starts it."""

from __future__ import annotations

from timewarp.kernel.base import TimeWarpKernel, launch
from timewarp.languages import LANGUAGES


class BasicKernel(TimeWarpKernel):
    """Runs BASIC cells in one BASIC session."""

    session_class = LANGUAGES["basic"].session_class()
    language_info = {
        "name": "basic",
        "mimetype": "text/x-basic",
        "file_extension": ".bas",
        "pygments_lexer": "basic-timewarp",
        "codemirror_mode": "text/x-basic",
    }
    banner = ("Time Warp BASIC: line-numbered GW-BASIC and structured QBasic, with a turtle.\n"
              "Type numbered lines to build a program, RUN to run it, LIST to see it.")


if __name__ == "__main__":
    launch(BasicKernel)
