"""Share codes: short, URL-safe, versioned, checksummed, and strict about what they read."""

from __future__ import annotations

import dataclasses
import re

import pytest

from assessment import BadAnswer, BadCode, Bank, decode, encode, load_bank, load_scenarios
from assessment.sharecode import CODE_FORMAT, FRAGMENT_KEY, SITE_PAGE, code_prefix, site_path

from .conftest import best_for_you, first_options, worst_for_you

PREFIX = code_prefix(load_bank())

URL_SAFE = re.compile(r"^[A-Za-z0-9._~-]+$")


def _with_last_options(bank: Bank) -> dict[str, str]:
    return {question.id: question.options[-1].id for question in bank.questions}


@pytest.mark.parametrize("make", [first_options, _with_last_options, best_for_you, worst_for_you])
def test_a_full_answer_set_round_trips_in_64_url_safe_characters_or_fewer(
    bank: Bank, make: object
) -> None:
    answers = make(bank)  # type: ignore[operator]
    code = encode(answers)
    assert len(code) <= 64
    assert URL_SAFE.match(code)
    assert decode(code).answers == answers


def test_partial_and_empty_answer_sets_round_trip() -> None:
    for answers in ({}, {"gifts": "none"}, {"reciprocity-test": "no", "your-alternative": "none"}):
        assert decode(encode(answers)).answers == answers


def test_every_scenario_round_trips() -> None:
    for scenario in load_scenarios().values():
        assert decode(encode(scenario.answers)).answers == dict(scenario.answers)


def test_a_code_names_its_format_and_the_bank_version(bank: Bank) -> None:
    assert encode({}).startswith(f"{CODE_FORMAT}.{bank.version}.")


def test_the_same_answers_always_give_the_same_code(bank: Bank) -> None:
    answers = first_options(bank)
    assert encode(answers) == encode(dict(reversed(list(answers.items()))))


def test_encoding_an_unknown_answer_is_a_bad_answer() -> None:
    with pytest.raises(BadAnswer):
        encode({"your-alternative": "great"})


def test_the_order_options_are_shown_in_never_changes_a_code(bank: Bank) -> None:
    # The page shuffles plan options; the code is made from answers, in the bank's order.
    answers = {"gifts": "personal", "pressing": "rush", "other-offer": "invented"}
    assert encode(answers) == encode(dict(reversed(list(answers.items()))))
    assert decode(encode(answers)).answers == {
        q: answers[q] for q in ("other-offer", "gifts", "pressing")
    }


def test_a_code_for_a_version_this_site_never_had_fails_naming_both_versions(
    bank: Bank,
) -> None:
    code = encode({"gifts": "none"})
    old = code.replace(f".{bank.version}.", ".0.", 1)
    with pytest.raises(BadCode) as caught:
        decode(old)
    assert "version '0'" in caught.value.message
    assert f"version {bank.version!r}" in caught.value.message
    assert "take the assessment again" in caught.value.message


def test_a_current_code_is_not_translated(bank: Bank) -> None:
    decoded = decode(encode({"gifts": "none"}))
    assert decoded.version == bank.version and not decoded.translated(bank)
    assert decoded.dropped == () and decoded.notice(bank) is None


def test_a_code_is_never_read_against_a_changed_bank_with_the_same_version(bank: Bank) -> None:
    code = encode({"your-alternative": "firm-similar"})
    question = bank.questions[1]
    reordered = dataclasses.replace(question, options=tuple(reversed(question.options)))
    changed = dataclasses.replace(
        bank, questions=(bank.questions[0], reordered, *bank.questions[2:])
    )
    with pytest.raises(BadCode, match="damaged"):
        decode(code, changed)


def test_a_code_in_a_newer_format_says_it_cannot_be_read(bank: Bank) -> None:
    code = encode({}).replace(f"{CODE_FORMAT}.", "fl9.", 1)
    with pytest.raises(BadCode, match="format 'fl9'"):
        decode(code)


@pytest.mark.parametrize("position", [-1, -5, -12])
def test_a_changed_character_is_caught_by_the_checksum(bank: Bank, position: int) -> None:
    code = encode(first_options(bank))
    swapped = "A" if code[position] != "A" else "B"
    damaged = code[:position] + swapped + (code[position + 1 :] if position != -1 else "")
    with pytest.raises(BadCode, match="damaged"):
        decode(damaged)


def test_a_cut_off_code_is_rejected(bank: Bank) -> None:
    code = encode(first_options(bank))
    for length in range(len(code) - 1, len(PREFIX), -3):
        with pytest.raises(BadCode):
            decode(code[:length])


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("hello", "not a Fair Leverage share code"),
        (PREFIX.rstrip("."), "not a Fair Leverage share code"),
        (PREFIX + "abc.def", "not a Fair Leverage share code"),
        (PREFIX + "ab$c", "characters that codes never use"),
        (PREFIX + "é", "characters that codes never use"),
        (PREFIX + "A", "damaged"),
        ("x" * 500, "too long"),
    ],
)
def test_a_string_that_is_not_a_code_fails_with_a_clear_message(code: str, message: str) -> None:
    with pytest.raises(BadCode, match=message):
        decode(code)


@pytest.mark.parametrize("value", [None, 42, PREFIX.encode() + b"AAAA", [CODE_FORMAT]])
def test_a_value_that_is_not_text_is_a_bad_code(value: object) -> None:
    with pytest.raises(BadCode, match="must be text"):
        decode(value)  # type: ignore[arg-type]


def test_a_whole_pasted_link_is_read_from_its_fragment(bank: Bank) -> None:
    answers = {"future-with-you": "lots"}
    code = encode(answers)
    assert decode(f"https://example.org/{site_path(code)}\n").answers == answers


def test_the_site_path_keeps_the_code_in_the_fragment() -> None:
    code = PREFIX + "AAAA"
    assert site_path(code) == f"{SITE_PAGE}#{FRAGMENT_KEY}{code}"
    assert "#" in site_path(code) and code in site_path(code).partition("#")[2]


def test_a_non_canonical_spelling_of_a_valid_code_is_rejected(bank: Bank) -> None:
    code = encode({})
    last = code[-1]
    # base64 ignores unused low bits of the last character; a code must not.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    twin = code[:-1] + alphabet[alphabet.index(last) ^ 1]
    with pytest.raises(BadCode):
        decode(twin)
