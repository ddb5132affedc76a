"""Fixtures for the independent checkers: the built site's pages, served, and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.checks.summary import sections, summary_lines, write_report
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.static_server import serve

# Pyodide's own files are third-party and not pages of ours.
SKIPPED_FOLDERS = {"pyodide"}


def site_pages(site: Path) -> list[Path]:
    """Every HTML page the build wrote, relative to the site root, in a stable order."""
    return sorted(
        path.relative_to(site)
        for path in site.rglob("*.html")
        if not SKIPPED_FOLDERS & set(path.relative_to(site).parts)
    )


def page_url(page: Path) -> str:
    """The URL path a reader uses for a built page: `a/b/index.html` -> `a/b/`, `404.html` stays."""
    text = page.as_posix()
    if text == "index.html":
        return ""
    return text.removesuffix("index.html")


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[Path]:
    found = site_pages(built_site)
    assert len(found) > 1, f"the build wrote no pages to {built_site}"
    return found


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1; yields its base URL (ending in /)."""
    with serve(built_site) as (base_url, _options):
        yield base_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # The same launch settings as tests/browser: pytest-playwright launches one browser per
    # session, so whichever directory asks first must ask for the same one.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`.", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = summary_lines()
    if lines:
        terminalreporter.section("independent checkers")
        for line in lines:
            terminalreporter.write_line(line)
        write_report("checks.txt", lines)
    for title, section in sections().items():
        terminalreporter.section(title, sep="-")
        for line in section:
            terminalreporter.write_line(line)
