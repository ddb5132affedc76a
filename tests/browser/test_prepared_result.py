"""A scenario link's result before Python starts: its line in the result bar, drawn at build time
and put in the bar by the page's inline script before any module arrives, then the full result
(docs/assets/js/assessment/prepared.mjs), both drawn from the result the build prepared, equal to
what Python in the page returns, marked as prepared in advance, and never in the way of the
reader's own answers (the link still wins once Python is ready, and the reader's answers are
kept). Python is held back by holding its WebAssembly file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page

import assessment
from build_scripts.fragments import STORAGE_KEY
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    saved,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer
from tests.support.static_server import Fault, ServerOptions

PREPARED = "[data-fl-results][data-fl-state='prepared']"
BAR_LINE = "[data-fl-bar-summary]"
PREPARED_WORDS = "Example, prepared in advance:"
# Each line the build drew, beside the line the page's own drawing code draws, in this browser,
# from the result the build prepared for the same scenario: both as this browser writes them.
_EVERY_LINE = """async () => {
  const root = document.getElementById("fl-assessment");
  const entry = document.querySelector("script[src$='/assessment/main.mjs']");
  const here = (path) => new URL(path, entry.src).href;
  const { drawBarLine } = await import(here("./bar-line.mjs"));
  const compared = {};
  for (const line of root.querySelectorAll("template[data-fl-line-for]")) {
    const id = line.dataset.flLineFor;
    const prepared = await (await fetch(`${root.dataset.preparedUrl}${id}.json`)).json();
    const drawn = document.createElement("p");
    drawBarLine(drawn, prepared.result, true);
    const built = document.createElement("p");
    built.append(line.content.cloneNode(true));
    compared[id] = { built: built.innerHTML, drawn: drawn.innerHTML };
  }
  return compared;
}"""
# Asks Python in the page, through the site's own worker client, for every scenario the page has a
# line for: its answers, then the result of scoring them; beside the result the build prepared.
_EVERY_SCENARIO = """async () => {
  const root = document.getElementById("fl-assessment");
  const entry = document.querySelector("script[src$='/assessment/main.mjs']");
  const here = (path) => new URL(path, entry.src).href;
  const { readStartConfig } = await import(here("./config.mjs"));
  const { Scorer } = await import(here("./scorer-client.mjs"));
  const scorer = await new Promise((resolve, reject) => {
    const started = new Scorer(readStartConfig(root), {
      progress: () => {},
      ready: () => resolve(started),
      failed: (reason) => reject(new Error(reason)),
    });
  });
  const compared = {};
  for (const line of root.querySelectorAll("template[data-fl-line-for]")) {
    const id = line.dataset.flLineFor;
    const { answers } = await scorer.call({ op: "scenario", id });
    const scored = await scorer.call({ op: "score", answers });
    const prepared = (await (await fetch(`${root.dataset.preparedUrl}${id}.json`)).json()).result;
    compared[id] = { prepared, python: scored.result };
  }
  return compared;
}"""


def answers_of(name: str) -> dict[str, str]:
    return dict(assessment.load_scenarios()[name].answers)


def own_answers_saved(page: Page, answers: dict[str, str]) -> None:
    page.add_init_script(
        f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(saved(answers)))})"
    )


def test_every_prepared_result_is_what_python_in_the_page_returns(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    compared: dict[str, Any] = page.evaluate(_EVERY_SCENARIO)
    assert sorted(compared) == sorted(assessment.load_scenarios())
    for scenario_id, pair in compared.items():
        assert pair["prepared"] == pair["python"], scenario_id


def test_every_line_drawn_at_build_time_is_what_the_pages_drawing_code_draws(
    page: Page, site_url: str, held_python: threading.Event
) -> None:
    page.goto(site_url + "assessment/")
    compared: dict[str, Any] = page.evaluate(_EVERY_LINE)
    assert sorted(compared) == sorted(assessment.load_scenarios())
    for scenario_id, pair in compared.items():
        assert pair["built"] == pair["drawn"], scenario_id
        assert pair["built"].count("<a ") == 1, scenario_id


@pytest.fixture
def held_modules(server_options: ServerOptions) -> Iterator[None]:
    """None of the page's modules arrives until the test ends: only the page's HTML, its styles
    and its classic scripts (the inline one among them) run."""
    release = threading.Event()
    server_options.faults[".mjs"] = Fault(held=release)
    yield
    release.set()


def test_a_scenario_links_line_is_in_the_bar_before_any_module_arrives(
    page: Page, site_url: str, held_python: threading.Event, held_modules: None
) -> None:
    page.goto(site_url + "assessment/#scenario=job-offer", wait_until="commit")
    line = page.locator(BAR_LINE)
    line.filter(has_text=PREPARED_WORDS).wait_for()
    result = assessment.score(answers_of("job-offer")).to_dict()
    leverage = result["leverage"]
    assert line.inner_text() == (
        f"{PREPARED_WORDS} Balance {leverage['balance']:+.1f} ± {leverage['uncertainty']}"
        f" ({leverage['band']['label']}) · {result['ethics']['verdict']['label']}"
    )
    link = line.get_by_role("link")
    assert link.evaluate("a => a.hash") == "#fl-results-title"
    assert link.evaluate("a => a.pathname").endswith("/assessment/")
    assert page.get_attribute("[data-fl-results]", "data-fl-state") == "empty"  # no module ran
    # The inline script has also asked for the scenario's full result, and for no other (the
    # download itself waits here for a connection: the held modules hold all six).
    asked = page.eval_on_selector_all(
        "head link[rel=preload][as=fetch]", "(links) => links.map((link) => link.href)"
    )
    prepared = (page.get_attribute("#fl-assessment", "data-prepared-url") or "").lstrip("./")
    assert asked == [site_url + prepared + "job-offer.json"]


@pytest.mark.parametrize("fragment", ["#code=not-a-code&scenario=job-offer", "#scenario=no-such"])
def test_no_line_is_shown_for_a_share_code_or_an_unknown_example(
    page: Page, site_url: str, held_python: threading.Event, held_modules: None, fragment: str
) -> None:
    page.goto(site_url + "assessment/" + fragment, wait_until="commit")
    # The results panel comes right after the inline script: once it is there, the script has run.
    page.wait_for_selector("[data-fl-results]", state="attached")
    assert page.locator(BAR_LINE).inner_text() == "Answer a question to see your result."


def test_a_scenario_link_shows_its_result_before_python_and_keeps_the_readers_answers(
    page: Page, site_url: str, server_options: ServerOptions, held_python: threading.Event
) -> None:
    own = answers_of("small-business")
    example = answers_of("job-offer")
    own_answers_saved(page, own)
    page.goto(site_url + "assessment/#scenario=job-offer")
    page.wait_for_selector(PREPARED)
    # Its file came once: the module's request was answered by the inline script's preload.
    asked = [path for path in server_options.requests if "/assets/prepared/" in path]
    assert [path.rsplit("/", 1)[-1] for path in asked] == ["job-offer.json"]
    note = page.locator("[data-fl-prepared]")
    assert note.is_visible()
    assert "Prepared in advance" in note.inner_text()
    assert assessment.load_scenarios()["job-offer"].title in note.inner_text()
    assert page.get_attribute("#fl-assessment", "data-scorer-state") == "loading"
    assert comparable(shown_numbers(page)) == expected_numbers(example)
    assert page.locator(BAR_LINE).inner_text().startswith(PREPARED_WORDS)
    # The early drawing changed nothing the reader keeps.
    assert form_answers(page) == own
    assert stored_answers(page) == saved(own)

    held_python.set()
    wait_for_scorer(page)
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=example,
    )
    wait_for_result(page)
    assert not note.is_visible()
    assert comparable(shown_numbers(page)) == expected_numbers(example)
    assert PREPARED_WORDS not in page.locator(BAR_LINE).inner_text()  # Python's own, now
    assert stored_answers(page) == saved(example, previous=own)  # the link won; yours are kept


def test_a_change_made_before_python_is_ready_is_kept_and_the_link_still_wins(
    page: Page, site_url: str, held_python: threading.Event
) -> None:
    example = answers_of("job-offer")
    page.goto(site_url + "assessment/#scenario=job-offer")
    page.wait_for_selector(PREPARED)
    question, option = next(iter(answers_of("small-business").items()))
    page.locator(f"input[name='{question}'][value='{option}']").check()
    assert stored_answers(page) == saved({question: option})
    assert page.get_attribute("[data-fl-results]", "data-fl-state") == "prepared"

    held_python.set()
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=example,
    )
    wait_for_result(page)
    assert stored_answers(page) == saved(example, previous={question: option})


@pytest.mark.parametrize("fragment", ["#scenario=no-such-example", "#code=not-a-code"])
def test_a_link_with_nothing_prepared_for_it_waits_for_python(
    page: Page, site_url: str, held_python: threading.Event, fragment: str
) -> None:
    page.goto(site_url + "assessment/" + fragment)
    page.wait_for_load_state("load")  # the page's scripts, the early ones included, have run
    page.wait_for_selector("[data-fl-results][data-fl-state='waiting']")
    assert not page.locator("[data-fl-prepared]").is_visible()

    held_python.set()
    page.locator("[data-fl-notice-text]").filter(has_text="could not be").wait_for()
    assert page.get_attribute("[data-fl-results]", "data-fl-state") != "prepared"


def test_a_scenario_link_followed_within_the_site_shows_its_prepared_result(
    instant_navigation: Page, site_url: str, held_python: threading.Event
) -> None:
    page = instant_navigation
    example = answers_of("job-offer")
    page.goto(site_url + "examples/job-offer/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")  # gone if the link reloads the page
    page.get_by_role("link", name="Open this example in the assessment").click()
    page.wait_for_selector(PREPARED)
    # Material re-created the page's scripts; the prepared results are data it left alone.
    assert page.evaluate("window.__sameDocument") is True
    assert page.get_attribute("#fl-assessment", "data-scorer-state") == "loading"
    assert comparable(shown_numbers(page)) == expected_numbers(example)

    held_python.set()
    wait_for_scorer(page)
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=example,
    )
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(example)
