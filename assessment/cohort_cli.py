"""The terminal's ``cohort`` command: ``python -m assessment cohort FILE [--csv OUT] [--json]``
summarises a file of share links or codes with the same ``summarise`` the workshop page runs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assessment.bank import load_bank
from assessment.cohort import summarise_file
from assessment.cohort_dict import cohort_schema_text
from assessment.cohort_json import CohortJSON
from assessment.errors import AssessmentError

EXIT_ERROR = 1
BAR = 30  # characters for 100%


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assessment cohort",
        description=(
            "Summarise a group's results: a file with one share link or code per line, or a "
            "CSV with a column of them. Lines that cannot be read are listed, with the reason."
        ),
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="the text or CSV file to read")
    parser.add_argument("--csv", metavar="OUT", help="also write the summary as CSV to OUT")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--column", metavar="NAME", help="the CSV column that holds the links or codes"
    )
    parser.add_argument("--bank", metavar="FILE", help="use this question bank file")
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the summary (what --json prints) and stop",
    )
    return parser


def _bar(percent: float) -> str:
    return "#" * round(percent * BAR / 100)


def render(data: CohortJSON) -> str:
    """The summary as plain text for a terminal."""
    counts = data["counts"]
    lines = [
        f"{counts['entries']} lines with a link or code: {counts['read']} read, "
        f"{counts['unreadable']} could not be read."
    ]
    if counts["translated"]:
        codes = "1 code was" if counts["translated"] == 1 else f"{counts['translated']} codes were"
        lines.append(
            f"{codes} made for an older version of the questions and carried over "
            f"({counts['dropped_answers']} of their answers could not be)."
        )
    if data["unreadable"]:
        lines += ["", "Could not be read:"]
        lines += [f"  line {u['line']}: {u['message']}" for u in data["unreadable"]]
    balance = data["balance"]
    mean = "none" if balance["mean"] is None else f"{balance['mean']:+.1f}"
    lines += ["", f"Balance of leverage (mean of {balance['with_band']} with a band: {mean}):"]
    for band in balance["bands"]:
        lines.append(
            f"  {band['label']:<32} {band['count']:>5} {band['percent']:>5.1f}%  "
            f"{_bar(band['percent'])}"
        )
    lines += [
        "",
        'Average per dimension (points 0-100 of known answers; "I don\'t know" and '
        "unanswered are left out, and counted):",
    ]
    for dimension in data["dimensions"]:
        parts = []
        for side, tally in (("you", dimension["you"]), ("them", dimension["them"])):
            if tally is None:
                continue
            mean = "-" if tally["mean"] is None else f"{tally['mean']:.1f}"
            parts.append(
                f"{side} {mean:>5} ({tally['known']} known, {tally['unknown']} don't know, "
                f"{tally['skipped']} not answered)"
            )
        lines.append(f"  {dimension['title']:<28} " + "; ".join(parts))
    ethics = data["ethics"]
    lines += ["", "Ethics of the plans:"]
    lines += [
        f"  {v['label']:<40} {v['count']:>5} {v['percent']:>5.1f}%" for v in ethics["verdicts"]
    ]
    for title, flags in (("Red flags", ethics["red"]), ("Amber items", ethics["amber"])):
        shown = [flag for flag in flags if flag["count"]]
        lines += ["", f"{title}: {'none' if not shown else ''}".rstrip()]
        lines += [f"  {f['name']:<40} {f['count']:>5} {f['percent']:>5.1f}%" for f in shown]
    first = data["first_suggestion"]
    if first is not None:
        lines += [
            "",
            f"Most common first suggestion ({first['count']} of {counts['read']}, "
            f"{first['percent']:.1f}%):",
            f"  {first['text']}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 bad input or nothing to read)."""
    arguments = _parser().parse_args(argv)
    if arguments.schema:
        print(cohort_schema_text(), end="")
        return 0
    if arguments.file is None:
        _parser().error("give the FILE to read (or --schema)")
    try:
        bank = load_bank(arguments.bank)
        summary = summarise_file(arguments.file, column=arguments.column, bank=bank)
    except AssessmentError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    if summary.entries == 0:
        print(
            f"error: {arguments.file} holds no share link or code: put one per line, or use "
            "a CSV with a column named 'code' or 'link'.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if arguments.csv is not None:
        try:
            Path(arguments.csv).write_text(summary.to_csv(), encoding="utf-8", newline="")
        except OSError as error:
            print(
                f"error: cannot write {arguments.csv}: {error.strerror or error}", file=sys.stderr
            )
            return EXIT_ERROR
    data = summary.to_dict()
    if arguments.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render(data), end="")
    return 0
