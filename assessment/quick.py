"""The quick check: the few questions the bank flags `quick`, for readers with four minutes.

The quick check is scored by the normal `score()`: its questions are simply the only ones
answered. The bank's quick set must let a complete quick check show a band, so the loader
checks it holds every question a band needs and enough about each side.
"""

from __future__ import annotations

from assessment.errors import BadBank
from assessment.model import SIDES, Bank, Question

QUICK = "quick"


def quick_questions(bank: Bank) -> tuple[Question, ...]:
    """The quick check's questions, in bank order (empty when the bank flags none)."""
    return tuple(question for question in bank.questions if QUICK in question.flags)


def quick_minutes(bank: Bank) -> int:
    """How long the quick check takes, computed like the whole form's time."""
    return bank.minutes_for(quick_questions(bank))


def check_quick(bank: Bank, file: str) -> None:
    """BadBank unless answering every quick question (none "I don't know") can show a band."""
    quick = quick_questions(bank)
    if not quick:
        return
    for question in bank.questions_of("leverage"):
        if question.required and question not in quick:
            raise BadBank(
                f"is needed for a band, so the quick check must ask it: add {QUICK!r} to its flags",
                file=file,
                question=question.id,
                field="flags",
            )
    for side in SIDES:
        asked = sum(question.side == side for question in quick)
        if asked < bank.scoring.min_known:
            raise BadBank(
                f"the quick check asks {asked} questions {bank.side_words(side).about}, but a "
                f"band needs {bank.scoring.min_known}: flag more of them {QUICK!r}",
                file=file,
                field="flags",
            )
