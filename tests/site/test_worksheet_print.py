"""The printable worksheet, scoring key included, fits on six A4 pages.

Printed with Debian's Chromium (the browser readers print from), the same way as
`page.pdf(format="A4")` in any Playwright script, and counted page by page.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.static_server import serve

MAX_PAGES = 6
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?!s)")


def test_the_worksheet_prints_on_six_a4_pages_or_fewer(built_site: Path) -> None:
    with serve(built_site) as (base_url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{base_url}/assessment/worksheet/")
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    pages = len(PAGE_OBJECT.findall(pdf))
    assert 1 <= pages <= MAX_PAGES, f"the worksheet prints on {pages} A4 pages"
