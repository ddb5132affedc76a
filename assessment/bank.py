"""Load the question bank from TOML and validate it into frozen dataclasses."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import string
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TypeVar, cast

from assessment import pages
from assessment.errors import BadBank, allowed_list
from assessment.model import (
    COMBINATION_LEVELS,
    DEFAULT_KIND,
    EFFORTS,
    LEVELS,
    PARTS,
    SIDES,
    VERDICT_LEVELS,
    WHENS,
    Action,
    Band,
    Bank,
    Combination,
    CombinationLevel,
    Confidence,
    Dimension,
    Effort,
    EthicsVerdict,
    Feasibility,
    KindTexts,
    Level,
    Named,
    Option,
    Part,
    PartInfo,
    PreparationBand,
    Question,
    QuestionWording,
    ReadingReasons,
    Scoring,
    Side,
    SideWords,
    Texts,
    VerdictLevel,
    When,
)
from assessment.quick import check_quick

BANK_FILE = "bank.toml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION = re.compile(r"^[a-z0-9]{1,8}$")
ARTICLE = re.compile(r"^(?:[a-z0-9-]+/)*[a-z0-9-]+\.md$")
MIN_OPTIONS, MAX_OPTIONS = 2, 7
MIN_SCALE = 3
BALANCE_RANGE = (-100, 100)
POINTS_RANGE = (0, 100)
# The names each composed sentence may use, filled in by the scoring.
TEXT_FIELDS: dict[str, frozenset[str]] = {
    "no_band": frozenset(),
    "need_question": frozenset(),
    "need_more": frozenset({"count", "about", "min"}),
    "confidence": frozenset({"gaps", "total", "about"}),
    "near_edge": frozenset({"band"}),
    "no_preparation": frozenset({"min"}),
    "no_ethics": frozenset(),
    "translated": frozenset({"old", "carried", "dropped"}),
}


def _keys(table: type, *, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The keys a table of the bank file may have: the fields of the dataclass it becomes."""
    return tuple(
        field.name
        for field in dataclasses.fields(table)
        if field.init and field.name not in leave_out
    )


ROOT_KEYS = _keys(Bank)
SCORING_KEYS = _keys(Scoring)
FEASIBILITY_KEYS = _keys(Feasibility)
NAMED_KEYS = _keys(Named)
SIDE_KEYS = _keys(SideWords)
PART_KEYS = _keys(PartInfo)
DIMENSION_KEYS = _keys(Dimension)
BAND_KEYS = _keys(Band)
CONFIDENCE_KEYS = _keys(Confidence)
PREPARATION_BAND_KEYS = _keys(PreparationBand)
ETHICS_VERDICT_KEYS = _keys(EthicsVerdict)
REASON_KEYS = _keys(ReadingReasons)
TEXT_KEYS = _keys(Texts)
QUESTION_KEYS = _keys(Question)
WORDING_KEYS = _keys(QuestionWording, leave_out=("kind",))
OPTION_KEYS = _keys(Option)
ACTION_KEYS = _keys(Action)
COMBINATION_KEYS = _keys(Combination)

T = TypeVar("T")


