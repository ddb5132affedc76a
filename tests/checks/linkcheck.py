"""A small link checker for the served site: links, anchors, images, CSS, sitemap and feed.

It fetches only from the served site's own origin. Absolute links to the published address
(`site_url`, e.g. the canonical link or sitemap entries) are checked against the served copy;
links to any other host are listed, never fetched.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# Attributes that point at another resource, per element.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href",),
    "use": ("href",),
}
# <meta> tags whose content is a URL (preview cards, canonical address).
URL_METAS = {"og:image", "og:url", "twitter:image", "twitter:url"}
XML_TYPES = {"application/xml", "text/xml", "application/rss+xml", "application/atom+xml"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
IGNORED_SCHEMES = ("mailto:", "tel:", "data:", "blob:", "javascript:")


@dataclass(frozen=True)
class Link:
    """One reference from a document to a URL, as written, with where it was found."""

    source: str  # URL of the document holding the link
    line: int
    element: str  # e.g. `<a href>`
    written: str  # the value as written in the document
    url: str  # absolute, fragment included


@dataclass
class Document:
    status: int  # HTTP status, or 0 when the request failed
    reason: str
    content_type: str = ""
    ids: set[str] = field(default_factory=set)  # element ids and <a name> values (HTML only)


@dataclass
class Report:
    pages: list[str] = field(default_factory=list)  # HTML documents read
    fetched: list[str] = field(default_factory=list)  # every URL requested, in order
    links: int = 0  # references checked (every link on every page, sitemap and feed)
    anchors: int = 0  # of which with a fragment
    broken: list[str] = field(default_factory=list)  # one readable line per problem
    external: dict[str, list[str]] = field(default_factory=dict)  # URL -> pages linking to it


class _HtmlLinks(HTMLParser):
    """Collects the ids and the outgoing links of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []  # (line, element, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        line = self.getpos()[0]
        for name in URL_ATTRIBUTES.get(tag, ()):
            if name in values:
                urls = _srcset_urls(values[name]) if name == "srcset" else [values[name]]
                self.links += [(line, f"<{tag} {name}>", url) for url in urls]
        if tag in {"image", "use"} and "xlink:href" in values:
            self.links.append((line, f"<{tag} xlink:href>", values["xlink:href"]))
        meta_name = values.get("property") or values.get("name")
        if tag == "meta" and meta_name in URL_METAS and "content" in values:
            self.links.append((line, f"<meta {meta_name}>", values["content"]))


def _srcset_urls(srcset: str) -> list[str]:
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def _xml_urls(text: str) -> list[str]:
    """URLs in a sitemap or feed: <loc>/<link>/<guid isPermaLink> text and href/url attributes."""
    urls = []
    for element in ElementTree.fromstring(text).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        permalink = tag == "guid" and element.get("isPermaLink", "true") == "true"
        if (tag in {"loc", "link"} or permalink) and element.text and element.text.strip():
            urls.append(element.text.strip())
        urls += [element.get(name, "") for name in ("href", "url") if element.get(name)]
    return urls


class LinkChecker:
    """Crawls the site served at `base_url`, starting from the given paths, and checks every link.

    `site_url` is the published address written into absolute links (canonical, sitemap, feed);
    it is mapped onto `base_url`. `fragment_ok(page_url, fragment)` may accept fragments that a
    page's script handles (it is asked only when the id is not on the page).
    """

    def __init__(
        self,
        base_url: str,
        site_url: str | None = None,
        fragment_ok: Callable[[str, str], bool] = lambda page, fragment: False,
    ) -> None:
        self.base_url = base_url
        self.site_url = site_url
        self.fragment_ok = fragment_ok
        self.origin = _origin(base_url)
        self.documents: dict[str, Document] = {}
        self.links: list[Link] = []
        self.report = Report()

    def crawl(self, start_paths: Iterable[str]) -> Report:
        queue = [urljoin(self.base_url, path) for path in start_paths]
        while queue:
            url = queue.pop(0)
            if url in self.documents:
                continue
            for link in self._fetch(url):
                self.links.append(link)
                target = urldefrag(link.url).url
                if _origin(target) == self.origin and target not in self.documents:
                    queue.append(target)
        self._judge_links()
        return self.report

    def _local(self, url: str) -> str:
        if self.site_url and url.startswith(self.site_url):
            return self.base_url + url.removeprefix(self.site_url)
        return url

    def _fetch(self, url: str) -> list[Link]:
        """Requests one URL of the served site; returns the links found in it."""
        if _origin(url) != self.origin:  # never reached by design: a guard, not a feature
            raise AssertionError(f"refusing to fetch {url}: not on {self.origin}")
        self.report.fetched.append(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body: bytes = response.read()
                document = Document(
                    response.status, response.reason, response.headers.get_content_type()
                )
        except urllib.error.HTTPError as error:
            self.documents[url] = Document(error.code, str(error.reason))
            return []
        except OSError as error:
            self.documents[url] = Document(0, str(error))
            return []
        self.documents[url] = document
        text = body.decode("utf-8", errors="replace")
        if document.content_type == "text/html":
            self.report.pages.append(url)
            parser = _HtmlLinks()
            parser.feed(text)
            document.ids = parser.ids
            found = parser.links
        elif document.content_type == "text/css":
            found = [
                (
                    text.count("\n", 0, match.start()) + 1,
                    "css url()",
                    match.group(2) or match.group(4),
                )
                for match in CSS_URL.finditer(text)
            ]
        elif document.content_type in XML_TYPES or url.endswith(".xml"):
            found = [(0, "xml", value) for value in _xml_urls(text)]
        else:
            found = []
        return [
            Link(url, line, element, value.strip(), self._local(urljoin(url, value.strip())))
            for line, element, value in found
            if value.strip() and not value.strip().lower().startswith(IGNORED_SCHEMES)
        ]

    def _judge_links(self) -> None:
        self.report.links = len(self.links)
        self.report.anchors = sum(1 for link in self.links if urldefrag(link.url).fragment)
        for link in self.links:
            target, fragment = urldefrag(link.url)
            where = f"{self._name(link.source)}:{link.line}: {link.element} {link.written!r}"
            if _origin(target) != self.origin:
                if urlsplit(target).scheme in {"http", "https", ""}:
                    pages = self.report.external.setdefault(link.url, [])
                    if self._name(link.source) not in pages:
                        pages.append(self._name(link.source))
                else:
                    self.report.broken.append(f"{where}: unsupported link scheme")
                continue
            document = self.documents[target]
            if not 200 <= document.status < 300:
                self.report.broken.append(f"{where}: {document.status} {document.reason}".rstrip())
            elif fragment and document.content_type == "text/html":
                name = unquote(fragment)
                if name not in document.ids and not self.fragment_ok(self._name(target), name):
                    self.report.broken.append(
                        f"{where}: no element with id {name!r} on {self._name(target)}"
                    )

    def _name(self, url: str) -> str:
        """A URL of the served site as a path relative to its root (`` is the home page)."""
        return url.removeprefix(self.base_url) or "/"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
