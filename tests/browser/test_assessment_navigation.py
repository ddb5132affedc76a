"""The assessment with Material's instant navigation: one worker per visit, re-bound on return."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import assessment
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    shown_numbers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer


def _scorer_workers(page: Page) -> int:
    return sum("scorer-worker" in worker.url for worker in page.workers)


def test_leaving_and_coming_back_reuses_python_and_rebinds_the_form(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    page.locator(".md-nav__link", has_text="The assessment").first.click()
    page.wait_for_url("**/assessment/")
    wait_for_scorer(page)
    page.locator("#q-your-alternative-better").check()
    wait_for_result(page)

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
    # The example replaced an earlier answer, which the notice offers back.
    expect(page.get_by_role("button", name="Restore my previous answers")).to_be_visible()

    # The re-bound form still scores changes, through the one worker started on the first visit.
    page.locator("#q-trust-doubt").check()
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers({**scenario, "trust": "doubt"})
    assert _scorer_workers(page) == 1
