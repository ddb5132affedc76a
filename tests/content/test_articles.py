"""The knowledge base: every page is complete, reachable, linked and consistent with the scorer."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config import load_config

from assessment import load_bank, load_scenarios, score
from build_scripts.glossary import read_terms
from tests.content.prose import DOCS, PROJECT_ROOT, all_pages, articles

MIN_ARTICLE_WORDS = 600
MAX_DESCRIPTION = 160
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|coming soon)\b|\[link\]", re.I)
EXAMPLE_ADMONITION = re.compile(r"^(!!!|\?\?\?\+?) example\b", re.MULTILINE)
WORKED_EXAMPLES = {
    "examples/job-offer.md": "job-offer",
    "examples/sole-supplier.md": "sole-supplier",
    "examples/small-business.md": "small-business",
    "examples/lease-renewal.md": "lease-renewal",
    "examples/procurement-tender.md": "procurement-tender",
}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def ids_in(html_file: Path) -> list[str]:
    parser = _Ids()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.ids


def built_page(site: Path, markdown_path: str) -> Path:
    stem = markdown_path.removesuffix(".md")
    folder = stem.removesuffix("index").rstrip("/")
    return site / folder / "index.html" if folder else site / "index.html"


def nav_pages(items: object) -> set[str]:
    if isinstance(items, str):
        return {items}
    if isinstance(items, list):
        return set().union(*(nav_pages(item) for item in items))
    if isinstance(items, dict):
        return set().union(*(nav_pages(value) for value in items.values()))
    return set()


ARTICLES = articles()


@pytest.mark.parametrize("page", ARTICLES, ids=lambda page: str(page.path))
def test_every_article_has_enough_original_prose(page: object) -> None:
    assert page.word_count() >= MIN_ARTICLE_WORDS, f"{page.path}: {page.word_count()} words"


@pytest.mark.parametrize("page", ARTICLES, ids=lambda page: str(page.path))
def test_every_article_has_an_example_and_related_reading(page: object) -> None:
    assert EXAMPLE_ADMONITION.search(page.body), f"{page.path} has no example admonition"
    assert "{ #related-reading }" in page.body, f"{page.path} has no related reading section"


@pytest.mark.parametrize("page", all_pages(), ids=lambda page: str(page.path))
def test_every_page_has_a_one_sentence_description_for_previews(page: object) -> None:
    description = page.meta.get("description")
    assert isinstance(description, str) and description.strip(), f"{page.path}: no description"
    assert len(description) <= MAX_DESCRIPTION, f"{page.path}: {len(description)} characters"
    assert "\n" not in description.strip()


def test_no_page_contains_placeholder_text(built_site: Path) -> None:
    found = [
        f"{page.path}: {match.group(0)}"
        for page in all_pages()
        for match in PLACEHOLDER.finditer(page.body)
    ]
    assert found == []


def test_every_glossary_term_is_defined_exactly_once(built_site: Path) -> None:
    terms = read_terms(DOCS)
    ids = [term.id for term in terms]
    assert len(ids) == len(set(ids)), "a glossary id is used twice"
    assert len(terms) >= 30
    assert all(term.definition.endswith(".") for term in terms)
    built_ids = ids_in(built_site / "reference" / "glossary" / "index.html")
    assert all(built_ids.count(term_id) == 1 for term_id in ids)


def test_glossary_terms_are_linked_on_first_use_in_articles(built_site: Path) -> None:
    html = (built_site / "understand" / "alternatives" / "index.html").read_text()
    # BATNA is linked once by the build (its first use), whatever the writer linked by hand.
    assert html.count('class="fl-term" href="../../reference/glossary/#batna"') == 1
    first_use = html.index(">BATNA<")
    assert html.rfind('class="fl-term"', 0, first_use) > html.rfind("</a>", 0, first_use)


def test_every_article_link_in_the_question_bank_points_to_a_real_page_and_anchor(
    built_site: Path,
) -> None:
    missing = []
    for question in load_bank().questions:
        page = built_page(built_site, question.article)
        if not page.is_file() or question.anchor not in ids_in(page):
            missing.append(f"{question.id}: {question.article}#{question.anchor}")
    assert missing == []


def test_every_page_is_reachable_from_the_navigation() -> None:
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    in_nav = nav_pages(config.nav)
    pages = {str(page.path) for page in all_pages()}
    assert pages - in_nav == set()


@pytest.mark.parametrize("article, scenario_id", WORKED_EXAMPLES.items())
def test_each_worked_example_states_the_verdict_the_scorer_gives(
    article: str, scenario_id: str
) -> None:
    body = (DOCS / article).read_text(encoding="utf-8")
    result = score(load_scenarios()[scenario_id].answers).to_dict()
    band = result["leverage"]["band"]
    assert band["label"] in body
    other_labels = {b.label for b in load_bank().bands} - {band["label"]}
    assert not [label for label in other_labels if label in body]
    assert f"../assessment/index.md#scenario={scenario_id}" in body
