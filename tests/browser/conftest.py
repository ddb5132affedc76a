"""Browser fixtures: Debian's Chromium through Playwright, against the built site on 127.0.0.1.

Every browser test fails on a console error, an uncaught page error, or a request to any
origin other than the test server's.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, expect

from build_scripts.assets import CORE_URL
from build_scripts.pyodide_core import core_python_version

# wait_for_scorer is imported from here by the browser and publish tests.
from tests.browser.assessment_helpers import START_TIMEOUT_MS, wait_for_scorer  # noqa: F401
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.static_server import Fault, ServerOptions, serve

# How long an assertion may wait for the page to reach the state it expects. An upper bound, never
# a pause: a state that comes sooner ends the wait. Python's work in the page (start-up, a decode)
# takes seconds on a loaded 2-core machine, beyond Playwright's default of 5 s.
expect.set_options(timeout=START_TIMEOUT_MS // 2)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium package.",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[tuple[str, ServerOptions]]:
    with serve(built_site) as (base_url, options):
        yield base_url, options


@pytest.fixture
def site_url(site_server: tuple[str, ServerOptions]) -> Iterator[str]:
    base_url, options = site_server
    # Each test starts from the server as it was built: no fault, no record of earlier requests.
    for record in (options.faults, options.requests, options.sent):
        record.clear()
    yield base_url
    options.faults.clear()


@pytest.fixture(scope="session")
def pyodide_python(built_site: Path) -> str:
    """The Python version the published Pyodide core runs, such as "3.14.2"."""
    return core_python_version(built_site / CORE_URL)


@pytest.fixture
def server_options(site_server: tuple[str, ServerOptions]) -> ServerOptions:
    return site_server[1]


@pytest.fixture
def held_python(server_options: ServerOptions) -> Iterator[threading.Event]:
    """Python cannot start until the test sets the event: its WebAssembly file is held back."""
    release = threading.Event()
    server_options.faults["/pyodide.asm.wasm"] = Fault(held=release)
    yield release
    release.set()


class PageWatch:
    """Collects what a reader would never want: console errors and requests to other hosts."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.expected_errors: list[str] = []  # substrings a test has declared as deliberate

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def on_page_error(self, error: Exception) -> None:
        self.console_errors.append(f"uncaught: {error}")

    def on_request(self, request: Request) -> None:
        url = request.url
        if not (url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:"))):
            self.foreign_requests.append(url)

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.console_errors if not any(x in e for x in self.expected_errors)]


@pytest.fixture
def watch(context: BrowserContext, site_url: str) -> Iterator[PageWatch]:
    watch = PageWatch(site_url.rstrip("/"))
    context.on("request", watch.on_request)
    context.on("console", watch.on_console)
    context.on("weberror", lambda web_error: watch.on_page_error(web_error.error))
    yield watch
    assert watch.foreign_requests == [], (
        f"requests left the site's origin: {watch.foreign_requests}"
    )
    assert watch.unexpected_errors() == [], f"console errors: {watch.unexpected_errors()}"


@pytest.fixture
def page(page: Page, watch: PageWatch) -> Page:
    page.set_default_timeout(START_TIMEOUT_MS)
    return page


@pytest.fixture
def instant_navigation(page: Page, site_url: str) -> Page:
    """The page, with Material's instant navigation working as on the published site.

    Material navigates instantly only to pages listed in sitemap.xml, matched by origin. The
    test build names site_url's origin (port 8000), not the test server's random port, so the
    sitemap is served as a host publishing at its own address would serve it.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))

    def rewrite(route: Route) -> None:
        response = route.fetch()
        body = re.sub(r"<loc>https?://[^/<]+", f"<loc>{origin}", response.text())
        route.fulfill(response=response, body=body)

    page.route("**/sitemap.xml", rewrite)
    return page
