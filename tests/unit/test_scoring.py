"""score(): leverage per dimension and side, the balance and its band, ethics kept apart."""

from __future__ import annotations

import json

import pytest

from assessment import BadAnswer, Bank, score
from assessment.scoring import band_for

from .conftest import best_for_you, first_options, worst_for_you


def _leverage(bank: Bank, answers: dict[str, str]) -> dict[str, str]:
    return {q: o for q, o in answers.items() if bank.question(q).side is not None}


def _ethics(bank: Bank, answers: dict[str, str]) -> dict[str, str]:
    return {q: o for q, o in answers.items() if bank.question(q).side is None}


def test_no_answers_give_no_verdict_but_say_what_to_do(bank: Bank) -> None:
    result = score({})
    assert result.leverage.band is None
    assert result.leverage.balance.value is None
    assert result.leverage.you.index is None and result.leverage.them.index is None
    assert result.leverage.verdict == bank.scoring.no_leverage_answers
    assert result.ethics.score is None and result.ethics.band is None
    assert result.ethics.verdict == bank.scoring.no_ethics_answers
    assert result.what_if == () and result.ethics.red_flags == ()


def test_partial_answers_are_scored_and_completeness_says_how_many(bank: Bank) -> None:
    answers = {"your-alternative": "similar", "their-alternative": "poor", "pressure": "warning"}
    result = score(answers)
    assert result.completeness.answered == 3
    assert result.completeness.total == len(bank.questions)
    progress = {item.dimension.id: item for item in result.completeness.dimensions}
    assert (progress["alternatives"].answered, progress["alternatives"].total) == (2, 3)
    assert (progress["threats"].answered, progress["threats"].total) == (1, 1)
    assert progress["mandate"].answered == 0
    assert result.leverage.band is not None


def test_a_full_answer_set_is_complete(bank: Bank) -> None:
    completeness = score(first_options(bank)).completeness
    assert completeness.answered == completeness.total
    assert completeness.percent == 100.0


def test_an_unknown_question_is_a_bad_answer_naming_it_and_listing_the_questions(
    bank: Bank,
) -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-altenative": "similar"})
    assert caught.value.question == "your-altenative"
    assert "'your-altenative'" in caught.value.message
    assert "'your-alternative'" in caught.value.message
    assert caught.value.allowed == tuple(q.id for q in bank.questions)


def test_an_unknown_option_is_a_bad_answer_listing_the_allowed_option_ids() -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-alternative": "great"})
    error = caught.value
    assert error.question == "your-alternative"
    assert error.allowed == ("none", "poor", "similar", "better")
    assert "'great'" in error.message
    assert "'none', 'poor', 'similar' or 'better'" in error.message


@pytest.mark.parametrize("answers", [["your-alternative"], "similar", None, 3])
def test_answers_that_are_not_a_mapping_are_a_bad_answer(answers: object) -> None:
    with pytest.raises(BadAnswer, match="must be an object"):
        score(answers)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", [None, 2, ["similar"]])
def test_an_option_that_is_not_text_is_a_bad_answer(option: object) -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-alternative": option})  # type: ignore[dict-item]
    assert caught.value.question == "your-alternative"


@pytest.mark.parametrize(
    ("balance", "band"),
    [
        (100, "strong-you"),
        (40, "strong-you"),
        (39.9, "edge-you"),
        (15, "edge-you"),
        (14.9, "even"),
        (0, "even"),
        (-14.9, "even"),
        (-15, "edge-them"),
        (-39.9, "edge-them"),
        (-40, "strong-them"),
        (-100, "strong-them"),
    ],
)
def test_the_balance_falls_into_the_fixed_verdict_bands(
    bank: Bank, balance: float, band: str
) -> None:
    found = band_for(balance, bank)
    assert found is not None and found.id == band


def test_a_dimension_score_is_the_mean_of_its_answered_questions() -> None:
    result = score({"your-alternative": "poor", "alternative-certainty": "confirmed"})
    alternatives = result.leverage.dimensions[0]
    assert alternatives.dimension.id == "alternatives"
    assert alternatives.you.score == (30 + 100) / 2
    assert alternatives.you.answered == 2
    assert alternatives.them is not None and alternatives.them.score is None


def test_a_leverage_index_is_the_weighted_mean_of_answered_dimension_scores(bank: Bank) -> None:
    answers = {"your-alternative": "poor", "what-you-offer": "unique", "your-mandate": "rough"}
    weights = {d: bank.dimension(d).weight for d in ("alternatives", "positive", "mandate")}
    expected = (
        weights["alternatives"] * 30 + weights["positive"] * 100 + weights["mandate"] * 50
    ) / sum(weights.values())
    assert score(answers).leverage.you.index == round(expected, 1)


def test_the_balance_is_your_index_minus_theirs(bank: Bank) -> None:
    result = score(first_options(bank))
    assert result.leverage.you.index is not None and result.leverage.them.index is not None
    assert result.leverage.balance.value == pytest.approx(
        result.leverage.you.index - result.leverage.them.index, abs=0.1
    )


def test_a_side_with_no_answers_counts_as_neutral(bank: Bank) -> None:
    result = score({"your-alternative": "better"})
    assert result.leverage.them.index is None
    assert result.leverage.balance.value == 100 - bank.scoring.neutral


def test_the_best_position_holds_the_stronger_hand_and_the_worst_the_weaker(bank: Bank) -> None:
    best, worst = score(best_for_you(bank)), score(worst_for_you(bank))
    assert (
        best.leverage.balance.value == 100
        and best.leverage.band is not None
        and best.leverage.band.id == "strong-you"
    )
    assert worst.leverage.balance.value == -100 and worst.leverage.band is not None
    assert worst.leverage.band.id == "strong-them"


