"""The plan page's requests to Python, answered by ``assessment.browser.handle`` like every other
(its OPERATIONS include these). What ``{"ok": true, ...}`` adds:

- ``plan-check`` with ``form`` (the plan page's field names and values, all text) and, when the
  page found them, the saved assessment's ``answers`` and their bank ``version``: ``checks``
  (``summary``, ``passed``, ``counts`` by level, ``findings`` each with ``field``, ``level`` and
  ``message``), ``warning`` (``verdict`` or null, its ``problems``, the ``unanswered`` question
  ids), ``hints`` (``field``, ``kind``, ``text``, ``link``, ``add``), ``notice`` (why the saved
  answers gave no hints, or null), ``prefill`` (form values for a plan being started) and
  ``sheet`` (the plan on one page: ``title`` and ``blocks``).
- ``plan-markdown`` with ``form``: ``markdown`` and the ``filename`` to save it as.
- ``plan-encode`` with ``form``: the plan link's ``code``, its ``length`` and the ``limit``; a
  plan too long for a link fails with BadPlan, field "plan".
- ``plan-decode`` with ``code`` (a code or a whole link): the ``form`` values it holds and a
  ``notice`` (null unless answers about the warning could not be carried over).
- ``plan-example`` with ``id``: a worked example's plan as ``form`` values, and its ``title``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessment.bank import load_bank
from assessment.errors import BadRequest
from assessment.model import Link
from assessment.plan import Plan, read_plan
from assessment.plan_checks import LEVELS, Checks, check_plan
from assessment.plan_code import MAX_CODE_LENGTH, decode_plan, encode_plan
from assessment.plan_fields import from_form, to_form
from assessment.plan_files import load_example
from assessment.plan_hints import hints, prefill, read_assessment
from assessment.plan_markdown import FILE_NAME, to_markdown
from assessment.plan_sheet import make_sheet
from assessment.result import link_json
from assessment.result_json import LinkJSON
from assessment.scenarios import find_scenario

Response = dict[str, Any]


def _form(request: dict[str, Any]) -> dict[str, str]:
    form = request.get("form")
    if not isinstance(form, dict) or not all(
        isinstance(name, str) and isinstance(value, str) for name, value in form.items()
    ):
        raise BadRequest(
            "The request needs 'form': an object of the plan page's field names and their text.",
            field="form",
        )
    return form


def _link(link: Link | None) -> LinkJSON | None:
    return None if link is None else link_json(link)


def _checks(checks: Checks) -> Response:
    return {
        "summary": checks.summary,
        "passed": checks.passed,
        "counts": {level: checks.count(level) for level in LEVELS},
        "findings": [
            {"field": f.field, "level": f.level, "message": f.message} for f in checks.findings
        ],
    }


def _warning(checks: Checks) -> Response:
    warning = checks.warning
    verdict = warning.verdict
    return {
        "verdict": None
        if verdict is None
        else {"level": verdict.level, "label": verdict.label, "summary": verdict.summary},
        "problems": [
            {
                "name": p.name,
                "level": p.level,
                "fair_alternative": p.fair_alternative,
                "link": _link(p.link),
            }
            for p in warning.problems
        ],
        "unanswered": [question.id for question in warning.unanswered],
    }


def _read(request: dict[str, Any]) -> tuple[Plan, Checks]:
    bank = load_bank()
    read = read_plan(from_form(_form(request)), bank)
    return read.plan, check_plan(read.plan, bank, read.problems)


def _plan_check(request: dict[str, Any]) -> Response:
    bank = load_bank()
    plan, checks = _read(request)
    version = request.get("version")
    assessment = read_assessment(
        request.get("answers"), version if isinstance(version, str) else None, bank
    )
    return {
        "checks": _checks(checks),
        "warning": _warning(checks),
        "hints": [
            {
                "field": hint.field,
                "kind": hint.kind,
                "text": hint.text,
                "link": _link(hint.link),
                "add": hint.add,
            }
            for hint in hints(plan, assessment, bank)
        ],
        "notice": assessment.notice,
        "prefill": prefill(plan, assessment, bank),
        "sheet": make_sheet(plan, checks, bank).to_dict(),
    }


def _plan_markdown(request: dict[str, Any]) -> Response:
    plan, checks = _read(request)
    return {"markdown": to_markdown(make_sheet(plan, checks, load_bank())), "filename": FILE_NAME}


def _plan_encode(request: dict[str, Any]) -> Response:
    plan, _ = _read(request)
    code = encode_plan(plan)
    return {"code": code, "length": len(code), "limit": MAX_CODE_LENGTH}


def _plan_decode(request: dict[str, Any]) -> Response:
    code = request.get("code")
    if not isinstance(code, str):
        raise BadRequest("The request needs 'code': the plan link or its code.", field="code")
    decoded = decode_plan(code)
    return {"form": to_form(decoded.plan.to_dict()), "notice": decoded.notice(load_bank())}


def _plan_example(request: dict[str, Any]) -> Response:
    example_id = request.get("id")
    if not isinstance(example_id, str):
        raise BadRequest(
            "The request needs 'id': a worked example with a plan, such as 'job-offer'.",
            field="id",
        )
    plan = load_example(example_id)
    return {"form": to_form(plan.to_dict()), "title": find_scenario(example_id).title}


PLAN_OPERATIONS: dict[str, Callable[[dict[str, Any]], Response]] = {
    "plan-check": _plan_check,
    "plan-markdown": _plan_markdown,
    "plan-encode": _plan_encode,
    "plan-decode": _plan_decode,
    "plan-example": _plan_example,
}
