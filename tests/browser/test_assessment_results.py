"""The live result: the numbers CPython computes, sharing, example links, export and print."""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Dialog, Page, expect

import assessment
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    random_answers,
    set_answers,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer

SCHEMA = Path(assessment.__file__).parent / "schema" / "result.schema.json"
CAMPAIGN = "?utm_source=newsletter&utm_medium=email&utm_campaign=spring"


def _bad_code_message(code: str) -> str:
    with pytest.raises(assessment.BadCode) as error:
        assessment.decode(code)
    return error.value.message


def test_the_numbers_shown_are_those_cpython_computes_for_random_answer_sets(
    page: Page, site_url: str
) -> None:
    rng = random.Random(20240601)
    answer_sets = [random_answers(rng, skip=skip) for skip in [0.0, 0.1, 0.3, 0.5, 0.9] * 5]
    page.goto(site_url + "assessment/" + CAMPAIGN)
    wait_for_scorer(page)
    for answers in answer_sets:
        set_answers(page, answers)
        shown = shown_numbers(page)
        if not answers:
            continue
        assert comparable(shown) == expected_numbers(answers), answers
        # The bars carry the same numbers as the table beside them.
        for dimension_id, (you, them) in comparable(shown)["leverage"].items():
            you_text, them_text = shown["bars"][dimension_id]
            assert you_text == ("You: \u2013" if you is None else f"You {you:.1f}")
            if them is not None:
                assert them_text == f"Them {them:.1f}"


def test_share_link_round_trips_and_never_carries_campaign_parameters(
    page: Page, site_url: str
) -> None:
    answers = random_answers(random.Random(3), skip=0.25)
    page.goto(site_url + "assessment/" + CAMPAIGN)
    wait_for_scorer(page)
    set_answers(page, answers)
    page.get_by_role("button", name="Copy link").click()
    link = page.locator("[data-fl-share-link]")
    expect(link).to_have_value(f"{site_url}assessment/#code={assessment.encode(answers)}")
    shared = link.input_value()
    assert "utm_" not in shared
    assert stored_answers(page) == {"answers": answers}

    # Someone else opens the link in a fresh browser.
    other = page.context.browser.new_context()  # type: ignore[union-attr]
    try:
        reader = other.new_page()
        reader.goto(shared)
        wait_for_scorer(reader)
        wait_for_result(reader)
        expect(reader.locator("[data-fl-notice-text]")).to_contain_text("share link")
        assert form_answers(reader) == answers
        assert comparable(shown_numbers(reader)) == expected_numbers(answers)
        assert reader.evaluate("location.hash") == ""  # a reload keeps their own saved copy
    finally:
        other.close()


def test_garbled_and_hostile_links_are_inert_and_explained(page: Page, site_url: str) -> None:
    dialogs: list[Dialog] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
    answers = {"your-alternative": "better", "trust": "strong"}
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    set_answers(page, answers)
    good = assessment.encode(random_answers(random.Random(5)))
    scripts = page.locator("script").count()
    notice = page.locator("[data-fl-notice-text]")
    hostile = [
        ("code", "<img src=x onerror=alert(1)>", _bad_code_message("<img src=x onerror=alert(1)>")),
        ("code", good[:-4], _bad_code_message(good[:-4])),
        ("code", good[:-6] + "AAAA" + good[-2:], _bad_code_message(good[:-6] + "AAAA" + good[-2:])),
        ("code", "fl1.99.AAAA", _bad_code_message("fl1.99.AAAA")),
        ("scenario", "<script>alert(1)</script>", "There is no scenario"),
        ("scenario", '"><svg onload=alert(1)>', "There is no scenario"),
    ]
    for kind, value, message in hostile:
        page.evaluate("([kind, value]) => { location.hash = `${kind}=${value}`; }", [kind, value])
        expect(notice).to_contain_text(message)
        expect(notice).to_contain_text("Your own answers are unchanged.")
        assert form_answers(page) == answers
        page.get_by_role("button", name="Dismiss").click()
    assert dialogs == []
    assert page.locator("script").count() == scripts
    assert page.locator("img[src='x'], svg[onload], [onerror]").count() == 0
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


@pytest.mark.parametrize("scenario_id", ["job-offer", "fabricated-offer"])
def test_example_links_fill_in_the_example_answers(
    page: Page, site_url: str, scenario_id: str
) -> None:
    scenario = assessment.load_scenarios()[scenario_id]
    page.goto(f"{site_url}assessment/#scenario={scenario_id}")
    wait_for_scorer(page)
    expect(page.locator("[data-fl-notice-text]")).to_contain_text(scenario.title)
    wait_for_result(page)
    assert form_answers(page) == dict(scenario.answers)
    assert comparable(shown_numbers(page)) == expected_numbers(dict(scenario.answers))
    result = assessment.score(scenario.answers).to_dict()
    for flag in result["ethics"]["red_flags"]:
        item = page.locator(f"[data-fl-red-flag='{flag['question']}']")
        expect(item).to_contain_text(flag["fair_alternative"])
        href = item.get_by_role("link").get_attribute("href")
        assert href == site_url + flag["link"]["href"]
    for suggestion in result["what_if"]:
        expect(page.locator(f"[data-fl-what-if='{suggestion['question']}']")).to_contain_text(
            suggestion["action"]
        )


def test_the_result_downloads_as_json_that_matches_the_schema(page: Page, site_url: str) -> None:
    answers = random_answers(random.Random(9), skip=0.2)
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    set_answers(page, answers)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download result (JSON)").click()
    download = info.value
    assert download.suggested_filename == "fair-leverage-result.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data == assessment.score(answers).to_dict()

    # The print view shows the answers and the result, without the form's controls.
    page.emulate_media(media="print")
    expect(page.locator("[data-fl-form]")).to_be_hidden()
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    printed = page.locator("[data-fl-print-answers]")
    expect(printed).to_be_visible()
    bank = assessment.load_bank()
    first_answered = next(q for q in bank.questions if q.id in answers)
    expect(printed).to_contain_text(first_answered.option(answers[first_answered.id]).label)
    expect(page.locator("[data-fl-value=balance]")).to_be_visible()
