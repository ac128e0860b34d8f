"""The PILOT kernel: ``python -m timewarp.kernel.pilot`` starts it."""

from __future__ import annotations

from timewarp.kernel.base import TimeWarpKernel, launch
from timewarp.languages import LANGUAGES


class PilotKernel(TimeWarpKernel):
    """Runs PILOT cells in one PILOT session."""

    session_class = LANGUAGES["pilot"].session_class()
    language_info = {
        "name": "pilot",
        "mimetype": "text/x-pilot",
        "file_extension": ".pil",
        "pygments_lexer": "pilot-timewarp",
        "codemirror_mode": "text/x-pilot",
    }
    banner = ("Time Warp PILOT: T: to type, A: to accept an answer, M: to match it.\n"
              "Try: T:What is your name?  then  A:$NAME")


if __name__ == "__main__":
    launch(PilotKernel)
