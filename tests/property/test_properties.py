"""Rules that hold for every answer set, full or partial, checked with hypothesis."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import BadCode, decode, encode, load_bank, score
from assessment.browser import handle
from assessment.model import Question
from assessment.result import result_schema
from assessment.sharecode import code_prefix

BANK = load_bank()
VALIDATOR = jsonschema.Draft202012Validator(result_schema())
LEVERAGE = [q for q in BANK.questions if q.side is not None]
ABOUT_YOU = [q for q in LEVERAGE if q.side == "you"]
ABOUT_THEM = [q for q in LEVERAGE if q.side == "them"]
RED_FLAGS = [(q, o) for q in BANK.questions for o in q.options if o.red_flag]

answer_sets = st.fixed_dictionaries(
    {}, optional={q.id: st.sampled_from(q.option_ids) for q in BANK.questions}
)
fast = settings(max_examples=100, deadline=None)


@st.composite
def a_step_up(draw: st.DrawFn, questions: list[Question]) -> tuple[str, str, str]:
    """A question and two of its options, the second worth more points than the first."""
    question = draw(st.sampled_from(questions))
    lower, higher = sorted(
        draw(st.lists(st.sampled_from(question.options), min_size=2, max_size=2, unique=True)),
        key=lambda option: option.points,
    )
    return question.id, lower.id, higher.id


def _in_bounds(value: float | None, low: float, high: float) -> bool:
    return value is None or low <= value <= high


@fast
@given(answer_sets)
def test_every_score_is_in_bounds(answers: dict[str, str]) -> None:
    result = score(answers)
    assert _in_bounds(result.leverage.you.index, 0, 100)
    assert _in_bounds(result.leverage.them.index, 0, 100)
    assert _in_bounds(result.leverage.balance.value, -100, 100)
    assert _in_bounds(result.ethics.score, 0, 100)
    for item in result.leverage.dimensions:
        assert _in_bounds(item.you.score, 0, 100)
        assert item.them is None or _in_bounds(item.them.score, 0, 100)
    assert all(_in_bounds(d.score, 0, 100) for d in result.ethics.dimensions)
    assert 0 <= result.completeness.answered <= result.completeness.total
    assert (result.leverage.band is None) == (result.leverage.balance.value is None)


@fast
@given(answer_sets, a_step_up(ABOUT_YOU))
def test_improving_an_answer_about_you_never_lowers_your_index(
    answers: dict[str, str], step: tuple[str, str, str]
) -> None:
    question, lower, higher = step
    before = score(answers | {question: lower}).leverage.you.index
    after = score(answers | {question: higher}).leverage.you.index
    assert before is not None and after is not None and after >= before


@fast
@given(answers=answer_sets, step=a_step_up(ABOUT_THEM))
def test_improving_an_answer_about_them_never_raises_your_balance(
    answers: dict[str, str], step: tuple[str, str, str]
) -> None:
    question, lower, higher = step
    before = score(answers | {question: lower}).leverage.balance.value
    after = score(answers | {question: higher}).leverage.balance.value
    assert before is not None and after is not None and after <= before


@fast
@given(answer_sets, st.sampled_from(RED_FLAGS))
def test_adding_a_red_flag_never_raises_the_ethics_score_and_always_shows(
    answers: dict[str, str], red_flag: tuple[Question, Any]
) -> None:
    question, option = red_flag
    before = score(answers).ethics.score
    result = score(answers | {question.id: option.id})
    assert result.ethics.score is not None
    assert before is None or result.ethics.score <= before
    assert (question.id, option.id) in {
        (f.question.id, f.option.id) for f in result.ethics.red_flags
    }


@fast
@given(answer_sets)
def test_what_if_gains_are_positive_and_come_from_actionable_questions(
    answers: dict[str, str],
) -> None:
    result = score(answers)
    for item in result.what_if:
        assert item.question.actionable and item.balance_gain > 0
        assert result.leverage.balance.value is not None
        assert item.new_balance > result.leverage.balance.value


@fast
@given(answer_sets)
def test_share_codes_round_trip_in_64_characters_or_fewer(answers: dict[str, str]) -> None:
    code = encode(answers)
    assert len(code) <= 64
    assert decode(code) == answers


def _valid_or_bad_code(text: str) -> None:
    try:
        answers = decode(text)
    except BadCode:
        return
    score(answers)  # whatever decodes is a valid answer set


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_decoding_any_text_gives_valid_answers_or_a_bad_code(text: str) -> None:
    _valid_or_bad_code(text)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(rf"\A{re.escape(code_prefix(BANK))}[A-Za-z0-9_=-]{{0,30}}\Z"))
def test_decoding_code_shaped_text_gives_valid_answers_or_a_bad_code(text: str) -> None:
    _valid_or_bad_code(text)


@fast
@given(answer_sets, st.integers(min_value=0), st.characters())
def test_decoding_a_code_with_one_character_changed_gives_answers_or_a_bad_code(
    answers: dict[str, str], position: int, character: str
) -> None:
    code = encode(answers)
    index = position % len(code)
    _valid_or_bad_code(code[:index] + character + code[index + 1 :])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets)
def test_every_result_is_json_serialisable_and_matches_the_schema(
    answers: dict[str, str],
) -> None:
    data = json.loads(json.dumps(score(answers).to_dict(), allow_nan=False))
    VALIDATOR.validate(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


@fast
@given(
    st.sampled_from(["version", "score", "encode", "decode", "scenario", "other"]),
    st.dictionaries(st.sampled_from(["answers", "code", "id"]), json_values),
)
def test_the_browser_entry_point_always_answers_with_json(op: str, fields: dict[str, Any]) -> None:
    reply = json.loads(handle(json.dumps({"op": op, **fields})))
    assert isinstance(reply["ok"], bool)
    if not reply["ok"]:
        assert reply["error"]["type"] != "InternalError", reply
        assert reply["error"]["message"]


@fast
@given(st.text())
def test_the_browser_entry_point_answers_any_text(text: str) -> None:
    reply = json.loads(handle(text))
    assert isinstance(reply["ok"], bool)
