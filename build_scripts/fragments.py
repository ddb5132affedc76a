"""Renders the generated page fragments (the assessment form, reference tables) with Jinja2."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2

from build_scripts.assets import SiteAssets
from build_scripts.prepared import prepared_lines, prepared_results, prepared_site_files
from build_scripts.startup import ARCHIVE, SNAPSHOT

if TYPE_CHECKING:
    from assessment.model import Bank

TEMPLATES = Path(__file__).resolve().parent / "templates"
DOCS = Path(__file__).resolve().parent.parent / "docs"
# A marker stands on a line of its own for a block, or inside a sentence for a single fact.
MARKER = re.compile(r"<!-- generated: (?P<name>[\w.-]+) -->")
# A static import of a module beside it or in a sibling folder: import … from "./x.mjs".
IMPORT = re.compile(r"""^import\s[^;]*?\sfrom\s+"(?P<path>\.{1,2}/[^"]+\.mjs)";""", re.MULTILINE)

# The fragments' templates, autoescaped; the link-to-us fragment is rendered with them too.
ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


WORKSHEET_URL = "assessment/worksheet/"
ASSESSMENT_URL = "assessment/"
PRIVACY_URL = "reference/privacy/"

# What the page needs to know, handed to it as data attributes of the form's root element, so
# no JavaScript constant repeats these (docs/assets/js/assessment/config.mjs reads them).
# The page's entry module: only the assessment page names it, so no other page loads it.
ENTRY_MODULE = "assets/js/assessment/main.mjs"
WORKER_MODULE = "assets/js/scorer/scorer-worker.mjs"
# Named first on every page that runs Python, loaded with `async`: it starts Python early.
EARLY_MODULE = "assets/js/assessment/start-python.mjs"
# The assessment page's own early module, also `async`, after the results panel: it draws a
# scenario link's result prepared at build time (build_scripts/prepared.py) before Python starts.
PREPARED_MODULE = "assets/js/assessment/prepared.mjs"
# Where the answers are kept in the reader's browser (localStorage); the privacy page names it.
STORAGE_KEY = "fair-leverage:answers"
# Where the reader's browser keeps a copy of Python's memory snapshot for the next visit (Cache
# Storage; the privacy page names it), and the largest copy it keeps: one copy, of one version.
SNAPSHOT_STORE = "fair-leverage-python"
SNAPSHOT_LIMIT_BYTES = 8_000_000
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

# The plan page (docs/assessment/plan.md): its entry module, and where it keeps the plan. Records
# that belong with the answers are kept under "<STORAGE_KEY>/<name>", so the assessment's "Clear
# my answers" removes them too (docs/assets/js/assessment/companions.mjs).
PLAN_ENTRY_MODULE = "assets/js/plan/main.mjs"
PLAN_STORAGE_KEY = f"{STORAGE_KEY}/plan"
# How long the plan page waits after the reader's last keystroke before it asks Python to check.
CHECK_DELAY_MS = 400
PLAN_URL = "assessment/plan/"


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


def python_page_context(
    assets: SiteAssets, site_root: str, entry: str, early: tuple[str, ...] = ()
) -> dict[str, object]:
    """What every page that runs Python shares (templates/_python_page.html.j2): how Python
    starts, and the page's own modules: those its `early` async modules need first, so they
    arrive first, then the rest its entry module imports."""
    return {
        "site_root": site_root,
        "assets": assets,
        "start_limit_ms": START_LIMIT_MS,
        "call_limit_ms": CALL_LIMIT_MS,
        "worker_module": assets.js(WORKER_MODULE),
        "early_module": assets.js(EARLY_MODULE),
        "startup_archive": ARCHIVE,
        "startup_snapshot": SNAPSHOT,
        "snapshot_store": SNAPSHOT_STORE,
        "snapshot_limit_bytes": SNAPSHOT_LIMIT_BYTES,
        "entry_module": assets.js(entry),
        "page_modules": [
            assets.js(module)
            for module in dict.fromkeys(
                module
                for start in (EARLY_MODULE, *early, entry)
                for module in imported_modules(start)
            )
        ],
    }


