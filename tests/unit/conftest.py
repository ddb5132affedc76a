"""Fixtures for the unit tests: the packaged bank, its raw data, and typical answer sets."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from assessment import Bank, load_bank


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="session")
def _bank_data() -> dict[str, Any]:
    text = resources.files("assessment").joinpath("bank.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@pytest.fixture
def bank_data(_bank_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the packaged bank's data, free to break."""
    return copy.deepcopy(_bank_data)


def _fair(bank: Bank) -> dict[str, str]:
    """A plan with no red or amber answer (the first such option of each plan question)."""
    return {
        question.id: next(o.id for o in question.options if o.level is None and not o.unknown)
        for question in bank.questions_of("ethics")
    }


def best_for_you(bank: Bank) -> dict[str, str]:
    """Every leverage question answered in your favour, full preparation, a fair plan."""
    answers = {bank.kind_question.id: bank.kind_ids[0]}
    for question in bank.questions_of("leverage"):
        scale = question.scale
        answers[question.id] = (scale[0] if question.side == "them" else scale[-1]).id
    for question in bank.questions_of("preparation"):
        answers[question.id] = question.scale[-1].id
    return answers | _fair(bank)


def worst_for_you(bank: Bank) -> dict[str, str]:
    """Every leverage question answered against you, no preparation, a fair plan."""
    answers = {}
    for question in bank.questions_of("leverage"):
        scale = question.scale
        answers[question.id] = (scale[-1] if question.side == "them" else scale[0]).id
    for question in bank.questions_of("preparation"):
        answers[question.id] = question.scale[0].id
    return answers | _fair(bank)


def all_unknown(bank: Bank) -> dict[str, str]:
    """ "I don't know" wherever a leverage question offers it."""
    return {
        question.id: next(option.id for option in question.options if option.unknown)
        for question in bank.questions_of("leverage")
        if any(option.unknown for option in question.options)
    }


def first_options(bank: Bank) -> dict[str, str]:
    return {question.id: question.options[0].id for question in bank.questions}


def middle_options(bank: Bank) -> dict[str, str]:
    """Every leverage question at the middle of its scale: each index at the neutral point."""
    return {q.id: q.scale[len(q.scale) // 2].id for q in bank.questions_of("leverage")}
