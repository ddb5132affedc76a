"""A negotiation plan: what the reader will say and do in one negotiation, read from a plan file,
a plan link or the plan page's form, and written back as plain data (``Plan.to_dict()``).

``read_plan`` keeps every problem it finds (a number that is not one, a text too long) and reads
on, so the page can show them all while the reader types; ``parse_plan`` raises the first as
``BadPlan``, naming the field. Either way nothing the reader wrote is dropped: a text over its
limit is kept whole, and reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, cast

from assessment.bank import load_bank
from assessment.errors import BadPlan, allowed_list
from assessment.model import Bank, Question
from assessment.plan_fields import (
    BETTER,
    FIELDS,
    WARNING_DIMENSION,
    WORTH,
    Field,
    answer_name,
    row_name,
)
from assessment.quantity import UNITS, Number, Quantity, read_number

Better = Literal["higher", "lower"]
Worth = Literal["little", "some", "a-lot"]
FIT = "so that your plan fits on one page"


@dataclass(frozen=True)
class Concession:
    """One planned step: where it moves you to, and what you ask for in return. ``row`` is its
    place in the form (from 1), so a message lands beside it even when a row above is empty."""

    row: int
    to: Number | None
    in_return: str


@dataclass(frozen=True)
class Trade:
    """An issue besides the main number, with what it is worth to each side."""

    row: int
    issue: str
    to_you: Worth | None
    to_them: Worth | None


@dataclass(frozen=True)
class Plan:
    """A negotiation plan. Every field may be empty: the checks say what is still missing."""

    deal: str = ""
    better: Better | None = None
    unit: str | None = None
    alternative_note: str = ""
    alternative: Number | None = None
    walk_away: Number | None = None
    walk_away_reason: str = ""
    target: Number | None = None
    opening: Number | None = None
    their_likely_limit: Number | None = None
    concessions: tuple[Concession, ...] = ()
    trades: tuple[Trade, ...] = ()
    interests: tuple[str, ...] = ()
    find_out: tuple[str, ...] = ()
    first_words: str = ""
    warning: str = ""
    warning_answers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def beyond(self, first: Number, second: Number) -> bool:
        """Whether ``first`` is strictly better for the reader than ``second``."""
        return first > second if self.better == "higher" else first < second

    def quantity(self, value: Number) -> Quantity:
        return Quantity(value, self.unit)

    def steps(self) -> tuple[tuple[Concession, Number | None], ...]:
        """Each concession with its size: how far it moves from the point before it (the
        opening, or the step before); None when a number is missing or it gives no ground."""
        steps = []
        point = self.opening
        for concession in self.concessions:
            size = None
            to = concession.to
            if point is not None and to is not None and self.better and self.beyond(point, to):
                size = round(abs(point - to), 9)
            steps.append((concession, size))
            if concession.to is not None:
                point = concession.to
        return tuple(steps)

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data (JSON and TOML ready), empty fields left out."""
        data: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if name == "concessions":
                value = [_cells({"to": c.to, "in_return": c.in_return}) for c in value]
            elif name == "trades":
                value = [
                    _cells({"issue": t.issue, "to_you": t.to_you, "to_them": t.to_them})
                    for t in value
                ]
            elif isinstance(value, tuple | Mapping):
                value = list(value) if isinstance(value, tuple) else dict(value)
            if value not in (None, "", [], {}):
                data[name] = value
        return data

    def is_empty(self) -> bool:
        return not self.to_dict()


def _cells(cells: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in cells.items() if value not in (None, "")}


def warning_questions(bank: Bank) -> tuple[Question, ...]:
    """The bank's questions the warning is checked by, in the bank's order."""
    return bank.questions_in(WARNING_DIMENSION)


@dataclass(frozen=True)
class Read:
    """A plan as far as it could be read, and every problem met on the way."""

    plan: Plan
    problems: tuple[BadPlan, ...]


