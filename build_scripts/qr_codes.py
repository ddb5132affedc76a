"""QR codes as SVG, made at build time with segno: a file per link on "Link to us" (to download
for a flyer or a slide) and, inline, in the printed footer of every page."""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
from pathlib import Path

import segno

# Where the QR code files go in the built site, one per "Link to us" entry.
QR_FOLDER = "assets/qr/"
# Medium error correction survives a smudged print or a slide seen at an angle, and keeps the
# code small enough to print at 2 cm.
ERROR_LEVEL = "m"
# The quiet zone a scanner needs around the code, in modules (the standard's minimum).
QUIET_ZONE = 4
PRINT_CLASS = "fl-print-only fl-print-qr"
PRINT_CORNER_CLASS = "fl-print-qr--corner"
# Making a code takes a few milliseconds and every build makes about 80 (more with every page),
# so codes are kept on disk by what they encode and how: a rebuild makes only new ones.
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "qr"


def qr_svg(url: str) -> str:
    """The URL as an SVG QR code: black on white (readable on a dark page too), scalable."""
    key = f"{segno.__version__}\0{ERROR_LEVEL}\0{QUIET_ZONE}\0{url}"
    cached = CACHE / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.svg"
    if cached.is_file():
        return cached.read_text(encoding="ascii")
    code = _make(url)
    CACHE.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a build running at the same time never reads half a file.
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_text(code, encoding="ascii")
    partial.replace(cached)
    return code


def _make(url: str) -> str:
    code = segno.make(url, error=ERROR_LEVEL, micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        nl=False,
        omitsize=True,
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        svgclass="fl-qr",
        lineclass=None,
        title=f"QR code for {url}",
    )
    return out.getvalue().decode("ascii")


def qr_file(anchor: str) -> str:
    """The site path of the QR code file of one "Link to us" entry."""
    return f"{QR_FOLDER}{anchor}.svg"


def inline_qr(url: str) -> str:
    """The QR code as an image element inside HTML: named for screen readers by its URL."""
    code = qr_svg(url)
    label = html.escape(f"QR code for {url}", quote=True)
    return re.sub(r"^<svg ", f'<svg role="img" aria-label="{label}" ', code, count=1)


def print_footer(url: str, words: str, extra_class: str = "") -> str:
    """What a printed page ends with: an address, as text and as a QR code (print only)."""
    classes = f"{PRINT_CLASS} {extra_class}".strip()
    return (
        f'<footer class="{classes}" data-fl-print-qr="{html.escape(url, quote=True)}">'
        f"{inline_qr(url)}"
        f"<p>{html.escape(words)} {html.escape(url)}</p></footer>"
    )


def add_print_footer(page_html: str, url: str, words: str) -> str:
    """The page with the footer at the end of its article (Material's <article> element)."""
    return page_html.replace("</article>", print_footer(url, words) + "</article>", 1)


def add_print_corner(page_html: str, url: str, words: str) -> str:
    """The page with the code beside its title instead, for a page whose printed length is
    fixed (the worksheet fills its pages to the last line): it takes no line of its own."""
    title_end = page_html.index("</h1>") + len("</h1>")
    corner = print_footer(url, words, f"{PRINT_CORNER_CLASS}")
    return page_html[:title_end] + corner + page_html[title_end:]
