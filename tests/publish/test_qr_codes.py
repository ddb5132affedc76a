"""QR codes: every "Link to us" entry has one, and every printed page ends with one; each is read
back from a Chromium screenshot by an independent decoder (zxing-cpp) and must give its URL."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.publish.built_pages import content_pages
from tests.publish.test_link_previews import SITE_URL
from tests.support.qr import decode_qr

FOOTER = re.compile(
    r'<footer class="fl-print-only fl-print-qr[^"]*" data-fl-print-qr="(?P<url>[^"]+)">'
)
CANONICAL = re.compile(r'<link rel="canonical" href="(?P<url>[^"]+)"')
OPEN_ALL = (
    "() => document.querySelectorAll('details[data-fl-kit]').forEach((d) => { d.open = true; })"
)
IMAGES_LOADED = """() => [...document.querySelectorAll('img[data-fl-qr]')].every(
  (img) => img.complete && img.naturalWidth > 0)"""


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # Twice the pixels of a plain screen, like a phone's camera close to the paper: the
    # worksheet's code is printed 1.7 cm wide.
    return {**browser_context_args, "device_scale_factor": 2}


def test_every_link_to_us_entry_has_a_qr_code_that_reads_as_its_url(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "link-to-us/")
    page.evaluate(OPEN_ALL)
    codes = page.locator("img[data-fl-qr]")
    count = codes.count()
    assert count > 40
    for index in range(count):
        codes.nth(index).scroll_into_view_if_needed()  # lazy images load when near the view
    page.wait_for_function(IMAGES_LOADED)
    for index in range(count):
        code = codes.nth(index)
        expected = code.get_attribute("data-fl-qr")
        assert expected is not None and expected.startswith(SITE_URL)
        assert decode_qr(code.screenshot()) == [expected]


def test_every_page_ends_with_a_print_only_qr_code_of_its_address(built_site: Path) -> None:
    pages = content_pages(built_site)
    assert len(pages) > 30
    for url, path in pages.items():
        text = path.read_text(encoding="utf-8")
        footers = FOOTER.findall(text)
        canonical = CANONICAL.search(text)
        assert canonical is not None, url
        # The worksheet is filled in on paper; its code leads to the assessment, to score online,
        # and sits beside its title (its printed pages are full).
        expected = SITE_URL + "assessment/" if url == "/assessment/worksheet/" else canonical["url"]
        assert [html.unescape(found) for found in footers] == [expected], url
        assert text.index("fl-print-qr") < text.index("</article>"), url


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("understand/what-is-leverage/", "understand/what-is-leverage/"),
        ("assessment/", "assessment/"),  # the printed result
        ("assessment/worksheet/", "assessment/"),
        ("assessment/quick-check/", "assessment/quick-check/"),
    ],
)
def test_a_printed_page_shows_a_qr_code_a_phone_can_read(
    page: Page, site_url: str, path: str, expected: str
) -> None:
    page.goto(site_url + path)
    footer = page.locator("footer.fl-print-qr")
    assert not footer.is_visible()  # on screen the code is never shown
    page.emulate_media(media="print")
    assert footer.is_visible()
    assert decode_qr(footer.locator("svg").screenshot()) == [SITE_URL + expected]
    assert SITE_URL + expected in footer.inner_text()
