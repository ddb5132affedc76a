"""Every work a page cites is listed in Further reading, with the same year.

Two simple, honest rules, so a reader can always find the source:
- an italicised title (`*Title*`) must be a title in Further reading, or, when it is not a
  title at all (emphasis, a legal term), an entry in italics_allowlist.txt with its reason;
- a year in brackets, as in "Moore (2004)" or "(1981; ...)", must belong to a Further reading
  entry whose authors include a name from the same sentence, before or after the year.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.checks.allowlist import read_allowlist
from tests.content.prose import DOCS, FENCED, Page, all_pages

FURTHER_READING = "reference/further-reading.md"
ALLOWLIST = Path(__file__).with_name("italics_allowlist.txt")
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ITALIC = re.compile(r"(?<![\w*])\*(?![*\s])([^*\n]+?)(?<!\s)\*(?![\w*])")
BRACKETED_YEAR = re.compile(r"\((?:[^()]*?[\s;,])?((?:1[89]|20)\d{2})\b[^()]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
NAME = re.compile(r"\b[A-Z][a-z][\w\u2019'-]*")


def _text(markdown: str) -> str:
    return LINK_TARGET.sub("]", INLINE_CODE.sub("", FENCED.sub("", markdown)))


def further_reading_entries() -> list[str]:
    body = (DOCS / FURTHER_READING).read_text(encoding="utf-8")
    return [block for block in re.split(r"\n\s*\n", body) if "\n:   " in block]


def listed_titles(entries: list[str]) -> dict[str, str]:
    """Each italic title in Further reading, with the entry it belongs to."""
    return {title: entry for entry in entries for title in ITALIC.findall(entry.split("\n")[0])}


def authors(entry: str) -> str:
    # The first line up to the title: "Roger Fisher and William Ury, *Getting to Yes*..."
    return re.split(r"[*\"\u201c\[]", entry.split("\n")[0], maxsplit=1)[0]


def uncited_titles(text: str, titles: dict[str, str], allowed: set[str]) -> list[str]:
    problems = []
    for match in ITALIC.finditer(text):
        italic = match.group(1)
        entry = next(
            (
                entry
                for title, entry in titles.items()
                if title == italic or title.startswith(f"{italic}:")
            ),
            None,
        )
        if entry is None:
            if italic not in allowed:
                problems.append(f"*{italic}* is not a title in Further reading")
            continue
        year = re.match(r"\s*\((\d{4})", text[match.end() :])
        if year and year.group(1) not in entry:
            problems.append(f"*{italic}* ({year.group(1)}): Further reading gives another year")
    return problems


def unsourced_years(text: str, entries: list[str]) -> list[str]:
    problems = []
    for sentence in SENTENCE_END.split(text):
        for match in BRACKETED_YEAR.finditer(sentence):
            year = match.group(1)
            # Authors may be named before or after the year: "In *Title* (1981), Fisher and Ury..."
            names = {
                name.removesuffix("\u2019s").removesuffix("'s") for name in NAME.findall(sentence)
            }
            if not any(
                year in entry and names & set(NAME.findall(authors(entry))) for entry in entries
            ):
                problems.append(
                    f"{sentence.strip()[:80]!r}: no Further reading entry by its authors for {year}"
                )
    return problems


ENTRIES = further_reading_entries()
TITLES = listed_titles(ENTRIES)
ALLOWED = {entry["text"]: entry["reason"] for entry in read_allowlist(ALLOWLIST, ["text"])}
CITING_PAGES = [page for page in all_pages() if str(page.path) != FURTHER_READING]


@pytest.mark.parametrize("page", CITING_PAGES, ids=lambda page: str(page.path))
def test_every_italic_title_a_page_cites_is_in_further_reading(page: Page) -> None:
    assert uncited_titles(_text(page.rendered()), TITLES, set(ALLOWED)) == []


@pytest.mark.parametrize("page", CITING_PAGES, ids=lambda page: str(page.path))
def test_every_bracketed_year_a_page_cites_has_a_further_reading_entry(page: Page) -> None:
    assert unsourced_years(_text(page.rendered()), ENTRIES) == []


def test_every_allowlisted_italic_is_still_used() -> None:
    used = {match for page in CITING_PAGES for match in ITALIC.findall(_text(page.rendered()))}
    assert sorted(set(ALLOWED) - used) == [], "remove these from italics_allowlist.txt"


def test_further_reading_has_an_entry_for_each_work_it_lists() -> None:
    assert len(ENTRIES) >= 15
    assert "Getting to Yes: Negotiating Agreement Without Giving In" in TITLES
    assert all(authors(entry).strip() or entry.startswith("[") for entry in ENTRIES)


# The matcher itself, on made-up text.

SAMPLE_ENTRIES = [
    "Jane Roe and John Doe, *A Book on Bargaining: Its Subtitle* (Press, 1999).\n:   About it.",
    'Ann Moss, "An article", *A Journal* 4 (2004).\n:   About it.',
]


def test_an_unlisted_title_or_a_wrong_year_is_caught() -> None:
    titles = listed_titles(SAMPLE_ENTRIES)
    text = (
        "Read *A Book on Bargaining* (1999). Then *Another Book* and *A Book on Bargaining* (2001)."
    )
    assert uncited_titles(text, titles, set()) == [
        "*Another Book* is not a title in Further reading",
        "*A Book on Bargaining* (2001): Further reading gives another year",
    ]
    assert uncited_titles("It is *voidable*.", titles, {"voidable"}) == []


def test_a_year_without_a_listed_author_is_caught() -> None:
    assert unsourced_years("Ann Moss's research (2004) found it.", SAMPLE_ENTRIES) == []
    assert unsourced_years("Jane Roe (1999) and others.", SAMPLE_ENTRIES) == []
    problems = unsourced_years(
        "Research by Bob Smith (2004) found it. Moss said so (2010).", SAMPLE_ENTRIES
    )
    assert len(problems) == 2
