"""The negotiation plan's fields as readers meet them: names, labels, help, limits and sections,
and the flat names the plan page's form gives them (``concessions.2.to``).

The plan page's form, the one-page sheet, the Markdown, the terminal and every message of the
checks take their words from here. The limits keep a plan on one printed page and in one link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assessment.quantity import UNIT_LABELS, plain

Kind = Literal["text", "long", "number", "choice", "lines", "rows", "answers"]

BETTER = {
    "higher": "Higher: I am selling, or asking for pay",
    "lower": "Lower: I am buying, or paying",
}
WORTH = {"little": "Little", "some": "Some", "a-lot": "A lot"}
# The bank's questions about what the reader will do if talks stall: the warning is checked by
# their answers, by the same rule as the assessment's plan.
WARNING_DIMENSION = "if-talks-stall"


@dataclass(frozen=True)
class Field:
    """One field of the plan. ``limit`` is characters for text, items for lines and rows;
    ``item_limit`` the characters of one line. An empty ``required`` field is listed as still
    to fill in. ``columns`` are a row's own fields."""

    name: str
    label: str
    help: str
    kind: Kind
    limit: int = 0
    item_limit: int = 0
    required: bool = True
    choices: Mapping[str, str] | None = None
    columns: tuple[Field, ...] = ()
    empty: str = ""

    @property
    def still_empty(self) -> str:
        """What the checks say while the field is empty."""
        return self.empty or f"{self.label}: still empty."

    def column(self, name: str) -> Field:
        return next(column for column in self.columns if column.name == name)


@dataclass(frozen=True)
class Section:
    """A part of the plan page's form, in order."""

    id: str
    title: str
    fields: tuple[Field, ...]


SECTIONS = (
    Section(
        "deal",
        "The deal",
        (
            Field(
                "deal",
                "What the deal is about",
                "One line, such as: my pay in the new analyst role.",
                "text",
                120,
            ),
            Field(
                "better",
                "Which way is better for you?",
                "Your numbers are checked in this direction.",
                "choice",
                choices=BETTER,
                empty="Say which way is better for you, higher or lower, so that your numbers "
                "can be checked.",
            ),
            Field("unit", "Your numbers are in", "", "choice", required=False, choices=UNIT_LABELS),
        ),
    ),
    Section(
        "numbers",
        "Your numbers",
        (
            Field(
                "alternative_note",
                "Your best alternative, in words",
                "What you will do if there is no deal: the best option you could really take up.",
                "text",
                160,
            ),
            Field(
                "alternative",
                "What your alternative is worth",
                "In the same terms as this deal, if it has a value; leave it empty if it has none.",
                "number",
                required=False,
            ),
            Field(
                "walk_away",
                "Your walk-away point",
                "The least good deal you will accept: no worse than your alternative.",
                "number",
            ),
            Field(
                "walk_away_reason",
                "Why, if your walk-away point is worse than your alternative",
                "Only then, and written now: not a reason you find in the meeting.",
                "text",
                160,
                required=False,
            ),
            Field(
                "target",
                "Your target",
                "What you aim for: beyond your walk-away point, at a figure you can defend.",
                "number",
            ),
            Field(
                "opening",
                "Your opening",
                "Your first number if you go first: beyond your target, and one you can explain.",
                "number",
            ),
            Field(
                "their_likely_limit",
                "Their likely limit (your estimate)",
                "How far you think they can go; leave it empty if you cannot say yet.",
                "number",
                required=False,
            ),
        ),
    ),
    Section(
        "concessions",
        "Your concessions, in order",
        (
            Field(
                "concessions",
                "Concessions",
                "Each step moves from your opening towards your walk-away point, is smaller than "
                "the one before, and buys something: if you…, then I…",
                "rows",
                5,
                columns=(
                    Field("to", "Move to", "", "number"),
                    Field("in_return", "In return, if they…", "", "text", 80),
                ),
                empty="Concessions: plan at least one step, with what you ask in return.",
            ),
        ),
    ),
    Section(
        "trades",
        "Issues you can trade",
        (
            Field(
                "trades",
                "Issues",
                "Things besides the main number, such as a start date, payment terms or the length "
                "of a contract. Give first what costs you little and is worth a lot to them.",
                "rows",
                5,
                columns=(
                    Field("issue", "Issue", "", "text", 60),
                    Field("to_you", "Worth to you", "", "choice", choices=WORTH),
                    Field("to_them", "Worth to them", "", "choice", choices=WORTH),
                ),
                empty="Issues you can trade: name at least one, with what it is worth to each "
                "side.",
            ),
        ),
    ),
    Section(
        "their-side",
        "Their side",
        (
            Field(
                "interests",
                "What they need",
                "Their interests, not their positions: why they want what they ask for. One per "
                "line.",
                "lines",
                5,
                100,
            ),
            Field(
                "find_out",
                "What you will find out before you meet",
                "One per line. Your assessment's “I don't know” answers start the list.",
                "lines",
                8,
                140,
            ),
        ),
    ),
    Section(
        "in-the-room",
        "In the room",
        (
            Field(
                "first_words",
                "Your first few sentences",
                "How you will open: a warm start, then your ask and its reasons.",
                "long",
                450,
            ),
            Field(
                "warning",
                "The warning you will give if talks stall",
                "The consequence that follows if you cannot agree, said calmly, as information. "
                "The questions below check it by the same rule as the assessment.",
                "long",
                220,
            ),
            Field(
                "warning_answers",
                "Your warning, checked",
                "",
                "answers",
                empty="Answer the questions about your warning, so that it can be checked.",
            ),
        ),
    ),
)
FIELDS = {field.name: field for section in SECTIONS for field in section.fields}


