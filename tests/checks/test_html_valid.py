"""Every page the build writes is valid HTML to the W3C Nu HTML Checker (vnu.jar, pinned)."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.checks.allowlist import read_allowlist
from tests.checks.summary import record

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = PROJECT_ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
ALLOWLIST = Path(__file__).with_name("html_allowlist.txt")
ERROR_TYPES = {"error", "non-document-error"}  # the latter: a file the checker could not read

# A page that is invalid on purpose, checked in the same run: proves the checker sees errors.
CANARY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body><p>One <div>block inside a paragraph</div></p><span id="twice"></span><span id="twice"></span>
</body></html>
"""


@dataclass(frozen=True)
class Allowed:
    page: str  # glob over the page's path in the site
    message: re.Pattern[str]
    reason: str

    def covers(self, error: Error) -> bool:
        return fnmatch.fnmatch(error.page, self.page) and bool(self.message.search(error.message))


@dataclass(frozen=True)
class Error:
    page: str
    line: int
    column: int
    message: str
    extract: str

    def __str__(self) -> str:
        snippet = " ".join(self.extract.split())
        return f"{self.page}:{self.line}:{self.column}: {self.message}\n      {snippet}"


def load_allowlist(path: Path) -> list[Allowed]:
    return [
        Allowed(entry["page glob"], re.compile(entry["message regex"]), entry["reason"])
        for entry in read_allowlist(path, ["page glob", "message regex"])
    ]


def run_vnu(files: list[Path], relative_to: dict[Path, str]) -> list[Error]:
    """Checks all files in one JVM; returns every error, named by the page's site path."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `make test` installs default-jre-headless.", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `make tools`.", pytrace=False)
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages: list[dict[str, Any]] = json.loads(completed.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no report:\n{completed.stdout}{completed.stderr}", pytrace=False)
    by_url = {path.resolve().as_uri(): name for path, name in relative_to.items()}
    return [
        Error(
            page=by_url.get(_normal_uri(message.get("url", "")), message.get("url", "?")),
            line=message.get("lastLine", 0),
            column=message.get("firstColumn", 0),
            message=message["message"],
            extract=message.get("extract", ""),
        )
        for message in messages
        if message["type"] in ERROR_TYPES
    ]


def _normal_uri(url: str) -> str:
    # vnu writes file:/abs/path; Path.as_uri() writes file:///abs/path.
    return "file://" + url.removeprefix("file:") if url.startswith("file:/") else url


@pytest.fixture(scope="module")
def vnu_errors(
    built_site: Path, pages: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> list[Error]:
    canary = tmp_path_factory.mktemp("vnu") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    names = {built_site / page: page.as_posix() for page in pages} | {canary: "<canary>"}
    return run_vnu(list(names), names)


def test_every_page_is_valid_html(vnu_errors: list[Error], pages: list[Path]) -> None:
    allowlist = load_allowlist(ALLOWLIST)
    found = [error for error in vnu_errors if error.page != "<canary>"]
    new = [error for error in found if not any(entry.covers(error) for entry in allowlist)]
    record(
        "Nu HTML Checker",
        f"{len(pages)} pages, {len(new)} errors ({len(found) - len(new)} allowlisted)",
    )
    if new:
        listing = "\n".join(f"  {error}" for error in new)
        pytest.fail(
            f"Nu HTML Checker: {len(new)} errors on "
            f"{len({error.page for error in new})} pages (not in {ALLOWLIST.name}):\n{listing}",
            pytrace=False,
        )


def test_every_allowlist_entry_still_matches_an_error_and_gives_a_reason(
    vnu_errors: list[Error],
) -> None:
    stale = [entry for entry in load_allowlist(ALLOWLIST) if not any(map(entry.covers, vnu_errors))]
    assert stale == [], f"remove these entries from {ALLOWLIST.name}: they match no error now"


def test_the_checker_reports_a_deliberately_invalid_page(vnu_errors: list[Error]) -> None:
    canary = [error.message for error in vnu_errors if error.page == "<canary>"]
    assert any("Duplicate ID" in message for message in canary), canary
    assert any("“p”" in message for message in canary), canary
