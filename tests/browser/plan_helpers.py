"""Helpers for the plan page's tests: fill the form as a reader would, wait for Python's check,
read back what the page shows and keeps. Facts come from the package and the build, never typed."""

from __future__ import annotations

import itertools
import json
from typing import Any

from playwright.sync_api import Page

from assessment import load_bank
from assessment.plan import parse_plan, warning_questions
from assessment.plan_fields import FIELDS, to_form
from assessment.plan_files import load_example
from build_scripts.fragments import PLAN_STORAGE_KEY, PLAN_URL, STORAGE_KEY
from tests.browser.assessment_helpers import START_TIMEOUT_MS

PLAN = "#fl-plan"
CHECKS = "[data-fl-checks]"

_READ_FORM = """() => {
  const values = {};
  for (const control of document.querySelector("[data-fl-form]").elements) {
    const name = control.getAttribute("name");
    if (!name || (control.type === "radio" && !control.checked)) continue;
    if (control.value) values[name] = control.value;
  }
  return values;
}"""


def example_form(example_id: str) -> dict[str, str]:
    """A worked example's plan as the plan page's form values."""
    return to_form(load_example(example_id).to_dict())


def open_plan(page: Page, site_url: str, fragment: str = "") -> None:
    page.goto(site_url + PLAN_URL + fragment)
    wait_for_plan(page)


def wait_for_plan(page: Page) -> None:
    """Python has started and the plan as the form shows it has been checked and drawn."""
    page.wait_for_selector(f"{PLAN}[data-scorer-state='ready']", timeout=START_TIMEOUT_MS)
    wait_for_checks(page)


def wait_for_checks(page: Page) -> None:
    page.wait_for_selector(f"{CHECKS}[data-fl-state='current']")


def fill_plan(page: Page, form: dict[str, str]) -> None:
    """Types and ticks every value as a reader would: text typed, radios clicked, lists chosen."""
    for name, value in form.items():
        control = page.locator(f"[data-fl-form] [name='{name}']")
        kind = control.first.evaluate("(c) => c.type")
        if kind == "radio":
            page.locator(f"[data-fl-form] [name='{name}'][value='{value}']").check()
        elif kind == "select-one":
            control.select_option(value)
        else:
            control.fill(value)


def form_values(page: Page) -> dict[str, str]:
    values: dict[str, str] = page.evaluate(_READ_FORM)
    return values


def stored_plan(page: Page) -> Any:
    text = page.evaluate("(key) => localStorage.getItem(key)", PLAN_STORAGE_KEY)
    return None if text is None else json.loads(text)


def store_before_load(page: Page, key: str, text: str) -> None:
    """Puts a record in storage before the page's own scripts run, once per browser tab."""
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded:{key}')) {{"
        f" sessionStorage.setItem('seeded:{key}', '1');"
        f" localStorage.setItem({json.dumps(key)}, {json.dumps(text)}); }}"
    )


def store_answers_before_load(page: Page, answers: dict[str, str]) -> None:
    """The assessment's answers, saved the way the assessment page saves them."""
    store_before_load(page, STORAGE_KEY, json.dumps({"answers": answers}))


def notes(page: Page, field: str) -> str:
    """The notes drawn beside one field (its own, not those of the fields inside it)."""
    return page.locator(f"[data-fl-field='{field}'] > [data-fl-notes]").inner_text()


def full_plan() -> dict[str, str]:
    """A plan with every field at its limit, in ordinary words: the most a reader can print."""
    sentence = "we would like a longer contract with payment within thirty days as costs rose"
    words = sentence.split(" ")

    def prose(length: int, start: int = 0) -> str:
        text = ""
        for word in itertools.islice(itertools.cycle(words), start, None):
            if len(text) + len(word) + 1 > length:
                return text.capitalize()
            text = f"{text} {word}".strip()
        raise AssertionError("unreachable")

    concessions, trades = FIELDS["concessions"], FIELDS["trades"]
    steps = [70000 - sum(3000 - 500 * k for k in range(n + 1)) for n in range(concessions.limit)]
    data: dict[str, Any] = {
        "deal": prose(FIELDS["deal"].limit),
        "better": "higher",
        "unit": "£",
        "alternative_note": prose(FIELDS["alternative_note"].limit, 3),
        "alternative": 50000,
        "walk_away": 48000,
        "walk_away_reason": prose(FIELDS["walk_away_reason"].limit, 5),
        "target": 58000,
        "opening": 70000,
        "their_likely_limit": 65000,
        "concessions": [
            {"to": to, "in_return": prose(concessions.column("in_return").limit, n)}
            for n, to in enumerate(steps)
        ],
        "trades": [
            {"issue": prose(trades.column("issue").limit, n), "to_you": "some", "to_them": "a-lot"}
            for n in range(trades.limit)
        ],
        "interests": [
            prose(FIELDS["interests"].item_limit, n) for n in range(FIELDS["interests"].limit)
        ],
        "find_out": [
            prose(FIELDS["find_out"].item_limit, n) for n in range(FIELDS["find_out"].limit)
        ],
        "first_words": prose(FIELDS["first_words"].limit, 7),
        "warning": prose(FIELDS["warning"].limit, 9),
        "warning_answers": {
            q.id: next(o.id for o in q.options if o.level is None)
            for q in warning_questions(load_bank())
        },
    }
    return to_form(parse_plan(data).to_dict())
