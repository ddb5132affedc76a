"""Starting a browser's processes for a test and ending every one of them, whatever happens."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import IO

from tests.support.record import Record

GRACE_S = 10  # for a process to end on SIGTERM before it is killed


@dataclass
class Started:
    process: subprocess.Popen[bytes]
    output: Record = field(default_factory=Record)  # stdout and stderr, line by line


def _drain(stream: IO[bytes], output: Record) -> None:
    # Read to the end, always: a browser blocks once a pipe nobody reads is full.
    for line in stream:
        output.add(line.decode("utf-8", "replace").rstrip("\n"))


@contextmanager
def started(
    command: Sequence[str], env: Mapping[str, str], pass_fds: Sequence[int] = ()
) -> Iterator[Started]:
    """Runs `command` in a process group of its own; ends the whole group when the block ends.

    Browsers start helpers (content, network and web processes) in the same group, so ending
    the group ends them all, and nothing outlives the test.
    """
    process = subprocess.Popen(
        command,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        pass_fds=tuple(pass_fds),
        start_new_session=True,
    )
    run = Started(process)
    assert process.stdout is not None
    reader = threading.Thread(target=_drain, args=(process.stdout, run.output), daemon=True)
    reader.start()
    try:
        yield run
    finally:
        stop_group(process)
        reader.join(timeout=GRACE_S)
        process.stdout.close()


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group, time to end, then SIGKILL to whatever is left of it."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=GRACE_S)
    # The leader may be gone while helpers it started are not: they get no second chance.
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
