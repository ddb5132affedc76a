"""The cohort summary (assessment.cohort): many share links or codes read, scored and counted;
bad lines listed with the engine's message and never stopping the rest; old codes carried over
and counted; text lists and CSV columns; JSON that matches its schema, and a CSV form."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assessment import BadCode, BadRequest, Bank, decode, encode, load_scenarios, score
from assessment.cohort import NONE, CohortSummary, bin_of, summarise
from assessment.cohort_dict import SCHEMA_FILE, cohort_schema, cohort_schema_text
from assessment.cohort_json import COHORT_FORMAT
from assessment.result import Result
from assessment.sharecode import site_path

from .conftest import all_unknown, best_for_you

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RELEASED: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "data" / "share_codes.toml").read_text(encoding="utf-8")
)["codes"]
VALIDATOR = jsonschema.Draft202012Validator(cohort_schema())


def scenario_codes() -> list[str]:
    return [encode(scenario.answers) for scenario in load_scenarios().values()]


def engine_message(code: str) -> str:
    with pytest.raises(BadCode) as caught:
        decode(code)
    return caught.value.message


def results_of(codes: list[str]) -> list[Result]:
    return [score(decode(code).answers) for code in codes]


def test_every_readable_code_is_scored_and_its_band_counted(bank: Bank) -> None:
    codes = scenario_codes()
    summary = summarise("\n".join(codes))
    results = results_of(codes)
    expected = Counter(NONE if r.leverage.band is None else r.leverage.band.id for r in results)
    assert (summary.entries, summary.read, summary.unreadable) == (len(codes), len(codes), ())
    assert {band: n for band, n in summary.bands.items() if n} == dict(expected)
    with_band = [r.leverage.balance for r in results if r.leverage.balance is not None]
    assert summary.with_band == len(with_band)
    assert summary.mean_balance == round(sum(with_band) / len(with_band), 1)
    assert sum(summary.bins) == len(with_band)
    for balance in with_band:
        assert summary.bins[bin_of(balance)] > 0


def test_bad_lines_are_listed_with_their_line_and_the_engine_message_and_the_rest_is_read() -> None:
    good = scenario_codes()[:3]
    damaged = good[0][:-3] + ("A" if good[0][-3] != "A" else "B") + good[0][-2:]
    lines = [good[0], "", "not a code at all", damaged, "x" * 5000, good[1], "#code=", good[2]]
    summary = summarise("\n".join(lines))
    assert summary.entries == 7 and summary.read == 3  # the blank line is no entry
    listed = [(u.line, u.error, u.message) for u in summary.unreadable]
    assert listed == [
        (3, "BadCode", engine_message("not a code at all")),
        (4, "BadCode", engine_message(damaged)),
        (5, "BadCode", engine_message("x" * 5000)),
        (7, "BadCode", engine_message("#code=")),
    ]
    excerpt = summary.unreadable[2].text
    assert excerpt.startswith("xxx") and excerpt.endswith("…") and len(excerpt) < 100


def test_whole_links_with_campaign_parameters_are_read_like_bare_codes() -> None:
    code = scenario_codes()[0]
    link = f"https://example.org/{site_path(code)}".replace("#", "?utm_source=news#")
    assert summarise(link) == summarise(code)


def test_codes_from_older_question_banks_are_carried_over_and_counted(bank: Bank) -> None:
    old = [entry["code"] for entry in RELEASED if entry["bank"] != bank.version]
    current = [entry["code"] for entry in RELEASED if entry["bank"] == bank.version]
    assert old and current
    summary = summarise("\n".join(old + current))
    assert summary.read == len(old) + len(current)
    assert summary.translated == len(old)
    assert summary.dropped_answers == sum(len(decode(code).dropped) for code in old)
    data = summary.to_dict()
    assert data["counts"]["translated"] == len(old)
    assert (data["versions"][0]["version"], data["versions"][0]["current"]) == (bank.version, True)
    assert sum(v["count"] for v in data["versions"]) == summary.read
    red = Counter(p.id for r in results_of(old + current) for p in r.ethics.red)
    assert {row["id"]: row["count"] for row in data["ethics"]["red"] if row["count"]} == red


def test_an_empty_text_gives_an_empty_summary_that_still_matches_the_schema() -> None:
    summary = summarise("")
    assert summary == summarise("\n  \n\n")
    data = summary.to_dict()
    VALIDATOR.validate(json.loads(json.dumps(data)))
    assert data["counts"] == {
        "entries": 0,
        "read": 0,
        "unreadable": 0,
        "translated": 0,
        "dropped_answers": 0,
    }
    assert data["balance"]["mean"] is None and data["first_suggestion"] is None
    assert all(row["you"]["mean"] is None for row in data["dimensions"])
    assert all(band["percent"] == 0 for band in data["balance"]["bands"])


def test_i_dont_know_and_unanswered_are_left_out_of_the_means_and_counted(bank: Bank) -> None:
    best = best_for_you(bank)
    unknown = all_unknown(bank)
    codes = [encode(best), encode(best | unknown), encode({})]
    dimensions = {row["id"]: row for row in summarise("\n".join(codes)).to_dict()["dimensions"]}
    for question in bank.questions_of("leverage"):
        row = dimensions[question.dimension]
        tally = row["you"] if question.side == "you" else row["them"]
        assert tally is not None
        points = question.option(best[question.id]).points
        if question.id in unknown:
            assert (tally["known"], tally["unknown"], tally["skipped"]) == (1, 1, 1)
        else:
            assert (tally["known"], tally["unknown"], tally["skipped"]) == (2, 0, 1)
        assert tally["mean"] == points


def test_the_most_common_first_suggestion_is_the_commonest_first_piece_of_advice() -> None:
    codes = scenario_codes() + scenario_codes()[:4]
    firsts = Counter(r.advice[0].action.id for r in results_of(codes) if r.advice)
    data = summarise("\n".join(codes)).to_dict()
    top = data["first_suggestion"]
    assert top is not None and top["count"] == max(firsts.values())
    assert firsts[str(top["id"])] == top["count"]
    assert [row["count"] for row in data["suggestions"]] == sorted(firsts.values(), reverse=True)


def test_every_summary_matches_the_schema_and_the_kept_copy_is_current() -> None:
    VALIDATOR.check_schema(cohort_schema())
    lines = [*scenario_codes(), "nonsense", *(entry["code"] for entry in RELEASED)]
    data = summarise("\n".join(lines)).to_dict()
    assert data["format"] == COHORT_FORMAT
    VALIDATOR.validate(json.loads(json.dumps(data)))
    copy = PROJECT_ROOT / "assessment" / SCHEMA_FILE
    assert copy.read_text(encoding="utf-8") == cohort_schema_text(), (
        f"{copy} is out of date: run `python -m assessment cohort --schema > {copy}`"
    )


# ------------------------------------------------------------------------------ CSV input


def test_a_csv_column_named_like_a_link_is_read_and_other_columns_ignored() -> None:
    codes = scenario_codes()[:4]
    rows = ["Name,Share link,Comment", *(f'"Doe, J",{code},"fine, thanks"' for code in codes)]
    rows.append('"Roe, R",,"forgot"')
    summary = summarise("\n".join(rows))
    assert summary.read == 4 and summary.entries == 5
    assert [(u.line, u.message) for u in summary.unreadable] == [(6, engine_message(""))]
    assert summary == summarise("\n".join(rows), column="SHARE LINK")


def test_a_semicolon_csv_without_a_header_uses_the_column_that_holds_codes() -> None:
    codes = scenario_codes()[:3]
    text = "\n".join(f"{n};{code};x" for n, code in enumerate(codes))
    assert summarise(text) == summarise("\n".join(codes))


def test_a_csv_with_no_column_of_codes_says_which_columns_it_has() -> None:
    with pytest.raises(BadRequest) as caught:
        summarise("name,email\nAnna,anna@example.org\n")
    assert "'name', 'email'" in caught.value.message and "'code' or 'link'" in caught.value.message
    with pytest.raises(BadRequest) as named:
        summarise("name,code\nA,x\n", column="link")
    assert "no column named 'link'" in named.value.message


def test_a_csv_row_the_csv_reader_cannot_read_is_listed_and_the_rest_read() -> None:
    codes = scenario_codes()[:2]
    text = f"name,code\nA,{codes[0]}\nB,{'y' * 200_000}\nC,{codes[1]}\n"
    summary = summarise(text)
    assert summary.read == 2
    (line,) = summary.unreadable
    assert line.line == 3 and "could not be read as CSV" in line.message


def test_a_plain_list_may_start_with_a_one_word_header() -> None:
    codes = scenario_codes()[:2]
    assert summarise("Share link\n" + "\n".join(codes)) == summarise("\n".join(codes))


# ------------------------------------------------------------------------------ CSV output


def test_the_csv_form_holds_every_figure_of_the_json_form() -> None:
    summary = summarise("\n".join([*scenario_codes(), "=HYPERLINK(1)", "@SUM(2)"]))
    data = summary.to_dict()
    rows = list(csv.DictReader(io.StringIO(summary.to_csv())))
    by = {(row["section"], row["id"], row["side"]): row for row in rows}
    assert int(by[("counts", "read", "")]["count"]) == data["counts"]["read"]
    for band in data["balance"]["bands"]:
        row = by[("band", band["id"] or "", "")]
        assert (int(row["count"]), float(row["percent"])) == (band["count"], band["percent"])
    for dimension in data["dimensions"]:
        mean = by[("dimension", dimension["id"], "you")]["mean"]
        assert (float(mean) if mean else None) == dimension["you"]["mean"]
    bad = [row for row in rows if row["section"] == "unreadable"]
    assert [row["text"] for row in bad] == ["'=HYPERLINK(1)", "'@SUM(2)"]


def test_summaries_of_different_question_bank_versions_are_not_added(bank: Bank) -> None:
    other = CohortSummary(**{**summarise("").__dict__, "bank_version": "other"})
    with pytest.raises(BadRequest, match="different versions"):
        summarise("") + other
