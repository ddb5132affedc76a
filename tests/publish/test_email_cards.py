"""Email cards on "Link to us": valid MJML, absolute URLs on the site only, nothing that runs,
tracks or fetches a font, and no overflow at 600 px or on a 360 px phone."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from build_scripts.email_cards import CardText, _compile, email_block, render_mjml
from build_scripts.errors import BuildError
from build_scripts.fragments import ENVIRONMENT
from tests.publish.built_pages import content_pages, parse
from tests.publish.test_link_previews import SITE_URL

CARD = re.compile(
    r'<textarea id="card-(?P<id>[^"]+)"[^>]*data-fl-card-url="(?P<url>[^"]+)">'
    r"(?P<block>.*?)</textarea>",
    re.S,
)
# Fonts every mail client has; a card names no other (no web font is ever fetched).
SYSTEM_FONTS = {"helvetica", "arial", "sans-serif"}
URL_ATTRIBUTES = {"href", "src", "srcset", "background", "action", "poster"}


class CardParser(HTMLParser):
    """What a card asks a mail client to load, link or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.tags: list[str] = []
        self.images: list[dict[str, str]] = []
        self.styles: list[str] = []
        self.link_texts: list[str] = []
        self._in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        self.urls += [
            (tag, name, value) for name, value in values.items() if name in URL_ATTRIBUTES
        ]
        if tag == "img":
            self.images.append(values)
        if "style" in values:
            self.styles.append(values["style"])
        if tag == "a":
            self._in_link = True
            self.link_texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self.link_texts[-1] += data

    def handle_comment(self, data: str) -> None:
        # Outlook's conditional comments hold markup too: read it the same way.
        if data.startswith("[if"):
            inner = CardParser()
            inner.feed(data.split(">", 1)[1].rsplit("<![endif]", 1)[0])
            self.urls += inner.urls
            self.tags += inner.tags
            self.images += inner.images
            self.styles += inner.styles


def cards(site: Path) -> dict[str, tuple[str, str]]:
    """Every card on "Link to us": id -> (the entry's URL, the card's HTML as copied)."""
    text = (site / "link-to-us" / "index.html").read_text(encoding="utf-8")
    return {
        m["id"]: (html.unescape(m["url"]), html.unescape(m["block"])) for m in CARD.finditer(text)
    }


def read(block: str) -> CardParser:
    parser = CardParser()
    parser.feed(block)
    return parser


def og_image(site: Path, url: str) -> str:
    page = content_pages(site)["/" + url.removeprefix(SITE_URL).split("#")[0]]
    return parse(page).meta["og:image"]


def test_every_entry_on_link_to_us_has_an_email_card(built_site: Path) -> None:
    text = (built_site / "link-to-us" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<div class="fl-link-item" data-fl-link="([^"]+)">', text)
    found = cards(built_site)
    assert len(found) == len(entries) > 40
    assert sorted(url for url, _ in found.values()) == sorted(map(html.unescape, entries))


def card_texts(site: Path) -> list[CardText]:
    """What each card on "Link to us" says, read back from the page, to build it again."""
    text = (site / "link-to-us" / "index.html").read_text(encoding="utf-8")
    blurbs = re.findall(r'<pre class="fl-link-item__blurb"><code>([^<]*)</code></pre>', text)
    found = []
    for (card_id, (url, block)), blurb in zip(cards(site).items(), blurbs, strict=True):
        title, description, _ = html.unescape(blurb).split("\n")
        parsed = read(block)
        image = parsed.images[0]
        button = parsed.link_texts[-1].strip()
        found.append(CardText(card_id, title, description, url, image["src"], image["alt"], button))
    return found


def test_every_card_passes_mjmls_strict_validation(built_site: Path) -> None:
    texts = card_texts(built_site)
    sources = {card.id: render_mjml(ENVIRONMENT, card) for card in texts}
    built = _compile(sources)  # raises BuildError, naming the card, on any validation error
    assert set(built) == set(sources)
    # The same sources give the same cards as the page shows: nothing was changed after MJML.
    for card_id, (_, block) in cards(built_site).items():
        assert email_block(built[card_id]) == block


