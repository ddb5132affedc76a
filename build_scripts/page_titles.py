"""Copy the titles of the pages the question bank links to into assessment/pages.toml.

The titles live in each article's front matter; the package keeps a copy so that it can
name pages without the site's sources. Run ``python -m build_scripts.page_titles`` after
adding a link to a new page or renaming a page; tests/unit/test_pages.py fails until then.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DOCS = PROJECT_ROOT / "docs"
BANK = PROJECT_ROOT / "assessment" / "bank.toml"
PAGES = PROJECT_ROOT / "assessment" / "pages.toml"
HEADER = (
    "# The titles of the site's pages that the question bank links to, copied from each\n"
    "# page's front matter by `python -m build_scripts.page_titles`. Do not edit by hand:\n"
    "# tests/unit/test_pages.py checks this copy against docs/.\n\n[pages]\n"
)


def linked_pages(bank: dict[str, Any]) -> set[str]:
    """Every article path the bank's questions, answers and combinations name."""
    tables: list[dict[str, Any]] = [*bank["questions"], *bank.get("combinations", [])]
    tables += [option for question in bank["questions"] for option in question["options"]]
    return {table["article"] for table in tables if "article" in table}


def front_matter_title(page: Path) -> str:
    _, meta = get_data(page.read_text(encoding="utf-8"))
    return str(meta["title"])


def pages_toml(docs: Path = DOCS, bank_file: Path = BANK) -> str:
    """The text pages.toml should have."""
    bank = tomllib.loads(bank_file.read_text(encoding="utf-8"))
    lines = [
        f"{json.dumps(page)} = {json.dumps(front_matter_title(docs / page), ensure_ascii=False)}"
        for page in sorted(linked_pages(bank))
    ]
    return HEADER + "\n".join(lines) + "\n"


def main() -> int:
    PAGES.write_text(pages_toml(), encoding="utf-8")
    print(PAGES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
