"""What to read next: the articles behind the plan's problems, the notes, the advice, and
the weakest part of the position, each page once."""

from __future__ import annotations

from assessment.model import Bank, Link
from assessment.result import (
    Advice,
    DimensionShare,
    EthicsResult,
    Note,
    Reading,
    ReadingReason,
)


def read_next(
    ethics: EthicsResult,
    notes: tuple[Note, ...],
    advice: tuple[Advice, ...],
    held_back_by: tuple[DimensionShare, ...],
    bank: Bank,
) -> tuple[Reading, ...]:
    candidates: list[tuple[Link, ReadingReason]] = [(p.link, "red") for p in ethics.red]
    candidates += [(problem.link, "amber") for problem in ethics.amber]
    candidates += [(note.combination.link, "note") for note in notes]
    candidates += [(item.question.link, "advice") for item in advice]
    for share in held_back_by:
        mine = next(q for q in bank.about("you") if q.dimension == share.dimension.id)
        candidates.append((mine.link, "weak"))
    readings: list[Reading] = []
    seen: set[str] = set()
    reasons = bank.read_next_reasons
    for link, reason in candidates:
        # One section per page: the list is for reading on, not for every heading.
        if link.page not in seen:
            seen.add(link.page)
            readings.append(Reading(link, reason, getattr(reasons, reason)))
    return tuple(readings[: bank.scoring.read_next_limit])
