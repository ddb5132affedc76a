"""Every built page passes axe-core (pinned) in Debian's Chromium, in the light and the dark scheme.

The assessment page is checked here as it first appears; its answered states are checked by
tests/browser/test_assessment_form.py with the same helper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.checks.conftest import page_url
from tests.checks.summary import record
from tests.support.axe import AXE_JS, WCAG_TAGS, axe_violations, describe_violations

# WCAG 2.2 A/AA and axe's best practices: every rule axe runs by default.
RULES = [*WCAG_TAGS, "best-practice"]
Scheme = Literal["light", "dark"]

# Material's palette toggle (when configured) is a set of radio inputs, one per scheme, each with
# the media query that selects it; the scheme in force is on <body data-md-color-scheme>.
_SCHEME_SHOWN = """() => {
    const inputs = [...document.querySelectorAll("input[data-md-color-media]")];
    const wanted = inputs.find((input) => matchMedia(input.dataset.mdColorMedia).matches);
    const expected = wanted ? wanted.dataset.mdColorScheme : null;
    const shown = document.body.dataset.mdColorScheme || null;
    return expected === null || shown === expected ? (shown || "default") : false;
}"""


def shown_scheme(page: Page) -> str:
    """Waits until Material shows the palette matching the emulated scheme; returns its name."""
    handle = page.wait_for_function(_SCHEME_SHOWN, timeout=10_000)
    return str(handle.json_value())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(
    browser: Browser, served_site: str, pages: list[Path], scheme: Scheme
) -> None:
    # One context and one tab per scheme, reused for every page. axe-core comes with every page
    # as an init script (from disk), so it is not sent over again for each one.
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(path=AXE_JS)
    foreign: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith((served_site, "data:", "blob:")):
            foreign.append(request.url)

    context.on("request", on_request)
    page = context.new_page()
    problems: list[str] = []
    palettes: set[str] = set()
    try:
        for built in pages:
            where = f"{page_url(built) or '/'} ({scheme})"
            page.goto(served_site + page_url(built), wait_until="load")
            palettes.add(shown_scheme(page))
            violations = axe_violations(page, tags=RULES)
            if violations:
                problems.append(describe_violations(violations, where))
    finally:
        context.close()
    count = sum(problem.count("\n    ") for problem in problems)
    record(
        f"axe-core ({scheme}, palette {', '.join(sorted(palettes))})",
        f"{len(pages)} pages, {len(problems)} pages with violations, {count} elements",
    )
    assert foreign == [], f"pages requested other hosts: {foreign}"
    if problems:
        pytest.fail("axe-core violations:\n" + "\n".join(problems), pytrace=False)


def test_axe_reports_an_unlabelled_input_and_low_contrast(browser: Browser) -> None:
    # A page broken on purpose, so a helper that quietly checks nothing cannot pass.
    page = browser.new_page()
    try:
        page.set_content(
            '<!DOCTYPE html><html lang="en"><head><title>Canary</title></head><body><main>'
            '<h1>Canary</h1><input type="text"><p style="color:#bbb;background:#fff">pale</p>'
            "</main></body></html>"
        )
        found = {violation["id"] for violation in axe_violations(page, tags=RULES)}
    finally:
        page.close()
    assert {"label", "color-contrast"} <= found, found
