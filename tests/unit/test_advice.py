"""What would help most: found by re-scoring one-step changes, and what to read next."""

from __future__ import annotations

import pytest

from assessment import Bank, load_scenarios, score
from assessment.advice import one_step_better

from .conftest import best_for_you, first_options, worst_for_you


@pytest.mark.parametrize("scenario", ["job-offer", "sole-supplier", "small-business"])
def test_each_suggestion_gain_is_what_re_scoring_the_changed_answers_gives(
    scenario: str,
) -> None:
    answers = dict(load_scenarios()[scenario].answers)
    result = score(answers)
    assert result.what_if and result.leverage.balance.value is not None
    for item in result.what_if:
        changed = score(answers | {item.question.id: item.better.id})
        assert changed.leverage.balance.value == item.new_balance
        assert item.balance_gain == pytest.approx(
            changed.leverage.balance.value - result.leverage.balance.value
        )


def test_suggestions_are_ranked_by_gain_and_limited(bank: Bank) -> None:
    result = score(worst_for_you(bank))
    gains = [item.balance_gain for item in result.what_if]
    assert gains == sorted(gains, reverse=True)
    assert len(gains) == bank.scoring.what_if_limit
    assert all(gain > 0 for gain in gains)


def test_only_questions_the_reader_can_act_on_are_suggested(bank: Bank) -> None:
    answers = worst_for_you(bank)
    for _ in range(3):  # apply the suggestions and look again, to see beyond the top few
        result = score(answers)
        assert all(item.question.actionable for item in result.what_if)
        answers = answers | {item.question.id: item.better.id for item in result.what_if}


def test_a_question_about_them_that_you_cannot_change_is_never_suggested(bank: Bank) -> None:
    result = score({"their-alternative": "better", "their-cost-of-no-deal": "little"})
    assert result.what_if == ()


def test_a_question_about_them_that_you_can_act_on_moves_to_fewer_points(bank: Bank) -> None:
    result = score({"what-they-know": "most"})
    (item,) = result.what_if
    assert item.question.side == "them"
    assert (item.current.id, item.better.id) == ("most", "some")


def test_a_question_about_you_moves_one_step_to_more_points(bank: Bank) -> None:
    question = bank.question("your-alternative")
    assert one_step_better(question, question.option("poor")) == question.option("similar")
    assert one_step_better(question, question.option("better")) is None


def test_nothing_is_suggested_when_every_answer_is_already_best(bank: Bank) -> None:
    assert score(best_for_you(bank)).what_if == ()


def test_unanswered_questions_are_not_suggested() -> None:
    result = score({"your-alternative": "none"})
    assert [item.question.id for item in result.what_if] == ["your-alternative"]


def test_each_suggestion_carries_its_action_and_article(bank: Bank) -> None:
    for item in score(first_options(bank)).what_if:
        assert item.question.action
        data = item.to_dict()
        assert data["action"] == item.question.action
        assert data["link"]["page"].endswith(".md") and data["link"]["anchor"]


def test_read_next_puts_red_flags_first_without_repeating_a_link(bank: Bank) -> None:
    answers = worst_for_you(bank)
    result = score(answers)
    reasons = [reading.reason for reading in result.read_next]
    assert reasons[0] == "red-flag"
    links = [reading.link for reading in result.read_next]
    assert len(links) == len(set(links)) <= bank.scoring.read_next_limit


def test_read_next_points_at_what_would_help_when_the_plan_is_fair(bank: Bank) -> None:
    result = score(first_options(bank))
    assert result.read_next[0].link == result.what_if[0].question.link
