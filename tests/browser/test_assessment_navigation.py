"""The assessment with Material's instant navigation: its page script runs when the reader comes
from an article, one worker serves the whole visit, and the form is re-bound on every return."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import assessment
from build_scripts.assets import published_js
from build_scripts.fragments import ENTRY_MODULE, WORKER_MODULE
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    shown_numbers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer


def _scorer_workers(page: Page) -> int:
    return sum(worker.url.endswith(published_js(WORKER_MODULE)) for worker in page.workers)


def test_from_an_article_to_the_assessment_and_back_python_starts_once_and_the_form_rebinds(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "understand/what-is-leverage/")
    page.wait_for_load_state("networkidle")
    entry = published_js(ENTRY_MODULE)
    assert not [url for url in requested if url.endswith(entry)]  # articles never load it
    page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    # The theme runs the assessment's script tag from the new page's content.
    page.locator(".md-nav__link", has_text="The assessment").first.click()
    page.wait_for_url("**/assessment/")
    wait_for_scorer(page)
    assert page.evaluate("window.__sameDocument") is True
    page.locator("#q-your-alternative-firm-better").check()
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers({"your-alternative": "firm-better"})

    page.locator(".md-nav__link", has_text="A job offer").first.click()
    page.wait_for_url("**/examples/job-offer/")
    page.get_by_role("link", name="Open this example in the assessment").click()
    page.wait_for_url("**/assessment/**")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, not a reload
    scenario = dict(assessment.load_scenarios()["job-offer"].answers)
    expect(page.locator("[data-fl-notice-text]")).to_contain_text("Negotiating a job offer")
    assert form_answers(page) == scenario
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(scenario)
    # The example replaced an earlier answer, which the bar offers back.
    expect(page.get_by_role("button", name="Restore my previous answers")).to_be_visible()

    # The re-bound form still scores changes, through the one worker started on the first visit.
    page.locator("#q-future-with-them-little").check()
    wait_for_result(page)
    changed = {**scenario, "future-with-them": "little"}
    assert comparable(shown_numbers(page)) == expected_numbers(changed)
    assert _scorer_workers(page) == 1
