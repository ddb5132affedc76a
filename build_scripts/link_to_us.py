"""The "Link to us" fragment: a copyable absolute link and blurb for every article and scenario."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from build_scripts.feed import PageSummary

FRAGMENT = "link-to-us.html"
TEMPLATE = "publish/link-to-us.md.j2"
# Pages listed before the articles: the way in, and the assessment itself.
START_PAGES = ("index.md", "assessment/index.md")
ASSESSMENT_PAGE = "assessment/index.md"


@dataclass(frozen=True)
class LinkItem:
    title: str
    blurb: str
    url: str
    anchor: str


@dataclass(frozen=True)
class LinkGroup:
    title: str
    anchor: str
    items: list[LinkItem]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _item(page: PageSummary) -> LinkItem:
    return LinkItem(page.title, page.description, page.url, "link-" + _slug(page.src_uri[:-3]))


def link_groups(pages: Sequence[PageSummary], scenarios: Iterable[Any]) -> list[LinkGroup]:
    """Start pages, then the articles by navigation section, then one link per scenario."""
    by_source = {page.src_uri: page for page in pages}
    groups = [
        LinkGroup(
            "Start here",
            "links-start-here",
            [_item(by_source[src]) for src in START_PAGES if src in by_source],
        )
    ]
    for page in pages:
        if not page.is_article:
            continue
        if groups[-1].title != page.section:
            groups.append(LinkGroup(page.section, "links-" + _slug(page.section), []))
        groups[-1].items.append(_item(page))
    assessment = by_source[ASSESSMENT_PAGE].url
    groups.append(
        LinkGroup(
            "Pre-filled assessments",
            "links-pre-filled-assessments",
            [
                LinkItem(
                    s.title, s.summary, f"{assessment}#scenario={s.id}", "link-scenario-" + s.id
                )
                for s in scenarios
            ],
        )
    )
    return groups


def render_link_to_us(
    environment: jinja2.Environment, pages: Sequence[PageSummary], scenarios: Iterable[Any]
) -> str:
    """The fragment, rendered with the fragments' environment (autoescaped like every fragment)."""
    return environment.get_template(TEMPLATE).render(groups=link_groups(pages, scenarios))
