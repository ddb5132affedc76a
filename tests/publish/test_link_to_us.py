"""The "Link to us" page offers an absolute link and a blurb for every article and scenario."""

from __future__ import annotations

import html
import re
from pathlib import Path

import assessment
from build_scripts.link_to_us import START_PAGES
from tests.publish.test_feed_and_sitemap import articles_in_docs
from tests.publish.test_link_previews import SITE_URL, front_matter

ITEM = re.compile(
    r'<div class="fl-link-item" data-fl-link="(?P<url>[^"]+)">.*?'
    r'<pre class="fl-link-item__url"><code>(?P<copy>[^<]*)</code></pre>\s*'
    r'<pre class="fl-link-item__blurb"><code>(?P<blurb>[^<]*)</code></pre>',
    re.S,
)


def link_items(site: Path) -> dict[str, tuple[str, str]]:
    text = (site / "link-to-us" / "index.html").read_text(encoding="utf-8")
    return {
        html.unescape(m["url"]): (html.unescape(m["copy"]), html.unescape(m["blurb"]))
        for m in ITEM.finditer(text)
    }


def _start_urls() -> list[str]:
    """The site paths of the start pages Link to us lists first."""
    return [
        "/"
        + src.removesuffix(".md").removesuffix("index")
        + ("" if src.endswith("index.md") else "/")
        for src in START_PAGES
    ]


def test_every_start_page_and_article_has_an_absolute_link_and_its_own_blurb(
    built_site: Path,
) -> None:
    items = link_items(built_site)
    assert "/assessment/plan/" in _start_urls()
    for url in [*_start_urls(), *articles_in_docs()]:
        absolute = SITE_URL + url.lstrip("/")
        assert absolute in items, url
        copy, blurb = items[absolute]
        meta = front_matter(url)
        assert copy == absolute
        assert blurb == f"{meta['title']}\n{meta['description']}\n{absolute}"


def test_every_scenario_has_a_pre_filled_assessment_link(built_site: Path) -> None:
    items = link_items(built_site)
    scenarios = assessment.load_scenarios()
    assert len(scenarios) >= 3
    for scenario in scenarios.values():
        absolute = f"{SITE_URL}assessment/#scenario={scenario.id}"
        assert items[absolute] == (absolute, f"{scenario.title}\n{scenario.summary}\n{absolute}")


def test_the_page_lists_nothing_else_and_is_in_the_navigation(built_site: Path) -> None:
    expected = len(START_PAGES) + len(articles_in_docs()) + len(assessment.load_scenarios())
    assert len(link_items(built_site)) == expected
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav_link = r'<a href="link-to-us/" class="md-nav__link">\s*<span[^>]*>\s*Link to us'
    assert re.search(nav_link, home)
