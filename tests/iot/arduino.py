"""A pretend Arduino on a pseudo-terminal, run as a separate process by the tests.

It opens a pty pair, points the symlink given on the command line at the slave (as udev's
/dev/serial/by-id links do), and writes ``temp=<n>`` lines numbered from 1.  The script of
what it does comes from the command line: ``lines:N`` (N lines at full speed), ``garbage``
(junk bytes and a line cut short), ``stall:S`` (silent S seconds), ``unplug:S`` (closes the
pty, so readers see the device vanish, then after S seconds opens a new one behind the same
link and, as a board that resets when its port is opened, waits until a reader has opened it:
a replug), ``wait:S`` and ``hold`` (keep the port open until killed).
"""

import os
import pty
import select
import sys
import time


def wait_until_opened(master: int, timeout: float = 60.0) -> None:
    """Until a reader opens the slave: the master hangs up (POLLHUP) while nobody has it
    open.  What is written before would be lost: opening a serial port flushes its input."""
    poller = select.poll()
    poller.register(master, select.POLLHUP)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(event & select.POLLHUP for _, event in poller.poll(0)):
            return
        time.sleep(0.02)


def plug(link: str) -> int:
    master, slave = pty.openpty()
    tmp = link + ".new"
    if os.path.lexists(tmp):
        os.unlink(tmp)
    os.symlink(os.ttyname(slave), tmp)
    os.replace(tmp, link)
    os.close(slave)   # the reader opens it by name
    return master


def main(link: str, steps: list[str]) -> None:
    master = plug(link)
    number = 0
    print("ready", flush=True)
    for step in steps:
        kind, _, arg = step.partition(":")
        if kind == "lines":
            for _ in range(int(arg)):
                number += 1
                os.write(master, f"temp={number}\r\n".encode())
                time.sleep(0.002)
        elif kind == "garbage":
            os.write(master, b"\xff\xfe\x00\x13junk\x80\r\n" + b"temp=")
            time.sleep(0.05)
        elif kind == "stall" or kind == "wait":
            time.sleep(float(arg))
        elif kind == "unplug":
            os.close(master)
            time.sleep(float(arg))
            master = plug(link)
            wait_until_opened(master)
        elif kind == "hold":
            while True:
                time.sleep(1)
    print("done", flush=True)
    time.sleep(30)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
