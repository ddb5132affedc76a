"""The result of scoring: frozen dataclasses that explain themselves, and their JSON form."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from assessment.model import Band, Dimension, EthicsBand, Link, Option, Question, Side

RESULT_FORMAT = "fair-leverage-result/1"
SCHEMA_FILE = "schema/result.schema.json"

JSON = dict[str, Any]


def _question_ref(question: Question) -> JSON:
    return {"question": question.id, "text": question.text, "link": question.link.to_dict()}


@dataclass(frozen=True)
class Contribution:
    """How far one answer moved one score, in points of that score."""

    question: Question
    option: Option
    change: float

    def to_dict(self) -> JSON:
        return {
            **_question_ref(self.question),
            "option": self.option.id,
            "label": self.option.label,
            "points": self.option.points,
            "change": self.change,
        }


def _contributions(items: tuple[Contribution, ...]) -> list[JSON]:
    return [item.to_dict() for item in items]


@dataclass(frozen=True)
class SideScore:
    """One side's score (0 to 100) on one leverage dimension; None if nothing is answered."""

    side: Side
    score: float | None
    answered: int
    total: int
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> JSON:
        return {
            "score": self.score,
            "answered": self.answered,
            "total": self.total,
            "moved_by": _contributions(self.moved_by),
        }


@dataclass(frozen=True)
class LeverageDimension:
    """A leverage dimension scored for you and, where it applies, for them."""

    dimension: Dimension
    you: SideScore
    them: SideScore | None

    def to_dict(self) -> JSON:
        return {
            "id": self.dimension.id,
            "title": self.dimension.title,
            "summary": self.dimension.summary,
            "weight": self.dimension.weight,
            "you": self.you.to_dict(),
            "them": None if self.them is None else self.them.to_dict(),
        }


@dataclass(frozen=True)
class SideIndex:
    """A side's leverage index: the weighted mean of its answered dimension scores."""

    side: Side
    index: float | None
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> JSON:
        return {"index": self.index, "moved_by": _contributions(self.moved_by)}


@dataclass(frozen=True)
class Balance:
    """Your index minus theirs, from -100 to +100; None when no leverage question is answered."""

    value: float | None
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> JSON:
        return {"value": self.value, "moved_by": _contributions(self.moved_by)}


@dataclass(frozen=True)
class DimensionShare:
    """How much one dimension's answers, yours and theirs together, moved the balance."""

    dimension: Dimension
    change: float

    def to_dict(self) -> JSON:
        return {"id": self.dimension.id, "title": self.dimension.title, "change": self.change}


@dataclass(frozen=True)
class EthicsDimension:
    """One ethics dimension's score (0 to 100, 100 is fair); None if nothing is answered."""

    dimension: Dimension
    score: float | None
    answered: int
    total: int
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> JSON:
        return {
            "id": self.dimension.id,
            "title": self.dimension.title,
            "summary": self.dimension.summary,
            "weight": self.dimension.weight,
            "score": self.score,
            "answered": self.answered,
            "total": self.total,
            "moved_by": _contributions(self.moved_by),
        }


@dataclass(frozen=True)
class EthicsCap:
    """The limit a red flag puts on the ethics score, and how much it took off."""

    limit: int
    change: float

    def to_dict(self) -> JSON:
        return {"limit": self.limit, "change": self.change}


@dataclass(frozen=True)
class RedFlag:
    """An answer that crosses an ethical line, shown whatever the totals."""

    question: Question
    option: Option
    dimension: Dimension

    @property
    def fair_alternative(self) -> str:
        # The bank loader guarantees every red-flag option has one.
        return self.option.fair_alternative or ""

    def to_dict(self) -> JSON:
        return {
            **_question_ref(self.question),
            "option": self.option.id,
            "label": self.option.label,
            "dimension": self.dimension.id,
            "dimension_title": self.dimension.title,
            "fair_alternative": self.fair_alternative,
        }


