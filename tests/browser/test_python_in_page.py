"""The assessment page runs the real package in Pyodide, in a worker; other pages load no Python
and none of the assessment's code."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

import pytest
from playwright.sync_api import Page, expect

from assessment import browser
from build_scripts.assets import IN_PAGE_LINKS_SCRIPT, published_js
from build_scripts.fragments import ENTRY_MODULE, WORKER_MODULE, page_modules
from tests.browser.conftest import wait_for_scorer

# Every page module and the worker's modules are published below this folder.
OUR_SCRIPTS = f"/{PurePosixPath(ENTRY_MODULE).parent.parent}/"
# The assessment's own code: the page modules' folder and the worker's, as published.
ASSESSMENT_CODE = tuple(
    f"/{PurePosixPath(published_js(module)).parent}/" for module in (ENTRY_MODULE, WORKER_MODULE)
)
# The one script of ours every page runs: it keeps in-page links out of instant navigation.
SITE_WIDE = f"/{published_js(IN_PAGE_LINKS_SCRIPT)}"


def test_the_assessment_page_runs_the_package_in_python_in_a_worker(
    page: Page, site_url: str, pyodide_python: str
) -> None:
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    expected = json.loads(browser.handle(json.dumps({"op": "version"})))
    # The status line speaks to the reader; the versions wait in a details element.
    expect(page.locator("[data-fl-status]")).to_have_text(
        "Scored privately on this device: your answers never leave it."
    )
    versions = page.locator("details", has=page.locator("[data-fl-python-version]"))
    expect(versions).not_to_have_attribute("open", "")
    versions.locator("summary").click()
    expect(page.locator("[data-fl-python-version]")).to_have_text(
        f"Python {pyodide_python}, assessment {expected['package']}, "
        f"questions version {expected['bank']}"
    )
    assert page.evaluate("typeof globalThis.loadPyodide") == "undefined"
    assert any(worker.url.endswith(published_js(WORKER_MODULE)) for worker in page.workers)


def _requests_of(page: Page, url: str) -> list[str]:
    """Every request the page makes until the network is idle, as the browser lists them."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requested


@pytest.mark.parametrize("path", ["", "understand/what-is-leverage/", "reference/glossary/"])
def test_other_pages_ask_for_no_assessment_code_and_no_python(
    page: Page, site_url: str, path: str
) -> None:
    requested = _requests_of(page, site_url + path)
    assert any(url.endswith(".css") for url in requested)  # the listing sees the page's files
    assert [url for url in requested if any(folder in url for folder in ASSESSMENT_CODE)] == []
    assert [url for url in requested if OUR_SCRIPTS in url] == [site_url.rstrip("/") + SITE_WIDE]
    assert [url for url in requested if "pyodide" in url or "/python/" in url] == []


def test_the_assessment_page_asks_for_its_entry_module_the_modules_beside_it_and_the_worker(
    page: Page, site_url: str
) -> None:
    requested = _requests_of(page, site_url + "assessment/")
    ours = {url.removeprefix(site_url) for url in requested if OUR_SCRIPTS in url}
    assert len(page_modules()) > 5  # one module per job
    assert {published_js(m) for m in (ENTRY_MODULE, *page_modules(), WORKER_MODULE)} <= ours
