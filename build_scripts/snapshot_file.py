"""The snapshot file: Pyodide's memory snapshot without its long runs of zero bytes.

A memory snapshot is the whole WebAssembly heap (31 MB today), and more than half of it is
zero pages. Gzip squeezes those to almost nothing, but the browser still has to inflate them
one byte at a time before Python can start. This file leaves them out, so the browser
inflates less than half as much, and writes the rest into a zeroed buffer of the full size
(docs/assets/js/scorer/snapshot-file.mjs reads it as it arrives).

Layout, little-endian, before gzip:
    b"FLS1"                      the format's name and version
    u32 size                     the length of the memory snapshot
    u32 count                    how many pieces follow
    count x (u32 offset, u32 length)   where each piece goes, in increasing order
    the pieces' bytes, one after another
"""

from __future__ import annotations

import re
import struct

MAGIC = b"FLS1"
# Zero runs at least this long are left out: one page of memory. Shorter runs cost more in the
# table (8 bytes a piece) than they save in inflating.
ZERO_RUN = 4096
_HEADER = struct.Struct("<4sII")
_PIECE = struct.Struct("<II")
_ZEROS = re.compile(rb"\x00{%d,}" % ZERO_RUN)


def encode(snapshot: bytes) -> bytes:
    """The snapshot file's bytes (not yet compressed) for a memory snapshot."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for run in _ZEROS.finditer(snapshot):
        if run.start() > start:
            pieces.append((start, run.start() - start))
        start = run.end()
    if start < len(snapshot):
        pieces.append((start, len(snapshot) - start))
    table = b"".join(_PIECE.pack(offset, length) for offset, length in pieces)
    body = b"".join(snapshot[offset : offset + length] for offset, length in pieces)
    return _HEADER.pack(MAGIC, len(snapshot), len(pieces)) + table + body
