"""The plan's one-page sheet as Markdown, for the reader to keep, print or paste anywhere.

The reader's own text is escaped, so nothing they wrote turns into a link, an image, markup or
a broken table when the file is shown.
"""

from __future__ import annotations

import re

from assessment.plan_sheet import Block, Sheet

FILE_NAME = "negotiation-plan.md"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
# What makes a list, a heading or a rule when a line starts with it (lines are stripped first,
# so no indent makes code).
_LEADING = re.compile(r"^(\d*)([-+=.)])")


def _line(text: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", text.strip())
    # Only a digit-led "." or ")" is a list marker, but escaping either is harmless.
    return _LEADING.sub(r"\1\\\2", escaped)


def escape(text: str) -> str:
    """Text with Markdown's special characters escaped and line breaks kept as breaks."""
    return "  \n".join(_line(line) for line in text.splitlines())


def _label(label: str) -> str:
    """A row's label as a lead-in: "Target:", but a question keeps its own question mark."""
    return escape(label) if label.endswith("?") else f"{escape(label)}:"


def _cell(text: str) -> str:
    return " ".join(escape(text).split()) or " "


def _block(block: Block) -> list[str]:
    lines = [f"## {escape(block.heading)}", ""]
    if block.text:
        lines += [escape(block.text), ""]
    if block.rows:
        lines += [f"- **{_label(label)}** {escape(text)}" for label, text in block.rows]
        lines.append("")
    if block.table:
        headings, *rows = block.table
        lines.append("| " + " | ".join(_cell(cell) for cell in headings) + " |")
        lines.append("|" + " --- |" * len(headings))
        lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    if block.items:
        mark = "- [ ] " if block.checklist else "- "
        lines += [mark + escape(item) for item in block.items]
        lines.append("")
    return lines


def to_markdown(sheet: Sheet) -> str:
    """The whole sheet as one Markdown document, ending in a newline."""
    lines = [f"# {escape(sheet.title)}", ""]
    for block in sheet.blocks:
        lines += _block(block)
    return "\n".join(lines).rstrip("\n") + "\n"
