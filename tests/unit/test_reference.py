"""The generated reference: the rule book and worksheet come from the bank, nothing typed twice."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from assessment import Bank, load_scenarios, score
from build_scripts.reference import markdown_text, render_reference

from .test_bank import ARTICLE_ANCHORS

FRAGMENTS = ("how-the-score-works.md", "worksheet.md")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


@pytest.fixture(scope="module")
def fragments() -> dict[str, str]:
    return render_reference()


def test_render_reference_returns_both_fragments(fragments: dict[str, str]) -> None:
    assert tuple(fragments) == FRAGMENTS
    for text in fragments.values():
        assert text.startswith("## ")  # included under the page's own title


@pytest.mark.parametrize("name", FRAGMENTS)
def test_every_question_and_answer_of_the_bank_appears(
    fragments: dict[str, str], bank: Bank, name: str
) -> None:
    for number, question in enumerate(bank.questions, start=1):
        assert f"**{number}. {markdown_text(question.text)}**" in fragments[name]
        for option in question.options:
            assert markdown_text(option.label) in fragments[name]


def test_the_rule_book_shows_every_weight_points_band_and_rule_number(
    fragments: dict[str, str], bank: Bank
) -> None:
    text = fragments["how-the-score-works.md"]
    for dimension in bank.dimensions:
        assert f"| {dimension.weight} |" in text
    for band in bank.bands + bank.ethics_bands:
        assert f"**{band.label}**" in text
    assert f"counts as {bank.scoring.neutral}" in text
    assert f"at most {bank.scoring.ethics_cap_with_red_flag}" in text
    assert f"lists the {bank.scoring.what_if_limit} changes" in text


def test_the_worked_example_states_the_verdict_the_scorer_gives(
    fragments: dict[str, str],
) -> None:
    result = score(load_scenarios()["job-offer"].answers)
    assert result.leverage.band is not None
    assert (
        f"so the verdict is **{result.leverage.band.label}**" in fragments["how-the-score-works.md"]
    )


def test_the_worksheet_key_lists_every_red_flag_with_its_fair_alternative(
    fragments: dict[str, str], bank: Bank
) -> None:
    for question in bank.questions:
        for option in question.options:
            if option.red_flag:
                assert markdown_text(option.fair_alternative or "") in fragments["worksheet.md"]


@pytest.mark.parametrize("name", FRAGMENTS)
def test_article_links_are_relative_to_the_assessment_folder(
    fragments: dict[str, str], name: str
) -> None:
    targets = [m["target"] for m in LINK.finditer(fragments[name])]
    articles = [t for t in targets if not t.startswith("#")]
    assert articles
    for target in articles:
        assert target.startswith("../"), target
        page, _, anchor = target.removeprefix("../").partition("#")
        assert anchor in ARTICLE_ANCHORS[page], target


def test_a_change_in_the_bank_shows_in_both_fragments(bank: Bank) -> None:
    question = dataclasses.replace(bank.questions[0], text="How strong is your fallback plan?")
    dimension = dataclasses.replace(bank.dimensions[0], weight=7)
    changed = dataclasses.replace(
        bank,
        questions=(question, *bank.questions[1:]),
        dimensions=(dimension, *bank.dimensions[1:]),
    )
    rendered = render_reference(changed)
    assert all("How strong is your fallback plan?" in text for text in rendered.values())
    assert "| Alternatives | 7 |" in rendered["worksheet.md"]


def test_bank_text_cannot_break_the_markdown() -> None:
    assert markdown_text("a | b <i>*x*</i> [y]") == r"a \| b &lt;i&gt;\*x\*&lt;/i&gt; \[y\]"


class _Elements(HTMLParser):
    """Collects element ids and checks that every opened element is closed in order."""

    VOID: ClassVar[set[str]] = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, tag


@pytest.mark.parametrize("name", FRAGMENTS)
def test_the_fragments_render_to_well_formed_html_with_unique_ids(
    fragments: dict[str, str], name: str
) -> None:
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(
        fragments[name],
        extensions=["tables", "attr_list", "admonition", "md_in_html", "toc"],
    )
    parser = _Elements()
    parser.feed(html)
    assert parser.open == []
    assert len(parser.ids) == len(set(parser.ids))
    assert "{:" not in html and "{ #" not in html
