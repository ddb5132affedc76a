"""The leverage model: each side's index, the balance, its uncertainty, and when it may
have a verdict band.

Each idea is one question per side. A side's index starts at the bank's neutral point and
each known answer moves it by its dimension's weight times its points' distance from
neutral, divided by the total weight of all the side's questions. An unanswered question
and an "I don't know" add nothing either way: they are information gaps, which widen the
uncertainty and hold back the verdict, never a middle value or a "none". Because every
index is measured against the full set of questions, no single answer can swing the whole
balance.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from assessment.model import SIDES, Band, Bank, Option, Question, Side

BALANCE_LIMIT = 100

Chosen = Mapping[str, Option]


def rounded(value: float) -> float:
    """A number as results show it: one decimal place, never "-0.0"."""
    # Adding 0.0 turns -0.0 into 0.0.
    return round(value, 1) + 0.0


def is_known(option: Option | None) -> bool:
    return option is not None and not option.unknown


def share(question: Question, bank: Bank) -> float:
    """How much one point of this question's answer moves its side's index."""
    side = question.side
    assert side is not None  # the loader gives every leverage question a side
    return bank.dimension(question.dimension).weight / bank.side_weight(side)


def effect(question: Question, option: Option, bank: Bank) -> float:
    """How far a known answer moves the balance: up for you, down for them."""
    assert option.points is not None  # known leverage answers carry points
    moved = share(question, bank) * (option.points - bank.scoring.neutral)
    return moved if question.side == "you" else -moved


def index(chosen: Chosen, side: Side, bank: Bank) -> float:
    """A side's index, 0 to 100, against all of its questions."""
    total = float(bank.scoring.neutral)
    for question in bank.about(side):
        option = chosen.get(question.id)
        if is_known(option):
            assert option is not None and option.points is not None
            total += share(question, bank) * (option.points - bank.scoring.neutral)
    return total


def balance(chosen: Chosen, bank: Bank) -> float:
    """Your index minus theirs, from -100 to +100 (unrounded)."""
    value = index(chosen, "you", bank) - index(chosen, "them", bank)
    return max(-BALANCE_LIMIT, min(BALANCE_LIMIT, value))


def swing(question: Question, bank: Bank) -> float:
    """The most one answer can move the balance: from its lowest option to its highest."""
    scale = question.scale
    assert scale[0].points is not None and scale[-1].points is not None
    return share(question, bank) * (scale[-1].points - scale[0].points)


def uncertainty(chosen: Chosen, bank: Bank) -> float:
    """The balance's ± in points (unrounded).

    Each question may be off by some amount: a known answer by a share of one step of its
    scale (``answered_error_steps``), a gap by half its range. The errors are independent,
    so they add as the root of the sum of their squares.
    """
    squares = 0.0
    for question in bank.questions_of("leverage"):
        if is_known(chosen.get(question.id)):
            error = bank.scoring.answered_error_steps * question.step
        else:
            scale = question.scale
            error = ((scale[-1].points or 0) - (scale[0].points or 0)) / 2
        squares += (share(question, bank) * error) ** 2
    return math.sqrt(squares)


def band_for(value: float, bank: Bank) -> Band:
    return next(band for band in bank.bands if band.contains(value))


def neighbour_within(value: float, margin: float, bank: Bank) -> Band | None:
    """The band across the nearest inner band edge, if that edge is within ``margin``."""
    own = band_for(value, bank)
    edges = {own.min, own.max} - {-BALANCE_LIMIT, BALANCE_LIMIT}
    near = [edge for edge in edges if abs(value - edge) < margin]
    if not near:
        return None
    edge = min(near, key=lambda point: abs(value - point))
    beyond = edge + (0.5 if edge == own.max else -0.5)
    return band_for(beyond, bank)


def counts(chosen: Chosen, side: Side, bank: Bank) -> tuple[int, int, int]:
    """Known, unknown and skipped questions about one side."""
    known = unknown = skipped = 0
    for question in bank.about(side):
        option = chosen.get(question.id)
        if option is None:
            skipped += 1
        elif option.unknown:
            unknown += 1
        else:
            known += 1
    return known, unknown, skipped


def missing_required(chosen: Chosen, bank: Bank) -> tuple[Question, ...]:
    """The questions a verdict needs that are unanswered or unknown."""
    return tuple(
        question
        for question in bank.questions_of("leverage")
        if question.required and not is_known(chosen.get(question.id))
    )


def has_enough(chosen: Chosen, bank: Bank) -> bool:
    """Whether enough is known about both sides for the balance to get a band."""
    if missing_required(chosen, bank):
        return False
    return all(counts(chosen, side, bank)[0] >= bank.scoring.min_known for side in SIDES)


def gaps_dominate(chosen: Chosen, bank: Bank) -> bool:
    """Whether more than the bank's share of one side's facts is missing."""
    for side in SIDES:
        known, unknown, skipped = counts(chosen, side, bank)
        total = known + unknown + skipped
        if 100 * (unknown + skipped) > bank.scoring.gaps_dominate_percent * total:
            return True
    return False
