"""Printing the assessment puts the result first: on the first A4 or Letter page the balance, its
verdict, the plan's verdict and the first thing to do; the answers and the details after it.

The page is printed by Chromium itself (`page.pdf`, as the print dialog does) and each printed
page's text is read back from the PDF (tests/support/pdf_text.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

import assessment
from tests.browser.assessment_helpers import wait_for_result, wait_for_scorer
from tests.support.pdf_text import pages_text


def _squashed(text: str) -> str:
    # Printing wraps lines and splits text runs anywhere: compare text without any spacing.
    return re.sub(r"\s+", "", text)


def _printed(page: Page, paper: str) -> list[str]:
    return [_squashed(text) for text in pages_text(page.pdf(format=paper))]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("scenario_id", ["job-offer", "personal-gift", "freelance-first-client"])
def test_the_first_printed_page_holds_the_verdicts_and_first_advice_and_not_the_answers(
    page: Page, site_url: str, scenario_id: str, paper: str
) -> None:
    answers = dict(assessment.load_scenarios()[scenario_id].answers)
    page.goto(f"{site_url}assessment/#scenario={scenario_id}")
    wait_for_scorer(page)
    expect(page.locator("[data-fl-notice]")).to_be_visible()
    wait_for_result(page)
    result = assessment.score(answers).to_dict()
    leverage, ethics = result["leverage"], result["ethics"]
    pages = _printed(page, paper)
    first, rest = pages[0], "".join(pages[1:])

    expected_first = [leverage["verdict"], ethics["verdict"]["label"], result["advice"][0]["text"]]
    if leverage["band"]:
        expected_first += [f"{leverage['balance']:+.1f}", leverage["band"]["label"]]
    else:
        expected_first += [need["text"] for need in leverage["still_needed"]]
    for text in expected_first:
        assert _squashed(text) in first, f"not on the first {paper} page: {text!r}"

    # The answers, question by question (worded for the kind chosen), come after the result,
    # never on its first page.
    bank = assessment.load_bank()
    kind = answers.get(bank.kind_question.id)
    for number, question in enumerate(bank.questions, start=1):
        side = f"{bank.side_words(question.side).label} " if question.side else ""
        asked = _squashed(f"{number}. {side}{question.text_for(kind)}")
        assert asked not in first, f"an answer is on the first page: {question.id}"
        assert asked in rest, f"an answer is missing from the print: {question.id}"
    assert rest.index(_squashed("Your answers")) > rest.index(_squashed("Your preparation"))
