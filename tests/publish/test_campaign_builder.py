"""The campaign link builder on "Link to us": the link with its tags, a QR code a phone reads as
that link, and the entry's email card pointing at it; in the browser only, storing nothing."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.publish.test_campaign_links import STORED, requests_of
from tests.publish.test_email_cards import cards
from tests.publish.test_link_previews import SITE_URL
from tests.support.qr import decode_qr

BUILDER = "#fl-builder"
TAGS = {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "spring & summer"}


def wait_for_builder(page: Page) -> None:
    page.wait_for_selector(f"{BUILDER}[data-fl-builder-state='current']")


def build(page: Page, entry: str, tags: dict[str, str]) -> None:
    page.select_option("#fl-builder-page", entry)
    for name, value in tags.items():
        page.fill(f"#fl-builder-{name}", value)
    wait_for_builder(page)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "link-scenario-job-offer",
            "assessment/?utm_source=newsletter&utm_medium=email"
            "&utm_campaign=spring+%26+summer#scenario=job-offer",
        ),
        (
            "link-assessment-quick-check",
            "assessment/quick-check/?utm_source=newsletter&utm_medium=email"
            "&utm_campaign=spring+%26+summer",
        ),
    ],
)
def test_the_builder_gives_the_tagged_link_its_qr_code_and_its_card(
    page: Page, site_url: str, built_site: Path, entry: str, expected: str
) -> None:
    page.goto(site_url + "link-to-us/")
    wait_for_builder(page)
    build(page, entry, TAGS)
    link = SITE_URL + expected
    expect(page.locator("#fl-builder-link")).to_have_value(link)
    assert decode_qr(page.locator("[data-fl-builder-qr] svg").screenshot()) == [link]
    # The entry's own card, with every link to the entry now carrying the tags.
    url, block = cards(built_site)[entry]
    card = page.locator("#fl-builder-card").input_value()
    escaped = html.escape(link, quote=True)
    assert card == block.replace(f'href="{url}"', f'href="{escaped}"')
    assert card.count(f'href="{escaped}"') == block.count(f'href="{url}"') >= 2


def test_without_tags_the_builder_gives_the_plain_link_and_card(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.goto(site_url + "link-to-us/")
    wait_for_builder(page)
    build(page, "link-understand-what-is-leverage", {"utm_source": "  "})
    url, block = cards(built_site)["link-understand-what-is-leverage"]
    expect(page.locator("#fl-builder-link")).to_have_value(url)
    assert page.locator("#fl-builder-card").input_value() == block
    assert decode_qr(page.locator("[data-fl-builder-qr] svg").screenshot()) == [url]


def test_the_builder_stores_nothing_and_sends_nothing(
    page: Page, context: BrowserContext, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    requested = requests_of(page)
    page.goto(site_url + "link-to-us/")
    wait_for_builder(page)
    build(page, "link-scenario-job-offer", TAGS)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-fl-builder-status]")).to_have_text("Copied.")
    assert "utm_" in page.evaluate("navigator.clipboard.readText()")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "utm_" in url] == []
    stored = page.evaluate(STORED)  # the theme keeps its colour scheme; nothing else is kept
    assert "utm_" not in stored and "fair-leverage" not in stored and "spring" not in stored
    # No Python on this page: the QR codes come from the small library the site serves.
    assert [url for url in requested if "pyodide" in url or "/python/" in url] == []
    assert any("/assets/vendor/lean-qr-" in url for url in requested)
