"""The site's pages as data from their front matter, and the RSS feed of the articles.

An article is any page in one of the article folders (build_scripts/articles.py). Its feed date
is the `date:` field of its front matter (YYYY-MM-DD, the day it was first published): an editor
sets it once, and it does not depend on git history, which shallow clones and CI checkouts do not
keep.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.utils.meta import get_data

from build_scripts.articles import is_article
from build_scripts.errors import BuildError

FEED_FILE = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class PageSummary:
    """What a link to a page shows: title, one-sentence description, absolute URL."""

    src_uri: str
    title: str
    description: str
    url: str
    section: str  # the navigation section the page is in ("" at the top level)
    date: dt.date | None

    @property
    def is_article(self) -> bool:
        return is_article(self.src_uri)


def absolute_url(site_url: str, page_url: str) -> str:
    """`page_url` (site-relative, as MkDocs writes it: "./", "understand/x/") under `site_url`."""
    return urljoin(site_url.rstrip("/") + "/", page_url.lstrip("/"))


def _date(value: Any, src_uri: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BuildError(f"{src_uri}: date: {value!r} is not a date like 2025-05-01") from None


def summarize(
    src_uri: str, source: str, page_url: str, site_url: str, section: str, nav_title: str | None
) -> PageSummary:
    """Reads one page's front matter (not its rendered content, so any page can ask early)."""
    _, meta = get_data(source)
    title = str(meta.get("title") or nav_title or src_uri)
    description = " ".join(str(meta.get("description") or "").split())
    if not description:
        raise BuildError(
            f"{src_uri}: add a one-sentence `description:` to the front matter (if it is there, "
            "the front matter is not valid YAML: quote a value that contains ': ')"
        )
    summary = PageSummary(
        src_uri=src_uri,
        title=title,
        description=description,
        url=absolute_url(site_url, page_url),
        section=section,
        date=_date(meta.get("date"), src_uri),
    )
    if summary.is_article and summary.date is None:
        raise BuildError(
            f"{src_uri}: articles need `date: YYYY-MM-DD` in the front matter (first published)"
        )
    return summary


def summarize_nav(pages: Iterable[Any], site_url: str) -> list[PageSummary]:
    """Every page of the MkDocs navigation, in navigation order."""
    summaries = []
    for page in pages:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        section = page.parent.title if page.parent is not None else ""
        summaries.append(
            summarize(page.file.src_uri, source, page.file.url, site_url, section, page.title)
        )
    return summaries


def _rfc822(day: dt.date) -> str:
    return email.utils.format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))


def render_feed(
    pages: Sequence[PageSummary], site_url: str, site_name: str, site_description: str
) -> str:
    """RSS 2.0 of the articles, newest first (navigation order within a day)."""
    articles = [page for page in pages if page.is_article]
    ordered = sorted(articles, key=lambda page: page.date or dt.date.min, reverse=True)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = site_name
    ET.SubElement(channel, "link").text = site_url
    ET.SubElement(channel, "description").text = site_description
    ET.SubElement(channel, "language").text = "en"
    ET.SubElement(
        channel,
        f"{{{ATOM}}}link",
        {
            "href": absolute_url(site_url, FEED_FILE),
            "rel": "self",
            "type": "application/rss+xml",
        },
    )
    if ordered and ordered[0].date:
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(ordered[0].date)
    for page in ordered:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = page.title
        ET.SubElement(item, "link").text = page.url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = page.url
        ET.SubElement(item, "description").text = page.description
        if page.date:
            ET.SubElement(item, "pubDate").text = _rfc822(page.date)
        if page.section:
            ET.SubElement(item, "category").text = page.section
    ET.indent(rss)
    return ET.tostring(rss, encoding="unicode", xml_declaration=True) + "\n"