class _Reader:
    """Reads one plan's data, noting each problem and reading on."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.problems: list[BadPlan] = []

    def fail(self, field_name: str | None, message: str) -> None:
        self.problems.append(BadPlan(message, field=field_name))

    def text(self, value: object, name: str, spec: Field, label: str | None = None) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(name, f"{name} must be text, not {_what(value)}.")
            return ""
        # Long fields keep the reader's line breaks; a one-line field keeps single spaces.
        text = value.strip() if spec.kind == "long" else " ".join(value.split())
        if spec.limit and len(text) > spec.limit:
            self.fail(
                name,
                f"{label or spec.label}: {len(text)} characters; keep it to {spec.limit}, {FIT}.",
            )
        return text

    def number(self, value: object, name: str) -> Number | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return read_number(value, name)
        except BadPlan as problem:
            self.problems.append(problem)
            return None

    def choice(self, value: object, name: str, allowed: Mapping[str, str] | tuple[str, ...]) -> Any:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or value not in allowed:
            self.fail(name, f"{name} must be {allowed_list(allowed)}, not {value!r}.")
            return None
        return value

    def lines(self, value: object, spec: Field) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            items = value.splitlines()
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            items = cast(list[str], value)
        else:
            self.fail(spec.name, f"{spec.name} must be a list of texts, or text with one per line.")
            return ()
        kept = tuple(text for text in (" ".join(item.split()) for item in items) if text)
        if len(kept) > spec.limit:
            self.fail(
                spec.name, f"{spec.label}: {len(kept)} lines; keep it to {spec.limit}, {FIT}."
            )
        for number, item in enumerate(kept, start=1):
            if len(item) > spec.item_limit:
                self.fail(
                    spec.name,
                    f"{spec.label}, line {number}: {len(item)} characters; keep each line to "
                    f"{spec.item_limit}, {FIT}.",
                )
        return kept

    def rows(self, value: object, spec: Field) -> list[tuple[int, dict[str, Any]]]:
        """The rows that hold anything, each with its row number and its cells."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(spec.name, f"{spec.name} must be a list of rows, not {_what(value)}.")
            return []
        rows = []
        for number, cells in enumerate(value, start=1):
            if not isinstance(cells, dict):
                self.fail(f"{spec.name}.{number}", f"{spec.name}, row {number}, must be a table.")
                continue
            columns = [column.name for column in spec.columns]
            unknown = sorted(set(cells) - set(columns))
            if unknown:
                self.fail(
                    f"{spec.name}.{number}",
                    f"{spec.name}, row {number}, has an unknown field {unknown[0]!r}: its fields "
                    f"are {allowed_list(columns)}.",
                )
            if any(value not in (None, "") for value in cells.values()):
                rows.append((number, cells))
        if len(rows) > spec.limit:
            self.fail(spec.name, f"{spec.label}: keep to {spec.limit} rows, {FIT}.")
        return rows

    def concessions(self, value: object) -> tuple[Concession, ...]:
        spec = FIELDS["concessions"]
        return tuple(
            Concession(
                row=row,
                to=self.number(cells.get("to"), row_name(spec.name, row, "to")),
                in_return=self.text(
                    cells.get("in_return"),
                    row_name(spec.name, row, "in_return"),
                    spec.column("in_return"),
                    f"Step {row}, what you ask in return",
                ),
            )
            for row, cells in self.rows(value, spec)
        )

    def trades(self, value: object) -> tuple[Trade, ...]:
        spec = FIELDS["trades"]
        trades = []
        for row, cells in self.rows(value, spec):
            issue = self.text(
                cells.get("issue"),
                row_name(spec.name, row, "issue"),
                spec.column("issue"),
                f"Issue {row}",
            )
            to_you = self.choice(cells.get("to_you"), row_name(spec.name, row, "to_you"), WORTH)
            to_them = self.choice(cells.get("to_them"), row_name(spec.name, row, "to_them"), WORTH)
            trades.append(Trade(row, issue, to_you, to_them))
        return tuple(trades)

    def answers(self, value: object) -> Mapping[str, str]:
        if value is None:
            return MappingProxyType({})
        questions = {question.id: question for question in warning_questions(self.bank)}
        if not isinstance(value, dict):
            self.fail(
                "warning_answers",
                f"warning_answers must map the questions {allowed_list(questions)} to answers.",
            )
            return MappingProxyType({})
        answers: dict[str, str] = {}
        for question_id, option_id in value.items():
            name = answer_name(str(question_id))
            question = questions.get(question_id)
            if question is None:
                self.fail(
                    name,
                    f"{question_id!r} is not one of the warning's questions: they are "
                    f"{allowed_list(questions)}.",
                )
            elif option_id not in question.option_ids:
                self.fail(
                    name,
                    f"{option_id!r} is not an answer to {question_id!r}: choose "
                    f"{allowed_list(question.option_ids)}.",
                )
            else:
                answers[question_id] = option_id
        ordered = {q: answers[q] for q in questions if q in answers}
        return MappingProxyType(ordered)

    def plan(self, data: object) -> Plan:
        if not isinstance(data, dict):
            self.fail(
                None, f"A plan must be a table of fields (an object in JSON), not {_what(data)}."
            )
            return Plan()
        unknown = sorted(str(name) for name in set(data) - set(FIELDS))
        for name in unknown:
            self.fail(
                name, f"Unknown field {name!r}: the plan's fields are {allowed_list(FIELDS)}."
            )
        return Plan(
            deal=self.text(data.get("deal"), "deal", FIELDS["deal"]),
            better=self.choice(data.get("better"), "better", BETTER),
            unit=self.choice(data.get("unit"), "unit", UNITS),
            alternative_note=self.text(
                data.get("alternative_note"), "alternative_note", FIELDS["alternative_note"]
            ),
            alternative=self.number(data.get("alternative"), "alternative"),
            walk_away=self.number(data.get("walk_away"), "walk_away"),
            walk_away_reason=self.text(
                data.get("walk_away_reason"), "walk_away_reason", FIELDS["walk_away_reason"]
            ),
            target=self.number(data.get("target"), "target"),
            opening=self.number(data.get("opening"), "opening"),
            their_likely_limit=self.number(data.get("their_likely_limit"), "their_likely_limit"),
            concessions=self.concessions(data.get("concessions")),
            trades=self.trades(data.get("trades")),
            interests=self.lines(data.get("interests"), FIELDS["interests"]),
            find_out=self.lines(data.get("find_out"), FIELDS["find_out"]),
            first_words=self.text(data.get("first_words"), "first_words", FIELDS["first_words"]),
            warning=self.text(data.get("warning"), "warning", FIELDS["warning"]),
            warning_answers=self.answers(data.get("warning_answers")),
        )


def _what(value: object) -> str:
    names = {dict: "a table", list: "a list", str: "text", bool: "true or false"}
    return names.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def read_plan(data: object, bank: Bank | None = None) -> Read:
    """The plan in ``data`` (a plan file's table, a form's fields gathered by
    ``plan_fields.from_form``), with every problem found; never raises for the data itself."""
    reader = _Reader(load_bank() if bank is None else bank)
    plan = reader.plan(data)
    return Read(plan, tuple(reader.problems))


def parse_plan(data: object, bank: Bank | None = None) -> Plan:
    """The plan in ``data``; BadPlan, naming the field, for the first problem."""
    read = read_plan(data, bank)
    if read.problems:
        raise read.problems[0]
    return read.plan