def imported_modules(entry: str) -> list[str]:
    """Site paths of every module the entry module imports, directly or through others (its
    own folder's and shared ones), for the page to preload them all at once."""
    found: set[str] = set()
    todo = [PurePosixPath(entry)]
    while todo:
        module = todo.pop()
        text = (DOCS / module).read_text(encoding="utf-8")
        for match in IMPORT.finditer(text):
            target = PurePosixPath(os.path.normpath(module.parent / match["path"]))
            if target.as_posix() not in found:
                found.add(target.as_posix())
                todo.append(target)
    return sorted(found)


def render_plan_form(assets: SiteAssets, site_root: str) -> str:
    """The plan page's form, sheet and buttons, generated from the plan's fields
    (assessment/plan_fields.py) and the bank's questions about the warning."""
    import assessment
    from assessment.plan import warning_questions
    from assessment.plan_fields import SECTIONS

    bank = assessment.load_bank()
    return ENVIRONMENT.get_template("plan/form.html.j2").render(
        **python_page_context(assets, site_root, PLAN_ENTRY_MODULE),
        bank=bank,
        sections=SECTIONS,
        warning_questions=warning_questions(bank),
        assessment_url=ASSESSMENT_URL,
        privacy_url=PRIVACY_URL,
        check_delay_ms=CHECK_DELAY_MS,
        storage_key=STORAGE_KEY,
        plan_storage_key=PLAN_STORAGE_KEY,
    )


def render_assessment_form(assets: SiteAssets, site_root: str) -> str:
    """The assessment form and results panel, generated from ``assessment.load_bank()``."""
    import assessment
    from assessment.model import variant_groups

    bank = assessment.load_bank()
    prepared = prepared_results()
    return ENVIRONMENT.get_template("assessment/form.html.j2").render(
        **python_page_context(assets, site_root, ENTRY_MODULE, (PREPARED_MODULE,)),
        prepared_module=assets.js(PREPARED_MODULE),
        prepared_url=prepared_site_files()[0],
        prepared_lines=prepared_lines(prepared),
        bank=bank,
        parts=form_parts(bank),
        total=len(bank.questions),
        variants_for=lambda default, variants: variant_groups(default, variants, bank.kind_ids),
        side_labels={side: words.label for side, words in bank.sides},
        worksheet_url=WORKSHEET_URL,
        privacy_url=PRIVACY_URL,
        storage_key=STORAGE_KEY,
        note_limit=NOTE_LIMIT,
    )


def render_workshop(assets: SiteAssets, site_root: str) -> str:
    """The workshop page: paste or load share links, the group's summary, the link builder."""
    import assessment

    return ENVIRONMENT.get_template("workshop/workshop.html.j2").render(
        **python_page_context(assets, site_root, WORKSHOP_ENTRY_MODULE),
        scenarios=assessment.load_scenarios().values(),
        assessment_url=ASSESSMENT_URL,
        note_limit=NOTE_LIMIT,
        file_limit_bytes=FILE_LIMIT_BYTES,
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
        "plan-form.html": lambda: render_plan_form(assets, site_root),
        "plan-storage-key": lambda: PLAN_STORAGE_KEY,
        "plan-link-limit": _plan_link_limit,
        "snapshot-store": lambda: SNAPSHOT_STORE,
        "snapshot-limit": lambda: _megabytes(SNAPSHOT_LIMIT_BYTES),
        "snapshot-size": lambda: _megabytes((assets.startup_dir / SNAPSHOT).stat().st_size),
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


def _plan_link_limit() -> str:
    from assessment.plan_code import MAX_CODE_LENGTH

    return f"{MAX_CODE_LENGTH:,}"


def _megabytes(size: int) -> str:
    """A size in bytes as a reader would say it, such as "5.4 MB" (for a sentence)."""
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def _reference_fragment(name: str) -> str:
    from build_scripts.reference import render_reference

    return render_reference()[name]


def example_plan_anchors() -> set[str]:
    """The `#example=<id>` links the plan page answers itself: one per worked example's plan."""
    from assessment.plan_files import example_ids

    return {f"example={example_id}" for example_id in example_ids()}


def scenario_anchors() -> set[str]:
    from assessment import load_scenarios

    return {f"scenario={scenario_id}" for scenario_id in load_scenarios()}