def test_a_card_mjml_rejects_is_reported_by_name() -> None:
    broken = (
        '<mjml><mj-body><mj-section><mj-image src="x" colour="red" /></mj-section></mj-body></mjml>'
    )
    with pytest.raises(BuildError, match=r"email card 'link-broken' is not valid MJML: .*mj-"):
        _compile({"link-broken": broken})


def test_every_url_in_a_card_is_absolute_and_on_the_site(built_site: Path) -> None:
    for card_id, (url, block) in cards(built_site).items():
        found = read(block)
        assert found.urls, card_id
        for tag, attribute, value in found.urls:
            assert value.startswith(SITE_URL), (card_id, tag, attribute, value)
        links = {value for tag, attribute, value in found.urls if attribute == "href"}
        assert links == {url}, card_id
        assert "url(" not in " ".join(found.styles), card_id


def test_the_picture_is_the_pages_own_preview_card_with_alt_text(built_site: Path) -> None:
    for card_id, (url, block) in cards(built_site).items():
        images = read(block).images
        assert [image["src"] for image in images] == [og_image(built_site, url)], card_id
        assert images[0]["alt"].endswith("(Fair Leverage)"), card_id


def test_no_card_runs_script_tracks_the_reader_or_fetches_a_font(built_site: Path) -> None:
    for card_id, (_, block) in cards(built_site).items():
        found = read(block)
        forbidden = {"script", "iframe", "object", "embed", "form", "link", "style", "meta"}
        assert forbidden.isdisjoint(found.tags), card_id
        assert not re.search(r"\son\w+\s*=", block), card_id  # no event handler attributes
        assert "@import" not in block and "@font-face" not in block, card_id
        for image in found.images:  # one picture, the full width of the card: no pixel
            assert int(image["width"]) >= 300, card_id
        for style in found.styles:
            for family in re.findall(r"font-family:([^;]+)", style):
                assert {f.strip().strip("'\"").lower() for f in family.split(",")} <= SYSTEM_FONTS


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const cut = [...document.body.querySelectorAll('*')].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
  }).map((node) => node.outerHTML.slice(0, 80));
  const img = document.querySelector('img');
  return {scroll: document.scrollingElement.scrollWidth, width, cut,
          image: img.complete && img.naturalWidth > 0 ? img.getBoundingClientRect().width : 0};
}"""


@pytest.mark.parametrize("width", [600, 360])
def test_cards_fit_a_600_px_email_and_a_360_px_phone(
    page: Page, site_url: str, built_site: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for card_id, (_, block) in cards(built_site).items():
        # The card as a mail client shows it, with its pictures served by the test server.
        document = f"<!doctype html><html><body style='margin:0'>{block}</body></html>"
        page.set_content(document.replace(SITE_URL, site_url), wait_until="load")
        measured = page.evaluate(OVERFLOW)
        assert measured["scroll"] <= measured["width"], (card_id, measured)
        assert measured["cut"] == [], card_id
        assert measured["image"] >= width - 2, card_id  # the picture loaded and fills the card
        shot = page.screenshot(full_page=True)
        assert int.from_bytes(shot[16:20], "big") == width, card_id  # PNG width: no overflow


def test_link_to_us_previews_a_card_and_copies_its_html(
    page: Page, context: BrowserContext, site_url: str, built_site: Path
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "link-to-us/")
    kit = page.locator("details[data-fl-kit='link-understand-what-is-leverage']")
    kit.locator("summary").click()
    preview = kit.frame_locator("iframe.fl-card-preview")
    # The preview is the card, styled under the site's strict policy, picture included.
    expect(preview.locator("img")).to_have_js_property("complete", True)
    assert preview.locator("img").evaluate("(img) => img.naturalWidth") > 0
    title = preview.locator("a", has_text="What leverage is")
    expect(title).to_have_css("color", "rgb(26, 35, 126)")
    kit.get_by_role("button", name="Copy HTML").click()
    expect(kit.locator("[data-fl-copy-status]")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == cards(built_site)["link-understand-what-is-leverage"][1]
