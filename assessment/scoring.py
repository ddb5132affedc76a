"""Score an answer set: leverage per dimension and side, the balance and its band, and ethics."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from assessment import advice
from assessment.bank import load_bank
from assessment.errors import BadAnswer, allowed_list
from assessment.model import SIDES, Band, Bank, EthicsBand, Option, Side
from assessment.result import (
    Balance,
    Completeness,
    Contribution,
    DimensionProgress,
    DimensionShare,
    EthicsCap,
    EthicsDimension,
    EthicsResult,
    LeverageDimension,
    LeverageResult,
    RedFlag,
    Result,
    SideIndex,
    SideScore,
)

BALANCE_LIMIT = 100
ETHICS_IDEAL = 100
SHARE_LIMIT = 3

Chosen = dict[str, Option]


def _round(value: float) -> float:
    # Adding 0.0 turns -0.0 into 0.0, so that no result ever shows "-0".
    return round(value, 1) + 0.0


def _round_or_none(value: float | None) -> float | None:
    return None if value is None else _round(value)


def check_answers(answers: object, bank: Bank) -> Chosen:
    """The chosen option of each answered question, in bank order; BadAnswer if any is unknown."""
    if not isinstance(answers, Mapping):
        raise BadAnswer(
            "Answers must be an object mapping question ids to option ids, "
            f"got {type(answers).__name__}."
        )
    for question_id, option_id in answers.items():
        if not isinstance(question_id, str):
            raise BadAnswer(f"Question ids must be text, got {question_id!r}.", value=question_id)
        try:
            question = bank.question(question_id)
        except KeyError:
            allowed = [q.id for q in bank.questions]
            raise BadAnswer(
                f"There is no question {question_id!r} in question bank version {bank.version}. "
                f"Questions are {allowed_list(allowed)}.",
                question=question_id,
                value=question_id,
                allowed=allowed,
            ) from None
        if not isinstance(option_id, str) or option_id not in question.option_ids:
            raise BadAnswer(
                f"{option_id!r} is not an answer to question {question_id!r}. "
                f"Choose {allowed_list(question.option_ids)}, or leave it out to skip it.",
                question=question_id,
                value=option_id,
                allowed=question.option_ids,
            )
    return {q.id: q.option(answers[q.id]) for q in bank.questions if q.id in answers}


def _points_by_group(chosen: Chosen, bank: Bank) -> dict[tuple[str, Side | None], list[int]]:
    """Points of the answered questions, grouped by (dimension, side), in bank order."""
    groups: dict[tuple[str, Side | None], list[int]] = {}
    for question_id, option in chosen.items():
        question = bank.question(question_id)
        groups.setdefault((question.dimension, question.side), []).append(option.points)
    return groups


def side_indices(chosen: Chosen, bank: Bank) -> dict[Side, float | None]:
    """Each side's leverage index: the weighted mean of its answered dimension scores."""
    groups: dict[tuple[str, Side], list[int]] = {}
    for question_id, option in chosen.items():
        question = bank.question(question_id)
        if question.side is not None:
            groups.setdefault((question.dimension, question.side), []).append(option.points)
    weighted: dict[Side, float] = dict.fromkeys(SIDES, 0.0)
    weights: dict[Side, int] = dict.fromkeys(SIDES, 0)
    for (dimension_id, side), points in groups.items():
        weight = bank.dimension(dimension_id).weight
        weighted[side] += weight * sum(points) / len(points)
        weights[side] += weight
    return {side: weighted[side] / weights[side] if weights[side] else None for side in SIDES}


def leverage_balance(chosen: Chosen, bank: Bank) -> float | None:
    """Your index minus theirs, where a side with no answers counts as neutral."""
    indices = side_indices(chosen, bank)
    if indices["you"] is None and indices["them"] is None:
        return None
    neutral = bank.scoring.neutral
    you = neutral if indices["you"] is None else indices["you"]
    them = neutral if indices["them"] is None else indices["them"]
    return max(-BALANCE_LIMIT, min(BALANCE_LIMIT, you - them))


def band_for(balance: float | None, bank: Bank) -> Band | None:
    if balance is None:
        return None
    return next(band for band in bank.bands if band.contains(balance))


