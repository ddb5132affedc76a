"""Plans as files: a reader's plan in TOML or JSON (for the terminal tool), and the worked
examples' plans shipped in the package, ``plans/<scenario id>.toml``.

An example's file also holds its page's other numbers under ``[figures]``, which only the site's
build reads (build_scripts/example_plans.py); everything else in it is a plan like any other.
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from assessment.errors import BadBank, BadPlan, BadRequest, allowed_list
from assessment.model import Bank
from assessment.plan import Plan, read_plan

FOLDER = "plans"
PAGE_ONLY = "figures"
SUFFIXES = (".toml", ".json")


def load_plan_data(path: str | Path) -> object:
    """The data in a plan file, TOML or JSON by its suffix; BadPlan saying what is wrong with the
    file itself (what is wrong inside the plan is for ``read_plan`` and the checks). A worked
    example's ``[figures]`` are its page's, and left out, so an example's file reads as a plan."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise BadPlan(
            f"{path}: a plan file ends in .toml or .json, so the tool knows how to read it.",
            field="file",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BadPlan(f"Cannot read {path}: {error.strerror or error}.", field="file") from error
    except UnicodeDecodeError as error:
        raise BadPlan(f"{path} is not UTF-8 text ({error.reason}).", field="file") from error
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        kind = path.suffix.lower().lstrip(".").upper()
        raise BadPlan(f"{path} is not valid {kind} ({error}).", field="file") from error
    if isinstance(data, dict):
        data.pop(PAGE_ONLY, None)
    return data


@functools.cache
def _example_texts() -> dict[str, str]:
    folder = resources.files("assessment").joinpath(FOLDER)
    return {
        entry.name.removesuffix(".toml"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith(".toml")
    }


def example_ids() -> tuple[str, ...]:
    """The worked examples that have a plan, sorted."""
    return tuple(_example_texts())


def example_data(example_id: str) -> dict[str, Any]:
    """An example's plan data with its page's figures left out; BadRequest for an unknown id."""
    texts = _example_texts()
    if example_id not in texts:
        raise BadRequest(
            f"There is no worked example plan {example_id!r}. Plans are {allowed_list(texts)}.",
            field="id",
        )
    file = f"assessment/{FOLDER}/{example_id}.toml"
    try:
        data = tomllib.loads(texts[example_id])
    except tomllib.TOMLDecodeError as error:
        raise BadBank(f"is not valid TOML ({error})", file=file) from error
    data.pop(PAGE_ONLY, None)
    return data


def load_example(example_id: str, bank: Bank | None = None) -> Plan:
    """An example's plan; BadBank naming the file and field if it cannot be read whole."""
    read = read_plan(example_data(example_id), bank)
    if read.problems:
        problem = read.problems[0]
        raise BadBank(
            problem.message, file=f"assessment/{FOLDER}/{example_id}.toml", field=problem.field
        )
    return read.plan
