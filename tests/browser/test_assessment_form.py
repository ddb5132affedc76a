"""The assessment form: built from the bank, usable before Python starts, by keyboard and touch."""

from __future__ import annotations

import random
import threading

import pytest
from playwright.sync_api import Page, Route, expect

import assessment
from build_scripts.assets import published_js
from build_scripts.fragments import ENTRY_MODULE
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
from tests.support.axe import axe_violations

# axe checks the assessment itself; the theme's header, navigation and footer are shared by
# every page and checked with the rest of the site.
ASSESSMENT = "#fl-assessment"


# Each question as the reader sees it before choosing a kind of negotiation: the wording shown
# (innerText leaves out the hidden variants for other kinds), and the options in the page's order.
_FORM_STRUCTURE = """() => [...document.querySelectorAll("fieldset[data-fl-question]")].map(
  (set) => ({
  id: set.dataset.flQuestion,
  dimension: set.closest("[data-fl-dimension]").dataset.flDimension,
  legend: set.querySelector(":scope > legend").innerText,
  help: document.getElementById(set.getAttribute("aria-describedby"))?.innerText ?? null,
  options: [...set.querySelectorAll("input[type=radio]")].map((input) => ({
    name: input.name, value: input.value, label: input.labels[0].innerText.trim(),
  })),
}))"""


