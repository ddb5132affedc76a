"""The result of scoring: frozen dataclasses that explain themselves, and their JSON form."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assessment.model import Band, Dimension, EthicsBand, Link, Option, Question, Side
from assessment.result_json import (
    RESULT_FORMAT,
    BalanceJSON,
    BandJSON,
    CompletenessJSON,
    ContributionJSON,
    DimensionProgressJSON,
    EthicsCapJSON,
    EthicsDimensionJSON,
    EthicsJSON,
    LeverageDimensionJSON,
    LeverageJSON,
    LinkJSON,
    OptionRefJSON,
    ReadingJSON,
    RedFlagJSON,
    ResultJSON,
    ShareJSON,
    SideIndexJSON,
    SideScoreJSON,
    WhatIfJSON,
)
from assessment.schema import json_schema

SCHEMA_ID = "urn:fair-leverage:result-schema:1"
SCHEMA_TITLE = "Fair Leverage assessment result"
# A copy of the generated schema, for tools that read a file (tests check it is current).
SCHEMA_FILE = "schema/result.schema.json"


def _link(link: Link) -> LinkJSON:
    return {"page": link.page, "anchor": link.anchor, "href": link.href}


@dataclass(frozen=True)
class Contribution:
    """How far one answer moved one score, in points of that score."""

    question: Question
    option: Option
    change: float

    def to_dict(self) -> ContributionJSON:
        return {
            "question": self.question.id,
            "text": self.question.text,
            "link": _link(self.question.link),
            "option": self.option.id,
            "label": self.option.label,
            "points": self.option.points,
            "change": self.change,
        }


def _contributions(items: tuple[Contribution, ...]) -> list[ContributionJSON]:
    return [item.to_dict() for item in items]


@dataclass(frozen=True)
class SideScore:
    """One side's score (0 to 100) on one leverage dimension; None if nothing is answered."""

    side: Side
    score: float | None
    answered: int
    total: int
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> SideScoreJSON:
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

    def to_dict(self) -> LeverageDimensionJSON:
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

    def to_dict(self) -> SideIndexJSON:
        return {"index": self.index, "moved_by": _contributions(self.moved_by)}


@dataclass(frozen=True)
class Balance:
    """Your index minus theirs, from -100 to +100; None when no leverage question is answered."""

    value: float | None
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> BalanceJSON:
        return {"value": self.value, "moved_by": _contributions(self.moved_by)}


@dataclass(frozen=True)
class DimensionShare:
    """How much one dimension's answers, yours and theirs together, moved the balance."""

    dimension: Dimension
    change: float

    def to_dict(self) -> ShareJSON:
        return {"id": self.dimension.id, "title": self.dimension.title, "change": self.change}


@dataclass(frozen=True)
class EthicsDimension:
    """One ethics dimension's score (0 to 100, 100 is fair); None if nothing is answered."""

    dimension: Dimension
    score: float | None
    answered: int
    total: int
    moved_by: tuple[Contribution, ...]

    def to_dict(self) -> EthicsDimensionJSON:
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

    def to_dict(self) -> EthicsCapJSON:
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

    def to_dict(self) -> RedFlagJSON:
        return {
            "question": self.question.id,
            "text": self.question.text,
            "link": _link(self.question.link),
            "option": self.option.id,
            "label": self.option.label,
            "dimension": self.dimension.id,
            "dimension_title": self.dimension.title,
            "fair_alternative": self.fair_alternative,
        }


def _option_ref(option: Option) -> OptionRefJSON:
    return {"id": option.id, "label": option.label}


@dataclass(frozen=True)
class WhatIf:
    """One answer moved one step in your favour, and how much the balance rose when re-scored."""

    question: Question
    dimension: Dimension
    current: Option
    better: Option
    balance_gain: float
    new_balance: float

    def to_dict(self) -> WhatIfJSON:
        # The loader gives every leverage question a side; what-if items are leverage only.
        side = self.question.side or "you"
        return {
            "question": self.question.id,
            "text": self.question.text,
            "link": _link(self.question.link),
            "side": side,
            "dimension": self.dimension.id,
            "dimension_title": self.dimension.title,
            "from": _option_ref(self.current),
            "to": _option_ref(self.better),
            "action": self.question.action,
            "balance_gain": self.balance_gain,
            "new_balance": self.new_balance,
        }


