"""The result of scoring: frozen dataclasses that explain themselves, and their JSON form.

Texts are already in the wording of the reader's kind of negotiation; ``to_dict()`` returns
the JSON that ``schema/result.schema.json`` describes (generated from ``result_json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assessment import pages
from assessment.model import (
    Action,
    Band,
    Combination,
    Confidence,
    Dimension,
    EthicsVerdict,
    Level,
    Link,
    Named,
    Option,
    PartInfo,
    PreparationBand,
    Question,
    Side,
)
from assessment.result_json import (
    RESULT_FORMAT,
    AdviceJSON,
    BandJSON,
    CompletenessJSON,
    ConfidenceJSON,
    DimensionJSON,
    EthicsJSON,
    GapJSON,
    LeverageJSON,
    LinkJSON,
    MoveJSON,
    NamedJSON,
    NearEdgeJSON,
    NeedJSON,
    NoteJSON,
    OptionRefJSON,
    PartProgressJSON,
    PreparationItemJSON,
    PreparationJSON,
    PreparationNoteJSON,
    ProblemJSON,
    ReadingJSON,
    ResultJSON,
    ShareJSON,
    SideAnswerJSON,
    SideJSON,
)
from assessment.schema import json_schema

SCHEMA_ID = "urn:fair-leverage:result-schema:2"
SCHEMA_TITLE = "Fair Leverage assessment result"
# A copy of the generated schema, for tools that read a file (tests check it is current).
SCHEMA_FILE = "schema/result.schema.json"

Status = Literal["known", "unknown", "skipped"]
AdviceType = Literal["improve", "find-out", "prepare"]
ReadingReason = Literal["red", "amber", "note", "advice", "weak"]


def link_json(link: Link) -> LinkJSON:
    return {
        "page": link.page,
        "anchor": link.anchor,
        "href": link.href,
        "title": pages.title(link),
    }


def _named(item: Named | Option) -> NamedJSON:
    return {"id": item.id, "label": item.label}


@dataclass(frozen=True)
class PartProgress:
    """How many questions of one part of the form are answered."""

    part: PartInfo
    answered: int
    total: int

    def to_dict(self) -> PartProgressJSON:
        return {
            "id": self.part.id,
            "title": self.part.title,
            "answered": self.answered,
            "total": self.total,
        }


@dataclass(frozen=True)
class Completeness:
    """How many questions are answered, overall and per part."""

    answered: int
    total: int
    parts: tuple[PartProgress, ...]

    @property
    def percent(self) -> float:
        return round(100 * self.answered / self.total, 1)

    def to_dict(self) -> CompletenessJSON:
        return {
            "answered": self.answered,
            "total": self.total,
            "percent": self.percent,
            "parts": [part.to_dict() for part in self.parts],
        }


@dataclass(frozen=True)
class Move:
    """How far one known leverage answer moved the balance."""

    question: Question
    side: Side
    text: str
    option: Option
    label: str
    change: float

    def to_dict(self) -> MoveJSON:
        return {
            "question": self.question.id,
            "side": self.side,
            "text": self.text,
            "option": self.option.id,
            "label": self.label,
            "points": self.option.points or 0,
            "change": self.change,
            "link": link_json(self.question.link),
        }


@dataclass(frozen=True)
class Gap:
    """A leverage question unanswered or answered "I don't know", and how far it could swing."""

    question: Question
    side: Side
    text: str
    status: Literal["unknown", "skipped"]
    swing: float

    def to_dict(self) -> GapJSON:
        return {
            "question": self.question.id,
            "side": self.side,
            "text": self.text,
            "status": self.status,
            "swing": self.swing,
            "link": link_json(self.question.link),
        }


@dataclass(frozen=True)
class Need:
    """Something still needed before the balance gets a band."""

    question: Question | None
    side: Side
    text: str
    reason: str

    def to_dict(self) -> NeedJSON:
        return {
            "question": None if self.question is None else self.question.id,
            "side": self.side,
            "text": self.text,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SideSummary:
    """One side's index and how much is known about it."""

    side: Side
    index: float
    known: int
    unknown: int
    skipped: int
    total: int
    confidence: str

    @property
    def gaps(self) -> int:
        return self.unknown + self.skipped

    def to_dict(self) -> SideJSON:
        return {
            "index": self.index,
            "known": self.known,
            "unknown": self.unknown,
            "skipped": self.skipped,
            "total": self.total,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class ConfidenceLevel:
    """How well founded the balance is."""

    level: Confidence
    gaps: int
    total: int
    gaps_dominate: bool

    def to_dict(self) -> ConfidenceJSON:
        return {
            "id": self.level.id,
            "label": self.level.label,
            "gaps": self.gaps,
            "total": self.total,
            "gaps_dominate": self.gaps_dominate,
        }


@dataclass(frozen=True)
class NearEdge:
    """The neighbouring band the balance's uncertainty reaches."""

    band: Band
    text: str

    def to_dict(self) -> NearEdgeJSON:
        return {"band": {"id": self.band.id, "label": self.band.label}, "text": self.text}


@dataclass(frozen=True)
class SideAnswer:
    """The answer to one side's question in a dimension."""

    question: Question
    status: Status
    option: Option | None
    label: str | None

    def to_dict(self) -> SideAnswerJSON:
        return {
            "question": self.question.id,
            "status": self.status,
            "option": None if self.option is None else self.option.id,
            "label": self.label,
            "points": None if self.option is None else self.option.points,
        }


@dataclass(frozen=True)
class LeverageDimension:
    """A leverage dimension with each side's answer."""

    dimension: Dimension
    you: SideAnswer
    them: SideAnswer | None

    def to_dict(self) -> DimensionJSON:
        return {
            "id": self.dimension.id,
            "title": self.dimension.title,
            "summary": self.dimension.summary,
            "weight": self.dimension.weight,
            "you": self.you.to_dict(),
            "them": None if self.them is None else self.them.to_dict(),
        }


@dataclass(frozen=True)
class DimensionShare:
    """How much one dimension's answers, yours and theirs together, moved the balance."""

    dimension: Dimension
    change: float

    def to_dict(self) -> ShareJSON:
        return {"id": self.dimension.id, "title": self.dimension.title, "change": self.change}


@dataclass(frozen=True)
class LeverageResult:
    """The leverage part: the balance, whether it may have a band yet, and what it rests on."""

    band: Band | None
    verdict: str
    balance: float | None
    uncertainty: int | None
    near_edge: NearEdge | None
    still_needed: tuple[Need, ...]
    confidence: ConfidenceLevel
    you: SideSummary
    them: SideSummary
    moved_by: tuple[Move, ...]
    gaps: tuple[Gap, ...]
    carried_by: tuple[DimensionShare, ...]
    held_back_by: tuple[DimensionShare, ...]
    dimensions: tuple[LeverageDimension, ...]

    def to_dict(self) -> LeverageJSON:
        band: BandJSON | None = None
        if self.band is not None:
            band = {"id": self.band.id, "label": self.band.label, "summary": self.band.summary}
        return {
            "band": band,
            "verdict": self.verdict,
            "balance": self.balance,
            "uncertainty": self.uncertainty,
            "near_edge": None if self.near_edge is None else self.near_edge.to_dict(),
            "still_needed": [need.to_dict() for need in self.still_needed],
            "confidence": self.confidence.to_dict(),
            "you": self.you.to_dict(),
            "them": self.them.to_dict(),
            "moved_by": [move.to_dict() for move in self.moved_by],
            "gaps": [gap.to_dict() for gap in self.gaps],
            "carried_by": [share.to_dict() for share in self.carried_by],
            "held_back_by": [share.to_dict() for share in self.held_back_by],
            "dimensions": [dimension.to_dict() for dimension in self.dimensions],
        }


@dataclass(frozen=True)
class PreparationItem:
    """One preparation question and its answer, if any."""

    question: Question
    text: str
    option: Option | None
    label: str | None

    def to_dict(self) -> PreparationItemJSON:
        return {
            "question": self.question.id,
            "text": self.text,
            "option": None if self.option is None else self.option.id,
            "label": self.label,
            "points": None if self.option is None else self.option.points,
            "link": link_json(self.question.link),
        }


@dataclass(frozen=True)
class PreparationNote:
    """A note carried by a preparation answer."""

    question: Question
    text: str

    def to_dict(self) -> PreparationNoteJSON:
        return {
            "question": self.question.id,
            "text": self.text,
            "link": link_json(self.question.link),
        }


@dataclass(frozen=True)
class PreparationResult:
    """Preparation, scored apart from the balance."""

    score: float | None
    band: PreparationBand | None
    verdict: str
    answered: int
    total: int
    items: tuple[PreparationItem, ...]
    notes: tuple[PreparationNote, ...]

    def to_dict(self) -> PreparationJSON:
        return {
            "score": self.score,
            "band": None
            if self.band is None
            else {"id": self.band.id, "label": self.band.label, "summary": self.band.summary},
            "verdict": self.verdict,
            "answered": self.answered,
            "total": self.total,
            "items": [item.to_dict() for item in self.items],
            "notes": [note.to_dict() for note in self.notes],
        }


@dataclass(frozen=True)
class Problem:
    """A part of the plan that crosses the line (red) or comes close (amber)."""

    id: str
    level: Level
    name: str
    fair_alternative: str
    answers: tuple[tuple[Question, Option, str], ...]
    link: Link

    def to_dict(self) -> ProblemJSON:
        return {
            "id": self.id,
            "level": self.level,
            "name": self.name,
            "fair_alternative": self.fair_alternative,
            "answers": [
                {"question": question.id, "option": option.id, "label": label}
                for question, option, label in self.answers
            ],
            "link": link_json(self.link),
        }


@dataclass(frozen=True)
class EthicsResult:
    """The plan's ethics, by the published rule, kept apart from leverage."""

    verdict: EthicsVerdict | None
    text: str
    red: tuple[Problem, ...]
    amber: tuple[Problem, ...]
    answered: int
    total: int

    def to_dict(self) -> EthicsJSON:
        return {
            "verdict": None
            if self.verdict is None
            else {
                "id": self.verdict.id,
                "label": self.verdict.label,
                "level": self.verdict.level,
                "summary": self.verdict.summary,
            },
            "text": self.text,
            "red": [problem.to_dict() for problem in self.red],
            "amber": [problem.to_dict() for problem in self.amber],
            "answered": self.answered,
            "total": self.total,
        }


@dataclass(frozen=True)
class Note:
    """Two answers that do not fit together, said gently (a 'note' combination that holds)."""

    combination: Combination

    def to_dict(self) -> NoteJSON:
        return {
            "id": self.combination.id,
            "name": self.combination.name,
            "text": self.combination.text,
            "questions": [question for question, _ in self.combination.when],
            "link": link_json(self.combination.link),
        }


def _option_ref(option: Option | None, label: str | None) -> OptionRefJSON | None:
    if option is None or label is None:
        return None
    return {"id": option.id, "label": label}


@dataclass(frozen=True)
class Advice:
    """One action to take, with when, how hard, and (for an improvement) what it would gain."""

    action: Action
    type: AdviceType
    text: str
    when: Named
    effort: Named
    question: Question
    dimension: Dimension
    current: Option | None
    current_label: str | None
    better: Option | None
    better_label: str | None
    balance_gain: float | None
    new_balance: float | None
    priority: float

    def to_dict(self) -> AdviceJSON:
        return {
            "action": self.action.id,
            "type": self.type,
            "text": self.text,
            "when": _named(self.when),
            "effort": _named(self.effort),
            "question": self.question.id,
            "dimension": self.dimension.id,
            "dimension_title": self.dimension.title,
            "current": _option_ref(self.current, self.current_label),
            "better": _option_ref(self.better, self.better_label),
            "balance_gain": self.balance_gain,
            "new_balance": self.new_balance,
            "link": link_json(self.question.link),
        }


@dataclass(frozen=True)
class Reading:
    """An article section to read next, and why."""

    link: Link
    reason: ReadingReason
    why: str

    def to_dict(self) -> ReadingJSON:
        return {"reason": self.reason, "why": self.why, "link": link_json(self.link)}


@dataclass(frozen=True)
class Result:
    """Everything ``score()`` found, in the same parts as its JSON form."""

    package_version: str
    bank_version: str
    answers: Mapping[str, str]
    kind: Option | None
    minutes: int
    completeness: Completeness
    leverage: LeverageResult
    preparation: PreparationResult
    ethics: EthicsResult
    notes: tuple[Note, ...]
    advice: tuple[Advice, ...]
    read_next: tuple[Reading, ...]

    def to_dict(self) -> ResultJSON:
        """The result as JSON-ready data, in the versioned format the schema describes."""
        return {
            "format": RESULT_FORMAT,
            "package": self.package_version,
            "bank": self.bank_version,
            "answers": dict(self.answers),
            "kind": None if self.kind is None else _named(self.kind),
            "minutes": self.minutes,
            "completeness": self.completeness.to_dict(),
            "leverage": self.leverage.to_dict(),
            "preparation": self.preparation.to_dict(),
            "ethics": self.ethics.to_dict(),
            "notes": [note.to_dict() for note in self.notes],
            "advice": [item.to_dict() for item in self.advice],
            "read_next": [reading.to_dict() for reading in self.read_next],
        }

    def _repr_html_(self) -> str:
        """How a notebook shows the result: balance, bars per dimension, red flags."""
        from assessment.notebook import result_html

        return result_html(self.to_dict())

    def _repr_markdown_(self) -> str:
        from assessment.notebook import result_markdown

        return result_markdown(self.to_dict())


def result_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Result.to_dict()`` matches."""
    return json_schema(ResultJSON, schema_id=SCHEMA_ID, title=SCHEMA_TITLE)


def schema_text() -> str:
    """The schema as the text of ``schema/result.schema.json``, the copy kept for other tools."""
    return json.dumps(result_schema(), indent=2, ensure_ascii=False) + "\n"
