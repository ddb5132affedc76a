"""One spelling standard (British) and one way of writing percentages, on every page."""

from __future__ import annotations

import re

import pytest

from tests.content.prose import Page, all_pages
from tests.content.test_citations import further_reading_entries

# American spellings and other forms the site does not use, with what to write instead.
NOT_OUR_STYLE = {
    r"\btoward\b": "towards",
    r"\bafterward\b": "afterwards",
    r"\bper ?cent\b": "the % sign, as in 8%",
    r"\d\s+%": "no space before %, as in 8%",
    r"\b(?:organi|reali|recogni|priori|apologi|summari|minimi|maximi|emphasi|utili|speciali|"
    r"finali|authori|standardi|optimi|categori|critici)z\w*": "-ise spellings (organise)",
    r"\b(?:analyz|paralyz)\w*": "-yse spellings (analyse)",
    r"\b(?:favor|color|behavior|neighbor|honor|labor|humor|flavor|rumor)(?:s|ed|ing|able|ite)?\b": (
        "-our spellings (favour)"
    ),
    r"\b(?:center|centered|defense|offense|catalog)\b": "British spelling (centre, defence)",
}


# A citation keeps the work's own spelling ("Organizational Behavior and Human Decision Processes").
CITATION_LINES = {entry.split("\n")[0] for entry in further_reading_entries()}
# So does the name of an organisation, wherever a page names it.
PROPER_NAMES = ("Bureau of Labor Statistics",)


def style_problems(text: str) -> list[str]:
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return [
        f"{match.group(0)!r}: use {advice}"
        for pattern, advice in NOT_OUR_STYLE.items()
        for match in re.finditer(pattern, text, re.IGNORECASE)
    ]


@pytest.mark.parametrize("page", all_pages(), ids=lambda page: str(page.path))
def test_every_page_uses_british_spelling_and_writes_percentages_as_8_percent(
    page: Page,
) -> None:
    lines = [line for line in page.rendered().splitlines() if line not in CITATION_LINES]
    assert style_problems("\n".join(lines)) == []


def test_the_style_check_catches_american_spellings_and_other_percentages() -> None:
    text = "We organized it toward a 10 per cent cut, 5 % more, in favor of the center."
    assert len(style_problems(text)) == 6
    assert style_problems("We organised it towards an 8% cut, in favour of the centre.") == []


def test_a_proper_name_keeps_its_own_spelling_and_nothing_else_does() -> None:
    assert style_problems("Data from the Bureau of Labor Statistics.") == []
    assert len(style_problems("The Bureau of Labor Statistics measures labor.")) == 1