class _Table:
    """One TOML table being read, which knows where it is for error messages."""

    def __init__(
        self,
        data: object,
        file: str,
        field: str | None,
        keys: tuple[str, ...] | None,
        question: str | None = None,
    ) -> None:
        self.file, self.field, self.question = file, field, question
        if not isinstance(data, dict):
            self.fail("must be a table")
        self.data = cast(dict[str, Any], data)
        if keys is not None:
            self.check_keys(keys)

    def check_keys(self, keys: tuple[str, ...]) -> None:
        """Reject keys the bank does not use: a misspelt key must not be silently ignored."""
        unknown = sorted(set(self.data) - set(keys))
        if unknown:
            self.fail(f"has unknown key {unknown[0]!r}; allowed keys are {allowed_list(keys)}")

    def fail(self, message: str, key: str | None = None) -> NoReturn:
        field = self.path(key) if key is not None else self.field
        raise BadBank(message, file=self.file, question=self.question, field=field)

    def path(self, key: str) -> str:
        return f"{self.field}.{key}" if self.field else key

    def has(self, key: str) -> bool:
        return key in self.data

    def get(self, key: str, kind: type[T], default: T | None = None) -> T:
        if key not in self.data:
            if default is not None:
                return default
            self.fail("is missing", key)
        value = self.data[key]
        # bool is an int in Python; a weight of `true` is a typo, not a number.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(f"must be {_kind_name(kind)}, got {value!r}", key)
        return value

    def flag(self, key: str) -> bool:
        return self.get(key, bool, False)

    def text(self, key: str) -> str:
        value = self.get(key, str).strip()
        if not value:
            self.fail("must not be empty", key)
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def slug(self, key: str) -> str:
        value = self.get(key, str)
        if not SLUG.match(value):
            self.fail(f"must be a lowercase slug such as 'your-alternative', got {value!r}", key)
        return value

    def number(self, key: str, low: int, high: int) -> int:
        value = self.get(key, int)
        if not low <= value <= high:
            self.fail(f"must be a whole number from {low} to {high}, got {value}", key)
        return value

    def fraction(self, key: str, low: float, high: float) -> float:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"must be a number, got {value!r}", key)
        if not low <= value <= high:
            self.fail(f"must be a number from {low} to {high}, got {value}", key)
        return float(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.get(key, str)
        if value not in allowed:
            self.fail(f"must be {allowed_list(allowed)}, got {value!r}", key)
        return value

    def slugs(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        if not all(isinstance(value, str) and SLUG.match(value) for value in values):
            self.fail(f"must be a list of lowercase slugs, got {values!r}", key)
        return tuple(values)

    def table(self, key: str, keys: tuple[str, ...] | None) -> _Table:
        return _Table(self.get(key, dict), self.file, self.path(key), keys, self.question)

    def tables(self, key: str, keys: tuple[str, ...]) -> list[_Table]:
        items = self.get(key, list)
        return [
            _Table(item, self.file, f"{self.path(key)}[{index}]", keys, self.question)
            for index, item in enumerate(items)
        ]

    def kind_texts(self, key: str, kinds: tuple[str, ...]) -> KindTexts:
        """A table of kind id to text, in the order of the kinds."""
        if key not in self.data:
            return ()
        table = self.table(key, kinds)
        return tuple((kind, table.text(kind)) for kind in kinds if table.has(kind))


_KIND_NAMES: dict[type, str] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


def _kind_name(kind: type) -> str:
    return _KIND_NAMES.get(kind, kind.__name__)


def _unique(items: list[T], key: Callable[[T], str], what: str, file: str) -> None:
    seen: set[str] = set()
    for item in items:
        value = key(item)
        if value in seen:
            raise BadBank(f"{what} id {value!r} is used twice", file=file, field=what)
        seen.add(value)


def _link(table: _Table) -> None:
    """Check an article path and anchor, and that the site has the page with a title."""
    article = table.get("article", str)
    if not ARTICLE.match(article):
        table.fail(
            "must be a docs-relative page path such as 'understand/alternatives.md', "
            f"got {article!r}",
            "article",
        )
    if article not in pages.titles():
        table.fail(
            f"names a page that assessment/{pages.PAGES_FILE} does not list; add it with "
            "the title from its front matter",
            "article",
        )
    table.slug("anchor")


# ---------------------------------------------------------------- the small tables


def _read_scoring(root: _Table) -> Scoring:
    table = root.table("scoring", SCORING_KEYS)
    return Scoring(
        neutral=table.number("neutral", *POINTS_RANGE),
        min_known=table.number("min_known", 0, 20),
        answered_error_steps=table.fraction("answered_error_steps", 0, 2),
        gaps_dominate_percent=table.number("gaps_dominate_percent", 1, 100),
        advice_limit=table.number("advice_limit", 1, 20),
        preparation_slot=table.number("preparation_slot", 1, 20),
        read_next_limit=table.number("read_next_limit", 1, 20),
        share_limit=table.number("share_limit", 1, 20),
        preparation_min_answers=table.number("preparation_min_answers", 0, 20),
        words_per_minute=table.number("words_per_minute", 50, 1000),
        seconds_per_question=table.number("seconds_per_question", 0, 120),
    )


def _percent_table(root: _Table, key: str, ids: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    table = root.table(key, ids)
    return tuple((item, table.number(item, 1, 100)) for item in ids)


def _read_feasibility(root: _Table) -> Feasibility:
    table = root.table("feasibility", FEASIBILITY_KEYS)
    return Feasibility(
        when=cast(tuple[tuple[When, int], ...], _percent_table(table, "when", WHENS)),
        effort=cast(tuple[tuple[Effort, int], ...], _percent_table(table, "effort", EFFORTS)),
    )


def _read_named(root: _Table, key: str, ids: tuple[str, ...]) -> tuple[Named, ...]:
    named = tuple(Named(t.choice("id", ids), t.text("label")) for t in root.tables(key, NAMED_KEYS))
    if tuple(item.id for item in named) != ids:
        root.fail(f"must list {allowed_list(ids)}, once each and in that order", key)
    return named


def _read_sides(root: _Table) -> tuple[tuple[Side, SideWords], ...]:
    table = root.table("sides", SIDES)
    sides: list[tuple[Side, SideWords]] = []
    for side in SIDES:
        words = table.table(side, SIDE_KEYS)
        sides.append((side, SideWords(words.text("label"), words.text("about"))))
    return tuple(sides)


def _read_parts(root: _Table) -> tuple[PartInfo, ...]:
    parts = tuple(
        PartInfo(cast(Part, t.choice("id", PARTS)), t.text("title"), t.text("intro"))
        for t in root.tables("parts", PART_KEYS)
    )
    if tuple(part.id for part in parts) != PARTS:
        root.fail(f"must list {allowed_list(PARTS)}, once each and in that order", "parts")
    return parts


def _read_dimension(table: _Table) -> Dimension:
    part = cast(Part, table.choice("part", PARTS))
    weight = table.number("weight", 0, 10)
    if (part == "leverage") != (weight > 0):
        table.fail("leverage dimensions weigh 1 to 10; other dimensions weigh 0", "weight")
    return Dimension(
        id=table.slug("id"),
        title=table.text("title"),
        part=part,
        weight=weight,
        summary=table.text("summary"),
    )


def _read_band(table: _Table) -> Band:
    band = Band(
        id=table.slug("id"),
        label=table.text("label"),
        min=table.number("min", *BALANCE_RANGE),
        max=table.number("max", *BALANCE_RANGE),
        includes_min=table.get("includes_min", bool),
        includes_max=table.get("includes_max", bool),
        summary=table.text("summary"),
    )
    if band.min >= band.max:
        table.fail(f"min ({band.min}) must be below max ({band.max})")
    return band


def _check_bands(bands: tuple[Band, ...], file: str) -> None:
    """The bands must cover the balance from -100 to +100 with no gap and no overlap."""
    ordered = sorted(bands, key=lambda band: band.min)
    low, high = BALANCE_RANGE
    if not ordered or ordered[0].min != low or not ordered[0].includes_min:
        raise BadBank(f"the lowest band must start at {low}, inclusive", file=file, field="bands")
    if ordered[-1].max != high or not ordered[-1].includes_max:
        raise BadBank(f"the highest band must end at {high}, inclusive", file=file, field="bands")
    for below, above in itertools.pairwise(ordered):
        if below.max != above.min or below.includes_max == above.includes_min:
            raise BadBank(
                f"bands {below.id!r} and {above.id!r} must meet at one point, which exactly "
                "one of them includes",
                file=file,
                field="bands",
            )


def _read_confidence(root: _Table) -> tuple[Confidence, ...]:
    levels = tuple(
        Confidence(t.slug("id"), t.text("label"), t.number("max_gaps", 0, 100))
        for t in root.tables("confidence", CONFIDENCE_KEYS)
    )
    gaps = [level.max_gaps for level in levels]
    if not levels or gaps != sorted(set(gaps)):
        root.fail("list the levels from fewest gaps to most, each max_gaps higher", "confidence")
    return levels


def _read_preparation_bands(root: _Table) -> tuple[PreparationBand, ...]:
    bands = tuple(
        PreparationBand(t.slug("id"), t.text("label"), t.number("min", 0, 100), t.text("summary"))
        for t in root.tables("preparation_bands", PREPARATION_BAND_KEYS)
    )
    if not any(band.min == 0 for band in bands):
        root.fail("one preparation band must start at min = 0", "preparation_bands")
    return bands


def _read_ethics_verdicts(root: _Table) -> tuple[EthicsVerdict, ...]:
    verdicts = tuple(
        EthicsVerdict(
            t.slug("id"),
            t.text("label"),
            cast(VerdictLevel, t.choice("level", VERDICT_LEVELS)),
            t.text("summary"),
        )
        for t in root.tables("ethics_verdicts", ETHICS_VERDICT_KEYS)
    )
    if sorted(verdict.level for verdict in verdicts) != sorted(VERDICT_LEVELS):
        root.fail(
            f"needs exactly one verdict for each level: {allowed_list(VERDICT_LEVELS)}",
            "ethics_verdicts",
        )
    return verdicts


def _read_reasons(root: _Table) -> ReadingReasons:
    table = root.table("read_next_reasons", REASON_KEYS)
    return ReadingReasons(**{key: table.text(key) for key in REASON_KEYS})


def _read_texts(root: _Table) -> Texts:
    table = root.table("texts", TEXT_KEYS)
    texts: dict[str, str] = {}
    for key in TEXT_KEYS:
        text = table.text(key)
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        except ValueError as error:
            table.fail(f"has a broken {{placeholder}} ({error})", key)
        if not names <= TEXT_FIELDS[key]:
            table.fail(
                f"uses {allowed_list(sorted(names - TEXT_FIELDS[key]))}; it may use only "
                f"{allowed_list(sorted(TEXT_FIELDS[key])) or 'no placeholders'}",
                key,
            )
        texts[key] = text
    return Texts(**texts)


# ---------------------------------------------------------------- questions


def _read_option(table: _Table, part: Part, kinds: tuple[str, ...]) -> Option:
    unknown = table.flag("unknown")
    level = cast(Level, table.choice("level", LEVELS)) if table.has("level") else None
    option = Option(
        id=table.slug("id"),
        label=table.text("label"),
        points=table.number("points", *POINTS_RANGE) if table.has("points") else None,
        unknown=unknown,
        level=level,
        flag=table.optional_text("flag"),
        fair_alternative=table.optional_text("fair_alternative"),
        article=table.get("article", str) if table.has("article") else None,
        anchor=table.slug("anchor") if table.has("anchor") else None,
        note=table.optional_text("note"),
        kinds=table.kind_texts("kinds", kinds),
    )
    scored = part in ("leverage", "preparation")
    if scored and not unknown and option.points is None:
        table.fail(f"{part} options need points (0 to 100)", "points")
    if option.points is not None and (unknown or not scored):
        table.fail(
            "only leverage and preparation options have points, and never 'I don't know'",
            "points",
        )
    if unknown and part not in ("leverage", "ethics"):
        table.fail("only leverage and plan questions have an 'I don't know' option", "unknown")
    problem = {
        "flag": option.flag,
        "fair_alternative": option.fair_alternative,
        "article": option.article,
        "anchor": option.anchor,
    }
    if level is not None:
        if part != "ethics" or unknown:
            table.fail("only answers to plan (ethics) questions can be red or amber", "level")
        for key, value in problem.items():
            if value is None:
                table.fail(
                    "a red or amber answer needs a flag, a fair_alternative, an "
                    "article and an anchor",
                    key,
                )
        _link(table)
    elif any(value is not None for value in problem.values()):
        table.fail("only red or amber answers have a flag, fair_alternative or article")
    if option.note is not None and part != "preparation":
        table.fail("only preparation answers carry a note", "note")
    return option


def _read_action(table: _Table, kinds: tuple[str, ...]) -> Action:
    return Action(
        id=table.slug("id"),
        applies_to=table.slugs("applies_to"),
        when=cast(When, table.choice("when", WHENS)),
        effort=cast(Effort, table.choice("effort", EFFORTS)),
        text=table.text("text"),
        kinds=table.kind_texts("kinds", kinds),
    )


def _read_wordings(table: _Table, kinds: tuple[str, ...]) -> tuple[QuestionWording, ...]:
    if not table.has("kinds"):
        return ()
    variants = table.table("kinds", kinds)
    wordings = []
    for kind in kinds:
        if variants.has(kind):
            wording = variants.table(kind, WORDING_KEYS)
            if not wording.data:
                wording.fail("needs a text or a help")
            wordings.append(
                QuestionWording(kind, wording.optional_text("text"), wording.optional_text("help"))
            )
    return tuple(wordings)


def _read_question(
    data: object,
    file: str,
    index: int,
    dimensions: dict[str, Dimension],
    kinds: tuple[str, ...],
) -> Question:
    table = _Table(data, file, f"questions[{index}]", None)
    if "id" not in table.data:
        table.fail("is missing", "id")
    table.field = None
    question_id = table.slug("id")
    table.question = question_id
    table.check_keys(QUESTION_KEYS)
    dimension = dimensions[table.choice("dimension", tuple(dimensions))]
    part = dimension.part
    side: Side | None = None
    if part == "leverage":
        side = cast(Side, table.choice("side", SIDES))
    elif table.has("side"):
        table.fail("only leverage questions have a side; remove it", "side")
    option_tables = table.tables("options", OPTION_KEYS)
    if not MIN_OPTIONS <= len(option_tables) <= MAX_OPTIONS:
        table.fail(
            f"must have {MIN_OPTIONS} to {MAX_OPTIONS} options, got {len(option_tables)}",
            "options",
        )
    _link(table)
    question = Question(
        id=question_id,
        dimension=dimension.id,
        side=side,
        text=table.text("text"),
        help=table.optional_text("help"),
        options=tuple(_read_option(option, part, kinds) for option in option_tables),
        article=table.get("article", str),
        anchor=table.slug("anchor"),
        required=table.flag("required"),
        shuffle=table.flag("shuffle"),
        flags=table.slugs("flags"),
        actions=tuple(_read_action(t, kinds) for t in table.tables("actions", ACTION_KEYS))
        if table.has("actions")
        else (),
        kinds=_read_wordings(table, kinds),
    )
    _check_question(question, part, table)
    return question


def _check_question(question: Question, part: Part, table: _Table) -> None:
    option_ids = question.option_ids
    for option_id in option_ids:
        if option_ids.count(option_id) > 1:
            table.fail(f"option id {option_id!r} is used twice", "options")
    if sum(option.unknown for option in question.options) > 1:
        table.fail("has more than one 'I don't know' option", "options")
    if part in ("leverage", "preparation"):
        _check_scale(question, part, table)
    if question.shuffle and part != "ethics":
        table.fail(
            "only plan (ethics) questions may shuffle their options; scales keep their order",
            "shuffle",
        )
    if question.required and part != "leverage":
        table.fail("only leverage questions can be required for a verdict", "required")
    _check_actions(question, part, table)


def _check_scale(question: Question, part: Part, table: _Table) -> None:
    points = [option.points for option in question.scale]
    if len(points) < MIN_SCALE:
        table.fail(f"needs at least {MIN_SCALE} options with points", "options")
    if part == "preparation":
        if min(points) != 0 or max(points) != 100:  # type: ignore[type-var]
            table.fail("preparation points must run from 0 (not done) to 100 (done)", "options")
        return
    steps = {round(high - low, 6) for low, high in itertools.pairwise(points)}  # type: ignore[operator]
    if points[0] != 0 or points[-1] != 100 or len(steps) != 1 or 0 in steps:
        table.fail(
            "leverage points must run from 0 to 100 in even steps, all different, so that one "
            f"step is worth the same everywhere; got {points}",
            "options",
        )


def _check_actions(question: Question, part: Part, table: _Table) -> None:
    if question.actions and part not in ("leverage", "preparation"):
        table.fail("only leverage and preparation questions have actions", "actions")
    best = question.scale[-1].id if question.scale else None
    covered: set[str] = set()
    for index, action in enumerate(question.actions):
        field = f"actions[{index}].applies_to"
        if not action.applies_to:
            table.fail("must name at least one option", field)
        for option_id in action.applies_to:
            if option_id not in question.option_ids:
                table.fail(f"names {option_id!r}, which is not an option of this question", field)
            if option_id in covered:
                table.fail(f"names {option_id!r}, which another action already covers", field)
            covered.add(option_id)
            option = question.option(option_id)
            if option_id == best:
                table.fail(f"names {option_id!r}, the best answer: there is nothing to gain", field)
            if question.side == "them" and not option.unknown:
                table.fail(
                    "an action about them can only be to find out: what they have cannot be "
                    "changed by you, so it applies to the 'I don't know' option only",
                    field,
                )


def _read_combination(table: _Table, bank_questions: dict[str, Question]) -> Combination:
    level = cast(CombinationLevel, table.choice("level", COMBINATION_LEVELS))
    when_table = table.table("when", None)
    when: list[tuple[str, tuple[str, ...]]] = []
    for question_id in when_table.data:
        if question_id not in bank_questions:
            when_table.fail(f"names {question_id!r}, which is not a question", question_id)
        question = bank_questions[question_id]
        options = when_table.slugs(question_id)
        for option_id in options:
            if option_id not in question.option_ids:
                when_table.fail(f"{option_id!r} is not an option of {question_id!r}", question_id)
        when.append((question_id, options))
    if len(when) < 2:
        table.fail("needs at least two questions: it is about answers read together", "when")
    _link(table)
    return Combination(
        id=table.slug("id"),
        level=level,
        when=tuple(when),
        name=table.text("name"),
        text=table.text("text"),
        article=table.get("article", str),
        anchor=table.slug("anchor"),
    )


def _check_combinations(bank: Bank, file: str) -> None:
    for combination in bank.combinations:
        parts = {bank.part_of(bank.question(question)) for question, _ in combination.when}
        if combination.level != "note" and parts != {"ethics"}:
            raise BadBank(
                f"combination {combination.id!r} is {combination.level}, so it may read plan "
                "answers only: leverage answers never change the plan's verdict (make it a "
                "note instead)",
                file=file,
                field="combinations",
            )


def _check_order(bank: Bank, file: str) -> None:
    """Dimensions follow the parts' order, and questions their dimensions' order.

    The form, the terminal tool and the worksheet all number questions in bank order, so
    this keeps "question 7" the same question everywhere.
    """
    parts = [PARTS.index(dimension.part) for dimension in bank.dimensions]
    if parts != sorted(parts):
        raise BadBank(
            f"list the dimensions part by part: {allowed_list(PARTS)}",
            file=file,
            field="dimensions",
        )
    position = {dimension.id: index for index, dimension in enumerate(bank.dimensions)}
    for before, after in itertools.pairwise(bank.questions):
        if position[after.dimension] < position[before.dimension]:
            raise BadBank(
                f"comes after question {before.id!r} of dimension {before.dimension!r}; keep "
                "questions grouped by dimension, in the order the dimensions are listed",
                file=file,
                question=after.id,
                field="dimension",
            )


def _check_dimensions(bank: Bank, file: str) -> None:
    context = bank.questions_of("context")
    if len(context) != 1:
        raise BadBank(
            "the context part needs exactly one question: the kind of negotiation",
            file=file,
            field="questions",
        )
    for dimension in bank.dimensions:
        questions = bank.questions_in(dimension.id)
        if not questions:
            raise BadBank(
                f"dimension {dimension.id!r} has no questions", file=file, field="questions"
            )
        if dimension.part == "leverage":
            sides = [question.side for question in questions]
            if sides.count("you") != 1 or sides.count("them") > 1:
                raise BadBank(
                    f"leverage dimension {dimension.id!r} needs one question about you and at "
                    "most one about them: each idea is asked once per side",
                    file=file,
                    field="questions",
                )
    actions = [action for question in bank.questions for action in question.actions]
    _unique(actions, lambda action: action.id, "actions", file)
    if bank.scoring.min_known > len(bank.about("them")):
        raise BadBank(
            "min_known is more than the questions about a side", file=file, field="scoring"
        )
    if bank.confidence[-1].max_gaps < len(bank.questions_of("leverage")):
        raise BadBank(
            "the last confidence level must allow every leverage fact to be missing",
            file=file,
            field="confidence",
        )


def _kind_ids(root: _Table) -> tuple[str, ...]:
    """The kinds of negotiation: the option ids of the first question, read ahead."""
    questions = root.get("questions", list)
    first = questions[0] if questions and isinstance(questions[0], dict) else {}
    options = first.get("options", [])
    ids = tuple(o.get("id") for o in options if isinstance(o, dict))
    if not ids or not all(isinstance(i, str) and SLUG.match(i) for i in ids):
        root.fail("the first question must ask for the kind of negotiation", "questions")
    if DEFAULT_KIND in ids:
        root.fail(
            f"{DEFAULT_KIND!r} cannot be a kind of negotiation: the form uses it", "questions"
        )
    return cast(tuple[str, ...], ids)


def parse_bank(text: str, file: str) -> Bank:
    """Validate the text of a bank file; ``file`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BadBank(f"is not valid TOML ({error})", file=file) from error
    return validate_bank(data, file)


def validate_bank(data: Mapping[str, Any], file: str) -> Bank:
    """Validate bank data as read from TOML; BadBank names the file, question and field."""
    root = _Table(dict(data), file, None, ROOT_KEYS)
    version = root.get("version", str)
    if not VERSION.match(version):
        root.fail(f"must be 1 to 8 lowercase letters or digits, got {version!r}", "version")
    dimensions = tuple(map(_read_dimension, root.tables("dimensions", DIMENSION_KEYS)))
    _unique(list(dimensions), lambda d: d.id, "dimensions", file)
    by_id = {dimension.id: dimension for dimension in dimensions}
    kinds = _kind_ids(root)
    questions = tuple(
        _read_question(item, file, index, by_id, kinds)
        for index, item in enumerate(root.get("questions", list))
    )
    _unique(list(questions), lambda q: q.id, "questions", file)
    by_question = {question.id: question for question in questions}
    bands = tuple(map(_read_band, root.tables("bands", BAND_KEYS)))
    _unique(list(bands), lambda b: b.id, "bands", file)
    _check_bands(bands, file)
    combinations = tuple(
        _read_combination(table, by_question)
        for table in root.tables("combinations", COMBINATION_KEYS)
    )
    _unique(list(combinations), lambda c: c.id, "combinations", file)
    bank = Bank(
        version=version,
        scoring=_read_scoring(root),
        feasibility=_read_feasibility(root),
        timings=_read_named(root, "timings", WHENS),
        efforts=_read_named(root, "efforts", EFFORTS),
        sides=_read_sides(root),
        parts=_read_parts(root),
        dimensions=dimensions,
        bands=bands,
        confidence=_read_confidence(root),
        preparation_bands=_read_preparation_bands(root),
        ethics_verdicts=_read_ethics_verdicts(root),
        read_next_reasons=_read_reasons(root),
        texts=_read_texts(root),
        questions=questions,
        combinations=combinations,
    )
    _check_order(bank, file)
    _check_dimensions(bank, file)
    _check_combinations(bank, file)
    check_quick(bank, file)
    return bank


@functools.cache
def _packaged_bank() -> Bank:
    text = resources.files("assessment").joinpath(BANK_FILE).read_text(encoding="utf-8")
    return parse_bank(text, f"assessment/{BANK_FILE}")


def load_bank(path: str | Path | None = None) -> Bank:
    """The packaged question bank, or the bank file at ``path`` (for editors trying changes)."""
    if path is None:
        return _packaged_bank()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadBank(f"cannot be read ({error})", file=str(path)) from error
    return parse_bank(text, str(path))
