"""Page titles and the site's address: the package's copies agree with their sources."""

from __future__ import annotations

import re
from pathlib import Path

from assessment import Bank
from assessment.model import Link
from assessment.pages import DEFAULT_SITE_URL, PAGES_FILE, SITE_URL_VARIABLE, site_url, title, url
from build_scripts.page_titles import pages_toml

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_the_packaged_page_titles_are_those_in_the_articles_front_matter() -> None:
    copy = PROJECT_ROOT / "assessment" / PAGES_FILE
    assert copy.read_text(encoding="utf-8") == pages_toml(), (
        f"{copy} is out of date: run `python -m build_scripts.page_titles`"
    )


def test_every_page_the_bank_links_to_has_a_title(bank: Bank) -> None:
    links = [q.link for q in bank.questions] + [c.link for c in bank.combinations]
    links += [o.link for q in bank.questions for o in q.options if o.link]
    assert all(title(link) for link in links)


def test_the_default_site_address_is_the_one_mkdocs_uses() -> None:
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url: !ENV \[(\w+), \"([^\"]+)\"\]", config, re.MULTILINE)
    assert match is not None
    assert (match.group(1), match.group(2)) == (SITE_URL_VARIABLE, DEFAULT_SITE_URL)


def test_a_site_address_always_ends_with_a_slash_and_builds_full_urls() -> None:
    site = site_url("https://example.org/fair")
    assert site == "https://example.org/fair/"
    assert url(Link("build/prepare.md", "learn-their-needs"), site) == (
        "https://example.org/fair/build/prepare/#learn-their-needs"
    )
