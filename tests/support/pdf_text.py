"""The text of each page of a PDF that Chromium printed, read with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text, in page order."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
