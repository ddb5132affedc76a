"""The reader's path in Firefox ESR and WebKitGTK (Safari's engine), checked against CPython.

A share link, an example link and a plain visit, each opened as a new page, as a reader
arriving from a newsletter would; on the plain visit one answer is clicked and the page
reloaded. Every result shown must equal `assessment.score()` here, and no request may leave
the site (the `watch` fixture).
"""

from __future__ import annotations

import random

import assessment
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    form_answers,
    random_answers,
    shown_numbers,
    wait_for_result,
    wait_for_scorer,
)
from tests.engines.watch import EngineWatch
from tests.support.engine_page import EnginePage

NOTICE = "[data-fl-notice]:not([hidden])"
CLICKED_QUESTION = "your-alternative"


def _open_fresh(page: EnginePage, url: str) -> None:
    # Through a blank page, so a link to the page already showing loads it anew, as a link
    # opened from a newsletter does, instead of only changing its fragment.
    page.goto("about:blank")
    page.goto(url)


def _wait_for_link_applied(page: EnginePage) -> str:
    """Waits until the link's answers are in the form and scored; returns the notice."""
    wait_for_scorer(page)
    # The notice appears in the same step that puts the link's answers in the form and asks
    # for their result, so the next current result is theirs.
    page.wait_for_selector(NOTICE)
    wait_for_result(page)
    text: str = page.evaluate("() => document.querySelector('[data-fl-notice-text]').textContent")
    return text


def test_a_share_link_an_example_link_and_a_saved_answer_score_as_cpython_does(
    engine: EnginePage, watch: EngineWatch, site: str
) -> None:
    shared = random_answers(random.Random(15), skip=0.3)
    _open_fresh(engine, f"{site}assessment/#code={assessment.encode(shared)}")
    assert "share link" in _wait_for_link_applied(engine)
    assert form_answers(engine) == shared
    assert comparable(shown_numbers(engine)) == expected_numbers(shared)
    assert engine.evaluate("() => location.hash") == ""  # a reload keeps the saved copy

    scenario = assessment.load_scenarios()["job-offer"]
    _open_fresh(engine, f"{site}assessment/#scenario=job-offer")
    assert scenario.title in _wait_for_link_applied(engine)
    assert form_answers(engine) == dict(scenario.answers)
    assert comparable(shown_numbers(engine)) == expected_numbers(dict(scenario.answers))

    _open_fresh(engine, f"{site}assessment/")
    wait_for_scorer(engine)
    wait_for_result(engine)
    before = form_answers(engine)
    assert before == dict(scenario.answers)  # kept in this engine from the last visit
    question = assessment.load_bank().question(CLICKED_QUESTION)
    option = next(o for o in question.option_ids if o != before.get(CLICKED_QUESTION))
    engine.click(f"label[for='q-{CLICKED_QUESTION}-{option}']")
    after = {**before, CLICKED_QUESTION: option}
    # Checking a radio button fires its change at once, which marks the result stale.
    engine.wait_for_selector(f"#q-{CLICKED_QUESTION}-{option}:checked")
    wait_for_result(engine)
    assert form_answers(engine) == after
    assert comparable(shown_numbers(engine)) == expected_numbers(after)

    engine.reload()
    # The page puts the saved answers back in the form as soon as its script runs, before
    # Python is ready: the clicked answer shows checked again.
    engine.wait_for_selector(f"#q-{CLICKED_QUESTION}-{option}:checked")
    assert form_answers(engine) == after
    wait_for_scorer(engine)
    wait_for_result(engine)
    assert form_answers(engine) == after
    assert comparable(shown_numbers(engine)) == expected_numbers(after)
