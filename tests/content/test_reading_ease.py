"""Every article stays easy to read: Flesch reading ease of 50 or more (textstat)."""

from __future__ import annotations

import pytest
import textstat

from tests.content.prose import Page, articles

MINIMUM_READING_EASE = 50


@pytest.mark.parametrize("page", articles(), ids=lambda page: str(page.path))
def test_every_article_reads_at_50_or_more(page: Page) -> None:
    ease = textstat.flesch_reading_ease(page.prose())
    assert ease >= MINIMUM_READING_EASE, f"{page.path}: reading ease {ease:.1f}; shorten sentences"


def test_dense_prose_scores_below_the_minimum() -> None:
    dense = (
        "Notwithstanding considerable organisational heterogeneity, comprehensive "
        "contractual renegotiation necessitates systematic consideration of institutional "
        "counterparties' alternative opportunities and reputational vulnerabilities."
    )
    assert textstat.flesch_reading_ease(dense) < MINIMUM_READING_EASE
