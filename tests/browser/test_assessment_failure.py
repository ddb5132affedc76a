"""When Python cannot start, or stops later, the reader learns why at once, keeps every answer,
and gets scoring back with Try again, which starts a fresh worker."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, Worker, expect

from build_scripts.assets import published_js
from build_scripts.fragments import CALL_LIMIT_MS, START_LIMIT_MS, WORKER_MODULE
from tests.browser.assessment_helpers import (
    RESULTS,
    comparable,
    expected_numbers,
    form_answers,
    saved,
    set_answers,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import PageWatch, wait_for_scorer
from tests.support.axe import axe_violations
from tests.support.static_server import Fault, ServerOptions

WASM = "pyodide.asm.wasm"
# A broken .wasm is found by looking at the file, not by waiting for the start-up time limit.
PROMPT_S = 8


def _try_again_scores_the_answers_kept(page: Page, answers: dict[str, str]) -> None:
    page.get_by_role("button", name="Try again").click()
    wait_for_scorer(page)
    wait_for_result(page)
    expect(page.locator("[data-fl-failure]")).to_be_hidden()
    assert form_answers(page) == answers
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


def _answers_then_wait_for_failure(page: Page) -> dict[str, str]:
    page.locator("#q-your-alternative-firm-similar").check()
    page.locator("#q-their-alternative-poor").check()
    expect(page.locator("#fl-assessment")).to_have_attribute("data-scorer-state", "failed")
    return {"your-alternative": "firm-similar", "their-alternative": "poor"}


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
    page.locator("#q-future-with-you-lots").check()
    answers["future-with-you"] = "lots"
    assert stored_answers(page) == saved(answers)
    assert axe_violations(page, "#fl-assessment") == []

    server_options.faults.clear()
    _try_again_scores_the_answers_kept(page, answers)


def _lower_limit(page: Page, attribute: str, build_ms: int, test_ms: int) -> None:
    """Serves the assessment page with one of its time limits lowered, so the test waits less."""

    def lower(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace(f'{attribute}="{build_ms}"', f'{attribute}="{test_ms}"')
        route.fulfill(response=response, body=body)

    page.route("**/assessment/", lower)


def test_the_start_up_time_limit_reports_a_failure(
    page: Page, site_url: str, held_python: threading.Event
) -> None:
    # Python is held back, so it cannot beat even a lowered limit.
    _lower_limit(page, "data-start-limit-ms", START_LIMIT_MS, 300)
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


# Records each scoring worker the page creates, so a test can count them and send the latest
# an event that a broken browser would.
CAPTURE_WORKERS = """(() => {
  const Original = window.Worker;
  window.__scorers = [];
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      if (String(url).endsWith(WORKER_MODULE)) window.__scorers.push(this);
    }
  };
})()""".replace("WORKER_MODULE", json.dumps(published_js(WORKER_MODULE)))
DELIBERATE = "a deliberate crash in a test"


def _scorer_worker(page: Page) -> Worker:
    return next(
        worker for worker in page.workers if worker.url.endswith(published_js(WORKER_MODULE))
    )


def _close_from_inside(page: Page) -> None:
    worker = _scorer_worker(page)
    with worker.expect_event("close"):
        worker.evaluate("setTimeout(() => self.close())")


def _throw_uncaught(page: Page) -> None:
    _scorer_worker(page).evaluate(f"setTimeout(() => {{ throw new Error({DELIBERATE!r}); }})")
    expect(page.locator("#fl-assessment")).to_have_attribute("data-scorer-state", "failed")


def _garble_a_message(page: Page) -> None:
    page.evaluate("window.__scorers.at(-1).dispatchEvent(new MessageEvent('messageerror'))")
    expect(page.locator("#fl-assessment")).to_have_attribute("data-scorer-state", "failed")


@pytest.mark.parametrize(
    ("stop", "reason"),
    [
        (_close_from_inside, "Python stopped answering"),
        (_throw_uncaught, DELIBERATE),
        (_garble_a_message, "could not be read"),
    ],
    ids=["worker-closes", "uncaught-error-in-worker", "unreadable-message"],
)
def test_a_worker_that_stops_mid_session_loses_no_answer_and_try_again_scores_again(
    page: Page, site_url: str, watch: PageWatch, stop: Callable[[Page], None], reason: str
) -> None:
    watch.expected_errors.append(DELIBERATE)  # the browser logs the worker's uncaught error
    page.add_init_script(CAPTURE_WORKERS)
    # A closed worker never answers: the call's time limit finds it (lowered, to keep it short).
    _lower_limit(page, "data-call-limit-ms", CALL_LIMIT_MS, 2_000)
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    answers = {"your-alternative": "firm-similar", "future-with-you": "lots"}
    set_answers(page, answers)

    stop(page)
    page.locator("#q-their-alternative-poor").check()
    answers["their-alternative"] = "poor"
    expect(page.locator("#fl-assessment")).to_have_attribute("data-scorer-state", "failed")
    failure = page.locator("[data-fl-failure]")
    expect(failure).to_be_visible()
    expect(failure.get_by_role("heading")).to_have_text("Python stopped working in your browser")
    expect(page.locator("[data-fl-failure-reason]")).to_contain_text(reason)
    expect(page.locator("[data-fl-bar-summary]")).to_contain_text("Python stopped working")
    expect(page.locator(RESULTS)).not_to_have_attribute("aria-busy", "true")
    assert form_answers(page) == answers
    assert stored_answers(page) == saved(answers)

    _try_again_scores_the_answers_kept(page, answers)
    assert page.evaluate("window.__scorers.length") == 2  # a fresh worker, not the broken one
