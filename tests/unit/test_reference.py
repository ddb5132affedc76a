"""The generated reference: the rule book and worksheet come from the bank, nothing typed twice."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import ClassVar

import markdown
import pytest

from assessment import Bank, leverage, load_scenarios, score
from build_scripts.reference import markdown_text, number, render_reference

from .conftest import middle_options

FRAGMENTS = ("how-the-score-works.md", "worksheet.md")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
MINUS = "\u2212"  # the true minus sign the reference prints


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
    for number_, question in enumerate(bank.questions, start=1):
        assert f"**{number_}. {markdown_text(question.text)}**" in fragments[name]
        for option in question.options:
            assert markdown_text(option.label) in fragments[name]


def test_the_rule_book_shows_the_model_its_numbers_and_its_reasoning(
    fragments: dict[str, str], bank: Bank
) -> None:
    text = fragments["how-the-score-works.md"]
    for dimension in bank.dimensions_of("leverage"):
        assert f"| {dimension.weight} |" in text
    for band in bank.bands:
        assert f"**{band.label}**" in text
    assert f"divided by {bank.side_weight('you')}" in text
    assert f"at least {bank.scoring.min_known} questions about each side" in text
    assert f"about {bank.minutes} minutes" in text
    for heading in ("{ #reasoning }", "{ #sensitivity }", "{ #uncertainty }", "{ #ethics }"):
        assert heading in text


def test_the_sensitivity_table_gives_each_questions_largest_swing_by_re_scoring(
    fragments: dict[str, str], bank: Bank
) -> None:
    text = fragments["how-the-score-works.md"]
    for question in bank.questions_of("leverage"):
        low = leverage.balance({question.id: question.scale[0]}, bank)
        high = leverage.balance({question.id: question.scale[-1]}, bank)
        row = re.search(rf"\(#question-{question.id}\) \|[^\n]*", text)
        assert row is not None, question.id
        assert f"| {number(abs(high - low))} |" in row.group(0)


def test_the_rule_book_publishes_the_ethics_rule_and_every_named_answer(
    fragments: dict[str, str], bank: Bank
) -> None:
    text = fragments["how-the-score-works.md"]
    for verdict in bank.ethics_verdicts:
        assert f"**{verdict.label}**" in text
    for question in bank.questions_of("ethics"):
        for option in question.options:
            if option.level:
                assert markdown_text(option.fair_alternative or "") in text
    for combination in bank.combinations:
        assert markdown_text(combination.text) in text


def test_the_worked_example_states_the_verdict_the_scorer_gives(
    fragments: dict[str, str],
) -> None:
    result = score(load_scenarios()["job-offer"].answers)
    assert result.leverage.band is not None
    assert (
        f"so the verdict is **{result.leverage.band.label}**" in fragments["how-the-score-works.md"]
    )


def test_the_worksheet_key_adds_up_to_the_balance_the_scorer_gives(
    fragments: dict[str, str], bank: Bank
) -> None:
    text = fragments["worksheet.md"]
    answers = middle_options(bank) | {"your-alternative": "firm-better", "their-deadline": "days"}
    total = 0.0
    for question_id, option_id in answers.items():
        question = bank.question(question_id)
        letter = "abcdefghij"[question.option_ids.index(option_id)]
        line = re.search(
            rf"\*\*{list(q.id for q in bank.questions).index(question_id) + 1}:\*\*([^&\n]*)", text
        )
        assert line is not None, question_id
        value = re.search(rf"\b{letter} ([+{MINUS}][\d.]+)", line.group(1))
        assert value is not None, (question_id, line.group(1))
        total += float(value.group(1).replace(MINUS, "-"))
    assert total == pytest.approx(score(answers).leverage.balance, abs=0.6)


def test_the_worksheet_lists_every_red_and_amber_answer_with_its_fair_alternative(
    fragments: dict[str, str], bank: Bank
) -> None:
    for question in bank.questions_of("ethics"):
        for option in question.options:
            if option.level:
                assert markdown_text(option.flag or "") in fragments["worksheet.md"]
                assert markdown_text(option.fair_alternative or "") in fragments["worksheet.md"]


@pytest.mark.parametrize("name", FRAGMENTS)
def test_article_links_are_relative_to_the_assessment_folder(
    fragments: dict[str, str], name: str
) -> None:
    targets = [m["target"] for m in LINK.finditer(fragments[name])]
    articles = [t for t in targets if not t.startswith("#") and "/" in t]
    assert articles or name == "worksheet.md"
    for target in articles:
        assert target.startswith("../"), target


def test_a_change_in_the_bank_shows_in_both_fragments(bank: Bank) -> None:
    first = bank.questions[1]
    question = dataclasses.replace(first, text="How strong is your fallback plan?")
    dimension = dataclasses.replace(bank.dimensions[1], summary="What you could do instead.")
    changed = dataclasses.replace(
        bank,
        questions=(bank.questions[0], question, *bank.questions[2:]),
        dimensions=(bank.dimensions[0], dimension, *bank.dimensions[2:]),
    )
    rendered = render_reference(changed)
    assert all("How strong is your fallback plan?" in text for text in rendered.values())
    assert "What you could do instead." in rendered["how-the-score-works.md"]


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
    html = markdown.markdown(
        fragments[name],
        extensions=["tables", "attr_list", "admonition", "md_in_html", "toc"],
    )
    parser = _Elements()
    parser.feed(html)
    assert parser.open == []
    assert len(parser.ids) == len(set(parser.ids))
    assert "{:" not in html and "{ #" not in html
