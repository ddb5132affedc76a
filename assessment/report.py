"""A result as a plain-text report for the terminal, wrapped to its width, with the site's
page titles and full addresses."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from assessment import pages
from assessment.model import Bank, Link
from assessment.result import Problem, Result, SideAnswer
from assessment.sharecode import Decoded, site_path

INDENT = "  "
MIN_WIDTH = 40


@dataclass(frozen=True)
class Page:
    """Where the report goes: how wide the terminal is, and the site the links point to."""

    width: int
    site: str

    def wrap(self, text: str, indent: str = INDENT, first: str | None = None) -> list[str]:
        return textwrap.wrap(
            text,
            max(self.width, MIN_WIDTH),
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_on_hyphens=False,
            break_long_words=False,
        )

    def link(self, link: Link) -> str:
        return f"{pages.title(link)}: {pages.url(link, self.site)}"


def _signed(value: float) -> str:
    return f"{value:+.1f}"


def _points(answer: SideAnswer | None) -> str:
    if answer is None:
        return "n/a"
    if answer.option is None:
        return "-"
    return "?" if answer.option.unknown else str(answer.option.points)


def _leverage(result: Result, page: Page) -> list[str]:
    leverage = result.leverage
    lines = ["LEVERAGE"]
    if leverage.band is None or leverage.balance is None:
        lines += page.wrap(leverage.verdict)
        lines += page.wrap("Still needed:")
        for need in leverage.still_needed:
            text = need.text if need.question is None else f"{need.text} ({need.reason})"
            lines += page.wrap(text, first=INDENT * 2 + "- ", indent=INDENT * 3)
    else:
        lines += page.wrap(
            f"{leverage.band.label}: balance {_signed(leverage.balance)} "
            f"± {leverage.uncertainty} (your index {leverage.you.index:.1f}, "
            f"theirs {leverage.them.index:.1f})"
        )
        lines += page.wrap(leverage.verdict)
        if leverage.near_edge is not None:
            lines += page.wrap(leverage.near_edge.text)
    lines += page.wrap(
        f"{leverage.confidence.level.label}: {leverage.you.confidence}; {leverage.them.confidence}."
    )
    if leverage.carried_by:
        shares = ", ".join(
            f"{s.dimension.title} ({_signed(s.change)})" for s in leverage.carried_by
        )
        lines += page.wrap(f"Carried by: {shares}.")
    if leverage.held_back_by:
        shares = ", ".join(
            f"{s.dimension.title} ({_signed(s.change)})" for s in leverage.held_back_by
        )
        lines += page.wrap(f"Held back by: {shares}.")
    title_width = max(len(item.dimension.title) for item in leverage.dimensions)
    lines += ["", f"{INDENT}{'Dimension':<{title_width}}  weight   you  them"]
    for item in leverage.dimensions:
        lines.append(
            f"{INDENT}{item.dimension.title:<{title_width}}  {item.dimension.weight:>6}  "
            f"{_points(item.you):>4}  {_points(item.them):>4}"
        )
    lines += page.wrap('Points are 0 to 100 for the side asked about; "?" is "I don\'t know".')
    return lines


def _preparation(result: Result, page: Page) -> list[str]:
    preparation = result.preparation
    lines = ["PREPARATION (beside the balance, never in it)"]
    if preparation.band is not None and preparation.score is not None:
        lines += page.wrap(f"{preparation.band.label}: {preparation.score:.1f} of 100")
    lines += page.wrap(preparation.verdict)
    for note in preparation.notes:
        lines += page.wrap(note.text, first=INDENT + "Note: ", indent=INDENT * 2)
    return lines


def _advice(result: Result, page: Page) -> list[str]:
    if not result.advice:
        return []
    lines = ["WHAT TO DO FIRST"]
    for number, item in enumerate(result.advice, start=1):
        gain = "" if item.balance_gain is None else f"; balance {_signed(item.balance_gain)}"
        lines += page.wrap(
            f"{item.text} [{item.when.label}; {item.effort.label}{gain}]",
            first=f"{INDENT}{number}. ",
            indent=INDENT + "   ",
        )
        lines += page.wrap(f"Read: {page.link(item.question.link)}", indent=INDENT + "   ")
    return lines


def _problem(problem: Problem, heading: str, page: Page) -> list[str]:
    answers = "; ".join(f"“{label}”" for _, _, label in problem.answers)
    indent = INDENT * 3
    lines = page.wrap(
        f"{problem.name}. You answered {answers}.", first=INDENT + heading + " ", indent=indent
    )
    lines += page.wrap(f"Instead: {problem.fair_alternative}", indent=indent)
    lines += page.wrap(f"Read: {page.link(problem.link)}", indent=indent)
    return lines


def _ethics(result: Result, page: Page) -> list[str]:
    ethics = result.ethics
    lines = ["YOUR PLAN (kept apart from leverage)"]
    if ethics.verdict is not None:
        lines += page.wrap(ethics.verdict.label)
    lines += page.wrap(ethics.text)
    for problem in ethics.red:
        lines += ["", *_problem(problem, "CROSSES THE LINE:", page)]
    for problem in ethics.amber:
        lines += ["", *_problem(problem, "SECOND LOOK:", page)]
    return lines


def _notes(result: Result, page: Page) -> list[str]:
    if not result.notes:
        return []
    lines = ["ANSWERS THAT DO NOT FIT TOGETHER"]
    for note in result.notes:
        lines += page.wrap(
            f"{note.combination.name}: {note.combination.text} "
            f"Read: {page.link(note.combination.link)}",
            first=INDENT + "- ",
            indent=INDENT * 2,
        )
    return lines


def _translated(decoded: Decoded | None, bank: Bank, page: Page) -> list[str]:
    notice = None if decoded is None else decoded.notice(bank)
    if decoded is None or notice is None:
        return []
    lines = ["AN OLDER LINK", *page.wrap(notice)]
    for dropped in decoded.dropped:
        lines += page.wrap(
            f"“{dropped.text}” {dropped.reason}", first=INDENT + "- ", indent=INDENT * 2
        )
    return lines


def render_report(
    result: Result, code: str, bank: Bank, page: Page, decoded: Decoded | None = None
) -> str:
    """The whole report: what the link carried, leverage, preparation, advice, the plan,
    notes, what to read, and the share code."""
    done = result.completeness
    kind = "" if result.kind is None else f", {result.kind.label.lower()}"
    readings = [
        line
        for reading in result.read_next
        for line in page.wrap(
            f"{page.link(reading.link)} ({reading.why})", first=INDENT + "- ", indent=INDENT * 2
        )
    ]
    sections = [
        [
            *page.wrap(
                f"Fair Leverage assessment (questions version {result.bank_version}{kind})",
                indent="",
            ),
            *page.wrap(
                f"Answered {done.answered} of {done.total} questions ({done.percent:g}%).",
                indent="",
            ),
        ],
        _translated(decoded, bank, page),
        _leverage(result, page),
        _preparation(result, page),
        _advice(result, page),
        _ethics(result, page),
        _notes(result, page),
        ["READ NEXT", *readings] if readings else [],
        ["SHARE", f"{INDENT}Code: {code}", f"{INDENT}Link: {page.site}{site_path(code)}"],
    ]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"
