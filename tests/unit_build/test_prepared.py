"""Results prepared at build time (build_scripts/prepared.py): a JSON file per packaged scenario,
in a folder named by their hash, holding the result dict exactly as Python scores it; the
assessment page carries only each scenario's line for the result bar, and where the files are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import assessment
from build_scripts.prepared import PREPARED_SOURCE, prepared_files, prepared_lines, prepared_results

PREPARED_URL = re.compile(r'data-prepared-url="\.\./(?P<folder>[^"]+)"')


def prepared_folder(built_site: Path) -> Path:
    """The folder the assessment page says its prepared results are in."""
    page = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    found = PREPARED_URL.search(page)
    assert found, "the assessment page names no folder of prepared results"
    return built_site / found["folder"]


def test_every_scenario_has_a_file_with_the_result_python_gives(built_site: Path) -> None:
    folder = prepared_folder(built_site)
    scenarios = assessment.load_scenarios()
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{s}.json" for s in scenarios)
    for scenario_id, scenario in scenarios.items():
        assert json.loads((folder / f"{scenario_id}.json").read_text(encoding="utf-8")) == {
            "title": scenario.title,
            "result": assessment.score(dict(scenario.answers)).to_dict(),
        }, scenario_id


def test_the_folder_is_named_by_its_content_and_is_the_only_one(built_site: Path) -> None:
    folder = prepared_folder(built_site)
    assert [p.name for p in (built_site / PREPARED_SOURCE).iterdir()] == [folder.name]
    name, files = prepared_files(prepared_results())
    assert name == f"{PREPARED_SOURCE}{folder.name}/"
    changed = {**prepared_results(), "job-offer": {"title": "Another", "result": {}}}
    assert prepared_files(changed)[0] != name  # new content, new folder: never a stale copy
    assert sorted(files) == sorted(p.name for p in folder.iterdir())


def test_no_page_carries_a_prepared_result(built_site: Path) -> None:
    # The assessment page was two thirds prepared JSON before the results moved to files.
    page = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert '"result":' not in page
    assert len(page.encode()) < 150_000


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
