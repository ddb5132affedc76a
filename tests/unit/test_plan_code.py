"""Plan links (assessment/plan_code.py): a whole plan in a short, versioned, checksummed code after
the `#`; a damaged code gets a message saying what is wrong, and a plan too long for a link is
refused with what to shorten."""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib

import pytest

from assessment import BadCode, BadPlan, Bank
from assessment.plan import Plan, parse_plan
from assessment.plan_code import (
    CODE_FORMAT,
    MAX_CODE_LENGTH,
    _checksum,
    decode_plan,
    encode_plan,
    site_path,
)
from assessment.plan_fields import FIELDS
from assessment.plan_files import example_ids, load_example
from tests.unit.plan_data import too_long_for_a_link


def code_for(data: object, version: str) -> str:
    """A well-formed code around any data, as a crafted link would hold it."""
    payload = zlib.compress(json.dumps(data).encode())
    body = base64.urlsafe_b64encode(payload + _checksum(version, payload)).decode().rstrip("=")
    return f"{CODE_FORMAT}.{version}.{body}"


@pytest.mark.parametrize("example_id", example_ids())
def test_an_example_plan_survives_its_link_and_fits_the_limit(example_id: str, bank: Bank) -> None:
    plan = load_example(example_id, bank)
    code = encode_plan(plan, bank)
    assert code.startswith(f"{CODE_FORMAT}.{bank.version}.")
    assert len(code) <= MAX_CODE_LENGTH
    decoded = decode_plan(code, bank)
    assert decoded.plan == plan and decoded.version == bank.version
    assert decoded.notice(bank) is None


def test_a_whole_link_or_just_the_code_opens_the_plan(bank: Bank) -> None:
    plan = parse_plan({"deal": "A lease", "better": "lower", "target": 900}, bank)
    code = encode_plan(plan, bank)
    link = f"https://example.org/{site_path(code)}"
    assert link.endswith(f"/assessment/plan/#plan={code}")
    assert decode_plan(link, bank).plan == plan
    assert decode_plan(f"  {code} ", bank).plan == plan
    assert decode_plan(encode_plan(Plan(), bank), bank).plan == Plan()


def test_the_same_plan_always_gives_the_same_code(bank: Bank) -> None:
    plan = load_example(example_ids()[0], bank)
    assert encode_plan(plan, bank) == encode_plan(parse_plan(plan.to_dict(), bank), bank)


def test_a_plan_too_long_for_a_link_is_refused_naming_what_to_shorten(bank: Bank) -> None:
    plan = parse_plan(too_long_for_a_link(), bank)
    with pytest.raises(BadPlan) as caught:
        encode_plan(plan, bank)
    message = caught.value.message
    assert caught.value.field == "plan"
    assert f"plan links stop at {MAX_CODE_LENGTH:,}" in message
    assert FIELDS["find_out"].label.lower() in message  # the longest part
    assert "download the plan as Markdown" in message


def test_a_plan_that_would_not_open_again_never_goes_into_a_link(bank: Bank) -> None:
    plan = dataclasses.replace(Plan(), find_out=tuple(str(n) for n in range(99)))
    with pytest.raises(BadPlan) as caught:
        encode_plan(plan, bank)
    assert caught.value.field == "find_out"


@pytest.mark.parametrize(
    "code, message",
    [
        ("", "The plan link is empty"),
        ("#plan=", "The plan link is empty"),
        ("hello", "This is not a Fair Leverage plan link"),
        ("fl1.2.AAAA", "This is not a Fair Leverage plan link"),
        ("flp9.2.AAAA", "uses format 'flp9'"),
        ("flp1.2.AA*A", "contains characters that plan links never use"),
        ("flp1.2.A", "This plan link is damaged"),
        ("flp1.2.AAAAAAAAAAAA", "This plan link is damaged"),
        ("x" * (MAX_CODE_LENGTH + 1), "too long to be a plan link"),
    ],
)
def test_a_bad_code_is_refused_saying_what_is_wrong(code: str, message: str, bank: Bank) -> None:
    with pytest.raises(BadCode, match=message):
        decode_plan(code, bank)


def test_any_change_to_a_code_is_caught_by_its_checksum(bank: Bank) -> None:
    code = encode_plan(load_example(example_ids()[0], bank), bank)
    prefix, body = code.rsplit(".", 1)
    for position in range(0, len(body), 7):
        changed = body[:position] + ("A" if body[position] != "A" else "B") + body[position + 1 :]
        with pytest.raises(BadCode, match="damaged"):
            decode_plan(f"{prefix}.{changed}", bank)
    with pytest.raises(BadCode, match="damaged"):
        decode_plan(code[:-3], bank)


def test_a_code_made_for_another_bank_version_is_checked_against_that_version(bank: Bank) -> None:
    code = encode_plan(load_example(example_ids()[0], bank), bank)
    with pytest.raises(BadCode, match="damaged"):
        decode_plan(code.replace(f".{bank.version}.", ".1.", 1), bank)


def test_a_well_formed_code_holding_a_bad_plan_says_so(bank: Bank) -> None:
    with pytest.raises(BadCode, match="holds a plan that cannot be read: Unknown field 'x'"):
        decode_plan(code_for({"x": 1}, bank.version), bank)
    with pytest.raises(BadCode, match="holds a plan that cannot be read"):
        decode_plan(code_for([1, 2], bank.version), bank)


def test_a_crafted_code_cannot_inflate_into_a_huge_plan(bank: Bank) -> None:
    with pytest.raises(BadCode, match="damaged"):
        decode_plan(code_for({"deal": "a" * 200_000}, bank.version), bank)


def test_an_old_versions_warning_answers_are_carried_over(bank: Bank) -> None:
    """Plan links began with bank version 2; a later bank reads a version 2 link with its old
    layout. Shown here with version 1's questions, which the old-bank machinery also knows."""
    old = {"pressure": "threat", "going-around": "openly"}
    decoded = decode_plan(code_for({"deal": "Rent", "warning_answers": old}, "1"), bank)
    assert decoded.version == "1" and decoded.plan.deal == "Rent"
    assert dict(decoded.plan.warning_answers) == {
        "next-steps": "beyond-the-deal",
        "escalation": "with-notice",
    }
    assert decoded.notice(bank) is None  # nothing was lost
    with pytest.raises(BadCode, match="cannot be opened here"):
        decode_plan(code_for({"warning_answers": {"pressure": "threat"}}, "77"), bank)
