"""Reads the site's Markdown pages as a reader would: front matter, prose words, sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.articles import is_article
from build_scripts.example_plans import render_example

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOCS = PROJECT_ROOT / "docs"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
FENCED = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
NOT_PROSE_LINE = re.compile(r"^\s*(\||!\[|<|[-*_]{3,}\s*$|===|\?\?\?|!!!|#)")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ATTR_LIST = re.compile(r"\{[^}]*\}")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")


@dataclass(frozen=True)
class Page:
    path: Path  # relative to docs/
    meta: dict[str, object]
    body: str  # the Markdown after the front matter

    @property
    def is_article(self) -> bool:
        return is_article(self.path.as_posix())

    def rendered(self) -> str:
        """The body as a reader sees it: a worked example's numbers filled in from its plan."""
        return render_example(self.body, self.meta, str(self.path), PROJECT_ROOT)

    def prose(self) -> str:
        """The running text: no code, tables, headings, HTML, link targets or attribute lists."""
        text = FENCED.sub("", self.rendered())
        lines = [line for line in text.splitlines() if not NOT_PROSE_LINE.match(line)]
        return ATTR_LIST.sub("", LINK_TARGET.sub("]", "\n".join(lines)))

    def word_count(self) -> int:
        return len(WORD.findall(self.prose()))


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    body = text[match.end() :] if match else text
    return Page(path.relative_to(DOCS), meta or {}, body)


def all_pages() -> list[Page]:
    return [
        read_page(path)
        for path in sorted(DOCS.rglob("*.md"))
        if "overrides" not in path.relative_to(DOCS).parts
    ]


def articles() -> list[Page]:
    return [page for page in all_pages() if page.is_article]
