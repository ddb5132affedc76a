"""Adds the absolute address of each in-site link to page HTML, for print.css to show on paper."""

from __future__ import annotations

import re
from urllib.parse import urljoin

PRINT_ATTRIBUTE = "data-fl-print-href"
# Markdown writes links as <a href="..." ...>; only the href value is needed.
LINK = re.compile(r'<a\b(?P<before>[^>]*?)\bhref="(?P<href>[^"]*)"')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def add_print_hrefs(html: str, page_url: str) -> str:
    """`page_url` is the page's absolute address; in-page (#...) and absolute links are left."""

    def replace(match: re.Match[str]) -> str:
        href = match["href"]
        if not href or href.startswith(("#", "//")) or SCHEME.match(href):
            return match[0]
        return f'{match[0]} {PRINT_ATTRIBUTE}="{urljoin(page_url, href)}"'

    return LINK.sub(replace, html)
