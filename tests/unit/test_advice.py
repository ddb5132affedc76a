"""What to do first: the bank's actions, ranked as a trainer ranks them, and what to read next."""

from __future__ import annotations

import collections
import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from assessment import Bank, load_scenarios, score
from assessment.advice import action_for, one_step_better

from .conftest import all_unknown, best_for_you, middle_options, worst_for_you

CASES_FILE = Path(__file__).parent / "data" / "advice_cases.toml"
DATA: dict[str, Any] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = DATA["cases"]
# The simulation in tests/bench/simulate_advice.py runs 10,000 sets; this sample is enough
# to hold the same rule in a unit test.
SAMPLE_SIZE = 3000
SAMPLE_SEED = 14
MAX_SHARE_OF_CASES = 0.25
MAX_SHARE_OF_RANDOM_SETS = 0.30


def _answers(case: dict[str, Any]) -> dict[str, str]:
    return dict(DATA["bases"][case["base"]]) | {"kind": case["kind"]} | case["answers"]


def random_answer_sets(bank: Bank, count: int, seed: int) -> list[dict[str, str]]:
    """Answer sets drawn uniformly: every question answered, any option equally likely."""
    rng = random.Random(seed)
    return [{q.id: rng.choice(q.option_ids) for q in bank.questions} for _ in range(count)]


def test_there_are_at_least_twenty_held_cases_across_the_kinds(bank: Bank) -> None:
    assert len(CASES) >= 20
    assert {case["kind"] for case in CASES} == set(bank.kind_ids)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["id"])
def test_a_held_case_gets_the_trainers_first_action(case: dict[str, Any]) -> None:
    advice = score(_answers(case)).advice
    assert advice and advice[0].action.id == case["first"], case["story"]


def test_no_action_comes_first_in_more_than_a_quarter_of_the_held_cases() -> None:
    firsts = collections.Counter(case["first"] for case in CASES)
    (most, count), *_ = firsts.most_common(1)
    assert count <= MAX_SHARE_OF_CASES * len(CASES), most


def test_no_action_comes_first_in_more_than_30_percent_of_random_answer_sets(
    bank: Bank,
) -> None:
    firsts = collections.Counter(
        result.advice[0].action.id
        for answers in random_answer_sets(bank, SAMPLE_SIZE, SAMPLE_SEED)
        for result in (score(answers),)
        if result.advice
    )
    (most, count), *_ = firsts.most_common(1)
    assert count <= MAX_SHARE_OF_RANDOM_SETS * SAMPLE_SIZE, (most, count)
    assert len(firsts) >= 10


@pytest.mark.parametrize("scenario", ["job-offer", "sole-supplier", "small-business"])
def test_each_improvement_gain_is_what_re_scoring_one_step_better_gives(scenario: str) -> None:
    answers = dict(load_scenarios()[scenario].answers)
    result = score(answers)
    improvements = [item for item in result.advice if item.type == "improve"]
    assert improvements and result.leverage.balance is not None
    for item in improvements:
        assert item.better is not None and item.current is not None
        assert item.better is one_step_better(item.question, item.current)
        changed = score(answers | {item.question.id: item.better.id}).leverage.balance
        assert changed == item.new_balance
        assert item.balance_gain == pytest.approx(changed - result.leverage.balance)


def test_advice_is_ranked_by_priority_with_at_most_one_per_idea(bank: Bank) -> None:
    advice = score(worst_for_you(bank)).advice
    leverage = [item for item in advice if item.type != "prepare"]
    priorities = [item.priority for item in leverage]
    assert priorities == sorted(priorities, reverse=True)
    ideas = [item.dimension.id for item in advice]
    assert len(ideas) == len(set(ideas)) == bank.scoring.advice_limit


def test_a_place_is_kept_for_the_most_useful_preparation_action(bank: Bank) -> None:
    answers = worst_for_you(bank)
    advice = score(answers).advice
    slot = bank.scoring.preparation_slot - 1
    assert advice[slot].type == "prepare"
    assert [item.type for item in advice].count("prepare") == 1


def test_with_nothing_to_prepare_every_place_goes_to_leverage(bank: Bank) -> None:
    done = {q.id: q.scale[-1].id for q in bank.questions_of("preparation")}
    advice = score(middle_options(bank) | done).advice
    assert advice and all(item.type != "prepare" for item in advice)


def test_when_gaps_dominate_finding_out_comes_first(bank: Bank) -> None:
    answers = worst_for_you(bank) | all_unknown(bank)
    advice = [item for item in score(answers).advice if item.type != "prepare"]
    assert advice[0].type == "find-out"
    types = [item.type for item in advice]
    assert types == sorted(types, key=lambda kind: kind != "find-out")


def test_a_reader_who_knows_little_about_them_is_told_to_find_out_not_given_a_verdict() -> None:
    result = score(dict(load_scenarios()["freelance-first-client"].answers))
    assert result.leverage.band is None and result.leverage.still_needed
    assert result.advice[0].type == "find-out"
    assert result.advice[0].balance_gain is None


def test_nothing_about_what_they_have_is_ever_suggested_except_finding_out(bank: Bank) -> None:
    for answers in random_answer_sets(bank, 300, 1):
        for item in score(answers).advice:
            if item.question.side == "them":
                assert item.type == "find-out" and item.current is not None
                assert item.current.unknown


def test_only_answers_the_bank_has_an_action_for_are_suggested(bank: Bank) -> None:
    for answers in random_answer_sets(bank, 300, 2):
        for item in score(answers).advice:
            assert item.current is not None
            assert action_for(item.question, item.current) is item.action


def test_nothing_is_suggested_when_every_answer_is_already_best(bank: Bank) -> None:
    assert score(best_for_you(bank)).advice == ()


def test_unanswered_questions_are_not_suggested() -> None:
    advice = score({"your-alternative": "none"}).advice
    assert [item.question.id for item in advice] == ["your-alternative"]


def test_each_suggestion_says_when_it_can_be_done_how_hard_it_is_and_where_to_read(
    bank: Bank,
) -> None:
    for item in score(worst_for_you(bank)).advice:
        data = item.to_dict()
        assert data["when"]["label"] == bank.timing(item.action.when).label
        assert data["effort"]["label"] == bank.effort(item.action.effort).label
        assert data["link"]["title"] and data["link"]["href"]


def test_without_a_balance_to_show_improvements_carry_no_gain(bank: Bank) -> None:
    (item,) = score({"your-alternative": "none"}).advice
    assert item.type == "improve" and item.balance_gain is None and item.new_balance is None


def test_read_next_puts_the_plan_s_problems_first_each_page_once(bank: Bank) -> None:
    answers = worst_for_you(bank) | {"gifts": "personal", "next-steps": "hint"}
    readings = score(answers).read_next
    assert [reading.reason for reading in readings[:2]] == ["red", "amber"]
    pages = [reading.link.page for reading in readings]
    assert len(pages) == len(set(pages)) <= bank.scoring.read_next_limit
    assert all(
        reading.why == getattr(bank.read_next_reasons, reading.reason) for reading in readings
    )


def test_read_next_points_at_the_advice_when_the_plan_is_fair_and_consistent(
    bank: Bank,
) -> None:
    result = score(worst_for_you(bank) | {"other-offer": "no", "next-steps": "time-out"})
    assert result.ethics.red == result.ethics.amber == () and result.notes == ()
    assert result.read_next[0].link == result.advice[0].question.link
