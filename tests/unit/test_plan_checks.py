"""The plan's checks (assessment/plan_checks.py): the site's rules for walk-away points, targets,
openings, concessions and trades, on either side of the table, and the warning judged by the
bank's own questions and rule. Each message names its field and says what to change."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from assessment import Bank
from assessment.plan import Concession, Plan, Trade, parse_plan, warning_questions
from assessment.plan_checks import Checks, check_plan
from assessment.plan_fields import FIELDS, answer_name
from assessment.plan_files import example_ids, load_example

WHOLE: dict[str, Any] = {
    "deal": "My pay in the new role",
    "better": "higher",
    "unit": "£",
    "alternative": 50000,
    "alternative_note": "my current job",
    "walk_away": 52000,
    "target": 56000,
    "opening": 60000,
    "concessions": [
        {"to": 58000, "in_return": "a later start"},
        {"to": 57000, "in_return": "a training budget"},
        {"to": 56500, "in_return": "a review at six months"},
    ],
    "trades": [{"issue": "Start date", "to_you": "little", "to_them": "a-lot"}],
    "interests": ["Fill the role before the launch"],
    "find_out": ["Who signs off pay"],
    "first_words": "Thank you for the offer.",
    "warning": "If we cannot agree this week, I will stay where I am.",
    "warning_answers": {"next-steps": "walk", "pressing": "with-time", "escalation": "no"},
}
# The same plan seen from the other side of the table: a buyer, lower being better.
LOWER: dict[str, Any] = {
    **WHOLE,
    "better": "lower",
    "alternative": 60000,
    "walk_away": 58000,
    "target": 54000,
    "opening": 50000,
    "concessions": [
        {"to": 52000, "in_return": "a faster start"},
        {"to": 53000, "in_return": "a longer contract"},
        {"to": 53500, "in_return": "fixed hours"},
    ],
}


def checks(bank: Bank, **changes: Any) -> Checks:
    data = {name: value for name, value in {**WHOLE, **changes}.items() if value is not None}
    return check_plan(parse_plan(data, bank), bank)


def found(result: Checks) -> list[tuple[str | None, str]]:
    return [(finding.field, finding.level) for finding in result.findings]


@pytest.mark.parametrize("data", [WHOLE, LOWER], ids=["higher", "lower"])
def test_a_whole_plan_that_keeps_the_rules_passes_on_either_side(
    data: dict[str, Any], bank: Bank
) -> None:
    result = check_plan(parse_plan(data, bank), bank)
    assert result.findings == ()
    assert result.passed and result.summary == "Your plan passes every check."
    assert result.warning.verdict is not None and result.warning.verdict.level == "none"


@pytest.mark.parametrize("example_id", example_ids())
def test_every_worked_example_plan_passes_every_check(example_id: str, bank: Bank) -> None:
    assert check_plan(load_example(example_id, bank), bank).findings == ()


def test_an_empty_plan_lists_what_is_still_empty_and_nothing_to_change(bank: Bank) -> None:
    result = check_plan(Plan(), bank)
    required = [field.name for field in FIELDS.values() if field.required]
    assert found(result) == [(name, "empty") for name in required]
    assert result.passed
    assert result.summary == f"No problem so far; {len(required)} still empty."
    assert result.warning.verdict is None


def test_a_walk_away_worse_than_the_alternative_needs_a_reason(bank: Bank) -> None:
    result = checks(bank, walk_away=48000)
    assert [f.message for f in result.findings if f.field == "walk_away"] == [
        "Your walk-away point (£48,000) is worse than your alternative (£50,000): set it at least "
        "£50,000, or write below why a worse deal would still be right for you."
    ]
    reasoned = checks(bank, walk_away=48000, walk_away_reason="I want this job")
    assert reasoned.findings == ()


def test_on_the_buyers_side_the_walk_away_may_not_be_above_the_alternative(bank: Bank) -> None:
    result = check_plan(parse_plan({**LOWER, "walk_away": 61000, "concessions": []}, bank), bank)
    assert [(f.field, f.message) for f in result.findings if f.level == "fix"] == [
        (
            "walk_away",
            "Your walk-away point (£61,000) is worse than your alternative (£60,000): set it at "
            "most £60,000, or write below why a worse deal would still be right for you.",
        )
    ]


def test_a_reason_without_a_worse_walk_away_is_pointed_out(bank: Bank) -> None:
    assert found(checks(bank, walk_away_reason="just in case")) == [("walk_away_reason", "fix")]


def test_the_target_lies_beyond_the_walk_away_and_the_opening_beyond_the_target(bank: Bank) -> None:
    result = checks(bank, target=52000, opening=51000, concessions=None)
    assert [(f.field, f.message) for f in result.findings if f.level == "fix"] == [
        (
            "target",
            "Your target (£52,000) must be above your walk-away point (£52,000): set it above "
            "£52,000, at a figure you can defend.",
        ),
        (
            "opening",
            "Your opening (£51,000) must be above your target (£52,000): set it above £52,000, "
            "leaving yourself room to move.",
        ),
    ]
    lower = check_plan(parse_plan({**LOWER, "target": 59000, "concessions": []}, bank), bank)
    assert [f.message for f in lower.findings if f.field == "target"] == [
        "Your target (£59,000) must be below your walk-away point (£58,000): set it below "
        "£58,000, at a figure you can defend."
    ]


def test_without_a_direction_the_numbers_wait_and_the_reader_is_asked_for_one(bank: Bank) -> None:
    result = checks(bank, better=None, target=1)
    assert found(result) == [("better", "empty")]
    assert "Say which way is better for you" in result.findings[0].message


def test_each_concession_is_smaller_than_the_one_before(bank: Bank) -> None:
    steps = [
        {"to": 58000, "in_return": "a"},
        {"to": 56000, "in_return": "b"},  # 2,000: the same as the first
        {"to": 55000, "in_return": "c"},  # past the target is allowed; smaller, fine
    ]
    result = checks(bank, concessions=steps)
    assert [(f.field, f.message) for f in result.findings] == [
        (
            "concessions.2.to",
            "Step 2 gives £2,000, no less than the step before (£2,000): make each step smaller "
            "than the last, so they see you slowing down. Set it above £56,000.",
        )
    ]
    lower_steps = [{"to": 52000, "in_return": "a"}, {"to": 55000, "in_return": "b"}]
    lower = check_plan(parse_plan({**LOWER, "concessions": lower_steps}, bank), bank)
    assert [f.message for f in lower.findings] == [
        "Step 2 gives £3,000, no less than the step before (£2,000): make each step smaller than "
        "the last, so they see you slowing down. Set it below £54,000."
    ]


def test_a_concession_moves_towards_them_and_never_past_the_walk_away(bank: Bank) -> None:
    steps = [{"to": 61000, "in_return": "a"}, {"to": 51000, "in_return": "b"}]
    result = checks(bank, concessions=steps)
    assert [(f.field, f.message) for f in result.findings] == [
        (
            "concessions.1.to",
            "Step 1 (£61,000) gives no ground from your opening (£60,000): a concession moves "
            "towards them, so set it below £60,000.",
        ),
        (
            "concessions.2.to",
            "Step 2 (£51,000) goes past your walk-away point (£52,000): no step goes beyond it, so "
            "stop at £52,000 or before.",
        ),
    ]


def test_every_concession_is_traded_for_something(bank: Bank) -> None:
    result = checks(bank, concessions=[{"to": 58000}, {"in_return": "a review"}])
    assert [(f.field, f.message) for f in result.findings] == [
        (
            "concessions.1.in_return",
            "Step 1 asks for nothing in return: write what you will ask for, as “if you…, then "
            "I…”. A step given for nothing invites the next push.",
        ),
        ("concessions.2.to", "Step 2 has no number: write where this step moves you to."),
    ]


def test_messages_land_beside_the_row_the_reader_wrote_in(bank: Bank) -> None:
    plan = dataclasses.replace(
        parse_plan(WHOLE, bank), concessions=(Concession(row=4, to=58000, in_return=""),)
    )
    assert [f.field for f in check_plan(plan, bank).findings] == ["concessions.4.in_return"]


def test_every_tradeable_issue_has_a_value_for_both_sides(bank: Bank) -> None:
    plan = dataclasses.replace(
        parse_plan(WHOLE, bank),
        trades=(
            Trade(1, "Start date", "little", None),
            Trade(2, "Parking", None, "some"),
            Trade(3, "", "a-lot", "little"),
        ),
    )
    assert [(f.field, f.message) for f in check_plan(plan, bank).findings] == [
        (
            "trades.1.to_them",
            "Say what “Start date” is worth to them. If you cannot tell, add it to what you will "
            "find out.",
        ),
        ("trades.2.to_you", "Say what “Parking” is worth to you."),
        (
            "trades.3.issue",
            "Issue 3 has values but no name: say what the issue is, or clear its values.",
        ),
    ]


@pytest.mark.parametrize("level, expected", [("red", "fix"), ("amber", "review")])
def test_the_warning_is_judged_by_the_banks_rule_for_each_answer(
    level: str, expected: str, bank: Bank
) -> None:
    """Every red or amber answer of the warning's questions, straight from the bank: the checks
    hold no list of their own, and never read the warning's words."""
    for question in warning_questions(bank):
        for option in (o for o in question.options if o.level == level):
            answers = {**WHOLE["warning_answers"], question.id: option.id}
            result = checks(bank, warning_answers=answers)
            assert found(result) == [(answer_name(question.id), expected)]
            assert result.findings[0].message == f"{option.flag}: {option.fair_alternative}"
            verdict = result.warning.verdict
            assert verdict is not None and verdict.level == level
            assert not result.passed


