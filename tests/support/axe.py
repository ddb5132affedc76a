"""axe-core accessibility checks for Playwright pages, with the pinned axe-core in tests/tools."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[1] / "tools" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA, the level the design promises.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Starts axe and keeps its promise on the page, so several pages can run it at the same time;
# _RESULT then waits for it. axe first waits for every finite CSS transition or animation to
# end: a colour checked half-way through a button's focus transition is neither the colour
# before nor after, and its contrast is not the one a reader sees.
_START = """([context, tags]) => {
  const settling = document.getAnimations()
    .filter((animation) => animation.playState === "running")
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
    .map((animation) => animation.finished.catch(() => undefined));
  window.__flAxeRun = Promise.all(settling).then(() => window.axe.run(
    context ? document.querySelector(context) : document,
    { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] },
  )).then((results) => results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  })));
}"""
_RESULT = "() => window.__flAxeRun"


def axe_violations(
    page: Page, context: str | None = None, tags: list[str] | None = None
) -> list[dict[str, Any]]:
    """The violations axe-core finds on the page, or inside the CSS selector `context`.

    By default the WCAG 2.2 A/AA rules run; `tags` chooses others (e.g. add "best-practice").
    Each violation is {id, impact, help, nodes: [CSS selector, ...]}; none means [].
    """
    return axe_violations_of([page], context, tags)[0]


def axe_violations_of(
    pages: Sequence[Page], context: str | None = None, tags: list[str] | None = None
) -> list[list[dict[str, Any]]]:
    """axe_violations for several pages, in order; their renderers run axe at the same time."""
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing: run `make tools` (part of `make test`).")
    for page in pages:
        if not page.evaluate("typeof window.axe === 'object'"):
            # Injected as inline text, so checking a page never makes a request.
            page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        page.evaluate(_START, [context, tags or WCAG_TAGS])
    return [page.evaluate(_RESULT) for page in pages]


def describe_violations(violations: list[dict[str, Any]], where: str = "") -> str:
    """A readable line per violation (rule, impact, what is wrong) and one per element affected."""
    lines = []
    for violation in violations:
        prefix = f"{where}: " if where else ""
        lines.append(f"{prefix}{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {node}" for node in violation["nodes"]]
    return "\n".join(lines)
