"""A virtual X display (Debian's Xvfb) for a browser that needs one, for the length of a block."""

from __future__ import annotations

import os
import select
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from tests.support.processes import started

XVFB = "/usr/bin/Xvfb"
START_TIMEOUT_S = 30


@contextmanager
def virtual_display(env: Mapping[str, str]) -> Iterator[str]:
    """Starts Xvfb on the first free display; yields its name (":3"); stops it afterwards.

    Xvfb writes the display's number to `-displayfd` once it accepts clients, so the wait is
    for that announcement, and no display number is guessed. On SIGTERM it removes its lock
    file and socket.
    """
    read_end, write_end = os.pipe()
    command = [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24"]
    try:
        with started([*command, "-nolisten", "tcp"], env, pass_fds=[write_end]) as run:
            os.close(write_end)
            write_end = -1
            ready, _, _ = select.select([read_end], [], [], START_TIMEOUT_S)
            number = os.read(read_end, 32).decode().strip() if ready else ""
            if not number:
                output = "\n".join(run.output.lines())
                raise AssertionError(f"Xvfb did not start within {START_TIMEOUT_S} s:\n{output}")
            yield f":{number}"
    finally:
        os.close(read_end)
        if write_end != -1:
            os.close(write_end)
