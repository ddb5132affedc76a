"""Published links never break: every URL in tests/published-urls.txt still lands somewhere real."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs_redirects.plugin import write_html

import assessment
from assessment.plan_files import example_ids
from tests.conftest import PROJECT_ROOT
from tests.publish.built_pages import content_pages, parse, resolve

PUBLISHED = PROJECT_ROOT / "tests" / "published-urls.txt"
ASSESSMENT_ROOT = "fl-assessment"  # the page answers #scenario=<id> itself, from the package
PLAN_ROOT = "fl-plan"  # the plan page answers #example=<id> itself, from the package


def published_urls() -> list[str]:
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def broken_links(
    site: Path, urls: Iterable[str], scenario_ids: Iterable[str], plan_ids: Iterable[str] = ()
) -> list[str]:
    """Each URL whose page is gone (with no redirect) or whose anchor is no longer on it."""
    problems = []
    scenarios = {f"scenario={scenario_id}" for scenario_id in scenario_ids}
    examples = {f"example={plan_id}" for plan_id in plan_ids}
    for url in urls:
        path, _, anchor = url.partition("#")
        landing = resolve(site, path)
        if landing is None:
            problems.append(f"{url}: the page is gone and no redirect replaces it")
            continue
        ids = parse(landing).ids
        if ASSESSMENT_ROOT in ids:
            ids |= scenarios
        if PLAN_ROOT in ids:
            ids |= examples
        if anchor and anchor not in ids:
            problems.append(f"{url}: the page has no #{anchor} any more")
    return problems


def test_every_published_url_still_works(built_site: Path) -> None:
    urls = published_urls()
    assert len(urls) > 100
    assert broken_links(built_site, urls, assessment.load_scenarios(), example_ids()) == []


def test_every_page_of_the_site_is_in_the_published_list(built_site: Path) -> None:
    listed = {url.partition("#")[0] for url in published_urls()}
    unlisted = sorted(set(content_pages(built_site)) - listed)
    assert unlisted == [], f"add the new pages to {PUBLISHED.name}: {unlisted}"


def _site(root: Path, pages: dict[str, str]) -> Path:
    for relative, body in pages.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return root


def test_a_moved_page_fails_the_check_until_it_is_redirected(tmp_path: Path) -> None:
    site = _site(tmp_path, {"new/place/index.html": '<h2 id="details">Details</h2>'})
    urls = ["/old/place/", "/old/place/#details"]
    assert broken_links(site, urls, []) == [
        "/old/place/: the page is gone and no redirect replaces it",
        "/old/place/#details: the page is gone and no redirect replaces it",
    ]
    # What mkdocs-redirects writes for `old/place.md: new/place.md` in mkdocs.yml:
    write_html(str(site), "old/place/index.html", "../../new/place/")
    assert broken_links(site, urls, []) == []


def test_a_removed_anchor_fails_the_check(tmp_path: Path) -> None:
    site = _site(tmp_path, {"guide/index.html": '<h2 id="renamed">Renamed</h2>'})
    assert broken_links(site, ["/guide/#original"], []) == [
        "/guide/#original: the page has no #original any more"
    ]


def test_scenario_links_are_valid_only_for_packaged_scenarios(tmp_path: Path) -> None:
    site = _site(tmp_path, {"assessment/index.html": f'<div id="{ASSESSMENT_ROOT}"></div>'})
    urls = ["/assessment/#scenario=job-offer", "/assessment/#scenario=retired"]
    assert broken_links(site, urls, ["job-offer"]) == [
        "/assessment/#scenario=retired: the page has no #scenario=retired any more"
    ]


def test_example_plan_links_are_valid_only_for_shipped_plans(tmp_path: Path) -> None:
    site = _site(tmp_path, {"assessment/plan/index.html": f'<div id="{PLAN_ROOT}"></div>'})
    urls = ["/assessment/plan/#example=job-offer", "/assessment/plan/#example=retired"]
    assert broken_links(site, urls, [], ["job-offer"]) == [
        "/assessment/plan/#example=retired: the page has no #example=retired any more"
    ]
