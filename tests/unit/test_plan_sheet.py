"""The plan on one page (assessment/plan_sheet.py) and as Markdown (plan_markdown.py): numbers the
site's way, step sizes and the zone worked out, and the reader's text never turned into markup."""

from __future__ import annotations

import re

import pytest

from assessment import Bank
from assessment.plan import Plan, parse_plan
from assessment.plan_checks import check_plan
from assessment.plan_files import example_ids, load_example
from assessment.plan_markdown import escape, to_markdown
from assessment.plan_sheet import NO_VALUE, Sheet, make_sheet


def sheet_of(plan: Plan, bank: Bank) -> Sheet:
    return make_sheet(plan, check_plan(plan, bank), bank)


def block(sheet: Sheet, block_id: str) -> dict[str, object]:
    return next(b.to_dict() for b in sheet.blocks if b.id == block_id)


def test_the_job_offer_plan_on_one_page(bank: Bank) -> None:
    sheet = sheet_of(load_example("job-offer", bank), bank)
    assert sheet.title.startswith("Negotiation plan: My pay and terms")
    assert [b.id for b in sheet.blocks] == [
        "numbers",
        "concessions",
        "trades",
        "interests",
        "find_out",
        "first_words",
        "warning",
        "checks",
    ]
    numbers = dict(block(sheet, "numbers")["rows"])  # type: ignore[arg-type]
    assert numbers["Walk-away point"].startswith("£66,000. You prefer the retailer's team")
    assert numbers["Zone of possible agreement"] == (
        "Between your walk-away point (£66,000) and their likely limit (£70,000), on your estimate."
    )
    assert block(sheet, "concessions")["table"] == [
        ["Step", "Move to", "Size of step", "In return, if they…"],
        ["Opening", "£70,000", NO_VALUE, NO_VALUE],
        ["1", "£69,500", "£500", "they write two home days a week into the contract"],
        ["2", "£69,200", "£300", "they add a yearly training budget"],
        ["3", "£69,000", "£200", "they put a pay review at six months in the offer letter"],
    ]
    assert ["Checked", "Your plan looks fair"] in block(sheet, "warning")["rows"]  # type: ignore[operator]
    assert block(sheet, "checks")["text"] == "Your plan passes every check."


def test_the_zone_says_when_their_limit_falls_short(bank: Bank) -> None:
    plan = parse_plan(
        {"better": "lower", "unit": "days", "walk_away": 60, "their_likely_limit": 75}, bank
    )
    numbers = dict(block(sheet_of(plan, bank), "numbers")["rows"])  # type: ignore[arg-type]
    assert numbers["Zone of possible agreement"] == (
        "None on your estimate: their limit (75 days) falls short of your walk-away point "
        "(60 days)."
    )


def test_an_empty_plan_has_an_empty_sheet_and_problems_are_listed_at_the_end(bank: Bank) -> None:
    assert sheet_of(Plan(), bank).blocks == ()
    plan = parse_plan({"better": "higher", "walk_away": 10, "target": 5}, bank)
    checks = block(sheet_of(plan, bank), "checks")
    assert checks["text"].startswith("1 to change")  # type: ignore[union-attr]
    assert checks["items"] == [check_plan(plan, bank).findings[0].message]


@pytest.mark.parametrize("example_id", example_ids())
def test_the_markdown_holds_every_block_of_the_sheet(example_id: str, bank: Bank) -> None:
    sheet = sheet_of(load_example(example_id, bank), bank)
    markdown = to_markdown(sheet)
    assert markdown.startswith(f"# {escape(sheet.title)}\n")
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == [
        b.heading for b in sheet.blocks
    ]
    assert markdown.count("- [ ] ") == len(load_example(example_id, bank).find_out)
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


@pytest.mark.parametrize(
    "text",
    [
        "[click](https://evil.example)",
        "![img](x.png)",
        "<script>alert(1)</script>",
        "| a | b |",
        "# heading",
        "- item",
        "1. item",
        "**bold** _it_ `code`",
        "&lt;b&gt;",
    ],
)
def test_the_readers_text_never_becomes_markdown(text: str) -> None:
    escaped = escape(text)
    # Every special character is escaped, so a Markdown renderer shows the text as written.
    unescaped = re.sub(r"\\.", "", escaped)
    assert not re.search(r"[\[\]<>|`*_&]|^#|^-|^\d+\.", unescaped)


def test_a_table_cell_keeps_its_row_whatever_the_reader_typed(bank: Bank) -> None:
    plan = parse_plan(
        {"trades": [{"issue": "A | B\nC", "to_you": "some", "to_them": "little"}]}, bank
    )
    table = [
        line for line in to_markdown(sheet_of(plan, bank)).splitlines() if line.startswith("|")
    ]
    assert table[-1] == "| A \\| B C | Some | Little |"
