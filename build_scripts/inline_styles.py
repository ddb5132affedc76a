"""Turns the column alignment Markdown tables write as style attributes into classes.

Python-Markdown writes `<td style="text-align: right;">` for an aligned column; a strict
Content-Security-Policy (style-src 'self') blocks every style attribute, so the build moves
the alignment into a class that fair-leverage.css styles.
"""

from __future__ import annotations

import re

CELL = re.compile(r"<(?P<tag>td|th)\b(?P<attrs>[^>]*)>")
ALIGN = re.compile(r'\s+style="text-align:\s*(?P<side>left|right|center);?"')


def align_classes(html: str) -> str:
    def replace(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        align = ALIGN.search(attrs)
        if align is None or "class=" in attrs:
            return match[0]
        rest = ALIGN.sub("", attrs, count=1)
        return f'<{match["tag"]}{rest} class="fl-align-{align["side"]}">'

    return CELL.sub(replace, html)
