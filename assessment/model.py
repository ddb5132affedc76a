"""The question bank as frozen dataclasses: parts, dimensions, questions, options, actions,
verdicts and the words the scoring uses."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

Part = Literal["context", "leverage", "preparation", "ethics"]
Side = Literal["you", "them"]
Level = Literal["red", "amber"]
CombinationLevel = Literal["red", "amber", "note"]
VerdictLevel = Literal["red", "amber", "none"]
When = Literal["before", "room", "next"]
Effort = Literal["low", "medium", "high"]
PARTS: tuple[Part, ...] = get_args(Part)
SIDES: tuple[Side, ...] = get_args(Side)
LEVELS: tuple[Level, ...] = get_args(Level)
COMBINATION_LEVELS: tuple[CombinationLevel, ...] = get_args(CombinationLevel)
VERDICT_LEVELS: tuple[VerdictLevel, ...] = get_args(VerdictLevel)
WHENS: tuple[When, ...] = get_args(When)
EFFORTS: tuple[Effort, ...] = get_args(Effort)
# The form marks a variant that serves no chosen kind, or the default wording, with this.
DEFAULT_KIND = "default"

# Wording per kind of negotiation: (kind id, text) pairs, in the bank's order of kinds.
KindTexts = tuple[tuple[str, str], ...]


def for_kind(default: str, variants: KindTexts, kind: str | None) -> str:
    """The text for a kind of negotiation: its variant if it has one, else the default."""
    return next((text for variant_kind, text in variants if variant_kind == kind), default)


def variant_groups(default: str, variants: KindTexts, kinds: tuple[str, ...]) -> list[Wording]:
    """Each distinct text with the kinds it serves; the default also serves no chosen kind.

    The assessment form renders one element per group, so that the page can show the
    chosen kind's wording by its kind id alone, without holding any text itself.
    """
    own = {variant_kind for variant_kind, _ in variants}
    groups = [Wording(default, (DEFAULT_KIND, *(k for k in kinds if k not in own)))]
    groups += [Wording(text, (variant_kind,)) for variant_kind, text in variants]
    return groups


@dataclass(frozen=True)
class Wording:
    """One text and the kinds of negotiation it is shown for."""

    text: str
    kinds: tuple[str, ...]

    @property
    def is_default(self) -> bool:
        return DEFAULT_KIND in self.kinds


@dataclass(frozen=True)
class Link:
    """A place in the site's articles: a docs-relative page path and a heading anchor."""

    page: str
    anchor: str

    @property
    def href(self) -> str:
        """The link relative to the site root, for MkDocs' directory URLs."""
        path = self.page.removesuffix(".md")
        path = path.removesuffix("index") if path.split("/")[-1] == "index" else path + "/"
        return f"{path}#{self.anchor}"

    def relative_to(self, docs_folder: str) -> str:
        """The Markdown link from a page in ``docs_folder`` (e.g. 'assessment')."""
        ups = "../" * len([part for part in docs_folder.split("/") if part])
        return f"{ups}{self.page}#{self.anchor}"


@dataclass(frozen=True)
class Option:
    """One answer to a question.

    ``points`` is the leverage (or preparation) the answer gives, from 0 to 100; an
    "I don't know" option (``unknown``) and a plan option have none. A plan option with a
    ``level`` is a problem, named by ``flag``, with its ``fair_alternative``.
    """

    id: str
    label: str
    points: int | None = None
    unknown: bool = False
    level: Level | None = None
    flag: str | None = None
    fair_alternative: str | None = None
    article: str | None = None
    anchor: str | None = None
    note: str | None = None
    kinds: KindTexts = ()

    @property
    def link(self) -> Link | None:
        if self.article is None or self.anchor is None:
            return None
        return Link(self.article, self.anchor)

    def label_for(self, kind: str | None) -> str:
        return for_kind(self.label, self.kinds, kind)


@dataclass(frozen=True)
class Action:
    """Something the reader can do that would move an answer: when, how hard, and what."""

    id: str
    applies_to: tuple[str, ...]
    when: When
    effort: Effort
    text: str
    kinds: KindTexts = ()

    def text_for(self, kind: str | None) -> str:
        return for_kind(self.text, self.kinds, kind)


@dataclass(frozen=True)
class QuestionWording:
    """A question's text and help for one kind of negotiation (None: use the default)."""

    kind: str
    text: str | None = None
    help: str | None = None


