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
from assessment.ethics import verdict_level
from assessment.model import Question
from assessment.result import result_schema
from assessment.sharecode import code_prefix

BANK = load_bank()
VALIDATOR = jsonschema.Draft202012Validator(result_schema())
LEVERAGE = list(BANK.questions_of("leverage"))
ABOUT_YOU = list(BANK.about("you"))
ABOUT_THEM = list(BANK.about("them"))
PLAN = list(BANK.questions_of("ethics"))
WITH_UNKNOWN = [q for q in BANK.questions if any(o.unknown for o in q.options)]
# The most one answer may move the balance: its idea's weight over the side's total, times
# the whole scale (0 to 100).
LARGEST_SWING = (
    max(BANK.dimension(q.dimension).weight for q in LEVERAGE) / BANK.side_weight("you") * 100
)

answer_sets = st.fixed_dictionaries(
    {}, optional={q.id: st.sampled_from(q.option_ids) for q in BANK.questions}
)
fast = settings(max_examples=100, deadline=None)


@st.composite
def a_step_up(draw: st.DrawFn, questions: list[Question]) -> tuple[str, str, str]:
    """A question and two options of its scale, the second worth more points than the first."""
    question = draw(st.sampled_from(questions))
    lower, higher = sorted(
        draw(st.lists(st.sampled_from(question.scale), min_size=2, max_size=2, unique=True)),
        key=lambda option: option.points or 0,
    )
    return question.id, lower.id, higher.id


def _in_bounds(value: float | None, low: float, high: float) -> bool:
    return value is None or low <= value <= high


@fast
@given(answer_sets)
def test_every_number_is_in_bounds(answers: dict[str, str]) -> None:
    result = score(answers)
    leverage = result.leverage
    assert _in_bounds(leverage.you.index, 0, 100) and _in_bounds(leverage.them.index, 0, 100)
    assert _in_bounds(leverage.balance, -100, 100)
    assert _in_bounds(result.preparation.score, 0, 100)
    assert (leverage.band is None) == (leverage.balance is None) == (leverage.uncertainty is None)
    assert (leverage.band is None) == bool(leverage.still_needed)
    assert 0 <= result.completeness.answered <= result.completeness.total


@fast
@given(answer_sets)
def test_no_band_shows_until_enough_is_known_about_both_sides(answers: dict[str, str]) -> None:
    leverage = score(answers).leverage
    if leverage.band is not None:
        assert min(leverage.you.known, leverage.them.known) >= BANK.scoring.min_known
        assert all(answers.get(q.id) not in (None, "unknown") for q in LEVERAGE if q.required)


@fast
@given(answer_sets, st.sampled_from(LEVERAGE), st.data())
def test_no_single_answer_moves_the_balance_more_than_its_share(
    answers: dict[str, str], question: Question, data: st.DataObject
) -> None:
    first, second = (data.draw(st.sampled_from(question.option_ids)) for _ in range(2))
    enough = {q.id: q.scale[0].id for q in LEVERAGE} | answers
    before = score(enough | {question.id: first}).leverage.balance
    after = score(enough | {question.id: second}).leverage.balance
    if before is not None and after is not None:
        assert abs(after - before) <= LARGEST_SWING + 0.1


@fast
@given(answer_sets, a_step_up(ABOUT_YOU))
def test_improving_an_answer_about_you_never_lowers_your_index(
    answers: dict[str, str], step: tuple[str, str, str]
) -> None:
    question, lower, higher = step
    before = score(answers | {question: lower}).leverage.you.index
    after = score(answers | {question: higher}).leverage.you.index
    assert after >= before


@fast
@given(answers=answer_sets, step=a_step_up(ABOUT_THEM))
def test_improving_an_answer_about_them_never_raises_your_index_minus_theirs(
    answers: dict[str, str], step: tuple[str, str, str]
) -> None:
    question, lower, higher = step
    before = score(answers | {question: lower}).leverage
    after = score(answers | {question: higher}).leverage
    assert after.you.index - after.them.index <= before.you.index - before.them.index


@fast
@given(answer_sets, st.sampled_from(WITH_UNKNOWN))
def test_i_dont_know_is_a_gap_exactly_like_skipping(
    answers: dict[str, str], question: Question
) -> None:
    unknown = next(option.id for option in question.options if option.unknown)
    skipped = {q: o for q, o in answers.items() if q != question.id}
    a, b = score(skipped | {question.id: unknown}), score(skipped)
    assert a.leverage.you.index == b.leverage.you.index
    assert a.leverage.them.index == b.leverage.them.index
    assert a.ethics.verdict == b.ethics.verdict


@fast
@given(answer_sets)
def test_the_plan_verdict_follows_the_published_rule_and_nothing_else(
    answers: dict[str, str],
) -> None:
    levels = {
        BANK.question(q).option(o).level
        for q, o in answers.items()
        if BANK.part_of(BANK.question(q)) == "ethics"
    }
    levels |= {
        combination.level
        for combination in BANK.combinations
        if combination.level != "note" and combination.holds(answers)
    }
    plan_answered = any(
        BANK.part_of(BANK.question(q)) == "ethics" and not BANK.question(q).option(o).unknown
        for q, o in answers.items()
    )
    expected = verdict_level(
        {level for level in levels if level in ("red", "amber")}, plan_answered
    )
    verdict = score(answers).ethics.verdict
    assert (verdict.level if verdict else None) == expected


@fast
@given(answer_sets, answer_sets)
def test_leverage_and_preparation_answers_never_change_the_plan_verdict(
    answers: dict[str, str], other: dict[str, str]
) -> None:
    plan = {q: o for q, o in answers.items() if BANK.part_of(BANK.question(q)) == "ethics"}
    rest = {q: o for q, o in other.items() if BANK.part_of(BANK.question(q)) != "ethics"}
    assert score(plan).ethics == score(plan | rest).ethics


@fast
@given(answer_sets)
def test_advice_only_ever_suggests_actions_that_can_be_done(answers: dict[str, str]) -> None:
    result = score(answers)
    dimensions = [item.dimension.id for item in result.advice]
    assert len(dimensions) == len(set(dimensions)) <= BANK.scoring.advice_limit
    for item in result.advice:
        assert item.current is not None and item.action in item.question.actions
        if item.question.side == "them":
            assert item.type == "find-out" and item.current.unknown
        if item.balance_gain is not None:
            assert item.balance_gain >= 0


@fast
@given(answer_sets)
def test_share_codes_round_trip_whatever_the_order_the_answers_come_in(
    answers: dict[str, str],
) -> None:
    code = encode(answers)
    assert len(code) <= 64
    assert code == encode(dict(reversed(list(answers.items()))))
    assert decode(code).answers == answers


def _valid_or_bad_code(text: str) -> None:
    try:
        decoded = decode(text)
    except BadCode:
        return
    score(decoded.answers)  # whatever decodes is a valid answer set


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_decoding_any_text_gives_valid_answers_or_a_bad_code(text: str) -> None:
    _valid_or_bad_code(text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([code_prefix(BANK), "fl1.1."]).flatmap(
        lambda prefix: st.from_regex(rf"\A{re.escape(prefix)}[A-Za-z0-9_=-]{{0,30}}\Z")
    )
)
def test_decoding_code_shaped_text_of_any_version_gives_valid_answers_or_a_bad_code(
    text: str,
) -> None:
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
    st.sampled_from(["version", "score", "encode", "decode", "translate", "scenario", "other"]),
    st.dictionaries(st.sampled_from(["answers", "code", "id", "version"]), json_values),
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
