"""Reads a built site the way a link checker or a link-preview crawler would: pages, ids, meta."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

# mkdocs-redirects writes a page whose only job is a meta refresh to the new address.
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=(?P<url>[^"]+)"')
VERSIONED = ("pyodide/", "assets/python/")


class PageParser(HTMLParser):
    """Collects the ids, <meta>, <link> and inline <script>/<style> of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.title = ""
        self.inline_scripts: list[str] = []
        self.inline_styles: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value) of every attribute
        self._inside: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.attributes += [(tag, name, value) for name, value in values.items()]
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "meta" and "content" in values:
            key = values.get("property") or values.get("name")
            if key:
                self.meta[key] = values["content"]
        if tag == "link":
            self.links.append(values)
        executable = values.get("type", "").lower() in ("", "text/javascript", "module")
        if (tag == "script" and "src" not in values and executable) or tag in ("style", "title"):
            self._inside, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._inside:
            return
        text = "".join(self._text)
        if tag == "script":
            self.inline_scripts.append(text)
        elif tag == "style":
            self.inline_styles.append(text)
        elif not self.title:  # the document's, in <head>; an inline SVG's <title> comes later
            self.title = text
        self._inside = None


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_redirect(path: Path) -> bool:
    return REFRESH.search(path.read_text(encoding="utf-8")) is not None


def html_files(site: Path) -> list[Path]:
    return [
        path
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith(VERSIONED)
    ]


def page_url(site: Path, path: Path) -> str:
    """The site-relative URL of a built page: "/", "/understand/what-is-leverage/"."""
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def content_pages(site: Path) -> dict[str, Path]:
    """Every real page of the built site (not 404.html, not redirects), by site-relative URL."""
    return {
        page_url(site, path): path
        for path in html_files(site)
        if path.name == "index.html" and not is_redirect(path)
    }


def resolve(site: Path, url_path: str, hops: int = 5) -> Path | None:
    """The page a reader lands on for `url_path`, following redirect pages; None if none."""
    target = site / url_path.lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return None
    match = REFRESH.search(target.read_text(encoding="utf-8"))
    if match is None:
        return target
    if hops == 0:
        return None
    landing = urljoin("http://site" + url_path, match["url"]).removeprefix("http://site")
    return resolve(site, landing.split("#", 1)[0], hops - 1)
