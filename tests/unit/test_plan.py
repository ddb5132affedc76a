"""The plan model (assessment/plan.py, plan_fields.py, quantity.py): reading plans from files and
from the plan page's form, every problem named by its field, nothing the reader wrote dropped."""

from __future__ import annotations

import pytest

from assessment import BadPlan, Bank
from assessment.plan import Plan, parse_plan, read_plan, warning_questions
from assessment.plan_fields import FIELDS, SECTIONS, WARNING_DIMENSION, from_form, to_form
from assessment.plan_files import example_ids, load_example
from assessment.quantity import Quantity, read_number


def test_numbers_are_read_as_people_type_them() -> None:
    assert read_number("68000", "x") == 68000
    assert read_number(" 68,000 ", "x") == 68000
    assert read_number("68 000", "x") == 68000
    assert read_number("£1,500.50", "x") == 1500.5
    assert read_number("2.5%", "x") == 2.5
    assert read_number(30.0, "x") == 30 and isinstance(read_number(30.0, "x"), int)
    assert read_number(0, "x") == 0


@pytest.mark.parametrize("typed", ["68k", "1,5", "-3", "", "1.2.3", "12,34", "£", "ten"])
def test_text_that_is_not_a_number_is_refused_with_what_to_type(typed: str) -> None:
    with pytest.raises(BadPlan, match=r"walk_away.*write it in digits, such as 68000") as caught:
        read_number(typed, "walk_away")
    assert caught.value.field == "walk_away"


@pytest.mark.parametrize("value", [True, None, [1], float("nan"), float("inf"), -1, 10**13])
def test_values_that_are_no_amount_are_refused(value: object) -> None:
    with pytest.raises(BadPlan) as caught:
        read_number(value, "target")
    assert caught.value.field == "target"


def test_quantities_are_written_the_sites_way() -> None:
    assert str(Quantity(68000, "£")) == "£68,000"
    assert str(Quantity(1500.5, "€")) == "€1,500.50"
    assert str(Quantity(2.5, "%")) == "2.5%"
    assert str(Quantity(45, "days")) == "45 days"
    assert str(Quantity(1, "days")) == "1 day"
    assert str(Quantity(1, "weeks")) == "1 week"
    assert str(Quantity(1200, "number")) == "1,200"
    assert str(Quantity(7, None)) == "7"


def test_every_field_of_the_plan_model_has_its_words_and_a_section() -> None:
    in_sections = [field.name for section in SECTIONS for field in section.fields]
    assert in_sections == list(FIELDS)
    assert set(FIELDS) == set(Plan.__dataclass_fields__)
    for field in FIELDS.values():
        assert field.label and field.still_empty
        if field.kind in ("text", "long", "lines", "rows"):
            assert field.limit > 0, field.name


def test_the_warning_is_checked_by_the_banks_own_questions_about_stalled_talks(bank: Bank) -> None:
    questions = warning_questions(bank)
    assert [q.id for q in questions] == [q.id for q in bank.questions_in(WARNING_DIMENSION)]
    assert {q.id for q in questions} >= {"next-steps", "escalation"}
    assert all(bank.part_of(q) == "ethics" for q in questions)
    # The rule can judge them: each has a red or an amber answer.
    assert all(any(o.level for o in q.options) for q in questions)


@pytest.mark.parametrize("example_id", example_ids())
def test_a_plan_survives_the_round_trip_through_its_data_and_the_form(
    example_id: str, bank: Bank
) -> None:
    plan = load_example(example_id, bank)
    assert parse_plan(plan.to_dict(), bank) == plan
    assert parse_plan(from_form(to_form(plan.to_dict())), bank) == plan


