"""Static checks on the JavaScript, as for the Python: tsc --noEmit over every module (JSDoc types,
strict), one formatter (Prettier), lines of 120 characters at most, small page modules."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_scripts.schema_types import write_cohort_types, write_result_types
from tests.checks.javascript import (
    PAGE_MODULES,
    PROJECT_ROOT,
    TOOLS,
    TS_PROJECTS,
    javascript_files,
    prettier,
    run_tool,
)
from tests.checks.summary import record

MAX_LINE = 120
MAX_MODULE_LINES = 300


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return run_tool(name, *args)
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)


def relative(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix()


def test_tsc_finds_no_type_error_in_any_module() -> None:
    write_result_types()  # the result's types come from its JSON Schema, made afresh each time
    write_cohort_types()
    failures = []
    errors = 0
    for project in TS_PROJECTS:
        config = f"{TOOLS}/tsconfig.{project}.json"
        completed = tool("tsc", "--noEmit", "--pretty", "false", "-p", config)
        errors += completed.stdout.count(": error TS")
        if completed.returncode != 0:
            failures.append(f"tsconfig.{project}.json:\n{completed.stdout}{completed.stderr}")
    record(f"tsc --noEmit ({', '.join(TS_PROJECTS)})", f"{errors} errors")
    if failures:
        pytest.fail("tsc found type errors:\n" + "\n".join(failures), pytrace=False)


def test_every_javascript_file_is_in_a_type_checked_project() -> None:
    write_result_types()
    write_cohort_types()
    checked: set[str] = set()
    for project in TS_PROJECTS:
        completed = tool("tsc", "--listFilesOnly", "-p", f"{TOOLS}/tsconfig.{project}.json")
        checked.update(line.strip() for line in completed.stdout.splitlines())
    assert [relative(path) for path in javascript_files() if str(path) not in checked] == []


def test_every_javascript_file_starts_with_ts_check_and_says_what_it_holds() -> None:
    offenders = []
    for path in javascript_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines[:1] != ["// @ts-check"] or not lines[1].startswith("// ") or len(lines[1]) < 20:
            offenders.append(relative(path))
    assert offenders == [], "start each file with // @ts-check, then a comment saying what it holds"


def test_prettier_would_change_nothing() -> None:
    try:
        completed = prettier("--check")
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
    unformatted = [line for line in completed.stderr.splitlines() if line.startswith("[warn] ")]
    record("prettier", f"{max(len(unformatted) - 1, 0)} files to reformat")
    if completed.returncode != 0:
        pytest.fail(
            f"Prettier would reformat these files (run `make format`):\n{completed.stderr}",
            pytrace=False,
        )


def test_no_javascript_line_is_longer_than_120_characters() -> None:
    long_lines = [
        f"{relative(path)}:{number}"
        for path in javascript_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_LINE
    ]
    assert long_lines == []


def test_every_page_module_fits_in_300_lines() -> None:
    sizes = {relative(p): len(p.read_text().splitlines()) for p in PAGE_MODULES.rglob("*.mjs")}
    assert {path: lines for path, lines in sizes.items() if lines > MAX_MODULE_LINES} == {}
