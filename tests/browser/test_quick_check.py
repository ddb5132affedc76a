"""The quick check: the bank's quick questions, scored by Python in the assessment's worker, with
the band, how sure it is and the next step, and a link that opens the full form with the answers."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

import assessment
from assessment.quick import quick_minutes, quick_questions
from build_scripts.assets import published_js
from build_scripts.fragments import STORAGE_KEY, WORKER_MODULE
from build_scripts.quick_check import STORAGE_KEY as QUICK_STORAGE_KEY
from tests.browser.assessment_helpers import START_TIMEOUT_MS, form_answers, wait_for_scorer

QUICK_PAGE = "assessment/quick-check/"
RESULT = "#fl-quick [data-fl-results]"


def quick_answers() -> dict[str, str]:
    """A complete quick check: about you strong answers, about them one "I don't know"."""
    answers = {q.id: q.scale[-2].id for q in quick_questions(assessment.load_bank())}
    answers["their-deadline"] = "unknown"
    return answers


def answer(page: Page, answers: dict[str, str]) -> None:
    for question, option in answers.items():
        page.locator(f"#q-{question}-{option}").check()


def wait_for_quick_result(page: Page) -> None:
    page.wait_for_selector(f"{RESULT}[data-fl-state='current']", timeout=START_TIMEOUT_MS)


def test_the_quick_check_asks_the_banks_quick_questions_and_says_how_long_they_take(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + QUICK_PAGE)
    bank = assessment.load_bank()
    asked = page.locator("#fl-quick fieldset[data-fl-question]")
    ids = [q.id for q in quick_questions(bank)]
    expect(asked).to_have_count(len(ids))
    assert [asked.nth(i).get_attribute("data-fl-question") for i in range(len(ids))] == ids
    duration = page.locator("#fl-quick [data-fl-duration]").inner_text()
    assert duration.startswith(f"{len(ids)} questions, about {quick_minutes(bank)} minutes.")


def test_a_complete_quick_check_shows_pythons_band_confidence_and_next_step(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + QUICK_PAGE)
    page.wait_for_selector("#fl-quick[data-scorer-state='ready']", timeout=START_TIMEOUT_MS)
    # The same worker, started the same way, as on the assessment page.
    assert any(worker.url.endswith(published_js(WORKER_MODULE)) for worker in page.workers)
    answers = quick_answers()
    answer(page, answers)
    wait_for_quick_result(page)
    expected = assessment.score(answers).to_dict()
    leverage, first = expected["leverage"], expected["advice"][0]
    assert leverage["band"] is not None
    band = page.locator("[data-fl-quick-band]").inner_text()
    assert band.startswith(leverage["band"]["label"])
    confidence = page.locator("[data-fl-quick-confidence]").inner_text()
    assert confidence.startswith(leverage["confidence"]["label"])
    assert leverage["them"]["confidence"] in confidence
    step = page.locator("[data-fl-quick-step]").inner_text()
    assert step.startswith(first["text"])
    expect(page.locator("#fl-quick [data-fl-announce]")).to_contain_text(leverage["band"]["label"])


def test_too_few_answers_say_what_is_still_needed_for_a_band(page: Page, site_url: str) -> None:
    page.goto(site_url + QUICK_PAGE)
    page.wait_for_selector("#fl-quick[data-scorer-state='ready']", timeout=START_TIMEOUT_MS)
    answers = {"your-alternative": "lead", "their-alternative": "unknown"}
    answer(page, answers)
    page.wait_for_function(
        "(n) => document.querySelectorAll('#fl-quick input:checked').length === n", arg=2
    )
    wait_for_quick_result(page)
    expected = assessment.score(answers).to_dict()["leverage"]
    assert expected["band"] is None
    shown = page.locator("[data-fl-quick-band]").inner_text()
    assert shown.startswith(expected["verdict"])
    for need in expected["still_needed"]:
        assert need["text"] in shown


def test_continue_opens_the_full_assessment_with_every_quick_answer(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + QUICK_PAGE)
    page.wait_for_selector("#fl-quick[data-scorer-state='ready']", timeout=START_TIMEOUT_MS)
    answers = quick_answers()
    answer(page, answers)
    wait_for_quick_result(page)
    # The quick answers are kept apart from the full assessment's.
    kept = json.loads(page.evaluate("(key) => localStorage.getItem(key)", QUICK_STORAGE_KEY))
    assert kept == {"bank": assessment.load_bank().version, "answers": answers}
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None
    link = page.locator("[data-fl-continue]")
    code = assessment.encode(answers)
    expect(link).to_have_attribute("href", re.compile(re.escape(f"/assessment/#code={code}") + "$"))
    link.click()
    page.wait_for_url(re.compile(r"/assessment/$"), timeout=START_TIMEOUT_MS)
    wait_for_scorer(page)
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-fl-form] input:checked').length === n",
        arg=len(answers),
        timeout=START_TIMEOUT_MS,
    )
    assert form_answers(page) == answers


def test_quick_answers_survive_a_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + QUICK_PAGE)
    answers = {"your-alternative": "firm-poor", "their-deadline": "unknown"}
    answer(page, answers)
    page.reload()
    page.wait_for_selector("#fl-quick[data-scorer-state='ready']", timeout=START_TIMEOUT_MS)
    checked = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("#fl-quick input:checked")]
             .map((input) => [input.name, input.value]))"""
    )
    assert checked == answers
