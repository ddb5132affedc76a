"""The JSON form of a result, typed once: ``Result.to_dict()`` returns these, and the
published JSON Schema is generated from them (``assessment.schema``)."""

from __future__ import annotations

from typing import Annotated, Literal, TypedDict, get_args

from assessment.schema import Doc

# The name and version of the result's JSON format: bump it when a field changes.
Format = Literal["fair-leverage-result/1"]
RESULT_FORMAT: Format = get_args(Format)[0]
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Score = Annotated[float | None, Doc("From 0 to 100; null when nothing behind it is answered.")]
Count = Annotated[int, Doc("A number of questions.", minimum=0)]
Text = Annotated[str, Doc("Text to show as it is.", min_length=1)]
Slug = Annotated[str, Doc("An id from the question bank.", pattern=SLUG)]


class LinkJSON(TypedDict):
    """A section of the site's articles."""

    page: Annotated[str, Doc("The article's Markdown path in docs/, e.g. 'build/prepare.md'.")]
    anchor: Annotated[str, Doc("The heading's id on that page.", pattern=SLUG)]
    href: Annotated[str, Doc("The link relative to the site root, e.g. 'build/prepare/#x'.")]


class ContributionJSON(TypedDict):
    """How far one answer moved one score, in points of that score."""

    question: Annotated[str, Doc("The question's id.", pattern=SLUG)]
    text: Annotated[str, Doc("The question as the reader saw it.", min_length=1)]
    link: Annotated[LinkJSON, Doc("The article section that explains the question.")]
    option: Annotated[str, Doc("The id of the answer given.", pattern=SLUG)]
    label: Annotated[str, Doc("The answer as the reader saw it.", min_length=1)]
    points: Annotated[int, Doc("The answer's points.", minimum=0, maximum=100)]
    change: Annotated[float, Doc("How far the answer moved the score, signed.")]


class SideScoreJSON(TypedDict):
    """One side's score on one leverage dimension."""

    score: Score
    answered: Count
    total: Count
    moved_by: Annotated[list[ContributionJSON], Doc("The answers behind the score.")]


class LeverageDimensionJSON(TypedDict):
    """A leverage dimension, scored for you and, where it applies, for them."""

    id: Slug
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    summary: Annotated[str, Doc("What the dimension measures.", min_length=1)]
    weight: Annotated[int, Doc("How much it counts towards a side's index.", minimum=1)]
    you: Annotated[SideScoreJSON, Doc("Your score on it.")]
    them: Annotated[SideScoreJSON | None, Doc("Their score on it; null if not rated for them.")]


class SideIndexJSON(TypedDict):
    """A side's leverage index: the weighted mean of its answered dimension scores."""

    index: Score
    moved_by: Annotated[list[ContributionJSON], Doc("Each answer's share of the index.")]


class BalanceJSON(TypedDict):
    """Your index minus theirs."""

    value: Annotated[
        float | None,
        Doc("From -100 to +100; null with no leverage answer.", minimum=-100, maximum=100),
    ]
    moved_by: Annotated[list[ContributionJSON], Doc("Each answer's share of the balance.")]


class BandJSON(TypedDict):
    """A verdict band."""

    id: Slug
    label: Annotated[str, Doc("The verdict in a few words.", min_length=1)]
    summary: Annotated[str, Doc("The verdict in plain sentences.", min_length=1)]


class ShareJSON(TypedDict):
    """How much one dimension's answers, yours and theirs together, moved the balance."""

    id: Slug
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    change: Annotated[float, Doc("Points of balance, signed.")]


class LeverageJSON(TypedDict):
    """Leverage: the balance, its verdict and the scores behind it."""

    verdict: Annotated[str, Doc("The band's summary, or what to do to get one.", min_length=1)]
    band: Annotated[BandJSON | None, Doc("The verdict band; null with no leverage answer.")]
    balance: Annotated[BalanceJSON, Doc("Your index minus theirs.")]
    you: Annotated[SideIndexJSON, Doc("Your leverage index.")]
    them: Annotated[SideIndexJSON, Doc("Their leverage index.")]
    carried_by: Annotated[list[ShareJSON], Doc("The dimensions that raised the balance most.")]
    held_back_by: Annotated[list[ShareJSON], Doc("The dimensions that lowered it most.")]
    dimensions: Annotated[list[LeverageDimensionJSON], Doc("Every leverage dimension.")]


class EthicsCapJSON(TypedDict):
    """The limit a red flag puts on the ethics score."""

    limit: Annotated[int, Doc("The highest ethics score with a red flag.", minimum=0)]
    change: Annotated[float, Doc("How much the limit took off, signed.")]


