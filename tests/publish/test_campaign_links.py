"""Campaign tags (?utm_...) never break a page and are never stored, sent on or shared."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, Request, expect

import assessment
from tests.browser.assessment_helpers import form_answers, wait_for_result
from tests.browser.conftest import wait_for_scorer

CAMPAIGN = "?utm_source=newsletter&utm_medium=email&utm_campaign=spring"
STORED = """() => JSON.stringify([
  Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"""


def requests_of(page: Page) -> list[str]:
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    page.on("request", record)
    return seen


def test_an_article_with_campaign_tags_is_the_same_article(page: Page, site_url: str) -> None:
    requested = requests_of(page)
    response = page.goto(site_url + "understand/what-is-leverage/" + CAMPAIGN)
    assert response is not None and response.ok
    expect(page.locator("article h1")).to_have_text("What leverage is¶")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == "http://127.0.0.1:8000/understand/what-is-leverage/"
    page.wait_for_load_state("networkidle")
    # Only the page itself was asked for with the tags; no asset, worker or fetch carries them.
    assert [url for url in requested if "utm_" in url] == [response.url]
    assert "utm_" not in page.evaluate(STORED)


def test_the_assessment_with_campaign_tags_scores_and_never_keeps_or_shares_them(
    page: Page, context: BrowserContext, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    requested = requests_of(page)
    response = page.goto(site_url + "assessment/" + CAMPAIGN + "#scenario=job-offer")
    assert response is not None
    wait_for_scorer(page)
    wait_for_result(page)
    # The pre-filled example still opens with the tags in the address.
    example = assessment.load_scenarios()["job-offer"].answers
    assert form_answers(page) == dict(example)
    # A reader's own answer, then the share link.
    question = assessment.load_bank().questions[0]
    other = next(option for option in question.option_ids if option != example.get(question.id))
    page.locator(f"input[name='{question.id}'][value='{other}']").check()
    wait_for_result(page)
    assert form_answers(page)[question.id] == other
    page.locator("[data-fl-copy]").click()
    share = page.locator("[data-fl-share-link]")
    # The page's own address and the code, nothing else: no query string at all.
    own_address = re.escape(site_url) + r"assessment/#code=[^?&#\s]+"
    expect(share).to_have_value(re.compile(f"^{own_address}$"))
    shared = share.input_value()
    assert page.evaluate("navigator.clipboard.readText()") == shared
    stored = page.evaluate(STORED)
    assert question.id in stored and "utm_" not in stored  # answers are kept, the tags are not
    assert [url for url in requested if "utm_" in url] == [response.url]
