"""A trainer's note in a workshop link (made on the workshop page) shows on the assessment page as
plain text, cut to the build's limit with a word saying so, and is never stored: not in
localStorage, not in the address after it is read, not after a reload, not in a copied link."""

from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import Page, expect

from assessment import load_scenarios
from build_scripts.fragments import NOTE_LIMIT
from tests.browser.assessment_helpers import form_answers
from tests.browser.conftest import wait_for_scorer

NOTE = "[data-fl-workshop-note]"
HOSTILE_NOTE = (
    'For Tuesday: <b>bold</b> <img src=x onerror="window.__hostile=1"> & <script>1</script>'
)


def open_link(page: Page, site_url: str, **fragment: str) -> None:
    page.goto(site_url + "assessment/#" + urlencode(fragment))


def test_the_note_shows_as_plain_text_and_the_example_still_opens(
    page: Page, site_url: str
) -> None:
    scenario = load_scenarios()["job-offer"]
    open_link(page, site_url, scenario=scenario.id, note=HOSTILE_NOTE)
    expect(page.locator(NOTE)).to_have_text(HOSTILE_NOTE)
    note_box = page.locator(".fl-workshop-note")
    assert note_box.locator("b, img, script").count() == 0
    wait_for_scorer(page)
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=dict(scenario.answers),
    )
    assert form_answers(page) == dict(scenario.answers)
    assert page.evaluate("window.__hostile") is None


def test_a_long_note_is_cut_to_the_limit_and_says_so(page: Page, site_url: str) -> None:
    note = "é" * (NOTE_LIMIT + 50)
    open_link(page, site_url, note=note)
    expect(page.locator(NOTE)).to_have_text("é" * NOTE_LIMIT + "…")
    expect(page.locator(".fl-workshop-note")).to_contain_text(
        f"longer than {NOTE_LIMIT} characters and is cut"
    )


def test_a_short_note_is_shown_whole_without_a_cut_message(page: Page, site_url: str) -> None:
    open_link(page, site_url, note="For the Thursday group")
    expect(page.locator(NOTE)).to_have_text("For the Thursday group")
    expect(page.locator(".fl-workshop-note")).not_to_contain_text("is cut")


def test_the_note_is_never_stored_nor_kept_in_the_address_or_a_copied_link(
    page: Page, site_url: str
) -> None:
    note = "Private note for the Tuesday group"
    open_link(page, site_url, note=note)
    expect(page.locator(NOTE)).to_have_text(note)
    assert "note" not in page.evaluate("location.href")
    page.locator("#q-kind-pay").check()
    wait_for_scorer(page)
    page.locator("[data-fl-copy]").click()
    link = page.locator("[data-fl-share-link]")
    link.wait_for()
    shared = link.input_value()
    assert "#code=" in shared  # a real link, so the next line checks something
    assert "note" not in shared and "Tuesday" not in shared
    stored = page.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])"
    )
    assert "Tuesday" not in stored
    page.reload()
    wait_for_scorer(page)
    expect(page.locator("#q-kind-pay")).to_be_checked()  # the answer was kept, the note was not
    assert page.locator(NOTE).count() == 0


def test_a_note_opened_while_the_page_shows_appears_at_once(page: Page, site_url: str) -> None:
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    page.evaluate("location.hash = 'note=' + encodeURIComponent('Second session')")
    expect(page.locator(NOTE)).to_have_text("Second session")
    assert "note" not in page.evaluate("location.hash")
