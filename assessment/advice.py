"""What would help most (found by re-scoring changed answers) and what to read next."""

from __future__ import annotations

from collections.abc import Callable

from assessment.model import Bank, Link, Option, Question
from assessment.result import DimensionShare, Reading, ReadingReason, RedFlag, WhatIf

Chosen = dict[str, Option]
Rescore = Callable[[Chosen], float | None]


def one_step_better(question: Question, current: Option) -> Option | None:
    """The next option that moves the balance your way, or None if there is none.

    For a question about you that is the next higher-scoring option; for a question about
    them, the next lower-scoring one (less leverage for them).
    """
    if question.side == "you":
        higher = [o for o in question.options if o.points > current.points]
        return min(higher, key=lambda o: o.points) if higher else None
    lower = [o for o in question.options if o.points < current.points]
    return max(lower, key=lambda o: o.points) if lower else None


def what_if(
    chosen: Chosen, bank: Bank, rescore: Rescore, balance: float | None
) -> tuple[WhatIf, ...]:
    """Move each answer you can act on one step your way, re-score, and rank by the gain.

    ``balance`` is the rounded balance the reader sees; gains are measured from it so
    that "new balance" always equals "balance + gain" on screen.
    """
    if balance is None:
        return ()
    # Ethics answers never move the balance, so re-scoring needs only the leverage answers.
    leverage = {q: o for q, o in chosen.items() if bank.question(q).side is not None}
    found: list[tuple[float, int, WhatIf]] = []
    for position, question in enumerate(bank.questions):
        current = chosen.get(question.id)
        if current is None or not question.actionable:
            continue
        better = one_step_better(question, current)
        if better is None:
            continue
        new_balance = rescore({**leverage, question.id: better})
        if new_balance is None:
            continue
        new_rounded = round(new_balance, 1) + 0.0
        gain = round(new_rounded - balance, 1) + 0.0
        if gain <= 0:
            continue
        item = WhatIf(
            question=question,
            dimension=bank.dimension(question.dimension),
            current=current,
            better=better,
            balance_gain=gain,
            new_balance=new_rounded,
        )
        found.append((-gain, position, item))
    found.sort(key=lambda entry: entry[:2])
    return tuple(item for _, _, item in found[: bank.scoring.what_if_limit])


def read_next(
    red_flags: tuple[RedFlag, ...],
    suggestions: tuple[WhatIf, ...],
    held_back_by: tuple[DimensionShare, ...],
    bank: Bank,
) -> tuple[Reading, ...]:
    """Articles to read next: red flags first, then the best improvements, then weak spots."""
    candidates: list[tuple[Link, str, ReadingReason]] = [
        (flag.question.link, flag.dimension.title, "red-flag") for flag in red_flags
    ]
    candidates += [(item.question.link, item.dimension.title, "what-if") for item in suggestions]
    for share in held_back_by:
        first = bank.questions_in(share.dimension.id, "you")[0]
        candidates.append((first.link, share.dimension.title, "held-back"))
    readings: list[Reading] = []
    seen: set[Link] = set()
    for link, title, reason in candidates:
        if link not in seen:
            seen.add(link)
            readings.append(Reading(link, title, reason))
    return tuple(readings[: bank.scoring.read_next_limit])
