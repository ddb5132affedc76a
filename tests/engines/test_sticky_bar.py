"""An option the browser scrolls into view never ends up under the form's sticky bar.

Browsers scroll a focused or clicked element only until its bottom edge reaches the bottom of
the view, where the bar that follows the reader down the form sits. WebKit's WebDriver click
found options hidden under it: a keyboard reader's focus would have been too (WCAG 2.4.11).
"""

from __future__ import annotations

from tests.engines.watch import EngineWatch
from tests.support.engine_page import EnginePage

# Scrolls each option into view as focus does, from below, and lists those whose middle is
# covered by something else.
HIDDEN_OPTIONS = """() => {
  const options = [...document.querySelectorAll("[data-fl-form] .fl-option")];
  return options.filter((label) => {
    window.scrollTo(0, 0);
    label.scrollIntoView({ block: "end", inline: "nearest" });
    const box = label.getBoundingClientRect();
    const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !label.contains(middle);
  }).map((label) => label.htmlFor);
}"""


def test_no_option_scrolled_into_view_is_hidden_under_the_sticky_bar(
    engine: EnginePage, watch: EngineWatch, site: str
) -> None:
    engine.goto(f"{site}assessment/")
    options = engine.evaluate("() => document.querySelectorAll('[data-fl-form] .fl-option').length")
    assert options > 100  # every option of every question is tried
    assert engine.evaluate(HIDDEN_OPTIONS) == []
