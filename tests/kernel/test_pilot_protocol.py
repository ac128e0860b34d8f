"""Jupyter's protocol tests for the PILOT kernel (jupyter_kernel_test runs a real kernel)."""

from __future__ import annotations

import jupyter_kernel_test


class PilotKernelProtocol(jupyter_kernel_test.KernelTests):
    kernel_name = "pilot"
    language_name = "pilot"
    file_extension = ".pil"

    code_hello_world = "T:hello, world"
    completion_samples = [
        {"text": "*START\nT:hi\nJ:*ST", "matches": {"*START"}},
        {"text": "TY", "matches": {"TYPE:", "TYPEHANG:"}},
        {"text": "C:$NAME = x\nT:$NA", "matches": {"$NAME"}},
        {"text": "G:FORWARD 10 RI", "matches": {"RIGHT"}},
    ]
    complete_code_samples = ["T:hi", "*AGAIN\nA:\nM:yes\nJN:*AGAIN"]
    invalid_code_samples = ["T(:x"]
    code_generate_error = "J:*NOWHERE"
    code_inspect_sample = "T"
    code_display_data = [{"code": "G:FORWARD 50", "mime": "text/plain"}]
