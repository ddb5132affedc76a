"""What one MkDocs build does at each event: build the Python assets and publish them, fill the
generated fragments into pages, link glossary terms, and write what a publisher needs next to
the site (feed, `_headers`, nginx snippet). `SiteBuild` holds what early events learn and later
ones need; build_scripts/mkdocs_hook.py makes one per build and hands it every event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessment import load_scenarios
from build_scripts.articles import is_article
from build_scripts.assets import (
    HASHED_SOURCES,
    IN_PAGE_LINKS_SCRIPT,
    PROJECT_ROOT,
    SiteAssets,
    build_assets,
)
from build_scripts.email_cards import CardSet, build_cards, write_card_files
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
from build_scripts.link_to_us import (
    FRAGMENT,
    LinkGroup,
    all_items,
    link_groups,
    render_link_to_us,
)
from build_scripts.prepared import prepared_site_files
from build_scripts.print_links import add_print_hrefs
from build_scripts.qr_codes import add_print_corner, add_print_footer, qr_svg
from build_scripts.social_cards import forbid_font_downloads, install_card_fonts
from build_scripts.theme_fixes import fix_theme_html
from build_scripts.vendor import qr_files, qr_folder

NGINX_SNIPPET = PROJECT_ROOT / "build" / "publish" / "nginx.conf"
EMAIL_CACHE = PROJECT_ROOT / ".cache" / "email-cards"
ASSESSMENT_PAGE = "assessment/index.md"
PLAN_PAGE = "assessment/plan.md"
# A printed page ends with its own address as a QR code. The worksheet, filled in on paper,
# shows the assessment's instead (the same questions, scored online), beside its title: its six
# printed pages are full to the last line.
WORKSHEET_PAGE = "assessment/worksheet.md"
PRINT_WORDS = "Read this page online:"
WORKSHEET_PRINT_WORDS = "Score it online:"


@dataclass
class SiteBuild:
    """One build's state, from `on_config` to `on_post_build`."""

    assets: SiteAssets
    # Every page's front matter, read in on_nav so any page (Link to us) can list the others.
    pages: list[PageSummary] = field(default_factory=list)
    glossary_terms: list[Term] | None = None  # read from the glossary page when first needed
    # "Link to us" entries and their email cards, made when first needed (MJML runs in Node).
    link_kit: tuple[list[LinkGroup], CardSet] | None = None

    @classmethod
    def start(cls, config: MkDocsConfig) -> SiteBuild:
        """Builds the Python assets (only what changed) and prepares the preview cards."""
        try:
            build = cls(assets=build_assets(PROJECT_ROOT))
            _prepare_social_cards(config)
        except BuildError as error:
            raise PluginError(str(error)) from error
        # The theme links each style sheet from where it is published (see on_files).
        config.extra_css = [build.assets.published(path) for path in config.extra_css]
        return build

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> Navigation:
        try:
            self.pages = summarize_nav(nav.pages, config.site_url or "/")
        except BuildError as error:
            raise PluginError(str(error)) from error
        return nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            generated = [*self.assets.site_files(), *qr_files()]
        except BuildError as error:
            raise PluginError(str(error)) from error
        for source, destination in generated:
            files.append(File.generated(config, destination, abs_src_path=str(source)))
        # Each scenario's prepared result, asked for by the assessment page (prepared.py).
        folder, prepared = prepared_site_files()
        for name, content in prepared.items():
            files.append(File.generated(config, folder + name, content=content))
        # The site's own JavaScript and style sheets go to their hashed folders
        # (build_scripts/assets.py).
        for file in [file for file in files if file.src_uri.startswith(HASHED_SOURCES)]:
            files.remove(file)
            files.append(
                File(
                    file.src_uri,
                    file.src_dir,
                    file.dest_dir,
                    file.use_directory_urls,
                    dest_uri=self.assets.published(file.src_uri),
                )
            )
        return files

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        """The one script the theme templates load (docs/overrides/main.html), where it is."""
        env.globals["in_page_links_script"] = self.assets.js(IN_PAGE_LINKS_SCRIPT)

    def kit(self, site_url: str) -> tuple[list[LinkGroup], CardSet]:
        """The "Link to us" entries and their email cards (built once per build)."""
        if self.link_kit is None:
            groups = link_groups(self.pages, load_scenarios().values(), site_url)
            texts = [item.card_text() for item in all_items(groups)]
            try:
                self.link_kit = groups, build_cards(ENVIRONMENT, texts, site_url, EMAIL_CACHE)
            except BuildError as error:
                raise PluginError(str(error)) from error
        return self.link_kit

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Fills a worked example's numbers from its plan, then replaces each
        `<!-- generated: NAME -->` marker with the fragment NAME, for this page."""

        def link_to_us() -> str:
            groups, cards = self.kit(config.site_url or "/")
            return render_link_to_us(ENVIRONMENT, groups, cards, self.assets, site_root)

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
        groups, cards = self.kit(site_url)
        for item in all_items(groups):
            (site_dir / item.qr).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / item.qr).write_text(qr_svg(item.url), encoding="utf-8")
        write_card_files(site_dir, cards)
        versioned = [
            self.assets.core_url,
            self.assets.bundle_url,
            self.assets.js_url,
            self.assets.css_url,
            prepared_site_files()[0],
            cards.folder,
            qr_folder(),
        ]
        write_publish_files(site_dir, config.site_url, versioned, NGINX_SNIPPET)

    def fix_html(self, html: str) -> str:
        """Every rendered page and theme template: fixes to Material's own markup."""
        return fix_theme_html(html)

    def on_post_page(self, html: str, page: Page) -> str:
        """A rendered page: theme fixes, then the printed footer with the page's QR code (added
        after the search index is made, so no page is found by its footer)."""
        html = self.fix_html(html)
        if not page.canonical_url:
            return html
        if page.file.src_uri == WORKSHEET_PAGE:
            assessment = next(p.url for p in self.pages if p.src_uri == ASSESSMENT_PAGE)
            return add_print_corner(html, assessment, WORKSHEET_PRINT_WORDS)
        return add_print_footer(html, page.canonical_url, PRINT_WORDS)

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
