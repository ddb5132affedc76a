"""The built folder, served with exactly its own `_headers`, works end to end under a strict CSP."""

from __future__ import annotations

import random
from pathlib import Path

from playwright.sync_api import Page, expect

from build_scripts.headers import IMMUTABLE, NO_CACHE
from build_scripts.pyodide_core import PYODIDE_VERSION
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    random_answers,
    set_answers,
    shown_numbers,
)
from tests.browser.conftest import wait_for_scorer
from tests.publish.built_pages import content_pages
from tests.publish.test_headers import headers

# Installed before any page script: records every CSP violation the document reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile}:${event.lineNumber})`);
});
"""


# After `load`, time for what the theme starts late (search worker, index fetch) to run.
SETTLE_MS = 300


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_the_server_sends_exactly_the_shipped_headers(
    page: Page, site_url: str, built_site: Path
) -> None:
    response = page.goto(site_url + "understand/what-is-leverage/")
    assert response is not None
    shipped = headers(built_site, "/understand/what-is-leverage/")
    assert response.headers["content-security-policy"] == shipped["Content-Security-Policy"]
    assert response.headers["cache-control"] == NO_CACHE
    wasm = page.request.get(site_url + f"pyodide/{PYODIDE_VERSION}/pyodide.asm.wasm")
    assert wasm.headers["content-type"] == "application/wasm"
    assert wasm.headers["cache-control"] == IMMUTABLE
    assert page.request.get(site_url + "_headers").status == 404  # read by hosts, never served


def test_every_page_loads_with_no_csp_violation(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    urls = sorted(content_pages(built_site))
    assert len(urls) > 20
    found = {}
    for url in urls:
        response = page.goto(site_url + url.lstrip("/"), wait_until="load")
        assert response is not None and response.ok, url
        assert "content-security-policy" in response.headers, url
        page.wait_for_timeout(SETTLE_MS)
        if violations(page):
            found[url] = violations(page)
    assert found == {}  # and the watch fixture fails the test on any CSP console error


def test_instant_navigation_and_search_stay_within_the_policy(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.keyboard.press("/")  # Material's search shortcut: opens search, starts its worker
    expect(page.locator("[data-md-toggle=search]")).to_be_checked()
    page.keyboard.type("BATNA")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    # Opening a result is an instant navigation: the theme's other half under the policy.
    destination = result.evaluate("(link) => link.href.split('#')[0]")
    result.click()
    page.wait_for_url(destination + "**")
    expect(page.locator(".md-content article h1")).to_be_visible()
    expect(page.locator("[data-md-toggle=search]")).not_to_be_checked()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not run"
    assert violations(page) == []


def test_the_assessment_starts_python_and_scores_under_the_policy(
    page: Page, site_url: str
) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    answers = random_answers(random.Random(4))
    set_answers(page, answers)
    assert comparable(shown_numbers(page)) == expected_numbers(answers)
    assert violations(page) == []


def test_instant_navigation_from_an_article_runs_the_assessment_under_the_policy(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "understand/what-is-leverage/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav__link", has_text="The assessment").first.click()
    page.wait_for_url("**/assessment/")
    wait_for_scorer(page)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not run"
    answers = random_answers(random.Random(6))
    set_answers(page, answers)
    assert comparable(shown_numbers(page)) == expected_numbers(answers)
    assert violations(page) == []
