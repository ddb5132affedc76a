"""The home page as a landing page: on a 360x640 phone, the first screen says it all."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

import assessment

PHONE = {"width": 360, "height": 640}


def _assert_inside_first_screen(element: Locator, what: str) -> None:
    expect(element).to_be_visible()
    box = element.bounding_box()
    assert box is not None, f"{what} has no box on the page"
    inside = (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= PHONE["width"]
        and box["y"] + box["height"] <= PHONE["height"]
    )
    assert inside, f"{what} is not fully inside the first 360x640 screen: {box}"


def test_the_first_phone_screen_offers_the_assessment_the_privacy_promise_and_the_quick_plan(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url)
    content = page.locator(".md-content")

    primary = content.locator(".md-button--primary")
    expect(primary).to_have_count(1)  # one primary action, not a choice of buttons
    expect(primary).to_have_attribute("href", re.compile(r"/assessment/$"))
    _assert_inside_first_screen(primary, "the primary button to the assessment")

    this_week = content.get_by_role("link", name="Negotiating this week?")
    expect(this_week).to_have_attribute("href", re.compile(r"/this-week/$"))
    _assert_inside_first_screen(this_week, 'the "Negotiating this week?" link')

    # The time it takes is the bank's own figure, filled in by the build.
    minutes = assessment.load_bank().minutes
    promise = content.locator("p", has_text=f"about {minutes} minutes")
    expect(promise).to_contain_text("nothing you type leaves your device")
    _assert_inside_first_screen(promise, f"the sentence about privacy and {minutes} minutes")

    what_it_is = content.locator("p", has_text="Fair Leverage is a free guide")
    _assert_inside_first_screen(what_it_is, "the sentence that says what the site is")

    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], f"the page scrolls sideways: {page_width}px wide"

    screenshot = tmp_path / "home-360x640.png"
    page.screenshot(path=screenshot)
    assert screenshot.stat().st_size > 0
