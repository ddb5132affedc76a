"""Score an answer set: the leverage balance and whether it may have a band yet, the
preparation beside it, the plan's ethics by rule, notes, advice and what to read next."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from assessment import advice, ethics, leverage, preparation
from assessment.bank import load_bank
from assessment.errors import BadAnswer, allowed_list
from assessment.leverage import rounded
from assessment.model import SIDES, Bank, Option, Side
from assessment.reading import read_next
from assessment.result import (
    Completeness,
    ConfidenceLevel,
    DimensionShare,
    Gap,
    LeverageDimension,
    LeverageResult,
    Move,
    NearEdge,
    Need,
    Note,
    PartProgress,
    Result,
    SideAnswer,
    SideSummary,
    Status,
)

Chosen = dict[str, Option]


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


class _Leverage:
    """Builds the leverage part of a result; split into steps so each rule reads on its own."""

    def __init__(self, chosen: Chosen, kind: str | None, bank: Bank) -> None:
        self.chosen, self.kind, self.bank = chosen, kind, bank

    def moves(self) -> tuple[Move, ...]:
        moves = []
        for question in self.bank.questions_of("leverage"):
            option = self.chosen.get(question.id)
            if option is not None and not option.unknown:
                assert question.side is not None
                moves.append(
                    Move(
                        question=question,
                        side=question.side,
                        text=question.text_for(self.kind),
                        option=option,
                        label=option.label_for(self.kind),
                        change=rounded(leverage.effect(question, option, self.bank)),
                    )
                )
        return tuple(moves)

    def gaps(self) -> tuple[Gap, ...]:
        gaps = []
        for question in self.bank.questions_of("leverage"):
            option = self.chosen.get(question.id)
            if option is None or option.unknown:
                assert question.side is not None
                gaps.append(
                    Gap(
                        question=question,
                        side=question.side,
                        text=question.text_for(self.kind),
                        status="skipped" if option is None else "unknown",
                        swing=rounded(leverage.swing(question, self.bank)),
                    )
                )
        return tuple(gaps)

    def side(self, side: Side) -> SideSummary:
        known, unknown, skipped = leverage.counts(self.chosen, side, self.bank)
        total = known + unknown + skipped
        return SideSummary(
            side=side,
            index=rounded(leverage.index(self.chosen, side, self.bank)),
            known=known,
            unknown=unknown,
            skipped=skipped,
            total=total,
            confidence=self.bank.texts.confidence.format(
                gaps=unknown + skipped, total=total, about=self.bank.side_words(side).about
            ),
        )

    def confidence(self, sides: tuple[SideSummary, ...]) -> ConfidenceLevel:
        gaps = sum(side.gaps for side in sides)
        level = next(c for c in self.bank.confidence if gaps <= c.max_gaps)
        return ConfidenceLevel(
            level=level,
            gaps=gaps,
            total=sum(side.total for side in sides),
            gaps_dominate=leverage.gaps_dominate(self.chosen, self.bank),
        )

    def still_needed(self, sides: tuple[SideSummary, ...]) -> tuple[Need, ...]:
        texts, scoring = self.bank.texts, self.bank.scoring
        needs = [
            Need(question, question.side, question.text_for(self.kind), texts.need_question)
            for question in leverage.missing_required(self.chosen, self.bank)
            if question.side is not None
        ]
        for summary in sides:
            if summary.known < scoring.min_known:
                about = self.bank.side_words(summary.side).about
                text = texts.need_more.format(
                    count=scoring.min_known - summary.known, about=about, min=scoring.min_known
                )
                needs.append(Need(None, summary.side, text, texts.need_question))
        return tuple(needs)

    def dimensions(self) -> tuple[LeverageDimension, ...]:
        def answer(side: Side, dimension_id: str) -> SideAnswer | None:
            question = next((q for q in self.bank.about(side) if q.dimension == dimension_id), None)
            if question is None:
                return None
            option = self.chosen.get(question.id)
            status: Status = (
                "skipped" if option is None else "unknown" if option.unknown else "known"
            )
            label = None if option is None else option.label_for(self.kind)
            return SideAnswer(question, status, option, label)

        dimensions = []
        for dimension in self.bank.dimensions_of("leverage"):
            you = answer("you", dimension.id)
            assert you is not None  # the loader asks every leverage idea about you
            dimensions.append(LeverageDimension(dimension, you, answer("them", dimension.id)))
        return tuple(dimensions)

    def shares(self, moves: tuple[Move, ...]) -> tuple[tuple[DimensionShare, ...], ...]:
        net: dict[str, float] = {}
        for move in moves:
            net[move.question.dimension] = net.get(move.question.dimension, 0.0) + move.change
        shares = [DimensionShare(self.bank.dimension(d), rounded(c)) for d, c in net.items()]
        limit = self.bank.scoring.share_limit
        carried = sorted((s for s in shares if s.change > 0), key=lambda s: -s.change)
        held = sorted((s for s in shares if s.change < 0), key=lambda s: s.change)
        return tuple(carried[:limit]), tuple(held[:limit])

    def result(self) -> LeverageResult:
        sides = tuple(self.side(side) for side in SIDES)
        moves = self.moves()
        carried_by, held_back_by = self.shares(moves)
        enough = leverage.has_enough(self.chosen, self.bank)
        value = leverage.balance(self.chosen, self.bank)
        band = leverage.band_for(value, self.bank) if enough else None
        spread = round(leverage.uncertainty(self.chosen, self.bank))
        neighbour = leverage.neighbour_within(value, spread, self.bank) if enough else None
        near_edge = None
        if neighbour is not None:
            near_edge = NearEdge(neighbour, self.bank.texts.near_edge.format(band=neighbour.label))
        return LeverageResult(
            band=band,
            verdict=self.bank.texts.no_band if band is None else band.summary,
            balance=rounded(value) if enough else None,
            uncertainty=spread if enough else None,
            near_edge=near_edge,
            still_needed=self.still_needed(sides),
            confidence=self.confidence(sides),
            you=sides[0],
            them=sides[1],
            moved_by=moves,
            gaps=self.gaps(),
            carried_by=carried_by,
            held_back_by=held_back_by,
            dimensions=self.dimensions(),
        )


def _completeness(chosen: Chosen, bank: Bank) -> Completeness:
    parts = tuple(
        PartProgress(
            part=bank.part(info.id),
            answered=sum(q.id in chosen for q in bank.questions_of(info.id)),
            total=len(bank.questions_of(info.id)),
        )
        for info in bank.parts
    )
    return Completeness(len(chosen), len(bank.questions), parts)


def _notes(chosen: Chosen, bank: Bank) -> tuple[Note, ...]:
    answers = {question_id: option.id for question_id, option in chosen.items()}
    return tuple(
        Note(combination)
        for combination in bank.combinations
        if combination.level == "note" and combination.holds(answers)
    )


def score(answers: Mapping[str, str], bank: Bank | None = None) -> Result:
    """Score a full or partial answer set. Pure and deterministic; BadAnswer for unknown ids."""
    from assessment import __version__

    bank = load_bank() if bank is None else bank
    chosen = check_answers(answers, bank)
    kind_option = chosen.get(bank.kind_question.id)
    kind = None if kind_option is None else kind_option.id
    leverage_result = _Leverage(chosen, kind, bank).result()
    ethics_result = ethics.assess(chosen, kind, bank)
    notes = _notes(chosen, bank)
    suggestions = advice.advise(chosen, kind, bank, leverage_result.balance)
    return Result(
        package_version=__version__,
        bank_version=bank.version,
        answers=MappingProxyType({q: o.id for q, o in chosen.items()}),
        kind=kind_option,
        minutes=bank.minutes,
        completeness=_completeness(chosen, bank),
        leverage=leverage_result,
        preparation=preparation.assess(chosen, kind, bank),
        ethics=ethics_result,
        notes=notes,
        advice=suggestions,
        read_next=read_next(ethics_result, notes, suggestions, leverage_result.held_back_by, bank),
    )
