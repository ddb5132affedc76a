"""The cohort summary adds up: the summary of a list equals the sum (``+``) of the summaries of
its parts, whatever the lines hold (current codes, old codes, rubbish), checked with hypothesis."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import encode, load_bank
from assessment.cohort import summarise, summarise_codes

BANK = load_bank()
OLD_CODES = [
    entry["code"]
    for entry in tomllib.loads(
        (Path(__file__).parents[1] / "unit" / "data" / "share_codes.toml").read_text("utf-8")
    )["codes"]
    if entry["bank"] != BANK.version
]
answer_sets = st.fixed_dictionaries(
    {}, optional={q.id: st.sampled_from(q.option_ids) for q in BANK.questions}
)
lines = st.one_of(
    answer_sets.map(encode),
    st.sampled_from(OLD_CODES),
    st.text(max_size=40),  # rubbish, blank lines and stray CSV-looking text included
)
fast = settings(max_examples=60, deadline=None)


@fast
@given(st.lists(lines, max_size=12), st.data())
def test_the_summary_of_a_list_is_the_sum_of_the_summaries_of_its_parts(
    items: list[str], data: st.DataObject
) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(items)))
    first, second = items[:cut], items[cut:]
    whole = summarise_codes(items)
    parts = summarise_codes(first) + summarise_codes(second, first_line=len(first) + 1)
    assert parts == whole
    assert parts.to_dict() == whole.to_dict()


@fast
@given(st.lists(lines, max_size=8), st.lists(lines, max_size=8), st.lists(lines, max_size=8))
def test_adding_summaries_is_associative_and_the_empty_summary_changes_nothing(
    a: list[str], b: list[str], c: list[str]
) -> None:
    x, y, z = summarise_codes(a), summarise_codes(b), summarise_codes(c)
    assert (x + y) + z == x + (y + z)
    empty = summarise("")
    assert x + empty == x == empty + x
