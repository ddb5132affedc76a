"""A list of what a server thread saw, which a test can wait on until an entry arrives."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Record:
    """Lines appended by one thread (a server's), read and awaited by another (the test's)."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._changed = threading.Condition()

    def add(self, line: str) -> None:
        with self._changed:
            self._lines.append(line)
            self._changed.notify_all()

    def lines(self) -> list[str]:
        with self._changed:
            return list(self._lines)

    def clear(self) -> None:
        with self._changed:
            self._lines.clear()

    def wait_for(self, wanted: Callable[[str], bool], timeout_s: float, what: str) -> str:
        """The first line for which `wanted` holds, waiting for it to arrive if need be."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                found = next((line for line in self._lines if wanted(line)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"waited {timeout_s:g} s for {what}; recorded: {self._lines}"
                    )
                self._changed.wait(left)
