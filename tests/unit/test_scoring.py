"""score(): each side's index against all its questions, the balance, when it may have a band,
how sure it is, and the answers behind it."""

from __future__ import annotations

import json
import math

import pytest

from assessment import BadAnswer, Bank, score
from assessment.leverage import band_for, effect

from .conftest import all_unknown, best_for_you, first_options, middle_options, worst_for_you


def _leverage(bank: Bank, answers: dict[str, str]) -> dict[str, str]:
    return {q: o for q, o in answers.items() if bank.part_of(bank.question(q)) == "leverage"}


def _plan(bank: Bank, answers: dict[str, str]) -> dict[str, str]:
    return {q: o for q, o in answers.items() if bank.part_of(bank.question(q)) == "ethics"}


def test_no_answers_give_no_verdict_and_say_what_is_needed(bank: Bank) -> None:
    result = score({})
    leverage = result.leverage
    assert leverage.band is None and leverage.balance is None and leverage.uncertainty is None
    assert leverage.verdict == bank.texts.no_band
    assert {need.side for need in leverage.still_needed} == {"you", "them"}
    assert result.ethics.verdict is None and result.ethics.text == bank.texts.no_ethics
    assert result.preparation.score is None and result.advice == ()


def test_one_answer_never_shows_a_band(bank: Bank) -> None:
    for question in bank.questions:
        for option in question.options:
            assert score({question.id: option.id}).leverage.band is None


def test_no_band_until_enough_is_known_about_both_sides(bank: Bank) -> None:
    answers = middle_options(bank)
    assert score(answers).leverage.band is not None
    about_them = [q.id for q in bank.about("them") if not q.required]
    too_few = len(bank.about("them")) - bank.scoring.min_known + 1
    result = score(answers | {q: "unknown" for q in about_them[:too_few]})
    assert result.leverage.band is None
    (need,) = result.leverage.still_needed
    assert need.side == "them" and need.question is None
    assert need.text == bank.texts.need_more.format(
        count=1, about=bank.side_words("them").about, min=bank.scoring.min_known
    )


def test_their_alternative_unknown_holds_back_the_verdict_and_is_named(bank: Bank) -> None:
    result = score(middle_options(bank) | {"their-alternative": "unknown"})
    assert result.leverage.band is None
    assert [need.question.id for need in result.leverage.still_needed if need.question] == [
        "their-alternative"
    ]


def test_a_side_index_is_neutral_moved_by_each_known_answer_against_all_questions(
    bank: Bank,
) -> None:
    answers = {"your-alternative": "firm-better", "your-deadline": "days"}
    index = bank.scoring.neutral
    for question_id, option_id in answers.items():
        question = bank.question(question_id)
        weight = bank.dimension(question.dimension).weight
        index += weight * (question.option(option_id).points - bank.scoring.neutral) / 13
    assert bank.side_weight("you") == 13
    assert score(answers).leverage.you.index == round(index, 1)


def test_the_balance_is_your_index_minus_theirs(bank: Bank) -> None:
    result = score(first_options(bank))
    leverage = result.leverage
    assert leverage.balance is not None
    assert leverage.balance == pytest.approx(leverage.you.index - leverage.them.index, abs=0.1)


def test_the_best_position_is_plus_100_and_the_worst_minus_100(bank: Bank) -> None:
    best, worst = score(best_for_you(bank)).leverage, score(worst_for_you(bank)).leverage
    assert best.balance == 100 and best.band is not None and best.band.id == "strong-you"
    assert worst.balance == -100 and worst.band is not None and worst.band.id == "strong-them"


def test_i_dont_know_counts_as_a_gap_exactly_like_a_skipped_question(bank: Bank) -> None:
    answers = middle_options(bank) | {"what-you-bring": "essential", "their-deadline": "days"}
    skipped = {q: o for q, o in answers.items() if q != "standards-for-them"}
    unknown = skipped | {"standards-for-them": "unknown"}
    assert score(unknown).leverage.balance == score(skipped).leverage.balance
    assert score(unknown).leverage.uncertainty == score(skipped).leverage.uncertainty
    gaps = {gap.question.id: gap.status for gap in score(unknown).leverage.gaps}
    assert gaps == {"standards-for-them": "unknown"}


