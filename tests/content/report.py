"""Prints each page's prose word count and Flesch reading ease: `python -m tests.content.report`."""

from __future__ import annotations

import statistics

import textstat

from build_scripts.articles import is_article
from tests.content.prose import all_pages


def main() -> None:
    rows = []
    for page in all_pages():
        prose = page.prose()
        rows.append((str(page.path), page.word_count(), textstat.flesch_reading_ease(prose)))
    width = max(len(path) for path, _, _ in rows)
    print(f"{'page':<{width}}  {'words':>6}  {'reading ease':>12}")
    for path, words, ease in rows:
        print(f"{path:<{width}}  {words:>6}  {ease:>12.1f}")
    article_ease = [ease for path, _, ease in rows if is_article(path)]
    print(f"\n{len(rows)} pages, {sum(words for _, words, _ in rows)} words of prose")
    print(f"average reading ease of the articles: {statistics.mean(article_ease):.1f} (aim: 50+)")


if __name__ == "__main__":
    main()
