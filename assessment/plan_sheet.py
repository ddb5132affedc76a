"""The plan on one page: its fields laid out in blocks, numbers written the site's way, step
sizes and the zone of possible agreement worked out, and the checks' verdict at the end.

The plan page draws this for print and the Markdown export writes it, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessment.model import Bank
from assessment.plan import Plan, warning_questions
from assessment.plan_checks import Checks
from assessment.plan_fields import BETTER, FIELDS, SECTIONS, WORTH
from assessment.quantity import Number

TITLE = "Negotiation plan"
NO_VALUE = "\N{EN DASH}"


@dataclass(frozen=True)
class Block:
    """One block of the sheet: a text, labelled rows, a table (its first row the headings) and
    items (a checklist when ``checklist``), in that order, whichever it has."""

    id: str
    heading: str
    rows: tuple[tuple[str, str], ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    items: tuple[str, ...] = ()
    checklist: bool = False
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "heading": self.heading,
            "rows": [list(row) for row in self.rows],
            "table": [list(row) for row in self.table],
            "items": list(self.items),
            "checklist": self.checklist,
            "text": self.text,
        }


@dataclass(frozen=True)
class Sheet:
    title: str
    blocks: tuple[Block, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "blocks": [block.to_dict() for block in self.blocks]}


def _title(section_id: str) -> str:
    return next(section.title for section in SECTIONS if section.id == section_id)


class _Layout:
    def __init__(self, plan: Plan, checks: Checks, bank: Bank) -> None:
        self.plan, self.checks, self.bank = plan, checks, bank

    def q(self, value: Number | None) -> str:
        return NO_VALUE if value is None else str(self.plan.quantity(value))

    def numbers(self) -> Block:
        plan = self.plan
        rows: list[tuple[str, str]] = []
        if plan.better is not None:
            rows.append(("Better for you", BETTER[plan.better].split(":")[0]))
        if plan.alternative_note or plan.alternative is not None:
            value = "" if plan.alternative is None else self.q(plan.alternative)
            text = f"{plan.alternative_note} ({value})" if plan.alternative_note and value else None
            rows.append(("Your alternative", text or plan.alternative_note or value))
        if plan.walk_away is not None:
            reason = f". {plan.walk_away_reason}" if plan.walk_away_reason else ""
            rows.append(("Walk-away point", self.q(plan.walk_away) + reason))
        for name, label in (("target", "Target"), ("opening", "Opening")):
            value = getattr(plan, name)
            if value is not None:
                rows.append((label, self.q(value)))
        limit = plan.their_likely_limit
        if limit is not None:
            rows.append(("Their likely limit", f"{self.q(limit)}, an estimate"))
        if limit is not None and plan.walk_away is not None and plan.better is not None:
            if plan.beyond(plan.walk_away, limit):
                zone = (
                    f"None on your estimate: their limit ({self.q(limit)}) falls short of your "
                    f"walk-away point ({self.q(plan.walk_away)})."
                )
            else:
                zone = (
                    f"Between your walk-away point ({self.q(plan.walk_away)}) and their likely "
                    f"limit ({self.q(limit)}), on your estimate."
                )
            rows.append(("Zone of possible agreement", zone))
        return Block("numbers", _title("numbers"), rows=tuple(rows))

    def concessions(self) -> Block:
        spec = FIELDS["concessions"]
        headings = ("Step", spec.column("to").label, "Size of step", spec.column("in_return").label)
        table: list[tuple[str, ...]] = []
        if self.plan.concessions and self.plan.opening is not None:
            table.append(("Opening", self.q(self.plan.opening), NO_VALUE, NO_VALUE))
        for number, (step, size) in enumerate(self.plan.steps(), start=1):
            table.append((str(number), self.q(step.to), self.q(size), step.in_return or NO_VALUE))
        return Block(
            "concessions", _title("concessions"), table=(headings, *table) if table else ()
        )

    def trades(self) -> Block:
        spec = FIELDS["trades"]
        headings = tuple(column.label for column in spec.columns)
        rows = [
            (t.issue, WORTH.get(t.to_you or "", NO_VALUE), WORTH.get(t.to_them or "", NO_VALUE))
            for t in self.plan.trades
        ]
        return Block("trades", _title("trades"), table=(headings, *rows) if rows else ())

    def warning(self) -> Block:
        warning = self.checks.warning
        rows = []
        answers = self.plan.warning_answers
        for question in warning_questions(self.bank):
            if question.id in answers:
                rows.append((question.text, question.option(answers[question.id]).label))
        if warning.verdict is not None:
            rows.append(("Checked", warning.verdict.label))
        return Block("warning", "If talks stall", rows=tuple(rows), text=self.plan.warning)

    def checks_block(self) -> Block:
        items = tuple(f.message for f in self.checks.findings if f.level in ("fix", "review"))
        return Block("checks", "Checks", items=items, text=self.checks.summary)

    def sheet(self) -> Sheet:
        plan = self.plan
        blocks = (
            self.numbers(),
            self.concessions(),
            self.trades(),
            Block("interests", FIELDS["interests"].label, items=plan.interests),
            Block("find_out", FIELDS["find_out"].label, items=plan.find_out, checklist=True),
            Block("first_words", FIELDS["first_words"].label, text=plan.first_words),
            self.warning(),
        )
        title = f"{TITLE}: {plan.deal}" if plan.deal else TITLE
        shown = tuple(
            block for block in blocks if block.rows or block.table or block.items or block.text
        )
        return Sheet(title, (*shown, self.checks_block()) if shown else ())


def make_sheet(plan: Plan, checks: Checks, bank: Bank) -> Sheet:
    """The plan's one-page sheet; blocks with nothing in them are left out (no blocks at all
    for an empty plan)."""
    return _Layout(plan, checks, bank).sheet()
