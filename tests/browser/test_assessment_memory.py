"""Answers are kept in this browser only, survive a reload, can be cleared, and survive damage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

import assessment
from build_scripts.fragments import STORAGE_KEY
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    saved,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer


def _save_before_load(page: Page, text: str) -> None:
    # Runs before the page's own scripts, and only until the page has stored something.
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(text)}); }}"
    )


def test_answers_survive_a_reload_and_clear_removes_them(page: Page, site_url: str) -> None:
    answers = {"your-alternative": "firm-poor", "their-deadline": "none", "gifts": "none"}
    page.goto(site_url + "assessment/?utm_source=newsletter")
    for question_id, option_id in answers.items():
        page.locator(f"#q-{question_id}-{option_id}").check()
    # Only the answers and the bank version they answer, nothing from the URL.
    assert stored_answers(page) == saved(answers)

    page.reload()
    assert form_answers(page) == answers
    wait_for_scorer(page)
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(answers)

    page.get_by_role("button", name="Clear my answers").click()
    assert form_answers(page) == {}
    assert stored_answers(page) is None
    expect(page.locator("[data-fl-answered-text]")).to_have_text(
        f"0 of {len(assessment.load_bank().questions)} answered"
    )
    expect(page.locator("[data-fl-results-empty]")).to_be_visible()
    page.get_by_role("button", name="Undo").click()
    assert form_answers(page) == answers
    assert stored_answers(page) == saved(answers)


@pytest.mark.parametrize(
    ("stored", "kept", "message"),
    [
        ("{not json", {}, "damaged and could not be read"),
        ("[1, 2, 3]", {}, "damaged and could not be read"),
        (
            json.dumps(
                saved(
                    {
                        "your-alternative": "firm-similar",
                        "no-such-question": "yes",
                        "future-with-you": "<img src=x onerror=alert(1)>",
                    }
                )
            ),
            {"your-alternative": "firm-similar"},
            "2 answers were left out, and 1 answer was restored",
        ),
    ],
    ids=["invalid-json", "wrong-shape", "unknown-ids-and-values"],
)
def test_damaged_saved_answers_are_recovered_with_a_message(
    page: Page, site_url: str, stored: str, kept: dict[str, str], message: str
) -> None:
    _save_before_load(page, stored)
    page.goto(site_url + "assessment/")
    expect(page.locator("[data-fl-notice-text]")).to_contain_text(message)
    assert form_answers(page) == kept
    assert stored_answers(page) == (saved(kept) if kept else None)  # the damage is repaired
    assert page.locator("img[src='x']").count() == 0
    page.locator("#q-future-with-you-lots").check()  # the form goes on working
    assert stored_answers(page) == saved({**kept, "future-with-you": "lots"})


def test_a_link_replaces_saved_answers_but_offers_them_back_on_every_visit(
    page: Page, site_url: str
) -> None:
    mine = {"your-alternative": "none", "future-with-you": "little"}
    _save_before_load(page, json.dumps(saved(mine)))
    scenario = dict(assessment.load_scenarios()["sole-supplier"].answers)
    page.goto(f"{site_url}assessment/#scenario=sole-supplier")
    assert form_answers(page) == mine  # until Python has read the link
    wait_for_scorer(page)
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("Your previous answers (2 answers) are kept")
    assert form_answers(page) == scenario
    assert stored_answers(page) == saved(scenario, previous=mine)
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(scenario)

    # A plain visit later: no notice about a link long gone, but the way back is still there.
    page.reload()
    wait_for_scorer(page)
    wait_for_result(page)
    assert form_answers(page) == scenario
    expect(page.locator("[data-fl-notice]")).to_be_hidden()
    page.get_by_role("button", name="Restore my previous answers").click()
    expect(notice).to_contain_text("Your previous answers are back")
    assert form_answers(page) == mine
    assert stored_answers(page) == saved(mine)
    expect(page.get_by_role("button", name="Restore my previous answers")).to_be_hidden()
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(mine)


def test_a_link_with_the_answers_already_saved_keeps_no_previous_copy(
    page: Page, site_url: str
) -> None:
    scenario = dict(assessment.load_scenarios()["job-offer"].answers)
    _save_before_load(page, json.dumps(saved(scenario)))
    page.goto(f"{site_url}assessment/#code={assessment.encode(scenario)}")
    wait_for_scorer(page)
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("The form now shows the answers from the share link you opened.")
    expect(notice).not_to_contain_text("previous")
    expect(page.get_by_role("button", name="Restore my previous answers")).to_be_hidden()
    assert stored_answers(page) == saved(scenario)
