"""Static checks on the Python: ruff (lint, format) on the project, mypy --strict on our code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checks.summary import record

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
# mypy --strict covers the code that ships or builds the site; tests are held to ruff only.
TYPED_PACKAGES = ["assessment", "build_scripts"]
CONCISE_LINE = re.compile(r"^\S+:\d+:\d+: ", re.MULTILINE)  # path:line:column: message


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / command[0]), *command[1:]],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_check_reports_nothing() -> None:
    completed = run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    record("ruff check", f"{len(CONCISE_LINE.findall(completed.stdout))} problems")
    if completed.returncode != 0:
        pytest.fail(
            f"ruff check found problems:\n{completed.stdout}{completed.stderr}", pytrace=False
        )


def test_ruff_format_would_change_nothing() -> None:
    completed = run("ruff", "format", "--no-cache", "--check", "--output-format", "concise", ".")
    record("ruff format", f"{len(CONCISE_LINE.findall(completed.stdout))} files to reformat")
    if completed.returncode != 0:
        pytest.fail(
            "ruff format would reformat these files (run `.venv/bin/ruff format <file>`):\n"
            f"{completed.stdout}{completed.stderr}",
            pytrace=False,
        )


def test_mypy_strict_passes_on_the_shipped_code() -> None:
    completed = run("mypy", "--strict", *TYPED_PACKAGES)
    errors = [line for line in completed.stdout.splitlines() if ": error:" in line]
    record(f"mypy --strict ({', '.join(TYPED_PACKAGES)})", f"{len(errors)} errors")
    if completed.returncode != 0:
        pytest.fail(f"mypy --strict failed:\n{completed.stdout}{completed.stderr}", pytrace=False)
