"""Results prepared at build time (build_scripts/prepared.py): the assessment page carries every
packaged scenario's result dict, exactly as Python scores it, as JSON in inert `<template>`
elements that no text in a result can break out of."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import assessment
from build_scripts.prepared import data_block_text, prepared_lines


class _DataBlocks(HTMLParser):
    """The text of the page's `<template data-fl-prepared-for>` elements, by scenario (character
    references read back, as the browser's `template.content.textContent` reads them)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, str] = {}
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "template" and found.get("data-fl-prepared-for"):
            # Left out of the search index, which would otherwise read the JSON as page text.
            assert "data-search-exclude" in found
            self._current = found["data-fl-prepared-for"]
            self.blocks[self._current or ""] = ""

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self.blocks[self._current] += data

    def handle_endtag(self, tag: str) -> None:
        self._current = None


def page_blocks(built_site: Path) -> dict[str, Any]:
    parser = _DataBlocks()
    parser.feed((built_site / "assessment" / "index.html").read_text(encoding="utf-8"))
    return {scenario: json.loads(text) for scenario, text in parser.blocks.items()}


def test_the_page_carries_every_scenario_with_the_result_python_gives(built_site: Path) -> None:
    blocks = page_blocks(built_site)
    scenarios = assessment.load_scenarios()
    assert sorted(blocks) == sorted(scenarios)
    for scenario_id, scenario in scenarios.items():
        assert blocks[scenario_id] == {
            "title": scenario.title,
            "result": assessment.score(dict(scenario.answers)).to_dict(),
        }, scenario_id


def test_no_other_page_carries_them(built_site: Path) -> None:
    carrying = [
        page.relative_to(built_site).as_posix()
        for page in built_site.rglob("*.html")
        if "data-fl-prepared-for" in page.read_text(encoding="utf-8")
    ]
    assert carrying == ["assessment/index.html"]


def test_no_text_in_a_result_can_close_its_template_or_open_a_tag_or_comment() -> None:
    value = {"advice": "</template><script>alert(1)</script><!-- <b> R&amp;D &lt; \"q\" 'a'"}
    text = str(data_block_text(value))
    assert "<" not in text and ">" not in text
    assert json.loads(html.unescape(text)) == value


def test_a_line_drawn_at_build_time_escapes_every_text_in_the_result() -> None:
    result = assessment.score(dict(assessment.load_scenarios()["job-offer"].answers)).to_dict()
    result["leverage"]["band"]["label"] = '<b>You & "them"</b>'
    result["ethics"]["verdict"]["label"] = "</template><script>alert(1)</script>"
    line = str(prepared_lines({"job-offer": {"result": result}})["job-offer"])
    assert "<b>" not in line and "<script>" not in line and "</template>" not in line
    assert '&lt;b&gt;You &amp; "them"&lt;/b&gt;' in line
    assert line.startswith(
        '<span class="fl-bar__prepared">Example, prepared in advance: </span><a '
    )


def test_the_page_carries_a_line_for_every_scenario(built_site: Path) -> None:
    text = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    for scenario_id in assessment.load_scenarios():
        assert f'<template data-fl-line-for="{scenario_id}" data-search-exclude>' in text