def test_not_knowing_about_their_standards_is_not_a_none(bank: Bank) -> None:
    answers = middle_options(bank)
    none = score(answers | {"standards-for-them": "none-apply"}).leverage.balance
    unknown = score(answers | {"standards-for-them": "unknown"}).leverage.balance
    assert none is not None and unknown is not None and unknown < none


def test_one_answer_moves_the_balance_by_at_most_its_weight_over_the_side_total(
    bank: Bank,
) -> None:
    for question in bank.questions_of("leverage"):
        weight = bank.dimension(question.dimension).weight
        for option in question.scale:
            change = abs(effect(question, option, bank))
            assert change <= weight / bank.side_weight("you") * 50 + 1e-9


def test_every_known_answer_shows_how_far_it_moved_the_balance(bank: Bank) -> None:
    answers = first_options(bank) | {"their-deadline": "unknown"}
    leverage = score(answers).leverage
    assert leverage.balance is not None
    moved = {move.question.id for move in leverage.moved_by}
    known = {q.id for q in bank.questions_of("leverage") if answers[q.id] != "unknown"}
    assert moved == known
    total = sum(move.change for move in leverage.moved_by)
    assert total == pytest.approx(leverage.balance, abs=0.05 * len(leverage.moved_by))


def test_answers_about_them_move_the_balance_against_you(bank: Bank) -> None:
    moves = score({"their-alternative": "better"}).leverage.moved_by
    assert [(m.question.id, m.change > 0) for m in moves] == [("their-alternative", False)]


def test_the_uncertainty_is_half_a_step_per_answer_and_half_the_range_per_gap(
    bank: Bank,
) -> None:
    def expected(gaps: set[str]) -> int:
        squares = 0.0
        for question in bank.questions_of("leverage"):
            share = bank.dimension(question.dimension).weight / 13
            error = 50 if question.id in gaps else bank.scoring.answered_error_steps * 25
            squares += (share * error) ** 2
        return round(math.sqrt(squares))

    full = middle_options(bank)
    assert score(full).leverage.uncertainty == expected(set())
    with_gaps = full | {"their-cost-of-no-deal": "unknown", "their-deadline": "unknown"}
    assert score(with_gaps).leverage.uncertainty == expected(
        {"their-cost-of-no-deal", "their-deadline"}
    )
    assert expected({"their-cost-of-no-deal"}) > expected(set())


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
    assert band_for(balance, bank).id == band


def test_a_balance_within_its_uncertainty_of_a_band_edge_names_the_next_band(
    bank: Bank,
) -> None:
    answers = middle_options(bank) | {
        "your-alternative": "firm-better",
        "what-you-bring": "essential",
    }
    leverage = score(answers).leverage
    assert leverage.balance == 19.2 and leverage.uncertainty == 7
    assert leverage.band is not None and leverage.band.id == "edge-you"
    assert leverage.near_edge is not None and leverage.near_edge.band.id == "even"
    assert leverage.near_edge.text == bank.texts.near_edge.format(band="Evenly matched")


def test_a_balance_far_from_every_edge_is_not_near_one(bank: Bank) -> None:
    leverage = score(middle_options(bank)).leverage
    assert leverage.balance == 0 and leverage.near_edge is None


def test_the_confidence_counts_the_gaps_on_each_side_in_words(bank: Bank) -> None:
    answers = middle_options(bank) | {
        q: "unknown" for q in ("their-cost-of-no-deal", "their-deadline", "their-allies")
    }
    leverage = score(answers).leverage
    assert (leverage.them.known, leverage.them.unknown, leverage.them.skipped) == (4, 3, 0)
    assert leverage.them.confidence == bank.texts.confidence.format(
        gaps=3, total=7, about=bank.side_words("them").about
    )
    assert leverage.confidence.gaps == 3 and leverage.confidence.level.id == "partial"
    assert not leverage.confidence.gaps_dominate


def test_gaps_dominate_when_most_of_one_side_is_unknown(bank: Bank) -> None:
    leverage = score(all_unknown(bank)).leverage
    assert leverage.confidence.gaps_dominate and leverage.confidence.level.id == "thin"


def test_the_dimensions_that_carry_and_hold_back_the_balance_are_named(bank: Bank) -> None:
    leverage = score({"your-alternative": "firm-better", "your-deadline": "days"}).leverage
    assert [share.dimension.id for share in leverage.carried_by] == ["alternatives"]
    assert [share.dimension.id for share in leverage.held_back_by] == ["time"]