@dataclass(frozen=True)
class WhatIf:
    """One answer moved one step in your favour, and how much the balance rose when re-scored."""

    question: Question
    dimension: Dimension
    current: Option
    better: Option
    balance_gain: float
    new_balance: float

    def to_dict(self) -> JSON:
        return {
            **_question_ref(self.question),
            "side": self.question.side,
            "dimension": self.dimension.id,
            "dimension_title": self.dimension.title,
            "from": {"id": self.current.id, "label": self.current.label},
            "to": {"id": self.better.id, "label": self.better.label},
            "action": self.question.action,
            "balance_gain": self.balance_gain,
            "new_balance": self.new_balance,
        }


@dataclass(frozen=True)
class Reading:
    """An article section to read next, and why."""

    link: Link
    title: str
    reason: str

    def to_dict(self) -> JSON:
        return {"title": self.title, "reason": self.reason, "link": self.link.to_dict()}


@dataclass(frozen=True)
class DimensionProgress:
    """How many of a dimension's questions are answered."""

    dimension: Dimension
    answered: int
    total: int

    def to_dict(self) -> JSON:
        return {
            "id": self.dimension.id,
            "title": self.dimension.title,
            "kind": self.dimension.kind,
            "answered": self.answered,
            "total": self.total,
        }


@dataclass(frozen=True)
class Completeness:
    """How many questions are answered, overall and per dimension."""

    answered: int
    total: int
    dimensions: tuple[DimensionProgress, ...]

    @property
    def percent(self) -> float:
        return round(100 * self.answered / self.total, 1)

    def to_dict(self) -> JSON:
        return {
            "answered": self.answered,
            "total": self.total,
            "percent": self.percent,
            "dimensions": [item.to_dict() for item in self.dimensions],
        }


@dataclass(frozen=True)
class Result:
    """Everything ``score()`` found, with the answers behind each number."""

    package_version: str
    bank_version: str
    answers: Mapping[str, str]
    completeness: Completeness
    leverage_dimensions: tuple[LeverageDimension, ...]
    you: SideIndex
    them: SideIndex
    balance: Balance
    band: Band | None
    verdict: str
    carried_by: tuple[DimensionShare, ...]
    held_back_by: tuple[DimensionShare, ...]
    ethics_score: float | None
    ethics_moved_by: tuple[Contribution, ...]
    ethics_cap: EthicsCap | None
    ethics_band: EthicsBand | None
    ethics_verdict: str
    ethics_dimensions: tuple[EthicsDimension, ...]
    red_flags: tuple[RedFlag, ...]
    what_if: tuple[WhatIf, ...]
    read_next: tuple[Reading, ...]

    def to_dict(self) -> JSON:
        """The result as JSON-ready data, in the versioned format the schema describes."""
        return {
            "format": RESULT_FORMAT,
            "package": self.package_version,
            "bank": self.bank_version,
            "answers": dict(self.answers),
            "completeness": self.completeness.to_dict(),
            "leverage": {
                "verdict": self.verdict,
                "band": _band(self.band),
                "balance": self.balance.to_dict(),
                "you": self.you.to_dict(),
                "them": self.them.to_dict(),
                "carried_by": [item.to_dict() for item in self.carried_by],
                "held_back_by": [item.to_dict() for item in self.held_back_by],
                "dimensions": [item.to_dict() for item in self.leverage_dimensions],
            },
            "ethics": {
                "verdict": self.ethics_verdict,
                "band": _band(self.ethics_band),
                "score": self.ethics_score,
                "moved_by": _contributions(self.ethics_moved_by),
                "cap": None if self.ethics_cap is None else self.ethics_cap.to_dict(),
                "red_flags": [item.to_dict() for item in self.red_flags],
                "dimensions": [item.to_dict() for item in self.ethics_dimensions],
            },
            "what_if": [item.to_dict() for item in self.what_if],
            "read_next": [item.to_dict() for item in self.read_next],
        }


def _band(band: Band | EthicsBand | None) -> JSON | None:
    if band is None:
        return None
    return {"id": band.id, "label": band.label, "summary": band.summary}


def result_schema() -> JSON:
    """The JSON Schema (draft 2020-12) that every ``Result.to_dict()`` matches."""
    schema: JSON = json.loads(
        resources.files("assessment").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return schema