class RedFlagJSON(TypedDict):
    """An answer that crosses an ethical line."""

    question: Annotated[str, Doc("The question's id.", pattern=SLUG)]
    text: Annotated[str, Doc("The question as the reader saw it.", min_length=1)]
    link: Annotated[LinkJSON, Doc("The article section that explains it.")]
    option: Annotated[str, Doc("The id of the answer given.", pattern=SLUG)]
    label: Annotated[str, Doc("The answer as the reader saw it.", min_length=1)]
    dimension: Annotated[str, Doc("The ethics dimension's id.", pattern=SLUG)]
    dimension_title: Annotated[str, Doc("The ethics dimension's name.", min_length=1)]
    fair_alternative: Annotated[str, Doc("What to do instead.", min_length=1)]


class EthicsDimensionJSON(TypedDict):
    """One ethics dimension's score (100 is fair)."""

    id: Slug
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    summary: Annotated[str, Doc("What it checks.", min_length=1)]
    weight: Annotated[int, Doc("How much it counts towards the ethics score.", minimum=1)]
    score: Score
    answered: Count
    total: Count
    moved_by: Annotated[list[ContributionJSON], Doc("The answers behind the score.")]


class EthicsJSON(TypedDict):
    """The ethics of the plan, scored apart from leverage."""

    verdict: Annotated[str, Doc("The band's summary, or what to do to get one.", min_length=1)]
    band: Annotated[BandJSON | None, Doc("The ethics band; null with no ethics answer.")]
    score: Score
    moved_by: Annotated[list[ContributionJSON], Doc("Points each answer took off 100.")]
    cap: Annotated[EthicsCapJSON | None, Doc("The red-flag limit, when it applied.")]
    red_flags: Annotated[list[RedFlagJSON], Doc("Every red-flag answer, in bank order.")]
    dimensions: Annotated[list[EthicsDimensionJSON], Doc("Every ethics dimension.")]


class OptionRefJSON(TypedDict):
    """An answer to a question."""

    id: Slug
    label: Annotated[str, Doc("The answer as the reader saw it.", min_length=1)]


# "from" is a Python keyword, so this one is declared with the functional syntax.
WhatIfJSON = TypedDict(
    "WhatIfJSON",
    {
        "question": Annotated[str, Doc("The question's id.", pattern=SLUG)],
        "text": Annotated[str, Doc("The question as the reader saw it.", min_length=1)],
        "link": Annotated[LinkJSON, Doc("The article section that explains it.")],
        "side": Annotated[Literal["you", "them"], Doc("Whose leverage the question is about.")],
        "dimension": Annotated[str, Doc("The dimension's id.", pattern=SLUG)],
        "dimension_title": Annotated[str, Doc("The dimension's name.", min_length=1)],
        "from": Annotated[OptionRefJSON, Doc("The answer now.")],
        "to": Annotated[OptionRefJSON, Doc("The answer one step better.")],
        "action": Annotated[str | None, Doc("One thing to do about it.")],
        "balance_gain": Annotated[float, Doc("How much the balance rose when re-scored.")],
        "new_balance": Annotated[float, Doc("The balance after the change.")],
    },
)
WhatIfJSON.__doc__ = "One answer moved one step in your favour, and how much the balance rose."


class ReadingJSON(TypedDict):
    """An article section to read next."""

    title: Annotated[str, Doc("What to call the link.", min_length=1)]
    reason: Annotated[Literal["red-flag", "what-if", "held-back"], Doc("Why it is suggested.")]
    link: Annotated[LinkJSON, Doc("Where it is.")]


class DimensionProgressJSON(TypedDict):
    """How many of a dimension's questions are answered."""

    id: Slug
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    kind: Annotated[Literal["leverage", "ethics"], Doc("What the dimension measures.")]
    answered: Count
    total: Count


class CompletenessJSON(TypedDict):
    """How many questions are answered, overall and per dimension."""

    answered: Count
    total: Count
    percent: Annotated[float, Doc("Answered as a percentage.", minimum=0, maximum=100)]
    dimensions: Annotated[list[DimensionProgressJSON], Doc("Per dimension, in bank order.")]


class ResultJSON(TypedDict):
    """The JSON form of assessment.Result (Result.to_dict()). Scores run from 0 to 100 and
    the balance from -100 to +100; null means nothing was answered that would give the
    number."""

    format: Annotated[Format, Doc("The format and its version.")]
    package: Annotated[str, Doc("The assessment package's version.", min_length=1)]
    bank: Annotated[str, Doc("The question bank's version.", pattern=r"^[a-z0-9]{1,8}$")]
    answers: Annotated[dict[str, str], Doc("The answers scored, in bank order.", pattern=SLUG)]
    completeness: Annotated[CompletenessJSON, Doc("How much is answered.")]
    leverage: Annotated[LeverageJSON, Doc("Leverage, for you and them.")]
    ethics: Annotated[EthicsJSON, Doc("The ethics of the plan, kept apart.")]
    what_if: Annotated[list[WhatIfJSON], Doc("What would help most, best first.")]
    read_next: Annotated[list[ReadingJSON], Doc("Articles to read next.")]
