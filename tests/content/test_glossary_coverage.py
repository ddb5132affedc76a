"""The glossary defines every term the articles rely on."""

from __future__ import annotations

import pytest

from build_scripts.glossary import Term, read_terms
from tests.content.prose import DOCS

# The terms the articles teach and rely on. Add a term here when an article starts to depend on
# it; the test then fails until docs/reference/glossary.md defines it.
REQUIRED_TERMS = [
    "anchor",
    "BATNA",
    "bargaining power",
    "cliff",
    "coalition",
    "concession",
    "concession plan",
    "cost of no deal",
    "deadline",
    "dilution",
    "dual sourcing",
    "economic duress",
    "escalation of commitment",
    "exploding offer",
    "fabrication",
    "facilitation payment",
    "false promise",
    "good cop, bad cop",
    "good faith",
    "half-truth",
    "high-context",
    "improper inducement",
    "interests",
    "invoice finance",
    "leverage",
    "lock-out agreement",
    "low-context",
    "mandate",
    "misrepresentation",
    "negative leverage",
    "nibbling",
    "normative leverage",
    "opening offer",
    "positions",
    "positive leverage",
    "puffery",
    "reservation price",
    "reverse e-auction",
    "sequencing",
    "single-source purchasing",
    "strike price",
    "target",
    "tender",
    "threat",
    "vesting",
    "walk-away point",
    "warning",
    "ZOPA",
]


def defining(term: str, terms: list[Term]) -> Term | None:
    """The glossary entry whose heading or alternative forms name the term, if any."""
    return next(
        (entry for entry in terms if term.casefold() in (f.casefold() for f in entry.forms)), None
    )


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_the_glossary_defines_every_term_the_articles_rely_on(term: str) -> None:
    entry = defining(term, read_terms(DOCS))
    assert entry is not None, f"add a '### {term.capitalize()} {{ #id }}' entry to the glossary"
    assert entry.definition.strip()


def test_a_missing_term_is_reported() -> None:
    terms = [Term("anchor", "Anchor (anchoring)", "An anchor is...", ("Anchor", "anchoring"))]
    assert defining("anchoring", terms) is terms[0]
    assert defining("target", terms) is None
