"""A cohort summary: many share links or codes (a workshop's, a newsletter's) read, scored and
counted, for the workshop page, the terminal (``python -m assessment cohort``) and notebooks.

Every line is decoded and scored on its own with ``decode`` and ``score``: a line that cannot
be read is listed with its line number and the engine's message, and never stops the rest.
Codes made for an older version of the questions are carried over, as ``decode`` does, and
counted. The summary holds only counts and integer sums, so summaries of parts of a list add
up (``+``) to exactly the summary of the whole list.

Averages per dimension are of the known answers' points only: an "I don't know" and an
unanswered question have no points, so they are left out of the mean and counted beside it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from assessment.bank import load_bank
from assessment.cohort_input import Entry, entries
from assessment.cohort_json import CohortJSON
from assessment.errors import AssessmentError, BadRequest
from assessment.model import Action, Bank
from assessment.result import Result
from assessment.scoring import score
from assessment.sharecode import decode

# The histogram's fixed bins: balances run from -100 to +100.
BIN_WIDTH = 10
LOWEST = -100
BINS = 2 * -LOWEST // BIN_WIDTH
# How much of an unreadable line the summary keeps, to help find it in the file.
EXCERPT = 60
# The key of "none" in each count: no band, no plan answered, no advice. Bank ids are slugs,
# so an empty string can never clash with one.
NONE = ""

Counts = Mapping[str, int]


@dataclass(frozen=True)
class Unreadable:
    """A line that could not be read: where it is, how it starts, and the engine's message."""

    line: int
    text: str
    error: str
    message: str


@dataclass(frozen=True)
class Tally:
    """One leverage question's answers across the results: known (with their points summed),
    "I don't know", and not answered."""

    known: int = 0
    unknown: int = 0
    skipped: int = 0
    points: int = 0

    @property
    def mean(self) -> float | None:
        return None if not self.known else round(self.points / self.known, 1)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.known + other.known,
            self.unknown + other.unknown,
            self.skipped + other.skipped,
            self.points + other.points,
        )


def _frozen(counts: dict[str, int]) -> Counts:
    return MappingProxyType(counts)


def _added(first: Counts, second: Counts) -> Counts:
    return _frozen({key: first.get(key, 0) + second.get(key, 0) for key in [*first, *second]})


@dataclass(frozen=True)
class CohortSummary:
    """What a group's share links say, together. Build it with ``summarise``; add two with ``+``.

    Every count is keyed by the bank's ids (``NONE`` for no band, no verdict, no advice);
    ``balance_tenths`` is the sum of the balances with a band, in tenths of a point, so that
    sums stay exact.
    """

    bank: Bank = field(repr=False, compare=False)
    bank_version: str
    entries: int
    unreadable: tuple[Unreadable, ...]
    versions: Counts
    dropped_answers: int
    bands: Counts
    bins: tuple[int, ...]
    balance_tenths: int
    questions: Mapping[str, Tally]
    verdicts: Counts
    red: Counts
    amber: Counts
    first_advice: Counts

    @property
    def read(self) -> int:
        """How many codes were read and scored."""
        return self.entries - len(self.unreadable)

    @property
    def translated(self) -> int:
        """How many codes were made for an older version of the questions."""
        return sum(n for version, n in self.versions.items() if version != self.bank_version)

    @property
    def with_band(self) -> int:
        return self.read - self.bands.get(NONE, 0)

    @property
    def mean_balance(self) -> float | None:
        return None if not self.with_band else round(self.balance_tenths / 10 / self.with_band, 1)

    def percent(self, count: int) -> float:
        """A count as a percentage of the results read, to 1 decimal."""
        return 0.0 if not self.read else round(100 * count / self.read, 1)

    def first_suggestion(self) -> tuple[str, int] | None:
        """The action most often first in the advice (the earlier in the bank on a tie), with
        its count; None when no result had advice."""
        counted = [(action, n) for action, n in self.first_advice.items() if action != NONE and n]
        if not counted:
            return None
        order = {action.id: number for number, action in enumerate(_actions(self.bank))}
        return min(counted, key=lambda item: (-item[1], order.get(item[0], math.inf)))

    def __add__(self, other: CohortSummary) -> CohortSummary:
        """The summary of both lists together (``other``'s lines come after this one's)."""
        if other.bank_version != self.bank_version:
            raise BadRequest(
                f"Cannot add summaries made with different versions of the questions "
                f"({self.bank_version!r} and {other.bank_version!r})."
            )
        return CohortSummary(
            bank=self.bank,
            bank_version=self.bank_version,
            entries=self.entries + other.entries,
            unreadable=self.unreadable + other.unreadable,
            versions=_added(self.versions, other.versions),
            dropped_answers=self.dropped_answers + other.dropped_answers,
            bands=_added(self.bands, other.bands),
            bins=tuple(a + b for a, b in zip(self.bins, other.bins, strict=True)),
            balance_tenths=self.balance_tenths + other.balance_tenths,
            questions=MappingProxyType(
                {
                    key: self.questions.get(key, Tally()) + other.questions.get(key, Tally())
                    for key in [*self.questions, *other.questions]
                }
            ),
            verdicts=_added(self.verdicts, other.verdicts),
            red=_added(self.red, other.red),
            amber=_added(self.amber, other.amber),
            first_advice=_added(self.first_advice, other.first_advice),
        )

    merge = __add__

    def to_dict(self) -> CohortJSON:
        """The summary as JSON-ready data, in the versioned format its schema describes."""
        from assessment.cohort_dict import summary_dict

        return summary_dict(self)

    def to_csv(self) -> str:
        """The summary as one CSV table: a row per figure (see ``assessment.cohort_csv``)."""
        from assessment.cohort_csv import summary_csv

        return summary_csv(self.to_dict())

    def _repr_html_(self) -> str:
        from assessment.notebook import cohort_html

        return cohort_html(self.to_dict())

    def _repr_markdown_(self) -> str:
        from assessment.notebook import cohort_markdown

        return cohort_markdown(self.to_dict())


