"""Old question banks: the layout their share codes encode, and how their answers carry over
to the current bank, so that every link ever sent out keeps opening.

Each ``old_banks/bank-<version>.toml`` keeps the old bank's questions and option ids in
order, rules that set current answers from old ones, and a reason for every old answer
that cannot be carried over. The reader is told which answers those are, and why.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

from assessment.bank import SLUG, load_bank
from assessment.errors import BadBank
from assessment.model import Bank

FOLDER = "old_banks"


@dataclass(frozen=True)
class Layout:
    """The questions a bank version asked, in order, with their option ids: what codes encode."""

    version: str
    questions: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, bank: Bank) -> Layout:
        return cls(bank.version, tuple((q.id, q.option_ids) for q in bank.questions))


@dataclass(frozen=True)
class CarryRule:
    """Sets a current question's answer when the old answers in ``when`` all hold."""

    question: str
    answer: str
    when: tuple[tuple[str, tuple[str, ...]], ...]

    def holds(self, old: dict[str, str]) -> bool:
        return all(old.get(question) in options for question, options in self.when)


@dataclass(frozen=True)
class Reason:
    """Why an old answer (to ``question``, with one of ``options`` if given) is dropped."""

    question: str
    options: tuple[str, ...]
    reason: str

    def covers(self, question: str, option: str) -> bool:
        return question == self.question and (not self.options or option in self.options)


@dataclass(frozen=True)
class Dropped:
    """An old answer that could not be carried over, and why."""

    question: str
    option: str
    text: str
    reason: str


@dataclass(frozen=True)
class OldBank:
    """One old bank version: its layout, its question texts, and how it carries over."""

    layout: Layout
    texts: dict[str, str]
    rules: tuple[CarryRule, ...]
    reasons: tuple[Reason, ...]

    def always_carries(self, question: str, option: str) -> bool:
        """Whether this old answer is carried over whatever the other answers are: a rule
        reads it alone, and no earlier rule for the same current question can hold with it."""
        for number, rule in enumerate(self.rules):
            conditions = dict(rule.when)
            if set(conditions) != {question} or option not in conditions[question]:
                continue
            earlier = (r for r in self.rules[:number] if r.question == rule.question)
            # An earlier rule can pre-empt this one unless it needs another answer to it.
            if all(option not in dict(r.when).get(question, (option,)) for r in earlier):
                return True
        return False

    def reason_for(self, question: str, option: str) -> str:
        return next(r.reason for r in self.reasons if r.covers(question, option))

    def translate(
        self, old: dict[str, str], bank: Bank
    ) -> tuple[dict[str, str], tuple[Dropped, ...]]:
        """The current bank's answers for an old answer set, and the old answers dropped."""
        new: dict[str, str] = {}
        carried: set[str] = set()
        for rule in self.rules:
            if rule.question not in new and rule.holds(old):
                new[rule.question] = rule.answer
                carried.update(question for question, _ in rule.when)
        dropped = tuple(
            Dropped(question, option, self.texts[question], self.reason_for(question, option))
            for question, option in old.items()
            if question not in carried
        )
        ordered = {q.id: new[q.id] for q in bank.questions if q.id in new}
        return ordered, dropped


def _fail(message: str, file: str, field: str | None = None) -> BadBank:
    return BadBank(message, file=file, field=field)


def _when(data: object, file: str, field: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(data, dict) or not data:
        raise _fail("must be a table of question id = [option ids]", file, field)
    when = []
    for question, options in data.items():
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            raise _fail(f"{question!r} must name a list of option ids", file, field)
        when.append((question, tuple(options)))
    return tuple(when)


def parse_old_bank(text: str, file: str, bank: Bank) -> OldBank:
    """Read and check one old bank file against the current bank; BadBank if it breaks."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
        questions = [(q["id"], tuple(q["options"]), q["text"]) for q in data["questions"]]
        rules = tuple(
            CarryRule(rule["question"], rule["answer"], _when(rule["when"], file, f"carry[{n}]"))
            for n, rule in enumerate(data["carry"])
        )
        reasons = tuple(
            Reason(r["question"], tuple(r.get("options", ())), r["reason"]) for r in data["reasons"]
        )
        version = cast(str, data["version"])
    except tomllib.TOMLDecodeError as error:
        raise _fail(f"is not valid TOML ({error})", file) from error
    except KeyError as error:
        raise _fail(f"is missing {error}", file) from error
    except TypeError as error:
        raise _fail(f"has a value of the wrong kind ({error})", file) from error
    layout = Layout(version, tuple((q, options) for q, options, _ in questions))
    old = OldBank(layout, {q: text for q, _, text in questions}, rules, reasons)
    _check(old, file, bank)
    return old


def _check(old: OldBank, file: str, bank: Bank) -> None:
    options = dict(old.layout.questions)
    for number, rule in enumerate(old.rules):
        field = f"carry[{number}]"
        try:
            current = bank.question(rule.question)
            current.option(rule.answer)
        except KeyError:
            message = f"sets {rule.question}={rule.answer}, which the bank lacks"
            raise _fail(message, file, field) from None
        for question, chosen in rule.when:
            if question not in options or not set(chosen) <= set(options[question]):
                raise _fail(
                    f"reads {question}={list(chosen)}, which version {old.layout.version} lacks",
                    file,
                    field,
                )
    droppable = {
        (question, option)
        for question, option_ids in old.layout.questions
        for option in option_ids
        if not old.always_carries(question, option)
    }
    for number, reason in enumerate(old.reasons):
        if not any(reason.covers(question, option) for question, option in droppable):
            raise _fail(
                f"gives a reason for {reason.question}, whose answers always carry over",
                file,
                f"reasons[{number}]",
            )
    for question, option_ids in old.layout.questions:
        if not SLUG.match(question):
            raise _fail(f"question id {question!r} is not a slug", file, "questions")
        for option in option_ids:
            if (question, option) not in droppable:
                continue
            if not any(reason.covers(question, option) for reason in old.reasons):
                raise _fail(
                    f"gives no reason for dropping {question}={option}: every old answer "
                    "needs one, in case it cannot be carried over",
                    file,
                    "reasons",
                )


@functools.cache
def old_banks() -> dict[str, OldBank]:
    """Every packaged old bank, by version."""
    bank = load_bank()
    found: dict[str, OldBank] = {}
    for entry in sorted(resources.files("assessment").joinpath(FOLDER).iterdir(), key=str):
        if entry.name.endswith(".toml"):
            file = f"assessment/{FOLDER}/{entry.name}"
            old = parse_old_bank(entry.read_text(encoding="utf-8"), file, bank)
            found[old.layout.version] = old
    return found