def ethics_band_for(score: float | None, red_flag: bool, bank: Bank) -> EthicsBand | None:
    if score is None:
        return None
    if red_flag:
        return next(band for band in bank.ethics_bands if band.red_flag)
    fitting = [band for band in bank.ethics_bands if not band.red_flag and band.min <= score]
    return max(fitting, key=lambda band: band.min)


class _Ethics(NamedTuple):
    score: float | None
    moved_by: tuple[Contribution, ...]
    cap: EthicsCap | None
    dimensions: tuple[EthicsDimension, ...]


class _Scorer:
    """Builds one Result; split into steps so each rule reads on its own."""

    def __init__(self, chosen: Chosen, bank: Bank) -> None:
        self.chosen = chosen
        self.bank = bank
        self.groups = _points_by_group(chosen, bank)

    def answered_weight(self, sides: tuple[Side | None, ...]) -> dict[Side | None, int]:
        """The total weight of the answered dimensions of each side (None: ethics)."""
        totals: dict[Side | None, int] = dict.fromkeys(sides, 0)
        for dimension_id, side in self.groups:
            if side in totals:
                totals[side] += self.bank.dimension(dimension_id).weight
        return totals

    def contributions(
        self, dimension_id: str, side: Side | None, baseline: float
    ) -> tuple[Contribution, ...]:
        """Each answer's share of its dimension score, measured from ``baseline``."""
        answered = [
            (question, self.chosen[question.id])
            for question in self.bank.questions_in(dimension_id, side)
            if question.id in self.chosen
        ]
        return tuple(
            Contribution(question, option, (option.points - baseline) / len(answered))
            for question, option in answered
        )

    def leverage(
        self,
    ) -> tuple[tuple[LeverageDimension, ...], dict[Side, SideIndex]]:
        neutral = self.bank.scoring.neutral
        weights = self.answered_weight(SIDES)
        dimensions: list[LeverageDimension] = []
        index_moves: dict[Side, list[Contribution]] = {side: [] for side in SIDES}
        for dimension in self.bank.dimensions_of("leverage"):
            scores: dict[Side, SideScore | None] = dict.fromkeys(SIDES)
            for side in self.bank.sides_of(dimension.id):
                points = self.groups.get((dimension.id, side))
                moves = self.contributions(dimension.id, side, neutral)
                scores[side] = SideScore(
                    side=side,
                    score=None if points is None else _round(sum(points) / len(points)),
                    answered=0 if points is None else len(points),
                    total=len(self.bank.questions_in(dimension.id, side)),
                    moved_by=_rounded(moves),
                )
                if points is not None:
                    index_moves[side] += _scaled(moves, dimension.weight / weights[side])
            you = scores["you"]
            assert you is not None  # the loader guarantees a "you" question per dimension
            dimensions.append(LeverageDimension(dimension, you, scores["them"]))
        indices = side_indices(self.chosen, self.bank)
        return tuple(dimensions), {
            side: SideIndex(
                side,
                _round_or_none(indices[side]),
                _rounded(tuple(index_moves[side])),
            )
            for side in SIDES
        }

    def balance(self, indices: dict[Side, SideIndex]) -> Balance:
        value = leverage_balance(self.chosen, self.bank)
        moves = [
            Contribution(c.question, c.option, c.change if c.question.side == "you" else -c.change)
            for side in SIDES
            for c in indices[side].moved_by
        ]
        order = {q.id: n for n, q in enumerate(self.bank.questions)}
        moves.sort(key=lambda c: order[c.question.id])
        return Balance(_round_or_none(value), tuple(moves))

    def dimension_shares(self, balance: Balance) -> tuple[tuple[DimensionShare, ...], ...]:
        net: dict[str, float] = {}
        for move in balance.moved_by:
            net[move.question.dimension] = net.get(move.question.dimension, 0.0) + move.change
        shares = [
            DimensionShare(self.bank.dimension(dimension_id), _round(change))
            for dimension_id, change in net.items()
        ]
        carried = sorted((s for s in shares if s.change > 0), key=lambda s: -s.change)
        held = sorted((s for s in shares if s.change < 0), key=lambda s: s.change)
        return tuple(carried[:SHARE_LIMIT]), tuple(held[:SHARE_LIMIT])

    def ethics(self) -> _Ethics:
        total_weight = self.answered_weight((None,))[None]
        dimensions: list[EthicsDimension] = []
        moves: list[Contribution] = []
        weighted = 0.0
        for dimension in self.bank.dimensions_of("ethics"):
            points = self.groups.get((dimension.id, None))
            mean = None if points is None else sum(points) / len(points)
            dimension_moves = self.contributions(dimension.id, None, ETHICS_IDEAL)
            dimensions.append(
                EthicsDimension(
                    dimension=dimension,
                    score=_round_or_none(mean),
                    answered=0 if points is None else len(points),
                    total=len(self.bank.questions_in(dimension.id)),
                    moved_by=_rounded(dimension_moves),
                )
            )
            if mean is not None:
                weighted += dimension.weight * mean
                moves += _scaled(dimension_moves, dimension.weight / total_weight)
        if not total_weight:
            return _Ethics(None, (), None, tuple(dimensions))
        raw = weighted / total_weight
        cap = self.bank.scoring.ethics_cap_with_red_flag
        capped = None
        if self.red_flags() and raw > cap:
            capped = EthicsCap(cap, _round(cap - raw))
            raw = cap
        return _Ethics(_round(raw), _rounded(tuple(moves)), capped, tuple(dimensions))

    def red_flags(self) -> tuple[RedFlag, ...]:
        return tuple(
            RedFlag(question, option, self.bank.dimension(question.dimension))
            for question_id, option in self.chosen.items()
            if option.red_flag
            for question in (self.bank.question(question_id),)
        )

    def completeness(self) -> Completeness:
        per_dimension = tuple(
            DimensionProgress(
                dimension,
                sum(q.id in self.chosen for q in self.bank.questions_in(dimension.id)),
                len(self.bank.questions_in(dimension.id)),
            )
            for dimension in self.bank.dimensions
        )
        return Completeness(len(self.chosen), len(self.bank.questions), per_dimension)


