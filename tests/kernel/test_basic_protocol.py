"""Jupyter's protocol tests for the BASIC kernel."""

from __future__ import annotations

import jupyter_kernel_test


class BasicKernelProtocol(jupyter_kernel_test.KernelTests):
    kernel_name = "basic"
    language_name = "basic"
    file_extension = ".bas"

    code_hello_world = 'PRINT "hello, world"'
    completion_samples = [
        {"text": "PRIN", "matches": {"PRINT"}},
        {"text": "SCORE = 10\nPRINT SCO", "matches": {"SCORE"}},
    ]
    complete_code_samples = ['PRINT "HI"', '10 PRINT "HI"\n20 GOTO 10', "IF X THEN PRINT 1"]
    incomplete_code_samples = ["IF X > 0 THEN\n  PRINT X", "FOR I = 1 TO 3"]
    code_generate_error = "10 DIM A(5)\n20 A(10) = 1\nRUN"
    code_inspect_sample = "PRINT"
    code_display_data = [{"code": "FORWARD 50", "mime": "text/plain"}]
