"""The plan's verdict, by one published rule: any red answer crosses the line; otherwise any
amber answer needs a second look; otherwise the plan looks fair.

Only plan answers and the bank's red and amber combinations of plan answers count: nothing
about leverage, and no score, can change the verdict.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.model import Bank, EthicsVerdict, Level, Option, VerdictLevel
from assessment.result import EthicsResult, Problem


def problems(chosen: Mapping[str, Option], kind: str | None, bank: Bank) -> tuple[Problem, ...]:
    """Every red or amber part of the plan: answers first, in form order, then combinations."""
    found: list[Problem] = []
    for question in bank.questions_of("ethics"):
        option = chosen.get(question.id)
        if option is None or option.level is None:
            continue
        # The loader guarantees a red or amber answer has a flag, a fair alternative and a link.
        assert option.flag and option.fair_alternative and option.link
        found.append(
            Problem(
                id=f"{question.id}.{option.id}",
                level=option.level,
                name=option.flag,
                fair_alternative=option.fair_alternative,
                answers=((question, option, option.label_for(kind)),),
                link=option.link,
            )
        )
    answers = {question_id: option.id for question_id, option in chosen.items()}
    for combination in bank.combinations:
        if combination.level == "note" or not combination.holds(answers):
            continue
        involved = tuple(
            (bank.question(question_id), chosen[question_id]) for question_id, _ in combination.when
        )
        found.append(
            Problem(
                id=combination.id,
                level=combination.level,
                name=combination.name,
                fair_alternative=combination.text,
                answers=tuple((q, o, o.label_for(kind)) for q, o in involved),
                link=combination.link,
            )
        )
    return tuple(found)


def verdict_level(levels: set[Level], any_answer: bool) -> VerdictLevel | None:
    """The rule itself: the highest level present, "none" for a clean plan, None if no plan."""
    if "red" in levels:
        return "red"
    if "amber" in levels:
        return "amber"
    return "none" if any_answer else None


def verdict_for(level: VerdictLevel | None, bank: Bank) -> EthicsVerdict | None:
    if level is None:
        return None
    return next(verdict for verdict in bank.ethics_verdicts if verdict.level == level)


def assess(chosen: Mapping[str, Option], kind: str | None, bank: Bank) -> EthicsResult:
    plan = bank.questions_of("ethics")
    answered = sum(question.id in chosen for question in plan)
    # "I don't know" about their situation says nothing about the plan itself.
    stated = any(question.id in chosen and not chosen[question.id].unknown for question in plan)
    found = problems(chosen, kind, bank)
    verdict = verdict_for(verdict_level({p.level for p in found}, stated), bank)
    return EthicsResult(
        verdict=verdict,
        text=bank.texts.no_ethics if verdict is None else verdict.summary,
        red=tuple(problem for problem in found if problem.level == "red"),
        amber=tuple(problem for problem in found if problem.level == "amber"),
        answered=answered,
        total=len(plan),
    )
