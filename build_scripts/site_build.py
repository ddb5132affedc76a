"""What one MkDocs build does at each event: build the Python assets and publish them, fill the
generated fragments into pages, link glossary terms, and write what a publisher needs next to
the site (feed, `_headers`, nginx snippet). `SiteBuild` holds what early events learn and later
ones need; build_scripts/mkdocs_hook.py makes one per build and hands it every event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessment import load_scenarios
from build_scripts.articles import is_article
from build_scripts.assets import PROJECT_ROOT, SiteAssets, build_assets
from build_scripts.errors import BuildError
from build_scripts.example_plans import render_example
from build_scripts.feed import FEED_FILE, PageSummary, render_feed, summarize_nav
from build_scripts.fragments import (
    ENVIRONMENT,
    example_plan_anchors,
    fill_markers,
    scenario_anchors,
)
from build_scripts.glossary import GLOSSARY_PAGE, Term, link_first_uses, read_terms
from build_scripts.headers import write_publish_files
from build_scripts.inline_styles import align_classes
from build_scripts.link_to_us import FRAGMENT, render_link_to_us
from build_scripts.print_links import add_print_hrefs
from build_scripts.social_cards import forbid_font_downloads, install_card_fonts
from build_scripts.theme_fixes import fix_theme_html

NGINX_SNIPPET = PROJECT_ROOT / "build" / "publish" / "nginx.conf"
ASSESSMENT_PAGE = "assessment/index.md"
PLAN_PAGE = "assessment/plan.md"


@dataclass
class SiteBuild:
    """One build's state, from `on_config` to `on_post_build`."""

    assets: SiteAssets
    # Every page's front matter, read in on_nav so any page (Link to us) can list the others.
    pages: list[PageSummary] = field(default_factory=list)
    glossary_terms: list[Term] | None = None  # read from the glossary page when first needed

    @classmethod
    def start(cls, config: MkDocsConfig) -> SiteBuild:
        """Builds the Python assets (only what changed) and prepares the preview cards."""
        try:
            build = cls(assets=build_assets(PROJECT_ROOT))
            _prepare_social_cards(config)
        except BuildError as error:
            raise PluginError(str(error)) from error
        return build

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> Navigation:
        try:
            self.pages = summarize_nav(nav.pages, config.site_url or "/")
        except BuildError as error:
            raise PluginError(str(error)) from error
        return nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for source, destination in self.assets.site_files():
            files.append(File.generated(config, destination, abs_src_path=str(source)))
        return files

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """Fills a worked example's numbers from its plan, then replaces each
        `<!-- generated: NAME -->` marker with the fragment NAME, for this page."""

        def link_to_us() -> str:
            return render_link_to_us(ENVIRONMENT, self.pages, load_scenarios().values())

        try:
            markdown = render_example(markdown, page.meta, page.file.src_uri, PROJECT_ROOT)
        except BuildError as error:
            raise PluginError(str(error)) from error
        site_root = get_relative_url(".", page.file.url) + "/"
        try:
            return fill_markers(markdown, self.assets, site_root, {FRAGMENT: link_to_us})
        except KeyError as error:
            raise PluginError(f"{page.file.src_uri}: unknown generated fragment {error}") from error

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        # The assessment page answers `#scenario=<id>` fragments itself, so links to them are valid.
        if page.file.src_uri == ASSESSMENT_PAGE and page.present_anchor_ids is not None:
            page.present_anchor_ids.update(scenario_anchors())
        # The plan page opens a worked example's plan from `#example=<id>` itself.
        if page.file.src_uri == PLAN_PAGE and page.present_anchor_ids is not None:
            page.present_anchor_ids.update(example_plan_anchors())
        if is_article(page.file.src_uri):
            html = self._link_glossary_terms(html, page, config)
        html = align_classes(html)  # a strict CSP blocks the style attributes Markdown tables use
        if page.canonical_url:
            html = add_print_hrefs(html, page.canonical_url)
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        site_url = config.site_url or "/"
        feed = render_feed(self.pages, site_url, config.site_name, config.site_description or "")
        (site_dir / FEED_FILE).write_text(feed, encoding="utf-8")
        versioned = [self.assets.core_url, self.assets.bundle_url]
        write_publish_files(site_dir, config.site_url, versioned, NGINX_SNIPPET)

    def fix_html(self, html: str) -> str:
        """Every rendered page and theme template: fixes to Material's own markup."""
        return fix_theme_html(html)

    def _link_glossary_terms(self, html: str, page: Page, config: MkDocsConfig) -> str:
        if self.glossary_terms is None:
            self.glossary_terms = read_terms(Path(config.docs_dir))
        glossary_url = get_relative_url(GLOSSARY_PAGE.replace(".md", "/"), page.file.url)
        return link_first_uses(html, self.glossary_terms, glossary_url)


def _prepare_social_cards(config: MkDocsConfig) -> None:
    # Runs after the plugin's own on_config (hooks come after plugins), so cache_dir is absolute.
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return
    install_card_fonts(Path(social.config.cache_dir))
    forbid_font_downloads(social)
