"""Worked examples' key numbers: reads `assessment/plans/<id>.toml`, checks each plan against the
rules the site teaches, and fills `{{ example.NAME }}` placeholders in the example's page.

A page opts in with `example: <id>` in its front matter. The numbers live only in the plan, so
the text, the checks and the assessment's scenario of the same id cannot drift apart.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.errors import BuildError

PLANS_FOLDER = Path("assessment") / "plans"
DIRECTIONS = ("higher", "lower")
UNITS = ("£", "€", "$", "%", "days")
POINTS = ("alternative", "walk_away", "target", "opening", "their_likely_limit")
TEXTS = ("alternative_note", "walk_away_reason")
KEYS = ("better", "unit", *POINTS, *TEXTS, "figures")
PLACEHOLDER = re.compile(r"\{\{\s*example\.(?P<name>[A-Za-z_][\w.]*)\s*\}\}")
# Anything that looks like an attempt at a placeholder, so a typo is an error, not stray text.
PLACEHOLDER_LIKE = re.compile(r"\{\{[^}]*example[^}]*\}\}")


class PlanError(BuildError):
    """A plan file or an example page is wrong; the message names the file and what to fix."""


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, written the site's way: £68,000, 3%, 45 days."""

    value: int | float
    unit: str

    def __str__(self) -> str:
        if self.unit in ("£", "€", "$"):
            amount = f"{self.value:,}" if isinstance(self.value, int) else f"{self.value:,.2f}"
            return f"{self.unit}{amount}"
        number = f"{self.value:g}"
        if self.unit == "%":
            return f"{number}%"
        return f"{number} day" if self.value == 1 else f"{number} days"


@dataclass(frozen=True)
class Plan:
    """One worked example's numbers, all in one unit, with `better` saying which way is good."""

    id: str
    better: str
    unit: str
    alternative: int | float
    alternative_note: str
    walk_away: int | float
    walk_away_reason: str
    target: int | float
    opening: int | float
    their_likely_limit: int | float
    figures: Mapping[str, Quantity] = field(default_factory=dict)

    def beyond(self, first: int | float, second: int | float) -> bool:
        """Whether `first` is strictly better for the reader than `second`."""
        return first > second if self.better == "higher" else first < second

    @property
    def zopa(self) -> bool:
        """A zone of possible agreement exists when their likely limit reaches your walk-away."""
        return not self.beyond(self.walk_away, self.their_likely_limit)

    def values(self) -> dict[str, str]:
        """Every name a page may use as `{{ example.NAME }}`, with its text."""
        named = {point: str(Quantity(getattr(self, point), self.unit)) for point in POINTS}
        named |= {text: getattr(self, text) for text in TEXTS}
        named |= {f"figures.{name}": str(quantity) for name, quantity in self.figures.items()}
        return named


def problems(plan: Plan) -> list[str]:
    """Where the plan breaks the rules the site teaches; an empty list when it keeps them."""
    found = []
    alternative, walk_away = plan.alternative, plan.walk_away
    worse_than_alternative = plan.beyond(alternative, walk_away)
    if worse_than_alternative and not plan.walk_away_reason:
        found.append(
            f"walk_away ({walk_away}) is worse than the alternative ({alternative}): set it no "
            "worse than the alternative, or give walk_away_reason"
        )
    if plan.walk_away_reason and not worse_than_alternative:
        found.append(
            "walk_away_reason is given, but the walk-away is no worse than the alternative: "
            "remove the reason, or it explains nothing"
        )
    if not plan.beyond(plan.target, walk_away):
        found.append(
            f"target ({plan.target}) must lie beyond the walk-away ({walk_away}), "
            f"{plan.better} being better"
        )
    if not plan.beyond(plan.opening, plan.target):
        found.append(
            f"opening ({plan.opening}) must lie beyond the target ({plan.target}), "
            f"{plan.better} being better"
        )
    return found


def _number(value: object, file: str, key: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise PlanError(f"{file}: {key} must be a number of 0 or more, got {value!r}")
    return value


def _text(value: object, file: str, key: str) -> str:
    if not isinstance(value, str):
        raise PlanError(f"{file}: {key} must be text in quotes, got {value!r}")
    return value.strip()


def _figures(raw: object, unit: str, file: str) -> dict[str, Quantity]:
    if not isinstance(raw, dict):
        raise PlanError(f"{file}: [figures] must be a table of name = number")
    figures = {}
    for name, value in raw.items():
        key = f"figures.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise PlanError(f"{file}: {key}: use lowercase letters, digits and _ in names")
        if isinstance(value, dict):
            if set(value) != {"value", "unit"} or value["unit"] not in UNITS:
                raise PlanError(
                    f"{file}: {key} must be a number, or {{ value = <number>, unit = <one of "
                    f"{', '.join(UNITS)}> }} for a unit other than the plan's"
                )
            figures[name] = Quantity(_number(value["value"], file, key), value["unit"])
        else:
            figures[name] = Quantity(_number(value, file, key), unit)
    return figures


def parse_plan(text: str, plan_id: str, file: str) -> Plan:
    """One plan from its TOML text; PlanError naming the file and the key when it is malformed."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError(f"{file}: not valid TOML ({error})") from error
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise PlanError(f"{file}: unknown key {unknown[0]!r}; the keys are {', '.join(KEYS)}")
    optional = ("walk_away_reason", "figures")
    missing = [key for key in KEYS if key not in data and key not in optional]
    if missing:
        raise PlanError(f"{file}: {missing[0]} is missing")
    if data["better"] not in DIRECTIONS:
        raise PlanError(f"{file}: better must be one of {', '.join(DIRECTIONS)}")
    if data["unit"] not in UNITS:
        raise PlanError(f"{file}: unit must be one of {', '.join(UNITS)}")
    return Plan(
        id=plan_id,
        better=data["better"],
        unit=data["unit"],
        alternative_note=_text(data["alternative_note"], file, "alternative_note"),
        walk_away_reason=_text(data.get("walk_away_reason", ""), file, "walk_away_reason"),
        alternative=_number(data["alternative"], file, "alternative"),
        walk_away=_number(data["walk_away"], file, "walk_away"),
        target=_number(data["target"], file, "target"),
        opening=_number(data["opening"], file, "opening"),
        their_likely_limit=_number(data["their_likely_limit"], file, "their_likely_limit"),
        figures=_figures(data.get("figures", {}), data["unit"], file),
    )


def load_plan(project_root: Path, plan_id: str) -> Plan:
    path = project_root / PLANS_FOLDER / f"{plan_id}.toml"
    file = path.relative_to(project_root).as_posix()
    if not path.is_file():
        raise PlanError(f"{file}: no such plan; add it, or fix `example:` in the page")
    return parse_plan(path.read_text(encoding="utf-8"), plan_id, file)


def load_plans(project_root: Path) -> dict[str, Plan]:
    """Every plan, by id (its file name), sorted by id."""
    folder = project_root / PLANS_FOLDER
    return {path.stem: load_plan(project_root, path.stem) for path in sorted(folder.glob("*.toml"))}


def fill_placeholders(markdown: str, plan: Plan, page: str) -> str:
    """The page with every `{{ example.NAME }}` replaced; PlanError naming page and placeholder."""
    values = plan.values()

    def value(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in values:
            raise PlanError(
                f"{page}: unknown placeholder {match.group(0)!r}; plan {plan.id!r} has "
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
    plan = load_plan(project_root, plan_id)
    broken = problems(plan)
    if broken:
        raise PlanError(f"{PLANS_FOLDER.as_posix()}/{plan_id}.toml: {'; '.join(broken)}")
    return fill_placeholders(markdown, plan, page)
