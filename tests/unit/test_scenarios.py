"""Scenarios as data: each packaged scenario gives the verdict it was written for, is free of
internal contradictions, and the worked examples give the verdicts their articles state."""

from __future__ import annotations

import pytest

from assessment import BadBank, BadRequest, Bank, load_scenarios, score
from assessment.scenarios import find_scenario, parse_scenario

# Scenario: (kind, leverage band or None for "not enough known", plan verdict, red, amber).
EXPECTED: dict[str, tuple[str, str | None, str, set[str], set[str]]] = {
    "job-offer": ("pay", "edge-you", "fair", set(), set()),
    "sole-supplier": ("supply", "edge-you", "fair", set(), set()),
    "small-business": ("supply", "edge-them", "fair", set(), set()),
    "fabricated-offer": (
        "pay",
        "edge-them",
        "crosses-line",
        {"An invented alternative", "A misleading half-truth"},
        {"A tactic you would rather not explain", "A tactic you would resent"},
    ),
    "leak-threat": (
        "other",
        None,
        "crosses-line",
        {
            "Misused confidential information",
            "A threat",
            "Going around them to do harm",
            "Tactics you could not defend in public",
            "Tactics you would call unfair",
        },
        set(),
    ),
    "personal-gift": (
        "supply",
        "edge-them",
        "crosses-line",
        {"An improper inducement"},
        {"A vague promise", "A tactic you would rather not explain", "A tactic you would resent"},
    ),
    "lease-renewal": ("lease", "even", "fair", set(), set()),
    "procurement-tender": ("supply", "strong-you", "fair", set(), set()),
    "ward-budget": (
        "budget",
        "edge-them",
        "second-look",
        set(),
        {"Estimates presented as facts", "A vague promise"},
    ),
    "damp-repairs": (
        "lease",
        "edge-them",
        "second-look",
        set(),
        {"A veiled threat", "A tactic you would rather not explain"},
    ),
    "freelance-first-client": ("pay", None, "fair", set(), set()),
    "union-pay-round": ("pay", "edge-you", "fair", set(), set()),
    "house-sale": (
        "buy-sell",
        "edge-you",
        "second-look",
        set(),
        {"Pressing hard on a dependent party"},
    ),
}
# Newsletters link to these; their ids must keep working.
LINKED_FROM_NEWSLETTERS = {
    "job-offer",
    "sole-supplier",
    "small-business",
    "fabricated-offer",
    "leak-threat",
    "personal-gift",
    "lease-renewal",
    "procurement-tender",
}
WORKED_EXAMPLES = {
    "job-offer",
    "sole-supplier",
    "small-business",
    "lease-renewal",
    "procurement-tender",
}


def test_every_packaged_scenario_has_an_expected_verdict_and_there_are_at_least_12() -> None:
    assert set(load_scenarios()) == set(EXPECTED)
    assert len(EXPECTED) >= 12
    assert set(EXPECTED) >= LINKED_FROM_NEWSLETTERS


def test_the_scenarios_cover_every_kind_of_negotiation(bank: Bank) -> None:
    assert {kind for kind, *_ in EXPECTED.values()} == set(bank.kind_ids)


@pytest.mark.parametrize("scenario_id", sorted(EXPECTED))
def test_a_scenario_gives_the_verdict_it_was_written_for(scenario_id: str) -> None:
    kind, band, verdict, red, amber = EXPECTED[scenario_id]
    result = score(load_scenarios()[scenario_id].answers)
    assert result.kind is not None and result.kind.id == kind
    assert (result.leverage.band.id if result.leverage.band else None) == band
    assert result.ethics.verdict is not None and result.ethics.verdict.id == verdict
    assert {problem.name for problem in result.ethics.red} == red
    assert {problem.name for problem in result.ethics.amber} == amber


@pytest.mark.parametrize("scenario_id", sorted(EXPECTED))
def test_a_scenario_is_free_of_internal_contradictions(scenario_id: str) -> None:
    assert score(load_scenarios()[scenario_id].answers).notes == ()


@pytest.mark.parametrize("scenario_id", sorted(WORKED_EXAMPLES))
def test_a_worked_example_is_fully_answered_with_a_fair_plan(bank: Bank, scenario_id: str) -> None:
    result = score(load_scenarios()[scenario_id].answers)
    assert result.completeness.answered == len(bank.questions)
    assert result.ethics.verdict is not None and result.ethics.verdict.level == "none"
    assert result.leverage.confidence.level.id == "solid"


def test_the_job_offer_rests_on_what_no_deal_costs_alternatives_and_standards() -> None:
    result = score(load_scenarios()["job-offer"].answers)
    assert [share.dimension.id for share in result.leverage.carried_by] == [
        "cost-of-no-deal",
        "alternatives",
        "standards",
    ]


def test_every_scenario_has_an_id_title_summary_and_answers() -> None:
    for scenario_id, scenario in load_scenarios().items():
        assert scenario.id == scenario_id
        assert scenario.title and scenario.summary and scenario.answers


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ('title = "t"\nsummary = "s"\n[answers]\n', "id", "is missing"),
        ('id = "x"\ntitle = "t"\nsummary = "s"\nanswers = 3\n', "answers", "table"),
        ('id = "x"\ntitle = ""\nsummary = "s"\n[answers]\n', "title", "non-empty"),
        ('id = "x"\ntitle = "t"\nsummary = "s"\nnote = 1\n[answers]\n', "note", "not a scenario"),
        (
            'id = "x"\ntitle = "t"\nsummary = "s"\n[answers]\ngifts = "total"\n',
            "answers.gifts",
            "'total' is not an answer",
        ),
    ],
)
def test_a_broken_scenario_file_is_reported_with_its_file_and_field(
    bank: Bank, text: str, field: str, message: str
) -> None:
    with pytest.raises(BadBank, match=message) as caught:
        parse_scenario(text, "scenarios/x.toml", bank)
    assert (caught.value.file, caught.value.field) == ("scenarios/x.toml", field)


def test_an_unknown_scenario_id_is_one_bad_request_listing_the_scenarios() -> None:
    with pytest.raises(BadRequest) as caught:
        find_scenario("lottery")
    assert caught.value.field == "id"
    assert all(repr(scenario_id) in caught.value.message for scenario_id in load_scenarios())
