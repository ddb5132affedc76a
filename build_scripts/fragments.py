"""Renders the generated page fragments (the assessment form, reference tables) with Jinja2."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2

from build_scripts.assets import SiteAssets
from build_scripts.startup import ARCHIVE, SNAPSHOT

if TYPE_CHECKING:
    from assessment.model import Bank

TEMPLATES = Path(__file__).resolve().parent / "templates"
DOCS = Path(__file__).resolve().parent.parent / "docs"
# A marker stands on a line of its own for a block, or inside a sentence for a single fact.
MARKER = re.compile(r"<!-- generated: (?P<name>[\w.-]+) -->")

# The fragments' templates, autoescaped; the link-to-us fragment is rendered with them too.
ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


WORKSHEET_URL = "assessment/worksheet/"
PRIVACY_URL = "reference/privacy/"

# What the page needs to know, handed to it as data attributes of the form's root element, so
# no JavaScript constant repeats these (docs/assets/js/assessment/config.mjs reads them).
# The page's entry module: only the assessment page names it, so no other page loads it.
ENTRY_MODULE = "assets/js/assessment/main.mjs"
WORKER_MODULE = "assets/js/scorer/scorer-worker.mjs"
# Where the answers are kept in the reader's browser (localStorage); the privacy page names it.
STORAGE_KEY = "fair-leverage:answers"
# How long the page waits for Python to start before it says start-up failed (tests may lower it).
START_LIMIT_MS = 30_000
# How long one call to Python may take before the page says Python stopped answering. A call
# takes well under a second; a worker that takes this long is stuck, and a fresh one is needed.
CALL_LIMIT_MS = 10_000
# The workshop page (docs/assessment/workshop.md) has its own entry module, beside its modules.
WORKSHOP_ENTRY_MODULE = "assets/js/workshop/main.mjs"
ASSESSMENT_URL = "assessment/"
# The most characters of a trainer's note that a workshop link shows on the assessment page
# (docs/assets/js/assessment/workshop-note.mjs cuts a longer one, and says so).
NOTE_LIMIT = 200
# The largest file the workshop page reads; a bigger one is refused with a message before
# anything is read, so a wrong file cannot freeze the page (Python then takes at most
# assessment.browser.COHORT_PAGE_LIMIT links of what it reads).
FILE_LIMIT_BYTES = 2_000_000


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


def page_modules(entry: str = ENTRY_MODULE) -> list[str]:
    """Site paths of the modules beside the entry module, which it imports: the page asks for
    them all at once (modulepreload) instead of discovering them one import level at a time."""
    folder = PurePosixPath(entry).parent
    return sorted(
        f"{folder}/{path.name}"
        for path in (DOCS / folder).glob("*.mjs")
        if f"{folder}/{path.name}" != entry
    )


def render_assessment_form(assets: SiteAssets, site_root: str) -> str:
    """The assessment form and results panel, generated from ``assessment.load_bank()``."""
    import assessment
    from assessment.model import variant_groups

    bank = assessment.load_bank()
    return ENVIRONMENT.get_template("assessment/form.html.j2").render(
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
        call_limit_ms=CALL_LIMIT_MS,
        storage_key=STORAGE_KEY,
        note_limit=NOTE_LIMIT,
        entry_module=ENTRY_MODULE,
        page_modules=page_modules(),
        worker_module=WORKER_MODULE,
        startup_archive=ARCHIVE,
        startup_snapshot=SNAPSHOT,
        package_version=assessment.__version__,
    )


def render_workshop(assets: SiteAssets, site_root: str) -> str:
    """The workshop page: paste or load share links, the group's summary, the link builder."""
    import assessment

    return ENVIRONMENT.get_template("workshop/workshop.html.j2").render(
        site_root=site_root,
        assets=assets,
        scenarios=assessment.load_scenarios().values(),
        start_limit_ms=START_LIMIT_MS,
        call_limit_ms=CALL_LIMIT_MS,
        storage_key=STORAGE_KEY,
        assessment_url=ASSESSMENT_URL,
        note_limit=NOTE_LIMIT,
        file_limit_bytes=FILE_LIMIT_BYTES,
        entry_module=WORKSHOP_ENTRY_MODULE,
        page_modules=page_modules(WORKSHOP_ENTRY_MODULE),
        worker_module=WORKER_MODULE,
        startup_archive=ARCHIVE,
        startup_snapshot=SNAPSHOT,
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
        "workshop.html": lambda: render_workshop(assets, site_root),
        "how-the-score-works.md": lambda: _reference_fragment("how-the-score-works.md"),
        "worksheet.md": lambda: _reference_fragment("worksheet.md"),
        "storage-key": lambda: STORAGE_KEY,
        "quick-check.html": lambda: _quick_check(assets, site_root),
        "quick-storage-key": lambda: _quick_storage_key(),
        "assessment-minutes": _assessment_minutes,
        **(extra or {}),
    }

    def replace(match: re.Match[str]) -> str:
        return renderers[match["name"]]()

    return MARKER.sub(replace, markdown)


def _quick_check(assets: SiteAssets, site_root: str) -> str:
    from build_scripts.quick_check import render_quick_check

    return render_quick_check(assets, site_root)


def _quick_storage_key() -> str:
    from build_scripts.quick_check import STORAGE_KEY as QUICK_STORAGE_KEY

    return QUICK_STORAGE_KEY


def _assessment_minutes() -> str:
    """How many minutes the questions take, as the bank computes it (for a sentence)."""
    from assessment import load_bank

    return str(load_bank().minutes)


def _reference_fragment(name: str) -> str:
    from build_scripts.reference import render_reference

    return render_reference()[name]


def scenario_anchors() -> set[str]:
    from assessment import load_scenarios

    return {f"scenario={scenario_id}" for scenario_id in load_scenarios()}
