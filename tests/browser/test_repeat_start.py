"""The next visit starts from the snapshot (docs/assets/js/scorer/snapshot-source.mjs and
docs/assets/js/assessment/next-visit.mjs): once the page is idle a copy is kept in Cache Storage,
from the HTTP cache or a low-priority download; on Save-Data or a metered line the snapshot is
never downloaded, neither to keep nor to start; one copy of
one version, no larger than the build's limit; a damaged copy is forgotten and the archive starts
Python; and "Clear my answers" leaves it alone. Each test waits for what the page writes on
<html data-fl-python-*>.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route

import assessment
from build_scripts.fragments import SNAPSHOT_LIMIT_BYTES, SNAPSHOT_STORE
from build_scripts.startup import SNAPSHOT, folder_name
from tests.browser.assessment_helpers import (
    comparable,
    expected_numbers,
    set_answers,
    shown_numbers,
    stored_answers,
    wait_for_result,
)
from tests.browser.conftest import wait_for_scorer
from tests.support.static_server import Fault, ServerOptions

SNAPSHOT_PATH = f"/{folder_name()}/{SNAPSHOT}"


def slow_line() -> Fault:
    """The first download of the snapshot answers later than the page waits for its first
    bytes, so the page gives it up and starts on the archive; later ones come at once."""
    return Fault(delay_s=3, times=1)


def answers_of(name: str) -> dict[str, str]:
    return dict(assessment.load_scenarios()[name].answers)


def python_start(page: Page) -> dict[str, str | None]:
    """What the page says about how Python started and what it kept."""
    return page.evaluate(
        """() => { const d = document.documentElement.dataset;
                   return {start: d.flPythonStart ?? null, from: d.flPythonFrom ?? null,
                           kept: d.flPythonKept ?? null}; }"""
    )


def open_and_keep(page: Page, url: str) -> dict[str, str | None]:
    """Opens `url`, waits for Python and for the page to say what it kept for the next visit."""
    page.goto(url)
    wait_for_scorer(page)
    page.wait_for_function("() => document.documentElement.dataset.flPythonKept")
    return python_start(page)


def kept_copies(page: Page) -> list[str]:
    """The URLs of the snapshot copies in this browser's Cache Storage."""
    return page.evaluate(
        "async (store) => (await (await caches.open(store)).keys()).map((request) => request.url)",
        SNAPSHOT_STORE,
    )


def keep_copy(page: Page, url: str, body: bytes) -> None:
    """Puts `body` in Cache Storage as the copy kept for `url` (from a page of the site)."""
    page.evaluate(
        """async ([store, url, body]) => {
             const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
             await (await caches.open(store)).put(url, new Response(bytes));
           }""",
        [SNAPSHOT_STORE, url, base64.b64encode(body).decode("ascii")],
    )


def snapshot_file(built_site: Path) -> Path:
    return next((built_site / "assets" / "python").glob(f"*/{folder_name()}/{SNAPSHOT}"))


def snapshot_requests(options: ServerOptions) -> int:
    return sum(path.endswith(SNAPSHOT_PATH) for path in options.requests)


def test_the_second_visit_starts_from_the_copy_the_first_kept(
    page: Page, site_url: str, server_options: ServerOptions, built_site: Path
) -> None:
    first = answers_of("job-offer")
    started = open_and_keep(page, site_url + "assessment/#code=" + assessment.encode(first))
    assert started["kept"] == "stored"
    url = site_url + snapshot_file(built_site).relative_to(built_site).as_posix()
    assert kept_copies(page) == [url]

    server_options.requests.clear()
    second = answers_of("small-business")
    page.goto("about:blank")  # a new visit loads the page afresh (a new fragment alone would not)
    page.goto(site_url + "assessment/#code=" + assessment.encode(second))
    wait_for_scorer(page)
    page.wait_for_function(
        "(expected) => Object.entries(expected).every(([q, o]) =>"
        " document.querySelector(`input[name='${q}'][value='${o}']`)?.checked)",
        arg=second,
    )
    wait_for_result(page)
    assert python_start(page) == {"start": "snapshot", "from": "stored", "kept": "kept"}
    assert comparable(shown_numbers(page)) == expected_numbers(second)
    assert snapshot_requests(server_options) == 0


