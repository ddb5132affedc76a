"""When Python cannot start, the reader learns why within seconds, keeps every answer, can retry."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    shown_numbers,
    wait_for_result,
)
from tests.browser.conftest import PageWatch, wait_for_scorer
from tests.support.axe import axe_violations
from tests.support.static_server import Fault, ServerOptions

WASM = "pyodide.asm.wasm"
# A broken .wasm is found by looking at the file, not by waiting for the start-up time limit.
PROMPT_S = 8


def _answers_then_wait_for_failure(page: Page) -> dict[str, str]:
    page.locator("#q-your-alternative-similar").check()
    page.locator("#q-their-alternative-poor").check()
    expect(page.locator("#fl-assessment")).to_have_attribute("data-scorer-state", "failed")
    return {"your-alternative": "similar", "their-alternative": "poor"}


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault(status=404), "missing from this site (the server answered 404"),
        (Fault(content_type="text/html"), 'as "text/html" instead of "application/wasm"'),
    ],
    ids=["wasm-404", "wasm-wrong-content-type"],
)
def test_a_broken_wasm_file_is_reported_at_once_and_retry_recovers(
    page: Page,
    site_url: str,
    server_options: ServerOptions,
    watch: PageWatch,
    fault: Fault,
    reason: str,
) -> None:
    if fault.status == 404:
        watch.expected_errors.append("404")  # the browser logs the missing file itself
    server_options.faults[WASM] = fault
    started = time.monotonic()
    page.goto(site_url + "assessment/")
    answers = _answers_then_wait_for_failure(page)
    assert time.monotonic() - started < PROMPT_S
    failure = page.locator("[data-fl-failure]")
    expect(failure).to_be_visible()
    expect(failure).to_contain_text(reason)
    worksheet = failure.get_by_role("link", name="printable worksheet")
    assert worksheet.evaluate("link => link.href") == site_url + "assessment/worksheet/"
    expect(page.locator("[data-fl-bar-summary]")).to_contain_text("Python could not start")
    # Answers given before and after the failure are kept.
    page.locator("#q-trust-strong").check()
    answers["trust"] = "strong"
    stored = json.loads(page.evaluate("localStorage.getItem('fair-leverage:answers')"))
    assert stored == {"answers": answers}
    assert axe_violations(page, "#fl-assessment") == []

    server_options.faults.clear()
    page.get_by_role("button", name="Try again").click()
    wait_for_scorer(page)
    wait_for_result(page)
    expect(failure).to_be_hidden()
    assert form_answers(page) == answers
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


def test_the_start_up_time_limit_reports_a_failure(page: Page, site_url: str) -> None:
    def lower_the_limit(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('data-start-limit-ms="30000"', 'data-start-limit-ms="300"')
        route.fulfill(response=response, body=body)

    page.route("**/assessment/", lower_the_limit)
    page.goto(site_url + "assessment/")
    _answers_then_wait_for_failure(page)
    expect(page.locator("[data-fl-failure-reason]")).to_contain_text(
        "Python did not finish starting within 0.3 seconds"
    )
    expect(page.get_by_role("button", name="Try again")).to_be_visible()


def test_a_browser_without_webassembly_is_told_so(page: Page, site_url: str) -> None:
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(site_url + "assessment/")
    answers = _answers_then_wait_for_failure(page)
    expect(page.locator("[data-fl-failure-reason]")).to_contain_text("cannot run WebAssembly")
    assert form_answers(page) == answers