def test_every_question_of_the_bank_is_a_fieldset_with_legend_labels_and_help(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)  # the plan's options are in this visit's order by then
    bank = assessment.load_bank()
    shown = page.evaluate(_FORM_STRUCTURE)
    # In bank order, grouped by part and idea: the kind of negotiation, leverage, preparation, plan.
    assert [item["id"] for item in shown] == [
        q.id
        for part in bank.parts
        for d in bank.dimensions_of(part.id)
        for q in bank.questions_in(d.id)
    ]
    for item in shown:
        question = bank.question(item["id"])
        assert item["dimension"] == question.dimension
        assert question.text in item["legend"]
        assert item["help"] == question.help
        options = [
            {"name": question.id, "value": option.id, "label": option.label}
            for option in question.options
        ]
        if question.shuffle:  # the same options, in an order of their own
            options.sort(
                key=lambda option: [o["value"] for o in item["options"]].index(option["value"])
            )
        assert item["options"] == options
    for part in bank.parts:
        dimensions = bank.dimensions_of(part.id)
        for dimension in dimensions if len(dimensions) > 1 else ():
            expect(page.locator(f"[data-fl-dimension='{dimension.id}'] h3")).to_have_text(
                dimension.title
            )
    duration = page.locator("[data-fl-duration]")
    expect(duration).to_contain_text(
        f"{len(bank.questions)} questions, about {bank.minutes} minutes"
    )


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_questions_are_readable_and_the_worksheet_is_offered(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/")
    first = assessment.load_bank().questions[0]
    expect(page.locator(f"#q-{first.id} legend")).to_be_visible()
    expect(page.locator(f"#q-{first.id} legend")).to_contain_text(first.text)
    worksheet = page.locator("noscript a", has_text="printable worksheet")
    assert worksheet.get_attribute("href") == "../assessment/worksheet/"


def test_answers_given_while_python_starts_are_scored_once_it_is_ready(
    page: Page, site_url: str, pyodide_python: str, held_python: threading.Event
) -> None:
    page.goto(site_url + "assessment/")
    progress = page.get_by_role("progressbar", name="Starting Python in your browser")
    expect(progress).to_be_visible()
    # The page answers clicks while the worker loads Python (held back until the answer is given).
    assert page.locator("#fl-assessment").get_attribute("data-scorer-state") == "loading"
    page.locator("label[for='q-your-alternative-none']").click()
    expect(page.locator("[data-fl-answered-text]")).to_have_text(
        f"1 of {len(assessment.load_bank().questions)} answered"
    )
    assert page.locator("#fl-assessment").get_attribute("data-scorer-state") == "loading"
    held_python.set()
    wait_for_scorer(page)
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers({"your-alternative": "none"})
    expect(page.locator("[data-fl-python-version]")).to_contain_text(f"Python {pyodide_python}")


def _tab_to(page: Page, condition: str, limit: int = 250) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {condition}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


_OPTION_ORDER = """(name) => [...document.querySelectorAll(`input[name="${name}"]`)]
  .map((input) => input.value)"""


def test_the_assessment_can_be_completed_by_keyboard_alone(page: Page, site_url: str) -> None:
    bank = assessment.load_bank()
    rng = random.Random(7)
    chosen = {q.id: rng.randrange(len(q.options)) for q in bank.questions}
    page.goto(site_url + "assessment/")
    assert axe_violations(page, ASSESSMENT) == []
    wait_for_scorer(page)  # the plan's options are in this visit's order by then
    # Arrow keys follow the options as shown, which for the plan is this visit's own order.
    shown = {q.id: page.evaluate(_OPTION_ORDER, q.id) for q in bank.questions}
    expected_answers = {q.id: shown[q.id][chosen[q.id]] for q in bank.questions}
    # The theme's skip link jumps over the navigation to the page's content: the address
    # shows its fragment once the jump is done, and the next Tab starts from there.
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    target = skip.evaluate("(link) => link.hash")
    page.keyboard.press("Enter")
    page.wait_for_function("(target) => location.hash === target", arg=target)
    for number, question in enumerate(bank.questions, start=1):
        _tab_to(page, f"e.type === 'radio' && e.name === {question.id!r}")
        page.keyboard.press("Space")  # checks the first option of the group
        for _ in range(chosen[question.id]):
            page.keyboard.press("ArrowDown")  # moves to, and checks, the next option
        assert form_answers(page).get(question.id) == expected_answers[question.id]
        if number == len(bank.questions) // 2:
            wait_for_result(page)
            assert axe_violations(page, ASSESSMENT) == []  # half answered
    assert form_answers(page) == expected_answers
    wait_for_result(page)
    assert comparable(shown_numbers(page)) == expected_numbers(expected_answers)
    expect(page.locator("[data-fl-answered-text]")).to_have_text(
        f"{len(bank.questions)} of {len(bank.questions)} answered"
    )
    # The screen-reader summary says the verdict, politely.
    announce = page.locator("[data-fl-announce]")
    expect(announce).to_have_attribute("aria-live", "polite")
    leverage = assessment.score(expected_answers).to_dict()["leverage"]
    expect(announce).to_contain_text(
        leverage["band"]["label"] if leverage["band"] else leverage["verdict"]
    )
    # Sharing is reachable by keyboard too.
    _tab_to(page, "e.hasAttribute('data-fl-copy')")
    page.keyboard.press("Enter")
    code = assessment.encode(expected_answers)
    expect(page.locator("[data-fl-share-link]")).to_have_value(f"{site_url}assessment/#code={code}")
    assert axe_violations(page, ASSESSMENT) == []  # complete


@pytest.mark.browser_context_args(
    viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True
)
def test_on_a_phone_the_form_and_result_fit_the_screen_and_take_taps(
    page: Page, site_url: str
) -> None:
    bank = assessment.load_bank()
    rng = random.Random(11)
    answers = {q.id: rng.choice(q.option_ids) for q in bank.questions}
    page.goto(site_url + "assessment/")
    for question_id, option_id in answers.items():
        page.locator(f"label[for='q-{question_id}-{option_id}']").tap()
    wait_for_scorer(page)
    wait_for_result(page)
    assert form_answers(page) == answers
    assert comparable(shown_numbers(page)) == expected_numbers(answers)
    page.locator("#fl-results-title").scroll_into_view_if_needed()
    overflow = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1], f"horizontal scrolling: {overflow}"
    page.set_viewport_size({"width": 360, "height": 640})
    overflow = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1], f"horizontal scrolling at 360 px: {overflow}"
    # Every control a finger needs is at least 24 by 24 CSS pixels.
    targets = page.locator(
        "#fl-assessment label.fl-option, #fl-assessment button:visible, #fl-assessment summary"
    )
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, (
            targets.nth(index).inner_text(),
            box,
        )


def test_answers_ticked_before_the_page_script_arrives_are_kept(page: Page, site_url: str) -> None:
    # On a slow line the page module can arrive after the reader has started answering.
    held: list[Route] = []
    page.route(f"**/{published_js(ENTRY_MODULE)}", lambda route: held.append(route))
    # Module scripts hold back DOMContentLoaded, so wait for the form itself.
    page.goto(site_url + "assessment/", wait_until="commit")
    page.wait_for_selector("#fl-assessment footer, .md-footer", state="attached")
    early = {q.id: q.options[-1].id for q in assessment.load_bank().questions[:3]}
    for question_id, option_id in early.items():
        page.locator(f"label[for='q-{question_id}-{option_id}']").click()
    held[0].continue_()
    wait_for_scorer(page)
    wait_for_result(page)
    assert form_answers(page) == early
    assert comparable(shown_numbers(page)) == expected_numbers(early)
    assert stored_answers(page) == saved(early)
