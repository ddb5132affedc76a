"""What a trainer pastes or loads: one share link or code per line, or a CSV with a column of
them. Each line (or row) becomes an entry with its line number; nothing here decodes a code.

A text is read as CSV when a column is named, or when its first line splits into two or more
cells on a comma, semicolon or tab (share links and codes hold none of these). The column of
codes is the one named (any case), else the first whose header says "code" or "link", else,
with no header row, the first whose cells look like codes. A plain list may start with a
one-word header such as "Share link": a first line with neither "." nor "#" (which every code
and link has) that says "code" or "link" is taken as one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from assessment.errors import BadRequest

DELIMITERS = (",", ";", "\t")
HEADER_WORDS = ("code", "link")
# How a share code or link looks, to tell a header row from data (decode does the real check).
LOOKS_LIKE_CODE = re.compile(r"(^|#code=)fl\d+\.", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One line or row that held something: the code or link to read, or why it cannot be."""

    line: int
    text: str
    problem: str | None = None  # set when the row itself could not be read (broken CSV)


def entries(text: str, column: str | None = None, first_line: int = 1) -> list[Entry]:
    """The entries of a pasted text or a file's content; blank lines are left out.

    ``first_line`` numbers the first line (for a part of a longer text). BadRequest when a CSV
    has no column of codes, naming the columns it has.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(first)
    if column is None and delimiter is None:
        found = [
            Entry(number, line.strip())
            for number, line in enumerate(text.splitlines(), start=first_line)
            if line.strip()
        ]
        return found[1:] if found and _is_header(found[0].text) else found
    return list(_csv_entries(text, delimiter or ",", column, first_line))


def _is_header(line: str) -> bool:
    lowered = line.lower()
    return not {".", "#"} & set(line) and any(word in lowered for word in HEADER_WORDS)


def _delimiter(line: str) -> str | None:
    counts = {delimiter: line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else None


def _rows(text: str, delimiter: str, first_line: int) -> Iterator[tuple[int, list[str] | str]]:
    """Each row with the line it starts on; a row the csv module cannot read gives its error."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        start = reader.line_num + first_line
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, f"This row could not be read as CSV ({error})."
            continue
        if any(cell.strip() for cell in row):
            yield start, row


def _csv_entries(text: str, delimiter: str, column: str | None, first_line: int) -> Iterator[Entry]:
    rows = _rows(text, delimiter, first_line)
    first = next(rows, None)
    if first is None:
        return
    line, row = first
    if isinstance(row, str):
        yield Entry(line, "", row)
        yield from _cells(rows, 0)
        return
    looks = [index for index, cell in enumerate(row) if LOOKS_LIKE_CODE.search(cell.strip())]
    if looks and column is None:
        yield from _cells(iter([first]), looks[0])
        yield from _cells(rows, looks[0])
        return
    yield from _cells(rows, _column(row, column))


def _column(header: list[str], wanted: str | None) -> int:
    names = [cell.strip().lower() for cell in header]
    if wanted is not None:
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        raise BadRequest(
            f"The CSV has no column named {wanted!r}; its columns are {_listed(header)}.",
            field="column",
        )
    for index, name in enumerate(names):
        if any(word in name for word in HEADER_WORDS):
            return index
    raise BadRequest(
        f"The CSV's first row names no column of share links or codes (its columns are "
        f"{_listed(header)}). Name that column 'code' or 'link', or say which column to read.",
        field="column",
    )


def _listed(header: list[str]) -> str:
    return ", ".join(repr(cell.strip()) for cell in header)


def _cells(rows: Iterator[tuple[int, list[str] | str]], index: int) -> Iterator[Entry]:
    for line, row in rows:
        if isinstance(row, str):
            yield Entry(line, "", row)
        else:
            yield Entry(line, row[index].strip() if index < len(row) else "")
