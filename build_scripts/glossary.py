"""Reads the glossary page and links each term's first use in an article to its definition."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

GLOSSARY_PAGE = "reference/glossary.md"
HEADING = re.compile(r"^### (?P<title>.+?) \{ #(?P<id>[\w-]+) \}\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Text inside these elements is never linked: links, headings, code, form and summary labels.
SKIP_ELEMENTS = {
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "pre", "script", "style", "summary", "svg", "textarea", "title",
}  # fmt: skip
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")


@dataclass(frozen=True)
class Term:
    id: str
    title: str  # as the glossary heading shows it, e.g. "Anchor (anchoring)"
    definition: str  # the first sentence of the definition, for hover text
    forms: tuple[str, ...]  # the words that count as a use of the term


def _forms(title: str) -> tuple[str, ...]:
    main, _, rest = title.partition(" (")
    forms = [main] + [form.strip() for form in rest.rstrip(")").split(",") if form.strip()]
    return tuple(forms)


def _first_sentence(paragraph: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", paragraph).replace("*", "").strip()
    return SENTENCE_END.split(text, maxsplit=1)[0]


def read_terms(docs_dir: Path) -> list[Term]:
    lines = (docs_dir / GLOSSARY_PAGE).read_text(encoding="utf-8").splitlines()
    terms = []
    for number, line in enumerate(lines):
        match = HEADING.match(line)
        if not match:
            continue
        paragraph = next((text for text in lines[number + 1 :] if text.strip()), "")
        terms.append(
            Term(match["id"], match["title"], _first_sentence(paragraph), _forms(match["title"]))
        )
    return terms


def _pattern(terms: list[Term]) -> re.Pattern[str]:
    # Longest forms first, so "negative leverage" wins over "leverage". Acronyms match only in
    # capitals; other terms in any case, singular or plural.
    alternatives: list[tuple[int, str]] = []
    for index, term in enumerate(terms):
        for form in term.forms:
            escaped = re.escape(form).replace(r"\-", "[-\u2011]")
            body = escaped if form.isupper() else f"(?i:{escaped})(?:e?s)?"
            alternatives.append((len(form), f"(?P<t{index}_{len(alternatives)}>{body})"))
    ordered = "|".join(body for _, body in sorted(alternatives, key=lambda pair: -pair[0]))
    return re.compile(rf"(?<![\w-])(?:{ordered})(?![\w-])")


def link_first_uses(content: str, terms: list[Term], glossary_url: str) -> str:
    """Links the first use of each term in the page's running text to its glossary entry."""
    pattern = _pattern(terms)
    linked: set[int] = set()
    skipping: list[str] = []
    pieces: list[str] = []
    position = 0

    def link(match: re.Match[str]) -> str:
        index = int(
            next(name for name, value in match.groupdict().items() if value)[1:].split("_")[0]
        )
        if index in linked:
            return match.group(0)
        linked.add(index)
        term = terms[index]
        return (
            f'<a class="fl-term" href="{glossary_url}#{term.id}" '
            f'title="{html.escape(term.definition, quote=True)}">{match.group(0)}</a>'
        )

    for tag in TAG.finditer(content):
        text = content[position : tag.start()]
        pieces.append(text if skipping else pattern.sub(link, text))
        pieces.append(tag.group(0))
        position = tag.end()
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        opens_skip = name in SKIP_ELEMENTS or "admonition-title" in rest
        if closing and skipping and skipping[-1] == name:
            skipping.pop()
        elif not closing and opens_skip and not rest.endswith("/"):
            skipping.append(name)
    tail = content[position:]
    pieces.append(tail if skipping else pattern.sub(link, tail))
    return "".join(pieces)
