"""Links within a page stay within the page; links to other pages still navigate instantly.

Material's instant navigation re-fetched and re-drew a page on the first fragment link
followed after a full load (docs/assets/js/in-page-links.js explains why and keeps those
links to the browser). Each test here failed on every run before that fix.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

import assessment
from tests.browser.assessment_helpers import wait_for_result
from tests.browser.conftest import wait_for_scorer
from tests.support.static_server import ServerOptions

ARTICLE = "understand/alternatives/"

# Marks the nodes on screen, so a test can tell the same page from a page drawn afresh.
MARK_PAGE = """() => {
  window.__sameDocument = true;
  document.querySelector(".md-content article").dataset.testMark = "kept";
}"""
SAME_PAGE = """() => window.__sameDocument === true
  && document.querySelector(".md-content article").dataset.testMark === "kept\""""


def _page_requests(server_options: ServerOptions, path: str) -> int:
    return sum(1 for requested in server_options.requests if requested == "/" + path)


def test_the_first_table_of_contents_link_moves_within_the_page_without_fetching_it(
    instant_navigation: Page, site_url: str, server_options: ServerOptions
) -> None:
    page = instant_navigation
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.evaluate(MARK_PAGE)
    server_options.requests.clear()
    target = page.locator(".md-nav--secondary a.md-nav__link").nth(1)
    fragment = target.evaluate("(link) => link.hash.slice(1)")
    target.dispatch_event("click")  # the table of contents is off screen at this width
    page.wait_for_function("(hash) => location.hash === hash", arg="#" + fragment)
    expect(page.locator(f"[id='{fragment}']")).to_be_in_viewport()
    assert _page_requests(server_options, ARTICLE) == 0
    assert page.evaluate(SAME_PAGE), "the page was drawn afresh"


def test_the_skip_link_moves_focus_to_the_content_once(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.goto(site_url + "assessment/", wait_until="networkidle")
    page.evaluate(MARK_PAGE)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_function("(hash) => location.hash === hash", arg=skip.evaluate("(a) => a.hash"))
    # From the content's start: the heading's permalink, the "Versions" disclosure of the
    # status line, then the first question.
    for _ in range(3):
        page.keyboard.press("Tab")
    first = assessment.load_bank().questions[0]
    focused = page.locator(f"input[name='{first.id}']").first
    expect(focused).to_be_focused()
    # The keys a reader types next land on the question they see.
    page.keyboard.press("Space")
    expect(focused).to_be_checked()
    assert page.evaluate(SAME_PAGE), "the page was drawn afresh after the skip link"


def test_a_share_link_opened_on_the_assessment_keeps_the_page_and_shows_its_notice(
    instant_navigation: Page, site_url: str, server_options: ServerOptions
) -> None:
    page = instant_navigation
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    page.locator(f"input[name='{assessment.load_bank().questions[0].id}']").first.check()
    wait_for_result(page)
    page.evaluate(MARK_PAGE)
    server_options.requests.clear()
    page.evaluate("location.hash = 'code=not-a-real-code'")
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("could not be read")
    expect(notice).to_contain_text("Your own answers are unchanged")
    assert _page_requests(server_options, "assessment/") == 0
    assert page.evaluate(SAME_PAGE), "the page was drawn afresh"


def test_links_to_other_pages_and_back_still_navigate_instantly(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    title = page.title()
    page.locator(".md-nav--primary a.md-nav__link", has_text="What leverage is").first.click()
    page.wait_for_url("**/understand/what-is-leverage/")
    expect(page.locator(".md-content article h1")).to_contain_text("What leverage is")
    page.go_back()
    page.wait_for_url("**/" + ARTICLE)
    expect(page).to_have_title(title)
    # A fragment link on the page reached by instant navigation stays within it, too.
    page.evaluate(MARK_PAGE)
    page.locator(".md-nav--secondary a.md-nav__link").nth(1).dispatch_event("click")
    page.wait_for_function("() => location.hash !== ''")
    assert page.evaluate(SAME_PAGE), "instant navigation reloaded the page or drew it afresh"


def test_on_a_phone_a_contents_link_in_the_drawer_closes_it_and_stays_on_the_page(
    instant_navigation: Page, site_url: str
) -> None:
    page = instant_navigation
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.evaluate(MARK_PAGE)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("[data-md-toggle=drawer]")
    expect(drawer).to_be_checked()
    # On a phone the page's contents sit in the drawer, under the page's own entry.
    page.locator(".md-nav--primary label.md-nav__link[for='__toc']").click()
    link = page.locator(".md-nav--primary .md-nav--secondary a.md-nav__link").nth(1)
    fragment = link.evaluate("(a) => a.hash")
    link.click()
    page.wait_for_function("(hash) => location.hash === hash", arg=fragment)
    expect(drawer).not_to_be_checked()
    expect(page.locator(f"[id='{fragment[1:]}']")).to_be_in_viewport()
    assert page.evaluate(SAME_PAGE), "the page was drawn afresh"
