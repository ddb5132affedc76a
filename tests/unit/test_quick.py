"""The quick check: its questions come from the bank, and a complete quick check shows a band."""

from __future__ import annotations

import random
from typing import Any

import pytest

from assessment import BadBank, Bank, score
from assessment.bank import validate_bank
from assessment.quick import QUICK, quick_minutes, quick_questions

FILE = "assessment/bank.toml"


def _unflag(bank_data: dict[str, Any], question_id: str) -> None:
    question = next(q for q in bank_data["questions"] if q["id"] == question_id)
    question["flags"] = [flag for flag in question.get("flags", []) if flag != QUICK]


def test_the_quick_check_asks_about_ten_leverage_questions_in_about_four_minutes(
    bank: Bank,
) -> None:
    quick = quick_questions(bank)
    assert 8 <= len(quick) <= 12
    assert quick_minutes(bank) <= 4 < bank.minutes
    assert all(bank.part_of(question) == "leverage" for question in quick)
    assert [q.id for q in quick] == [q.id for q in bank.questions if q in quick]  # bank order


def test_the_quick_minutes_are_computed_like_the_whole_forms(bank: Bank) -> None:
    assert bank.minutes_for(bank.questions) == bank.minutes
    assert quick_minutes(bank) == bank.minutes_for(quick_questions(bank))


def test_every_complete_quick_check_shows_a_band(bank: Bank) -> None:
    quick = quick_questions(bank)
    rng = random.Random(19)
    sets = [{q.id: q.scale[0].id for q in quick}, {q.id: q.scale[-1].id for q in quick}]
    sets += [{q.id: rng.choice(q.scale).id for q in quick} for _ in range(200)]
    for answers in sets:
        assert score(answers).leverage.band is not None, answers


def test_the_quick_subset_is_scored_like_any_partial_answer_set(bank: Bank) -> None:
    quick = quick_questions(bank)
    answers = {question.id: question.scale[1].id for question in quick}
    result = score(answers)
    assert result.completeness.answered == len(quick)
    assert result.leverage.balance is not None and result.advice


def test_a_quick_set_without_a_question_a_band_needs_is_rejected(
    bank_data: dict[str, Any],
) -> None:
    _unflag(bank_data, "their-alternative")
    with pytest.raises(BadBank, match="the quick check must ask it") as caught:
        validate_bank(bank_data, FILE)
    assert (caught.value.question, caught.value.field) == ("their-alternative", "flags")


def test_a_quick_set_with_too_few_questions_about_a_side_is_rejected(
    bank_data: dict[str, Any], bank: Bank
) -> None:
    for question in quick_questions(bank):
        if question.side == "them" and not question.required:
            _unflag(bank_data, question.id)
    with pytest.raises(BadBank, match=r"asks 1 questions about them, but a band needs 4"):
        validate_bank(bank_data, FILE)


def test_a_bank_without_a_quick_set_still_loads(bank_data: dict[str, Any]) -> None:
    for question in bank_data["questions"]:
        question.pop("flags", None)
    assert quick_questions(validate_bank(bank_data, FILE)) == ()
