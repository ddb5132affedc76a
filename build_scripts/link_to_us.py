"""The "Link to us" fragment: for every article, start page and scenario, a copyable absolute
link and blurb, a QR code and an email card, and the campaign link builder that works on them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from build_scripts.assets import SiteAssets
from build_scripts.email_cards import CardSet, CardText
from build_scripts.feed import PageSummary
from build_scripts.qr_codes import qr_file
from build_scripts.vendor import QR_MODULE, qr_folder

FRAGMENT = "link-to-us.html"
TEMPLATE = "publish/link-to-us.md.j2"
# Pages listed before the articles: the way in, the assessment and its quick check.
START_PAGES = (
    "index.md",
    "assessment/index.md",
    "assessment/quick-check.md",
    "assessment/plan.md",
    "assessment/workshop.md",
)
ASSESSMENT_PAGE = "assessment/index.md"
# Material's social plugin draws each page's preview card at this path (mkdocs.yml `social`);
# tests/publish/test_email_cards.py checks every card's image is its page's og:image.
SOCIAL_CARDS = "assets/images/social/"
SITE_NAME = "Fair Leverage"
# The page module of "Link to us": Copy HTML and the campaign link builder.
ENTRY_MODULE = "assets/js/link-kit/main.mjs"
# What an email card's button says, by the page it leads to; articles and scenarios by kind.
BUTTONS = {
    "index.md": "Visit Fair Leverage",
    "assessment/index.md": "Assess your negotiation",
    "assessment/quick-check.md": "Take the quick check",
    "assessment/plan.md": "Write your plan",
    "assessment/workshop.md": "Summarise a workshop",
}
ARTICLE_BUTTON = "Read the article"
SCENARIO_BUTTON = "See the worked example"


@dataclass(frozen=True)
class CampaignTag:
    name: str
    label: str
    example: str


# The campaign tags the builder offers; the site itself ignores them (privacy page).
CAMPAIGN_TAGS = (
    CampaignTag("utm_source", "Source", "newsletter"),
    CampaignTag("utm_medium", "Medium", "email"),
    CampaignTag("utm_campaign", "Campaign", "spring"),
)


@dataclass(frozen=True)
class LinkItem:
    title: str
    blurb: str
    url: str
    anchor: str
    image: str  # the absolute URL of the preview card the link shows
    image_title: str  # the title drawn on that card, for its alt text
    button: str

    @property
    def qr(self) -> str:
        return qr_file(self.anchor)

    def card_text(self) -> CardText:
        alt = f"{self.image_title} ({SITE_NAME})"
        return CardText(self.anchor, self.title, self.blurb, self.url, self.image, alt, self.button)


@dataclass(frozen=True)
class LinkGroup:
    title: str
    anchor: str
    items: list[LinkItem]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def social_card(site_url: str, src_uri: str) -> str:
    return f"{site_url.rstrip('/')}/{SOCIAL_CARDS}{src_uri.removesuffix('.md')}.png"


def _item(page: PageSummary, site_url: str) -> LinkItem:
    return LinkItem(
        page.title,
        page.description,
        page.url,
        "link-" + _slug(page.src_uri[:-3]),
        social_card(site_url, page.src_uri),
        page.title,
        BUTTONS.get(page.src_uri, ARTICLE_BUTTON),
    )


def link_groups(
    pages: Sequence[PageSummary], scenarios: Iterable[Any], site_url: str
) -> list[LinkGroup]:
    """Start pages, then the articles by navigation section, then one link per scenario."""
    by_source = {page.src_uri: page for page in pages}
    groups = [
        LinkGroup(
            "Start here",
            "links-start-here",
            [_item(by_source[src], site_url) for src in START_PAGES if src in by_source],
        )
    ]
    for page in pages:
        if not page.is_article:
            continue
        if groups[-1].title != page.section:
            groups.append(LinkGroup(page.section, "links-" + _slug(page.section), []))
        groups[-1].items.append(_item(page, site_url))
    assessment = by_source[ASSESSMENT_PAGE]
    groups.append(
        LinkGroup(
            "Pre-filled assessments",
            "links-pre-filled-assessments",
            [
                LinkItem(
                    s.title,
                    s.summary,
                    f"{assessment.url}#scenario={s.id}",
                    "link-scenario-" + s.id,
                    social_card(site_url, ASSESSMENT_PAGE),
                    assessment.title,
                    SCENARIO_BUTTON,
                )
                for s in scenarios
            ],
        )
    )
    return groups


def all_items(groups: Iterable[LinkGroup]) -> list[LinkItem]:
    return [item for group in groups for item in group.items]


def render_link_to_us(
    environment: jinja2.Environment,
    groups: Sequence[LinkGroup],
    cards: CardSet,
    assets: SiteAssets,
    site_root: str,
) -> str:
    """The fragment, rendered with the fragments' environment (autoescaped like every fragment)."""
    return environment.get_template(TEMPLATE).render(
        groups=groups,
        cards=cards.cards,
        site_root=site_root,
        entry_module=assets.js(ENTRY_MODULE),
        campaign_tags=CAMPAIGN_TAGS,
        qr_module=qr_folder() + QR_MODULE,
    )
