"""A cohort summary as one CSV table, a row per figure, made from its JSON form so both say the
same. Columns: section, id, label, side, count, percent, mean, text. ``section`` says what a row
counts (counts, version, band, bin, dimension, verdict, red, amber, suggestion, unreadable);
a spreadsheet or ``pandas`` filters on it.

Text from the file (an unreadable line's start) is the only cell a participant wrote: one that
a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a return) gets a
leading apostrophe, as spreadsheets themselves mark text.
"""

from __future__ import annotations

import csv
import io

from assessment.cohort_json import CohortJSON, SideTallyJSON

COLUMNS = ("section", "id", "label", "side", "count", "percent", "mean", "text")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float
Row = tuple[Cell, ...]


def defused(text: str) -> str:
    """Text from a file, made safe to open in a spreadsheet."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _row(
    section: str,
    id: str | None,
    label: str,
    count: int,
    *,
    side: str = "",
    percent: float | None = None,
    mean: float | None = None,
    text: str = "",
) -> Row:
    empty = ""
    return (
        section,
        id or empty,
        label,
        side,
        count,
        empty if percent is None else percent,
        empty if mean is None else mean,
        defused(text),
    )


def _side(dimension: str, title: str, side: str, tally: SideTallyJSON) -> list[Row]:
    return [
        _row("dimension", dimension, title, tally["known"], side=side, mean=tally["mean"]),
        _row("dimension-unknown", dimension, title, tally["unknown"], side=side),
        _row("dimension-skipped", dimension, title, tally["skipped"], side=side),
    ]


def rows(data: CohortJSON) -> list[Row]:
    """Every figure of the summary, in the order the page shows them."""
    counts = data["counts"]
    found: list[Row] = [
        _row("counts", "entries", "Lines with a link or code", counts["entries"]),
        _row("counts", "read", "Read", counts["read"]),
        _row("counts", "unreadable", "Could not be read", counts["unreadable"]),
        _row("counts", "translated", "Made for an older version", counts["translated"]),
        _row(
            "counts", "dropped-answers", "Old answers not carried over", counts["dropped_answers"]
        ),
    ]
    for version in data["versions"]:
        label = "This version" if version["current"] else "An older version"
        found.append(_row("version", version["version"], label, version["count"]))
    balance = data["balance"]
    found.append(
        _row("balance", "mean", "Mean balance", balance["with_band"], mean=balance["mean"])
    )
    for band in balance["bands"]:
        found.append(
            _row("band", band["id"], band["label"], band["count"], percent=band["percent"])
        )
    for bin_ in balance["bins"]:
        span = f"{bin_['low']} to {bin_['high']}"
        found.append(_row("bin", str(bin_["low"]), span, bin_["count"]))
    for dimension in data["dimensions"]:
        found += _side(dimension["id"], dimension["title"], "you", dimension["you"])
        if dimension["them"] is not None:
            found += _side(dimension["id"], dimension["title"], "them", dimension["them"])
    ethics = data["ethics"]
    for verdict in ethics["verdicts"]:
        found.append(
            _row(
                "verdict",
                verdict["id"],
                verdict["label"],
                verdict["count"],
                percent=verdict["percent"],
            )
        )
    for level, flags in (("red", ethics["red"]), ("amber", ethics["amber"])):
        for flag in flags:
            label = flag["name"] if flag["answer"] is None else f"{flag['name']} ({flag['answer']})"
            found.append(_row(level, flag["id"], label, flag["count"], percent=flag["percent"]))
    for suggestion in data["suggestions"]:
        found.append(
            _row(
                "suggestion",
                suggestion["id"],
                suggestion["text"],
                suggestion["count"],
                percent=suggestion["percent"],
            )
        )
    for line in data["unreadable"]:
        found.append(_row("unreadable", str(line["line"]), line["message"], 1, text=line["text"]))
    return found


def summary_csv(data: CohortJSON) -> str:
    """The CSV text (with a header row), lines ending in CRLF as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows(data))
    return out.getvalue()
