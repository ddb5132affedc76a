"""Results prepared at build time: each packaged scenario scored by Python, for the assessment.

Newsletters and marketing link to the scenarios (`#scenario=<id>`). The assessment page carries
each scenario's title and result dict as JSON in a `<template>` element: inert, nothing in it is
run or shown, so the site's CSP has nothing to allow. Not a `<script type="application/json">`:
Material's instant navigation re-creates every script of the new page without its type, and so
would run the JSON as a script. The page draws the one its link names as soon as the drawing
modules have arrived, marked as prepared in advance (docs/assets/js/assessment/prepared.mjs).
Python scores the same answers once it has started, and its drawing replaces this one. Inline
rather than a file per scenario: a request for a file waited behind the page's own modules, about
0.2 s on the benchmark (ARCHITECTURE.md).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup


def prepared_results() -> dict[str, dict[str, Any]]:
    """Each packaged scenario's id, and what the page draws for it: its title and Python's result
    for its answers, exactly as `assessment.browser` answers a `score` request."""
    from assessment import load_scenarios, score

    return {
        scenario_id: {"title": scenario.title, "result": score(dict(scenario.answers)).to_dict()}
        for scenario_id, scenario in load_scenarios().items()
    }


def data_block_text(value: object) -> Markup:
    """`value` as JSON escaped as HTML text, to stand inside a `<template>` element: nothing in it
    can close the element or open a tag or comment, and the template's text content reads back
    as exactly this JSON. Quotes stay as they are (they mean nothing in text, and escaping them
    made the page half as large again)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
