"""Results prepared at build time: each packaged scenario scored by Python, for the assessment.

Newsletters and marketing link to the scenarios (`#scenario=<id>`). For each scenario the build
makes two things:
- its line for the result bar (the balance, the band and the plan's verdict), drawn here with the
  page's own drawing code run in Node, and carried by the assessment page in an inert
  `<template>`. A short inline script right after the bar puts the line the link names into the
  bar while the page is still being read, before any module has arrived;
- its title and result dict, as a JSON file in a folder named by the hash of all of them
  (`assets/prepared/<hash>/<id>.json`, cached for good). The same inline script asks for the one
  the link names at once (a preload), and the page draws it in full with the same drawing code
  as Python's own results as soon as the drawing modules have arrived, marked as prepared in
  advance (docs/assets/js/assessment/prepared.mjs).
Python scores the same answers once it has started, and its drawing replaces both. The results
are files rather than part of the page because they are large (237 kB of JSON for 13 scenarios,
two thirds of the page): the browser read them before it could paint the line or run the page's
modules, for every reader, while a scenario link needs one of them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from build_scripts.assets import content_digest
from build_scripts.node import run_node

LINES_SCRIPT = Path(__file__).with_name("prepared_lines.mjs")
PREPARED_SOURCE = "assets/prepared/"


@functools.cache  # once per build: `mkdocs serve` reloads this module for each rebuild
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


def prepared_files(results: dict[str, dict[str, Any]]) -> tuple[str, dict[str, bytes]]:
    """The site-relative folder of the prepared results ("assets/prepared/<hash>/"), and each
    file in it by name ("<id>.json"): the title and result the page draws for that scenario."""
    files = {
        f"{scenario_id}.json": json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        for scenario_id, value in sorted(results.items())
    }
    return f"{PREPARED_SOURCE}{content_digest(files.items())}/", files


@functools.cache  # once per build, for the page that names the folder and for the files
def prepared_site_files() -> tuple[str, dict[str, bytes]]:
    """`prepared_files()` of this build's prepared results."""
    return prepared_files(prepared_results())
