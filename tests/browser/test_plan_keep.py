"""Keeping the plan page's plan: the Markdown Python writes, a print that fits one A4 or Letter
page (counted in Chromium's own PDF), and plan links, opened in a fresh browser, refused clearly
when damaged or too long, and never at the cost of the reader's own plan."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

import assessment
from assessment.plan import parse_plan, read_plan
from assessment.plan_checks import check_plan
from assessment.plan_code import MAX_CODE_LENGTH
from assessment.plan_fields import from_form, to_form
from assessment.plan_files import example_ids
from assessment.plan_markdown import FILE_NAME, to_markdown
from assessment.plan_sheet import make_sheet
from build_scripts.fragments import PLAN_STORAGE_KEY, PLAN_URL, STORAGE_KEY
from build_scripts.startup import ARCHIVE, SNAPSHOT, folder_name
from tests.browser.assessment_helpers import START_TIMEOUT_MS
from tests.browser.plan_helpers import (
    example_form,
    fill_plan,
    form_values,
    full_plan,
    open_plan,
    store_before_load,
    stored_plan,
    wait_for_checks,
    wait_for_plan,
)
from tests.support.static_server import Fault, ServerOptions
from tests.unit.plan_data import too_long_for_a_link

BANK = assessment.load_bank()
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?!s)")
STARTUP = f"/{folder_name()}/"


def markdown_of(form: dict[str, str]) -> str:
    read = read_plan(from_form(form), BANK)
    return to_markdown(make_sheet(read.plan, check_plan(read.plan, BANK, read.problems), BANK))


def test_the_markdown_download_is_the_one_python_writes(page: Page, site_url: str) -> None:
    form = example_form("sole-supplier")
    open_plan(page, site_url)
    fill_plan(page, form)
    page.locator("[name='deal']").fill("Payment terms <b>before</b> the launch | [link](x)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download (Markdown)").click()
    assert download.value.suggested_filename == FILE_NAME
    text = download.value.path().read_text(encoding="utf-8")
    assert text == markdown_of(form_values(page))
    assert "\\<b\\>before\\</b\\> the launch \\| \\[link\\](x)" in text
    expect(page.locator("[data-fl-keep-status]")).to_contain_text(FILE_NAME)


@pytest.mark.parametrize("plan", [*example_ids(), "every-field-full"])
def test_the_printed_plan_fits_one_a4_page_and_one_letter_page(
    page: Page, site_url: str, plan: str
) -> None:
    form = full_plan() if plan == "every-field-full" else example_form(plan)
    store_before_load(page, PLAN_STORAGE_KEY, json.dumps({"form": form}))
    open_plan(page, site_url)
    expect(page.locator("[data-fl-summary]")).to_have_text("Your plan passes every check.")
    for paper in ("A4", "Letter"):
        pages = len(PAGE_OBJECT.findall(page.pdf(format=paper)))
        assert pages == 1, f"the plan prints on {pages} {paper} pages"
    # The print is the sheet alone: no form, no buttons, not the page's own title.
    page.emulate_media(media="print")
    expect(page.locator("[data-fl-form]")).to_be_hidden()
    expect(page.locator(".fl-plan__keep")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    expect(page.locator("[data-fl-sheet-title]")).to_have_text(f"Negotiation plan: {form['deal']}")


def test_a_plan_link_opens_the_same_plan_in_a_fresh_browser(
    page: Page, site_url: str, browser: Browser
) -> None:
    form = example_form("job-offer")
    open_plan(page, site_url)
    fill_plan(page, form)
    page.get_by_role("button", name="Copy plan link").click()
    link = page.locator("[data-fl-share-link]")
    expect(link).to_have_value(re.compile(re.escape(f"{site_url}{PLAN_URL}#plan=")))
    url = link.input_value()
    assert assessment.decode_plan(url).plan == parse_plan(from_form(form), BANK)
    expect(page.locator("[data-fl-keep-status]")).to_contain_text(f"({len(url)} characters)")

    fresh = browser.new_context()  # nothing stored: another person's browser
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    elsewhere: list[str] = []
    fresh.on("request", lambda r: None if r.url.startswith(origin) else elsewhere.append(r.url))
    try:
        other = fresh.new_page()
        other.set_default_timeout(START_TIMEOUT_MS)
        other.goto(url)
        wait_for_plan(other)
        other.wait_for_function("() => location.hash === ''")  # the link is not applied twice
        assert form_values(other) == form
        expect(other.locator("[data-fl-notice-text]")).to_contain_text("the plan link you opened")
        expect(other.locator("[data-fl-summary]")).to_have_text("Your plan passes every check.")
        assert stored_plan(other) == {"form": form}
        assert elsewhere == []
    finally:
        fresh.close()


def test_a_link_never_costs_the_reader_their_own_plan(page: Page, site_url: str) -> None:
    own = example_form("small-business")
    store_before_load(page, PLAN_STORAGE_KEY, json.dumps({"form": own}))
    open_plan(page, site_url, "#example=job-offer")
    assert form_values(page) == example_form("job-offer")
    assert stored_plan(page) == {"form": example_form("job-offer"), "previous": own}
    page.reload()  # the offer to put it back survives a reload
    wait_for_plan(page)
    page.get_by_role("button", name="Put my own plan back").click()
    wait_for_checks(page)
    assert form_values(page) == own
    assert stored_plan(page) == {"form": own}


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("#plan=hello", "This plan link could not be read: This is not a Fair Leverage plan link"),
        ("#plan=flp9.2.AAAA", "uses format 'flp9'"),
        ("#plan=flp1.2.<img src=x onerror=alert(1)>", "characters that plan links never use"),
        (
            "#example=<b>nope</b>",
            "This example could not be opened: There is no worked example plan",
        ),
    ],
    ids=["garbled", "other-format", "hostile", "unknown-example"],
)
def test_a_bad_link_is_explained_and_leaves_the_plan_as_it_was(
    page: Page, site_url: str, fragment: str, message: str
) -> None:
    own = example_form("sole-supplier")
    store_before_load(page, PLAN_STORAGE_KEY, json.dumps({"form": own}))
    open_plan(page, site_url, fragment)
    expect(page.locator("[data-fl-notice-text]")).to_contain_text(message)
    expect(page.locator("[data-fl-notice-text]")).to_contain_text("Your own plan is unchanged.")
    assert form_values(page) == own and stored_plan(page) == {"form": own}
    assert page.locator("#fl-plan img, #fl-plan b").count() == 0


def test_a_changed_character_in_a_plan_link_is_caught(page: Page, site_url: str) -> None:
    code = assessment.encode_plan(parse_plan(from_form(example_form("job-offer")), BANK))
    position = len(code) // 2
    damaged = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1 :]
    open_plan(page, site_url, f"#plan={damaged}")
    expect(page.locator("[data-fl-notice-text]")).to_contain_text("This plan link is damaged")
    assert form_values(page) == {}


def test_a_plan_too_long_for_a_link_says_so_and_offers_the_file(page: Page, site_url: str) -> None:
    form = to_form(too_long_for_a_link())
    store_before_load(page, PLAN_STORAGE_KEY, json.dumps({"form": form}))
    open_plan(page, site_url)
    page.get_by_role("button", name="Copy plan link").click()
    status = page.locator("[data-fl-keep-status]")
    expect(status).to_contain_text(f"plan links stop at {MAX_CODE_LENGTH:,}")
    expect(status).to_contain_text("download the plan as Markdown")
    expect(page.locator("[data-fl-share]")).to_be_hidden()
    assert form_values(page) == form


def test_every_plan_operation_runs_on_the_trimmed_archive_alone(
    page: Page, site_url: str, server_options: ServerOptions
) -> None:
    """Without the memory snapshot nothing is imported in advance: every module the plan page's
    requests import (zlib, base64, the example plans…) must be in the trimmed archive."""
    server_options.faults[STARTUP + SNAPSHOT] = Fault(status=404)
    server_options.requests.clear()
    store_before_load(page, STORAGE_KEY, json.dumps({"answers": {"their-alternative": "unknown"}}))
    open_plan(page, site_url, "#example=small-business")
    with page.expect_download():
        page.get_by_role("button", name="Download (Markdown)").click()
    page.get_by_role("button", name="Copy plan link").click()
    link = page.locator("[data-fl-share-link]")
    # The link is Python's work: read it once it is there.
    expect(link).to_have_value(re.compile(re.escape(f"{site_url}{PLAN_URL}#plan=")))
    url = link.input_value()
    page.evaluate("(hash) => { location.hash = hash; }", url.partition("#")[2][:-3] + "zzz")
    expect(page.locator("[data-fl-notice-text]")).to_contain_text("This plan link is damaged")
    assert not any(path.endswith("/python_stdlib.zip") for path in server_options.requests)
    assert not any(path.endswith(".whl") for path in server_options.requests)
    assert any(path.endswith(STARTUP + ARCHIVE) for path in server_options.requests)
