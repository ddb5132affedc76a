"""The site's pages as the results name them: titles, and URLs built from the site's address.

The titles are copied from each article's front matter into ``pages.toml`` (by
``python -m build_scripts.page_titles``; a test checks the copy against docs/), so that the
package can name pages in the browser and in a terminal without the site's sources.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from assessment.errors import BadBank
from assessment.model import Link

PAGES_FILE = "pages.toml"
# The address the site is published at: the same variable and default as mkdocs.yml's
# site_url (a test checks they agree).
SITE_URL_VARIABLE = "SITE_URL"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


@functools.cache
def titles() -> Mapping[str, str]:
    """Page title by docs-relative Markdown path, for the pages the question bank links to."""
    file = f"assessment/{PAGES_FILE}"
    text = resources.files("assessment").joinpath(PAGES_FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BadBank(f"is not valid TOML ({error})", file=file) from error
    pages = data.get("pages")
    if not isinstance(pages, dict) or not all(
        isinstance(path, str) and isinstance(title, str) and title.strip()
        for path, title in pages.items()
    ):
        raise BadBank("must hold a [pages] table of page path = title", file=file, field="pages")
    return MappingProxyType(dict(pages))


def title(link: Link) -> str:
    """The title of the page a link points into (the bank loader checks every page has one)."""
    return titles()[link.page]


def site_url(explicit: str | None = None) -> str:
    """The site's address: given explicitly, else from $SITE_URL, else the local default."""
    url = explicit or os.environ.get(SITE_URL_VARIABLE) or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def url(link: Link, site: str) -> str:
    """The full address of a section of the site."""
    return site + link.href