ReadingReason = Literal["red-flag", "what-if", "held-back"]


@dataclass(frozen=True)
class Reading:
    """An article section to read next, and why."""

    link: Link
    title: str
    reason: ReadingReason

    def to_dict(self) -> ReadingJSON:
        return {"title": self.title, "reason": self.reason, "link": _link(self.link)}


@dataclass(frozen=True)
class DimensionProgress:
    """How many of a dimension's questions are answered."""

    dimension: Dimension
    answered: int
    total: int

    def to_dict(self) -> DimensionProgressJSON:
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

    def to_dict(self) -> CompletenessJSON:
        return {
            "answered": self.answered,
            "total": self.total,
            "percent": self.percent,
            "dimensions": [item.to_dict() for item in self.dimensions],
        }


def _band(band: Band | EthicsBand | None) -> BandJSON | None:
    if band is None:
        return None
    return {"id": band.id, "label": band.label, "summary": band.summary}


@dataclass(frozen=True)
class LeverageResult:
    """The leverage part of a result: the balance, its verdict and the scores behind it."""

    verdict: str
    band: Band | None
    balance: Balance
    you: SideIndex
    them: SideIndex
    carried_by: tuple[DimensionShare, ...]
    held_back_by: tuple[DimensionShare, ...]
    dimensions: tuple[LeverageDimension, ...]

    def to_dict(self) -> LeverageJSON:
        return {
            "verdict": self.verdict,
            "band": _band(self.band),
            "balance": self.balance.to_dict(),
            "you": self.you.to_dict(),
            "them": self.them.to_dict(),
            "carried_by": [item.to_dict() for item in self.carried_by],
            "held_back_by": [item.to_dict() for item in self.held_back_by],
            "dimensions": [item.to_dict() for item in self.dimensions],
        }


@dataclass(frozen=True)
class EthicsResult:
    """The ethics part of a result, scored apart from leverage: verdict, score, red flags."""

    verdict: str
    band: EthicsBand | None
    score: float | None
    moved_by: tuple[Contribution, ...]
    cap: EthicsCap | None
    red_flags: tuple[RedFlag, ...]
    dimensions: tuple[EthicsDimension, ...]

    def to_dict(self) -> EthicsJSON:
        return {
            "verdict": self.verdict,
            "band": _band(self.band),
            "score": self.score,
            "moved_by": _contributions(self.moved_by),
            "cap": None if self.cap is None else self.cap.to_dict(),
            "red_flags": [item.to_dict() for item in self.red_flags],
            "dimensions": [item.to_dict() for item in self.dimensions],
        }


@dataclass(frozen=True)
class Result:
    """Everything ``score()`` found, with the answers behind each number."""

    package_version: str
    bank_version: str
    answers: Mapping[str, str]
    completeness: Completeness
    leverage: LeverageResult
    ethics: EthicsResult
    what_if: tuple[WhatIf, ...]
    read_next: tuple[Reading, ...]

    def to_dict(self) -> ResultJSON:
        """The result as JSON-ready data, in the versioned format the schema describes."""
        return {
            "format": RESULT_FORMAT,
            "package": self.package_version,
            "bank": self.bank_version,
            "answers": dict(self.answers),
            "completeness": self.completeness.to_dict(),
            "leverage": self.leverage.to_dict(),
            "ethics": self.ethics.to_dict(),
            "what_if": [item.to_dict() for item in self.what_if],
            "read_next": [item.to_dict() for item in self.read_next],
        }


def result_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Result.to_dict()`` matches."""
    return json_schema(ResultJSON, schema_id=SCHEMA_ID, title=SCHEMA_TITLE)


def schema_text() -> str:
    """The schema as the text of ``schema/result.schema.json``, the copy kept for other tools."""
    return json.dumps(result_schema(), indent=2, ensure_ascii=False) + "\n"
