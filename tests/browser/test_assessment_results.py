"""The live result: the numbers CPython computes, sharing, example links, export and print."""

from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Dialog, Page, expect

import assessment
from tests.browser.assessment_helpers import (
    bar_text,
    comparable,
    expected_numbers,
    form_answers,
    random_answers,
    saved,
    set_answers,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer
from tests.support.axe import axe_violations

SCHEMA = Path(assessment.__file__).parent / "schema" / "result.schema.json"
CODES = Path(__file__).parents[1] / "unit" / "data" / "share_codes.toml"
CAMPAIGN = "?utm_source=newsletter&utm_medium=email&utm_campaign=spring"


def _version_1_code() -> str:
    """A share link from the first version of the questions, as newsletters still carry."""
    codes = tomllib.loads(CODES.read_text(encoding="utf-8"))["codes"]
    return str(next(entry["code"] for entry in codes if entry["bank"] == "1" and entry["answers"]))


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
        # The bars say what the table beside them says: each side's points, or why none.
        dimensions = assessment.score(answers).to_dict()["leverage"]["dimensions"]
        assert shown["bars"] == {
            d["id"]: [bar_text("you", d["you"]), bar_text("them", d["them"])] for d in dimensions
        }


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
    assert stored_answers(page) == saved(answers)

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
    answers = {"your-alternative": "firm-better", "future-with-you": "lots"}
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


@pytest.mark.parametrize("scenario_id", ["job-offer", "fabricated-offer", "freelance-first-client"])
def test_example_links_fill_in_the_example_answers_and_draw_their_advice_and_plan(
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
    for problem in [*result["ethics"]["red"], *result["ethics"]["amber"]]:
        item = page.locator(f"[data-fl-problem='{problem['id']}']")
        expect(item).to_contain_text(problem["name"])
        expect(item).to_contain_text(problem["fair_alternative"])
        href = item.get_by_role("link").get_attribute("href")
        assert href == site_url + problem["link"]["href"]
    for advice in result["advice"]:
        item = page.locator(f"[data-fl-advice='{advice['action']}']")
        expect(item).to_contain_text(advice["text"])
        expect(item).to_contain_text(f"{advice['when']['label']} · {advice['effort']['label']}")
    for reading in result["read_next"]:
        expect(page.locator("[data-fl-section=read-next]")).to_contain_text(reading["why"])
    for need in result["leverage"]["still_needed"]:
        expect(page.locator(".fl-card--balance")).to_contain_text(need["text"])


def test_a_result_with_too_little_known_shows_what_is_still_needed_and_no_number(
    page: Page, site_url: str
) -> None:
    answers = {"your-alternative": "none", "standards-for-them": "unknown"}
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    set_answers(page, answers)
    leverage = assessment.score(answers).to_dict()["leverage"]
    assert leverage["band"] is None
    card = page.locator(".fl-card--balance")
    expect(card).to_contain_text(leverage["verdict"])
    for need in leverage["still_needed"]:
        expect(card.locator("[data-fl-need]", has_text=need["text"])).to_be_visible()
    # The question still needed is a link to it in the form.
    their_alternative = card.get_by_role(
        "link", name=assessment.load_bank().question("their-alternative").text
    )
    expect(their_alternative).to_have_attribute("href", "#q-their-alternative")
    expect(card.locator("[data-fl-value=balance], svg")).to_have_count(0)
    expect(page.locator("[data-fl-bar-summary]")).not_to_contain_text("Balance")
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


def test_answers_that_do_not_fit_together_are_noted_with_their_article(
    page: Page, site_url: str
) -> None:
    answers = {"your-alternative": "none", "other-offer": "written", "next-steps": "walk"}
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    set_answers(page, answers)
    notes = assessment.score(answers).to_dict()["notes"]
    assert len(notes) == 2
    for note in notes:
        item = page.locator(f"[data-fl-note='{note['id']}']")
        expect(item).to_contain_text(note["name"])
        expect(item).to_contain_text(note["text"])
        href = item.get_by_role("link").get_attribute("href")
        assert href == site_url + note["link"]["href"]
    assert comparable(shown_numbers(page)) == expected_numbers(answers)


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


@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_a_result_with_every_kind_of_panel_passes_axe_in_light_and_dark(
    page: Page, site_url: str, scheme: str, palette: str
) -> None:
    # Red and amber parts of the plan, a note, a balance near a band's edge, gaps, and the
    # notice of an old link that names what it could not carry over.
    answers = {
        **assessment.load_scenarios()["personal-gift"].answers,
        "your-alternative": "none",
        "other-offer": "written",
        "their-deadline": "unknown",
    }
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(f"{site_url}assessment/#code={_version_1_code()}")
    page.wait_for_function(
        "(palette) => document.body.dataset.mdColorScheme === palette", arg=palette
    )
    wait_for_scorer(page)
    expect(page.locator("[data-fl-notice-text] li").first).to_be_visible()
    set_answers(page, answers)
    result = assessment.score(answers).to_dict()
    assert result["ethics"]["red"] and result["ethics"]["amber"] and result["notes"]
    assert result["leverage"]["near_edge"] and result["leverage"]["gaps"]
    for details in page.locator("[data-fl-results-body] details").all():
        details.evaluate("(node) => { node.open = true; }")
    assert axe_violations(page, "#fl-assessment") == []
