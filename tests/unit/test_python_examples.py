"""Every code example on "Use the scoring in Python" (docs/reference/python.md) is a file in
docs/reference/python-examples/ that the page includes as it is; each runs here, and what it
prints is checked against the package itself."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import decode, encode, load_bank, load_scenarios, score
from assessment.cohort import summarise

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = PROJECT_ROOT / "docs" / "reference" / "python-examples"
PAGE = PROJECT_ROOT / "docs" / "reference" / "python.md"
INCLUDE = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)
V1_CODE = "fl1.1.Bg_q7kqyIjQqX31p0g"


def run(name: str, folder: Path) -> str:
    completed = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_the_page_shows_every_example_file_and_only_those() -> None:
    included = INCLUDE.findall(PAGE.read_text(encoding="utf-8"))
    assert sorted(included) == sorted(path.name for path in EXAMPLES.glob("*.py"))


def test_score_answers_prints_what_is_needed_the_plan_and_the_first_step(tmp_path: Path) -> None:
    out = run("score_answers.py", tmp_path)
    result = score(
        {
            "kind": "pay",
            "your-alternative": "firm-similar",
            "their-alternative": "unknown",
            "next-steps": "hint",
        }
    )
    assert out.startswith(result.leverage.verdict + "\n")
    for need in result.leverage.still_needed:
        assert f"- {need.text}\n" in out
    assert result.ethics.text in out and f"First: {result.advice[0].text}" in out


def test_decode_link_opens_a_link_and_an_old_code(tmp_path: Path) -> None:
    out = run("decode_link.py", tmp_path).splitlines()
    answers = dict(load_scenarios()["job-offer"].answers)
    band = score(answers).leverage.band
    assert band is not None
    assert out[:3] == [
        f"True {load_bank().version}",
        band.label,
        decode(V1_CODE).notice(load_bank()),
    ]


def test_cohort_summary_summarises_a_file_and_writes_its_csv(tmp_path: Path) -> None:
    out = run("cohort_summary.py", tmp_path)
    text = (tmp_path / "links.txt").read_text(encoding="utf-8")
    summary = summarise(text)
    assert out.startswith(f"{summary.read} read, 1 could not be read\n")
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8") == summary.to_csv().replace(
        "\r\n", "\n"
    )


def test_pandas_results_counts_the_bands_and_the_red_flags(tmp_path: Path) -> None:
    out = run("pandas_results.py", tmp_path)
    results = [score(decode(encode(s.answers)).answers) for s in load_scenarios().values()]
    balances = [r.leverage.balance for r in results if r.leverage.balance is not None]
    assert f"Mean balance: {round(sum(balances) / len(balances), 1)}" in out
    assert f"With a red flag: {sum(bool(r.ethics.red) for r in results)}" in out


def test_the_notebook_cell_ends_with_a_summary_that_draws_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join([*(encode(s.answers) for s in load_scenarios().values()), "not a link"])
    (tmp_path / "links.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    summary = runpy.run_path(str(EXAMPLES / "notebook_cell.py"))["summary"]
    assert summary == summarise(text)
    assert f"{summary.read} of {summary.entries} read" in summary._repr_html_()
