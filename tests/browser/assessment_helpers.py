"""Helpers for the assessment page tests: fill answers, await Python's result, read the numbers.

They take any page with Playwright's `evaluate` and `wait_for_selector`: Chromium's Playwright
`Page` here, and Firefox's and WebKit's pages in tests/engines (tests/support/engine_page.py),
so every engine is checked against one definition of what the page must show.
"""

from __future__ import annotations

import json
import random
from typing import Any, Protocol

import assessment
from build_scripts.fragments import STORAGE_KEY

RESULTS = "[data-fl-results]"
START_TIMEOUT_MS = 60_000


class PageLike(Protocol):
    def evaluate(self, expression: str, arg: Any = None, /) -> Any: ...

    def wait_for_selector(self, selector: str, /, *, timeout: float = ...) -> Any: ...


_SET_ANSWERS = """(answers) => {
  const form = document.querySelector("[data-fl-form]");
  for (const input of form.querySelectorAll("input[type=radio]")) {
    input.checked = answers[input.name] === input.value;
  }
  form.dispatchEvent(new Event("change", { bubbles: true }));
}"""

_READ_NUMBERS = """() => {
  const root = document.querySelector("[data-fl-results-body]");
  const text = (selector) => root.querySelector(selector)?.textContent.trim() ?? null;
  const cells = (row) => [...row.querySelectorAll("td")].map(
    (cell) => cell.querySelector("[data-fl-score]")?.textContent ?? null);
  return {
    balance: text("[data-fl-value=balance]"),
    band: text("[data-fl-value=band]"),
    you: text("[data-fl-value=you-index]"),
    them: text("[data-fl-value=them-index]"),
    ethics: text("[data-fl-value=ethics]"),
    ethics_band: text("[data-fl-value=ethics-band]"),
    leverage: Object.fromEntries([...root.querySelectorAll("[data-fl-dimension-row]")].map(
      (row) => [row.dataset.flDimensionRow, cells(row)])),
    ethics_dimensions: Object.fromEntries([...root.querySelectorAll("[data-fl-ethics-row]")].map(
      (row) => [row.dataset.flEthicsRow, cells(row)[0]])),
    bars: Object.fromEntries([...root.querySelectorAll("[data-fl-bar]")].map((bar) => [
      bar.dataset.flBar,
      [...bar.querySelectorAll("[data-fl-side]")].map((node) => node.textContent)])),
    red_flags: [...root.querySelectorAll("[data-fl-red-flag]")].map(
      (node) => node.dataset.flRedFlag),
  };
}"""


def wait_for_scorer(page: PageLike, state: str = "ready") -> None:
    page.wait_for_selector(f"#fl-assessment[data-scorer-state='{state}']", timeout=START_TIMEOUT_MS)


def set_answers(page: PageLike, answers: dict[str, str]) -> None:
    """Sets the form to exactly these answers, as a reader's change would; waits for the result."""
    page.evaluate(_SET_ANSWERS, answers)
    wait_for_result(page)


def wait_for_result(page: PageLike) -> None:
    page.wait_for_selector(f"{RESULTS}[data-fl-state='current']")


def form_answers(page: PageLike) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-fl-form] input:checked")]
             .map((input) => [input.name, input.value]))"""
    )


def stored_answers(page: PageLike) -> Any:
    """What the page keeps in this browser's storage (parsed), or None when nothing is kept."""
    text = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def shown_numbers(page: PageLike) -> dict[str, Any]:
    return page.evaluate(_READ_NUMBERS)


def _number(text: str | None) -> float | None:
    # The page shows an en dash for "no score yet".
    return None if text in (None, "\u2013") else float(text)  # type: ignore[arg-type]


def expected_numbers(answers: dict[str, str]) -> dict[str, Any]:
    """What the page must show for these answers, from CPython's own assessment.score()."""
    result = assessment.score(answers).to_dict()
    leverage, ethics = result["leverage"], result["ethics"]

    def side(score: dict[str, Any] | None) -> float | None:
        return None if score is None else score["score"]

    return {
        "balance": leverage["balance"]["value"],
        "band": leverage["band"]["label"] if leverage["band"] else "No verdict yet",
        "you": leverage["you"]["index"],
        "them": leverage["them"]["index"],
        "ethics": ethics["score"],
        "ethics_band": ethics["band"]["label"] if ethics["band"] else "No verdict yet",
        "leverage": {d["id"]: [side(d["you"]), side(d["them"])] for d in leverage["dimensions"]},
        "ethics_dimensions": {d["id"]: d["score"] for d in ethics["dimensions"]},
        "red_flags": [flag["question"] for flag in ethics["red_flags"]],
    }


def comparable(shown: dict[str, Any]) -> dict[str, Any]:
    """The page's numbers as Python values, to compare with expected_numbers()."""
    return {
        "balance": _number(shown["balance"]),
        "band": shown["band"],
        "you": _number(shown["you"]),
        "them": _number(shown["them"]),
        "ethics": _number(shown["ethics"]),
        "ethics_band": shown["ethics_band"],
        "leverage": {k: [_number(v) for v in cells] for k, cells in shown["leverage"].items()},
        "ethics_dimensions": {k: _number(v) for k, v in shown["ethics_dimensions"].items()},
        "red_flags": shown["red_flags"],
    }


def random_answers(rng: random.Random, skip: float = 0.2) -> dict[str, str]:
    """A random answer set over the real bank, skipping each question with probability `skip`."""
    return {
        question.id: rng.choice(question.option_ids)
        for question in assessment.load_bank().questions
        if rng.random() >= skip
    }
