"""The JSON form of a cohort summary, typed once: ``CohortSummary.to_dict()`` returns these, and
its JSON Schema (``schema/cohort.schema.json``) is generated from them, like the result's.

Counts are of results that could be read; every percentage is of those, to 1 decimal. Lists are
in the order to show them, and ids from the question bank sit beside the words.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypedDict, get_args

from assessment.result_json import SLUG, Count, Id, Words
from assessment.schema import Doc

# The name and version of the summary's JSON format: bump it when a field changes.
CohortFormat = Literal["fair-leverage-cohort/1"]
COHORT_FORMAT: CohortFormat = get_args(CohortFormat)[0]

Percent = Annotated[
    float, Doc("The count as a percentage of the results read, to 1 decimal.", minimum=0)
]
Mean = Annotated[
    float | None, Doc("The mean, to 1 decimal; null when there is nothing to average.")
]


class CountsJSON(TypedDict):
    """How many lines came in, and how many could be read."""

    entries: Annotated[int, Doc("Lines (or CSV rows) that held anything.", minimum=0)]
    read: Annotated[int, Doc("Share codes read and scored.", minimum=0)]
    unreadable: Annotated[int, Doc("Lines that could not be read.", minimum=0)]
    translated: Annotated[
        int, Doc("Codes made for an older version of the questions, carried over.", minimum=0)
    ]
    dropped_answers: Annotated[
        int, Doc("Answers in those old codes that could not be carried over.", minimum=0)
    ]


class UnreadableJSON(TypedDict):
    """A line that could not be read, and why."""

    line: Annotated[int, Doc("Its line number in the file, from 1.", minimum=1)]
    text: Annotated[str, Doc("The start of the line, as it came (show it as text only).")]
    error: Annotated[str, Doc("The engine's error type, e.g. 'BadCode'.", min_length=1)]
    message: Annotated[str, Doc("The engine's message: what is wrong and what to do.")]


class VersionJSON(TypedDict):
    """How many codes were made for one version of the questions."""

    version: Annotated[str, Doc("The question bank version.", pattern=r"^[a-z0-9]{1,8}$")]
    current: Annotated[bool, Doc("True for this site's version; false for an older one.")]
    count: Count


class BandCountJSON(TypedDict):
    """How many balances fell in one verdict band (or had none yet)."""

    id: Annotated[str | None, Doc("The band's id; null for 'no band yet'.", pattern=SLUG)]
    label: Words
    count: Count
    percent: Percent


class BinJSON(TypedDict):
    """How many balances fell in one fixed bin of the histogram."""

    low: Annotated[int, Doc("The bin's lower edge, included.", minimum=-100, maximum=100)]
    high: Annotated[
        int, Doc("The bin's upper edge, left out except for the last bin.", minimum=-100)
    ]
    count: Count


class BalanceJSON(TypedDict):
    """The distribution of balances."""

    with_band: Annotated[int, Doc("Results whose balance has a band.", minimum=0)]
    without_band: Annotated[int, Doc("Results with too little known for a band.", minimum=0)]
    mean: Mean
    bands: Annotated[list[BandCountJSON], Doc("Each band, strongest for you first, then none.")]
    bins: Annotated[list[BinJSON], Doc("Fixed bins from -100 to +100, lowest first.")]


class SideTallyJSON(TypedDict):
    """One side's answers to one dimension across the results read."""

    question: Id
    mean: Annotated[
        float | None,
        Doc(
            "The mean of the known answers' points (0 to 100), to 1 decimal; \"I don't know\" "
            "and unanswered are left out of it (counted below); null with no known answer.",
            minimum=0,
            maximum=100,
        ),
    ]
    known: Count
    unknown: Annotated[int, Doc('Answered "I don\'t know".', minimum=0)]
    skipped: Annotated[int, Doc("Not answered.", minimum=0)]


class DimensionTallyJSON(TypedDict):
    """A leverage dimension's answers for you and for them."""

    id: Id
    title: Words
    you: Annotated[SideTallyJSON, Doc("Your side.")]
    them: Annotated[SideTallyJSON | None, Doc("Their side; null where the bank does not ask.")]


class VerdictCountJSON(TypedDict):
    """How many plans got one ethics verdict (or none)."""

    id: Annotated[str | None, Doc("The verdict's id; null for 'no plan answered'.", pattern=SLUG)]
    label: Words
    count: Count
    percent: Percent


class FlagCountJSON(TypedDict):
    """How many results carry one red flag or amber item."""

    id: Annotated[str, Doc("The problem's id: '<question>.<option>' or a combination's id.")]
    name: Words
    answer: Annotated[str | None, Doc("The answer behind it; null for a combination.")]
    count: Count
    percent: Percent


class EthicsTallyJSON(TypedDict):
    """The plans' ethics."""

    verdicts: Annotated[list[VerdictCountJSON], Doc("Each verdict in bank order, then none.")]
    red: Annotated[list[FlagCountJSON], Doc("Every red flag, most frequent first.")]
    amber: Annotated[list[FlagCountJSON], Doc("Every amber item, most frequent first.")]


class SuggestionJSON(TypedDict):
    """How often one action came first in "What would help most"."""

    id: Annotated[str | None, Doc("The action's id; null for results with no advice.")]
    text: Words
    count: Count
    percent: Percent


class CohortJSON(TypedDict):
    """The JSON form of assessment.cohort.CohortSummary (to_dict()): a group's share links
    summarised, with every count, percentage and mean computed."""

    format: Annotated[CohortFormat, Doc("The format and its version.")]
    package: Annotated[str, Doc("The assessment package's version.", min_length=1)]
    bank: Annotated[str, Doc("The question bank's version.", pattern=r"^[a-z0-9]{1,8}$")]
    counts: Annotated[CountsJSON, Doc("What came in.")]
    unreadable: Annotated[list[UnreadableJSON], Doc("Every line not read, in file order.")]
    versions: Annotated[list[VersionJSON], Doc("Codes per question bank version, current first.")]
    balance: Annotated[BalanceJSON, Doc("The balances.")]
    dimensions: Annotated[list[DimensionTallyJSON], Doc("Leverage dimensions, in form order.")]
    ethics: Annotated[EthicsTallyJSON, Doc("Verdicts, red flags and amber items.")]
    first_suggestion: Annotated[
        SuggestionJSON | None, Doc("The most common first suggestion; null with no result.")
    ]
    suggestions: Annotated[
        list[SuggestionJSON], Doc("Every first suggestion that came up, most frequent first.")
    ]