def _actions(bank: Bank) -> list[Action]:
    return [action for question in bank.questions for action in question.actions]


def bin_of(balance: float) -> int:
    """The histogram bin a balance falls in; +100 goes in the last bin."""
    return min(int((balance - LOWEST) // BIN_WIDTH), BINS - 1)


class _Counter:
    """Counts results one at a time; ``summary()`` freezes the counts."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.entries = 0
        self.unreadable: list[Unreadable] = []
        self.versions: dict[str, int] = {}
        self.dropped = 0
        self.bands = dict.fromkeys([band.id for band in bank.bands] + [NONE], 0)
        self.bins = [0] * BINS
        self.tenths = 0
        self.questions = {q.id: Tally() for q in bank.questions_of("leverage")}
        self.verdicts = dict.fromkeys([v.id for v in bank.ethics_verdicts] + [NONE], 0)
        self.red: dict[str, int] = {}
        self.amber: dict[str, int] = {}
        self.first: dict[str, int] = {}

    def add(self, entry: Entry) -> None:
        self.entries += 1
        if entry.problem is not None:
            self.unreadable.append(Unreadable(entry.line, "", "BadRequest", entry.problem))
            return
        try:
            decoded = decode(entry.text, self.bank)
            result = score(decoded.answers, self.bank)
        except AssessmentError as error:
            excerpt = entry.text if len(entry.text) <= EXCERPT else entry.text[:EXCERPT] + "…"
            self.unreadable.append(
                Unreadable(entry.line, excerpt, type(error).__name__, error.message)
            )
            return
        self.versions[decoded.version] = self.versions.get(decoded.version, 0) + 1
        self.dropped += len(decoded.dropped)
        self.count(result)

    def count(self, result: Result) -> None:
        leverage = result.leverage
        self.bands[NONE if leverage.band is None else leverage.band.id] += 1
        if leverage.balance is not None and leverage.band is not None:
            self.bins[bin_of(leverage.balance)] += 1
            self.tenths += round(leverage.balance * 10)
        for dimension in leverage.dimensions:
            for answer in (dimension.you, dimension.them):
                if answer is None:
                    continue
                tally = self.questions[answer.question.id]
                if answer.status == "known" and answer.option is not None:
                    tally += Tally(known=1, points=answer.option.points or 0)
                elif answer.status == "unknown":
                    tally += Tally(unknown=1)
                else:
                    tally += Tally(skipped=1)
                self.questions[answer.question.id] = tally
        verdict = result.ethics.verdict
        self.verdicts[NONE if verdict is None else verdict.id] += 1
        for problems, counts in ((result.ethics.red, self.red), (result.ethics.amber, self.amber)):
            for problem in problems:
                counts[problem.id] = counts.get(problem.id, 0) + 1
        first = result.advice[0].action.id if result.advice else NONE
        self.first[first] = self.first.get(first, 0) + 1

    def summary(self) -> CohortSummary:
        return CohortSummary(
            bank=self.bank,
            bank_version=self.bank.version,
            entries=self.entries,
            unreadable=tuple(self.unreadable),
            versions=_frozen(self.versions),
            dropped_answers=self.dropped,
            bands=_frozen(self.bands),
            bins=tuple(self.bins),
            balance_tenths=self.tenths,
            questions=MappingProxyType(self.questions),
            verdicts=_frozen(self.verdicts),
            red=_frozen(self.red),
            amber=_frozen(self.amber),
            first_advice=_frozen(self.first),
        )


def summarise_entries(found: Iterable[Entry], bank: Bank | None = None) -> CohortSummary:
    """The summary of entries already read from a text (``assessment.cohort_input.entries``)."""
    counter = _Counter(load_bank() if bank is None else bank)
    for entry in found:
        counter.add(entry)
    return counter.summary()


def summarise_codes(
    codes: Iterable[str], bank: Bank | None = None, first_line: int = 1
) -> CohortSummary:
    """The summary of share codes or links, one per item; an item's line number is its place
    in the list, counted from ``first_line``. Blank items are left out but keep their place."""
    found = (
        Entry(line, code.strip())
        for line, code in enumerate(codes, start=first_line)
        if code.strip()
    )
    return summarise_entries(found, bank)


def summarise(
    text: str, *, column: str | None = None, bank: Bank | None = None, first_line: int = 1
) -> CohortSummary:
    """The summary of a pasted text or a file's content: a share link or code per line, or a
    CSV with a column of them (``column`` names it; see ``assessment.cohort_input``).

    BadRequest only when a CSV has no column of codes; a bad line is listed, never raised.
    """
    return summarise_entries(entries(text, column, first_line), bank)


def summarise_file(
    path: str | Path, *, column: str | None = None, bank: Bank | None = None
) -> CohortSummary:
    """The summary of a text or CSV file (UTF-8); BadRequest if it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise BadRequest(f"Cannot read {path}: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"{path} is not UTF-8 text ({error.reason} at byte {error.start}). Save it as "
            "UTF-8 text or CSV, with one share link or code per line."
        ) from error
    return summarise(text, column=column, bank=bank)
