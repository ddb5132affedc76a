"""Renders the generated page fragments (the assessment form, reference tables) with Jinja2."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from build_scripts.assets import SiteAssets

if TYPE_CHECKING:
    from assessment.model import Bank

TEMPLATES = Path(__file__).resolve().parent / "templates"
MARKER = re.compile(r"^<!-- generated: (?P<name>[\w.-]+) -->$", re.MULTILINE)

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


WORKSHEET_URL = "assessment/worksheet/"
PRIVACY_URL = "reference/privacy/"
# How long the page waits for Python before it says start-up failed (tests may lower it).
START_LIMIT_MS = 30_000


def form_parts(bank: Bank) -> list[dict[str, Any]]:
    """The bank's questions grouped into the form's parts and dimensions, numbered."""
    parts: list[dict[str, Any]] = []
    number = 0
    for part in bank.parts:
        groups: list[dict[str, Any]] = []
        for dimension in bank.dimensions_of(part.id):
            items: list[dict[str, Any]] = []
            for question in bank.questions_in(dimension.id):
                number += 1
                items.append({"number": number, "question": question})
            groups.append({"dimension": dimension, "questions": items})
        count = sum(len(group["questions"]) for group in groups)
        parts.append({"part": part, "groups": groups, "questions": count})
    return parts


def render_assessment_form(assets: SiteAssets, site_root: str) -> str:
    """The assessment form and results panel, generated from ``assessment.load_bank()``."""
    import assessment
    from assessment.model import variant_groups

    bank = assessment.load_bank()
    return _environment.get_template("assessment/form.html.j2").render(
        site_root=site_root,
        assets=assets,
        bank=bank,
        parts=form_parts(bank),
        total=len(bank.questions),
        variants_for=lambda default, variants: variant_groups(default, variants, bank.kind_ids),
        side_labels={side: words.label for side, words in bank.sides},
        worksheet_url=WORKSHEET_URL,
        privacy_url=PRIVACY_URL,
        start_limit_ms=START_LIMIT_MS,
        package_version=assessment.__version__,
    )


def fill_markers(
    markdown: str,
    assets: SiteAssets,
    site_root: str,
    extra: Mapping[str, Callable[[], str]] | None = None,
) -> str:
    """Replaces each marker line; `extra` adds renderers that need more than the assets."""
    renderers = {
        "assessment-form.html": lambda: render_assessment_form(assets, site_root),
        "how-the-score-works.md": lambda: _reference_fragment("how-the-score-works.md"),
        "worksheet.md": lambda: _reference_fragment("worksheet.md"),
        **(extra or {}),
    }

    def replace(match: re.Match[str]) -> str:
        return renderers[match["name"]]()

    return MARKER.sub(replace, markdown)


def _reference_fragment(name: str) -> str:
    from build_scripts.reference import render_reference

    return render_reference()[name]


def scenario_anchors() -> set[str]:
    from assessment import load_scenarios

    return {f"scenario={scenario_id}" for scenario_id in load_scenarios()}
