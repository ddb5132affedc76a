"""browser.handle: the JSON contract the web worker relies on. It never raises."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from assessment import __version__, decode, encode, load_bank
from assessment.browser import handle
from assessment.result import RESULT_FORMAT
from assessment.sharecode import code_prefix

CODES = tomllib.loads(
    (Path(__file__).parent / "data" / "share_codes.toml").read_text(encoding="utf-8")
)["codes"]


def call(request: Any) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(handle(json.dumps(request)))
    return reply


def test_version_reports_package_bank_python_and_the_minutes_the_questions_take() -> None:
    bank = load_bank()
    assert call({"op": "version"}) == {
        "ok": True,
        "package": __version__,
        "bank": bank.version,
        "python": sys.version.split()[0],
        "minutes": bank.minutes,
    }


def test_score_returns_the_result_and_its_share_code() -> None:
    answers = {"your-alternative": "firm-similar", "next-steps": "beyond-the-deal"}
    reply = call({"op": "score", "answers": answers})
    assert reply["ok"] is True
    assert reply["result"]["format"] == RESULT_FORMAT
    assert reply["result"]["answers"] == answers
    assert decode(reply["code"]).answers == answers


def test_the_result_carries_everything_the_page_draws_without_rules_of_its_own() -> None:
    answers = {"kind": "pay", "your-alternative": "none", "next-steps": "hint"}
    result = call({"op": "score", "answers": answers})["result"]
    leverage, ethics = result["leverage"], result["ethics"]
    assert leverage["band"] is None and leverage["still_needed"] and leverage["verdict"]
    assert leverage["confidence"]["label"] and leverage["them"]["confidence"]
    assert leverage["dimensions"][0]["title"] == "Alternatives"
    (amber,) = ethics["amber"]
    assert amber["name"] == "A veiled threat" and amber["fair_alternative"]
    assert ethics["verdict"]["label"] and ethics["text"]
    (advice,) = result["advice"]
    assert advice["text"] and advice["when"]["label"] and advice["effort"]["label"]
    assert advice["link"]["title"] and advice["link"]["href"]
    assert result["kind"] == {"id": "pay", "label": "Pay or a job"}


def test_encode_and_decode_are_inverse() -> None:
    answers = {"future-with-you": "vital", "gifts": "none"}
    code = call({"op": "encode", "answers": answers})
    assert code == {"ok": True, "code": encode(answers)}
    assert call({"op": "decode", "code": code["code"]}) == {
        "ok": True,
        "answers": answers,
        "version": load_bank().version,
        "translated": False,
        "dropped": [],
        "notice": None,
    }


def test_decode_translates_an_old_code_and_says_what_could_not_be_carried_over() -> None:
    old = next(
        entry
        for entry in CODES
        if entry["bank"] == "1" and entry["note"].startswith("scenario job")
    )
    reply = call({"op": "decode", "code": old["code"]})
    assert reply["ok"] is True and reply["translated"] is True and reply["version"] == "1"
    assert reply["answers"]["your-alternative"] == "firm-similar"
    assert reply["dropped"] and all(
        set(item) == {"question", "option", "text", "reason"} and item["reason"]
        for item in reply["dropped"]
    )
    assert str(len(reply["dropped"])) in reply["notice"]


def test_translate_carries_answers_saved_under_an_old_version_over_like_an_old_link() -> None:
    saved = {"your-alternative": "similar", "alternative-certainty": "confirmed", "trust": "new"}
    reply = call({"op": "translate", "version": "1", "answers": saved})
    assert reply["ok"] is True and reply["translated"] is True
    assert reply["answers"] == {"your-alternative": "firm-similar"}
    assert [item["question"] for item in reply["dropped"]] == ["trust"]
    current = call(
        {"op": "translate", "version": load_bank().version, "answers": {"gifts": "none"}}
    )
    assert current["answers"] == {"gifts": "none"} and current["translated"] is False


def test_translate_rejects_an_answer_or_a_version_that_never_existed() -> None:
    error = _error(call({"op": "translate", "version": "1", "answers": {"gifts": "none"}}))
    assert (error["type"], error["field"]) == ("BadAnswer", "gifts")
    error = _error(call({"op": "translate", "version": "0", "answers": {}}))
    assert (error["type"], error["field"]) == ("BadRequest", "version")
    assert "'2' or '1'" in error["message"]


def test_scenario_returns_its_answers_and_title() -> None:
    reply = call({"op": "scenario", "id": "job-offer"})
    assert reply["ok"] is True
    assert reply["title"] == "Negotiating a job offer"
    assert reply["answers"]["kind"] == "pay"


def _error(reply: dict[str, Any]) -> dict[str, Any]:
    assert reply["ok"] is False
    assert set(reply["error"]) == {"type", "message", "field"}
    error: dict[str, Any] = reply["error"]
    return error


def test_an_unknown_option_is_a_bad_answer_naming_the_question_and_the_allowed_ids() -> None:
    error = _error(call({"op": "score", "answers": {"your-alternative": "great"}}))
    assert error["type"] == "BadAnswer"
    assert error["field"] == "your-alternative"
    assert "'firm-similar' or 'firm-better'" in error["message"]


def test_a_damaged_code_is_a_bad_code() -> None:
    error = _error(call({"op": "decode", "code": code_prefix(load_bank()) + "AAAA"}))
    assert (error["type"], error["field"]) == ("BadCode", None)
    assert "damaged" in error["message"]


@pytest.mark.parametrize(
    ("request_json", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"op": "dance"}', "Unknown op 'dance'"),
        ('{"op": ["score"]}', "Unknown op"),
        ('{"answers": {}}', "Unknown op None"),
        ('{"op": "score"}', "no 'answers'"),
        ('{"op": "decode"}', "needs 'code'"),
        ('{"op": "scenario", "id": "lottery"}', "There is no scenario 'lottery'"),
        ('{"op": "scenario"}', "needs 'id'"),
    ],
)
def test_a_malformed_request_is_a_bad_request_with_a_clear_message(
    request_json: str, message: str
) -> None:
    error = _error(json.loads(handle(request_json)))
    assert error["type"] == "BadRequest"
    assert message in error["message"]


def test_answers_that_are_not_an_object_are_a_bad_answer() -> None:
    error = _error(call({"op": "score", "answers": ["gifts"]}))
    assert error["type"] == "BadAnswer"


@pytest.mark.parametrize("request_json", [None, 42, b"\xff", ""])
def test_handle_answers_even_a_request_that_is_not_text(request_json: Any) -> None:
    assert _error(json.loads(handle(request_json)))["type"] == "BadRequest"


def test_an_unexpected_failure_becomes_an_internal_error_reply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(request: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("boom")

    monkeypatch.setitem(sys.modules["assessment.browser"].OPERATIONS, "version", explode)
    error = _error(call({"op": "version"}))
    assert error["type"] == "InternalError"
    assert "boom" in error["message"] and "worksheet" in error["message"]


def test_cohort_returns_the_summary_and_its_csv_and_json_downloads() -> None:
    from assessment.cohort import summarise

    text = "\n".join([encode({"kind": "pay"}), "not a code", CODES[0]["code"]])
    reply = call({"op": "cohort", "text": text})
    summary = summarise(text)
    assert reply["ok"] and reply["summary"] == summary.to_dict()
    assert reply["csv"] == summary.to_csv()
    assert json.loads(reply["json"]) == summary.to_dict()
    assert (
        call({"op": "cohort", "text": "a;code\nx;y", "column": "code"})["summary"]["counts"][
            "unreadable"
        ]
        == 1
    )


@pytest.mark.parametrize(
    ("request_body", "field"),
    [({"op": "cohort"}, "text"), ({"op": "cohort", "text": "n,m\na,b"}, "column")],
)
def test_a_cohort_request_it_cannot_use_is_a_bad_request(
    request_body: dict[str, Any], field: str
) -> None:
    reply = call(request_body)
    assert not reply["ok"] and reply["error"]["type"] == "BadRequest"
    assert reply["error"]["field"] == field


def test_a_cohort_over_the_page_limit_is_refused_with_what_to_do_instead() -> None:
    from assessment.browser import COHORT_PAGE_LIMIT

    code = encode({"kind": "pay"})
    at_limit = call({"op": "cohort", "text": "\n".join([code] * COHORT_PAGE_LIMIT)})
    assert at_limit["ok"] and at_limit["summary"]["counts"]["read"] == COHORT_PAGE_LIMIT
    over = call({"op": "cohort", "text": "\n".join([code] * (COHORT_PAGE_LIMIT + 1))})
    assert not over["ok"] and over["error"]["field"] == "text"
    assert f"{COHORT_PAGE_LIMIT:,}" in over["error"]["message"]
    assert "python -m assessment cohort" in over["error"]["message"]
