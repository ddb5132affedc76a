"""The question bank: what it must cover, how it is built, and how a broken bank is reported."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import Any

import pytest

from assessment import BadBank, Bank, load_bank
from assessment.bank import parse_bank, validate_bank
from assessment.model import DEFAULT_KIND, variant_groups

FILE = "assessment/bank.toml"

# Each idea of leverage is asked once about you and once about them (issue "Assessment v2").
LEVERAGE_IDEAS = {
    "alternatives",
    "cost-of-no-deal",
    "value",
    "time",
    "standards",
    "relationship",
    "allies",
}
PREPARATION = {
    "your-walk-away",
    "your-target",
    "their-needs",
    "solve-their-problem",
    "your-mandate",
    "their-decider",
    "deal-zone",
}
# Headings of the plan part must not give the verdict away.
VERDICT_WORDS = re.compile(r"\b(no|not|never|fabricat\w*|threat\w*|brib\w*|fair|unfair)\b", re.I)
# The half-truth the site condemns must never be advised.
CONDEMNED_ADVICE = re.compile(r"exploring other options", re.I)


def _texts(bank: Bank) -> list[str]:
    texts = []
    for question in bank.questions:
        texts += [question.text, question.help or ""]
        texts += [option.label for option in question.options]
        texts += [option.fair_alternative or "" for option in question.options]
        texts += [action.text for action in question.actions]
        texts += [text for action in question.actions for _, text in action.kinds]
    texts += [combination.text for combination in bank.combinations]
    return texts


def test_the_packaged_bank_loads_into_frozen_dataclasses(bank: Bank) -> None:
    assert bank.version == "2"
    with pytest.raises(dataclasses.FrozenInstanceError):
        bank.questions[0].text = "changed"  # type: ignore[misc]


def test_loading_the_packaged_bank_twice_gives_the_same_bank() -> None:
    assert load_bank() is load_bank()


def test_the_form_has_the_four_parts_in_order(bank: Bank) -> None:
    assert [part.id for part in bank.parts] == ["context", "leverage", "preparation", "ethics"]
    assert bank.questions[0] is bank.kind_question


def test_each_idea_of_leverage_is_asked_once_about_you_and_once_about_them(bank: Bank) -> None:
    assert {d.id for d in bank.dimensions_of("leverage")} == LEVERAGE_IDEAS
    for dimension in bank.dimensions_of("leverage"):
        sides = sorted(str(q.side) for q in bank.questions_in(dimension.id))
        assert sides == ["them", "you"], dimension.id


def test_preparation_is_its_own_part_with_the_items_a_trainer_checks(bank: Bank) -> None:
    assert {q.id for q in bank.questions_of("preparation")} == PREPARATION
    assert all(d.weight == 0 for d in bank.dimensions_of("preparation"))


def test_every_leverage_scale_runs_from_0_to_100_in_even_steps(bank: Bank) -> None:
    for question in bank.questions_of("leverage"):
        points = [option.points for option in question.scale]
        assert points == [0, 25, 50, 75, 100], question.id


def test_every_question_about_them_offers_i_dont_know_with_no_points(bank: Bank) -> None:
    for question in bank.about("them"):
        unknown = [option for option in question.options if option.unknown]
        assert len(unknown) == 1, question.id
        assert unknown[0].points is None


def test_the_kinds_of_negotiation_are_the_options_of_the_first_question(bank: Bank) -> None:
    assert bank.kind_ids == ("pay", "buy-sell", "supply", "lease", "budget", "other")


def test_every_kind_of_negotiation_but_other_has_wording_of_its_own(bank: Bank) -> None:
    varied: set[str] = set()
    for question in bank.questions:
        varied |= {wording.kind for wording in question.kinds}
        varied |= {kind for option in question.options for kind, _ in option.kinds}
        varied |= {kind for action in question.actions for kind, _ in action.kinds}
    assert varied == set(bank.kind_ids) - {"other"}


def test_a_variant_is_shown_for_its_kind_and_the_default_for_every_other(bank: Bank) -> None:
    question = bank.question("your-alternative")
    groups = variant_groups(question.help or "", question.help_variants(), bank.kind_ids)
    served = [kind for group in groups for kind in group.kinds]
    assert sorted(served) == sorted((DEFAULT_KIND, *bank.kind_ids))
    assert question.help_for("pay") != question.help_for("other") == question.help


def test_only_plan_questions_shuffle_and_no_scale_ever_does(bank: Bank) -> None:
    for question in bank.questions:
        if question.shuffle:
            assert bank.part_of(question) == "ethics", question.id
    assert all(not q.shuffle for q in bank.questions_of("leverage"))


def test_the_worst_answer_is_not_always_listed_last(bank: Bank) -> None:
    flagged = [q for q in bank.questions_of("ethics") if any(o.level for o in q.options)]
    last_is_red = [q.id for q in flagged if q.options[-1].level == "red"]
    assert len(last_is_red) < len(flagged) / 2


def test_plan_headings_do_not_give_the_verdict_away(bank: Bank) -> None:
    for dimension in bank.dimensions_of("ethics"):
        assert not VERDICT_WORDS.search(dimension.title), dimension.title


def test_every_red_or_amber_answer_is_named_with_a_fair_alternative_and_an_article(
    bank: Bank,
) -> None:
    problems = [o for q in bank.questions_of("ethics") for o in q.options if o.level]
    assert {o.level for o in problems} == {"red", "amber"}
    for option in problems:
        assert option.flag and option.fair_alternative and option.link


def test_the_plan_asks_about_every_tactic_the_ethics_articles_cover(bank: Bank) -> None:
    flags = {o.flag for q in bank.questions_of("ethics") for o in q.options if o.flag}
    flags |= {c.name for c in bank.combinations if c.level != "note"}
    assert {
        "An invented alternative",
        "Figures that are not true",
        "A misleading half-truth",
        "A misstated limit",
        "Calling an offer final when it is not",
        "A false promise",
        "A vague promise",
        "A threat",
        "A veiled threat",
        "An improper inducement",
        "Misused confidential information",
        "Going around them to do harm",
        "A false deadline",
        "Pressing hard on a dependent party",
        "Exploiting their vulnerability",
    } <= flags


@pytest.mark.parametrize(
    ("question", "option"),
    [
        ("your-limit", "private"),  # keeping your limit to yourself
        ("figures", "upbeat"),  # talking up the value of what you offer
        ("escalation", "with-notice"),  # escalating openly after telling them
        ("awkward-facts", "quiet"),  # not volunteering what you need not share
        ("pressing", "all-out"),  # using a strong position on someone not vulnerable
        ("gifts", "courtesy"),  # ordinary courtesy
    ],
)
def test_what_the_articles_call_legitimate_is_never_flagged(
    bank: Bank, question: str, option: str
) -> None:
    assert bank.question(question).option(option).level is None


def test_no_advice_or_alternative_says_to_claim_options_you_do_not_have(bank: Bank) -> None:
    assert not [text for text in _texts(bank) if CONDEMNED_ADVICE.search(text)]


def test_the_warning_test_uses_the_articles_three_questions(bank: Bank) -> None:
    test = bank.question("next-steps").help or ""
    assert all(word in test for word in ("legitimate", "proportionate", "connected"))


def test_actions_about_them_only_ever_find_out(bank: Bank) -> None:
    for question in bank.about("them"):
        for action in question.actions:
            assert all(question.option(o).unknown for o in action.applies_to), action.id


def test_every_answer_you_could_improve_has_an_action(bank: Bank) -> None:
    for question in bank.about("you"):
        covered = {o for action in question.actions for o in action.applies_to}
        improvable = {o.id for o in question.scale[:-1]}
        # Standards that do not apply cannot be made to exist.
        assert len(improvable - covered) <= 1, question.id


def test_every_i_dont_know_has_a_find_out_action(bank: Bank) -> None:
    for question in bank.questions_of("leverage"):
        for option in question.options:
            if option.unknown:
                assert any(option.id in a.applies_to for a in question.actions), question.id


def test_actions_say_when_they_can_be_done_and_how_hard_they_are(bank: Bank) -> None:
    actions = [action for question in bank.questions for action in question.actions]
    assert {action.when for action in actions} == {"before", "room", "next"}
    assert {action.effort for action in actions} == {"low", "medium", "high"}
    assert all("\n" not in action.text for action in actions)


def test_the_time_the_questions_take_comes_from_their_words(bank: Bank) -> None:
    words = sum(
        len(text.split())
        for q in bank.questions
        for text in [q.text, q.help or "", *(o.label for o in q.options)]
    )
    assert bank.reading_words == words
    seconds = words / bank.scoring.words_per_minute * 60
    seconds += len(bank.questions) * bank.scoring.seconds_per_question
    assert bank.minutes == math.ceil(seconds / 60)
    assert bank.minutes <= 12


def test_the_verdict_bands_are_the_published_five(bank: Bank) -> None:
    assert [band.label for band in sorted(bank.bands, key=lambda b: -b.max)] == [
        "You hold the stronger hand",
        "You have the edge",
        "Evenly matched",
        "They have the edge",
        "They hold the stronger hand",
    ]


def test_lookups_find_questions_and_dimensions_by_id(bank: Bank) -> None:
    question = bank.questions[3]
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
    path.write_text(text.replace('version = "2"', 'version = "3"'), encoding="utf-8")
    assert load_bank(path).version == "3"


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
    theirs = _question(data, "their-alternative")
    offer = _question(data, "other-offer")
    limit = _question(data, "your-limit")
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
    elif change == "side on a plan question":
        offer["side"] = "you"
    elif change == "uneven steps":
        alternative["options"][1]["points"] = 30
    elif change == "red without a fair alternative":
        del offer["options"][1]["fair_alternative"]
    elif change == "red on a leverage answer":
        alternative["options"][0]["level"] = "red"
    elif change == "points on a plan answer":
        offer["options"][0]["points"] = 100
    elif change == "shuffled scale":
        alternative["shuffle"] = True
    elif change == "an action to change what they have":
        theirs["actions"][0]["applies_to"] = ["poor"]
    elif change == "an action for the best answer":
        alternative["actions"][0]["applies_to"] = ["firm-better"]
    elif change == "an action for an unknown option":
        alternative["actions"][0]["applies_to"] = ["maybe"]
    elif change == "a variant for an unknown kind":
        alternative["kinds"]["holiday"] = {"help": "x"}
    elif change == "bad article path":
        alternative["article"] = "/understand/alternatives"
    elif change == "a page without a title":
        alternative["article"] = "understand/unwritten.md"
    elif change == "duplicate option id":
        limit["options"][1]["id"] = limit["options"][0]["id"]
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
        ("side on a plan question", "other-offer", "side", "only leverage questions"),
        ("uneven steps", "your-alternative", "options", "even steps"),
        (
            "red without a fair alternative",
            "other-offer",
            "options[1].fair_alternative",
            "needs a flag, a fair_alternative",
        ),
        ("red on a leverage answer", "your-alternative", "options[0].level", "plan"),
        ("points on a plan answer", "other-offer", "options[0].points", "only leverage"),
        ("shuffled scale", "your-alternative", "shuffle", "scales keep their order"),
        (
            "an action to change what they have",
            "their-alternative",
            "actions[0].applies_to",
            "can only be to find out",
        ),
        (
            "an action for the best answer",
            "your-alternative",
            "actions[0].applies_to",
            "nothing to gain",
        ),
        (
            "an action for an unknown option",
            "your-alternative",
            "actions[0].applies_to",
            "not an option",
        ),
        ("a variant for an unknown kind", "your-alternative", "kinds", "unknown key 'holiday'"),
        ("bad article path", "your-alternative", "article", "docs-relative page path"),
        ("a page without a title", "your-alternative", "article", "pages.toml"),
        ("duplicate option id", "your-limit", "options", "used twice"),
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
    bank_data["questions"][2]["id"] = bank_data["questions"][1]["id"]
    with pytest.raises(BadBank, match="used twice"):
        validate_bank(bank_data, FILE)


def test_a_second_question_about_one_side_of_an_idea_is_rejected(
    bank_data: dict[str, Any],
) -> None:
    extra = dict(_question(bank_data, "your-alternative"), id="your-other-alternative")
    index = bank_data["questions"].index(_question(bank_data, "your-alternative"))
    bank_data["questions"].insert(index + 1, extra)
    with pytest.raises(BadBank, match="each idea is asked once per side"):
        validate_bank(bank_data, FILE)


def test_bands_with_a_gap_are_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["bands"][1]["min"] = 20
    with pytest.raises(BadBank, match="must meet at one point") as caught:
        validate_bank(bank_data, FILE)
    assert caught.value.field == "bands"


def test_a_version_that_cannot_go_in_a_share_code_is_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["version"] = "2025.1"
    with pytest.raises(BadBank, match="field 'version'"):
        validate_bank(bank_data, FILE)


def test_questions_out_of_order_are_rejected(bank_data: dict[str, Any]) -> None:
    questions = bank_data["questions"]
    questions[1], questions[-1] = questions[-1], questions[1]
    with pytest.raises(BadBank, match="keep questions grouped by dimension"):
        validate_bank(bank_data, FILE)


def test_an_unknown_top_level_key_is_rejected(bank_data: dict[str, Any]) -> None:
    bank_data["question"] = []
    with pytest.raises(BadBank, match="unknown key 'question'"):
        validate_bank(bank_data, FILE)


def test_a_sentence_with_a_placeholder_the_scoring_does_not_fill_is_rejected(
    bank_data: dict[str, Any],
) -> None:
    bank_data["texts"]["near_edge"] = "Close to {bnad}."
    with pytest.raises(BadBank, match="'bnad'; it may use only 'band'"):
        validate_bank(bank_data, FILE)


def test_a_red_combination_that_reads_leverage_answers_is_rejected(
    bank_data: dict[str, Any],
) -> None:
    bank_data["combinations"][0]["when"] = {"their-alternative": ["none"], "pressing": ["all-out"]}
    with pytest.raises(BadBank, match="leverage answers never change the plan's verdict"):
        validate_bank(bank_data, FILE)


def test_a_question_can_carry_flags_for_features_that_pick_questions(
    bank_data: dict[str, Any],
) -> None:
    _question(bank_data, "your-alternative")["flags"] = ["quick"]
    assert validate_bank(bank_data, FILE).question("your-alternative").flags == ("quick",)
