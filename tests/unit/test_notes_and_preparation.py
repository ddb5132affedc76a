"""Notes on answers that do not fit together, and the preparation score beside the balance."""

from __future__ import annotations

import pytest

from assessment import Bank, score

from .conftest import middle_options


@pytest.mark.parametrize(
    ("answers", "note"),
    [
        ({"your-alternative": "none", "other-offer": "written"}, "offer-without-alternative"),
        ({"your-alternative": "lead", "other-offer": "written"}, "written-offer-but-only-a-lead"),
        (
            {"their-alternative": "none", "pressing": "all-out"},
            "pressing-when-they-have-no-alternative",
        ),
        ({"your-alternative": "none", "next-steps": "walk"}, "walking-to-nothing"),
        (
            {"your-alternative": "firm-better", "your-cost-of-no-deal": "severe"},
            "good-alternative-yet-severe-loss",
        ),
        ({"your-walk-away": "no", "your-limit": "true-limit"}, "limit-not-decided"),
    ],
)
def test_answers_that_contradict_each_other_get_a_gentle_note_with_an_article(
    bank: Bank, answers: dict[str, str], note: str
) -> None:
    (found,) = score(answers).notes
    assert found.combination.id == note
    assert found.combination.text and found.combination.link.page


def test_a_note_never_changes_a_number_or_a_verdict(bank: Bank) -> None:
    plain = middle_options(bank) | {"your-alternative": "none", "other-offer": "no"}
    noted = plain | {"other-offer": "written"}
    assert score(noted).notes and not score(plain).notes
    assert score(noted).leverage == score(plain).leverage
    assert score(noted).ethics.verdict == score(plain).ethics.verdict


def test_an_alternative_in_discussion_fits_a_lead(bank: Bank) -> None:
    assert score({"your-alternative": "lead", "other-offer": "in-talks"}).notes == ()


def test_preparation_is_the_mean_of_all_its_questions_with_skipped_as_not_done(
    bank: Bank,
) -> None:
    answers = {"your-walk-away": "written", "your-target": "target", "their-needs": "guessing"}
    preparation = score(answers).preparation
    assert preparation.score == round((100 + 50 + 0) / 7, 1)
    assert (preparation.answered, preparation.total) == (3, 7)
    assert preparation.band is None  # fewer than the minimum answered
    assert preparation.verdict == bank.texts.no_preparation.format(
        min=bank.scoring.preparation_min_answers
    )


def test_preparation_gets_a_verdict_once_enough_is_answered(bank: Bank) -> None:
    answers = {q.id: q.scale[-1].id for q in bank.questions_of("preparation")}
    preparation = score(answers).preparation
    assert preparation.score == 100 and preparation.band is not None
    assert preparation.band.id == "ready"


def test_preparation_never_moves_the_balance(bank: Bank) -> None:
    ready = {q.id: q.scale[-1].id for q in bank.questions_of("preparation")}
    unready = {q.id: q.scale[0].id for q in bank.questions_of("preparation")}
    base = middle_options(bank)
    assert score(base | ready).leverage == score(base | unready).leverage


def test_a_deal_zone_that_looks_short_carries_its_note(bank: Bank) -> None:
    (note,) = score({"deal-zone": "short"}).preparation.notes
    assert note.text == bank.question("deal-zone").option("short").note
