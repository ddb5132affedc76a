"""The assessment page runs the real package in Pyodide, in a worker; other pages load no Python."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from assessment import browser
from tests.browser.conftest import wait_for_scorer
from tests.support.static_server import ServerOptions


def test_the_assessment_page_runs_the_package_in_python_in_a_worker(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    expected = json.loads(browser.handle(json.dumps({"op": "version"})))
    shown = page.locator("[data-fl-python-version]").inner_text()
    assert f"assessment {expected['package']}" in shown
    assert shown.startswith("Python 3.14")
    assert page.evaluate("typeof globalThis.loadPyodide") == "undefined"
    assert any("scorer-worker" in worker.url for worker in page.workers)


def test_article_pages_do_not_load_python(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    server_options.requests.clear()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [path for path in server_options.requests if "pyodide" in path or "python" in path]
