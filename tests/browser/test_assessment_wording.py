"""What the reader sees of the questions: the wording for their kind of negotiation, the plan's
options in an order drawn for each visit (the bank's order in print, share codes unchanged), and
"I don't know" set apart from the scale."""

from __future__ import annotations

import random
from typing import Any

from playwright.sync_api import Page, expect

import assessment
from tests.browser.assessment_helpers import form_answers, wait_for_result, wait_for_scorer

# Each question as shown: the legend, the help and the option labels (innerText leaves out
# what is hidden), and the option values in the page's order.
_SHOWN = """() => Object.fromEntries([...document.querySelectorAll("fieldset[data-fl-question]")]
  .map((set) => [set.dataset.flQuestion, {
    legend: set.querySelector(":scope > legend").innerText,
    help: set.querySelector(".fl-question__help")?.innerText ?? null,
    labels: Object.fromEntries([...set.querySelectorAll("input[type=radio]")].map(
      (input) => [input.value, input.labels[0].innerText.trim()])),
    order: [...set.querySelectorAll("input[type=radio]")].map((input) => input.value),
  }]))"""

# The order of each shuffled question's options at the moment printing starts.
_RECORD_PRINT_ORDER = """() => {
  window.__printOrder = null;
  addEventListener("beforeprint", () => {
    window.__printOrder = Object.fromEntries([...document.querySelectorAll("[data-fl-shuffle]")]
      .map((list) => [list.closest("[data-fl-question]").dataset.flQuestion,
        [...list.querySelectorAll("input")].map((input) => input.value)]));
  });
}"""


def _shown(page: Page) -> dict[str, Any]:
    shown: dict[str, Any] = page.evaluate(_SHOWN)
    return shown


def _assert_worded_for(page: Page, kind: str | None) -> None:
    bank = assessment.load_bank()
    for question_id, shown in _shown(page).items():
        question = bank.question(question_id)
        assert shown["legend"].endswith(question.text_for(kind)), (question_id, kind)
        assert shown["help"] == question.help_for(kind), (question_id, kind)
        assert shown["labels"] == {o.id: o.label_for(kind) for o in question.options}


def test_choosing_a_kind_of_negotiation_rewords_the_questions_and_the_printed_answers(
    page: Page, site_url: str
) -> None:
    bank = assessment.load_bank()
    kinds = bank.kind_ids
    # Every kind whose wording differs somewhere from the default's is tried.
    varied = [k for k in kinds if any(q.help_for(k) != q.help for q in bank.questions)]
    assert len(varied) >= 2
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    _assert_worded_for(page, None)
    for kind in varied:
        page.locator(f"label[for='q-{bank.kind_question.id}-{kind}']").click()
        _assert_worded_for(page, kind)
    # A reload restores the answers, and with them the wording for the kind they chose.
    page.reload()
    wait_for_scorer(page)
    _assert_worded_for(page, varied[-1])
    answers = {q.id: q.option_ids[0] for q in bank.questions if q.id != bank.kind_question.id}
    page.evaluate(
        """(answers) => { for (const [name, value] of Object.entries(answers)) {
             document.querySelector(`input[name="${name}"][value="${value}"]`).click(); } }""",
        answers,
    )
    wait_for_result(page)
    page.emulate_media(media="print")
    printed = page.locator("[data-fl-print-answers] dd").all_inner_texts()
    kind = varied[-1]
    assert printed == [q.option(form_answers(page)[q.id]).label_for(kind) for q in bank.questions]


def test_the_plans_options_come_in_an_order_drawn_per_visit_and_answers_keep_their_code(
    page: Page, site_url: str
) -> None:
    bank = assessment.load_bank()
    shuffled = [q for q in bank.questions if q.shuffle]
    assert len(shuffled) >= 5
    rng = random.Random(3)
    answers = {q.id: rng.choice(q.option_ids) for q in shuffled}
    code = assessment.encode(answers)
    orders = []
    # With 10 questions of 4 or 5 options, two visits draw the same order once in about 10^18:
    # over 3 visits a page that never shuffles fails every time, and one that does, never.
    for _visit in range(3):
        page.goto(site_url + "assessment/")
        wait_for_scorer(page)
        shown = _shown(page)
        for question in bank.questions:
            order = shown[question.id]["order"]
            if question.shuffle:
                assert sorted(order) == sorted(question.option_ids)  # every option, once
            else:
                assert order == list(question.option_ids)  # only the plan's are shuffled
        orders.append(tuple(tuple(shown[q.id]["order"]) for q in shuffled))
        # The same answers, whatever their order on screen, make the same share code.
        page.get_by_role("button", name="Clear my answers").click()
        for question_id, option_id in answers.items():
            page.locator(f"label[for='q-{question_id}-{option_id}']").click()
        wait_for_result(page)
        page.get_by_role("button", name="Copy link").click()
        expect(page.locator("[data-fl-share-link]")).to_have_value(
            f"{site_url}assessment/#code={code}"
        )
    assert len(set(orders)) >= 2, "the plan's options came in the same order on every visit"


def test_printing_shows_the_plans_options_in_the_banks_order_and_the_visit_order_after(
    page: Page, site_url: str
) -> None:
    bank = assessment.load_bank()
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    before = {
        q.id: order["order"] for q, order in ((q, _shown(page)[q.id]) for q in bank.questions)
    }
    page.evaluate(_RECORD_PRINT_ORDER)
    page.pdf(format="A4")  # prints as the browser's print does: beforeprint, print, afterprint
    printed = page.evaluate("window.__printOrder")
    assert printed == {q.id: list(q.option_ids) for q in bank.questions if q.shuffle}
    after = _shown(page)
    assert {q.id: after[q.id]["order"] for q in bank.questions} == before


def test_i_dont_know_is_set_apart_from_the_scale_by_more_than_colour(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/")
    style = """(label) => { const s = getComputedStyle(label);
      return [s.borderTopStyle, s.fontStyle, parseFloat(s.marginTop)]; }"""
    unknown = page.locator("label[data-fl-unknown]")
    known = page.locator("label.fl-option:not([data-fl-unknown])")
    assert unknown.count() == sum(
        o.unknown for q in assessment.load_bank().questions for o in q.options
    )
    assert known.first.evaluate(style) == ["solid", "normal", 0]
    for index in range(unknown.count()):
        border, font, margin = unknown.nth(index).evaluate(style)
        assert (border, font) == ("dashed", "italic") and margin > 0
