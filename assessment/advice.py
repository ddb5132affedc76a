"""What to do first: the bank's actions, ranked as a trainer would rank them.

- An *improvement* moves a known answer about you. Its priority is the gain in balance
  from re-scoring with that answer at its best (so a question's step size never matters,
  only how far the answer is from the best), times how feasible the action is (when it
  can be done, and how much work it is).
- A *find-out* turns an "I don't know" into a fact. Its priority is half the most that
  answer could move the balance (its share of the uncertainty), times its feasibility.
  When gaps dominate one side, every find-out comes before every improvement.
- At most one suggestion per dimension, and one place (``preparation_slot``) is kept for
  the most useful preparation action. Only actions the bank lists are suggested, and
  none about what the other side has: that cannot be changed, only found out.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment import leverage
from assessment.leverage import rounded
from assessment.model import Action, Bank, Option, Question
from assessment.result import Advice, AdviceType


def action_for(question: Question, option: Option) -> Action | None:
    """The bank's action for this answer, if it has one (the loader allows at most one)."""
    return next((a for a in question.actions if option.id in a.applies_to), None)


def one_step_better(question: Question, option: Option) -> Option | None:
    """The next option up the scale, or None at the top."""
    scale = question.scale
    position = scale.index(option)
    return scale[position + 1] if position + 1 < len(scale) else None


class _Adviser:
    """Builds the candidates for one answer set."""

    def __init__(
        self, chosen: Mapping[str, Option], kind: str | None, bank: Bank, shown: float | None
    ) -> None:
        self.chosen, self.kind, self.bank, self.shown = chosen, kind, bank, shown
        self.now = leverage.balance(chosen, bank)

    def advice(
        self,
        question: Question,
        action: Action,
        type_: AdviceType,
        priority: float,
        better: Option | None = None,
    ) -> Advice:
        current = self.chosen.get(question.id)
        gain = new = None
        if type_ == "improve" and better is not None and self.shown is not None:
            new = rounded(leverage.balance({**self.chosen, question.id: better}, self.bank))
            gain = rounded(new - self.shown)
        return Advice(
            action=action,
            type=type_,
            text=action.text_for(self.kind),
            when=self.bank.timing(action.when),
            effort=self.bank.effort(action.effort),
            question=question,
            dimension=self.bank.dimension(question.dimension),
            current=current,
            current_label=None if current is None else current.label_for(self.kind),
            better=better,
            better_label=None if better is None else better.label_for(self.kind),
            balance_gain=gain,
            new_balance=new,
            priority=priority,
        )

    def feasibility(self, action: Action) -> float:
        return self.bank.feasibility.of(action.when, action.effort)

    def leverage_candidates(self) -> list[Advice]:
        found: list[Advice] = []
        for question in self.bank.questions_of("leverage"):
            option = self.chosen.get(question.id)
            action = None if option is None else action_for(question, option)
            if option is None or action is None:
                continue
            if option.unknown:
                priority = leverage.swing(question, self.bank) * self.feasibility(action)
                found.append(self.advice(question, action, "find-out", priority))
                continue
            best = question.scale[-1]
            gain = leverage.balance({**self.chosen, question.id: best}, self.bank) - self.now
            better = one_step_better(question, option)
            if gain > 0 and better is not None:
                priority = gain * self.feasibility(action)
                found.append(self.advice(question, action, "improve", priority, better))
        return found

    def preparation_candidates(self) -> list[Advice]:
        found: list[Advice] = []
        questions = self.bank.questions_of("preparation")
        for question in questions:
            option = self.chosen.get(question.id)
            action = None if option is None else action_for(question, option)
            if option is None or action is None:
                continue
            headroom = ((question.scale[-1].points or 0) - (option.points or 0)) / len(questions)
            better = one_step_better(question, option)
            priority = headroom * self.feasibility(action)
            found.append(self.advice(question, action, "prepare", priority, better))
        return found


def advise(
    chosen: Mapping[str, Option], kind: str | None, bank: Bank, shown: float | None
) -> tuple[Advice, ...]:
    """The advice list, best first. ``shown`` is the balance the reader sees (None if none),
    so that "balance + gain" on screen always equals the new balance."""
    adviser = _Adviser(chosen, kind, bank, shown)
    order = {question.id: number for number, question in enumerate(bank.questions)}
    efforts = {effort.id: number for number, effort in enumerate(bank.efforts)}
    find_out_first = leverage.gaps_dominate(chosen, bank)

    def rank(item: Advice) -> tuple[bool, float, int, int]:
        later = find_out_first and item.type != "find-out"
        return (later, -item.priority, efforts[item.action.effort], order[item.question.id])

    picked: list[Advice] = []
    used: set[str] = set()
    for item in sorted(adviser.leverage_candidates(), key=rank):
        if item.dimension.id not in used:
            used.add(item.dimension.id)
            picked.append(item)
    preparation = sorted(adviser.preparation_candidates(), key=rank)
    limit = bank.scoring.advice_limit
    if not preparation:
        return tuple(picked[:limit])
    picked = picked[: limit - 1]
    slot = min(bank.scoring.preparation_slot - 1, len(picked))
    return (*picked[:slot], preparation[0], *picked[slot:])
