"""The plan page (docs/assessment/plan.md) in Debian's Chromium: a plan written, checked by Python
as the reader types, saved with the answers and cleared with them, hinted from the saved
assessment, usable by keyboard alone and on a 360 px phone, and clean under axe in both schemes.
Every test also fails on a console error or a request to another origin (the `watch` fixture)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, Route, expect

import assessment
from assessment.plan import parse_plan, read_plan, warning_questions
from assessment.plan_checks import check_plan
from assessment.plan_fields import answer_name, from_form
from assessment.plan_hints import hints, prefill, read_assessment
from build_scripts.assets import published_js
from build_scripts.fragments import PLAN_STORAGE_KEY, PLAN_URL, STORAGE_KEY, WORKER_MODULE
from tests.browser.conftest import PageWatch
from tests.browser.plan_helpers import (
    PLAN,
    example_form,
    fill_plan,
    form_values,
    notes,
    open_plan,
    store_answers_before_load,
    store_before_load,
    stored_plan,
    wait_for_checks,
    wait_for_plan,
)
from tests.support.axe import axe_violations

BANK = assessment.load_bank()


def python_checks(form: dict[str, str]) -> assessment.plan_checks.Checks:
    read = read_plan(from_form(form), BANK)
    return check_plan(read.plan, BANK, read.problems)


def test_a_plan_typed_in_is_checked_by_python_saved_and_kept_over_a_reload(
    page: Page, site_url: str
) -> None:
    form = example_form("job-offer")
    open_plan(page, site_url)
    fill_plan(page, form)
    wait_for_checks(page)
    expect(page.locator("[data-fl-summary]")).to_have_text(python_checks(form).summary)
    assert stored_plan(page) == {"form": form}
    page.reload()
    assert form_values(page) == form
    wait_for_plan(page)
    expect(page.locator("[data-fl-summary]")).to_have_text("Your plan passes every check.")
    expect(page.locator("[data-fl-sheet-title]")).to_have_text("Negotiation plan: " + form["deal"])


def test_each_check_appears_beside_its_field_as_the_reader_types_and_goes_when_fixed(
    page: Page, site_url: str
) -> None:
    form = example_form("sole-supplier")
    open_plan(page, site_url)
    fill_plan(page, form)
    wait_for_checks(page)
    page.locator("[name='target']").fill("95")  # lower is better: above the walk-away point
    wait_for_checks(page)
    expected = [f for f in python_checks({**form, "target": "95"}).findings if f.field == "target"]
    assert len(expected) == 1 and expected[0].level == "fix"
    assert notes(page, "target") == f"To change: {expected[0].message}"
    expect(page.locator("[name='target']")).to_have_attribute("aria-invalid", "true")
    # The summary lists it, linked to the field.
    link = page.locator("[data-fl-findings] a", has_text=expected[0].message)
    expect(link).to_have_attribute("href", "#plan-target")
    page.locator("[name='target']").fill("45")
    wait_for_checks(page)
    assert notes(page, "target") == ""
    expect(page.locator("[name='target']")).not_to_have_attribute("aria-invalid", "true")


def test_a_concession_row_gets_its_own_message(page: Page, site_url: str) -> None:
    form = {**example_form("job-offer"), "concessions.2.to": "69700", "concessions.3.in_return": ""}
    open_plan(page, site_url)
    fill_plan(page, form)
    page.locator("[name='concessions.3.in_return']").fill("")
    wait_for_checks(page)
    findings = python_checks(form_values(page)).findings
    for finding in findings:
        assert notes(page, str(finding.field)).startswith("To change:"), finding
    assert {f.field for f in findings} == {"concessions.2.to", "concessions.3.in_return"}


@pytest.mark.parametrize("level", ["red", "amber"])
def test_the_warning_is_judged_by_the_banks_questions_and_rule(
    page: Page, site_url: str, level: str
) -> None:
    question = warning_questions(BANK)[0]
    option = next(o for o in question.options if o.level == level)
    open_plan(page, site_url, "#example=job-offer")
    page.locator(f"#plan-warning_answers-{question.id}-{option.id}").check()
    wait_for_checks(page)
    verdict = next(v for v in BANK.ethics_verdicts if v.level == level)
    expect(page.locator("[data-fl-warning-verdict]")).to_contain_text(verdict.label)
    lead = "To change:" if level == "red" else "To look at again:"
    assert notes(page, answer_name(question.id)) == (
        f"{lead} {option.flag}: {option.fair_alternative}"
    )


def test_the_saved_assessment_starts_the_plan_and_gives_hints_from_the_bank(
    page: Page, site_url: str
) -> None:
    answers = {
        "kind": "supply",
        "your-alternative": "lead",
        "their-alternative": "unknown",
        "their-deadline": "unknown",
        "other-offer": "invented",
        "next-steps": "walk",
    }
    store_answers_before_load(page, answers)
    open_plan(page, site_url)
    saved = read_assessment(answers, BANK.version, BANK)
    started = prefill(parse_plan({}, BANK), saved, BANK)
    assert form_values(page) == started  # what Python chose to start the plan with
    expect(page.locator("[data-fl-notice-text]")).to_contain_text("starts from your assessment")
    plan = read_plan(from_form(started), BANK).plan
    for hint in hints(plan, saved, BANK):
        assert hint.field is not None
        assert hint.text in notes(page, hint.field)
    assert "Your assessment says your alternative is" in notes(page, "alternative_note")
    red = BANK.question("other-offer").option("invented")
    assert f"{red.flag}, in your assessment: {red.fair_alternative}" in notes(page, "first_words")
    # "Start empty instead" takes the prefill back; nothing is filled in again.
    page.get_by_role("button", name="Start empty instead").click()
    wait_for_checks(page)
    assert form_values(page) == {}
    # A find-out hint can be added with one press, as Python wrote it.
    add = page.locator("[data-fl-field='find_out'] button", has_text="Add to the list").first
    add.click()
    wait_for_checks(page)
    assert len(page.locator("[name='find_out']").input_value().splitlines()) == 1


def test_damaged_assessment_answers_give_no_hints_and_say_why(page: Page, site_url: str) -> None:
    store_before_load(page, STORAGE_KEY, json.dumps({"answers": {"your-alternative": "maybe"}}))
    open_plan(page, site_url)
    expect(page.locator("[data-fl-general-notes]")).to_contain_text(
        "Your saved assessment answers could not be read"
    )
    assert form_values(page) == {}


def test_clear_on_the_assessment_removes_the_plan_and_undo_brings_it_back(
    page: Page, site_url: str
) -> None:
    form = example_form("small-business")
    store_before_load(page, PLAN_STORAGE_KEY, json.dumps({"form": form}))
    # Clear works whether or not Python has started: here it never does.
    held: list[Route] = []
    page.route(f"**/{published_js(WORKER_MODULE)}", lambda route: held.append(route))
    page.goto(site_url + "assessment/")
    page.locator("#q-your-alternative-lead").check()
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator("[data-fl-notice-text]")).to_contain_text(
        "Your answers and your negotiation plan were cleared"
    )
    assert page.evaluate("(key) => localStorage.getItem(key)", PLAN_STORAGE_KEY) is None
    page.get_by_role("button", name="Undo").click()
    assert stored_plan(page) == {"form": form}


def test_clear_my_plan_removes_only_the_plan_and_can_be_undone(page: Page, site_url: str) -> None:
    store_answers_before_load(page, {"your-alternative": "firm-better"})
    open_plan(page, site_url, "#example=job-offer")
    page.get_by_role("button", name="Clear my plan").click()
    wait_for_checks(page)
    assert form_values(page) == {} and stored_plan(page) is None
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is not None
    page.get_by_role("button", name="Undo").click()
    wait_for_checks(page)
    assert form_values(page) == example_form("job-offer")


@pytest.mark.parametrize(
    ("saved", "kept", "message"),
    [
        ("{not json", {}, "damaged and could not be read"),
        ("[1, 2]", {}, "damaged and could not be read"),
        (
            json.dumps({"form": {"deal": "Rent", "target": 5, "nope": "x", "opening": "<b>1</b>"}}),
            {"deal": "Rent", "opening": "<b>1</b>"},
            "2 fields were left out",
        ),
    ],
    ids=["invalid-json", "wrong-shape", "unknown-and-wrong-fields"],
)
def test_a_damaged_saved_plan_is_repaired_and_what_was_saved_can_be_downloaded(
    page: Page, site_url: str, saved: str, kept: dict[str, str], message: str
) -> None:
    store_before_load(page, PLAN_STORAGE_KEY, saved)
    open_plan(page, site_url)
    expect(page.locator("[data-fl-notice-text]")).to_contain_text(message)
    assert form_values(page) == kept
    assert page.locator(PLAN + " b").count() == 0  # stored text is only ever text
    with page.expect_download() as download:
        page.get_by_role("button", name="Download what was saved").click()
    assert download.value.path().read_text(encoding="utf-8") == saved


def test_the_plan_can_be_written_and_shared_by_keyboard_alone(page: Page, site_url: str) -> None:
    form = example_form("job-offer")
    open_plan(page, site_url)
    assert axe_violations(page, PLAN) == []
    typed = {name: value for name, value in form.items() if "\n" not in value}
    for name, value in typed.items():
        _tab_to(page, f"e.name === {name!r}")
        kind = page.evaluate("document.activeElement.type")
        if kind == "radio":
            page.keyboard.press("Space")
            while page.evaluate("document.activeElement.value") != value:
                page.keyboard.press("ArrowDown")
        elif kind == "select-one":
            while page.evaluate("document.activeElement.value") != value:
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(value)
    wait_for_checks(page)
    assert {k: v for k, v in form_values(page).items() if k in typed} == typed
    _tab_to(page, "e.hasAttribute('data-fl-copy')")
    page.keyboard.press("Enter")
    expect(page.locator("[data-fl-share-link]")).to_have_value(
        f"{site_url}{PLAN_URL}#plan={assessment.encode_plan(parse_plan(from_form(typed), BANK))}"
    )
    announce = page.locator("[data-fl-announce]")
    expect(announce).to_have_attribute("aria-live", "polite")
    expect(announce).not_to_be_empty()
    assert axe_violations(page, PLAN) == []


def _tab_to(page: Page, condition: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {condition}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


@pytest.mark.browser_context_args(
    viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True
)
def test_on_a_360_px_phone_the_plan_fits_the_screen_and_takes_taps(
    page: Page, site_url: str
) -> None:
    open_plan(page, site_url, "#example=sole-supplier")
    page.locator("[name='concessions.2.to']").fill("35")  # a step that shrinks the wrong way
    page.locator("label[for='plan-warning_answers-next-steps-hint']").tap()
    wait_for_checks(page)
    for part in ("[data-fl-checks]", "[data-fl-sheet]", "[data-fl-field='trades']"):
        page.locator(part).scroll_into_view_if_needed()
        widths = page.evaluate(
            "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"horizontal scrolling at {part}: {widths}"
    targets = page.locator(
        f"{PLAN} label.fl-plan__option, {PLAN} button:visible,"
        f" {PLAN} input:visible:not([type=radio]), {PLAN} select:visible"
    )
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, box


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_plan_with_notes_hints_and_its_sheet_passes_axe(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    store_answers_before_load(
        page, {"your-alternative": "none", "their-alternative": "unknown", "gifts": "personal"}
    )
    open_plan(page, site_url, "#example=small-business")
    page.locator("[name='opening']").fill("4")
    page.locator("#plan-warning_answers-escalation-without-notice").check()
    wait_for_checks(page)
    assert (
        page.locator(".fl-plan-note--fix").count() and page.locator(".fl-plan-note--review").count()
    )
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    assert (
        axe_violations(
            page, PLAN, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
        )
        == []
    )


def test_one_python_serves_the_plan_and_the_assessment_across_instant_navigation(
    instant_navigation: Page, site_url: str, watch: PageWatch
) -> None:
    page = instant_navigation
    open_plan(page, site_url)

    def scorers() -> int:
        return sum("scorer-worker" in worker.url for worker in page.workers)

    assert scorers() == 1
    page.locator("a.md-nav__link", has_text="The assessment").first.click()
    page.wait_for_selector("#fl-assessment[data-scorer-state='ready']")
    page.locator("a.md-nav__link", has_text="Your negotiation plan").first.click()
    wait_for_plan(page)
    assert scorers() == 1
    assert watch.foreign_requests == []
