"""MkDocs hook: builds the Python assets, publishes them, and fills generated fragments into pages."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent

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
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for source, destination in _state["assets"].site_files():
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replaces each `<!-- generated: NAME -->` line with the fragment NAME, rendered for this page."""
    from build_scripts.fragments import fill_markers

    site_root = get_relative_url(".", page.file.url) + "/"
    try:
        return fill_markers(markdown, _state["assets"], site_root)
    except KeyError as error:
        raise PluginError(f"{page.file.src_uri}: unknown generated fragment {error}") from error


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The assessment page answers `#scenario=<id>` fragments itself, so links to them are valid.
    if page.file.src_uri == "assessment/index.md" and page.present_anchor_ids is not None:
        from build_scripts.fragments import scenario_anchors

        page.present_anchor_ids.update(scenario_anchors())
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
