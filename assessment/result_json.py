"""The JSON form of a result, typed once: ``Result.to_dict()`` returns these, and the
published JSON Schema is generated from them (``assessment.schema``).

A page draws the result from this alone: every number is computed, every sentence is
written out (in the wording of the reader's kind of negotiation), and every list is in the
order to show it. Ids from the question bank sit beside the words, so that many results
can be counted and compared.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypedDict, get_args

from assessment.schema import Doc

# The name and version of the result's JSON format: bump it when a field changes.
Format = Literal["fair-leverage-result/2"]
RESULT_FORMAT: Format = get_args(Format)[0]
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, Doc("An id from the question bank.", pattern=SLUG)]
Words = Annotated[str, Doc("Words to show as they are.", min_length=1)]
Count = Annotated[int, Doc("A number of questions or answers.", minimum=0)]
SideName = Literal["you", "them"]


class LinkJSON(TypedDict):
    """A section of the site's articles."""

    page: Annotated[str, Doc("The article's Markdown path in docs/, e.g. 'build/prepare.md'.")]
    anchor: Annotated[str, Doc("The heading's id on that page.", pattern=SLUG)]
    href: Annotated[str, Doc("The address relative to the site root, e.g. 'build/prepare/#x'.")]
    title: Annotated[str, Doc("The page's title, from its front matter.", min_length=1)]


class NamedJSON(TypedDict):
    """Something from the bank with the words the reader sees for it."""

    id: Id
    label: Annotated[str, Doc("Its name or label, as shown.", min_length=1)]


class BandJSON(TypedDict):
    """A verdict band of the balance."""

    id: Id
    label: Annotated[str, Doc("The verdict in a few words.", min_length=1)]
    summary: Annotated[str, Doc("The verdict in plain sentences.", min_length=1)]


class PartProgressJSON(TypedDict):
    """How many questions of one part of the form are answered."""

    id: Annotated[
        Literal["context", "leverage", "preparation", "ethics"], Doc("The part of the form.")
    ]
    title: Annotated[str, Doc("The part's title, as in the form.", min_length=1)]
    answered: Count
    total: Count


class CompletenessJSON(TypedDict):
    """How many questions are answered, overall and per part."""

    answered: Count
    total: Count
    percent: Annotated[float, Doc("Answered, as a percentage.", minimum=0, maximum=100)]
    parts: Annotated[list[PartProgressJSON], Doc("Per part of the form, in form order.")]


class MoveJSON(TypedDict):
    """How far one answer moved the balance."""

    question: Id
    side: Annotated[SideName, Doc("Whose leverage the question rates.")]
    text: Annotated[str, Doc("The question, as the reader saw it.", min_length=1)]
    option: Id
    label: Annotated[str, Doc("The answer, as the reader saw it.", min_length=1)]
    points: Annotated[int, Doc("The answer's points (leverage of that side, 0 to 100).")]
    change: Annotated[
        float, Doc("Points of balance the answer added (+) or took away (-), to 1 decimal.")
    ]
    link: Annotated[LinkJSON, Doc("The article section that explains the question.")]


class GapJSON(TypedDict):
    """A leverage question not answered, or answered "I don't know": an information gap."""

    question: Id
    side: Annotated[SideName, Doc("Whose leverage the question rates.")]
    text: Annotated[str, Doc("The question, as the reader saw it.", min_length=1)]
    status: Annotated[
        Literal["unknown", "skipped"], Doc('"unknown": answered "I don\'t know"; "skipped".')
    ]
    swing: Annotated[
        float, Doc("The most this answer could move the balance, lowest to highest option.")
    ]
    link: Annotated[LinkJSON, Doc("The article section that explains the question.")]


class NeedJSON(TypedDict):
    """One thing still needed before the balance gets a verdict band."""

    question: Annotated[
        str | None, Doc("The question still needed; null for 'more answers about a side'.")
    ]
    side: Annotated[SideName, Doc("The side it is about.")]
    text: Annotated[str, Doc("What is needed, in the reader's words.", min_length=1)]
    reason: Annotated[str, Doc("Why it is needed.", min_length=1)]


class SideJSON(TypedDict):
    """One side's leverage index and how much is known about it."""

    index: Annotated[
        float,
        Doc(
            "The side's leverage from 0 to 100: the neutral point moved by each known answer, "
            "weighted, against all the side's questions.",
            minimum=0,
            maximum=100,
        ),
    ]
    known: Count
    unknown: Annotated[int, Doc('Questions answered "I don\'t know".', minimum=0)]
    skipped: Annotated[int, Doc("Questions not answered.", minimum=0)]
    total: Count
    confidence: Annotated[
        str, Doc('How much is known, in words, e.g. "5 of 7 facts about them unknown…".')
    ]


class ConfidenceJSON(TypedDict):
    """How well founded the balance is."""

    id: Id
    label: Annotated[str, Doc("The level in words, e.g. 'Partly founded'.", min_length=1)]
    gaps: Annotated[int, Doc("Leverage facts unknown or not answered, both sides.", minimum=0)]
    total: Count
    gaps_dominate: Annotated[
        bool,
        Doc("True when gaps dominate one side: the advice then starts with finding out."),
    ]


