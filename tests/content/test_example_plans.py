"""Each worked example's numbers exist once, in its plan, and obey the rules the site teaches."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from build_scripts.example_plans import (
    Plan,
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
better = "higher"
unit = "£"
alternative = 68000
alternative_note = "a written offer from another employer"
walk_away = 68000
target = 72000
opening = 75000
their_likely_limit = 74000
[figures]
band_low = 62000
notice = { value = 30, unit = "days" }
"""


def good_plan() -> Plan:
    return parse_plan(GOOD_PLAN, "sample", "assessment/plans/sample.toml")


def test_the_worked_examples_have_plans() -> None:
    assert {
        "job-offer",
        "sole-supplier",
        "small-business",
        "lease-renewal",
        "procurement-tender",
    } <= set(PLANS)


@pytest.mark.parametrize("plan_id", sorted(PLANS))
def test_every_plan_keeps_the_rules_the_site_teaches(plan_id: str) -> None:
    assert problems(PLANS[plan_id]) == []


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
        f"({plan.their_likely_limit}) {'reaches' if plan.zopa else 'falls short of'} "
        f"the walk-away ({plan.walk_away})"
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


# The checker itself: a plan broken on purpose fails each rule, with a message that says why.


def test_a_walk_away_worse_than_the_alternative_needs_a_reason() -> None:
    plan = dataclasses.replace(good_plan(), walk_away=66000)
    assert problems(plan) == [
        "walk_away (66000) is worse than the alternative (68000): set it no worse than the "
        "alternative, or give walk_away_reason"
    ]
    reasoned = dataclasses.replace(plan, walk_away_reason="the job is worth £2,000 more to me")
    assert problems(reasoned) == []


def test_a_reason_for_a_walk_away_that_needs_none_is_flagged() -> None:
    plan = dataclasses.replace(good_plan(), walk_away_reason="because")
    assert problems(plan) == [
        "walk_away_reason is given, but the walk-away is no worse than the alternative: "
        "remove the reason, or it explains nothing"
    ]


def test_a_target_not_beyond_the_walk_away_fails() -> None:
    plan = dataclasses.replace(good_plan(), target=68000)
    assert problems(plan) == [
        "target (68000) must lie beyond the walk-away (68000), higher being better"
    ]


def test_an_opening_not_beyond_the_target_fails() -> None:
    plan = dataclasses.replace(good_plan(), opening=71000)
    assert problems(plan) == [
        "opening (71000) must lie beyond the target (72000), higher being better"
    ]


def test_when_lower_is_better_the_rules_turn_round() -> None:
    plan = dataclasses.replace(
        good_plan(),
        better="lower",
        unit="days",
        alternative=90,
        walk_away=60,
        target=45,
        opening=30,
        their_likely_limit=75,
    )
    assert problems(plan) == []
    assert not plan.zopa  # they will not go below 75 days; you walk away above 60
    assert dataclasses.replace(plan, their_likely_limit=60).zopa
    assert problems(dataclasses.replace(plan, walk_away=100)) != []
    assert problems(dataclasses.replace(plan, target=60)) != []
    assert problems(dataclasses.replace(plan, opening=45)) != []


def test_a_zopa_exists_exactly_when_their_limit_reaches_your_walk_away() -> None:
    assert dataclasses.replace(good_plan(), their_likely_limit=68000).zopa
    assert not dataclasses.replace(good_plan(), their_likely_limit=67999).zopa


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
        ('better = "higher"', 'better = "up"', "better must be one of higher, lower"),
        ('unit = "£"', 'unit = "GBP"', "unit must be one of"),
        ("target = 72000", 'target = "72k"', "target must be a number of 0 or more"),
        ("target = 72000", "target = -1", "target must be a number of 0 or more"),
        ('unit = "days" }', 'unit = "weeks" }', "figures.notice must be a number, or"),
        ("target = 72000", "target = 72000\nstretch = 1", "unknown key 'stretch'"),
        ("opening = 75000", "", "opening is missing"),
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
    with pytest.raises(PlanError, match=r"bad\.toml: target \(60000\) must lie beyond"):
        render_example("{{ example.target }}", {"example": "bad"}, "examples/x.md", tmp_path)
