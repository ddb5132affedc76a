"""The result format: versioned, JSON-ready, and described by a JSON Schema generated from the
types that write it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from assessment import Bank, load_scenarios, score
from assessment.result import RESULT_FORMAT, result_schema

from .conftest import all_unknown, best_for_you, first_options, worst_for_you


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = result_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _answer_sets(bank: Bank) -> dict[str, dict[str, str]]:
    sets = {name: dict(s.answers) for name, s in load_scenarios(bank).items()}
    sets |= {
        "empty": {},
        "one answer": {"kind": "lease"},
        "plan only": {"next-steps": "beyond-the-deal", "pressing": "all-out"},
        "first options": first_options(bank),
        "best": best_for_you(bank),
        "worst": worst_for_you(bank),
        "unknowns": all_unknown(bank),
    }
    return sets


def test_the_schema_is_a_valid_draft_2020_12_schema_of_this_format(
    validator: jsonschema.Draft202012Validator,
) -> None:
    assert validator.schema["properties"]["format"]["const"] == RESULT_FORMAT
    assert RESULT_FORMAT == "fair-leverage-result/2"


def test_every_kind_of_result_matches_the_schema(
    validator: jsonschema.Draft202012Validator, bank: Bank
) -> None:
    for name, answers in _answer_sets(bank).items():
        data = json.loads(json.dumps(score(answers).to_dict()))
        errors = [error.message for error in validator.iter_errors(data)]
        assert errors == [], name


def test_a_result_is_plain_json_with_no_special_numbers(bank: Bank) -> None:
    for answers in _answer_sets(bank).values():
        data: dict[str, Any] = dict(score(answers).to_dict())
        assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_the_schema_rejects_a_result_of_another_format(
    validator: jsonschema.Draft202012Validator,
) -> None:
    data = dict(score({}).to_dict()) | {"format": RESULT_FORMAT + "0"}
    assert not validator.is_valid(data)


def test_the_schema_rejects_fields_it_does_not_describe(
    validator: jsonschema.Draft202012Validator,
) -> None:
    data: dict[str, Any] = json.loads(json.dumps(score({}).to_dict()))
    data["leverage"]["score"] = 1
    assert not validator.is_valid(data)


def test_the_schema_describes_every_field() -> None:
    def undescribed(node: object, path: str) -> list[str]:
        found: list[str] = []
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                if not child.get("description"):
                    found.append(f"{path}.{name}")
            for key, child in node.items():
                found += undescribed(child, f"{path}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                found += undescribed(child, f"{path}[{index}]")
        return found

    assert undescribed(result_schema(), "#") == []