def test_the_verdict_is_the_band_in_plain_words(bank: Bank) -> None:
    result = score(best_for_you(bank))
    assert (
        result.leverage.band is not None and result.leverage.verdict == result.leverage.band.summary
    )


def test_the_answers_that_moved_each_index_add_up_to_it(bank: Bank) -> None:
    result = score(first_options(bank) | _leverage(bank, best_for_you(bank)) | {"trust": "new"})
    neutral = bank.scoring.neutral
    for side in (result.leverage.you, result.leverage.them):
        assert side.index is not None
        total = neutral + sum(move.change for move in side.moved_by)
        assert total == pytest.approx(side.index, abs=0.1 * len(side.moved_by))


def test_the_answers_that_moved_the_balance_add_up_to_it(bank: Bank) -> None:
    answers = dict(list(first_options(bank).items())[::2])
    result = score(answers)
    assert result.leverage.balance.value is not None
    total = sum(move.change for move in result.leverage.balance.moved_by)
    assert total == pytest.approx(
        result.leverage.balance.value, abs=0.1 * len(result.leverage.balance.moved_by)
    )


def test_answers_about_them_move_the_balance_against_you() -> None:
    result = score({"their-alternative": "better"})
    (move,) = result.leverage.balance.moved_by
    assert move.question.id == "their-alternative" and move.change < 0


def test_every_dimension_score_lists_the_answers_behind_it(bank: Bank) -> None:
    result = score(first_options(bank))
    for item in result.leverage.dimensions:
        assert {m.question.id for m in item.you.moved_by} == {
            q.id for q in bank.questions_in(item.dimension.id, "you")
        }
    for dimension in result.ethics.dimensions:
        assert len(dimension.moved_by) == dimension.answered == dimension.total


def test_the_dimensions_that_carry_and_hold_back_the_balance_are_named(bank: Bank) -> None:
    answers = {"your-alternative": "better", "your-deadline": "days"}
    result = score(answers)
    assert [share.dimension.id for share in result.leverage.carried_by] == ["alternatives"]
    assert [share.dimension.id for share in result.leverage.held_back_by] == ["time"]


def test_ethics_answers_never_change_the_leverage_numbers(bank: Bank) -> None:
    leverage = _leverage(bank, first_options(bank))
    fair = score(leverage | _ethics(bank, best_for_you(bank)))
    unfair = score(leverage | _ethics(bank, worst_for_you(bank)))
    assert fair.leverage.balance == unfair.leverage.balance
    assert fair.leverage.you == unfair.leverage.you and fair.leverage.them == unfair.leverage.them


def test_leverage_answers_never_change_the_ethics_score(bank: Bank) -> None:
    ethics = _ethics(bank, best_for_you(bank)) | {"pressure": "veiled"}
    assert (
        score(ethics | _leverage(bank, best_for_you(bank))).ethics.score
        == score(ethics | _leverage(bank, worst_for_you(bank))).ethics.score
    )


def test_a_fair_plan_is_called_fair(bank: Bank) -> None:
    result = score(_ethics(bank, best_for_you(bank)))
    assert result.ethics.score == 100
    assert result.ethics.band is not None and result.ethics.band.id == "fair"
    assert result.ethics.red_flags == ()


def test_a_plan_close_to_the_line_needs_a_second_look(bank: Bank) -> None:
    result = score({"pressure": "veiled", "promises": "vague"})
    assert result.ethics.band is not None and result.ethics.band.id == "check"


def test_a_red_flag_shows_whatever_the_totals_with_its_fair_alternative(bank: Bank) -> None:
    answers = best_for_you(bank) | {"inducements": "personal"}
    result = score(answers)
    assert result.leverage.band is not None and result.leverage.band.id == "strong-you"
    (flag,) = result.ethics.red_flags
    assert flag.question.id == "inducements" and flag.option.id == "personal"
    assert flag.fair_alternative == flag.option.fair_alternative
    assert result.ethics.band is not None and result.ethics.band.red_flag


def test_a_red_flag_caps_the_ethics_score_and_says_by_how_much(bank: Bank) -> None:
    result = score(_ethics(bank, best_for_you(bank)) | {"going-around": "undermine"})
    cap = bank.scoring.ethics_cap_with_red_flag
    assert result.ethics.score == cap
    assert result.ethics.cap is not None and result.ethics.cap.limit == cap
    assert result.ethics.cap.change < 0


def test_the_ethics_score_is_the_weighted_mean_of_answered_ethics_dimensions(
    bank: Bank,
) -> None:
    answers = {"pressure": "veiled", "half-truths": "reserved"}
    threats, half_truths = bank.dimension("threats").weight, bank.dimension("half-truths").weight
    expected = (threats * 40 + half_truths * 90) / (threats + half_truths)
    assert score(answers).ethics.score == round(expected, 1)


def test_scoring_is_deterministic_whatever_the_order_of_the_answers(bank: Bank) -> None:
    answers = first_options(bank) | {"trust": "new", "pressure": "threat"}
    backwards = dict(reversed(list(answers.items())))
    assert json.dumps(score(answers).to_dict()) == json.dumps(score(backwards).to_dict())
    assert list(score(backwards).answers) == [q.id for q in bank.questions]


def test_score_does_not_change_the_answers_it_is_given(bank: Bank) -> None:
    answers = first_options(bank)
    before = dict(answers)
    score(answers)
    assert answers == before


def test_no_score_is_ever_shown_as_minus_zero(bank: Bank) -> None:
    result = score({"your-alternative": "poor", "their-alternative": "poor"})
    assert json.dumps(result.to_dict()).count("-0.0") == 0
