"""Site furniture, served with the shipped headers: 404 page, light/dark toggle, print, copy."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PageWatch

INDIGO = "rgb(64, 81, 181)"  # Material's indigo, the primary colour of both schemes


def test_a_missing_page_answers_404_styled_with_a_way_home(
    page: Page, site_url: str, watch: PageWatch
) -> None:
    watch.expected_errors.append("404 (Not Found)")  # the browser logs the status itself
    response = page.goto(site_url + "no/such/page/deep/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    # Styled even this deep: the theme's stylesheet and the site's own CSS have loaded.
    header = page.locator(".md-header")
    expect(header).to_have_css("background-color", INDIGO)
    page.locator("[data-fl-home]").click()
    page.wait_for_url(site_url)
    expect(page).to_have_title("Fair Leverage")


def test_the_palette_toggle_switches_between_light_and_dark_and_remembers(
    page: Page, site_url: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_a_reader_who_prefers_dark_gets_the_dark_scheme(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "understand/what-is-leverage/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def after_content(page: Page, selector: str) -> str:
    return page.locator(selector).first.evaluate("(a) => getComputedStyle(a, '::after').content")


def test_a_printed_article_has_no_navigation_and_spells_out_link_addresses(
    page: Page, site_url: str
) -> None:
    page.emulate_media(media="print")
    page.goto(site_url + "examples/job-offer/")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("article .headerlink").first).to_be_hidden()
    # A link within the site prints its absolute address (relative hrefs mean nothing on paper).
    internal = "article a[href$='/understand/alternatives/#batna']"
    assert (
        after_content(page, internal) == '" (http://127.0.0.1:8000/understand/alternatives/#batna)"'
    )
    page.goto(site_url + "reference/further-reading/")
    external = page.locator("article a[href^='http']:not([href*='127.0.0.1'])").first
    href = external.get_attribute("href")
    assert href and after_content(page, f"article a[href='{href}']") == f'" ({href})"'


def test_on_screen_links_show_no_addresses(page: Page, site_url: str) -> None:
    page.goto(site_url + "examples/job-offer/")
    assert after_content(page, "article a[href$='/understand/alternatives/#batna']") == "none"


def test_link_to_us_copies_a_blurb_with_one_click(
    page: Page, context: BrowserContext, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "link-to-us/")
    items = page.locator(".fl-link-item")
    assert items.count() > 20
    item = items.filter(has=page.locator("a", has_text="Prepare for a negotiation")).first
    blurb = item.locator(".fl-link-item__blurb code").inner_text()
    assert re.fullmatch(r"[^\n]+\n[^\n]+\nhttp://127\.0\.0\.1:8000/build/prepare/", blurb)
    item.locator(".fl-link-item__blurb").hover()
    item.locator(".fl-link-item__blurb button[data-md-type=copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == blurb