def test_a_slow_first_visit_downloads_the_snapshot_once_the_page_is_idle(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    server_options.faults[SNAPSHOT_PATH] = slow_line()
    started = open_and_keep(page, site_url + "assessment/")
    assert started == {"start": "archive", "from": None, "kept": "stored"}
    assert snapshot_requests(server_options) == 2  # the download given up, then the one kept

    page.goto(site_url + "assessment/")
    wait_for_scorer(page)
    assert python_start(page)["from"] == "stored"


@pytest.mark.parametrize(
    ("connection", "reason"),
    [
        ({"saveData": True, "effectiveType": "4g"}, "save-data"),
        ({"saveData": False, "effectiveType": "4g", "type": "cellular"}, "metered"),
        ({"saveData": False, "effectiveType": "2g"}, "slow"),
    ],
    ids=["save-data", "metered", "slow"],
)
def test_save_data_or_a_metered_line_stops_every_download_of_the_snapshot(
    page: Page,
    site_url: str,
    server_options: ServerOptions,
    connection: dict[str, object],
    reason: str,
) -> None:
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'connection',"
        f" {{ get: () => ({json.dumps(connection)}), configurable: true }});"
    )
    # On loopback the snapshot would arrive in time: only the page's refusal keeps the start on
    # the archive, and the background download away.
    started = open_and_keep(page, site_url + "assessment/")
    assert started == {"start": "archive", "from": None, "kept": reason}
    assert snapshot_requests(server_options) == 0
    assert kept_copies(page) == []


def test_save_data_still_keeps_a_copy_already_in_the_http_cache(
    page: Page, site_url: str, server_options: ServerOptions, built_site: Path
) -> None:
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'connection',"
        " { get: () => ({saveData: true}), configurable: true });"
    )
    url = site_url + snapshot_file(built_site).relative_to(built_site).as_posix()
    page.goto(site_url + "understand/what-is-leverage/")
    page.evaluate("async (url) => { await (await fetch(url)).arrayBuffer(); }", url)
    started = open_and_keep(page, site_url + "assessment/")
    assert started == {"start": "snapshot", "from": "cache", "kept": "stored"}
    assert snapshot_requests(server_options) == 1  # the download above, and nothing more
    assert kept_copies(page) == [url]


@pytest.mark.parametrize(
    "damage",
    [
        lambda file: gzip.compress(b"no snapshot at all"),
        lambda file: file[: len(file) * 2 // 3],
        lambda file: file[:3000] + bytes(b ^ 0x55 for b in file[3000:3100]) + file[3100:],
    ],
    ids=["not-a-snapshot-file", "cut-short", "corrupted"],
)
def test_a_damaged_copy_is_forgotten_and_the_archive_starts_python(
    page: Page,
    site_url: str,
    server_options: ServerOptions,
    built_site: Path,
    damage: Callable[[bytes], bytes],
) -> None:
    file = snapshot_file(built_site)
    url = site_url + file.relative_to(built_site).as_posix()
    page.goto(site_url + "understand/what-is-leverage/")
    keep_copy(page, url, damage(file.read_bytes()))
    # No fresh copy to be had, so the copy kept is the only way to the snapshot.
    server_options.faults[SNAPSHOT_PATH] = Fault(status=404)
    answers = answers_of("sole-supplier")
    started = open_and_keep(page, site_url + "assessment/#code=" + assessment.encode(answers))
    wait_for_result(page)
    assert started == {"start": "archive", "from": None, "kept": "failed"}
    assert comparable(shown_numbers(page)) == expected_numbers(answers)
    assert kept_copies(page) == []


def test_a_copy_kept_for_another_version_is_never_used_and_is_replaced(
    page: Page, site_url: str, built_site: Path
) -> None:
    file = snapshot_file(built_site)
    url = site_url + file.relative_to(built_site).as_posix()
    older = url.replace(folder_name(), "startup-0.0.0-1")
    page.goto(site_url + "understand/what-is-leverage/")
    keep_copy(page, older, file.read_bytes())
    started = open_and_keep(page, site_url + "assessment/")
    assert started["from"] != "stored"
    assert started["kept"] == "stored"
    assert kept_copies(page) == [url]


def test_a_copy_larger_than_the_limit_is_not_kept(page: Page, site_url: str) -> None:
    def smaller_limit(route: Route) -> None:
        response = route.fetch()
        limit = f'data-snapshot-limit-bytes="{SNAPSHOT_LIMIT_BYTES}"'
        html = response.text()
        assert limit in html
        small = html.replace(limit, 'data-snapshot-limit-bytes="1000"')
        route.fulfill(response=response, body=small)

    page.route("**/assessment/", smaller_limit)
    started = open_and_keep(page, site_url + "assessment/")
    assert started["kept"] == "too-large"
    assert kept_copies(page) == []


def test_clear_my_answers_leaves_the_kept_copy(page: Page, site_url: str) -> None:
    assert open_and_keep(page, site_url + "assessment/")["kept"] == "stored"
    set_answers(page, answers_of("job-offer"))
    copies = kept_copies(page)
    page.get_by_role("button", name="Clear my answers").click()
    page.locator("[data-fl-notice-text]").filter(has_text="cleared").wait_for()
    assert stored_answers(page) is None
    assert kept_copies(page) == copies != []
