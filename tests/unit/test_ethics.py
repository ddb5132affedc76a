"""The plan's verdict follows one published rule: any red answer crosses the line; otherwise any
amber answer needs a second look; otherwise the plan looks fair."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from assessment import Bank, score
from assessment.ethics import verdict_level

from .conftest import best_for_you, first_options, worst_for_you

CASES_FILE = Path(__file__).parent / "data" / "ethics_cases.toml"
CASES: list[dict[str, Any]] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def test_there_are_at_least_twelve_held_plans_from_clean_to_over_the_line() -> None:
    assert len(CASES) >= 12
    assert {case["verdict"] for case in CASES} == {"fair", "second-look", "crosses-line"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["id"])
def test_a_held_plan_gets_the_trainers_verdict_and_named_parts(case: dict[str, Any]) -> None:
    ethics = score(case["answers"]).ethics
    assert ethics.verdict is not None and ethics.verdict.id == case["verdict"], case["story"]
    assert sorted(problem.name for problem in ethics.red) == sorted(case["red"])
    assert sorted(problem.name for problem in ethics.amber) == sorted(case["amber"])


def test_the_rule_is_red_first_then_amber_then_fair() -> None:
    assert verdict_level({"red", "amber"}, True) == "red"
    assert verdict_level({"amber"}, True) == "amber"
    assert verdict_level(set(), True) == "none"
    assert verdict_level(set(), False) is None


def test_every_named_part_carries_its_fair_alternative_and_article(bank: Bank) -> None:
    ethics = score(first_options(bank) | {"next-steps": "beyond-the-deal"}).ethics
    assert ethics.red and ethics.amber
    for problem in ethics.red + ethics.amber:
        assert problem.fair_alternative and problem.answers
        assert problem.link.page.split("/")[0] in ("fair", "build")


def test_a_veiled_threat_alone_is_named_and_the_plan_is_not_called_fair(bank: Bank) -> None:
    ethics = score({"next-steps": "hint"}).ethics
    assert ethics.verdict is not None and ethics.verdict.level == "amber"
    assert [problem.name for problem in ethics.amber] == ["A veiled threat"]


def test_a_red_answer_shows_whatever_the_leverage(bank: Bank) -> None:
    result = score(best_for_you(bank) | {"gifts": "personal"})
    assert result.leverage.band is not None and result.leverage.band.id == "strong-you"
    assert result.ethics.verdict is not None and result.ethics.verdict.id == "crosses-line"


def test_leverage_answers_never_change_the_plan_verdict(bank: Bank) -> None:
    plan = {"pressing": "all-out", "their-situation": "dependent", "figures": "upbeat"}
    strong, weak = best_for_you(bank) | plan, worst_for_you(bank) | plan
    assert score(strong).ethics == score(weak).ethics


def test_a_plan_with_no_answers_has_no_verdict_and_says_what_to_do(bank: Bank) -> None:
    ethics = score({"your-alternative": "none"}).ethics
    assert ethics.verdict is None and ethics.text == bank.texts.no_ethics
    assert (ethics.answered, ethics.total) == (0, len(bank.questions_of("ethics")))


def test_pressing_hard_is_fair_unless_they_depend_on_you_or_are_under_strain() -> None:
    def verdict(situation: str) -> str:
        ethics = score({"pressing": "all-out", "their-situation": situation}).ethics
        assert ethics.verdict is not None
        return ethics.verdict.id

    assert [verdict(s) for s in ("no", "unknown", "dependent", "strained")] == [
        "fair",
        "fair",
        "second-look",
        "crosses-line",
    ]
