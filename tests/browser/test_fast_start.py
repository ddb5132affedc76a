"""Python's fast start-up (docs/assets/js/scorer/pyodide-start.mjs): each way in, and each fallback.

The page starts from the memory snapshot when it downloads fast enough, else on the trimmed
archive, else the normal way (full standard library and wheel). Whatever fails, the reader
still gets Python, and the trimmed archive holds every module the page's operations import.
"""

from __future__ import annotations

import gzip
import json
import random
import tomllib
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

import assessment
from build_scripts.fragments import STORAGE_KEY
from build_scripts.startup import ARCHIVE, SNAPSHOT, folder_name
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    random_answers,
    saved,
    set_answers,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import PageWatch, wait_for_scorer
from tests.support.static_server import Fault, ServerOptions

STARTUP = f"/{folder_name()}/"
CODES = Path(__file__).parents[1] / "unit" / "data" / "share_codes.toml"
RELEASED: list[dict[str, Any]] = tomllib.loads(CODES.read_text(encoding="utf-8"))["codes"]
FULL_STDLIB = "/python_stdlib.zip"


def requested(options: ServerOptions, suffix: str) -> bool:
    return any(path.endswith(suffix) for path in options.requests)


def answers_of_scenario(name: str) -> dict[str, str]:
    return dict(assessment.load_scenarios()[name].answers)


def test_the_page_needs_neither_the_full_standard_library_nor_the_wheel(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    server_options.requests.clear()
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    assert requested(server_options, STARTUP + SNAPSHOT)
    assert requested(server_options, STARTUP + ARCHIVE)
    assert not requested(server_options, FULL_STDLIB)
    assert not requested(server_options, ".whl")


@pytest.mark.parametrize(
    "fault",
    [
        Fault(status=404),
        Fault(body=gzip.compress(b"\0" * 4096)),  # inflates, but is no snapshot
        Fault(body=b"not gzip at all, and no snapshot either"),
        Fault(body=gzip.compress(b"\0" * 4096)[:-20]),  # cut short
    ],
    ids=["missing", "not-a-snapshot", "not-gzip", "truncated"],
)
def test_a_missing_or_damaged_snapshot_still_gives_a_working_page(
    page: Page, site_url: str, server_options: ServerOptions, fault: Fault
) -> None:
    answers = answers_of_scenario("job-offer")
    server_options.faults[STARTUP + SNAPSHOT] = fault
    page.goto(site_url + "assessment/#code=" + assessment.encode(answers))
    wait_for_scorer(page)
    wait_for_result(page)
    assert form_answers(page) == answers
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


def test_the_trimmed_archive_runs_every_operation_the_page_uses(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    """Without the snapshot nothing is imported in advance, so every lazy import must be in
    the archive: translate (answers the first page saved), scenario, decode (good, bad and
    version 1 codes), score and encode all run here."""
    server_options.faults[STARTUP + SNAPSHOT] = Fault(status=404)
    server_options.requests.clear()
    # Answers the first page saved (bank version 1, no version stored), carried over at start.
    carried = {"their-alternative": "poor", "your-walk-away": "written"}  # the same in both
    first_page = {"answers": carried}
    page.add_init_script(
        f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(first_page))})"
    )
    page.goto(site_url + "assessment/#scenario=sole-supplier")
    wait_for_scorer(page)
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=answers_of_scenario("sole-supplier"),
    )
    wait_for_result(page)
    assert stored_answers(page) == saved(answers_of_scenario("sole-supplier"), previous=carried)
    assert not requested(server_options, FULL_STDLIB), "fell back to the full standard library"
    rng = random.Random(7)
    for _ in range(3):
        answers = random_answers(rng)
        set_answers(page, answers)
        assert comparable(shown_numbers(page)) == expected_numbers(answers)
    page.locator("[data-fl-copy]").click()
    link = page.locator("[data-fl-share-link]")
    link.wait_for()
    assert assessment.decode(link.input_value().split("#code=", 1)[1]).answers == answers
    page.evaluate("location.hash = 'code=not-a-real-code'")
    page.locator("[data-fl-notice-text]").filter(has_text="could not be read").wait_for()
    old_code = next(entry["code"] for entry in RELEASED if entry["bank"] == "1")
    opened = assessment.decode(old_code)
    page.evaluate("(code) => { location.hash = `code=${code}`; }", old_code)
    page.locator("[data-fl-notice-text]").filter(has_text="version 1").wait_for()
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=opened.answers,
    )
    assert not requested(server_options, ".whl")


def test_a_broken_archive_falls_back_to_the_normal_start(
    page: Page, site_url: str, server_options: ServerOptions, watch: PageWatch
) -> None:
    # Pyodide reports the missing archive on the console before the fallback takes over.
    watch.expected_errors += ["standard library", ARCHIVE]
    server_options.faults[STARTUP + SNAPSHOT] = Fault(status=404)
    server_options.faults[STARTUP + ARCHIVE] = Fault(status=404)
    server_options.requests.clear()
    answers = answers_of_scenario("small-business")
    page.goto(site_url + "assessment/#code=" + assessment.encode(answers))
    wait_for_scorer(page)
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(answers)
    assert requested(server_options, FULL_STDLIB)
    assert requested(server_options, ".whl")
