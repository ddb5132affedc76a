"""Benchmark: what the plan page asks of a reader, and how fast its machinery answers.

Not a test (pytest does not collect it). Run: python tests/bench/plan_bench.py [SITE_DIR]
(SITE_DIR defaults to a fresh `mkdocs build` in a temporary folder). How long a reader takes to
go from an empty assessment to a printed plan is a human measure; this prints what stands for
it: the fields to fill, the words to read, and one scripted run in Debian's Chromium, from an
empty assessment to a checked plan printed as a PDF, with each step timed. It also prints the
length of each worked example's plan link, and the time CPython takes for each plan request.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from assessment import encode_plan, load_bank
from assessment.browser import handle
from assessment.pages import DEFAULT_SITE_URL
from assessment.plan_code import MAX_CODE_LENGTH, site_path
from assessment.plan_fields import FIELDS
from assessment.plan_files import example_ids, load_example
from build_scripts.fragments import PLAN_URL
from tests.bench.bench_score import load_average
from tests.browser.plan_helpers import example_form, fill_plan, wait_for_checks
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.static_server import serve

WORD = re.compile(r"[A-Za-z0-9£€$%][\w',.%-]*")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?!s)")
# What a reader reads on the plan page: its introduction and every label, help text, question
# and option of the form (the notes Python adds depend on the plan, so they are left out).
READ_TEXT = """() => [
  ...document.querySelectorAll("article > p:not(.fl-plan p)"),
  ...document.querySelectorAll("[data-fl-form] :is(h2, label, legend, .fl-plan__help)"),
].map((node) => node.innerText).join("\\n")"""


def site_dir(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    folder = Path(tempfile.mkdtemp(prefix="plan-bench-"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    return folder


def fields() -> None:
    rows = {name: spec.limit for name, spec in FIELDS.items() if spec.kind == "rows"}
    top = [name for name, spec in FIELDS.items() if spec.kind not in ("rows", "answers")]
    questions = len([q for q in load_bank().questions_in("if-talks-stall")])
    print(
        f"fields: {len(top)} single fields, {len(rows)} tables of rows "
        f"({', '.join(f'{name}: up to {n}' for name, n in rows.items())}), "
        f"{questions} questions about the warning"
    )
    required = [name for name, spec in FIELDS.items() if spec.required]
    print(f"fields a whole plan needs: {len(required)} ({', '.join(required)})")


def links() -> None:
    bank = load_bank()
    for example_id in example_ids():
        code = encode_plan(load_example(example_id, bank), bank)
        link = DEFAULT_SITE_URL + site_path(code)
        print(
            f"plan link, {example_id}: code {len(code):,} characters, link {len(link):,} "
            f"(limit {MAX_CODE_LENGTH:,} for the code)"
        )


def python_requests() -> None:
    form = example_form("job-offer")
    requests = {
        "plan-check (example, with saved answers)": {
            "op": "plan-check",
            "form": form,
            "answers": {"their-alternative": "unknown"},
        },
        "plan-markdown": {"op": "plan-markdown", "form": form},
        "plan-encode": {"op": "plan-encode", "form": form},
    }
    for name, request in requests.items():
        text = json.dumps(request)
        best = min(timeit.repeat(lambda text=text: handle(text), number=50, repeat=5)) / 50 * 1000
        print(f"CPython {name:<40} best {best:.2f} ms per request")


def scripted_run(site: Path) -> None:
    with serve(site) as (base_url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context().new_page()
            page.set_default_timeout(60_000)
            started = time.perf_counter()
            page.goto(base_url + "assessment/")
            page.locator("article a", has_text="your negotiation plan").first.click()
            page.wait_for_url(f"**/{PLAN_URL}")
            page.wait_for_selector("#fl-plan[data-scorer-state='ready']")
            ready = time.perf_counter()
            words = len(WORD.findall(page.evaluate(READ_TEXT)))
            controls = page.evaluate("document.querySelector('[data-fl-form]').elements.length")
            form = example_form("job-offer")
            fill_plan(page, form)
            typed = time.perf_counter()
            wait_for_checks(page)
            checked = time.perf_counter()
            summary = page.locator("[data-fl-summary]").inner_text()
            pages = {
                paper: len(PAGE_OBJECT.findall(page.pdf(format=paper)))
                for paper in ("A4", "Letter")
            }
            printed = time.perf_counter()
        finally:
            browser.close()
    print(
        f"words to read on the plan page (introduction, labels, help, questions, options): {words}"
    )
    print(f"form controls on the plan page: {controls}; filled in the scripted run: {len(form)}")
    print(
        "scripted run (job-offer plan, no assessment answers), seconds from opening the assessment:"
    )
    print(f"  plan page open and Python ready  {ready - started:6.2f}")
    print(f"  every field filled               {typed - started:6.2f}")
    print(f"  plan checked and drawn           {checked - started:6.2f}  ({summary})")
    print(f"  printed to PDF                   {printed - started:6.2f}  (pages: {pages})")


def main() -> int:
    print(f"load average: {load_average()}")
    fields()
    links()
    python_requests()
    scripted_run(site_dir(sys.argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
