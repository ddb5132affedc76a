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


def best_for_you(bank: Bank) -> dict[str, str]:
    """Every question answered in your favour: most points about you, fewest about them."""
    answers = {}
    for question in bank.questions:
        options = sorted(question.options, key=lambda option: option.points)
        answers[question.id] = (options[0] if question.side == "them" else options[-1]).id
    return answers


def worst_for_you(bank: Bank) -> dict[str, str]:
    answers = {}
    for question in bank.questions:
        options = sorted(question.options, key=lambda option: option.points)
        answers[question.id] = (options[-1] if question.side == "them" else options[0]).id
    return answers


def first_options(bank: Bank) -> dict[str, str]:
    return {question.id: question.options[0].id for question in bank.questions}
