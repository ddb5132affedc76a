"""The plan page's requests to browser.handle (assessment/plan_browser.py): the same checks, hints,
sheet, Markdown and links as the package, for the form's flat text values; never an exception."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assessment import Bank, decode_plan
from assessment.browser import handle
from assessment.plan import parse_plan
from assessment.plan_checks import check_plan
from assessment.plan_code import MAX_CODE_LENGTH
from assessment.plan_fields import answer_name, to_form
from assessment.plan_files import example_ids, load_example
from assessment.plan_markdown import FILE_NAME, to_markdown
from assessment.plan_sheet import make_sheet
from tests.unit.plan_data import too_long_for_a_link


def call(request: Any) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(handle(json.dumps(request)))
    return reply


def form_of(example_id: str, bank: Bank) -> dict[str, str]:
    return to_form(load_example(example_id, bank).to_dict())


@pytest.mark.parametrize("example_id", example_ids())
def test_an_example_opens_as_form_values_and_passes_its_check(example_id: str, bank: Bank) -> None:
    opened = call({"op": "plan-example", "id": example_id})
    assert opened["ok"] and opened["form"] == form_of(example_id, bank)
    assert opened["title"]
    checked = call({"op": "plan-check", "form": opened["form"]})
    assert checked["checks"] == {
        "summary": "Your plan passes every check.",
        "passed": True,
        "counts": {"fix": 0, "review": 0, "empty": 0},
        "findings": [],
    }
    plan = load_example(example_id, bank)
    assert checked["sheet"] == make_sheet(plan, check_plan(plan, bank), bank).to_dict()
    assert checked["warning"]["verdict"]["level"] == "none"


def test_the_check_names_each_field_as_the_form_does(bank: Bank) -> None:
    form = {
        "better": "higher",
        "walk_away": "50k",
        "target": "40000",
        "opening": "45000",
        "concessions.3.to": "44000",
        "concessions.3.in_return": "",
        answer_name("next-steps"): "beyond-the-deal",
    }
    checked = call({"op": "plan-check", "form": form})
    findings = {(f["field"], f["level"]) for f in checked["checks"]["findings"]}
    assert {
        ("walk_away", "fix"),
        ("concessions.3.in_return", "fix"),
        (answer_name("next-steps"), "fix"),
    } <= findings
    problem = checked["warning"]["problems"][0]
    assert problem["level"] == "red" and problem["link"]["href"].startswith(
        "fair/threats-and-warnings/"
    )
    assert checked["warning"]["verdict"]["level"] == "red"


def test_hints_and_prefill_come_from_the_saved_answers(bank: Bank) -> None:
    answers = {"your-alternative": "lead", "their-alternative": "unknown", "escalation": "no"}
    checked = call({"op": "plan-check", "form": {}, "answers": answers, "version": bank.version})
    assert [h["kind"] for h in checked["hints"]] == ["alternative", "find-out"]
    assert checked["hints"][1]["add"] == checked["prefill"]["find_out"]
    assert checked["prefill"][answer_name("escalation")] == "no"
    assert checked["notice"] is None
    damaged = call({"op": "plan-check", "form": {}, "answers": {"x": "y"}})
    assert damaged["ok"] and damaged["hints"] == [] and damaged["notice"]


def test_markdown_is_the_packages_own(bank: Bank) -> None:
    reply = call({"op": "plan-markdown", "form": form_of("job-offer", bank)})
    plan = load_example("job-offer", bank)
    assert reply["markdown"] == to_markdown(make_sheet(plan, check_plan(plan, bank), bank))
    assert reply["filename"] == FILE_NAME


def test_a_plan_goes_into_a_link_and_comes_back_as_the_same_form(bank: Bank) -> None:
    form = form_of("small-business", bank)
    encoded = call({"op": "plan-encode", "form": form})
    assert encoded["length"] == len(encoded["code"]) <= encoded["limit"] == MAX_CODE_LENGTH
    assert decode_plan(encoded["code"], bank).plan == parse_plan(
        load_example("small-business", bank).to_dict(), bank
    )
    decoded = call(
        {"op": "plan-decode", "code": f"https://x.example/assessment/plan/#plan={encoded['code']}"}
    )
    assert decoded == {"ok": True, "form": form, "notice": None}


@pytest.mark.parametrize(
    "request_, error_type, field",
    [
        ({"op": "plan-check"}, "BadRequest", "form"),
        ({"op": "plan-check", "form": {"deal": 5}}, "BadRequest", "form"),
        ({"op": "plan-check", "form": ["deal"]}, "BadRequest", "form"),
        ({"op": "plan-decode"}, "BadRequest", "code"),
        ({"op": "plan-decode", "code": "flp1.2.A"}, "BadCode", None),
        ({"op": "plan-example", "id": "nope"}, "BadRequest", "id"),
        ({"op": "plan-example"}, "BadRequest", "id"),
        (
            {"op": "plan-encode", "form": {"find_out": "\n".join(map(str, range(99)))}},
            "BadPlan",
            "find_out",
        ),
    ],
)
def test_bad_requests_get_the_documented_error_never_an_exception(
    request_: dict[str, Any], error_type: str, field: str | None
) -> None:
    reply = call(request_)
    assert reply["ok"] is False
    assert (reply["error"]["type"], reply["error"]["field"]) == (error_type, field)
    assert reply["error"]["message"]


def test_a_plan_too_long_for_a_link_is_refused_naming_the_plan() -> None:
    form = to_form(too_long_for_a_link())
    reply = call({"op": "plan-encode", "form": form})
    assert reply["ok"] is False
    assert (reply["error"]["type"], reply["error"]["field"]) == ("BadPlan", "plan")
    assert "too long for a link" in reply["error"]["message"]
