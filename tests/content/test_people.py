"""Each example person has one name, used for that person only, across the whole site."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.content.prose import PROJECT_ROOT, all_pages

REGISTRY = Path(__file__).with_name("people.toml")
PEOPLE = tomllib.loads(REGISTRY.read_text(encoding="utf-8"))["person"]
# The pages, and the question bank and scenarios, whose text the assessment pages show.
ASSESSMENT = PROJECT_ROOT / "assessment"
ASSESSMENT_TEXTS = [ASSESSMENT / "bank.toml", *sorted((ASSESSMENT / "scenarios").glob("*.toml"))]
PAGES = {str(page.path): page.rendered() for page in all_pages()} | {
    str(path.relative_to(PROJECT_ROOT)): path.read_text(encoding="utf-8")
    for path in ASSESSMENT_TEXTS
}


def pages_naming(name: str, pages: dict[str, str]) -> set[str]:
    # Whole word and case-sensitive: "Nia" is a name, "Tania" or "nia" are not.
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return {path for path, text in pages.items() if pattern.search(text)}


def test_every_registered_name_is_unique_and_has_a_role_and_pages() -> None:
    names = [person["name"] for person in PEOPLE]
    assert len(names) == len(set(names)), "a name is registered twice"
    for person in PEOPLE:
        assert person["role"].strip() and person["pages"], person["name"]


@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person["name"])
def test_a_person_appears_only_on_their_own_pages(person: dict[str, Any]) -> None:
    elsewhere = pages_naming(person["name"], PAGES) - set(person["pages"])
    assert elsewhere == set(), (
        f"{person['name']} is {person['role']} on {person['pages']}; "
        f"the name also appears on {sorted(elsewhere)}: pick another name there"
    )


@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person["name"])
def test_a_registered_person_is_still_on_their_pages(person: dict[str, Any]) -> None:
    missing = set(person["pages"]) - pages_naming(person["name"], PAGES)
    assert missing == set(), (
        f"{person['name']} is no longer on {sorted(missing)}: update people.toml"
    )


def test_the_check_catches_a_name_reused_on_another_page() -> None:
    pages = {"a.md": "Nia wants the car.", "b.md": "Ask Nia first.", "c.md": "Tania and nia."}
    assert pages_naming("Nia", pages) == {"a.md", "b.md"}
