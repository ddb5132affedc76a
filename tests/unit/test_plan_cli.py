"""python -m assessment plan FILE: the plan page's checks in a terminal, wrapped to its width, and
the same Markdown as the page's export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import Bank, decode_plan
from assessment.cli import main
from assessment.pages import SITE_URL_VARIABLE
from assessment.plan import parse_plan
from assessment.plan_checks import check_plan
from assessment.plan_files import example_data, example_ids, load_example
from assessment.plan_markdown import to_markdown
from assessment.plan_sheet import make_sheet
from tests.unit.plan_data import too_long_for_a_link

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WIDTH = 60
BROKEN = """
deal = "Rent for the café unit on the high street"
better = "lower"
unit = "£"
alternative = 1400
alternative_note = "the empty unit two doors down"
walk_away = "1,5OO"
target = 1300
opening = 1350
[[concessions]]
to = 1320
[warning_answers]
next-steps = "hint"
"""


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.delenv(SITE_URL_VARIABLE, raising=False)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("example_id", example_ids())
def test_an_example_plan_passes_in_the_terminal_too(
    example_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(PROJECT_ROOT / "assessment" / "plans" / f"{example_id}.toml")]) == 0
    out = capsys.readouterr().out
    assert "Checks: Your plan passes every check." in out
    assert "By the assessment's rule: Your plan looks fair." in out


def test_each_finding_is_listed_under_its_level_with_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(write(tmp_path, "plan.toml", BROKEN))]) == 0
    out = capsys.readouterr().out
    sections = [line for line in out.splitlines() if line.isupper() and line.strip()]
    assert sections[1:] == ["TO CHANGE", "TO LOOK AT AGAIN", "STILL EMPTY", "YOUR WARNING"]
    text = " ".join(out.split())
    assert "- [walk_away] walk_away: '1,5OO' is not a number" in text
    assert "- [concessions.1.in_return] Step 1 asks for nothing in return" in text
    assert "- [warning_answers.next-steps] A veiled threat:" in text
    assert all(len(line) <= WIDTH for line in out.splitlines()), "wrapped to the terminal"


def test_a_json_plan_is_read_like_a_toml_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    data = example_data("sole-supplier")
    main(["plan", str(write(tmp_path, "plan.json", json.dumps(data)))])
    from_json = capsys.readouterr().out
    main(["plan", str(PROJECT_ROOT / "assessment" / "plans" / "sole-supplier.toml")])
    assert capsys.readouterr().out == from_json


def test_the_markdown_is_the_same_as_the_plan_pages_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    plan = load_example("job-offer", bank)
    expected = to_markdown(make_sheet(plan, check_plan(plan, bank), bank))
    out = tmp_path / "plan.md"
    source = str(PROJECT_ROOT / "assessment" / "plans" / "job-offer.toml")
    assert main(["plan", source, "--markdown", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    assert f"Markdown written to {out}." in capsys.readouterr().out
    assert main(["plan", source, "--markdown", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == expected
    assert "Checks: Your plan passes every check." in captured.err


def test_the_link_opens_the_same_plan(capsys: pytest.CaptureFixture[str], bank: Bank) -> None:
    source = str(PROJECT_ROOT / "assessment" / "plans" / "small-business.toml")
    assert main(["plan", source, "--link", "--site-url", "https://example.org/"]) == 0
    link = next(line for line in capsys.readouterr().out.splitlines() if "#plan=" in line)
    assert link.startswith("https://example.org/assessment/plan/#plan=")
    assert decode_plan(link, bank).plan == load_example("small-business", bank)


def test_a_plan_too_long_for_a_link_still_gets_its_checks_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    data = too_long_for_a_link()
    path = write(tmp_path, "long.json", json.dumps(data))
    assert main(["plan", str(path), "--link", "--markdown", str(tmp_path / "out.md")]) == 0
    out = capsys.readouterr().out
    assert "No link: This plan is too long for a link" in " ".join(out.split())
    assert (tmp_path / "out.md").is_file()
    assert parse_plan(data, bank).find_out == tuple(data["find_out"])


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("plan.yaml", "deal: x", "a plan file ends in .toml or .json"),
        ("plan.toml", "deal = ", "is not valid TOML"),
        ("plan.json", "{deal", "is not valid JSON"),
        ("plan.toml", None, "Cannot read"),
    ],
)
def test_a_file_that_cannot_be_read_is_an_error_saying_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str | None, message: str
) -> None:
    path = tmp_path / name if text is None else write(tmp_path, name, text)
    assert main(["plan", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and message in captured.err


def test_python_dash_m_assessment_plan_runs_the_subcommand() -> None:
    python = shutil.which("python3") or sys.executable
    completed = subprocess.run(
        [python, "-m", "assessment", "plan", "assessment/plans/job-offer.toml"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Your plan passes every check." in completed.stdout
