"""Answers from an older question bank keep working: a share link from a newsletter years ago,
and answers the first page saved in this browser. Python carries them over to the questions as
they are now, and the page names, with the engine's reason, each answer it could not carry over.

The links and answers are real ones from version 1, kept in tests/unit/data/share_codes.toml.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from assessment import browser
from build_scripts.fragments import STORAGE_KEY
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    saved,
    shown_numbers,
    stored_answers,
    wait_for_result,
    wait_for_scorer,
)

CODES = Path(__file__).parents[1] / "unit" / "data" / "share_codes.toml"
RELEASED: list[dict[str, Any]] = tomllib.loads(CODES.read_text(encoding="utf-8"))["codes"]


def _version_1(note: str) -> dict[str, Any]:
    return next(entry for entry in RELEASED if entry["bank"] == "1" and entry["note"] == note)


def _python(request: dict[str, Any]) -> dict[str, Any]:
    """What the package, in CPython, answers the page's request."""
    response: dict[str, Any] = json.loads(browser.handle(json.dumps(request)))
    assert response["ok"], response
    return response


def _save_before_load(page: Page, stored: dict[str, Any]) -> None:
    # Runs before the page's own scripts, and only until the page has stored something.
    page.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(stored))}); }}"
    )


def _names_each_dropped_answer(notice: Locator, dropped: list[dict[str, str]]) -> None:
    items = notice.locator("li")
    expect(items).to_have_count(len(dropped))
    for item, answer in zip(items.all(), dropped, strict=True):
        expect(item).to_contain_text(answer["text"])
        expect(item).to_contain_text(answer["reason"])


@pytest.mark.parametrize("note", ["scenario job-offer", "random set 3 (seed 20261201)"])
def test_an_old_share_link_opens_and_names_each_answer_it_could_not_carry_over(
    page: Page, site_url: str, note: str
) -> None:
    code = _version_1(note)["code"]
    opened = _python({"op": "decode", "code": code})
    assert opened["translated"] and opened["dropped"]
    page.goto(f"{site_url}assessment/#code={code}")
    wait_for_scorer(page)
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("The form now shows the answers from the share link you opened.")
    expect(notice).to_contain_text(opened["notice"])
    _names_each_dropped_answer(notice, opened["dropped"])
    wait_for_result(page)
    assert form_answers(page) == opened["answers"]
    assert comparable(shown_numbers(page)) == expected_numbers(opened["answers"])
    assert stored_answers(page) == saved(opened["answers"])


def test_answers_saved_by_the_first_page_are_carried_over_explained_and_saved_anew(
    page: Page, site_url: str
) -> None:
    # The first page stored {"answers": ...} (and "previous" after a link), with no version.
    mine = _version_1("scenario sole-supplier")["answers"]
    before_link = _version_1("random set 1 (seed 20261201)")["answers"]
    _save_before_load(page, {"answers": mine, "previous": before_link})
    carried = _python({"op": "translate", "answers": mine, "version": "1"})
    previous = _python({"op": "translate", "answers": before_link, "version": "1"})
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("Your saved answers were given to version 1 of the questions")
    expect(notice).to_contain_text(f"{len(carried['answers'])} answers were carried over")
    _names_each_dropped_answer(notice, carried["dropped"])
    wait_for_result(page)
    assert form_answers(page) == carried["answers"]
    assert comparable(shown_numbers(page)) == expected_numbers(carried["answers"])
    # Saved again with the version they now answer: the next visit needs no carrying over.
    assert stored_answers(page) == saved(carried["answers"], previous=previous["answers"])
    expect(page.get_by_role("button", name="Restore my previous answers")).to_be_visible()
    page.reload()
    wait_for_scorer(page)
    wait_for_result(page)
    expect(page.locator("[data-fl-notice]")).to_be_hidden()
    assert form_answers(page) == carried["answers"]


def test_damaged_answers_in_an_old_saved_copy_are_left_out_and_counted(
    page: Page, site_url: str
) -> None:
    sound = {"your-alternative": "similar", "their-alternative": "poor", "trust": "strong"}
    _save_before_load(page, {"answers": {**sound, "no-such-question": "yes", "their-deadline": 3}})
    carried = _python({"op": "translate", "answers": sound, "version": "1"})
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    notice = page.locator("[data-fl-notice-text]")
    expect(notice).to_contain_text("2 saved answers were damaged and left out.")
    _names_each_dropped_answer(notice, carried["dropped"])
    wait_for_result(page)
    assert form_answers(page) == carried["answers"]
    assert stored_answers(page) == saved(carried["answers"])


def test_an_old_saved_copy_is_kept_as_it_was_while_python_cannot_start(
    page: Page, site_url: str
) -> None:
    old = {"answers": _version_1("scenario job-offer")["answers"]}
    _save_before_load(page, old)
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(site_url + "assessment/")
    wait_for_scorer(page, "failed")
    page.locator("#q-kind-pay").check()
    # The reader's new answer is saved beside the old copy, which waits untouched.
    assert stored_answers(page) == {**saved({"kind": "pay"}), "old": {**old, "bank": "1"}}