class NearEdgeJSON(TypedDict):
    """The balance is within its uncertainty of a neighbouring band."""

    band: Annotated[NamedJSON, Doc("The neighbouring band.")]
    text: Annotated[str, Doc("What that means, in words.", min_length=1)]


class SideAnswerJSON(TypedDict):
    """The answer to one side's question in a dimension."""

    question: Id
    status: Annotated[
        Literal["known", "unknown", "skipped"], Doc("Answered, 'I don't know', or not answered.")
    ]
    option: Annotated[str | None, Doc("The answer's id; null if skipped.")]
    label: Annotated[str | None, Doc("The answer as shown; null if skipped.")]
    points: Annotated[
        int | None, Doc("The answer's points (0 to 100); null unless known.", minimum=0)
    ]


class DimensionJSON(TypedDict):
    """A leverage dimension: one question about you and, where it applies, one about them."""

    id: Id
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    summary: Annotated[str, Doc("What it measures.", min_length=1)]
    weight: Annotated[int, Doc("How much it counts towards each side's index.", minimum=1)]
    you: Annotated[SideAnswerJSON, Doc("Your side's answer.")]
    them: Annotated[SideAnswerJSON | None, Doc("Their side's answer; null if not asked.")]


class ShareJSON(TypedDict):
    """How much one dimension's answers, yours and theirs together, moved the balance."""

    id: Id
    title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    change: Annotated[float, Doc("Points of balance, signed, to 1 decimal.")]


class LeverageJSON(TypedDict):
    """Leverage: the balance of your position against theirs, and what it rests on."""

    band: Annotated[BandJSON | None, Doc("The verdict; null until enough is known.")]
    verdict: Annotated[str, Doc("The band's summary, or what is needed first.", min_length=1)]
    balance: Annotated[
        float | None,
        Doc(
            "Your index minus theirs, from -100 to +100, to 1 decimal; null until enough "
            "is known (see still_needed).",
            minimum=-100,
            maximum=100,
        ),
    ]
    uncertainty: Annotated[
        int | None,
        Doc(
            "The balance's ± in points: the root of the sum of squares of each question's "
            "possible error (half a step when answered, half its range when not); null "
            "with the balance.",
            minimum=0,
        ),
    ]
    near_edge: Annotated[
        NearEdgeJSON | None, Doc("Set when the uncertainty reaches a neighbouring band.")
    ]
    still_needed: Annotated[
        list[NeedJSON], Doc("What is still needed for a verdict; empty once there is one.")
    ]
    confidence: Annotated[ConfidenceJSON, Doc("How well founded the balance is.")]
    you: Annotated[SideJSON, Doc("Your side.")]
    them: Annotated[SideJSON, Doc("Their side.")]
    moved_by: Annotated[list[MoveJSON], Doc("Every known answer's effect, in form order.")]
    gaps: Annotated[list[GapJSON], Doc("Every information gap, in form order.")]
    carried_by: Annotated[list[ShareJSON], Doc("The dimensions that raised it most.")]
    held_back_by: Annotated[list[ShareJSON], Doc("The dimensions that lowered it most.")]
    dimensions: Annotated[list[DimensionJSON], Doc("Every leverage dimension, in form order.")]


class PreparationItemJSON(TypedDict):
    """One preparation question and how far it is done."""

    question: Id
    text: Annotated[str, Doc("The question, as the reader saw it.", min_length=1)]
    option: Annotated[str | None, Doc("The answer's id; null if not answered.")]
    label: Annotated[str | None, Doc("The answer as shown; null if not answered.")]
    points: Annotated[int | None, Doc("0 (not done) to 100 (done); null if not answered.")]
    link: Annotated[LinkJSON, Doc("The article section that explains it.")]


class PreparationNoteJSON(TypedDict):
    """Something a preparation answer means, to say beside the score."""

    question: Id
    text: Annotated[str, Doc("The note.", min_length=1)]
    link: Annotated[LinkJSON, Doc("Where to read more.")]


class PreparationBandJSON(TypedDict):
    """A verdict on preparation."""

    id: Id
    label: Annotated[str, Doc("The verdict in a few words.", min_length=1)]
    summary: Annotated[str, Doc("The verdict in plain sentences.", min_length=1)]


class PreparationJSON(TypedDict):
    """Preparation, scored apart and shown beside the balance, never mixed into it."""

    score: Annotated[
        float | None,
        Doc(
            "0 to 100: the mean of all preparation questions, a skipped one counting as not "
            "done; null with no preparation answer.",
            minimum=0,
            maximum=100,
        ),
    ]
    band: Annotated[PreparationBandJSON | None, Doc("The verdict; null until enough answers.")]
    verdict: Annotated[str, Doc("The band's summary, or what is needed.", min_length=1)]
    answered: Count
    total: Count
    items: Annotated[list[PreparationItemJSON], Doc("Every preparation question, in form order.")]
    notes: Annotated[list[PreparationNoteJSON], Doc("Notes from the answers given.")]


