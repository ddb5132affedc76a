"""Worked examples' plans on their pages: reads `assessment/plans/<id>.toml` with the assessment
package, holds it to the package's own plan checks (the ones the plan page runs as a reader
types), and fills `{{ example.NAME }}` placeholders in the example's page from it.

A page opts in with `example: <id>` in its front matter. The numbers live only in the plan, so
the text, the checks, the plan page's copy and the assessment's scenario of the same id cannot
drift apart. Besides the plan, the file's `[figures]` hold the page's other numbers; only this
module reads them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.errors import BadPlan
from assessment.plan import Plan, read_plan
from assessment.plan_checks import check_plan
from assessment.plan_files import FOLDER, PAGE_ONLY
from assessment.quantity import UNITS, Quantity, read_number
from build_scripts.errors import BuildError

PLANS_FOLDER = Path("assessment") / FOLDER
POINTS = ("alternative", "walk_away", "target", "opening", "their_likely_limit")
TEXTS = ("alternative_note", "walk_away_reason")
# The plan's fields a worked example's page relies on, beyond what the checks ask of any plan.
EXAMPLE_NEEDS = ("unit", "alternative", "their_likely_limit")
PLACEHOLDER = re.compile(r"\{\{\s*example\.(?P<name>[A-Za-z_][\w.]*)\s*\}\}")
# Anything that looks like an attempt at a placeholder, so a typo is an error, not stray text.
PLACEHOLDER_LIKE = re.compile(r"\{\{[^}]*example[^}]*\}\}")


class PlanError(BuildError):
    """A plan file or an example page is wrong; the message names the file and what to fix."""


@dataclass(frozen=True)
class ExamplePlan:
    """One worked example's plan and its page's other figures."""

    id: str
    plan: Plan
    figures: Mapping[str, Quantity] = field(default_factory=dict)

    @property
    def zopa(self) -> bool:
        """A zone of possible agreement exists when their likely limit reaches your walk-away."""
        plan = self.plan
        assert plan.walk_away is not None and plan.their_likely_limit is not None
        return not plan.beyond(plan.walk_away, plan.their_likely_limit)

    def values(self) -> dict[str, str]:
        """Every name a page may use as `{{ example.NAME }}`, with its text."""
        named = {
            point: str(self.plan.quantity(value))
            for point in POINTS
            if (value := getattr(self.plan, point)) is not None
        }
        named |= {text: getattr(self.plan, text) for text in TEXTS if getattr(self.plan, text)}
        named |= {f"figures.{name}": str(quantity) for name, quantity in self.figures.items()}
        return named


def problems(example: ExamplePlan) -> list[str]:
    """What the package's plan checks find (to change, to look at again, or still empty), each
    naming its field: a worked example shows a whole plan that passes every check."""
    from assessment import load_bank

    found = [
        f"{finding.field or 'plan'}: {finding.message}"
        for finding in check_plan(example.plan, load_bank()).findings
    ]
    found += [
        f"{name}: the example's page needs it"
        for name in EXAMPLE_NEEDS
        if getattr(example.plan, name) is None
    ]
    return found


def _figures(raw: object, unit: str | None, file: str) -> dict[str, Quantity]:
    if not isinstance(raw, dict):
        raise PlanError(f"{file}: [figures] must be a table of name = number")
    figures = {}
    for name, value in raw.items():
        key = f"figures.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise PlanError(f"{file}: {key}: use lowercase letters, digits and _ in names")
        try:
            if isinstance(value, dict):
                if set(value) != {"value", "unit"} or value["unit"] not in UNITS:
                    raise PlanError(
                        f"{file}: {key} must be a number, or {{ value = <number>, unit = <one of "
                        f"{', '.join(UNITS)}> }} for a unit other than the plan's"
                    )
                figures[name] = Quantity(read_number(value["value"], key), value["unit"])
            else:
                figures[name] = Quantity(read_number(value, key), unit)
        except BadPlan as error:
            raise PlanError(f"{file}: {error.message}") from error
    return figures


def parse_plan(text: str, plan_id: str, file: str) -> ExamplePlan:
    """One example's plan from its TOML text; PlanError naming the file and the field when it
    cannot be read (what the checks find is for `problems`)."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError(f"{file}: not valid TOML ({error})") from error
    raw_figures = data.pop(PAGE_ONLY, {})
    read = read_plan(data)
    if read.problems:
        raise PlanError(f"{file}: {read.problems[0].message}")
    return ExamplePlan(plan_id, read.plan, _figures(raw_figures, read.plan.unit, file))


def load_plan(project_root: Path, plan_id: str) -> ExamplePlan:
    path = project_root / PLANS_FOLDER / f"{plan_id}.toml"
    file = path.relative_to(project_root).as_posix()
    if not path.is_file():
        raise PlanError(f"{file}: no such plan; add it, or fix `example:` in the page")
    return parse_plan(path.read_text(encoding="utf-8"), plan_id, file)


def load_plans(project_root: Path) -> dict[str, ExamplePlan]:
    """Every plan, by id (its file name), sorted by id."""
    folder = project_root / PLANS_FOLDER
    return {path.stem: load_plan(project_root, path.stem) for path in sorted(folder.glob("*.toml"))}


def fill_placeholders(markdown: str, example: ExamplePlan, page: str) -> str:
    """The page with every `{{ example.NAME }}` replaced; PlanError naming page and placeholder."""
    values = example.values()

    def value(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in values:
            raise PlanError(
                f"{page}: unknown placeholder {match.group(0)!r}; plan {example.id!r} has "
                f"{', '.join(sorted(values))}"
            )
        return values[name]

    filled = PLACEHOLDER.sub(value, markdown)
    stray = PLACEHOLDER_LIKE.search(filled)
    if stray:
        raise PlanError(
            f"{page}: malformed placeholder {stray.group(0)!r}; write {{{{ example.NAME }}}}"
        )
    return filled


def render_example(markdown: str, meta: Mapping[str, Any], page: str, project_root: Path) -> str:
    """Fills the page from the plan its front matter names; pages without `example:` pass as they
    are, unless they use a placeholder, which is then an error."""
    plan_id = meta.get("example")
    if plan_id is None:
        stray = PLACEHOLDER_LIKE.search(markdown)
        if stray:
            raise PlanError(f"{page}: uses {stray.group(0)!r} but has no `example:` front matter")
        return markdown
    if not isinstance(plan_id, str):
        raise PlanError(f"{page}: `example:` must name a plan in {PLANS_FOLDER.as_posix()}/")
    example = load_plan(project_root, plan_id)
    broken = problems(example)
    if broken:
        raise PlanError(f"{PLANS_FOLDER.as_posix()}/{plan_id}.toml: {'; '.join(broken)}")
    return fill_placeholders(markdown, example, page)
