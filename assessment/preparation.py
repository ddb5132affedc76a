"""The preparation score: how ready the reader is, shown beside the balance, never in it."""

from __future__ import annotations

from collections.abc import Mapping

from assessment.leverage import rounded
from assessment.model import Bank, Option, PreparationBand
from assessment.result import PreparationItem, PreparationNote, PreparationResult


def band_for(score: float, bank: Bank) -> PreparationBand:
    fitting = [band for band in bank.preparation_bands if band.min <= score]
    return max(fitting, key=lambda band: band.min)


def assess(chosen: Mapping[str, Option], kind: str | None, bank: Bank) -> PreparationResult:
    """The mean of every preparation question's points; a skipped one counts as not done."""
    questions = bank.questions_of("preparation")
    items = tuple(
        PreparationItem(
            question=question,
            text=question.text_for(kind),
            option=chosen.get(question.id),
            label=None if question.id not in chosen else chosen[question.id].label_for(kind),
        )
        for question in questions
    )
    answered = [item.option for item in items if item.option is not None]
    score = None
    if answered:
        score = rounded(sum(option.points or 0 for option in answered) / len(questions))
    enough = len(answered) >= bank.scoring.preparation_min_answers
    band = band_for(score, bank) if score is not None and enough else None
    notes = tuple(
        PreparationNote(item.question, item.option.note)
        for item in items
        if item.option is not None and item.option.note is not None
    )
    return PreparationResult(
        score=score,
        band=band,
        verdict=band.summary
        if band is not None
        else bank.texts.no_preparation.format(min=bank.scoring.preparation_min_answers),
        answered=len(answered),
        total=len(questions),
        items=items,
        notes=notes,
    )
