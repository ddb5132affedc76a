"""Hints for the plan from the reader's assessment answers (assessment/plan_hints.py): every one
taken from the bank (its actions and its fair alternatives), and none from a damaged copy."""

from __future__ import annotations

import pytest

from assessment import Bank
from assessment.advice import action_for
from assessment.plan import Plan, parse_plan, warning_questions
from assessment.plan_fields import FIELDS, answer_name
from assessment.plan_hints import Assessment, hints, prefill, read_assessment
from tests.unit.conftest import all_unknown


def assessed(answers: dict[str, str], bank: Bank) -> Assessment:
    result = read_assessment(answers, bank.version, bank)
    assert result.notice is None
    return result


def your_alternative(bank: Bank) -> str:
    return next(q.id for q in bank.about("you") if q.dimension == "alternatives")


@pytest.mark.parametrize("option_id", ["none", "lead", "firm-poor"])
def test_a_weak_alternative_asks_the_reader_to_firm_it_up_in_the_banks_words(
    option_id: str, bank: Bank
) -> None:
    question = bank.question(your_alternative(bank))
    option = question.option(option_id)
    action = action_for(question, option)
    assert action is not None
    found = hints(Plan(), assessed({question.id: option_id, "kind": "pay"}, bank), bank)
    assert [(h.field, h.kind) for h in found] == [("alternative_note", "alternative")]
    assert (
        found[0].text
        == f"Your assessment says your alternative is “{option.label}”. {action.text_for('pay')}"
    )
    assert found[0].link == question.link


@pytest.mark.parametrize("option_id", ["firm-similar", "firm-better"])
def test_a_good_alternative_gives_no_hint(option_id: str, bank: Bank) -> None:
    assert hints(Plan(), assessed({your_alternative(bank): option_id}, bank), bank) == ()


def test_every_i_dont_know_becomes_an_item_to_find_out_biggest_gap_first(bank: Bank) -> None:
    answers = all_unknown(bank)
    found = [h for h in hints(Plan(), assessed(answers, bank), bank) if h.kind == "find-out"]
    expected = {
        action.text
        for question_id, option_id in answers.items()
        if (
            action := action_for(
                bank.question(question_id), bank.question(question_id).option(option_id)
            )
        )
    }
    assert {h.add for h in found} == expected
    assert all(h.field == "find_out" and h.add == h.text for h in found)
    assert (
        found[0].add
        == action_for(
            bank.question("their-alternative"), bank.question("their-alternative").option("unknown")
        ).text
    )  # alternatives weigh the most of all


def test_items_already_on_the_list_are_not_suggested_again(bank: Bank) -> None:
    answers = all_unknown(bank)
    items = [h.add for h in hints(Plan(), assessed(answers, bank), bank) if h.add]
    plan = parse_plan({"find_out": items[:2]}, bank)
    again = [h.add for h in hints(plan, assessed(answers, bank), bank) if h.add]
    assert again == items[2:]


def test_a_red_flag_sends_the_reader_back_to_its_fair_alternative(bank: Bank) -> None:
    question = bank.question("other-offer")
    red = next(o for o in question.options if o.level == "red")
    found = hints(Plan(), assessed({question.id: red.id}, bank), bank)
    assert [(h.field, h.kind, h.link) for h in found] == [("first_words", "red", red.link)]
    assert found[0].text == f"{red.flag}, in your assessment: {red.fair_alternative}"


def test_the_warning_questions_are_checked_on_the_plan_once_it_answers_them(bank: Bank) -> None:
    answers = {"next-steps": "beyond-the-deal"}
    assert [h.field for h in hints(Plan(), assessed(answers, bank), bank)] == ["warning"]
    plan = parse_plan({"warning_answers": {"next-steps": "walk"}}, bank)
    assert hints(plan, assessed(answers, bank), bank) == ()


def test_a_new_plan_is_prefilled_from_the_assessment_and_a_filled_one_is_left_alone(
    bank: Bank,
) -> None:
    answers = {**all_unknown(bank), "next-steps": "walk", "escalation": "no"}
    values = prefill(Plan(), assessed(answers, bank), bank)
    items = values["find_out"].splitlines()
    assert len(items) == FIELDS["find_out"].limit  # the biggest gaps, as many as the field holds
    assert {k: v for k, v in values.items() if k != "find_out"} == {
        answer_name("next-steps"): "walk",
        answer_name("escalation"): "no",
    }
    filled = parse_plan({"find_out": ["mine"], "warning_answers": {"pressing": "firm"}}, bank)
    assert prefill(filled, assessed(answers, bank), bank) == {}
    assert {q.id for q in warning_questions(bank)} >= {"next-steps", "escalation"}


@pytest.mark.parametrize(
    "answers, version",
    [
        ({"your-alternative": "no-such-option"}, None),
        ({"no-such-question": "x"}, None),
        ("not answers", None),
        ({"your-alternative": "none"}, "99"),
    ],
    ids=["unknown-option", "unknown-question", "not-a-table", "unknown-version"],
)
def test_damaged_saved_answers_give_no_hints_and_say_why(
    answers: object, version: str | None, bank: Bank
) -> None:
    result = read_assessment(answers, version, bank)
    assert result.chosen == {}
    assert result.notice is not None
    assert result.notice.startswith("Your saved assessment answers could not be read")
    assert hints(Plan(), result, bank) == ()


def test_answers_saved_under_the_first_bank_version_still_give_hints(bank: Bank) -> None:
    from assessment.legacy import old_banks

    old = old_banks()["1"]
    question, options = next((q, o) for q, o in old.layout.questions if q == "your-alternative")
    assert options[0] == "none"
    result = read_assessment({question: options[0]}, "1", bank)
    assert result.notice is None
    assert [hint.kind for hint in hints(Plan(), result, bank)] == ["alternative"]
