"""Every share code a released bank version issued still opens: newsletter links live on."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from assessment import decode, score

CODES_FILE = Path(__file__).parent / "data" / "share_codes.toml"
RELEASED: list[dict[str, Any]] = tomllib.loads(CODES_FILE.read_text(encoding="utf-8"))["codes"]


@pytest.mark.parametrize("entry", RELEASED, ids=lambda entry: f"v{entry['bank']}: {entry['note']}")
def test_a_released_code_still_opens_with_the_answers_it_held(entry: dict[str, Any]) -> None:
    answers = decode(entry["code"])
    assert answers == entry["answers"]
    score(answers)
