"""Jupyter's protocol tests for the Logo kernel."""

from __future__ import annotations

import jupyter_kernel_test


class LogoKernelProtocol(jupyter_kernel_test.KernelTests):
    kernel_name = "logo"
    language_name = "logo"
    file_extension = ".logo"

    code_hello_world = "print [hello, world]"
    completion_samples = [
        {"text": "printo", "matches": {"printout"}},
    ]
    complete_code_samples = ["print 1", "to square :n\nrepeat 4 [fd :n rt 90]\nend"]
    incomplete_code_samples = ["to square :n", "print [a b"]
    invalid_code_samples = ["print ]"]
    code_generate_error = "frobnicate 3"
    code_inspect_sample = "forward"
    code_display_data = [{"code": "repeat 4 [fd 50 rt 90]", "mime": "text/plain"}]
