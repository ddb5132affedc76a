"""`python -m assessment plan FILE`: read a negotiation plan from TOML or JSON, print its checks
wrapped to the terminal, and write it as Markdown; the same checks as the site's plan page."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from assessment import pages
from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadPlan
from assessment.model import Bank
from assessment.plan import Plan, read_plan
from assessment.plan_checks import Checks, Level
from assessment.plan_checks import check_plan as run_checks
from assessment.plan_code import encode_plan, site_path
from assessment.plan_files import load_plan_data
from assessment.plan_markdown import to_markdown
from assessment.plan_sheet import make_sheet
from assessment.report import INDENT, Page

EXIT_ERROR = 1
DEFAULT_SIZE = (80, 24)
HEADINGS: dict[Level, str] = {
    "fix": "TO CHANGE",
    "review": "TO LOOK AT AGAIN",
    "empty": "STILL EMPTY",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assessment plan",
        description=(
            "Check a negotiation plan written in TOML or JSON (the fields of the site's plan "
            "page; assessment/plans/*.toml are examples) and write it as Markdown."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the plan: a .toml or .json file")
    parser.add_argument(
        "--markdown",
        metavar="OUT",
        help="write the plan as Markdown to OUT ('-' for standard output; the checks then go "
        "to standard error)",
    )
    parser.add_argument(
        "--link", action="store_true", help="also print a link that opens the plan on the site"
    )
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help=f"the site the link points to (default: ${pages.SITE_URL_VARIABLE}, "
        f"else {pages.DEFAULT_SITE_URL})",
    )
    return parser


def render_checks(checks: Checks, title: str, page: Page) -> str:
    """The checks as a plain-text report: a summary, then each finding under its level."""
    lines = [
        *page.wrap(title.upper(), indent=""),
        *page.wrap(f"Checks: {checks.summary}", indent=""),
    ]
    for level, heading in HEADINGS.items():
        found = [finding for finding in checks.findings if finding.level == level]
        if found:
            lines += ["", heading]
            for finding in found:
                text = f"[{finding.field}] {finding.message}" if finding.field else finding.message
                lines += page.wrap(text, first=INDENT + "- ", indent=INDENT * 2)
    verdict = checks.warning.verdict
    if verdict is not None:
        lines += ["", "YOUR WARNING", *page.wrap(f"By the assessment's rule: {verdict.label}.")]
    return "\n".join(lines) + "\n"


def _link(plan: Plan, bank: Bank, page: Page) -> str:
    try:
        return f"Link: {page.site}{site_path(encode_plan(plan, bank))}"
    except BadPlan as error:  # too long for a link: say so, and still write the Markdown
        return f"No link: {error.message}"


def main(argv: Sequence[str]) -> int:
    """Run `plan`; returns the exit status (0 when the plan was read and checked, 1 if not)."""
    arguments = _parser().parse_args(argv)
    page = Page(shutil.get_terminal_size(DEFAULT_SIZE).columns, pages.site_url(arguments.site_url))
    report = sys.stderr if arguments.markdown == "-" else sys.stdout
    try:
        bank = load_bank()
        read = read_plan(load_plan_data(arguments.file), bank)
        checks = run_checks(read.plan, bank, read.problems)
        sheet = make_sheet(read.plan, checks, bank)
        print(render_checks(checks, sheet.title, page), end="", file=report)
        if arguments.link:
            print("", *page.wrap(_link(read.plan, bank, page), indent=""), sep="\n", file=report)
        if arguments.markdown == "-":
            print(to_markdown(sheet), end="")
        elif arguments.markdown:
            Path(arguments.markdown).write_text(to_markdown(sheet), encoding="utf-8")
            print(f"\nMarkdown written to {arguments.markdown}.", file=report)
    except AssessmentError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(
            f"error: cannot write {arguments.markdown}: {error.strerror or error}.", file=sys.stderr
        )
        return EXIT_ERROR
    return 0
