"""The plan's checks: the rules the site teaches about walk-away points, targets, openings,
concessions and trades, whichever side of the table the reader is on, and the warning judged by
the bank's own questions and rule. Every message names its field and says what to change.

Levels: "fix" breaks a rule (or could not be read); "review" comes close to the line (the bank's
amber); "empty" is still to fill in. The same checks run in the browser, in the terminal, and on
the worked examples' plans at build time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assessment import ethics
from assessment.errors import BadPlan
from assessment.model import Bank, EthicsVerdict, Question
from assessment.plan import Plan, warning_questions
from assessment.plan_fields import SECTIONS, answer_name, row_name
from assessment.quantity import Number
from assessment.result import Problem

Level = Literal["fix", "review", "empty"]
LEVELS: tuple[Level, ...] = ("fix", "review", "empty")


@dataclass(frozen=True)
class Finding:
    """One thing to change (or still to fill in), beside the field it names."""

    field: str | None
    level: Level
    message: str


@dataclass(frozen=True)
class WarningCheck:
    """The warning judged by the bank's rule: its verdict (None until a question is answered),
    the red and amber answers, and the questions still unanswered."""

    verdict: EthicsVerdict | None
    problems: tuple[Problem, ...]
    unanswered: tuple[Question, ...]


@dataclass(frozen=True)
class Checks:
    findings: tuple[Finding, ...]
    warning: WarningCheck

    def count(self, level: Level) -> int:
        return sum(finding.level == level for finding in self.findings)

    @property
    def passed(self) -> bool:
        """Nothing to change and nothing to look at again (empty fields may remain)."""
        return not self.count("fix") and not self.count("review")

    @property
    def summary(self) -> str:
        parts = [
            f"{self.count('fix')} to change" if self.count("fix") else "",
            f"{self.count('review')} to look at again" if self.count("review") else "",
        ]
        empty = self.count("empty")
        said = ", ".join(part for part in parts if part)
        if said:
            return f"{said}{f'; {empty} still empty' if empty else ''}."
        if empty:
            return f"No problem so far; {empty} still empty."
        return "Your plan passes every check."


class _Checker:
    def __init__(self, plan: Plan, bank: Bank) -> None:
        self.plan, self.bank = plan, bank
        self.found: list[Finding] = []
        self.side = {"higher": ("above", "at least"), "lower": ("below", "at most")}.get(
            plan.better or "", ("beyond", "at least")
        )

    def add(self, field: str | None, level: Level, message: str) -> None:
        self.found.append(Finding(field, level, message))

    def q(self, value: Number) -> str:
        return str(self.plan.quantity(value))

    def numbers(self) -> None:
        plan, above = self.plan, self.side[0]
        if plan.better is None:
            return
        alternative, walk_away = plan.alternative, plan.walk_away
        if alternative is not None and walk_away is not None:
            worse = plan.beyond(alternative, walk_away)
            if worse and not plan.walk_away_reason:
                self.add(
                    "walk_away",
                    "fix",
                    f"Your walk-away point ({self.q(walk_away)}) is worse than your alternative "
                    f"({self.q(alternative)}): set it {self.side[1]} {self.q(alternative)}, or "
                    "write below why a worse deal would still be right for you.",
                )
            if plan.walk_away_reason and not worse:
                self.add(
                    "walk_away_reason",
                    "fix",
                    "You gave a reason, but your walk-away point is no worse than your "
                    "alternative: delete the reason, or check the two numbers.",
                )
        chain = (
            (
                "target",
                plan.target,
                "your walk-away point",
                walk_away,
                "at a figure you can defend",
            ),
            ("opening", plan.opening, "your target", plan.target, "leaving yourself room to move"),
        )
        for name, value, before_name, before, why in chain:
            if value is not None and before is not None and not plan.beyond(value, before):
                self.add(
                    name,
                    "fix",
                    f"Your {name} ({self.q(value)}) must be {above} {before_name} "
                    f"({self.q(before)}): set it {above} {self.q(before)}, {why}.",
                )

    def concessions(self) -> None:
        plan = self.plan
        point, point_name, size_before = plan.opening, "your opening", None
        for step, size in plan.steps():
            name = row_name("concessions", step.row, "to")
            if step.to is None:
                self.add(
                    name,
                    "fix",
                    f"Step {step.row} has no number: write where this step moves you to.",
                )
            elif plan.better is not None:
                if point is not None:
                    self.step(step.row, step.to, size, point, point_name, size_before)
                self.within_walk_away(step.row, step.to)
                point, point_name, size_before = step.to, f"step {step.row}", size
            if not step.in_return:
                self.add(
                    row_name("concessions", step.row, "in_return"),
                    "fix",
                    f"Step {step.row} asks for nothing in return: write what you will ask for, as "
                    "“if you…, then I…”. A step given for nothing invites the next push.",
                )

    def step(
        self,
        row: int,
        to: Number,
        size: Number | None,
        point: Number,
        point_name: str,
        size_before: Number | None,
    ) -> None:
        """One step against the point before it: it gives ground, and less than the last step."""
        above = self.side[0]
        name = row_name("concessions", row, "to")
        if size is None:
            below = "below" if self.plan.better == "higher" else "above"
            self.add(
                name,
                "fix",
                f"Step {row} ({self.q(to)}) gives no ground from {point_name} ({self.q(point)}): "
                f"a concession moves towards them, so set it {below} {self.q(point)}.",
            )
        elif size_before is not None and size >= size_before:
            limit = point - size_before if self.plan.better == "higher" else point + size_before
            self.add(
                name,
                "fix",
                f"Step {row} gives {self.q(size)}, no less than the step before "
                f"({self.q(size_before)}): make each step smaller than the last, so they see you "
                f"slowing down. Set it {above} {self.q(round(limit, 9))}.",
            )

    def within_walk_away(self, row: int, to: Number) -> None:
        walk_away = self.plan.walk_away
        if walk_away is not None and self.plan.beyond(walk_away, to):
            self.add(
                row_name("concessions", row, "to"),
                "fix",
                f"Step {row} ({self.q(to)}) goes past your walk-away point ({self.q(walk_away)}): "
                f"no step goes beyond it, so stop at {self.q(walk_away)} or before.",
            )

    def trades(self) -> None:
        for trade in self.plan.trades:
            if not trade.issue:
                self.add(
                    row_name("trades", trade.row, "issue"),
                    "fix",
                    f"Issue {trade.row} has values but no name: say what the issue is, or "
                    "clear its values.",
                )
                continue
            for column, whom in (("to_you", "you"), ("to_them", "them")):
                if getattr(trade, column) is None:
                    extra = (
                        " If you cannot tell, add it to what you will find out."
                        if whom == "them"
                        else ""
                    )
                    self.add(
                        row_name("trades", trade.row, column),
                        "fix",
                        f"Say what “{trade.issue}” is worth to {whom}.{extra}",
                    )

    def warning(self) -> WarningCheck:
        questions = warning_questions(self.bank)
        answers = self.plan.warning_answers
        chosen = {q.id: q.option(answers[q.id]) for q in questions if q.id in answers}
        problems = ethics.problems(chosen, None, self.bank)
        for problem in problems:
            question = problem.answers[0][0]
            found: Level = "fix" if problem.level == "red" else "review"
            self.add(answer_name(question.id), found, f"{problem.name}: {problem.fair_alternative}")
        unanswered = tuple(q for q in questions if q.id not in answers)
        if self.plan.warning and unanswered and answers:
            for question in unanswered:
                self.add(
                    answer_name(question.id),
                    "empty",
                    "Answer this question too, so that your warning is checked in full.",
                )
        verdict = ethics.verdict_level({p.level for p in problems}, bool(chosen))
        return WarningCheck(ethics.verdict_for(verdict, self.bank), problems, unanswered)

    def empties(self) -> None:
        named = {finding.field for finding in self.found}
        for section in SECTIONS:
            for spec in section.fields:
                value = getattr(self.plan, spec.name)
                if spec.required and not value and value != 0 and spec.name not in named:
                    self.add(spec.name, "empty", spec.still_empty)


def check_plan(plan: Plan, bank: Bank, unreadable: Sequence[BadPlan] = ()) -> Checks:
    """Every check of the plan, in the form's order; ``unreadable`` are the problems met while
    reading it (``plan.read_plan``), reported first."""
    checker = _Checker(plan, bank)
    for problem in unreadable:
        checker.add(problem.field, "fix", problem.message)
    checker.numbers()
    checker.concessions()
    checker.trades()
    warning = checker.warning()
    checker.empties()
    return Checks(tuple(checker.found), warning)
