"""How a result and a cohort summary display in Jupyter (``_repr_html_``, ``_repr_markdown_``):
the balance, a bar per dimension as inline SVG, and the red flags, drawn from the same JSON
form the page draws. Every text passes through ``html.escape`` (and, in Markdown, has its
Markdown punctuation escaped too), so nothing in a bank or a file can become markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from assessment.cohort_json import CohortJSON
from assessment.result_json import ResultJSON, SideAnswerJSON

BAR_WIDTH = 200
BAR_HEIGHT = 14
# Presentation attributes only (no style attribute), which notebooks keep when they sanitise.
COLOURS = {"you": "#3949ab", "them": "#9e9e9e"}
# The punctuation that can start Markdown syntax mid-line (links, emphasis, code, tables).
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]#|~])")


def text(value: object) -> str:
    """Any value as HTML text: escaped, quotes included."""
    return html.escape(str(value), quote=True)


def md(value: object) -> str:
    """Any value as Markdown text: its Markdown punctuation escaped, then HTML-escaped (in that
    order, so the entities stay entities)."""
    return html.escape(MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value)), quote=True)


def _signed(value: float) -> str:
    return f"+{value:.1f}" if value > 0 else f"{value:.1f}"


def _mean(value: float | None) -> str:
    return "\N{EN DASH}" if value is None else f"{value:.1f}"


def _list(items: Iterable[str]) -> str:
    inner = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{inner}</ul>" if inner else ""


def bar(value: float | None, side: str, label: str) -> str:
    """A horizontal bar of 0 to 100 as inline SVG, named for screen readers by ``label``."""
    width = 0.0 if value is None else max(0.0, min(100.0, value)) * BAR_WIDTH / 100
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" '
        f'role="img" aria-label="{text(label)}"><title>{text(label)}</title>'
        f'<rect width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#eeeeee"/>'
        f'<rect width="{width:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[side]}"/></svg>'
    )


def _answer_words(answer: SideAnswerJSON) -> str:
    if answer["status"] == "known":
        return f"{answer['points']} ({answer['label']})"
    return "not answered" if answer["status"] == "skipped" else "I don't know"


def _balance_words(data: ResultJSON) -> str:
    leverage = data["leverage"]
    band, balance = leverage["band"], leverage["balance"]
    if band is None or balance is None:
        return leverage["verdict"]
    return f"{band['label']}: balance {_signed(balance)} ± {leverage['uncertainty']}"


def result_html(data: ResultJSON) -> str:
    """A result as an HTML fragment for a notebook."""
    leverage, ethics = data["leverage"], data["ethics"]
    rows = []
    for dimension in leverage["dimensions"]:
        cells = []
        for side in ("you", "them"):
            answer = dimension["you"] if side == "you" else dimension["them"]
            if answer is None:
                cells.append("<td></td>")
                continue
            words = f"{dimension['title']}, {side}: {_answer_words(answer)}"
            cells.append(
                f"<td>{bar(answer['points'], side, words)} {text(_answer_words(answer))}</td>"
            )
        rows.append(f"<tr><th scope='row'>{text(dimension['title'])}</th>{''.join(cells)}</tr>")
    needed = _list(text(need["text"]) for need in leverage["still_needed"])
    verdict = ethics["verdict"]
    flags = _list(
        f"<strong>{text(p['name'])}</strong> ({text(', '.join(a['label'] for a in p['answers']))})"
        f": {text(p['fair_alternative'])}"
        for p in ethics["red"]
    )
    advice = _list(text(item["text"]) for item in data["advice"][:3])
    return (
        '<div class="fair-leverage-result">'
        f"<p><strong>{text(_balance_words(data))}</strong></p>{needed}"
        "<table><thead><tr><th>Dimension</th><th>You</th><th>Them</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p><strong>{text(ethics['text'] if verdict is None else verdict['label'])}</strong></p>"
        f"{flags}" + (f"<p>What would help most:</p>{advice}" if advice else "") + "</div>"
    )


def result_markdown(data: ResultJSON) -> str:
    """A result as Markdown for a notebook."""
    leverage, ethics = data["leverage"], data["ethics"]
    lines = [f"**{md(_balance_words(data))}**", ""]
    lines += [f"- {md(need['text'])}" for need in leverage["still_needed"]]
    lines += ["", "| Dimension | You | Them |", "| --- | --- | --- |"]
    for dimension in leverage["dimensions"]:
        them = dimension["them"]
        lines.append(
            f"| {md(dimension['title'])} | {md(_answer_words(dimension['you']))} | "
            f"{'' if them is None else md(_answer_words(them))} |"
        )
    verdict = ethics["verdict"]
    lines += ["", f"**{md(ethics['text'] if verdict is None else verdict['label'])}**", ""]
    lines += [f"- {md(p['name'])}: {md(p['fair_alternative'])}" for p in ethics["red"]]
    return "\n".join(lines) + "\n"


def _count_rows(rows: Iterable[tuple[str, int, float]], side: str) -> str:
    out = []
    for label, count, percent in rows:
        words = f"{label}: {count} ({percent:g}%)"
        out.append(
            f"<tr><th scope='row'>{text(label)}</th><td>{bar(percent, side, words)}</td>"
            f"<td>{count}</td><td>{percent:g}%</td></tr>"
        )
    return "<table><tbody>" + "".join(out) + "</tbody></table>"


def _counts_words(data: CohortJSON) -> str:
    counts = data["counts"]
    words = (
        f"{counts['read']} of {counts['entries']} read, {counts['unreadable']} could not be read"
    )
    if counts["translated"]:
        words += f"; {counts['translated']} made for an older version of the questions"
    return words


def cohort_html(data: CohortJSON) -> str:
    """A cohort summary as an HTML fragment for a notebook."""
    balance, ethics = data["balance"], data["ethics"]
    bands = _count_rows(((b["label"], b["count"], b["percent"]) for b in balance["bands"]), "you")
    dimensions = []
    for dimension in data["dimensions"]:
        cells = []
        for side in ("you", "them"):
            tally = dimension["you"] if side == "you" else dimension["them"]
            if tally is None:
                cells.append("<td></td>")
                continue
            mean = _mean(tally["mean"])
            words = f"{dimension['title']}, {side}: mean {mean} of {tally['known']} known"
            cells.append(f"<td>{bar(tally['mean'], side, words)} {text(mean)}</td>")
        dimensions.append(
            f"<tr><th scope='row'>{text(dimension['title'])}</th>{''.join(cells)}</tr>"
        )
    flags = [(f["name"], f["count"], f["percent"]) for f in ethics["red"] if f["count"]]
    unreadable = _list(
        f"line {u['line']}: {text(u['message'])} (<code>{text(u['text'])}</code>)"
        for u in data["unreadable"]
    )
    first = data["first_suggestion"]
    return (
        '<div class="fair-leverage-cohort">'
        f"<p><strong>{text(_counts_words(data))}</strong></p>{unreadable}"
        f"<p>Balance of leverage (mean {text(_mean(balance['mean']))}):</p>{bands}"
        "<table><thead><tr><th>Dimension</th><th>You (mean)</th><th>Them (mean)</th></tr>"
        f"</thead><tbody>{''.join(dimensions)}</tbody></table>"
        f"<p>Red flags:</p>{_count_rows(flags, 'them') if flags else '<p>None.</p>'}"
        + (
            f"<p>Most common first suggestion ({first['count']}): {text(first['text'])}</p>"
            if first
            else ""
        )
        + "</div>"
    )


def cohort_markdown(data: CohortJSON) -> str:
    """A cohort summary as Markdown for a notebook."""
    lines = [f"**{md(_counts_words(data))}**", ""]
    lines += [
        f"- line {u['line']}: {md(u['message'])} ({md(u['text'])})" for u in data["unreadable"]
    ]
    lines += ["", "| Balance | Results | Share |", "| --- | --- | --- |"]
    lines += [
        f"| {md(b['label'])} | {b['count']} | {b['percent']:g}% |" for b in data["balance"]["bands"]
    ]
    lines += ["", "| Dimension | You (mean) | Them (mean) |", "| --- | --- | --- |"]
    for dimension in data["dimensions"]:
        them = dimension["them"]
        lines.append(
            f"| {md(dimension['title'])} | {md(_mean(dimension['you']['mean']))} | "
            f"{'' if them is None else md(_mean(them['mean']))} |"
        )
    lines += ["", "| Red flag | Results |", "| --- | --- |"]
    lines += [f"| {md(f['name'])} | {f['count']} |" for f in data["ethics"]["red"] if f["count"]]
    first = data["first_suggestion"]
    if first:
        lines += ["", f"Most common first suggestion ({first['count']}): {md(first['text'])}"]
    return "\n".join(lines) + "\n"