@dataclass(frozen=True)
class Question:
    """One question about the reader's negotiation, with its options and the article on it.

    ``side`` says whose leverage a leverage question rates. ``required`` questions must be
    answered (not "I don't know") before a verdict band is shown. ``shuffle`` marks plan
    questions whose options the page may show in any order (print and share codes keep
    the bank's). ``flags`` are free labels for features that pick questions.
    """

    id: str
    dimension: str
    text: str
    options: tuple[Option, ...]
    article: str
    anchor: str
    side: Side | None = None
    help: str | None = None
    required: bool = False
    shuffle: bool = False
    flags: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    kinds: tuple[QuestionWording, ...] = ()

    @property
    def link(self) -> Link:
        return Link(self.article, self.anchor)

    # Cached (a question never changes): scoring asks for these many times per score, and a
    # cohort summary scores a whole room's answers at once.
    @functools.cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    @functools.cached_property
    def scale(self) -> tuple[Option, ...]:
        """The options that carry points, lowest first."""
        return tuple(sorted((o for o in self.options if o.points is not None), key=_points))

    @functools.cached_property
    def step(self) -> float:
        """The points between neighbouring options of the scale (they step evenly)."""
        points = [_points(option) for option in self.scale]
        return (points[-1] - points[0]) / (len(points) - 1) if len(points) > 1 else 0.0

    def option(self, option_id: str) -> Option:
        """The option with this id; KeyError if there is none."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    def text_for(self, kind: str | None) -> str:
        wording = self._wording(kind)
        return self.text if wording is None or wording.text is None else wording.text

    def help_for(self, kind: str | None) -> str | None:
        wording = self._wording(kind)
        return self.help if wording is None or wording.help is None else wording.help

    def text_variants(self) -> KindTexts:
        return tuple((w.kind, w.text) for w in self.kinds if w.text is not None)

    def help_variants(self) -> KindTexts:
        return tuple((w.kind, w.help) for w in self.kinds if w.help is not None)

    def _wording(self, kind: str | None) -> QuestionWording | None:
        return next((wording for wording in self.kinds if wording.kind == kind), None)


def _points(option: Option) -> int:
    return option.points if option.points is not None else 0


@dataclass(frozen=True)
class Dimension:
    """One thing the assessment asks about, in one part of the form.

    ``weight`` counts for leverage dimensions only (how much it moves each side's index).
    """

    id: str
    title: str
    part: Part
    weight: int
    summary: str


@dataclass(frozen=True)
class PartInfo:
    """A part of the form: its title and the sentence that introduces it."""

    id: Part
    title: str
    intro: str


@dataclass(frozen=True)
class Named:
    """An id with the words the reader sees for it (timings and efforts of actions)."""

    id: str
    label: str


@dataclass(frozen=True)
class SideWords:
    """How the result speaks of one side."""

    label: str
    about: str


@dataclass(frozen=True)
class Band:
    """A verdict band: the range of the balance it covers and its plain-words label."""

    id: str
    label: str
    min: int
    max: int
    includes_min: bool
    includes_max: bool
    summary: str

    def contains(self, balance: float) -> bool:
        above = balance >= self.min if self.includes_min else balance > self.min
        below = balance <= self.max if self.includes_max else balance < self.max
        return above and below


@dataclass(frozen=True)
class Confidence:
    """How well founded the balance is: at most ``max_gaps`` leverage facts are missing."""

    id: str
    label: str
    max_gaps: int


@dataclass(frozen=True)
class PreparationBand:
    """A verdict on preparation, for a preparation score of ``min`` or more."""

    id: str
    label: str
    min: int
    summary: str


@dataclass(frozen=True)
class EthicsVerdict:
    """The plan's verdict for the highest level among its answers ("none": no problem)."""

    id: str
    label: str
    level: VerdictLevel
    summary: str


@dataclass(frozen=True)
class Combination:
    """Answers that mean something together: a red or amber problem, or a gentle note.

    ``when`` maps question ids to the options that trigger it; all must hold. ``name``
    names it; ``text`` is the fair alternative (red, amber) or the note itself.
    """

    id: str
    level: CombinationLevel
    when: tuple[tuple[str, tuple[str, ...]], ...]
    name: str
    text: str
    article: str
    anchor: str

    @property
    def link(self) -> Link:
        return Link(self.article, self.anchor)

    def holds(self, answers: dict[str, str]) -> bool:
        return all(answers.get(question) in options for question, options in self.when)


@dataclass(frozen=True)
class Scoring:
    """The numbers the scoring rules use, kept in the bank so the docs can show them."""

    neutral: int
    min_known: int
    answered_error_steps: float
    gaps_dominate_percent: int
    advice_limit: int
    preparation_slot: int
    read_next_limit: int
    share_limit: int
    preparation_min_answers: int
    words_per_minute: int
    seconds_per_question: int


@dataclass(frozen=True)
class Feasibility:
    """How feasible an action is, in percent, by when it can be done and by its effort."""

    when: tuple[tuple[When, int], ...]
    effort: tuple[tuple[Effort, int], ...]

    def of(self, when: When, effort: Effort) -> float:
        return dict(self.when)[when] * dict(self.effort)[effort] / 10_000


@dataclass(frozen=True)
class ReadingReasons:
    """Why an article is suggested, in the reader's words."""

    red: str
    amber: str
    note: str
    advice: str
    weak: str


@dataclass(frozen=True)
class Texts:
    """Every sentence the scoring composes; ``{names}`` are filled in."""

    no_band: str
    need_question: str
    need_more: str
    confidence: str
    near_edge: str
    no_preparation: str
    no_ethics: str
    translated: str


@dataclass(frozen=True)
class Bank:
    """The whole question bank. Build it with ``load_bank()``, which validates it."""

    version: str
    scoring: Scoring
    feasibility: Feasibility
    timings: tuple[Named, ...]
    efforts: tuple[Named, ...]
    sides: tuple[tuple[Side, SideWords], ...]
    parts: tuple[PartInfo, ...]
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    confidence: tuple[Confidence, ...]
    preparation_bands: tuple[PreparationBand, ...]
    ethics_verdicts: tuple[EthicsVerdict, ...]
    read_next_reasons: ReadingReasons
    texts: Texts
    questions: tuple[Question, ...]
    combinations: tuple[Combination, ...]
    _dimensions_by_id: dict[str, Dimension] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _questions_by_id: dict[str, Question] = field(init=False, repr=False, compare=False, hash=False)
    _parts_by_question: dict[str, Part] = field(init=False, repr=False, compare=False, hash=False)
    _questions_by_part: dict[Part, tuple[Question, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _side_weights: dict[Side, int] = field(init=False, repr=False, compare=False, hash=False)
    _about: dict[Side | None, tuple[Question, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Lookup tables, built once: scoring asks these questions many times per score.
        dimensions = {dimension.id: dimension for dimension in self.dimensions}
        object.__setattr__(self, "_dimensions_by_id", dimensions)
        object.__setattr__(self, "_questions_by_id", {q.id: q for q in self.questions})
        parts = {q.id: dimensions[q.dimension].part for q in self.questions}
        object.__setattr__(self, "_parts_by_question", parts)
        by_part = {part: tuple(q for q in self.questions if parts[q.id] == part) for part in PARTS}
        object.__setattr__(self, "_questions_by_part", by_part)
        weights = {
            side: sum(dimensions[q.dimension].weight for q in by_part["leverage"] if q.side == side)
            for side in SIDES
        }
        object.__setattr__(self, "_side_weights", weights)
        object.__setattr__(self, "_about", {})

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if there is none."""
        return self._questions_by_id[question_id]

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id; KeyError if there is none."""
        return self._dimensions_by_id[dimension_id]

    def part_of(self, question: Question) -> Part:
        return self._parts_by_question[question.id]

    def questions_of(self, part: Part) -> tuple[Question, ...]:
        """The questions of one part of the form, in bank order."""
        return self._questions_by_part[part]

    def questions_in(self, dimension_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.dimension == dimension_id)

    def dimensions_of(self, part: Part) -> tuple[Dimension, ...]:
        return tuple(d for d in self.dimensions if d.part == part)

    def about(self, side: Side | None) -> tuple[Question, ...]:
        """The leverage questions about one side."""
        found = self._about.get(side)
        if found is None:
            found = tuple(q for q in self.questions_of("leverage") if q.side == side)
            self._about[side] = found  # a lookup table, like those built in __post_init__
        return found

    def side_words(self, side: Side) -> SideWords:
        return dict(self.sides)[side]

    def side_weight(self, side: Side) -> int:
        """The total weight of a side's questions: every index is measured against it."""
        return self._side_weights[side]

    @property
    def kinds(self) -> tuple[Option, ...]:
        """The kinds of negotiation: the options of the question that asks for one."""
        return self.kind_question.options

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return self.kind_question.option_ids

    def timing(self, when: When) -> Named:
        return next(timing for timing in self.timings if timing.id == when)

    def effort(self, effort: Effort) -> Named:
        return next(item for item in self.efforts if item.id == effort)

    def part(self, part: Part) -> PartInfo:
        return next(info for info in self.parts if info.id == part)

    @property
    def kind_question(self) -> Question:
        """The question that asks which kind of negotiation this is."""
        return self.questions_of("context")[0]

    @property
    def reading_words(self) -> int:
        """The words a reader reads in the form: every question, help and option label."""
        return words_in(self.questions)

    def minutes_for(self, questions: Sequence[Question]) -> int:
        """How long these questions take, rounded up: reading them, plus choosing answers."""
        seconds = words_in(questions) / self.scoring.words_per_minute * 60
        seconds += len(questions) * self.scoring.seconds_per_question
        return math.ceil(seconds / 60)

    # Cached: every score() reports it, and counting the words was a sixth of a score's time.
    @functools.cached_property
    def minutes(self) -> int:
        """How long the whole form takes."""
        return self.minutes_for(self.questions)


def words_in(questions: Iterable[Question]) -> int:
    """The words a reader reads in these questions: each one's text, help and option labels."""
    words = 0
    for question in questions:
        texts = [question.text, question.help or ""]
        texts += [option.label for option in question.options]
        words += sum(len(text.split()) for text in texts)
    return words
