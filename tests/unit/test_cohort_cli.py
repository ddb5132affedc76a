"""python -m assessment cohort FILE: the same summary as assessment.cohort, as a report, JSON or
CSV; bad lines listed without stopping the rest; clear errors for files it cannot use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import encode, load_scenarios
from assessment.cli import main
from assessment.cohort import summarise_file
from assessment.cohort_dict import cohort_schema_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def codes_file(tmp_path: Path) -> Path:
    codes = [encode(scenario.answers) for scenario in load_scenarios().values()]
    path = tmp_path / "codes.txt"
    path.write_text("\n".join([*codes, "not a code"]) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["cohort", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_is_the_summary_of_the_same_function(
    capsys: pytest.CaptureFixture[str], codes_file: Path
) -> None:
    status, out, _ = run(capsys, str(codes_file), "--json")
    assert status == 0
    assert json.loads(out) == summarise_file(codes_file).to_dict()


def test_the_report_lists_the_counts_the_bands_and_each_bad_line(
    capsys: pytest.CaptureFixture[str], codes_file: Path
) -> None:
    data = summarise_file(codes_file).to_dict()
    status, out, _ = run(capsys, str(codes_file))
    assert status == 0
    assert out.startswith(f"{data['counts']['entries']} lines with a link or code: ")
    (bad,) = data["unreadable"]
    assert f"line {bad['line']}: {bad['message']}" in out
    for band in data["balance"]["bands"]:
        assert band["label"] in out
    top = data["first_suggestion"]
    assert top is not None and top["text"] in out


def test_csv_out_writes_the_csv_form(
    capsys: pytest.CaptureFixture[str], codes_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "summary.csv"
    status, _, _ = run(capsys, str(codes_file), "--csv", str(out_file))
    assert status == 0
    assert out_file.read_bytes().decode() == summarise_file(codes_file).to_csv()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "holds no share link or code"),
        (b"\n \n", "holds no share link or code"),
        (b"\xff\xfe\x00not utf-8", "is not UTF-8 text"),
        (b"name,email\nA,a@example.org\n", "names no column of share links or codes"),
    ],
    ids=["empty", "blank", "not-utf8", "csv-without-codes"],
)
def test_a_file_it_cannot_use_exits_1_with_a_message_and_writes_no_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    out_file = tmp_path / "out.csv"
    status, out, err = run(capsys, str(path), "--csv", str(out_file))
    assert status == 1 and out == ""
    assert err.startswith("error: ") and message in err
    assert not out_file.exists()


def test_a_missing_file_is_named_in_the_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, str(tmp_path / "nowhere.txt"))
    assert status == 1 and "Cannot read" in err and "nowhere.txt" in err


def test_schema_prints_the_summary_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--schema")
    assert status == 0 and out == cohort_schema_text()


def test_the_command_runs_as_a_program(codes_file: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "assessment", "cohort", str(codes_file), "--json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["counts"]["unreadable"] == 1
