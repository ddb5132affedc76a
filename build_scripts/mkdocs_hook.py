"""MkDocs hook: makes a fresh `SiteBuild` (build_scripts/site_build.py) for every build and hands
it each event; the build's work and state live there.

MkDocs loads a hook once per process, and `mkdocs serve` rebuilds in that same process. So that
an edit to the package (the bank, the scoring) or to the build code shows on the next rebuild,
the first event of each build drops those modules and imports them again; that is why this file
imports them at run time rather than at its top.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from build_scripts.site_build import SiteBuild

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RELOADED_PACKAGES = {"assessment", "build_scripts"}

_build: SiteBuild | None = None


def _current() -> SiteBuild:
    if _build is None:
        raise RuntimeError("MkDocs sent an event before on_config: no build has started")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    # MkDocs restores sys.path after loading a hook, so the project root is added here.
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    for name in list(sys.modules):
        if name.split(".")[0] in RELOADED_PACKAGES:
            del sys.modules[name]
    site_build = importlib.import_module("build_scripts.site_build")
    _build = site_build.SiteBuild.start(config)
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return _current().on_nav(nav, config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _current().on_files(files, config)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _current().on_env(env, config, files)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().on_page_markdown(markdown, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().on_page_content(html, page, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _current().on_post_page(output, page)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not a page; sitemap.xml is left alone.
    if not template_name.endswith(".html"):
        return output_content
    return _current().fix_html(output_content)


@event_priority(-50)  # after every plugin has written its files (redirect pages are HTML too)
def on_post_build(config: MkDocsConfig) -> None:
    _current().on_post_build(config)
