"""Which pages are articles: the folders of docs/ that hold them, named once for the whole project.

The feed, the glossary links, the link-to-us page and the content tests all ask `is_article`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

# Reference pages, the home page and the assessment live elsewhere and are not articles.
ARTICLE_FOLDERS = ("understand", "build", "fair", "situations", "examples")


def is_article(src_uri: str) -> bool:
    """Whether the page at `src_uri` (relative to docs/, with forward slashes) is an article."""
    parts = PurePosixPath(src_uri).parts
    return len(parts) > 1 and parts[0] in ARTICLE_FOLDERS
