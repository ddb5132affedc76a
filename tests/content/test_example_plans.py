"""Each worked example's plan exists once, in assessment/plans/, passes every check of the plan
page (the package's own checks), and gives its page every number it states."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from assessment import load_bank
from assessment.plan_files import example_ids, load_example
from build_scripts.example_plans import (
    ExamplePlan,
    PlanError,
    Quantity,
    fill_placeholders,
    load_plans,
    parse_plan,
    problems,
    render_example,
)
from tests.content.prose import PROJECT_ROOT, Page, all_pages

PLANS = load_plans(PROJECT_ROOT)
EXAMPLE_PAGES = [page for page in all_pages() if "example" in page.meta]
# Money, percentages and day counts typed into an example page instead of taken from its plan.
TYPED_NUMBER = re.compile(r"[£€$]\s?\d|\d\s?%|\b\d+[\d,.]*\s+days?\b")

GOOD_PLAN = """
deal = "My pay in a new role"
better = "higher"
unit = "£"
alternative = 68000
alternative_note = "a written offer from another employer"
walk_away = 68000
target = 72000
opening = 75000
their_likely_limit = 74000
interests = ["Fill the role soon"]
find_out = ["Who decides on pay"]
first_words = "Thank you for the offer."
warning = "If we cannot agree by Friday, I will take the other offer."
[[concessions]]
to = 74000
in_return = "a start date that suits me"
[[trades]]
issue = "Start date"
to_you = "little"
to_them = "a-lot"
[warning_answers]
next-steps = "walk"
pressing = "firm"
escalation = "no"
[figures]
band_low = 62000
notice = { value = 30, unit = "days" }
"""


def good_plan() -> ExamplePlan:
    return parse_plan(GOOD_PLAN, "sample", "assessment/plans/sample.toml")


def changed(example: ExamplePlan, **changes: object) -> ExamplePlan:
    """The example with its plan changed, as a broken plan file would read."""
    return dataclasses.replace(example, plan=dataclasses.replace(example.plan, **changes))


def test_the_worked_examples_have_plans() -> None:
    assert {
        "job-offer",
        "sole-supplier",
        "small-business",
        "lease-renewal",
        "procurement-tender",
    } <= set(PLANS)
    assert set(example_ids()) == set(PLANS)


@pytest.mark.parametrize("plan_id", sorted(PLANS))
def test_every_example_plan_is_whole_and_passes_every_check_of_the_plan_page(plan_id: str) -> None:
    assert problems(PLANS[plan_id]) == []


@pytest.mark.parametrize("plan_id", sorted(PLANS))
def test_the_package_ships_the_same_plan_the_build_checks(plan_id: str) -> None:
    assert load_example(plan_id, load_bank()) == PLANS[plan_id].plan


@pytest.mark.parametrize("plan_id", sorted(PLANS))
def test_every_plan_belongs_to_exactly_one_example_page(plan_id: str) -> None:
    pages = [str(page.path) for page in EXAMPLE_PAGES if page.meta["example"] == plan_id]
    assert len(pages) == 1, f"plan {plan_id} is used by {pages or 'no page'}"


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=lambda page: str(page.path))
def test_each_example_page_says_whether_a_zopa_exists_as_its_plan_does(page: Page) -> None:
    plan = PLANS[page.meta["example"]]
    stated = page.meta.get("zopa")
    assert isinstance(stated, bool), f"{page.path}: front matter needs `zopa: true` or `false`"
    assert stated == plan.zopa, (
        f"{page.path} says zopa: {stated}, but their likely limit "
        f"({plan.plan.their_likely_limit}) {'reaches' if plan.zopa else 'falls short of'} "
        f"the walk-away ({plan.plan.walk_away})"
    )


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=lambda page: str(page.path))
def test_every_placeholder_in_an_example_page_resolves(page: Page) -> None:
    assert "{{" not in page.rendered()
    assert "{{ example." in page.body, f"{page.path} takes no number from its plan"


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=lambda page: str(page.path))
def test_example_pages_type_no_money_percentage_or_day_count_themselves(page: Page) -> None:
    # Placeholders are the plan's own numbers; link targets are not prose.
    text = re.sub(r"\]\([^)]*\)", "]", re.sub(r"\{\{[^}]*\}\}", "", page.body))
    typed = [match.group(0) for match in TYPED_NUMBER.finditer(text)]
    assert typed == [], f"{page.path}: put these in the plan and use a placeholder: {typed}"


def test_numbers_are_written_the_sites_way() -> None:
    assert str(Quantity(68000, "£")) == "£68,000"
    assert str(Quantity(1500.5, "€")) == "€1,500.50"
    assert str(Quantity(3, "%")) == "3%"
    assert str(Quantity(2.5, "%")) == "2.5%"
    assert str(Quantity(45, "days")) == "45 days"
    assert str(Quantity(1, "days")) == "1 day"


def test_a_good_plan_fills_its_page() -> None:
    page = "Walk away below {{ example.walk_away }}; band from {{example.figures.band_low}}, "
    page += "notice {{ example.figures.notice }}."
    filled = fill_placeholders(page, good_plan(), "examples/sample.md")
    assert filled == "Walk away below £68,000; band from £62,000, notice 30 days."
    assert problems(good_plan()) == []
    assert good_plan().zopa


# The checks themselves (assessment/plan_checks.py; tests/unit/test_plan_checks.py tests them in
# full): a plan broken on purpose stops its page, with a message naming the field and saying why.


def test_a_walk_away_worse_than_the_alternative_needs_a_reason() -> None:
    plan = changed(good_plan(), walk_away=66000)
    assert problems(plan) == [
        "walk_away: Your walk-away point (£66,000) is worse than your alternative (£68,000): set "
        "it at least £68,000, or write below why a worse deal would still be right for you."
    ]
    assert problems(changed(plan, walk_away_reason="the job is worth more to me")) == []


def test_a_reason_for_a_walk_away_that_needs_none_is_flagged() -> None:
    assert problems(changed(good_plan(), walk_away_reason="because")) == [
        "walk_away_reason: You gave a reason, but your walk-away point is no worse than your "
        "alternative: delete the reason, or check the two numbers."
    ]


def test_a_target_not_beyond_the_walk_away_fails() -> None:
    assert problems(changed(good_plan(), target=68000)) == [
        "target: Your target (£68,000) must be above your walk-away point (£68,000): set it above "
        "£68,000, at a figure you can defend."
    ]


def test_an_opening_not_beyond_the_target_fails() -> None:
    broken = problems(changed(good_plan(), opening=71000))
    assert broken[0] == (
        "opening: Your opening (£71,000) must be above your target (£72,000): set it above "
        "£72,000, leaving yourself room to move."
    )


def test_an_example_plan_with_an_empty_field_does_not_pass() -> None:
    assert problems(changed(good_plan(), first_words="")) == [
        "first_words: Your first few sentences: still empty."
    ]
    assert problems(changed(good_plan(), their_likely_limit=None)) == [
        "their_likely_limit: the example's page needs it"
    ]


def test_when_lower_is_better_the_rules_turn_round() -> None:
    plan = changed(
        good_plan(),
        better="lower",
        unit="days",
        alternative=90,
        walk_away=60,
        target=45,
        opening=30,
        their_likely_limit=75,
        concessions=(dataclasses.replace(good_plan().plan.concessions[0], to=40),),
    )
    assert problems(plan) == []
    assert not plan.zopa  # they will not go below 75 days; you walk away above 60
    assert changed(plan, their_likely_limit=60).zopa
    assert problems(changed(plan, walk_away=100)) != []
    assert problems(changed(plan, target=60)) != []
    assert problems(changed(plan, opening=45)) != []


def test_a_zopa_exists_exactly_when_their_limit_reaches_your_walk_away() -> None:
    assert changed(good_plan(), their_likely_limit=68000).zopa
    assert not changed(good_plan(), their_likely_limit=67999).zopa


def test_an_unknown_placeholder_is_an_error_naming_the_page_and_the_placeholder() -> None:
    with pytest.raises(PlanError, match=r"examples/sample\.md: unknown placeholder "):
        fill_placeholders("Ask for {{ example.targett }}.", good_plan(), "examples/sample.md")
    with pytest.raises(PlanError, match=r"\{\{ example\.figures\.band_high \}\}"):
        fill_placeholders("{{ example.figures.band_high }}", good_plan(), "examples/sample.md")


def test_a_malformed_placeholder_is_an_error() -> None:
    with pytest.raises(PlanError, match=r"examples/sample\.md: malformed placeholder"):
        fill_placeholders("{{ example-walk_away }}", good_plan(), "examples/sample.md")


def test_a_placeholder_on_a_page_without_a_plan_is_an_error() -> None:
    with pytest.raises(PlanError, match=r"understand/x\.md: uses .* no `example:` front matter"):
        render_example("{{ example.target }}", {}, "understand/x.md", PROJECT_ROOT)


def test_a_page_naming_a_missing_plan_is_an_error() -> None:
    with pytest.raises(PlanError, match=r"assessment/plans/no-such-plan\.toml: no such plan"):
        render_example("text", {"example": "no-such-plan"}, "examples/x.md", PROJECT_ROOT)


@pytest.mark.parametrize(
    "line, broken, message",
    [
        ('better = "higher"', 'better = "up"', "better must be 'higher' or 'lower', not 'up'"),
        ('unit = "£"', 'unit = "GBP"', "unit must be '£', '€'"),
        ("target = 72000", 'target = "72k"', "target: '72k' is not a number: write it in digits"),
        ("target = 72000", "target = -1", "target must be a number of 0 or more"),
        ('unit = "days" }', 'unit = "fortnights" }', "figures.notice must be a number, or"),
        ("target = 72000", "target = 72000\nstretch = 1", "Unknown field 'stretch'"),
    ],
)
def test_a_malformed_plan_is_an_error_naming_the_file_and_key(
    line: str, broken: str, message: str
) -> None:
    text = GOOD_PLAN.replace(line, broken)
    assert text != GOOD_PLAN
    with pytest.raises(PlanError, match=re.escape(f"assessment/plans/sample.toml: {message}")):
        parse_plan(text, "sample", "assessment/plans/sample.toml")


def test_a_page_whose_plan_breaks_a_rule_does_not_build(tmp_path: Path) -> None:
    plans = tmp_path / "assessment" / "plans"
    plans.mkdir(parents=True)
    (plans / "bad.toml").write_text(GOOD_PLAN.replace("target = 72000", "target = 60000"))
    with pytest.raises(
        PlanError, match=r"bad\.toml: target: Your target \(£60,000\) must be above"
    ):
        render_example("{{ example.target }}", {"example": "bad"}, "examples/x.md", tmp_path)
