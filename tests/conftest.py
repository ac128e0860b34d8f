"""Settings and fixtures shared by the whole test suite."""

import contextlib
import os
import signal
import threading

import pytest

from timewarp.interrupts import delivered_interrupts


def pytest_configure(config):
    # A shell starts background jobs (and some CI runners start their commands) with Ctrl-C
    # ignored; the tests that press the stop button need the ordinary KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def ctrl_c():
    """``with ctrl_c(after=0.3): ...`` presses Ctrl-C on this process once during the block.

    The press is delivered as the kernel delivers it (timewarp.interrupts): the test process
    holds the garbage of many kernels, widgets and browsers, and an interrupt that lands in
    one of their ``__del__`` methods would otherwise be lost and the test would hang.
    """
    @contextlib.contextmanager
    def press(after: float = 0.3):
        timer = threading.Timer(after, os.kill, (os.getpid(), signal.SIGINT))
        with delivered_interrupts():
            timer.start()
            try:
                yield
            finally:
                timer.cancel()
    return press


# Module scope: Playwright's sync API keeps an asyncio loop running in the main thread for as long
# as it is open, which would break every later test that runs a loop of its own (the hub tests).
@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, driven by Playwright (timewarp.testing.launch_chromium)."""
    from playwright.sync_api import sync_playwright

    from timewarp.testing import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
