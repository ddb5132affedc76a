"""Results prepared at build time: each packaged scenario scored by Python, for the assessment.

Newsletters and marketing link to the scenarios (`#scenario=<id>`). The assessment page carries
two things for each scenario, both in inert `<template>` elements:
- its line for the result bar (the balance, the band and the plan's verdict), drawn here with the
  page's own drawing code run in Node. A short inline script right after the bar puts the line
  the link names into the bar while the page is still being read, so it is in the page's first
  paint or the frame after it, before any module has arrived;
- its title and result dict as JSON, which the page draws in full with the same drawing code as
  Python's own results as soon as the drawing modules have arrived, marked as prepared in
  advance (docs/assets/js/assessment/prepared.mjs).
Python scores the same answers once it has started, and its drawing replaces both. Not a
`<script type="application/json">`: Material's instant navigation re-creates every script of the
new page without its type, and so would run the JSON as a script. Inline rather than a file per
scenario: a request for a file waited behind the page's own modules, about 0.2 s on the
benchmark (ARCHITECTURE.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from build_scripts.node import run_node

LINES_SCRIPT = Path(__file__).with_name("prepared_lines.mjs")


def prepared_results() -> dict[str, dict[str, Any]]:
    """Each packaged scenario's id, and what the page draws for it: its title and Python's result
    for its answers, exactly as `assessment.browser` answers a `score` request."""
    from assessment import load_scenarios, score

    return {
        scenario_id: {"title": scenario.title, "result": score(dict(scenario.answers)).to_dict()}
        for scenario_id, scenario in load_scenarios().items()
    }


def prepared_lines(results: dict[str, dict[str, Any]]) -> dict[str, Markup]:
    """Each scenario's line for the result bar, as HTML: drawn from its prepared result by the
    page's own drawing code (docs/assets/js/assessment/bar-line.mjs), run in Node at build time
    (prepared_lines.mjs), so the page can show a scenario link's line before any module arrives."""
    request = json.dumps([{"id": key, "result": value["result"]} for key, value in results.items()])
    output = run_node(LINES_SCRIPT, purpose="to draw the scenarios' result lines", stdin=request)
    return {line["id"]: Markup(line["html"]) for line in json.loads(output)}


def data_block_text(value: object) -> Markup:
    """`value` as JSON escaped as HTML text, to stand inside a `<template>` element: nothing in it
    can close the element or open a tag or comment, and the template's text content reads back
    as exactly this JSON. Quotes stay as they are (they mean nothing in text, and escaping them
    made the page half as large again)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