def field(name: str) -> Field:
    """The field with this name; KeyError if there is none."""
    return FIELDS[name]


def row_name(field_name: str, row: int, column: str) -> str:
    """The form's name for one cell of a row field, rows counted from 1: concessions.2.to."""
    return f"{field_name}.{row}.{column}"


def answer_name(question: str) -> str:
    """The form's name for the answer to one of the warning's questions."""
    return f"warning_answers.{question}"


def from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The plan's data from the form's flat values: rows and answers gathered (a row keeps its
    place, so a message about it lands beside it), lines kept as text (the plan reads them), and
    unknown names kept, so that reading the plan reports them."""
    data: dict[str, Any] = {}
    rows: dict[str, dict[int, dict[str, str]]] = {}
    for name, value in form.items():
        head, _, rest = name.partition(".")
        spec = FIELDS.get(head)
        if spec is not None and spec.kind == "answers" and rest:
            if value:
                data.setdefault(head, {})[rest] = value
            continue
        number, _, column = rest.partition(".")
        if (
            spec is not None
            and spec.kind == "rows"
            and number.isdigit()
            and 1 <= int(number) <= spec.limit
            and column
        ):
            rows.setdefault(head, {}).setdefault(int(number), {})[column] = value
            continue
        data[name] = value
    for name, by_row in rows.items():
        data[name] = [by_row.get(number, {}) for number in range(1, max(by_row) + 1)]
    return data


def to_form(data: Mapping[str, Any]) -> dict[str, str]:
    """The form's flat values for a plan's data (``Plan.to_dict()``): what the page puts back."""
    form: dict[str, str] = {}
    for name, value in data.items():
        spec = FIELDS[name]
        if spec.kind == "answers":
            form.update({answer_name(question): option for question, option in value.items()})
        elif spec.kind == "rows":
            for row, cells in enumerate(value, start=1):
                for column, cell in cells.items():
                    text = plain(cell) if isinstance(cell, int | float) else str(cell)
                    form[row_name(name, row, column)] = text
        elif spec.kind == "lines":
            form[name] = "\n".join(value)
        elif isinstance(value, int | float):
            form[name] = plain(value)
        else:
            form[name] = str(value)
    return form
