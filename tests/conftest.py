"""Settings shared by the whole test suite."""

import signal


def pytest_configure(config):
    # A shell starts background jobs (and some CI runners start their commands) with Ctrl-C
    # ignored; the tests that press the stop button need the ordinary KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.default_int_handler)
