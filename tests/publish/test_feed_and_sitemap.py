"""The RSS feed lists every article with its title, description and date, and reads as valid RSS
in feedparser; the sitemap lists every page."""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from build_scripts.articles import ARTICLE_FOLDERS
from build_scripts.errors import BuildError
from build_scripts.feed import PageSummary, render_feed, summarize
from tests.publish.built_pages import content_pages
from tests.publish.test_link_previews import SITE_URL, front_matter

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def articles_in_docs() -> list[str]:
    """Site URLs of every article, from the docs folder itself."""
    from tests.conftest import PROJECT_ROOT

    docs = PROJECT_ROOT / "docs"
    return sorted(
        "/" + path.relative_to(docs).as_posix().removesuffix(".md") + "/"
        for folder in ARTICLE_FOLDERS
        for path in (docs / folder).glob("*.md")
    )


def test_feed_lists_every_article_with_title_description_and_date(built_site: Path) -> None:
    channel = ET.parse(built_site / "feed.xml").getroot().find("channel")
    assert channel is not None
    items = {item.findtext("link"): item for item in channel.findall("item")}
    expected = articles_in_docs()
    assert len(expected) >= 20
    assert sorted(link.removeprefix(SITE_URL[:-1]) for link in items) == expected
    for url in expected:
        item, meta = items[SITE_URL[:-1] + url], front_matter(url)
        assert item.findtext("title") == meta["title"], url
        assert item.findtext("description") == meta["description"], url
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
        assert published.date() == meta["date"], url
        assert item.findtext("guid") == item.findtext("link")


def test_feed_describes_the_site_and_points_at_itself(built_site: Path) -> None:
    channel = ET.parse(built_site / "feed.xml").getroot().find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Fair Leverage"
    assert channel.findtext("link") == SITE_URL
    this = channel.find("{http://www.w3.org/2005/Atom}link")
    assert this is not None and this.get("href") == SITE_URL + "feed.xml"


def test_feed_reads_as_valid_rss_2_in_feedparser(built_site: Path) -> None:
    # feedparser reads leniently, as feed readers do, and sets `bozo` when it had to repair
    # or guess; parsing the bytes (not a path or URL) keeps it from fetching anything.
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert (parsed.feed.title, parsed.feed.link) == ("Fair Leverage", SITE_URL)
    expected = articles_in_docs()
    assert sorted(entry.link.removeprefix(SITE_URL[:-1]) for entry in parsed.entries) == expected
    for entry in parsed.entries:
        assert entry.title and entry.summary, entry.link
        assert entry.id == entry.link
        assert entry.published_parsed is not None, entry.link


def test_feedparser_flags_a_feed_that_is_not_well_formed() -> None:
    # An unescaped & is not XML: feedparser must say so, or the check above proves nothing.
    broken = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>A & B</title>
        <link>https://example.org/</link><description>About.</description></channel></rss>"""
    assert feedparser.parse(broken).bozo


def test_feed_puts_the_newest_article_first() -> None:
    def page(name: str, day: str) -> PageSummary:
        url, day_ = f"{SITE_URL}understand/{name}/", dt.date.fromisoformat(day)
        return PageSummary(f"understand/{name}.md", name, f"About {name}.", url, "Understand", day_)

    pages = [page("old", "2025-01-01"), page("new", "2026-03-01"), page("mid", "2025-06-30")]
    channel = ET.fromstring(render_feed(pages, SITE_URL, "Site", "About")).find("channel")
    assert channel is not None
    assert [item.findtext("title") for item in channel.findall("item")] == ["new", "mid", "old"]
    assert channel.findtext("lastBuildDate") == "Sun, 01 Mar 2026 00:00:00 +0000"


def test_feed_leaves_out_pages_that_are_not_articles() -> None:
    home = PageSummary("index.md", "Home", "Welcome.", SITE_URL, "", None)
    channel = ET.fromstring(render_feed([home], SITE_URL, "Site", "About")).find("channel")
    assert channel is not None and channel.findall("item") == []


def test_an_article_without_a_date_stops_the_build_naming_the_field() -> None:
    source = "---\ntitle: A page\ndescription: One sentence.\n---\n# A page\n"
    with pytest.raises(BuildError, match=r"fair/new\.md: articles need `date: YYYY-MM-DD`"):
        summarize("fair/new.md", source, "fair/new/", SITE_URL, "Use it fairly", None)


def test_front_matter_that_is_not_yaml_is_reported_not_silently_dropped() -> None:
    source = "---\ntitle: Worksheet\ndescription: On paper: every question\n---\n"
    with pytest.raises(BuildError, match="not valid YAML"):
        summarize("assessment/worksheet.md", source, "assessment/worksheet/", SITE_URL, "", None)


def test_sitemap_lists_every_page_by_its_absolute_url(built_site: Path) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = [node.text or "" for node in root.iter(f"{SITEMAP}loc")]
    assert all(url.startswith(SITE_URL) for url in listed), listed
    pages = sorted(SITE_URL[:-1] + url for url in content_pages(built_site))
    assert sorted(listed) == pages
