"""Old bank layouts and how their answers carry over: nothing silently lost, and an id that
survives keeps its meaning."""

from __future__ import annotations

import pytest

from assessment import BadBank, Bank
from assessment.legacy import old_banks, parse_old_bank

V1 = old_banks()["1"]


def test_the_version_1_layout_is_kept_with_its_32_questions() -> None:
    assert V1.layout.version == "1"
    assert len(V1.layout.questions) == 32
    assert V1.layout.questions[0] == ("your-alternative", ("none", "poor", "similar", "better"))


def test_an_answer_whose_id_survives_carries_over_to_itself(bank: Bank) -> None:
    current = {q.id: set(q.option_ids) for q in bank.questions}
    kept = [
        (question, option)
        for question, options in V1.layout.questions
        for option in options
        if option in current.get(question, set())
    ]
    assert len(kept) >= 20
    for question, option in kept:
        answers, dropped = V1.translate({question: option}, bank)
        assert answers == {question: option} and dropped == (), (question, option)


def test_every_old_answer_either_always_carries_over_or_has_a_reason() -> None:
    for question, options in V1.layout.questions:
        for option in options:
            if not V1.always_carries(question, option):
                assert V1.reason_for(question, option), (question, option)


def test_an_alternative_carries_over_only_with_its_certainty(bank: Bank) -> None:
    confirmed, _ = V1.translate(
        {"your-alternative": "similar", "alternative-certainty": "confirmed"}, bank
    )
    hoped, _ = V1.translate({"your-alternative": "better", "alternative-certainty": "hope"}, bank)
    alone, dropped = V1.translate({"your-alternative": "poor"}, bank)
    assert confirmed == {"your-alternative": "firm-similar"}
    assert hoped == {"your-alternative": "lead"}
    assert alone == {}
    assert [(item.question, item.option) for item in dropped] == [("your-alternative", "poor")]
    assert "could take your alternative up now" in dropped[0].reason


def test_a_question_asked_twice_in_version_1_fills_the_gap_but_never_overrides(bank: Bank) -> None:
    both, dropped = V1.translate(
        {"your-cost-of-no-deal": "little", "their-consequences": "critical"}, bank
    )
    assert both == {"your-cost-of-no-deal": "little"}
    assert [item.question for item in dropped] == ["their-consequences"]
    alone, _ = V1.translate({"their-consequences": "critical"}, bank)
    assert alone == {"your-cost-of-no-deal": "severe"}


def test_none_that_i_know_of_is_not_carried_over_as_none(bank: Bank) -> None:
    answers, dropped = V1.translate({"standards-for-them": "none"}, bank)
    assert answers == {} and dropped[0].text.startswith("Are there market rates")


def test_one_old_answer_can_set_two_questions(bank: Bank) -> None:
    answers, dropped = V1.translate({"their-position": "exploit"}, bank)
    assert answers == {"their-situation": "strained", "pressing": "all-out"}
    assert dropped == ()


def test_an_old_bank_file_that_names_a_missing_answer_is_rejected(bank: Bank) -> None:
    text = 'version = "9"\nreasons = []\n[[questions]]\nid = "a"\ntext = "A?"\noptions = ["x"]\n'
    text += '[[carry]]\nquestion = "gifts"\nanswer = "golden"\nwhen = { a = ["x"] }\n'
    with pytest.raises(BadBank, match="gifts=golden"):
        parse_old_bank(text, "old.toml", bank)


def test_an_old_answer_that_could_be_lost_without_a_reason_is_rejected(bank: Bank) -> None:
    text = 'version = "9"\nreasons = []\n[[questions]]\nid = "a"\ntext = "A?"\n'
    text += 'options = ["x", "y"]\n[[carry]]\nquestion = "gifts"\nanswer = "none"\n'
    text += 'when = { a = ["x"] }\n'
    with pytest.raises(BadBank, match="no reason for dropping a=y"):
        parse_old_bank(text, "old.toml", bank)


def test_an_old_bank_file_without_its_reasons_says_what_is_missing(bank: Bank) -> None:
    with pytest.raises(BadBank, match="is missing 'reasons'"):
        parse_old_bank('version = "9"\nquestions = []\ncarry = []\n', "old.toml", bank)


def test_a_reason_for_answers_that_always_carry_over_is_rejected(bank: Bank) -> None:
    text = 'version = "9"\n[[questions]]\nid = "a"\ntext = "A?"\noptions = ["x"]\n'
    text += '[[carry]]\nquestion = "gifts"\nanswer = "none"\nwhen = { a = ["x"] }\n'
    text += '[[reasons]]\nquestion = "a"\nreason = "Never used."\n'
    with pytest.raises(BadBank, match="always carry over"):
        parse_old_bank(text, "old.toml", bank)
