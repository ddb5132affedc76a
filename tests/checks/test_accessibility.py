"""Every built page passes axe-core (pinned) in Debian's Chromium, in the light and the dark scheme.

The assessment page is checked here as it first appears; its answered states are checked by
tests/browser/test_assessment_form.py with the same helper.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.checks.allowlist import read_allowlist
from tests.checks.conftest import page_url
from tests.checks.summary import record
from tests.support.axe import (
    AXE_JS,
    WCAG_TAGS,
    axe_violations,
    axe_violations_of,
    describe_violations,
)

# WCAG 2.2 A/AA and axe's best practices: every rule axe runs by default.
RULES = [*WCAG_TAGS, "best-practice"]
SCHEMES: list[Literal["light", "dark"]] = ["light", "dark"]
ALLOWLIST = Path(__file__).with_name("axe_allowlist.txt")

# Material's palette toggle (when configured) is a set of radio inputs, one per scheme, each with
# the media query that selects it; the scheme in force is on <body data-md-color-scheme>.
_SCHEME_SHOWN = """() => {
    const inputs = [...document.querySelectorAll("input[data-md-color-media]")];
    const wanted = inputs.find((input) => matchMedia(input.dataset.mdColorMedia).matches);
    const expected = wanted ? wanted.dataset.mdColorScheme : null;
    const shown = document.body.dataset.mdColorScheme || null;
    return expected === null || shown === expected ? (shown || "default") : false;
}"""


# Focuses each button a reader can see in turn (a focused button looks as a hovered one does),
# lets its transition end, and checks its contrast alone with axe. A contrast axe cannot decide
# counts as a failure, so a button is only ever passed on a measured contrast.
_FOCUSED_BUTTONS = """async () => {
    const why = (node) => node.any.map((check) => check.message).join(" ");
    const failures = [];
    const buttons = [...document.querySelectorAll(".md-typeset .md-button")]
        .filter((button) => button.checkVisibility({ contentVisibilityAuto: true }));
    for (const button of buttons) {
        button.focus();
        await Promise.all(button.getAnimations().map((animation) => animation.finished));
        const results = await window.axe.run(button, {
            runOnly: { type: "rule", values: ["color-contrast"] },
        });
        const name = button.textContent.trim();
        for (const node of results.violations.flatMap((violation) => violation.nodes)) {
            failures.push(`"${name}": ${why(node)}`);
        }
        for (const node of results.incomplete.flatMap((violation) => violation.nodes)) {
            failures.push(`"${name}": axe could not measure its contrast (${why(node)})`);
        }
        if (!results.passes.length && !results.violations.length && !results.incomplete.length) {
            failures.push(`"${name}": axe did not check it`);
        }
        button.blur();
    }
    return { checked: buttons.length, failures };
}"""


@dataclass(frozen=True)
class Allowed:
    page: str  # glob over the page's URL path, e.g. `link-to-us/`
    rule: str  # axe rule id
    element: re.Pattern[str]  # searched in the element's CSS selector
    reason: str

    def covers(self, page: str, rule: str, element: str) -> bool:
        return (
            fnmatch.fnmatch(page, self.page)
            and rule == self.rule
            and bool(self.element.search(element))
        )


def load_allowlist() -> list[Allowed]:
    return [
        Allowed(
            entry["page glob"], entry["rule"], re.compile(entry["element regex"]), entry["reason"]
        )
        for entry in read_allowlist(ALLOWLIST, ["page glob", "rule", "element regex"])
    ]


@dataclass
class SchemeResult:
    palettes: set[str] = field(default_factory=set)  # Material schemes shown, e.g. {"slate"}
    problems: list[str] = field(default_factory=list)  # one readable block per page
    elements: int = 0  # elements with a violation not in the allowlist
    allowed: int = 0  # elements with a violation the allowlist accepts
    used: set[Allowed] = field(default_factory=set)
    foreign: list[str] = field(default_factory=list)  # requests to other origins
    buttons: int = 0  # buttons checked while focused
    focused: list[str] = field(default_factory=list)  # "page: button: why" per focused failure


def shown_scheme(page: Page) -> str:
    """Waits until Material shows the palette matching the emulated scheme; returns its name."""
    handle = page.wait_for_function(_SCHEME_SHOWN, timeout=10_000)
    return str(handle.json_value())


def not_allowed(
    violations: list[dict[str, Any]], where: str, allowlist: list[Allowed], result: SchemeResult
) -> list[dict[str, Any]]:
    """The violations with the allowlisted elements taken out (and counted)."""
    kept = []
    for violation in violations:
        nodes = []
        for node in violation["nodes"]:
            entry = next((a for a in allowlist if a.covers(where, violation["id"], node)), None)
            if entry is None:
                nodes.append(node)
            else:
                result.allowed += 1
                result.used.add(entry)
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


def check_pages(browser: Browser, base_url: str, pages: list[Path]) -> dict[str, SchemeResult]:
    """Runs axe on every page in each scheme: one context and one tab per scheme, reused for
    every page; the two tabs run axe side by side."""
    allowlist = load_allowlist()
    results = {scheme: SchemeResult() for scheme in SCHEMES}
    tabs: dict[str, Page] = {}
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme)
        # axe-core comes with every page as an init script, read from disk: not re-sent per page.
        context.add_init_script(path=AXE_JS)
        context.on("request", _foreign_requests(base_url, results[scheme].foreign))
        tabs[scheme] = context.new_page()
    try:
        for built in pages:
            where = page_url(built) or "/"
            for scheme, tab in tabs.items():
                tab.goto(base_url + page_url(built), wait_until="load")
                results[scheme].palettes.add(shown_scheme(tab))
            found = axe_violations_of(list(tabs.values()), tags=RULES)
            for (scheme, result), violations in zip(results.items(), found, strict=True):
                kept = not_allowed(violations, where, allowlist, result)
                if kept:
                    result.elements += sum(len(violation["nodes"]) for violation in kept)
                    result.problems.append(describe_violations(kept, f"{where} ({scheme})"))
                focused = tabs[scheme].evaluate(_FOCUSED_BUTTONS)
                result.buttons += focused["checked"]
                result.focused += [f"{where}: {failure}" for failure in focused["failures"]]
    finally:
        for tab in tabs.values():
            tab.context.close()
    return results


def _foreign_requests(base_url: str, found: list[str]) -> Callable[[Request], None]:
    def on_request(request: Request) -> None:
        if not request.url.startswith((base_url, "data:", "blob:")):
            found.append(request.url)

    return on_request


@pytest.fixture(scope="module")
def axe_results(browser: Browser, served_site: str, pages: list[Path]) -> dict[str, SchemeResult]:
    return check_pages(browser, served_site, pages)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violations(
    axe_results: dict[str, SchemeResult], pages: list[Path], scheme: str
) -> None:
    result = axe_results[scheme]
    record(
        f"axe-core ({scheme}, palette {', '.join(sorted(result.palettes))})",
        f"{len(pages)} pages, {result.elements} violations ({result.allowed} allowlisted)",
    )
    assert result.foreign == [], f"pages requested other hosts: {result.foreign}"
    if result.problems:
        pytest.fail("axe-core violations:\n" + "\n".join(result.problems), pytrace=False)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_button_keeps_its_contrast_when_focused_or_hovered(
    axe_results: dict[str, SchemeResult], scheme: str
) -> None:
    # The whole-page check sees buttons at rest; a keyboard or mouse user sees them filled.
    result = axe_results[scheme]
    record(
        f"axe-core, buttons focused ({scheme})",
        f"{result.buttons} buttons, {len(result.focused)} below AA",
    )
    assert result.buttons > 0, "no visible button was found to focus"
    assert result.focused == [], "\n".join(result.focused)


def test_every_axe_allowlist_entry_still_matches_a_violation(
    axe_results: dict[str, SchemeResult],
) -> None:
    used = set().union(*(result.used for result in axe_results.values()))
    stale = [entry for entry in load_allowlist() if entry not in used]
    assert stale == [], f"remove these entries from {ALLOWLIST.name}: they match nothing now"


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
