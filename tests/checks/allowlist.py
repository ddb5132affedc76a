"""Reads the checkers' allowlists: one entry a line, fields split by ` | `, the last a reason."""

from __future__ import annotations

from pathlib import Path


def read_allowlist(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """The entries of `path` as {column: value}; `#` lines and blank lines are comments.

    Every field must be filled in, and the last column is always the reason, so no entry can
    be added without saying why.
    """
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split(" | ")]
        if len(fields) != len(columns) + 1 or not all(fields):
            expected = " | ".join([*columns, "reason"])
            raise ValueError(f"{path.name}:{number}: expected `{expected}`, got {line!r}")
        entries.append(dict(zip([*columns, "reason"], fields, strict=True)))
    return entries
