"""Every share code a released bank version issued still opens: newsletter links live on.

Codes from the current version give back exactly their answers; codes from an older one
give the answers carried over to this version, and name, with a reason, each old answer
that could not be.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from assessment import Bank, decode, score
from assessment.legacy import old_banks

CODES_FILE = Path(__file__).parent / "data" / "share_codes.toml"
RELEASED: list[dict[str, Any]] = tomllib.loads(CODES_FILE.read_text(encoding="utf-8"))["codes"]


def _id(entry: dict[str, Any]) -> str:
    return f"v{entry['bank']}: {entry['note']}"


def test_codes_are_kept_from_every_released_bank_version(bank: Bank) -> None:
    assert {entry["bank"] for entry in RELEASED} == {bank.version, *old_banks()}


@pytest.mark.parametrize("entry", RELEASED, ids=_id)
def test_a_released_code_still_opens(bank: Bank, entry: dict[str, Any]) -> None:
    decoded = decode(entry["code"])
    assert decoded.version == entry["bank"]
    score(decoded.answers)
    if entry["bank"] == bank.version:
        assert decoded.answers == entry["answers"] and decoded.dropped == ()
        return
    old = old_banks()[entry["bank"]]
    expected, dropped = old.translate(entry["answers"], bank)
    assert decoded.answers == expected and decoded.dropped == dropped
    dropped_ids = {item.question for item in decoded.dropped}
    assert all(item.reason for item in decoded.dropped)
    assert dropped_ids <= set(entry["answers"])
    assert decoded.notice(bank) == bank.texts.translated.format(
        old=entry["bank"], carried=len(decoded.answers), dropped=len(decoded.dropped)
    )


def _released(note: str) -> dict[str, Any]:
    return next(entry for entry in RELEASED if entry["bank"] == "1" and entry["note"] == note)


@pytest.mark.parametrize(
    ("note", "red"),
    [
        ("scenario fabricated-offer", {"An invented alternative", "A misleading half-truth"}),
        (
            "scenario leak-threat",
            {"A threat", "Misused confidential information", "Going around them to do harm"},
        ),
        ("scenario personal-gift", {"An improper inducement"}),
    ],
)
def test_an_old_link_to_an_unfair_plan_still_shows_what_crosses_the_line(
    note: str, red: set[str]
) -> None:
    result = score(decode(_released(note)["code"]).answers)
    assert red <= {problem.name for problem in result.ethics.red}


def test_an_old_worked_example_link_carries_over_its_alternative_with_its_certainty() -> None:
    answers = decode(_released("scenario job-offer")["code"]).answers
    assert answers["your-alternative"] == "firm-similar"
    assert answers["their-alternative"] == "poor"
    assert answers["your-walk-away"] == "written"
