"""Renders the generated page fragments (the assessment form, reference tables) with Jinja2."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from build_scripts.assets import SiteAssets

TEMPLATES = Path(__file__).resolve().parent / "templates"
MARKER = re.compile(r"^<!-- generated: (?P<name>[\w.-]+) -->$", re.MULTILINE)

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def render_assessment_form(assets: SiteAssets, site_root: str) -> str:
    import assessment

    return _environment.get_template("assessment/form.html.j2").render(
        site_root=site_root,
        assets=assets,
        package_version=assessment.__version__,
    )


def fill_markers(markdown: str, assets: SiteAssets, site_root: str) -> str:
    renderers = {
        "assessment-form.html": lambda: render_assessment_form(assets, site_root),
    }

    def replace(match: re.Match[str]) -> str:
        return renderers[match["name"]]()

    return MARKER.sub(replace, markdown)


def scenario_anchors() -> set[str]:
    try:
        from assessment import load_scenarios
    except ImportError:
        return set()
    return {f"scenario={scenario_id}" for scenario_id in load_scenarios()}
