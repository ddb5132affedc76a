"""Render the "How the score works" and printable worksheet Markdown fragments from the bank.

Every word and number about the questions comes from ``assessment.load_bank()``; the
templates in ``templates/reference/`` hold only the explanation around them. The fragments
are included into pages in ``docs/assessment/``, so their article links start with ``../``.

Run ``python -m build_scripts.reference OUT_DIR`` (from the project root) to write both
fragments to a folder.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import jinja2

from assessment import Bank, legacy, leverage, load_bank, load_scenarios, pages, score
from assessment.model import Link, Option, Question

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
    """The page's title, as the link's text (from its front matter, via assessment.pages)."""
    return markdown_text(pages.title(link))


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


def _leverage_rows(bank: Bank, numbers: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for dimension in bank.dimensions_of("leverage"):
        asked = {q.side: q for q in bank.questions_in(dimension.id)}
        rows.append(
            {
                "dimension": dimension,
                "you": asked.get("you"),
                "them": asked.get("them"),
                "numbers": {side: numbers[q.id] for side, q in asked.items() if side},
            }
        )
    return rows


def _sensitivity(bank: Bank, numbers: dict[str, int]) -> list[dict[str, Any]]:
    """Each leverage question's largest swing of the balance, found by re-scoring it alone
    at its lowest and its highest answer (the model is additive, so the other answers do
    not change the swing), and what one step of it is worth."""
    rows = []
    for question in bank.questions_of("leverage"):
        low, high = question.scale[0], question.scale[-1]
        at_low = leverage.balance({question.id: low}, bank)
        at_high = leverage.balance({question.id: high}, bank)
        steps = len(question.scale) - 1
        rows.append(
            {
                "question": question,
                "number": numbers[question.id],
                "weight": bank.dimension(question.dimension).weight,
                "swing": abs(at_high - at_low),
                "step": abs(at_high - at_low) / steps,
            }
        )
    return rows


def _key_columns(bank: Bank) -> str:
    """The answer letters the scoring key needs: as many as the longest question's options."""
    return LETTERS[: max(len(q.options) for q in bank.questions)]


def _balance_points(bank: Bank) -> dict[str, list[float | None]]:
    """For the worksheet: what each answer adds to the balance (None: "I don't know")."""
    return {
        question.id: [
            None if option.unknown else leverage.effect(question, option, bank)
            for option in question.options
        ]
        for question in bank.questions_of("leverage")
    }


def _full_uncertainty(bank: Bank) -> int:
    """The ± with every leverage question answered (it does not depend on the answers)."""
    answers = {q.id: q.scale[0] for q in bank.questions_of("leverage")}
    return round(leverage.uncertainty(answers, bank))


def _problems(bank: Bank) -> list[tuple[Question, Option]]:
    """Every red or amber answer of the plan questions, in form order."""
    return [
        (question, option)
        for question in bank.questions_of("ethics")
        for option in question.options
        if option.level is not None
    ]


def _carried_over(bank: Bank) -> list[dict[str, Any]]:
    """For each older bank version, its questions whose answers may not carry over."""
    found = []
    for version, old in sorted(legacy.old_banks().items()):
        reasons: dict[str, str] = {}
        for question, options in old.layout.questions:
            for option in options:
                if not old.always_carries(question, option):
                    reasons.setdefault(question, old.reason_for(question, option))
        found.append({"version": version, "reasons": reasons, "texts": old.texts})
    return found


def _reading_pages(bank: Bank, numbers: dict[str, int]) -> list[tuple[Link, list[int]]]:
    """Each article page the questions link to, once, with the numbers of its questions."""
    found: dict[str, tuple[Link, list[int]]] = {}
    for question in (
        bank.questions_of("leverage")
        + bank.questions_of("preparation")
        + bank.questions_of("ethics")
    ):
        found.setdefault(question.link.page, (question.link, []))[1].append(numbers[question.id])
    return list(found.values())


def _problem_groups(bank: Bank) -> list[dict[str, Any]]:
    """The plan's red and amber answers grouped by their fair alternative, each said once."""
    groups: dict[str, list[tuple[Question, Option]]] = {}
    for question, option in _problems(bank):
        groups.setdefault(option.fair_alternative or "", []).append((question, option))
    return [{"text": text, "answers": answers} for text, answers in groups.items()]


def _context(bank: Bank) -> dict[str, Any]:
    numbers = _question_numbers(bank)
    example = load_scenarios(bank)[EXAMPLE_SCENARIO]
    example_result = score(example.answers, bank)
    return {
        "bank": bank,
        "numbers": numbers,
        "letters": LETTERS,
        "key_columns": _key_columns(bank),
        "leverage_rows": _leverage_rows(bank, numbers),
        "side_weight": bank.side_weight("you"),
        "sensitivity": _sensitivity(bank, numbers),
        "largest_swing": max(row["swing"] for row in _sensitivity(bank, numbers)),
        "balance_points": _balance_points(bank),
        "full_uncertainty": _full_uncertainty(bank),
        "required": [q for q in bank.questions_of("leverage") if q.required],
        "bands": sorted(bank.bands, key=lambda band: -band.max),
        "preparation_bands": sorted(bank.preparation_bands, key=lambda band: -band.min),
        "problems": _problems(bank),
        "combinations": [c for c in bank.combinations if c.level != "note"],
        "notes": [c for c in bank.combinations if c.level == "note"],
        "feasibility": {
            "when": [(bank.timing(when), percent) for when, percent in bank.feasibility.when],
            "effort": [
                (bank.effort(effort), percent) for effort, percent in bank.feasibility.effort
            ],
        },
        "actions": [(q, a) for q in bank.questions for a in q.actions],
        "carried_over": _carried_over(bank),
        "reading_pages": _reading_pages(bank, numbers),
        "problem_groups": _problem_groups(bank),
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
