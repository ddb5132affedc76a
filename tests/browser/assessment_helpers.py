"""Helpers for the assessment page tests: fill answers, await Python's result, read the numbers.

They take any page with Playwright's `evaluate` and `wait_for_selector`: Chromium's Playwright
`Page` here, and Firefox's and WebKit's pages in tests/engines (tests/support/engine_page.py),
so every engine is checked against one definition of what the page must show.
"""

from __future__ import annotations

import json
import random
import re
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
  const all = (selector, read) => [...root.querySelectorAll(selector)].map(read);
  const answer = (cell) => cell && [cell.dataset.flAnswer ?? null, cell.dataset.flPoints ?? null];
  return {
    balance: text("[data-fl-value=balance]"),
    uncertainty: text("[data-fl-value=uncertainty]"),
    band: text("[data-fl-value=band]"),
    verdict: text("[data-fl-value=leverage-verdict]"),
    near_edge: text("[data-fl-near-edge]"),
    confidence: text("[data-fl-value=confidence]"),
    sides_confidence: all("[data-fl-side-confidence]", (node) => node.textContent),
    still_needed: all("[data-fl-need]", (node) => node.textContent),
    you: text("[data-fl-value=you-index]"),
    them: text("[data-fl-value=them-index]"),
    preparation: text("[data-fl-value=preparation]"),
    preparation_band: text("[data-fl-value=preparation-band]"),
    ethics: text("[data-fl-value=ethics-verdict]"),
    problems: all("[data-fl-problem]", (node) => [node.dataset.flLevel, node.dataset.flProblem]),
    notes: all("[data-fl-note]", (node) => node.dataset.flNote),
    advice: all("[data-fl-advice]", (node) => [
      node.dataset.flAdvice, node.querySelector("[data-fl-gain]")?.textContent.trim() ?? null]),
    gaps: all("[data-fl-gap]", (node) => node.dataset.flGap),
    dimensions: Object.fromEntries(all("[data-fl-dimension-row]", (row) => {
      const [you, them] = row.querySelectorAll("td[data-fl-answer]");
      return [row.dataset.flDimensionRow, [answer(you), answer(them)]];
    })),
    bars: Object.fromEntries(all("[data-fl-bar]", (bar) => [bar.dataset.flBar,
      [...bar.querySelectorAll("[data-fl-side]")].map((node) => node.textContent)])),
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


def saved(answers: dict[str, str], previous: dict[str, str] | None = None) -> dict[str, Any]:
    """What the page keeps in storage for these answers: with the bank version they answer."""
    kept: dict[str, Any] = {"bank": assessment.load_bank().version, "answers": answers}
    if previous is not None:
        kept["previous"] = previous
    return kept


def shown_numbers(page: PageLike) -> dict[str, Any]:
    return page.evaluate(_READ_NUMBERS)


def _number(text: str | None) -> float | None:
    # The page shows an en dash for "no score yet".
    return None if text in (None, "\u2013") else float(text)  # type: ignore[arg-type]


_GAIN = re.compile(r"^Balance ([+-]?[\d.]+), to ([+-]?[\d.]+)\.$")


def _gain(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    found = _GAIN.match(text)
    assert found, f"unreadable balance gain: {text!r}"
    return float(found[1]), float(found[2])


def expected_numbers(answers: dict[str, str]) -> dict[str, Any]:
    """What the page must show for these answers, from CPython's own assessment.score().

    The balance, its \u00b1 and each side's index show only with a verdict band: until then the
    page shows what is still needed instead of a number.
    """
    result = assessment.score(answers).to_dict()
    leverage, preparation, ethics = result["leverage"], result["preparation"], result["ethics"]
    band = leverage["band"]

    def side(answer: dict[str, Any] | None) -> list[Any] | None:
        return None if answer is None else [answer["status"], answer["points"]]

    def gain(advice: dict[str, Any]) -> tuple[float, float] | None:
        if advice["balance_gain"] is None or advice["new_balance"] is None:
            return None
        return advice["balance_gain"], advice["new_balance"]

    return {
        "balance": leverage["balance"] if band else None,
        "uncertainty": leverage["uncertainty"] if band else None,
        "band": band["label"] if band else None,
        "verdict": leverage["verdict"],
        "near_edge": leverage["near_edge"]["text"] if band and leverage["near_edge"] else None,
        "confidence": leverage["confidence"]["label"],
        "sides_confidence": [leverage["you"]["confidence"], leverage["them"]["confidence"]],
        "still_needed": [] if band else [need["text"] for need in leverage["still_needed"]],
        "you": leverage["you"]["index"] if band else None,
        "them": leverage["them"]["index"] if band else None,
        "preparation": preparation["score"],
        "preparation_band": preparation["band"]["label"] if preparation["band"] else None,
        "ethics": ethics["verdict"]["label"] if ethics["verdict"] else None,
        "problems": [[p["level"], p["id"]] for p in [*ethics["red"], *ethics["amber"]]],
        "notes": [note["id"] for note in result["notes"]],
        "advice": [[advice["action"], gain(advice)] for advice in result["advice"]],
        "gaps": [gap["question"] for gap in leverage["gaps"]],
        "dimensions": {d["id"]: [side(d["you"]), side(d["them"])] for d in leverage["dimensions"]},
    }


def comparable(shown: dict[str, Any]) -> dict[str, Any]:
    """The page's numbers as Python values, to compare with expected_numbers()."""

    def answer(cell: list[str | None] | None) -> list[Any] | None:
        if cell is None:
            return None
        status, points = cell
        return [status, int(points) if points else None]

    uncertainty = shown["uncertainty"]
    return {
        "balance": _number(shown["balance"]),
        "uncertainty": None if uncertainty is None else int(uncertainty.lstrip("\u00b1 ")),
        "band": shown["band"],
        "verdict": shown["verdict"],
        "near_edge": shown["near_edge"],
        "confidence": shown["confidence"],
        "sides_confidence": shown["sides_confidence"],
        "still_needed": shown["still_needed"],
        "you": _number(shown["you"]),
        "them": _number(shown["them"]),
        "preparation": _number(shown["preparation"]),
        "preparation_band": shown["preparation_band"],
        "ethics": shown["ethics"],
        "problems": shown["problems"],
        "notes": shown["notes"],
        "advice": [[action, _gain(gain)] for action, gain in shown["advice"]],
        "gaps": shown["gaps"],
        "dimensions": {
            k: [answer(cell) for cell in cells] for k, cells in shown["dimensions"].items()
        },
    }


def bar_text(side: str, answer: dict[str, Any] | None) -> str:
    """What one side's bar says for an answer of the result: its points, or why it has none."""
    name = "You" if side == "you" else "Them"
    if answer is None:
        return f"{name}: not asked"
    if answer["points"] is not None:
        return f"{name} {answer['points']}"
    return f"{name}: {answer['label'] if answer['status'] == 'unknown' else 'not answered'}"


def random_answers(rng: random.Random, skip: float = 0.2) -> dict[str, str]:
    """A random answer set over the real bank, skipping each question with probability `skip`."""
    return {
        question.id: rng.choice(question.option_ids)
        for question in assessment.load_bank().questions
        if rng.random() >= skip
    }
