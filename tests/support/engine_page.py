"""One small page interface over Firefox (WebDriver BiDi) and WebKit (W3C WebDriver).

Its methods are named and shaped like Playwright's `Page` (`goto`, `reload`, `evaluate`,
`wait_for_selector`, `click`), so the helpers the Chromium tests use
(`tests/browser/assessment_helpers.py`) drive every engine with one definition.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from typing import Any

DEFAULT_TIMEOUT_MS = 60_000

# Runs the caller's function with one JSON argument and returns its awaited result as JSON,
# so both protocols carry plain strings and neither one's value encoding matters.
_CALL = "async (json) => JSON.stringify((await ({function})(JSON.parse(json))) ?? null)"

# Resolves as soon as `selector` matches, re-checking on every change to the document (and
# on form changes, since checking a radio button changes no attribute); rejects at `timeout`.
WAIT_FOR_SELECTOR = """({ selector, timeout }) => new Promise((resolve, reject) => {
  const done = (settle) => {
    observer.disconnect();
    document.removeEventListener("change", check, true);
    clearTimeout(timer);
    settle();
  };
  const check = () => {
    if (document.querySelector(selector)) done(() => resolve(true));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("change", check, true);
  const timer = setTimeout(
    () => done(() => reject(new Error(`waited ${timeout} ms for ${selector}`))), timeout);
  check();
})"""

# What W3C WebDriver's Element Click does before it clicks: scroll the element into view as
# the browser does for focus (its bottom edge to the bottom of the view), then fail if
# anything else (a sticky bar, say) covers its middle.
BRING_INTO_VIEW = """(selector) => {
  const node = document.querySelector(selector);
  if (!node) throw new Error(`nothing matches ${selector}`);
  node.scrollIntoView({ block: "end", inline: "nearest" });
  const box = node.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!node.contains(hit)) {
    const cover = hit?.outerHTML.slice(0, 100);
    throw new Error(`element click intercepted: ${selector} is covered by ${cover}`);
  }
}"""


class PageError(AssertionError):
    """What the page or the browser said went wrong, in its own words."""


class EnginePage(ABC):
    """One tab of a browser engine, driven over the engine's own automation protocol."""

    name: str

    @abstractmethod
    def goto(self, url: str) -> None:
        """Opens `url` and returns once the page has loaded."""

    @abstractmethod
    def reload(self) -> None:
        """Reloads the page and returns once it has loaded."""

    @abstractmethod
    def click(self, selector: str) -> None:
        """Clicks the middle of the element, as a reader's pointer would."""

    @abstractmethod
    def console_errors(self) -> list[str]:
        """Console errors and uncaught exceptions so far, where the engine reports them."""

    @abstractmethod
    def requests(self) -> list[str] | None:
        """Every URL the pages and their workers asked for; None where the engine cannot say."""

    @abstractmethod
    def _call(self, function: str, argument: str) -> str:
        """Calls `function(argument)` in the page, awaits it, returns what it returned."""

    def evaluate(self, function: str, arg: Any = None) -> Any:
        """Runs a JavaScript function (its source, as for Playwright) with one JSON argument.

        Awaits a returned promise and returns the result; a thrown error raises PageError.
        """
        return json.loads(self._call(_CALL.format(function=function), json.dumps(arg)))

    def wait_for_selector(self, selector: str, *, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
        """Waits until `selector` matches an element (attached; visibility is not checked)."""
        self.evaluate(WAIT_FOR_SELECTOR, {"selector": selector, "timeout": timeout})
