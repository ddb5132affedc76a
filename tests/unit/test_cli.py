"""python -m assessment: interactive questions, answers from a file or a code, text or JSON."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import Bank, encode, load_bank, load_scenarios
from assessment.cli import main
from assessment.result import RESULT_FORMAT, SCHEMA_FILE, schema_text
from assessment.sharecode import CODE_FORMAT, code_prefix, site_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PYTHON_311 = Path("/root/.pyenv/versions/3.11.7/bin/python3")


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, out, err


def test_a_code_prints_a_readable_report_with_the_share_code_and_link(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = encode(load_scenarios()["job-offer"].answers)
    status, out, err = run(capsys, "--code", code)
    assert status == 0 and err == ""
    assert "You have the edge: balance +33.1" in out
    assert "WHAT WOULD HELP MOST" in out
    assert f"Code: {code}" in out
    assert f"Link: {site_path(code)}" in out


def test_an_answers_file_is_scored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(dict(load_scenarios()["personal-gift"].answers)))
    status, out, _ = run(capsys, "--answers", str(path))
    assert status == 0
    assert "RED FLAG" in out and "Instead: Make your offer to their organisation" in out


def test_json_output_is_the_versioned_result(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--scenario", "sole-supplier", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["format"] == RESULT_FORMAT
    assert data["leverage"]["band"]["id"] == "strong-you"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--code", code_prefix(load_bank()) + "AAAA"], "error: This share code is damaged"),
        (["--code", f"{CODE_FORMAT}.0.AAAA"], "made for version '0'"),
        (["--scenario", "lottery"], "There is no scenario 'lottery'"),
        (["--answers", "/no/such/file.json"], "Cannot read /no/such/file.json"),
    ],
)
def test_bad_input_exits_non_zero_with_the_error_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 1 and out == ""
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('["trust"]', "must hold a JSON object"),
        ('{"trust": "total"}', "'total' is not an answer to question 'trust'"),
    ],
)
def test_a_bad_answers_file_exits_non_zero_saying_what_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content)
    status, _, err = run(capsys, "--answers", str(path))
    assert status == 1 and message in err


def test_interactive_mode_asks_every_question_with_progress_and_prints_the_report(
    capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    status, out, err = run(capsys, stdin="1\n" * len(bank.questions))
    assert status == 0
    assert f"Question 7 of {len(bank.questions)}" in err
    assert f"Answered {len(bank.questions)} of {len(bank.questions)} questions" in out
    prefix = code_prefix(bank)
    assert f"Code: {prefix}" in out and f"Link: {site_path(prefix)}" in out


def test_interactive_mode_accepts_option_ids_skips_and_asks_again_after_a_typo(
    capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    replies = ["better", "9", "confirmed", "skip", ""] + [""] * (len(bank.questions) - 4)
    status, out, err = run(capsys, "--json", stdin="\n".join(replies) + "\n")
    assert status == 0
    assert "Please type a number from 1 to 3" in err
    assert f"Share code: {code_prefix(bank)}" in err
    result = json.loads(out)
    assert result["answers"] == {"your-alternative": "better", "alternative-certainty": "confirmed"}


def test_ctrl_d_stops_cleanly_without_scoring(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, stdin="1\n2\n")
    assert status == 1 and out == ""
    assert "Question 3 of" in err
    assert "Stopped before the end" in err and "Traceback" not in err


def test_ctrl_c_stops_cleanly_with_the_usual_status(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    status, _, err = run(capsys)
    assert status == 130
    assert "Stopped" in err


def test_the_module_runs_as_a_program() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "assessment", "--scenario", "small-business"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "They have the edge" in completed.stdout


@pytest.mark.skipif(not PYTHON_311.exists(), reason="CPython 3.11 is not installed here")
def test_the_package_runs_on_cpython_3_11() -> None:
    code = encode(load_scenarios()["leak-threat"].answers)
    completed = subprocess.run(
        [str(PYTHON_311), "-m", "assessment", "--code", code],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "RED FLAG" in completed.stdout


def test_schema_prints_the_generated_json_schema_that_the_package_keeps_a_copy_of(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--schema")
    assert status == 0 and out == schema_text()
    copy = PROJECT_ROOT / "assessment" / SCHEMA_FILE
    assert copy.read_text(encoding="utf-8") == out, (
        f"{copy} is out of date: run `python -m assessment --schema > {copy}`"
    )
