"""browser.handle: the JSON contract the web worker relies on. It never raises."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from assessment import __version__, decode, encode, load_bank
from assessment.browser import handle
from assessment.result import RESULT_FORMAT
from assessment.sharecode import code_prefix


def call(request: Any) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(handle(json.dumps(request)))
    return reply


def test_version_reports_package_bank_and_python() -> None:
    assert call({"op": "version"}) == {
        "ok": True,
        "package": __version__,
        "bank": load_bank().version,
        "python": sys.version.split()[0],
    }


def test_score_returns_the_result_and_its_share_code() -> None:
    answers = {"your-alternative": "similar", "pressure": "threat"}
    reply = call({"op": "score", "answers": answers})
    assert reply["ok"] is True
    assert reply["result"]["format"] == RESULT_FORMAT
    assert reply["result"]["answers"] == answers
    assert decode(reply["code"]) == answers


def test_the_result_carries_everything_the_page_draws_without_scoring_rules() -> None:
    reply = call({"op": "score", "answers": {"your-alternative": "poor", "pressure": "threat"}})
    leverage, ethics = reply["result"]["leverage"], reply["result"]["ethics"]
    assert leverage["band"]["label"] and leverage["verdict"]
    assert leverage["dimensions"][0]["title"] == "Alternatives"
    move = leverage["balance"]["moved_by"][0]
    assert move["text"] and move["label"] and move["link"]["page"] and move["link"]["anchor"]
    (flag,) = ethics["red_flags"]
    assert flag["fair_alternative"] and flag["label"]
    (suggestion,) = reply["result"]["what_if"]
    assert suggestion["action"] and suggestion["balance_gain"] > 0


def test_encode_and_decode_are_inverse() -> None:
    answers = {"trust": "strong", "inducements": "none"}
    code = call({"op": "encode", "answers": answers})
    assert code == {"ok": True, "code": encode(answers)}
    assert call({"op": "decode", "code": code["code"]}) == {"ok": True, "answers": answers}


def test_scenario_returns_its_answers_and_title() -> None:
    reply = call({"op": "scenario", "id": "job-offer"})
    assert reply["ok"] is True
    assert reply["title"] == "Negotiating a job offer"
    assert reply["answers"]["your-alternative"] == "similar"


def _error(reply: dict[str, Any]) -> dict[str, Any]:
    assert reply["ok"] is False
    assert set(reply["error"]) == {"type", "message", "field"}
    error: dict[str, Any] = reply["error"]
    return error


def test_an_unknown_option_is_a_bad_answer_naming_the_question_and_the_allowed_ids() -> None:
    error = _error(call({"op": "score", "answers": {"your-alternative": "great"}}))
    assert error["type"] == "BadAnswer"
    assert error["field"] == "your-alternative"
    assert "'none', 'poor', 'similar' or 'better'" in error["message"]


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
    error = _error(call({"op": "score", "answers": ["trust"]}))
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
