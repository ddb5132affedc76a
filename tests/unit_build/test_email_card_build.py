"""Email cards' build step: MJML runs once per set of sources, and previews keep no style
attribute (the site's Content-Security-Policy would block it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import email_cards
from build_scripts.email_cards import CardText, build_cards, compile_cached, email_block
from build_scripts.errors import BuildError
from build_scripts.fragments import ENVIRONMENT

SITE = "https://example.org/fair/"
CARD = CardText(
    "link-x",
    "A title & more",
    "One sentence.",
    SITE + "x/",
    SITE + "assets/images/social/x.png",
    "A title (Fair Leverage)",
    "Read the article",
)


def test_previews_move_every_inline_style_into_the_shared_stylesheet(tmp_path: Path) -> None:
    built = build_cards(ENVIRONMENT, [CARD], SITE, tmp_path)
    card = built.cards["link-x"]
    preview = built.files["link-x.card.html"]
    assert card.preview == built.folder + "link-x.card.html"
    assert built.folder.startswith("assets/email/")
    assert ' style="' in card.block and ' style="' not in preview.split("<body>", 1)[1]
    assert 'height="auto"' not in preview
    assert 'href="cards.css"' in preview
    # The preview links into the site relatively, wherever it is served.
    assert SITE not in preview and 'src="../../../assets/images/social/x.png"' in preview
    stylesheet = built.files["cards.css"]
    assert ".fl-e1 {" in stylesheet and "@media" in stylesheet


def test_the_block_is_the_emails_body_with_absolute_links(tmp_path: Path) -> None:
    block = build_cards(ENVIRONMENT, [CARD], SITE, tmp_path).cards["link-x"].block
    assert not block.startswith(("<!doctype", "<html", "<body"))
    assert f'href="{SITE}x/"' in block and "A title &amp; more" in block


def test_mjml_runs_again_only_when_a_card_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = {"link-x": email_cards.render_mjml(ENVIRONMENT, CARD)}
    first = compile_cached(sources, tmp_path)

    def refuse(_: dict[str, str]) -> dict[str, str]:
        raise AssertionError("MJML ran although the cards were cached")

    monkeypatch.setattr(email_cards, "_compile", refuse)
    assert compile_cached(sources, tmp_path) == first
    changed = {"link-x": sources["link-x"].replace("One sentence.", "Another sentence.")}
    with pytest.raises(AssertionError, match="MJML ran"):
        compile_cached(changed, tmp_path)


def test_a_missing_mjml_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(email_cards, "TOOLS", tmp_path)
    with pytest.raises(BuildError, match="run `make tools`"):
        email_cards._compile({"link-x": "<mjml></mjml>"})


def test_output_without_a_body_is_reported() -> None:
    with pytest.raises(BuildError, match="no <body>"):
        email_block("<html></html>")
