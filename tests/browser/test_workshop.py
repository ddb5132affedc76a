"""The workshop page: pasted or loaded share links summarised by Python in the page (the same
summary as assessment.cohort), bad lines listed with the engine's message, hostile text shown
as text, downloads made by Python, and the link builder for a group."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from assessment import encode, load_scenarios
from assessment.cohort import summarise
from build_scripts.fragments import NOTE_LIMIT
from build_scripts.startup import SNAPSHOT, folder_name
from tests.support.axe import WCAG_TAGS, axe_violations, describe_violations
from tests.support.static_server import Fault, ServerOptions

RESULTS = "[data-fl-ws-results]"
V1_CODE = "fl1.1.Bg_q7kqyIjQqX31p0g"  # tests/unit/data/share_codes.toml: scenario job-offer
HOSTILE = [
    "<script>window.__hostile = 1</script>",
    '<img src="x" onerror="window.__hostile = 2">',
    '=HYPERLINK("https://example.org")',
    "&lt;b&gt;not bold&lt;/b&gt; <b>nor this</b>",
    "x" * 100_000,
]


def codes() -> list[str]:
    return [encode(scenario.answers) for scenario in load_scenarios().values()]


def wait_for_summary(page: Page) -> None:
    page.wait_for_selector(f"{RESULTS}[data-fl-state='current']")


def shown_unreadable(page: Page) -> list[list[str]]:
    return table_rows(page, "Each line that could not be read, with the reason")


def table_rows(page: Page, caption: str) -> list[list[str]]:
    return page.evaluate(
        """(caption) => {
          const table = [...document.querySelectorAll("[data-fl-ws-body] table")]
            .find((t) => t.caption.textContent === caption);
          return [...table.querySelectorAll("tbody tr")]
            .map((row) => [...row.children].map((cell) => cell.textContent.trim()));
        }""",
        caption,
    )


def test_pasted_links_are_summarised_as_the_terminal_summarises_them(
    page: Page, site_url: str
) -> None:
    text = "\n".join(
        [*codes(), "", "not a code", f"https://example.org/assessment/#code={V1_CODE}"]
    )
    expected = summarise(text).to_dict()
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-text]").fill(text)
    page.get_by_role("button", name="Summarise").click()  # before Python is ready: it waits
    wait_for_summary(page)
    counts = expected["counts"]
    expect(page.locator("[data-fl-ws-counts]")).to_have_text(
        f"{counts['entries']} lines with a link or code came in: {counts['read']} read, "
        f"{counts['unreadable']} could not be read."
    )
    (bad,) = expected["unreadable"]
    assert shown_unreadable(page) == [[str(bad["line"]), bad["text"], bad["message"]]]
    assert table_rows(page, "Results in each band of the balance") == [
        [band["label"], "", str(band["count"]), f"{band['percent']:g}%"]
        for band in expected["balance"]["bands"]
    ]
    first = expected["first_suggestion"]
    assert first is not None
    expect(page.locator("[data-fl-ws-first]")).to_contain_text(first["text"])
    dimension_rows = table_rows(page, "Mean per dimension, for you and for them")
    assert [row[0] for row in dimension_rows] == [d["title"] for d in expected["dimensions"]]
    for row, dimension in zip(dimension_rows, expected["dimensions"], strict=True):
        mean = dimension["you"]["mean"]
        assert row[1].startswith("no known answer" if mean is None else f"{mean:.1f}")


def test_a_loaded_file_with_hostile_lines_is_read_on_the_device_and_shown_as_text(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "participants.txt"
    text = "\n".join([codes()[0], *HOSTILE, codes()[1]])
    file.write_text(text, encoding="utf-8")
    expected = summarise(text).to_dict()
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-file]").set_input_files(str(file))
    wait_for_summary(page)
    assert [row[:2] for row in shown_unreadable(page)] == [
        [str(u["line"]), u["text"]] for u in expected["unreadable"]
    ]
    body = page.locator("[data-fl-ws-body]")
    assert body.locator("script, img, b").count() == 0
    assert page.evaluate("window.__hostile") is None
    assert page.locator("[data-fl-ws-text]").input_value() == text


def test_the_downloads_are_the_csv_and_json_python_made(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    text = "\n".join([*codes()[:5], "<b>bad</b>"])
    summary = summarise(text)
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-text]").fill(text)
    page.get_by_role("button", name="Summarise").click()
    wait_for_summary(page)
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download CSV").click()
    csv_path = tmp_path / "summary.csv"
    csv_download.value.save_as(csv_path)
    assert csv_path.read_bytes().decode("utf-8") == summary.to_csv()
    with page.expect_download() as json_download:
        page.get_by_role("button", name="Download JSON").click()
    json_path = tmp_path / "summary.json"
    json_download.value.save_as(json_path)
    assert json.loads(json_path.read_text(encoding="utf-8")) == summary.to_dict()


def test_a_csv_without_a_column_of_codes_shows_the_engine_message_and_no_summary(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-text]").fill("name,email\nAnna,anna@example.org")
    page.get_by_role("button", name="Summarise").click()
    page.wait_for_selector(f"{RESULTS}[data-fl-state='error']")
    expect(page.locator("[data-fl-ws-status]")).to_contain_text("names no column of share links")
    expect(page.locator("[data-fl-ws-body]")).to_be_hidden()
    expect(page.get_by_role("button", name="Download CSV")).to_be_hidden()


def test_the_link_builder_puts_the_example_and_the_note_after_the_hash(
    page: Page, site_url: str
) -> None:
    scenario = next(iter(load_scenarios().values()))
    note = "For Tuesday's workshop: bring <your> notes & 2 questions"
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-scenario]").select_option(scenario.id)
    page.locator("[data-fl-ws-note]").fill(note)
    page.get_by_role("button", name="Make the link").click()
    link = urlsplit(page.locator("[data-fl-ws-made-link]").input_value())
    assert f"{link.scheme}://{link.netloc}{link.path}" == site_url + "assessment/"
    assert link.query == ""
    assert parse_qs(link.fragment) == {"scenario": [scenario.id], "note": [note]}
    assert page.locator("[data-fl-ws-note]").get_attribute("maxlength") == str(NOTE_LIMIT)


def test_the_drawn_summary_and_the_link_builder_pass_axe(page: Page, site_url: str) -> None:
    page.goto(site_url + "assessment/workshop/")
    page.locator("[data-fl-ws-text]").fill("\n".join([*codes(), "not a code"]))
    page.get_by_role("button", name="Summarise").click()
    wait_for_summary(page)
    page.locator("[data-fl-ws-note]").fill("For the Tuesday group")
    page.get_by_role("button", name="Make the link").click()
    page.mouse.move(0, 0)  # Material's hover colours are its own (see fair-leverage.css)
    violations = axe_violations(page, "#fl-workshop", [*WCAG_TAGS, "best-practice"])
    assert violations == [], describe_violations(violations, "the workshop page")


def test_the_trimmed_archive_holds_everything_the_summary_imports(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    """Without the memory snapshot nothing is imported in advance, so the csv module and the
    cohort modules must be in the trimmed archive, or Python falls back to the full library."""
    server_options.faults[f"/{folder_name()}/{SNAPSHOT}"] = Fault(status=404)
    server_options.requests.clear()
    text = "\n".join([*codes()[:3], V1_CODE, "name;code"])
    page.goto(site_url + "assessment/workshop/")
    page.wait_for_selector("#fl-workshop[data-scorer-state='ready']")
    page.locator("[data-fl-ws-text]").fill("name;code\n" + "\n".join(f"x;{c}" for c in codes()[:3]))
    page.get_by_role("button", name="Summarise").click()
    wait_for_summary(page)
    page.locator("[data-fl-ws-text]").fill(text)
    page.get_by_role("button", name="Summarise").click()
    wait_for_summary(page)
    expect(page.locator("[data-fl-ws-counts]")).to_contain_text(
        f"{summarise(text).read} read, 1 could not be read"
    )
    assert not any(path.endswith("/python_stdlib.zip") for path in server_options.requests)
    assert not any(path.endswith(".whl") for path in server_options.requests)
