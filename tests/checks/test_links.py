"""Every link on the served site resolves: pages, anchors, images, CSS, the sitemap and the feed.

Links to other hosts are listed in build/reports/external-links.txt and never fetched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessment import load_scenarios
from assessment.plan_files import example_ids
from tests.checks.conftest import page_url
from tests.checks.linkcheck import LinkChecker, Report
from tests.checks.summary import record, record_section, write_report
from tests.support.static_server import serve

ASSESSMENT_PAGE = "assessment/"
SCENARIO = "scenario="
PLAN_PAGE = "assessment/plan/"
EXAMPLE = "example="
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def scenario_fragment_ok(page: str, fragment: str) -> bool:
    """The assessment page's script answers `#scenario=<id>`: valid when the id is a scenario;
    the plan page's answers `#example=<id>`: valid when the id is a worked example's plan."""
    if page == PLAN_PAGE:
        return fragment.startswith(EXAMPLE) and fragment.removeprefix(EXAMPLE) in example_ids()
    return (
        page == ASSESSMENT_PAGE
        and fragment.startswith(SCENARIO)
        and fragment.removeprefix(SCENARIO) in load_scenarios()
    )


def published_address(site: Path) -> str | None:
    """The site_url the build wrote into absolute links: the home page's canonical address."""
    found = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    return found.group(1) if found else None


def check_site(site: Path, base_url: str, start_paths: list[str]) -> Report:
    # Every XML file at the root (sitemap, feed) is read too, linked from a page or not.
    feeds = sorted(path.name for path in site.glob("*.xml"))
    checker = LinkChecker(base_url, published_address(site), scenario_fragment_ok)
    return checker.crawl([*start_paths, *feeds])


@pytest.fixture(scope="module")
def link_report(built_site: Path, pages: list[Path], served_site: str) -> Report:
    # Every built page is a starting point, so a page nothing links to is checked as well.
    return check_site(built_site, served_site, [page_url(page) for page in pages])


def test_no_link_anchor_image_or_feed_entry_is_broken(
    link_report: Report, pages: list[Path], served_site: str
) -> None:
    record(
        "Links",
        f"{len(link_report.pages)} pages, {link_report.links} links ({link_report.anchors} to "
        f"anchors), {len(link_report.fetched)} URLs fetched, {len(link_report.broken)} broken; "
        f"{len(link_report.external)} external URLs listed, not fetched",
    )
    assert {served_site + page_url(page) for page in pages} <= set(link_report.pages)
    if link_report.broken:
        listing = "\n".join(f"  {line}" for line in link_report.broken)
        pytest.fail(f"{len(link_report.broken)} broken links:\n{listing}", pytrace=False)


def test_sitemap_is_read_when_it_exists(
    link_report: Report, built_site: Path, served_site: str
) -> None:
    for name in ("sitemap.xml", *(path.name for path in built_site.glob("*.xml"))):
        if (built_site / name).is_file():
            assert served_site + name in link_report.fetched, name


def test_external_links_are_listed_and_never_fetched(link_report: Report, served_site: str) -> None:
    assert [url for url in link_report.fetched if not url.startswith(served_site)] == []
    lines = [
        f"{url}  ({', '.join(pages) if len(pages) <= 3 else f'{len(pages)} pages'})"
        for url, pages in sorted(link_report.external.items())
    ]
    report = write_report("external-links.txt", lines)
    record_section(
        f"external links, not fetched ({report.parent.parent.name}/reports/{report.name})", lines
    )


def test_the_checker_reports_dead_links_missing_anchors_and_images(tmp_path: Path) -> None:
    # A small site broken on purpose, so a checker that quietly checks nothing cannot pass.
    known_scenario = next(iter(load_scenarios()))
    files = {
        "index.html": f"""<!DOCTYPE html><html><head>
            <link rel="canonical" href="https://published.example/">
            <link rel="stylesheet" href="style.css"></head><body>
            <a href="good/">fine</a> <a href="good/#here">fine anchor</a>
            <a href="good/#missing">missing anchor</a> <a href="gone/">dead link</a>
            <img src="missing.png" alt="missing image">
            <a href="assessment/#scenario={known_scenario}">known scenario</a>
            <a href="assessment/#scenario=no-such-scenario">unknown scenario</a>
            <a href="assessment/plan/#example={example_ids()[0]}">known example plan</a>
            <a href="assessment/plan/#example=no-such-plan">unknown example plan</a>
            <a href="https://published.example/good/">published address</a>
            <a href="https://published.example/lost/">published, dead</a>
            <a href="https://example.org/elsewhere">external</a>
            <a href="mailto:someone@example.org">mail</a>
            </body></html>""",
        "good/index.html": '<!DOCTYPE html><html><body><h2 id="here">Here</h2></body></html>',
        "assessment/index.html": '<!DOCTYPE html><html><body><div id="fl-assessment"></div>',
        "assessment/plan/index.html": '<!DOCTYPE html><html><body><div id="fl-plan"></div>',
        "style.css": "body { background: url('missing-bg.png'); }",
        "sitemap.xml": """<?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://published.example/good/</loc></url>
            <url><loc>https://published.example/removed/</loc></url></urlset>""",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")

    with serve(tmp_path) as (base_url, _options):
        report = check_site(tmp_path, base_url, [""])

    broken = "\n".join(report.broken)
    for expected in (
        "'good/#missing': no element with id 'missing' on good/",
        "'gone/': 404",
        "<img src> 'missing.png': 404",
        "'assessment/#scenario=no-such-scenario': no element with id",
        "'assessment/plan/#example=no-such-plan': no element with id",
        "'https://published.example/lost/': 404",
        "'https://published.example/removed/': 404",
        "css url() 'missing-bg.png': 404",
    ):
        assert expected in broken, f"{expected!r} not reported in:\n{broken}"
    assert len(report.broken) == 8, broken
    assert list(report.external) == ["https://example.org/elsewhere"]
    assert all(url.startswith(base_url) for url in report.fetched)
