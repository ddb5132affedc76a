"""Render the "How the score works" and printable worksheet Markdown fragments from the bank.

Every word and number about the questions comes from ``assessment.load_bank()``; the
templates in ``templates/reference/`` hold only the explanation around them. The fragments
are included into pages in ``docs/assessment/``, so their article links start with ``../``.

Run ``python -m build_scripts.reference OUT_DIR`` (from the project root) to write both
fragments to a folder.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from typing import Any

import jinja2

from assessment import Bank, Result, load_bank, load_scenarios, score
from assessment.model import KINDS, SIDES, Link, Question

TEMPLATES = Path(__file__).resolve().parent / "templates" / "reference"
FRAGMENTS = {
    "how-the-score-works.md": "how-the-score-works.md.j2",
    "worksheet.md": "worksheet.md.j2",
}
# The pages that include the fragments live here, relative to docs/.
INCLUDING_FOLDER = "assessment"
# The worked example the rule book computes step by step.
EXAMPLE_SCENARIO = "job-offer"
LETTERS = "abcdefghij"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def markdown_text(text: str) -> str:
    """Bank text made safe to place in Markdown, including inside a table cell."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def number(value: float) -> str:
    """A score as the reader sees it: one decimal place, a true minus sign, no '-0'."""
    return f"{value + 0.0:.1f}".replace("-", "\u2212")


def signed(value: float) -> str:
    return ("+" if value >= 0 else "") + number(value)


def whole(value: int) -> str:
    return str(value).replace("-", "\u2212")


def link_to(link: Link) -> str:
    return link.relative_to(INCLUDING_FOLDER)


def link_text(link: Link) -> str:
    """Readable text for an article link, from its page and anchor: 'Alternatives: batna'."""
    page = link.page.removesuffix(".md").rpartition("/")[2].replace("-", " ")
    return markdown_text(f"{page.capitalize()}: {link.anchor.replace('-', ' ')}")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # the output is Markdown; bank text goes through `md` instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        md=markdown_text,
        number=number,
        signed=signed,
        whole=whole,
        link=link_to,
        link_text=link_text,
    )
    return environment


def _question_numbers(bank: Bank) -> dict[str, int]:
    """Questions are numbered in bank order, as on the assessment page and in the terminal."""
    return {question.id: index for index, question in enumerate(bank.questions, start=1)}


def _numbers_of(questions: tuple[Question, ...], numbers: dict[str, int]) -> str:
    return ", ".join(str(numbers[question.id]) for question in questions)


def _leverage_rows(bank: Bank, numbers: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "dimension": dimension,
            "you": _numbers_of(bank.questions_in(dimension.id, "you"), numbers),
            "them": _numbers_of(bank.questions_in(dimension.id, "them"), numbers),
        }
        for dimension in bank.dimensions_of("leverage")
    ]


def _ethics_rows(bank: Bank, numbers: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {"dimension": dimension, "questions": _numbers_of(bank.questions_in(dimension.id), numbers)}
        for dimension in bank.dimensions_of("ethics")
    ]


def _key_columns(bank: Bank) -> dict[str, str]:
    """The answer letters the scoring key needs for each kind of question."""
    return {
        kind: LETTERS[
            : max(
                len(q.options) for q in bank.questions if bank.dimension(q.dimension).kind == kind
            )
        ]
        for kind in KINDS
    }


def _ethics_band_tops(bank: Bank) -> dict[str, int | None]:
    """Where each score band of the ethics verdict stops (None for the top one)."""
    ordered = sorted((b for b in bank.ethics_bands if not b.red_flag), key=lambda b: b.min)
    tops: dict[str, int | None] = {band.id: None for band in bank.ethics_bands}
    for band, above in itertools.pairwise(ordered):
        tops[band.id] = above.min
    return tops


def _index_sums(result: Result) -> dict[str, dict[str, Any]]:
    """The terms of each side's weighted average in a result, for the worked example."""
    sums: dict[str, dict[str, Any]] = {}
    for side in SIDES:
        scores = [
            (item.dimension.weight, score.score)
            for item in result.leverage.dimensions
            for score in (item.you if side == "you" else item.them,)
            if score is not None and score.score is not None
        ]
        sums[side] = {
            "terms": scores,
            "weight": sum(weight for weight, _ in scores),
        }
    return sums


def _context(bank: Bank) -> dict[str, Any]:
    numbers = _question_numbers(bank)
    leverage = bank.dimensions_of("leverage")
    ethics = bank.dimensions_of("ethics")
    example = load_scenarios(bank)[EXAMPLE_SCENARIO]
    example_result = score(example.answers, bank)
    return {
        "letters": LETTERS,
        "key_columns": _key_columns(bank),
        "leverage_numbers": [
            numbers[q.id] for q in bank.questions if bank.dimension(q.dimension).kind == "leverage"
        ],
        "ethics_band_tops": _ethics_band_tops(bank),
        "example_sums": _index_sums(example_result),
        "bank": bank,
        "numbers": numbers,
        "leverage_dimensions": leverage,
        "ethics_dimensions": ethics,
        "leverage_rows": _leverage_rows(bank, numbers),
        "ethics_rows": _ethics_rows(bank, numbers),
        "you_weight": sum(d.weight for d in leverage if bank.questions_in(d.id, "you")),
        "them_weight": sum(d.weight for d in leverage if bank.questions_in(d.id, "them")),
        "ethics_weight": sum(d.weight for d in ethics),
        "actionable": [q for q in bank.questions if q.actionable],
        "red_flags": [
            (question, option)
            for question in bank.questions
            for option in question.options
            if option.red_flag
        ],
        "bands": sorted(bank.bands, key=lambda band: -band.max),
        "ethics_bands": sorted(bank.ethics_bands, key=lambda band: (not band.red_flag, -band.min)),
        "example": example,
        "example_result": example_result,
    }


def render_reference(bank: Bank | None = None) -> dict[str, str]:
    """Both fragments, by the file name the docs include them as."""
    bank = load_bank() if bank is None else bank
    environment = _environment()
    context = _context(bank)
    return {
        name: environment.get_template(template).render(context)
        for name, template in FRAGMENTS.items()
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m build_scripts.reference OUT_DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in render_reference().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