def _scaled(items: tuple[Contribution, ...], factor: float) -> list[Contribution]:
    return [Contribution(c.question, c.option, c.change * factor) for c in items]


def _rounded(items: tuple[Contribution, ...]) -> tuple[Contribution, ...]:
    return tuple(Contribution(c.question, c.option, _round(c.change)) for c in items)


def score(answers: Mapping[str, str], bank: Bank | None = None) -> Result:
    """Score a full or partial answer set. Pure and deterministic; BadAnswer for unknown ids."""
    from assessment import __version__

    bank = load_bank() if bank is None else bank
    chosen = check_answers(answers, bank)
    scorer = _Scorer(chosen, bank)
    leverage_dimensions, indices = scorer.leverage()
    balance = scorer.balance(indices)
    band = band_for(balance.value, bank)
    carried_by, held_back_by = scorer.dimension_shares(balance)
    ethics = scorer.ethics()
    red_flags = scorer.red_flags()
    ethics_band = ethics_band_for(ethics.score, bool(red_flags), bank)
    what_if = advice.what_if(
        chosen, bank, lambda changed: leverage_balance(changed, bank), balance.value
    )
    return Result(
        package_version=__version__,
        bank_version=bank.version,
        answers=MappingProxyType({q: o.id for q, o in chosen.items()}),
        completeness=scorer.completeness(),
        leverage=LeverageResult(
            verdict=bank.scoring.no_leverage_answers if band is None else band.summary,
            band=band,
            balance=balance,
            you=indices["you"],
            them=indices["them"],
            carried_by=carried_by,
            held_back_by=held_back_by,
            dimensions=leverage_dimensions,
        ),
        ethics=EthicsResult(
            verdict=bank.scoring.no_ethics_answers if ethics_band is None else ethics_band.summary,
            band=ethics_band,
            score=ethics.score,
            moved_by=ethics.moved_by,
            cap=ethics.cap,
            red_flags=red_flags,
            dimensions=ethics.dimensions,
        ),
        what_if=what_if,
        read_next=advice.read_next(red_flags, what_if, held_back_by, bank),
    )
