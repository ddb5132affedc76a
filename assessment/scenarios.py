"""Worked examples and sample plans as data: each scenario is a TOML file of answers."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from assessment.bank import SLUG, load_bank
from assessment.errors import BadAnswer, BadBank, BadRequest, allowed_list
from assessment.model import Bank
from assessment.scoring import check_answers

FOLDER = "scenarios"
KEYS = ("id", "title", "summary", "answers")


@dataclass(frozen=True)
class Scenario:
    """A named set of answers, such as a worked example from the articles."""

    id: str
    title: str
    summary: str
    answers: Mapping[str, str]


def parse_scenario(text: str, file: str, bank: Bank) -> Scenario:
    """Validate one scenario file against the bank; BadBank naming the file and field."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BadBank(f"is not valid TOML ({error})", file=file) from error
    for key in KEYS:
        if key not in data:
            raise BadBank("is missing", file=file, field=key)
    for key in sorted(set(data) - set(KEYS)):
        raise BadBank(f"is not a scenario key; use {', '.join(KEYS)}", file=file, field=key)
    for key in ("id", "title", "summary"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise BadBank("must be non-empty text", file=file, field=key)
    if not SLUG.match(data["id"]):
        raise BadBank("must be a lowercase slug such as 'job-offer'", file=file, field="id")
    if not isinstance(data["answers"], dict):
        raise BadBank("must be a table of question id = option id", file=file, field="answers")
    try:
        chosen = check_answers(data["answers"], bank)
    except BadAnswer as error:
        raise BadBank(
            error.message, file=file, question=error.question, field=f"answers.{error.question}"
        ) from error
    return Scenario(
        id=data["id"],
        title=data["title"].strip(),
        summary=data["summary"].strip(),
        answers=MappingProxyType({question: option.id for question, option in chosen.items()}),
    )


def load_scenarios(bank: Bank | None = None) -> dict[str, Scenario]:
    """Every packaged scenario, by id, sorted by id."""
    bank = load_bank() if bank is None else bank
    scenarios: dict[str, Scenario] = {}
    folder = resources.files("assessment").joinpath(FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        file = f"assessment/{FOLDER}/{entry.name}"
        scenario = parse_scenario(entry.read_text(encoding="utf-8"), file, bank)
        if scenario.id != entry.name.removesuffix(".toml"):
            raise BadBank(
                f"must match the file name ({entry.name.removesuffix('.toml')!r}), "
                f"got {scenario.id!r}",
                file=file,
                field="id",
            )
        scenarios[scenario.id] = scenario
    return scenarios


def find_scenario(scenario_id: str, bank: Bank | None = None) -> Scenario:
    """The packaged scenario with this id; BadRequest listing the ids if there is none."""
    scenarios = load_scenarios(bank)
    if scenario_id not in scenarios:
        raise BadRequest(
            f"There is no scenario {scenario_id!r}. Scenarios are {allowed_list(scenarios)}.",
            field="id",
        )
    return scenarios[scenario_id]
