"""Scenarios as data: the worked examples give the verdicts the articles state, and the
unethical plans raise the red flags they should."""

from __future__ import annotations

import pytest

from assessment import BadBank, BadRequest, Bank, load_scenarios, score
from assessment.scenarios import find_scenario, parse_scenario

WORKED_EXAMPLES = {
    "job-offer": "You have the edge",
    "sole-supplier": "You hold the stronger hand",
    "small-business": "They have the edge",
}
UNETHICAL_PLANS = {
    "fabricated-offer": {"fabrication"},
    "leak-threat": {"threats", "vulnerability"},
    "personal-gift": {"inducements"},
}


def test_the_packaged_scenarios_include_the_worked_examples_and_unethical_plans() -> None:
    assert set(WORKED_EXAMPLES) | set(UNETHICAL_PLANS) <= set(load_scenarios())


def test_every_scenario_has_an_id_title_summary_and_answers() -> None:
    for scenario_id, scenario in load_scenarios().items():
        assert scenario.id == scenario_id
        assert scenario.title and scenario.summary and scenario.answers


@pytest.mark.parametrize(("scenario_id", "label"), WORKED_EXAMPLES.items())
def test_a_worked_example_gives_the_verdict_its_article_states(
    scenario_id: str, label: str
) -> None:
    result = score(load_scenarios()[scenario_id].answers)
    assert result.leverage.band is not None and result.leverage.band.label == label


@pytest.mark.parametrize("scenario_id", WORKED_EXAMPLES)
def test_a_worked_example_is_fully_answered_and_raises_no_red_flag(
    bank: Bank, scenario_id: str
) -> None:
    result = score(load_scenarios()[scenario_id].answers)
    assert result.completeness.answered == len(bank.questions)
    assert result.ethics.red_flags == ()
    assert result.ethics.band is not None and result.ethics.band.id == "fair"


def test_the_job_offer_rests_on_alternatives_rare_skills_and_the_cost_of_no_deal() -> None:
    result = score(load_scenarios()["job-offer"].answers)
    assert {share.dimension.id for share in result.leverage.carried_by} == {
        "alternatives",
        "positive",
        "cost-of-no-deal",
    }


@pytest.mark.parametrize(("scenario_id", "dimensions"), UNETHICAL_PLANS.items())
def test_an_unethical_plan_raises_its_red_flags_each_with_a_fair_alternative(
    scenario_id: str, dimensions: set[str]
) -> None:
    result = score(load_scenarios()[scenario_id].answers)
    flagged = {flag.dimension.id for flag in result.ethics.red_flags}
    assert dimensions <= flagged
    assert all(flag.fair_alternative for flag in result.ethics.red_flags)
    assert result.ethics.band is not None and result.ethics.band.id == "crosses-line"


def test_the_fabricated_offer_is_flagged_as_fabrication() -> None:
    result = score(load_scenarios()["fabricated-offer"].answers)
    assert ("facts-you-state", "invented") in {
        (flag.question.id, flag.option.id) for flag in result.ethics.red_flags
    }


def test_the_leak_threat_is_flagged_as_a_threat_and_as_misused_confidential_information() -> None:
    result = score(load_scenarios()["leak-threat"].answers)
    assert {("pressure", "threat"), ("confidential-information", "used")} <= {
        (flag.question.id, flag.option.id) for flag in result.ethics.red_flags
    }


def test_the_personal_gift_is_flagged_as_an_improper_inducement() -> None:
    result = score(load_scenarios()["personal-gift"].answers)
    assert [(flag.question.id, flag.option.id) for flag in result.ethics.red_flags] == [
        ("inducements", "personal")
    ]


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ('title = "t"\nsummary = "s"\n[answers]\n', "id", "is missing"),
        ('id = "x"\ntitle = "t"\nsummary = "s"\nanswers = 3\n', "answers", "table"),
        ('id = "x"\ntitle = ""\nsummary = "s"\n[answers]\n', "title", "non-empty"),
        ('id = "x"\ntitle = "t"\nsummary = "s"\nnote = 1\n[answers]\n', "note", "not a scenario"),
        (
            'id = "x"\ntitle = "t"\nsummary = "s"\n[answers]\ntrust = "total"\n',
            "answers.trust",
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
