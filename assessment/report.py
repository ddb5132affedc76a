"""A result as a plain-text report for the terminal."""

from __future__ import annotations

import textwrap

from assessment.model import Link
from assessment.result import Result
from assessment.sharecode import site_path

WIDTH = 78
INDENT = "  "


def _signed(value: float) -> str:
    return f"{value:+.1f}"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _wrap(text: str, indent: str = INDENT, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _link(link: Link) -> str:
    return f"{link.page}#{link.anchor}"


def _leverage(result: Result) -> list[str]:
    leverage = result.leverage
    lines = ["LEVERAGE"]
    if leverage.band is None or leverage.balance.value is None:
        return [*lines, *_wrap(leverage.verdict)]
    lines.append(
        f"{INDENT}{leverage.band.label}: balance {_signed(leverage.balance.value)} "
        f"(your index {_score(leverage.you.index)}, theirs {_score(leverage.them.index)})"
    )
    lines += _wrap(result.leverage.verdict)
    if result.leverage.carried_by:
        shares = ", ".join(
            f"{s.dimension.title} ({_signed(s.change)})" for s in result.leverage.carried_by
        )
        lines += _wrap(f"Carried by: {shares}.")
    if result.leverage.held_back_by:
        shares = ", ".join(
            f"{s.dimension.title} ({_signed(s.change)})" for s in result.leverage.held_back_by
        )
        lines += _wrap(f"Held back by: {shares}.")
    title_width = max(len(item.dimension.title) for item in result.leverage.dimensions)
    lines += ["", f"{INDENT}{'Dimension':<{title_width}}  weight     you    them"]
    for item in result.leverage.dimensions:
        them = "n/a" if item.them is None else _score(item.them.score)
        lines.append(
            f"{INDENT}{item.dimension.title:<{title_width}}  {item.dimension.weight:>6}  "
            f"{_score(item.you.score):>6}  {them:>6}"
        )
    return lines


def _what_if(result: Result) -> list[str]:
    if not result.what_if:
        return []
    lines = ["WHAT WOULD HELP MOST"]
    for number, item in enumerate(result.what_if, start=1):
        lines += _wrap(
            f"{item.question.action} (balance {_signed(item.balance_gain)})",
            first=f"{INDENT}{number}. ",
            indent=INDENT + "   ",
        )
        lines += _wrap(
            f'From "{item.current.label}" to "{item.better.label}". '
            f"Read: {_link(item.question.link)}",
            indent=INDENT + "   ",
        )
    return lines


def _ethics(result: Result) -> list[str]:
    lines = ["ETHICS (kept apart from leverage)"]
    if result.ethics.band is None or result.ethics.score is None:
        return [*lines, *_wrap(result.ethics.verdict)]
    lines.append(f"{INDENT}{result.ethics.band.label}: ethics score {_score(result.ethics.score)}")
    lines += _wrap(result.ethics.verdict)
    for flag in result.ethics.red_flags:
        lines.append("")
        lines += _wrap(
            f'{flag.dimension.title}. {flag.question.text} You answered: "{flag.option.label}".',
            first=f"{INDENT}RED FLAG  ",
            indent=INDENT + "          ",
        )
        lines += _wrap(f"Instead: {flag.fair_alternative}", indent=INDENT + "          ")
        lines += _wrap(f"Read: {_link(flag.question.link)}", indent=INDENT + "          ")
    return lines


def render_report(result: Result, code: str) -> str:
    """The whole report: verdicts, dimensions, what would help, red flags, links, share code."""
    done = result.completeness
    sections = [
        [
            f"Fair Leverage assessment (questions version {result.bank_version})",
            f"Answered {done.answered} of {done.total} questions ({done.percent:g}%).",
        ],
        _leverage(result),
        _what_if(result),
        _ethics(result),
        ["READ NEXT"] + [f"{INDENT}- {r.title}: {_link(r.link)}" for r in result.read_next]
        if result.read_next
        else [],
        ["SHARE", f"{INDENT}Code: {code}", f"{INDENT}Link: {site_path(code)}"],
    ]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"
