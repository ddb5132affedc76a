"""The question bank: what it must cover, and how a broken bank is reported."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from assessment import BadBank, Bank, load_bank
from assessment.bank import parse_bank, validate_bank

FILE = "assessment/bank.toml"

# The article pages and anchors the writers are creating (the brief's fixed list).
ARTICLE_ANCHORS = {
    "understand/what-is-leverage.md": {
        "definition",
        "sources-of-leverage",
        "relative-and-perceived",
        "leverage-shifts",
        "overreach",
    },
    "understand/positive-leverage.md": {
        "what-they-want",
        "rare-skills-example",
        "using-positive-leverage",
    },
    "understand/negative-leverage.md": {
        "what-they-want-to-avoid",
        "sole-supplier-example",
        "warnings-not-threats",
    },
    "understand/normative-leverage.md": {
        "standards-and-precedents",
        "their-own-policies",
        "market-norms",
    },
    "understand/alternatives.md": {
        "batna",
        "walk-away-point",
        "reservation-price",
        "zopa",
        "cost-of-no-deal",
        "realistic-alternatives",
    },
    "build/know-your-advantages.md": {"list-your-advantages", "weak-spots", "mandate"},
    "build/prepare.md": {
        "learn-their-needs",
        "priorities-and-deadlines",
        "their-alternatives",
        "preparation-checklist",
    },
    "build/build-the-relationship.md": {"rapport", "trust", "repeat-business"},
    "build/offer-solutions.md": {"solve-their-problem", "trade-across-issues"},
    "build/alternatives-and-time.md": {
        "improve-your-alternatives",
        "use-time",
        "deadlines-cut-both-ways",
    },
    "fair/ethics-of-leverage.md": {"where-the-line-is", "good-faith-pays"},
    "fair/fabrication-and-half-truths.md": {
        "fabricated-facts",
        "half-truths",
        "puffery-or-lie",
        "misrepresentation-and-the-law",
    },
    "fair/threats-and-warnings.md": {"warning-or-threat", "how-to-give-a-warning"},
    "fair/exploiting-vulnerability.md": {"vulnerability", "misused-information"},
    "fair/bribery-and-inducements.md": {"improper-inducements", "bribery-act"},
    "fair/false-promises-and-going-around.md": {"false-promises", "going-around"},
    "fair/fair-plan-tests.md": {"reciprocity-test", "publicity-test", "fair-alternatives"},
}

# The dimensions CONTENT.md asks the assessment to measure.
LEVERAGE_DIMENSIONS = {
    "alternatives",
    "cost-of-no-deal",
    "positive",
    "negative",
    "normative",
    "information",
    "time",
    "relationship",
    "solutions",
    "mandate",
}
ETHICS_DIMENSIONS = {
    "fabrication",
    "half-truths",
    "false-promises",
    "threats",
    "vulnerability",
    "inducements",
    "going-around",
    "fair-tests",
}
BANDS = {
    "strong-you": "You hold the stronger hand",
    "edge-you": "You have the edge",
    "even": "Evenly matched",
    "edge-them": "They have the edge",
    "strong-them": "They hold the stronger hand",
}


def test_the_packaged_bank_loads_into_frozen_dataclasses(bank: Bank) -> None:
    assert bank.version
    with pytest.raises(dataclasses.FrozenInstanceError):
        bank.questions[0].text = "changed"  # type: ignore[misc]


def test_loading_the_packaged_bank_twice_gives_the_same_bank() -> None:
    assert load_bank() is load_bank()


def test_the_bank_asks_between_24_and_36_questions(bank: Bank) -> None:
    assert 24 <= len(bank.questions) <= 36


def test_the_bank_covers_every_leverage_and_ethics_dimension_of_the_content_brief(
    bank: Bank,
) -> None:
    assert {d.id for d in bank.dimensions_of("leverage")} == LEVERAGE_DIMENSIONS
    assert {d.id for d in bank.dimensions_of("ethics")} == ETHICS_DIMENSIONS
    for dimension in bank.dimensions:
        assert bank.questions_in(dimension.id), dimension.id


def test_every_leverage_dimension_is_rated_for_you_and_most_for_them_too(bank: Bank) -> None:
    leverage = bank.dimensions_of("leverage")
    assert all("you" in bank.sides_of(d.id) for d in leverage)
    assert sum("them" in bank.sides_of(d.id) for d in leverage) >= len(leverage) // 2


def test_every_question_has_three_to_five_options_worth_0_to_100_points(bank: Bank) -> None:
    for question in bank.questions:
        assert 3 <= len(question.options) <= 5, question.id
        assert all(0 <= option.points <= 100 for option in question.options), question.id
        assert question.text and question.help, question.id


def test_leverage_questions_have_a_side_and_ethics_questions_do_not(bank: Bank) -> None:
    for question in bank.questions:
        kind = bank.dimension(question.dimension).kind
        assert (question.side in ("you", "them")) == (kind == "leverage"), question.id


def test_every_article_link_points_at_a_section_the_writers_are_creating(bank: Bank) -> None:
    for question in bank.questions:
        assert question.anchor in ARTICLE_ANCHORS.get(question.article, set()), question.id


def test_every_red_flag_scores_zero_and_offers_a_fair_alternative(bank: Bank) -> None:
    flags = [option for q in bank.questions for option in q.options if option.red_flag]
    assert flags
    assert all(option.points == 0 and option.fair_alternative for option in flags)


def test_every_ethics_dimension_can_raise_a_red_flag(bank: Bank) -> None:
    for dimension in bank.dimensions_of("ethics"):
        options = [o for q in bank.questions_in(dimension.id) for o in q.options]
        assert any(option.red_flag for option in options), dimension.id


def test_actionable_questions_have_a_one_line_action_and_only_leverage_is_actionable(
    bank: Bank,
) -> None:
    for question in bank.questions:
        if question.actionable:
            assert question.side is not None, question.id
            assert question.action and "\n" not in question.action, question.id
        else:
            assert question.action is None, question.id


def test_questions_about_them_are_mostly_not_actionable(bank: Bank) -> None:
    about_them = [q for q in bank.questions if q.side == "them"]
    assert sum(not q.actionable for q in about_them) > len(about_them) // 2


def test_the_verdict_bands_use_the_fixed_ids_and_labels(bank: Bank) -> None:
    assert {band.id: band.label for band in bank.bands} == BANDS


def test_lookups_find_questions_and_dimensions_by_id(bank: Bank) -> None:
    question = bank.questions[0]
    assert bank.question(question.id) is question
    assert bank.dimension(question.dimension).id == question.dimension
    assert question.option(question.options[1].id) is question.options[1]


@pytest.mark.parametrize("lookup", ["question", "dimension"])
def test_lookups_raise_key_error_for_an_unknown_id(bank: Bank, lookup: str) -> None:
    with pytest.raises(KeyError):
        getattr(bank, lookup)("no-such-id")


def test_an_editor_can_load_a_bank_file_from_a_path(tmp_path: Path) -> None:
    text = Path(__file__).parents[2].joinpath(FILE).read_text(encoding="utf-8")
    path = tmp_path / "draft.toml"
    path.write_text(text.replace('version = "1"', 'version = "2"'), encoding="utf-8")
    assert load_bank(path).version == "2"


def test_a_missing_bank_file_is_reported_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(BadBank, match=r"missing\.toml"):
        load_bank(tmp_path / "missing.toml")


def test_a_bank_that_is_not_toml_is_reported_with_its_file_name() -> None:
    with pytest.raises(BadBank, match=r"draft\.toml: is not valid TOML"):
        parse_bank("version = ", "draft.toml")


def _question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["id"] == question_id)


def _break(data: dict[str, Any], change: str) -> None:
    """Apply one named mistake an editor could make."""
    alternative = _question(data, "your-alternative")
    facts = _question(data, "facts-you-state")
    if change == "missing label":
        del alternative["options"][1]["label"]
    elif change == "points out of range":
        alternative["options"][2]["points"] = 120
    elif change == "misspelt key":
        alternative["options"][0]["lable"] = alternative["options"][0].pop("label")
    elif change == "unknown dimension":
        alternative["dimension"] = "alternative"
    elif change == "wrong side":
        alternative["side"] = "us"
    elif change == "side on an ethics question":
        facts["side"] = "you"
    elif change == "too few options":
        del alternative["options"][2:]
    elif change == "red flag without a fair alternative":
        del facts["options"][2]["fair_alternative"]
    elif change == "red flag that scores":
        facts["options"][2]["points"] = 10
    elif change == "red flag on a leverage question":
        alternative["options"][0]["red_flag"] = True
    elif change == "equal leverage points":
        alternative["options"][1]["points"] = alternative["options"][0]["points"]
    elif change == "actionable without an action":
        del alternative["action"]
    elif change == "bad article path":
        alternative["article"] = "/understand/alternatives"
    elif change == "points as text":
        alternative["options"][0]["points"] = "0"
    elif change == "duplicate option id":
        alternative["options"][1]["id"] = alternative["options"][0]["id"]
    else:
        raise AssertionError(change)


@pytest.mark.parametrize(
    ("change", "question", "field", "explanation"),
    [
        ("missing label", "your-alternative", "options[1].label", "is missing"),
        ("points out of range", "your-alternative", "options[2].points", "from 0 to 100"),
        ("misspelt key", "your-alternative", "options[0]", "unknown key 'lable'"),
        ("unknown dimension", "your-alternative", "dimension", "'alternatives'"),
        ("wrong side", "your-alternative", "side", "must be 'you' or 'them', got 'us'"),
        ("side on an ethics question", "facts-you-state", "side", "no side"),
        ("too few options", "your-alternative", "options", "3 to 5 options, got 2"),
        (
            "red flag without a fair alternative",
            "facts-you-state",
            "options[2].fair_alternative",
            "needs a fair_alternative",
        ),
        ("red flag that scores", "facts-you-state", "options[2].points", "must score 0"),
        ("red flag on a leverage question", "your-alternative", "options[0].red_flag", "ethics"),
        ("equal leverage points", "your-alternative", "options", "score differently"),
        ("actionable without an action", "your-alternative", "action", "one-line action"),
        ("bad article path", "your-alternative", "article", "docs-relative page path"),
        ("points as text", "your-alternative", "options[0].points", "a whole number"),
        ("duplicate option id", "your-alternative", "options", "used twice"),
    ],
)
def test_a_broken_question_is_reported_with_file_question_and_field(
    bank_data: dict[str, Any], change: str, question: str, field: str, explanation: str
) -> None:
    _break(bank_data, change)
    with pytest.raises(BadBank) as caught:
        validate_bank(bank_data, FILE)
    error = caught.value
    assert (error.file, error.question, error.field) == (FILE, question, field)
    message = str(error)
    assert message.startswith(f"{FILE}, question {question!r}, field {field!r}: ")
    assert explanation in message


def test_a_question_without_an_id_is_reported_by_its_position(bank_data: dict[str, Any]) -> None:
    del bank_data["questions"][4]["id"]
    with pytest.raises(BadBank, match=r"field 'questions\[4\]\.id': is missing"):
        validate_bank(bank_data, FILE)


def test_two_questions_with_one_id_are_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["questions"][1]["id"] = bank_data["questions"][0]["id"]
    with pytest.raises(BadBank, match="used twice"):
        validate_bank(bank_data, FILE)


def test_bands_with_a_gap_are_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["bands"][1]["min"] = 20
    with pytest.raises(BadBank, match="must meet at one point") as caught:
        validate_bank(bank_data, FILE)
    assert caught.value.field == "bands"


def test_bands_that_both_include_their_meeting_point_are_rejected(
    bank_data: dict[str, Any],
) -> None:
    bank_data["bands"][1]["includes_max"] = True
    with pytest.raises(BadBank, match="exactly one of them includes"):
        validate_bank(bank_data, FILE)


def test_a_version_that_cannot_go_in_a_share_code_is_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["version"] = "2025.1"
    with pytest.raises(BadBank, match="field 'version'"):
        validate_bank(bank_data, FILE)


def test_questions_out_of_dimension_order_are_rejected(bank_data: dict[str, Any]) -> None:
    questions = bank_data["questions"]
    questions[0], questions[-1] = questions[-1], questions[0]
    with pytest.raises(BadBank, match="keep questions grouped by dimension"):
        validate_bank(bank_data, FILE)


def test_an_unknown_top_level_key_is_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["question"] = []
    with pytest.raises(BadBank, match="unknown key 'question'"):
        validate_bank(bank_data, FILE)


def test_a_leverage_dimension_without_questions_about_you_is_rejected(
    bank_data: dict[str, Any],
) -> None:
    bank_data["questions"] = [q for q in bank_data["questions"] if q["dimension"] != "mandate"]
    with pytest.raises(BadBank, match="'mandate' needs at least one question"):
        validate_bank(bank_data, FILE)
