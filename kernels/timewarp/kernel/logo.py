"""The Logo kernel: ``python -m timewarp.kernel.logo`` starts it."""

from __future__ import annotations

from timewarp.kernel.base import TimeWarpKernel, launch
from timewarp.languages import LANGUAGES


class LogoKernel(TimeWarpKernel):
    """Runs Logo cells in one Logo session."""

    session_class = LANGUAGES["logo"].session_class()
    language_info = {
        "name": "logo",
        "mimetype": "text/x-logo",
        "file_extension": ".logo",
        "pygments_lexer": "logo-timewarp",
        "codemirror_mode": "text/x-logo",
    }
    banner = ("Time Warp Logo: UCBLogo words, lists and procedures, with the turtle at its heart.\n"
              "Try: repeat 4 [forward 100 right 90]")


if __name__ == "__main__":
    launch(LogoKernel)
