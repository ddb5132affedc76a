"""The plan page, served with exactly the site's own `_headers` (CSP included): Python starts,
checks, writes Markdown and makes a link with nothing blocked, also after instant navigation."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.plan_helpers import example_form, fill_plan, open_plan, wait_for_plan
from tests.publish.test_published_site import RECORD_VIOLATIONS, violations


def test_the_plan_page_checks_keeps_and_shares_under_the_policy(page: Page, site_url: str) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    open_plan(page, site_url)
    fill_plan(page, example_form("job-offer"))
    with page.expect_download():
        page.get_by_role("button", name="Download (Markdown)").click()
    page.get_by_role("button", name="Copy plan link").click()
    expect(page.locator("[data-fl-share]")).to_be_visible()
    assert (
        page.locator("[data-fl-share-link]")
        .input_value()
        .startswith(f"{site_url}assessment/plan/#plan=flp1.")
    )
    expect(page.locator("[data-fl-summary]")).to_have_text("Your plan passes every check.")
    assert violations(page) == []


def test_instant_navigation_from_an_article_runs_the_plan_page_under_the_policy(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "build/targets-and-concessions/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a", has_text="negotiation plan").first.click()
    page.wait_for_url("**/assessment/plan/")
    wait_for_plan(page)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not run"
    expect(page.locator("[data-fl-sheet-body]")).to_contain_text("Your plan appears here")
    assert violations(page) == []