class ProblemAnswerJSON(TypedDict):
    """An answer behind a problem in the plan."""

    question: Id
    option: Id
    label: Annotated[str, Doc("The answer, as the reader saw it.", min_length=1)]


class ProblemJSON(TypedDict):
    """A part of the plan that crosses the line (red) or needs a second look (amber)."""

    id: Annotated[str, Doc("The option's '<question>.<option>', or the combination's id.")]
    level: Annotated[Literal["red", "amber"], Doc("Red crosses the line; amber comes close.")]
    name: Annotated[str, Doc("What it is, e.g. 'A veiled threat'.", min_length=1)]
    fair_alternative: Annotated[str, Doc("What to do instead.", min_length=1)]
    answers: Annotated[list[ProblemAnswerJSON], Doc("The answers behind it.")]
    link: Annotated[LinkJSON, Doc("The article section that explains it.")]


class EthicsVerdictJSON(TypedDict):
    """The plan's verdict, by the published rule."""

    id: Id
    label: Annotated[str, Doc("The verdict in a few words.", min_length=1)]
    level: Annotated[Literal["red", "amber", "none"], Doc("The highest level in the plan.")]
    summary: Annotated[str, Doc("The verdict in plain sentences.", min_length=1)]


class EthicsJSON(TypedDict):
    """The plan's ethics, by rule: any red crosses the line, else any amber needs a second
    look, else the plan looks fair. Never mixed into the leverage."""

    verdict: Annotated[EthicsVerdictJSON | None, Doc("The verdict; null with no plan answer.")]
    text: Annotated[str, Doc("The verdict's summary, or what to do first.", min_length=1)]
    red: Annotated[list[ProblemJSON], Doc("Every red problem, in form order.")]
    amber: Annotated[list[ProblemJSON], Doc("Every amber problem, in form order.")]
    answered: Count
    total: Count


class NoteJSON(TypedDict):
    """Two answers that do not fit together, said gently."""

    id: Id
    name: Annotated[str, Doc("A short title.", min_length=1)]
    text: Annotated[str, Doc("The note.", min_length=1)]
    questions: Annotated[list[str], Doc("The questions involved.")]
    link: Annotated[LinkJSON, Doc("The article section to read.")]


class OptionRefJSON(TypedDict):
    """An answer to a question."""

    id: Id
    label: Annotated[str, Doc("The answer as shown.", min_length=1)]


class AdviceJSON(TypedDict):
    """One thing to do, ranked as a trainer would rank it."""

    action: Id
    type: Annotated[
        Literal["improve", "find-out", "prepare"],
        Doc("Improve a leverage answer, find out an unknown, or prepare."),
    ]
    text: Annotated[str, Doc("What to do.", min_length=1)]
    when: Annotated[NamedJSON, Doc("When it can be done: before you meet, in the room, later.")]
    effort: Annotated[NamedJSON, Doc("How much work it is.")]
    question: Id
    dimension: Id
    dimension_title: Annotated[str, Doc("The dimension's name.", min_length=1)]
    current: Annotated[OptionRefJSON | None, Doc("The answer now; null if not answered.")]
    better: Annotated[OptionRefJSON | None, Doc("The answer one step better; null for 'find out'.")]
    balance_gain: Annotated[
        float | None,
        Doc("How much the balance rises with that step, re-scored; null unless shown."),
    ]
    new_balance: Annotated[float | None, Doc("The balance after that step; null unless shown.")]
    link: Annotated[LinkJSON, Doc("The article section that explains how.")]


class ReadingJSON(TypedDict):
    """An article section to read next, and why."""

    reason: Annotated[
        Literal["red", "amber", "note", "advice", "weak"], Doc("Why it is suggested.")
    ]
    why: Annotated[str, Doc("Why, in words.", min_length=1)]
    link: Annotated[LinkJSON, Doc("Where it is, with the page's title.")]


class ResultJSON(TypedDict):
    """The JSON form of assessment.Result (Result.to_dict()): everything a page needs to
    draw the result of one negotiation's answers, with no rule of its own."""

    format: Annotated[Format, Doc("The format and its version.")]
    package: Annotated[str, Doc("The assessment package's version.", min_length=1)]
    bank: Annotated[str, Doc("The question bank's version.", pattern=r"^[a-z0-9]{1,8}$")]
    answers: Annotated[
        dict[str, str], Doc("The answers scored, question id to option id.", pattern=SLUG)
    ]
    kind: Annotated[NamedJSON | None, Doc("The kind of negotiation; null if not chosen.")]
    minutes: Annotated[int, Doc("How long the questions take, from the bank.", minimum=1)]
    completeness: Annotated[CompletenessJSON, Doc("How much is answered.")]
    leverage: Annotated[LeverageJSON, Doc("The balance of leverage.")]
    preparation: Annotated[PreparationJSON, Doc("Preparation, beside the balance.")]
    ethics: Annotated[EthicsJSON, Doc("The plan's ethics, kept apart.")]
    notes: Annotated[list[NoteJSON], Doc("Answers that do not fit together.")]
    advice: Annotated[list[AdviceJSON], Doc("What to do, best first.")]
    read_next: Annotated[list[ReadingJSON], Doc("Articles to read next, first first.")]
