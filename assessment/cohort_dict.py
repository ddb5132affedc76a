"""A cohort summary's JSON form (``CohortSummary.to_dict()``): the counts put in the bank's
order and words, with every percentage and mean computed, so a page only draws it."""

from __future__ import annotations

import json
from typing import Any

from assessment.cohort import BIN_WIDTH, LOWEST, NONE, CohortSummary, Tally
from assessment.cohort_json import (
    COHORT_FORMAT,
    BandCountJSON,
    BinJSON,
    CohortJSON,
    DimensionTallyJSON,
    FlagCountJSON,
    SideTallyJSON,
    SuggestionJSON,
    VerdictCountJSON,
)
from assessment.model import Bank
from assessment.schema import json_schema

SCHEMA_ID = "urn:fair-leverage:cohort-schema:1"
SCHEMA_TITLE = "Fair Leverage cohort summary"
# A copy of the generated schema, for tools that read a file (tests check it is current).
SCHEMA_FILE = "schema/cohort.schema.json"
# Words for the counts that have no bank id.
NO_BAND = "No band yet: too little known"
NO_VERDICT = "No plan answered"
NO_ADVICE = "No suggestion"


def _problems(bank: Bank) -> dict[str, tuple[str, str | None]]:
    """Every red or amber problem the bank can raise: its id, name and the answer behind it."""
    found: dict[str, tuple[str, str | None]] = {}
    for question in bank.questions_of("ethics"):
        for option in question.options:
            if option.level is not None and option.flag is not None:
                found[f"{question.id}.{option.id}"] = (option.flag, option.label)
    for combination in bank.combinations:
        if combination.level != "note":
            found[combination.id] = (combination.name, None)
    return found


def _levels(bank: Bank) -> dict[str, str]:
    levels: dict[str, str] = {}
    for question in bank.questions_of("ethics"):
        for option in question.options:
            if option.level is not None:
                levels[f"{question.id}.{option.id}"] = option.level
    levels.update({c.id: c.level for c in bank.combinations if c.level != "note"})
    return levels


def _flags(summary: CohortSummary, level: str) -> list[FlagCountJSON]:
    bank = summary.bank
    counts = summary.red if level == "red" else summary.amber
    levels = _levels(bank)
    rows: list[FlagCountJSON] = []
    for problem_id, (name, answer) in _problems(bank).items():
        if levels[problem_id] != level:
            continue
        count = counts.get(problem_id, 0)
        rows.append(
            {
                "id": problem_id,
                "name": name,
                "answer": answer,
                "count": count,
                "percent": summary.percent(count),
            }
        )
    # Most frequent first; the sort is stable, so ties keep the form's order.
    return sorted(rows, key=lambda row: -row["count"])


def _side(question_id: str, tally: Tally) -> SideTallyJSON:
    return {
        "question": question_id,
        "mean": tally.mean,
        "known": tally.known,
        "unknown": tally.unknown,
        "skipped": tally.skipped,
    }


def _dimensions(summary: CohortSummary) -> list[DimensionTallyJSON]:
    bank = summary.bank
    rows: list[DimensionTallyJSON] = []
    for dimension in bank.dimensions_of("leverage"):
        sides = {q.side: q.id for q in bank.questions_in(dimension.id) if q.side is not None}
        you = sides["you"]
        them = sides.get("them")
        rows.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "you": _side(you, summary.questions.get(you, Tally())),
                "them": None if them is None else _side(them, summary.questions.get(them, Tally())),
            }
        )
    return rows


def _suggestions(summary: CohortSummary) -> list[SuggestionJSON]:
    actions = {a.id: a.text for q in summary.bank.questions for a in q.actions}
    order = [*actions, NONE]
    rows: list[SuggestionJSON] = [
        {
            "id": action or None,
            "text": actions.get(action, NO_ADVICE) if action else NO_ADVICE,
            "count": count,
            "percent": summary.percent(count),
        }
        for action, count in summary.first_advice.items()
        if count
    ]
    rows.sort(key=lambda row: order.index(row["id"] or NONE))
    return sorted(rows, key=lambda row: -row["count"])


def _bands(summary: CohortSummary) -> list[BandCountJSON]:
    rows: list[BandCountJSON] = []
    for band_id, label in [(b.id, b.label) for b in summary.bank.bands] + [(NONE, NO_BAND)]:
        count = summary.bands.get(band_id, 0)
        rows.append(
            {
                "id": band_id or None,
                "label": label,
                "count": count,
                "percent": summary.percent(count),
            }
        )
    return rows


def _verdicts(summary: CohortSummary) -> list[VerdictCountJSON]:
    rows: list[VerdictCountJSON] = []
    named = [(v.id, v.label) for v in summary.bank.ethics_verdicts] + [(NONE, NO_VERDICT)]
    for verdict_id, label in named:
        count = summary.verdicts.get(verdict_id, 0)
        rows.append(
            {
                "id": verdict_id or None,
                "label": label,
                "count": count,
                "percent": summary.percent(count),
            }
        )
    return rows


def _bins(summary: CohortSummary) -> list[BinJSON]:
    return [
        {"low": LOWEST + n * BIN_WIDTH, "high": LOWEST + (n + 1) * BIN_WIDTH, "count": count}
        for n, count in enumerate(summary.bins)
    ]


def summary_dict(summary: CohortSummary) -> CohortJSON:
    """The JSON form that ``schema/cohort.schema.json`` describes."""
    from assessment import __version__

    bank = summary.bank
    suggestions = _suggestions(summary)
    current = summary.versions.get(bank.version, 0)
    older = sorted((v, n) for v, n in summary.versions.items() if v != bank.version)
    first = summary.first_suggestion()
    return {
        "format": COHORT_FORMAT,
        "package": __version__,
        "bank": bank.version,
        "counts": {
            "entries": summary.entries,
            "read": summary.read,
            "unreadable": len(summary.unreadable),
            "translated": summary.translated,
            "dropped_answers": summary.dropped_answers,
        },
        "unreadable": [
            {"line": u.line, "text": u.text, "error": u.error, "message": u.message}
            for u in summary.unreadable
        ],
        "versions": [
            {"version": version, "current": version == bank.version, "count": count}
            for version, count in [(bank.version, current), *older]
            if count
        ],
        "balance": {
            "with_band": summary.with_band,
            "without_band": summary.read - summary.with_band,
            "mean": summary.mean_balance,
            "bands": _bands(summary),
            "bins": _bins(summary),
        },
        "dimensions": _dimensions(summary),
        "ethics": {
            "verdicts": _verdicts(summary),
            "red": _flags(summary, "red"),
            "amber": _flags(summary, "amber"),
        },
        "first_suggestion": None
        if first is None
        else next(row for row in suggestions if row["id"] == first[0]),
        "suggestions": suggestions,
    }


def cohort_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``CohortSummary.to_dict()`` matches."""
    return json_schema(CohortJSON, schema_id=SCHEMA_ID, title=SCHEMA_TITLE)


def cohort_schema_text() -> str:
    """The schema as the text of ``schema/cohort.schema.json``, the copy kept for other tools."""
    return json.dumps(cohort_schema(), indent=2, ensure_ascii=False) + "\n"