def test_the_warnings_words_alone_never_decide_its_verdict(bank: Bank) -> None:
    threat = "Agree today or I will tell every client of yours what you are really like."
    result = checks(bank, warning=threat)
    verdict = result.warning.verdict
    assert verdict is not None and verdict.level == "none"  # judged only by the answers given


def test_a_warning_needs_its_questions_answered_to_be_checked(bank: Bank) -> None:
    result = checks(bank, warning_answers=None)
    assert found(result) == [("warning_answers", "empty")]
    assert result.warning.verdict is None
    partly = checks(bank, warning_answers={"next-steps": "walk"})
    assert found(partly) == [
        (answer_name("pressing"), "empty"),
        (answer_name("escalation"), "empty"),
    ]
    assert checks(bank, warning=None).findings[0].field == "warning"


def test_problems_met_while_reading_come_first_as_things_to_change(bank: Bank) -> None:
    from assessment.plan import read_plan

    read = read_plan({**WHOLE, "walk_away": "52k"}, bank)
    result = check_plan(read.plan, bank, read.problems)
    assert found(result)[0] == ("walk_away", "fix")
    assert ("walk_away", "empty") not in found(result)  # not also "still empty"
    assert result.summary == "1 to change."


def test_the_summary_counts_each_level(bank: Bank) -> None:
    result = checks(
        bank,
        target=51000,
        warning_answers={"next-steps": "hint", "pressing": "with-time", "escalation": "no"},
        first_words=None,
    )
    assert result.summary == "1 to change, 1 to look at again; 1 still empty."
