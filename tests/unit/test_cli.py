"""python -m assessment: interactive questions, answers from a file, a code or a scenario;
a report wrapped to the terminal with the site's page titles and addresses, or JSON."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assessment import Bank, __version__, encode, load_bank, load_scenarios
from assessment.cli import main
from assessment.pages import DEFAULT_SITE_URL, SITE_URL_VARIABLE
from assessment.result import RESULT_FORMAT, SCHEMA_FILE, schema_text
from assessment.sharecode import CODE_FORMAT, code_prefix, site_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
V1_CODES = [
    entry
    for entry in tomllib.loads(
        (Path(__file__).parent / "data" / "share_codes.toml").read_text(encoding="utf-8")
    )["codes"]
    if entry["bank"] == "1"
]


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known terminal: 80 columns, and the default site address."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv(SITE_URL_VARIABLE, raising=False)


def oldest_supported_python() -> str:
    """The interpreter of the oldest Python the package supports (pyproject's requires-python)."""
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    oldest = pyproject["project"]["requires-python"].removeprefix(">=")
    found = shutil.which(f"python{oldest}")
    if found is None:
        pytest.fail(
            f"python{oldest} is not on PATH: the package must be tested on the oldest "
            f"Python it supports; install CPython {oldest}.",
            pytrace=False,
        )
    return found


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
    assert "You have the edge: balance +25.0 ± 7" in out
    assert "WHAT TO DO FIRST" in out and "PREPARATION" in out
    assert f"Code: {code}" in out
    assert f"Link: {DEFAULT_SITE_URL}{site_path(code)}" in out


def test_links_are_page_titles_and_full_addresses_on_the_site(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "--scenario", "job-offer", "--site-url", "https://example.org/fl")
    assert "Improve your alternatives and use time:" in out
    assert "https://example.org/fl/build/alternatives-and-time/#use-time" in out
    assert ".md" not in out


def test_the_site_address_can_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SITE_URL_VARIABLE, "https://fair.example/")
    _, out, _ = run(capsys, "--scenario", "small-business")
    assert "Link: https://fair.example/assessment/#code=" in out


@pytest.mark.parametrize("columns", [50, 120])
def test_the_report_is_wrapped_to_the_terminal_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    _, out, _ = run(capsys, "--scenario", "personal-gift")
    prose = [line for line in out.splitlines() if "http" not in line and "fl1." not in line]
    assert max(len(line) for line in prose) <= columns
    assert any(len(line) > 50 for line in prose) == (columns > 50)


def test_an_answers_file_is_scored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(dict(load_scenarios()["personal-gift"].answers)))
    status, out, _ = run(capsys, "--answers", str(path))
    assert status == 0
    assert "CROSSES THE LINE: An improper inducement" in out
    assert "Instead: Make your offer to their organisation" in out


def test_a_reader_who_knows_little_is_told_what_is_still_needed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "--scenario", "freelance-first-client")
    assert "Still needed:" in out and "balance +" not in out and "balance -" not in out
    assert "1. Find out how hard the role is to fill" in out


def test_an_old_code_opens_and_says_what_could_not_be_carried_over(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--code", V1_CODES[0]["code"])
    assert status == 0
    assert "AN OLDER LINK" in out and "version 1 of the questions" in out


def test_json_output_is_the_versioned_result(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--scenario", "procurement-tender", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["format"] == RESULT_FORMAT
    assert data["leverage"]["band"]["id"] == "strong-you"


def test_version_prints_the_package_and_bank_versions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "--version")
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert __version__ in out and f"questions version {load_bank().version}" in out


def test_an_editor_can_try_a_bank_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "assessment" / "bank.toml").read_text(encoding="utf-8")
    draft = tmp_path / "draft.toml"
    draft.write_text(
        text.replace('version = "2"', 'version = "3"').replace(
            'label = "Nothing real"\npoints = 0', 'label = "Nothing at all"\npoints = 0', 1
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "--bank", str(draft), "--scenario", "lease-renewal", "--json")
    assert status == 0 and json.loads(out)["bank"] == "3"
    status, _, err = run(capsys, "--bank", str(tmp_path / "nope.toml"), "--scenario", "job-offer")
    assert status == 1 and "nope.toml" in err


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
        ('["gifts"]', "must hold a JSON object"),
        ('{"gifts": "total"}', "'total' is not an answer to question 'gifts'"),
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
    assert f"about {bank.minutes} minutes" in err
    assert f"Answered {len(bank.questions)} of {len(bank.questions)} questions" in out
    prefix = code_prefix(bank)
    assert f"Code: {prefix}" in out and f"{site_path(prefix)}" in out


def test_interactive_mode_words_the_questions_for_the_kind_chosen(
    capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    _, _, err = run(capsys, stdin="pay\n" + "\n" * (len(bank.questions) - 1))
    pay_help = bank.question("your-alternative").help_for("pay")
    assert pay_help is not None
    assert " ".join(pay_help.split()[:6]) in " ".join(err.split())


def test_interactive_mode_accepts_option_ids_skips_and_asks_again_after_a_typo(
    capsys: pytest.CaptureFixture[str], bank: Bank
) -> None:
    replies = ["", "firm-better", "9", "unknown", "skip"] + [""] * (len(bank.questions) - 3)
    status, out, err = run(capsys, "--json", stdin="\n".join(replies) + "\n")
    assert status == 0
    assert "Please type a number from 1 to 6" in err
    assert f"Share code: {code_prefix(bank)}" in err
    result = json.loads(out)
    assert result["answers"] == {"your-alternative": "firm-better", "their-alternative": "unknown"}


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


def test_schema_prints_the_generated_json_schema_that_the_package_keeps_a_copy_of(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--schema")
    assert status == 0 and out == schema_text()
    copy = PROJECT_ROOT / "assessment" / SCHEMA_FILE
    assert copy.read_text(encoding="utf-8") == out, (
        f"{copy} is out of date: run `python -m assessment --schema > {copy}`"
    )


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
    assert re.search(r"^LEVERAGE$", completed.stdout, re.MULTILINE)


def test_the_package_runs_on_the_oldest_python_it_supports() -> None:
    code = encode(load_scenarios()["leak-threat"].answers)
    completed = subprocess.run(
        [oldest_supported_python(), "-m", "assessment", "--code", code],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "CROSSES THE LINE" in completed.stdout
