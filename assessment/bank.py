"""Load the question bank from TOML and validate it into frozen dataclasses."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TypeVar, cast

from assessment.errors import BadBank, allowed_list
from assessment.model import (
    KINDS,
    SIDES,
    Band,
    Bank,
    Dimension,
    EthicsBand,
    Kind,
    Option,
    Question,
    Scoring,
    Side,
)

BANK_FILE = "bank.toml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION = re.compile(r"^[a-z0-9]{1,8}$")
ARTICLE = re.compile(r"^(?:[a-z0-9-]+/)*[a-z0-9-]+\.md$")
MIN_OPTIONS, MAX_OPTIONS = 3, 5
BALANCE_RANGE = (-100, 100)


def _keys(table: type) -> tuple[str, ...]:
    """The keys a table of the bank file may have: the fields of the dataclass it becomes."""
    return tuple(field.name for field in dataclasses.fields(table) if field.init)


# The keys each table of the bank file may have.
ROOT_KEYS = _keys(Bank)
SCORING_KEYS = _keys(Scoring)
DIMENSION_KEYS = _keys(Dimension)
BAND_KEYS = _keys(Band)
ETHICS_BAND_KEYS = _keys(EthicsBand)
QUESTION_KEYS = _keys(Question)
OPTION_KEYS = _keys(Option)

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
        field = self._path(key) if key is not None else self.field
        raise BadBank(message, file=self.file, question=self.question, field=field)

    def _path(self, key: str) -> str:
        return f"{self.field}.{key}" if self.field else key

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

    def text(self, key: str) -> str:
        value = self.get(key, str).strip()
        if not value:
            self.fail("must not be empty", key)
        return value

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

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.get(key, str)
        if value not in allowed:
            self.fail(f"must be {allowed_list(allowed)}, got {value!r}", key)
        return value

    def optional_text(self, key: str) -> str | None:
        if key not in self.data:
            return None
        return self.text(key)

    def tables(self, key: str, keys: tuple[str, ...]) -> list[_Table]:
        items = self.get(key, list)
        return [
            _Table(item, self.file, f"{self._path(key)}[{index}]", keys, self.question)
            for index, item in enumerate(items)
        ]


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


def _read_scoring(root: _Table) -> Scoring:
    table = _Table(root.get("scoring", dict), root.file, "scoring", SCORING_KEYS)
    scoring = Scoring(
        neutral=table.number("neutral", 0, 100),
        ethics_cap_with_red_flag=table.number("ethics_cap_with_red_flag", 0, 100),
        what_if_limit=table.number("what_if_limit", 1, 50),
        read_next_limit=table.number("read_next_limit", 1, 50),
        no_leverage_answers=table.text("no_leverage_answers"),
        no_ethics_answers=table.text("no_ethics_answers"),
    )
    return scoring


def _read_dimension(table: _Table) -> Dimension:
    dimension = Dimension(
        id=table.slug("id"),
        title=table.text("title"),
        kind=cast(Kind, table.choice("kind", KINDS)),
        weight=table.number("weight", 1, 10),
        summary=table.text("summary"),
    )
    return dimension


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


def _read_ethics_band(table: _Table) -> EthicsBand:
    band = EthicsBand(
        id=table.slug("id"),
        label=table.text("label"),
        min=table.number("min", 0, 100),
        red_flag=table.get("red_flag", bool),
        summary=table.text("summary"),
    )
    return band


def _read_option(table: _Table, kind: Kind) -> Option:
    option = Option(
        id=table.slug("id"),
        label=table.text("label"),
        points=table.number("points", 0, 100),
        red_flag=table.get("red_flag", bool, False),
        fair_alternative=table.optional_text("fair_alternative"),
    )
    if option.red_flag and kind != "ethics":
        table.fail("only options of ethics questions can be red flags", "red_flag")
    if option.red_flag and option.fair_alternative is None:
        table.fail("a red-flag option needs a fair_alternative", "fair_alternative")
    if option.red_flag and option.points != 0:
        table.fail(
            "a red-flag option must score 0, so that a red flag never raises the ethics score",
            "points",
        )
    if not option.red_flag and option.fair_alternative is not None:
        table.fail("only red-flag options have a fair_alternative", "fair_alternative")
    return option


def _read_question(
    data: object, file: str, index: int, dimensions: dict[str, Dimension]
) -> Question:
    table = _Table(data, file, f"questions[{index}]", None)
    if "id" not in table.data:
        table.fail("is missing", "id")
    table.field = None
    question_id = table.slug("id")
    table.question = question_id
    table.check_keys(QUESTION_KEYS)
    dimension_id = table.choice("dimension", tuple(dimensions))
    kind = dimensions[dimension_id].kind
    side: Side | None = None
    if kind == "leverage":
        side = cast(Side, table.choice("side", SIDES))
    elif "side" in table.data:
        table.fail("ethics questions have no side; remove it", "side")
    option_tables = table.tables("options", OPTION_KEYS)
    if not MIN_OPTIONS <= len(option_tables) <= MAX_OPTIONS:
        table.fail(
            f"must have {MIN_OPTIONS} to {MAX_OPTIONS} options, got {len(option_tables)}",
            "options",
        )
    options = tuple(_read_option(option, kind) for option in option_tables)
    article = table.get("article", str)
    if not ARTICLE.match(article):
        table.fail(
            "must be a docs-relative page path such as 'understand/alternatives.md', "
            f"got {article!r}",
            "article",
        )
    question = Question(
        id=question_id,
        dimension=dimension_id,
        side=side,
        text=table.text("text"),
        help=table.text("help"),
        options=options,
        article=article,
        anchor=table.slug("anchor"),
        actionable=table.get("actionable", bool, False),
        action=table.optional_text("action"),
    )
    _check_question(question, kind, table)
    return question


def _check_question(question: Question, kind: Kind, table: _Table) -> None:
    option_ids = [option.id for option in question.options]
    for option_id in option_ids:
        if option_ids.count(option_id) > 1:
            table.fail(f"option id {option_id!r} is used twice", "options")
    if kind == "leverage":
        points = [option.points for option in question.options]
        if len(set(points)) != len(points):
            table.fail(
                "leverage options must all score differently, so that 'one step better' "
                "is always clear",
                "options",
            )
    if kind == "ethics" and question.actionable:
        table.fail(
            "ethics questions are not actionable: red flags carry their own fair alternative",
            "actionable",
        )
    if question.actionable and question.action is None:
        table.fail("an actionable question needs a one-line action", "action")
    if not question.actionable and question.action is not None:
        table.fail("only actionable questions have an action", "action")


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


def _check_ethics_bands(bands: tuple[EthicsBand, ...], file: str) -> None:
    if sum(band.red_flag for band in bands) != 1:
        raise BadBank(
            "exactly one ethics band must have red_flag = true", file=file, field="ethics_bands"
        )
    if not any(band.min == 0 and not band.red_flag for band in bands):
        raise BadBank(
            "one ethics band without red_flag must start at min = 0",
            file=file,
            field="ethics_bands",
        )


def _check_order(bank: Bank, file: str) -> None:
    """Leverage dimensions come first, and questions follow their dimensions' order.

    The form, the terminal tool and the worksheet all number questions in bank order, so
    this keeps "question 7" the same question everywhere.
    """
    kinds = [dimension.kind for dimension in bank.dimensions]
    if kinds != sorted(kinds, key=lambda kind: kind != "leverage"):
        raise BadBank(
            "list every leverage dimension before the ethics dimensions",
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
    for dimension in bank.dimensions:
        if dimension.kind == "leverage" and not bank.questions_in(dimension.id, "you"):
            raise BadBank(
                f"leverage dimension {dimension.id!r} needs at least one question with "
                "side = 'you'",
                file=file,
                field="questions",
            )
        if dimension.kind == "ethics" and not bank.questions_in(dimension.id):
            raise BadBank(
                f"ethics dimension {dimension.id!r} has no questions",
                file=file,
                field="questions",
            )


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
    scoring = _read_scoring(root)
    dimensions = tuple(map(_read_dimension, root.tables("dimensions", DIMENSION_KEYS)))
    _unique(list(dimensions), lambda d: d.id, "dimensions", file)
    by_id = {dimension.id: dimension for dimension in dimensions}
    questions = tuple(
        _read_question(data, file, index, by_id)
        for index, data in enumerate(root.get("questions", list))
    )
    _unique(list(questions), lambda q: q.id, "questions", file)
    bands = tuple(map(_read_band, root.tables("bands", BAND_KEYS)))
    _unique(list(bands), lambda b: b.id, "bands", file)
    _check_bands(bands, file)
    ethics_bands = tuple(map(_read_ethics_band, root.tables("ethics_bands", ETHICS_BAND_KEYS)))
    _unique(list(ethics_bands), lambda b: b.id, "ethics_bands", file)
    _check_ethics_bands(ethics_bands, file)
    bank = Bank(
        version=version,
        scoring=scoring,
        dimensions=dimensions,
        questions=questions,
        bands=bands,
        ethics_bands=ethics_bands,
    )
    _check_dimensions(bank, file)
    _check_order(bank, file)
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