def test_every_dimension_shows_each_side_answer_and_whether_it_is_known(bank: Bank) -> None:
    leverage = score({"your-alternative": "none", "their-alternative": "unknown"}).leverage
    alternatives = leverage.dimensions[0]
    assert alternatives.you.status == "known" and alternatives.you.option is not None
    assert alternatives.them is not None and alternatives.them.status == "unknown"
    assert leverage.dimensions[1].you.status == "skipped"


def test_plan_answers_never_change_the_leverage(bank: Bank) -> None:
    leverage = _leverage(bank, first_options(bank))
    fair = score(leverage | _plan(bank, best_for_you(bank))).leverage
    unfair = score(leverage | _plan(bank, first_options(bank))).leverage
    assert fair == unfair


def test_the_kind_of_negotiation_changes_the_words_but_never_a_number(bank: Bank) -> None:
    answers = first_options(bank)
    results = [score(answers | {"kind": kind}).to_dict() for kind in bank.kind_ids]
    numbers = {
        json.dumps([r["leverage"]["balance"], r["leverage"]["you"], r["preparation"]["score"]])
        for r in results
    }
    assert len(numbers) == 1
    helps = {r["leverage"]["moved_by"][0]["text"] for r in results}
    advice = {json.dumps([a["text"] for a in r["advice"]]) for r in results}
    assert len(advice) > 1 or len(helps) > 1


def test_the_result_is_worded_for_the_kind_chosen(bank: Bank) -> None:
    result = score({"kind": "pay", "your-alternative": "none", "your-deadline": "days"})
    (first, *_) = [item for item in result.advice if item.action.id == "build-alternative"]
    assert first.text == first.action.text_for("pay") != first.action.text
    assert result.kind is not None and result.kind.id == "pay"


def test_an_unknown_question_is_a_bad_answer_naming_it_and_listing_the_questions(
    bank: Bank,
) -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-altenative": "none"})
    assert caught.value.question == "your-altenative"
    assert "'your-alternative'" in caught.value.message
    assert caught.value.allowed == tuple(q.id for q in bank.questions)


def test_an_unknown_option_is_a_bad_answer_listing_the_allowed_option_ids() -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-alternative": "great"})
    error = caught.value
    assert error.question == "your-alternative"
    assert error.allowed == ("none", "lead", "firm-poor", "firm-similar", "firm-better")
    assert "'great'" in error.message
    assert "'firm-similar' or 'firm-better'" in error.message


@pytest.mark.parametrize("answers", [["your-alternative"], "none", None, 3])
def test_answers_that_are_not_a_mapping_are_a_bad_answer(answers: object) -> None:
    with pytest.raises(BadAnswer, match="must be an object"):
        score(answers)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", [None, 2, ["none"]])
def test_an_option_that_is_not_text_is_a_bad_answer(option: object) -> None:
    with pytest.raises(BadAnswer) as caught:
        score({"your-alternative": option})  # type: ignore[dict-item]
    assert caught.value.question == "your-alternative"


def test_completeness_counts_answers_per_part(bank: Bank) -> None:
    result = score({"kind": "lease", "your-alternative": "none", "gifts": "none"})
    parts = {part.part.id: (part.answered, part.total) for part in result.completeness.parts}
    assert parts == {
        "context": (1, 1),
        "leverage": (1, 14),
        "preparation": (0, 7),
        "ethics": (1, 13),
    }
    assert result.completeness.answered == 3 and result.completeness.total == 35


def test_scoring_is_deterministic_whatever_the_order_of_the_answers(bank: Bank) -> None:
    answers = first_options(bank) | {"your-deadline": "prefer", "next-steps": "hint"}
    backwards = dict(reversed(list(answers.items())))
    assert json.dumps(score(answers).to_dict()) == json.dumps(score(backwards).to_dict())
    assert list(score(backwards).answers) == [q.id for q in bank.questions]


def test_score_does_not_change_the_answers_it_is_given(bank: Bank) -> None:
    answers = first_options(bank)
    before = dict(answers)
    score(answers)
    assert answers == before


def test_no_number_is_ever_shown_as_minus_zero(bank: Bank) -> None:
    result = score(middle_options(bank) | {"your-alternative": "firm-poor"})
    assert "-0.0" not in json.dumps(result.to_dict())
