"""The printable worksheet, scoring key included, fits on six A4 pages.

Printed by Debian's Chromium (the browser readers print from) as its print dialog does, and
counted page by page.
"""

from __future__ import annotations

from playwright.sync_api import Page

from tests.support.pdf_text import pages_text

MAX_PAGES = 6


def test_the_worksheet_prints_on_six_a4_pages_or_fewer(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}assessment/worksheet/")
    printed = pages_text(page.pdf(format="A4"))
    assert 1 <= len(printed) <= MAX_PAGES, f"the worksheet prints on {len(printed)} A4 pages"
    # The whole worksheet is there, down to its last part.
    last_heading = page.locator("article h2").last.inner_text().removesuffix("¶").strip()
    assert last_heading.replace(" ", "") in printed[-1].replace(" ", "").replace("\n", "")
