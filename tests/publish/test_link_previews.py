"""A link to any page previews with its own title, description and 1200x630 card, drawn offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load
from PIL import Image

from build_scripts.errors import BuildError
from build_scripts.social_cards import (
    FONT_DIR,
    FONT_FAMILY,
    FONT_FILES,
    forbid_font_downloads,
    install_card_fonts,
)
from tests.conftest import PROJECT_ROOT
from tests.publish.built_pages import content_pages, parse

SITE_URL = "http://127.0.0.1:8000/"  # the default site_url the test build uses (mkdocs.yml)
CARD_SIZE = (1200, 630)
URL_META = ("og:url", "og:image", "twitter:image")


def source_of(url: str) -> Path:
    """The Markdown file a page URL was built from."""
    stem, docs = url.strip("/"), PROJECT_ROOT / "docs"
    for candidate in (docs / f"{stem}.md", docs / stem / "index.md"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no Markdown source for {url}")


def front_matter(url: str) -> dict[str, object]:
    return get_data(source_of(url).read_text(encoding="utf-8"))[1]


def test_every_page_has_its_own_title_description_and_canonical_url(built_site: Path) -> None:
    pages = content_pages(built_site)
    assert len(pages) > 20
    for url, path in pages.items():
        page, meta = parse(path), front_matter(url)
        assert meta.get("description"), f"{url}: no description in the front matter"
        expected_title = "Fair Leverage" if url == "/" else f"{meta['title']} - Fair Leverage"
        assert page.title == expected_title, url
        assert page.meta["description"] == meta["description"], url
        assert page.meta["og:description"] == meta["description"], url
        assert page.meta["twitter:description"] == meta["description"], url
        assert str(meta["title"]) in page.meta["og:title"], url
        canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
        assert canonical == [SITE_URL + url.lstrip("/")], url
        assert page.meta["og:url"] == canonical[0], url
        assert page.meta["twitter:card"] == "summary_large_image", url


def test_every_meta_url_is_absolute_and_on_the_site(built_site: Path) -> None:
    for url, path in content_pages(built_site).items():
        page = parse(path)
        for key in URL_META:
            assert page.meta[key].startswith(SITE_URL), f"{url}: {key} = {page.meta[key]}"


def test_every_page_has_a_1200_by_630_card_in_the_build(built_site: Path) -> None:
    cards = set()
    for url, path in content_pages(built_site).items():
        meta = parse(path).meta
        assert meta["og:image"] == meta["twitter:image"], url
        card = built_site / meta["og:image"].removeprefix(SITE_URL)
        assert card.is_file(), f"{url}: {meta['og:image']} is not in the build"
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", CARD_SIZE), url
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630"), url
        cards.add(card)
    assert len(cards) == len(content_pages(built_site)), "two pages share one card"


def test_pages_link_the_favicon_and_the_feed(built_site: Path) -> None:
    for url, path in content_pages(built_site).items():
        links = parse(path).links
        icons = [link["href"] for link in links if link.get("rel") == "icon"]
        assert len(icons) == 1 and icons[0].endswith("assets/favicon.svg"), url
        assert (path.parent / icons[0]).resolve().is_file(), url
        feeds = [link for link in links if link.get("type") == "application/rss+xml"]
        assert len(feeds) == 1 and (path.parent / feeds[0]["href"]).resolve().is_file(), url


def test_the_card_font_is_the_local_one_never_a_download(built_site: Path) -> None:
    config = yaml_load((PROJECT_ROOT / "mkdocs.yml").read_text())
    social = next(p["social"] for p in config["plugins"] if isinstance(p, dict) and "social" in p)
    assert social["cards_layout_options"]["font_family"] == FONT_FAMILY
    # The plugin downloads a family only when <cache_dir>/fonts/<family>/ is missing; the build
    # put the Debian files there.
    family_dir = PROJECT_ROOT / social["cache_dir"] / "fonts" / FONT_FAMILY
    for style, name in FONT_FILES.items():
        assert (family_dir / f"{style}.ttf").read_bytes() == (FONT_DIR / name).read_bytes()


def test_a_missing_local_font_stops_the_build_naming_the_debian_package(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="fonts-dejavu-core"):
        install_card_fonts(tmp_path / "cache", font_dir=tmp_path / "no-fonts")
    assert not (tmp_path / "cache").exists()


def test_the_plugin_cannot_fetch_a_font_once_the_hook_has_prepared_it() -> None:
    class FakePlugin:
        def _fetch_font_from_google_fonts(self, family: str) -> None:
            raise AssertionError("would have downloaded")

    plugin = FakePlugin()
    forbid_font_downloads(plugin)
    with pytest.raises(BuildError, match="never downloaded"):
        plugin._fetch_font_from_google_fonts("Roboto")