def test_the_form_gathers_rows_and_answers_and_keeps_row_numbers(bank: Bank) -> None:
    form = {
        "deal": "  A   new lease  ",
        "better": "lower",
        "concessions.1.to": "",
        "concessions.1.in_return": "",
        "concessions.2.to": "1,200",
        "concessions.2.in_return": "a longer lease",
        "trades.1.issue": "Repairs",
        "trades.1.to_you": "a-lot",
        "trades.1.to_them": "",
        "interests": "Keep the shop let\n\n  Fewer voids  \n",
        "warning_answers.next-steps": "walk",
        "warning_answers.pressing": "",
    }
    plan = parse_plan(from_form(form), bank)
    assert plan.deal == "A new lease"
    assert [(c.row, c.to, c.in_return) for c in plan.concessions] == [(2, 1200, "a longer lease")]
    assert [(t.row, t.issue, t.to_you, t.to_them) for t in plan.trades] == [
        (1, "Repairs", "a-lot", None)
    ]
    assert plan.interests == ("Keep the shop let", "Fewer voids")
    assert dict(plan.warning_answers) == {"next-steps": "walk"}
    assert plan.to_dict()["concessions"] == [{"to": 1200, "in_return": "a longer lease"}]


def test_long_answers_keep_their_line_breaks_and_short_ones_do_not(bank: Bank) -> None:
    plan = parse_plan({"first_words": "Hello.\nI would like…", "deal": "a\nb"}, bank)
    assert plan.first_words == "Hello.\nI would like…"
    assert plan.deal == "a b"


def test_an_empty_plan_reads_as_empty_from_either_side() -> None:
    assert read_plan({}).plan == Plan()
    assert Plan().is_empty() and Plan().to_dict() == {}
    assert read_plan(from_form({"deal": "", "concessions.1.to": ""})).plan.is_empty()


def test_reading_notes_every_problem_by_its_field_and_keeps_reading(bank: Bank) -> None:
    long_deal = "x" * (FIELDS["deal"].limit + 5)
    read = read_plan(
        {
            "deal": long_deal,
            "walk_away": "68k",
            "target": 72000,
            "better": "sideways",
            "concessions": [{"to": "abc", "in_return": "x", "colour": "red"}],
            "trades": [{"issue": "Start date", "to_you": "loads"}],
            "find_out": ["a"] * 9,
            "warning_answers": {"next-steps": "shout", "mood": "calm"},
            "stretch": 1,
        },
        bank,
    )
    fields = [problem.field for problem in read.problems]
    assert fields == [
        "stretch",
        "deal",
        "better",
        "walk_away",
        "concessions.1",
        "concessions.1.to",
        "trades.1.to_you",
        "find_out",
        "warning_answers.next-steps",
        "warning_answers.mood",
    ]
    # What could be read is kept, and a text over its limit is kept whole.
    assert read.plan.deal == long_deal
    assert read.plan.target == 72000
    assert read.plan.walk_away is None
    assert len(read.plan.find_out) == 9
    messages = " ".join(problem.message for problem in read.problems)
    assert f"keep it to {FIELDS['deal'].limit}, so that your plan fits on one page" in messages
    assert "'shout' is not an answer to 'next-steps': choose" in messages
    assert "Unknown field 'stretch': the plan's fields are 'deal', 'better'" in messages


def test_parse_plan_raises_the_first_problem_naming_its_field(bank: Bank) -> None:
    with pytest.raises(BadPlan, match="'68k' is not a number") as caught:
        parse_plan({"walk_away": "68k", "target": "72k"}, bank)
    assert caught.value.field == "walk_away"


@pytest.mark.parametrize(
    "data, field",
    [
        ([1, 2], None),
        ("plan", None),
        ({"deal": 5}, "deal"),
        ({"interests": {"a": 1}}, "interests"),
        ({"interests": [1, 2]}, "interests"),
        ({"concessions": "all of them"}, "concessions"),
        ({"concessions": ["x"]}, "concessions.1"),
        ({"warning_answers": ["walk"]}, "warning_answers"),
        ({"concessions": [{"to": 1}] * 6}, "concessions"),
    ],
)
def test_data_of_the_wrong_shape_is_a_problem_not_a_crash(
    data: object, field: str | None, bank: Bank
) -> None:
    read = read_plan(data, bank)
    assert [problem.field for problem in read.problems][:1] == [field]
    assert all(problem.message.endswith(".") for problem in read.problems)
