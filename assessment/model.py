"""The question bank as frozen dataclasses: dimensions, questions, options and bands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Kind = Literal["leverage", "ethics"]
Side = Literal["you", "them"]
KINDS: tuple[Kind, ...] = get_args(Kind)
SIDES: tuple[Side, ...] = get_args(Side)


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
    """One answer to a question; ``points`` is how much it gives (0 to 100)."""

    id: str
    label: str
    points: int
    red_flag: bool = False
    fair_alternative: str | None = None


@dataclass(frozen=True)
class Dimension:
    """One thing the assessment measures, of kind "leverage" or "ethics"."""

    id: str
    title: str
    kind: Kind
    weight: int
    summary: str


@dataclass(frozen=True)
class Question:
    """One question about the reader's negotiation, with its options and the article on it."""

    id: str
    dimension: str
    side: Side | None
    text: str
    help: str
    options: tuple[Option, ...]
    article: str
    anchor: str
    actionable: bool = False
    action: str | None = None

    @property
    def link(self) -> Link:
        return Link(self.article, self.anchor)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def option(self, option_id: str) -> Option:
        """The option with this id; KeyError if there is none."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


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
class EthicsBand:
    """A verdict on the plan's fairness: by score, or the one band for any red flag."""

    id: str
    label: str
    min: int
    red_flag: bool
    summary: str


@dataclass(frozen=True)
class Scoring:
    """The numbers the scoring rules use, kept in the bank so the docs can show them."""

    neutral: int
    ethics_cap_with_red_flag: int
    what_if_limit: int
    read_next_limit: int
    no_leverage_answers: str
    no_ethics_answers: str


@dataclass(frozen=True)
class Bank:
    """The whole question bank. Build it with ``load_bank()``, which validates it."""

    version: str
    scoring: Scoring
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    ethics_bands: tuple[EthicsBand, ...]
    _dimensions_by_id: dict[str, Dimension] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _questions_by_id: dict[str, Question] = field(init=False, repr=False, compare=False, hash=False)
    _groups: dict[tuple[str, Side | None], tuple[Question, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Lookup tables, built once: scoring asks these questions many times per score.
        groups: dict[tuple[str, Side | None], list[Question]] = {}
        for question in self.questions:
            groups.setdefault((question.dimension, None), []).append(question)
            if question.side is not None:
                groups.setdefault((question.dimension, question.side), []).append(question)
        object.__setattr__(self, "_dimensions_by_id", {d.id: d for d in self.dimensions})
        object.__setattr__(self, "_questions_by_id", {q.id: q for q in self.questions})
        object.__setattr__(self, "_groups", {key: tuple(qs) for key, qs in groups.items()})

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if there is none."""
        return self._questions_by_id[question_id]

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id; KeyError if there is none."""
        return self._dimensions_by_id[dimension_id]

    def questions_in(self, dimension_id: str, side: Side | None = None) -> tuple[Question, ...]:
        """The questions of one dimension (and, for leverage, of one side), in bank order."""
        return self._groups.get((dimension_id, side), ())

    def dimensions_of(self, kind: Kind) -> tuple[Dimension, ...]:
        return tuple(d for d in self.dimensions if d.kind == kind)

    def sides_of(self, dimension_id: str) -> tuple[Side, ...]:
        """The sides a leverage dimension is rated for ("you", and "them" where it applies)."""
        return tuple(side for side in SIDES if self.questions_in(dimension_id, side))
