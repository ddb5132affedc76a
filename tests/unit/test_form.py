"""The assessment form, rendered from the bank: every question and answer, the wording of each
kind of negotiation ready to show, and the marks the page script relies on."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from assessment import Bank
from assessment.model import DEFAULT_KIND
from build_scripts.assets import SiteAssets
from build_scripts.fragments import fill_markers, render_assessment_form


class _Form(HTMLParser):
    """Records each element's attributes and its parent, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None], int]] = []
        self.stack: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.stack[-1] if self.stack else -1
        self.elements.append((tag, dict(attrs), parent))
        if tag not in ("input", "br", "meta", "link", "img"):
            self.stack.append(len(self.elements) - 1)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()


ASSETS = SiteAssets(
    core_dir=Path("core"),
    bundle_dir=Path("bundle"),
    core_url="pyodide/x/",
    bundle_url="assets/python/y/",
    js_url="assets/js/z/",
    css_url="assets/css/w/",
    startup_dir=Path("startup-x-1"),
)


@pytest.fixture(scope="module")
def form() -> _Form:
    parser = _Form()
    parser.feed(render_assessment_form(ASSETS, "../"))
    assert parser.stack == []
    return parser


def _with(form: _Form, attribute: str) -> list[tuple[int, dict[str, str | None]]]:
    return [(n, attrs) for n, (_, attrs, _) in enumerate(form.elements) if attribute in attrs]


def test_every_answer_is_a_radio_button_in_bank_order(form: _Form, bank: Bank) -> None:
    radios = [
        (attrs["name"], attrs["value"])
        for tag, attrs, _ in form.elements
        if tag == "input" and attrs.get("type") == "radio"
    ]
    assert radios == [(q.id, o.id) for q in bank.questions for o in q.options]


def test_each_worded_text_shows_exactly_one_variant_for_every_kind(form: _Form, bank: Bank) -> None:
    groups: dict[int, list[dict[str, str | None]]] = {}
    for number, attrs in _with(form, "data-fl-kind"):
        groups.setdefault(form.elements[number][2], []).append(attrs)
    assert groups
    for variants in groups.values():
        served = [kind for attrs in variants for kind in (attrs["data-fl-kind"] or "").split()]
        assert sorted(served) == sorted((DEFAULT_KIND, *bank.kind_ids))
        shown = [attrs for attrs in variants if "hidden" not in attrs]
        assert len(shown) == 1 and DEFAULT_KIND in (shown[0]["data-fl-kind"] or "").split()


def test_plan_questions_and_only_they_may_shuffle_their_answers(form: _Form, bank: Bank) -> None:
    fieldsets = {attrs["data-fl-question"]: n for n, attrs in _with(form, "data-fl-question")}
    shuffled = {
        question
        for question, fieldset in fieldsets.items()
        for n, _ in _with(form, "data-fl-shuffle")
        if form.elements[n][2] == fieldset
    }
    assert shuffled == {q.id for q in bank.questions if q.shuffle}


def test_i_dont_know_answers_are_marked_for_the_page(form: _Form, bank: Bank) -> None:
    marked = [form.elements[n + 1][1]["value"] for n, _ in _with(form, "data-fl-unknown")]
    unknown = [o.id for q in bank.questions for o in q.options if o.unknown]
    assert marked == unknown


def test_the_form_says_how_long_the_questions_take(form: _Form, bank: Bank) -> None:
    (root,) = [attrs for _, attrs in _with(form, "data-minutes")]
    assert root["data-minutes"] == str(bank.minutes)
    assert root["data-kind-question"] == bank.kind_question.id


def test_a_sentence_elsewhere_gets_the_minutes_the_bank_computes(bank: Bank) -> None:
    sentence = "It takes about <!-- generated: assessment-minutes --> minutes."
    assert fill_markers(sentence, ASSETS, "../") == f"It takes about {bank.minutes} minutes."
