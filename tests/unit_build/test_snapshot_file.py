"""The snapshot file (build_scripts/snapshot_file.py): the memory snapshot without its long runs of
zero bytes, which reads back to exactly the memory it was made from."""

from __future__ import annotations

import gzip
import json
import struct
from pathlib import Path

import pytest

from build_scripts import snapshot_file, startup

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RUN = snapshot_file.ZERO_RUN


def read_back(data: bytes) -> bytes:
    """The memory a snapshot file describes, read the way the page reads it
    (docs/assets/js/scorer/snapshot-file.mjs): header, table, then the pieces in order."""
    magic, size, count = struct.unpack_from("<4sII", data)
    assert magic == b"FLS1"
    memory = bytearray(size)
    at = 12 + 8 * count
    end = 0
    for index in range(count):
        offset, length = struct.unpack_from("<II", data, 12 + 8 * index)
        assert offset >= end and offset + length <= size  # in order, inside the memory
        memory[offset : offset + length] = data[at : at + length]
        at += length
        end = offset + length
    assert at == len(data)  # nothing after the last piece
    return bytes(memory)


@pytest.mark.parametrize(
    "memory",
    [
        b"",
        bytes(3 * RUN),
        b"\x01" * 100,
        bytes(RUN) + b"\x02" * 10 + bytes(RUN * 2) + b"\x03" + bytes(RUN - 1) + b"\x04",
        b"\x05" + bytes(RUN) + b"\x06" * 7 + bytes(10 * RUN),
    ],
    ids=["empty", "all-zero", "no-zero", "runs-short-and-long", "zeros-at-the-end"],
)
def test_a_snapshot_file_reads_back_to_the_memory_it_was_made_from(memory: bytes) -> None:
    assert read_back(snapshot_file.encode(memory)) == memory


def test_only_runs_of_zeros_at_least_a_page_long_are_left_out() -> None:
    short = b"\x07" + bytes(RUN - 1) + b"\x07"
    long = b"\x07" + bytes(RUN) + b"\x07"
    assert len(snapshot_file.encode(short)) == 12 + 8 + len(short)  # one piece, zeros kept
    assert len(snapshot_file.encode(long)) == 12 + 2 * 8 + 2  # two pieces, zeros left out


def test_the_published_snapshot_file_holds_a_memory_of_the_size_the_build_took(
    built_site: Path,
) -> None:
    folder = next((built_site / "assets" / "python").glob(f"*/{startup.folder_name()}"))
    key = startup._key(Path(folder.parent.name))
    built = PROJECT_ROOT / "build" / "generated" / "startup" / key / startup.folder_name()
    manifest = json.loads((built / startup.MANIFEST).read_text())
    data = gzip.decompress((folder / startup.SNAPSHOT).read_bytes())
    assert len(data) == manifest["snapshot_file_bytes"]
    memory = read_back(data)
    assert len(memory) == manifest["snapshot_bytes"]
    # The point of the file: well under half of the memory is left to inflate.
    assert len(data) < len(memory) / 2
