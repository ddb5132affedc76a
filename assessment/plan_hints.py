"""Hints for the plan from the reader's own assessment answers, all taken from the question bank:
a weak alternative asks them to firm it up (the bank's action for that answer), every "I don't
know" becomes an item to find out (the bank's find-out action), and every red or amber answer
sends them back to its fair alternative. The plan page shows them beside the fields they concern,
and fills empty fields from them (``prefill``) when a plan is started.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from assessment import ethics, leverage
from assessment.advice import action_for
from assessment.errors import AssessmentError
from assessment.model import Bank, Link, Option
from assessment.plan import Plan, warning_questions
from assessment.plan_fields import WARNING_DIMENSION, answer_name, field
from assessment.sharecode import carry_over

HintKind = Literal["alternative", "find-out", "red", "amber"]
# The leverage idea whose answer about "you" is the reader's alternative.
ALTERNATIVES = "alternatives"
# Which plan field a red or amber answer concerns, by the bank's dimension of the plan part.
FIELD_OF_DIMENSION = {
    "what-you-say": "first_words",
    "what-you-offer": "concessions",
    "their-side": "interests",
    WARNING_DIMENSION: "warning",
}


@dataclass(frozen=True)
class Hint:
    """A hint beside ``field`` (None: about the plan as a whole). ``add`` is a line the reader
    may add to that field as it is (an item to find out)."""

    field: str | None
    kind: HintKind
    text: str
    link: Link | None
    add: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The reader's saved assessment answers, as the plan uses them."""

    chosen: Mapping[str, Option]
    kind: str | None
    notice: str | None = None

    @classmethod
    def none(cls) -> Assessment:
        return cls({}, None)


def read_assessment(answers: object, version: str | None, bank: Bank) -> Assessment:
    """The saved answers the page found (under any bank version), or none with a notice saying
    why they could not be used: hints are a help, so a damaged copy never stops the plan."""
    if not answers:
        return Assessment.none()
    try:
        if not isinstance(answers, dict):
            raise AssessmentError("they are not a set of answers")
        carried = carry_over(answers, version or bank.version, bank).answers
    except AssessmentError as error:
        return Assessment(
            {},
            None,
            "Your saved assessment answers could not be read, so the plan has no hints from "
            f"them ({error.message}). Answer the assessment again to get them.",
        )
    chosen = {q.id: q.option(carried[q.id]) for q in bank.questions if q.id in carried}
    kind_option = chosen.get(bank.kind_question.id)
    return Assessment(chosen, None if kind_option is None else kind_option.id)


def _find_outs(assessment: Assessment, bank: Bank) -> list[tuple[str, Link]]:
    """The bank's find-out action for every "I don't know", the biggest gap first (the most
    that answer could move the balance), then in the bank's order."""
    found = []
    for question in bank.questions_of("leverage"):
        option = assessment.chosen.get(question.id)
        action = None if option is None or not option.unknown else action_for(question, option)
        if action is not None:
            found.append(
                (-leverage.swing(question, bank), action.text_for(assessment.kind), question.link)
            )
    return [(text, link) for _, text, link in sorted(found, key=lambda item: item[0])]


def hints(plan: Plan, assessment: Assessment, bank: Bank) -> tuple[Hint, ...]:
    """The hints for this plan, in the form's order of fields."""
    found: list[Hint] = []
    yours = next(q for q in bank.about("you") if q.dimension == ALTERNATIVES)
    option = assessment.chosen.get(yours.id)
    action = None if option is None else action_for(yours, option)
    if option is not None and action is not None and (option.points or 0) <= bank.scoring.neutral:
        found.append(
            Hint(
                "alternative_note",
                "alternative",
                f"Your assessment says your alternative is “{option.label_for(assessment.kind)}”. "
                f"{action.text_for(assessment.kind)}",
                yours.link,
            )
        )
    for text, link in _find_outs(assessment, bank):
        if text not in plan.find_out:
            found.append(Hint("find_out", "find-out", text, link, add=text))
    warned = {q.id for q in warning_questions(bank)} if plan.warning_answers else set()
    for problem in ethics.problems(assessment.chosen, assessment.kind, bank):
        if {question.id for question, _, _ in problem.answers} <= warned:
            continue  # the plan's own answers about its warning are checked instead
        dimension = problem.answers[0][0].dimension
        found.append(
            Hint(
                FIELD_OF_DIMENSION.get(dimension),
                problem.level,
                f"{problem.name}, in your assessment: {problem.fair_alternative}",
                problem.link,
            )
        )
    return tuple(found)


def prefill(plan: Plan, assessment: Assessment, bank: Bank) -> dict[str, str]:
    """Form values for a plan being started: the items to find out, and the assessment's own
    answers to the warning's questions; only for fields the plan leaves empty."""
    values: dict[str, str] = {}
    if not plan.find_out:
        items = [text for text, _ in _find_outs(assessment, bank)][: field("find_out").limit]
        if items:
            values["find_out"] = "\n".join(items)
    if not plan.warning_answers:
        for question in warning_questions(bank):
            option = assessment.chosen.get(question.id)
            if option is not None:
                values[answer_name(question.id)] = option.id
    return values
