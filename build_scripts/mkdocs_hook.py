"""MkDocs hook: builds the Python assets, publishes them, fills generated fragments into pages,
and writes what a publisher needs next to the site (feed, `_headers`, nginx snippet)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NGINX_SNIPPET = PROJECT_ROOT / "build" / "publish" / "nginx.conf"

_state: dict[str, Any] = {}


def _import_project_afresh() -> None:
    # MkDocs restores sys.path after loading a hook, so the project root is added here.
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    # `mkdocs serve` reuses this process: drop cached imports so edits to the package or
    # the build code take effect on the next rebuild.
    for name in list(sys.modules):
        if name.split(".")[0] in {"assessment", "build_scripts"}:
            del sys.modules[name]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _import_project_afresh()
    from build_scripts.assets import build_assets
    from build_scripts.errors import BuildError

    try:
        _state["assets"] = build_assets(PROJECT_ROOT)
        _prepare_social_cards(config)
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config


def _prepare_social_cards(config: MkDocsConfig) -> None:
    # Runs after the plugin's own on_config (hooks come after plugins), so cache_dir is absolute.
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return
    from build_scripts.social_cards import forbid_font_downloads, install_card_fonts

    install_card_fonts(Path(social.config.cache_dir))
    forbid_font_downloads(social)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    from build_scripts.errors import BuildError
    from build_scripts.feed import summarize_nav

    # Read from front matter now, so any page (Link to us) can list the others before they render.
    try:
        _state["pages"] = summarize_nav(nav.pages, config.site_url or "/")
    except BuildError as error:
        raise PluginError(str(error)) from error
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for source, destination in _state["assets"].site_files():
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replaces each `<!-- generated: NAME -->` line with the fragment NAME, for this page."""
    from build_scripts.fragments import _environment, fill_markers
    from build_scripts.link_to_us import FRAGMENT, render_link_to_us

    def link_to_us() -> str:
        from assessment import load_scenarios

        return render_link_to_us(_environment, _state["pages"], load_scenarios().values())

    site_root = get_relative_url(".", page.file.url) + "/"
    try:
        return fill_markers(markdown, _state["assets"], site_root, {FRAGMENT: link_to_us})
    except KeyError as error:
        raise PluginError(f"{page.file.src_uri}: unknown generated fragment {error}") from error


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The assessment page answers `#scenario=<id>` fragments itself, so links to them are valid.
    if page.file.src_uri == "assessment/index.md" and page.present_anchor_ids is not None:
        from build_scripts.fragments import scenario_anchors

        page.present_anchor_ids.update(scenario_anchors())
    html = _link_glossary_terms(html, page, config)
    from build_scripts.inline_styles import align_classes

    html = align_classes(html)  # a strict CSP blocks the style attributes Markdown tables use
    if page.canonical_url:
        from build_scripts.print_links import add_print_hrefs

        html = add_print_hrefs(html, page.canonical_url)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    from build_scripts.theme_fixes import fix_theme_html

    return fix_theme_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not a page; sitemap.xml is left alone.
    if not template_name.endswith(".html"):
        return output_content
    from build_scripts.theme_fixes import fix_theme_html

    return fix_theme_html(output_content)


@event_priority(-50)  # after every plugin has written its files (redirect pages are HTML too)
def on_post_build(config: MkDocsConfig) -> None:
    from build_scripts.feed import FEED_FILE, render_feed
    from build_scripts.headers import write_publish_files

    site_dir = Path(config.site_dir)
    site_url = config.site_url or "/"
    feed = render_feed(_state["pages"], site_url, config.site_name, config.site_description or "")
    (site_dir / FEED_FILE).write_text(feed, encoding="utf-8")
    assets = _state["assets"]
    versioned = [assets.core_url, assets.bundle_url]
    write_publish_files(site_dir, config.site_url, versioned, NGINX_SNIPPET)


def _link_glossary_terms(html: str, page: Page, config: MkDocsConfig) -> str:
    from build_scripts.articles import is_article
    from build_scripts.glossary import GLOSSARY_PAGE, link_first_uses, read_terms

    if not is_article(page.file.src_uri):
        return html
    if "glossary_terms" not in _state:
        _state["glossary_terms"] = read_terms(Path(config.docs_dir))
    glossary_url = get_relative_url(GLOSSARY_PAGE.replace(".md", "/"), page.file.url)
    return link_first_uses(html, _state["glossary_terms"], glossary_url)
