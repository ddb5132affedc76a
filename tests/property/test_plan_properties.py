"""Rules that hold for every plan, and for anything that claims to be one, checked with hypothesis:
reading, checking and writing never crash; links and the form give the plan back unchanged;
damaged links always give the documented error; the checks turn round with the side of the table."""

from __future__ import annotations

import dataclasses
import re
import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import BadCode, BadPlan, load_bank
from assessment.plan import Plan, parse_plan, read_plan, warning_questions
from assessment.plan_checks import check_plan
from assessment.plan_code import MAX_CODE_LENGTH, decode_plan, encode_plan
from assessment.plan_fields import BETTER, FIELDS, WORTH, from_form, to_form
from assessment.plan_markdown import escape, to_markdown
from assessment.plan_sheet import make_sheet
from assessment.quantity import UNITS

BANK = load_bank()
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
# Dictionaries that use the plan's own field names, so the reading goes deep.
plan_like = st.dictionaries(
    st.sampled_from([*FIELDS, "other"]),
    json_values
    | st.lists(
        st.dictionaries(st.sampled_from(["to", "in_return", "issue", "to_you"]), json_values)
    ),
    max_size=8,
)


def texts(limit: int) -> st.SearchStrategy[str]:
    words = st.text(string.ascii_letters + "£%&*_[]<>|#-!`'.,é 0123456789", min_size=1, max_size=12)
    return st.lists(words, max_size=limit // 13).map(lambda parts: " ".join(parts).strip()[:limit])


whole_amounts = st.integers(min_value=0, max_value=10**6)
amounts = whole_amounts | st.decimals(min_value=0, max_value=10**6, places=2).map(float)


@st.composite
def plans(draw: st.DrawFn, whole: bool = False) -> Plan:
    """Any plan within the field limits (what the form can hold); ``whole``: whole numbers only."""
    amounts_ = whole_amounts if whole else amounts

    def text(name: str) -> str:
        return draw(texts(FIELDS[name].limit))

    data: dict[str, Any] = {
        name: text(name) for name in ("deal", "alternative_note", "walk_away_reason")
    }
    data |= {
        name: draw(st.none() | amounts_)
        for name in ("alternative", "walk_away", "target", "opening")
    }
    data["better"] = draw(st.none() | st.sampled_from(list(BETTER)))
    data["unit"] = draw(st.none() | st.sampled_from(UNITS))
    data["concessions"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "to": st.none() | amounts_,
                    "in_return": texts(FIELDS["concessions"].column("in_return").limit),
                }
            ),
            max_size=FIELDS["concessions"].limit,
        )
    )
    worth = st.none() | st.sampled_from(list(WORTH))
    data["trades"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "issue": texts(FIELDS["trades"].column("issue").limit),
                    "to_you": worth,
                    "to_them": worth,
                }
            ),
            max_size=FIELDS["trades"].limit,
        )
    )
    for name in ("interests", "find_out"):
        spec = FIELDS[name]
        data[name] = draw(st.lists(texts(spec.item_limit), max_size=spec.limit))
    data["warning"] = text("warning")
    data["warning_answers"] = {
        question.id: draw(st.sampled_from(question.option_ids))
        for question in warning_questions(BANK)
        if draw(st.booleans())
    }
    cleaned = {key: value for key, value in data.items() if value is not None}
    for name in ("concessions", "trades"):
        cleaned[name] = [{k: v for k, v in row.items() if v is not None} for row in cleaned[name]]
    return parse_plan(cleaned, BANK)


@fast
@given(json_values | plan_like)
def test_reading_anything_never_crashes_and_names_each_problems_field(data: object) -> None:
    read = read_plan(data, BANK)
    assert all(isinstance(problem, BadPlan) and problem.message for problem in read.problems)
    checks = check_plan(read.plan, BANK, read.problems)
    assert checks.count("fix") >= len(read.problems)
    to_markdown(make_sheet(read.plan, checks, BANK))


@fast
@given(plans())
def test_a_plan_comes_back_unchanged_from_its_data_its_form_and_its_link(plan: Plan) -> None:
    assert parse_plan(plan.to_dict(), BANK) == _renumbered(plan)
    assert parse_plan(from_form(to_form(plan.to_dict())), BANK) == _renumbered(plan)
    try:
        code = encode_plan(plan, BANK)
    except BadPlan as error:  # too long for a link: the documented refusal
        assert error.field == "plan"
        return
    assert len(code) <= MAX_CODE_LENGTH
    assert decode_plan(code, BANK).plan == _renumbered(plan)


def _renumbered(plan: Plan) -> Plan:
    """Empty rows are not kept, so rows come back numbered from 1."""
    return dataclasses.replace(
        plan,
        concessions=tuple(dataclasses.replace(c, row=n) for n, c in enumerate(plan.concessions, 1)),
        trades=tuple(dataclasses.replace(t, row=n) for n, t in enumerate(plan.trades, 1)),
    )


@fast
@given(st.text(max_size=300) | st.text(string.ascii_letters + string.digits + "-_.", max_size=300))
def test_decoding_any_string_gives_a_plan_or_the_documented_error(text: str) -> None:
    for candidate in (text, f"flp1.{BANK.version}.{text}", f"#plan=flp1.{BANK.version}.{text}"):
        try:
            decoded = decode_plan(candidate, BANK)
        except BadCode as error:
            assert error.message
        else:
            assert isinstance(decoded.plan, Plan)


@fast
@given(plans(), st.integers(min_value=0, max_value=200), st.sampled_from("AZaz09-_"))
def test_a_changed_character_in_a_link_never_opens_a_different_plan(
    plan: Plan, where: int, new: str
) -> None:
    try:
        code = encode_plan(plan, BANK)
    except BadPlan:
        return
    position = len(code) - 1 - where % (len(code) - code.rindex(".") - 1)
    changed = code[:position] + new + code[position + 1 :]
    if changed == code:
        return
    try:
        decoded = decode_plan(changed, BANK)
    except BadCode:
        return
    # Only base64's spare bits in the last character may change without changing the bytes.
    assert decoded.plan == decode_plan(code, BANK).plan


@fast
@given(plans(whole=True))
def test_the_checks_turn_round_with_the_side_of_the_table(plan: Plan) -> None:
    """A buyer's plan is a seller's plan mirrored: the same findings, on the same fields."""
    if plan.better is None:
        return
    top = 10**6

    def mirror(value: float | None) -> float | None:
        return None if value is None else top - value

    mirrored = dataclasses.replace(
        plan,
        better="lower" if plan.better == "higher" else "higher",
        **{
            name: mirror(getattr(plan, name))
            for name in ("alternative", "walk_away", "target", "opening", "their_likely_limit")
        },
        concessions=tuple(dataclasses.replace(c, to=mirror(c.to)) for c in plan.concessions),
    )

    def shape(p: Plan) -> list[tuple[str | None, str]]:
        return [(f.field, f.level) for f in check_plan(p, BANK).findings]

    assert shape(mirrored) == shape(plan)


@fast
@given(st.text(max_size=200))
def test_escaped_text_has_no_markdown_left(text: str) -> None:
    # Each escaped character stands for a plain letter: it is shown, never read as markup.
    unescaped = re.sub(r"\\.", "x", escape(text))
    assert not re.search(r"[\[\]<>|`*_&!#~]", unescaped)
    assert not any(re.match(r"[-+=]|\d+[.)]", line) for line in unescaped.split("  \n"))
