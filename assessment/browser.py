"""The browser entry point: one JSON request in, one JSON response out (called from the worker).

Operations (``{"op": ...}``) and what ``{"ok": true, ...}`` adds:

- ``version``: ``package``, ``bank``, ``python`` (versions) and ``minutes`` (how long the
  questions take).
- ``score`` with ``answers``: ``result`` (``Result.to_dict()``) and its share ``code``.
- ``encode`` with ``answers``: ``code``.
- ``decode`` with ``code``: ``answers`` for the current bank; ``version``, the bank version
  the code was made for; ``translated``, true for an older version's code; ``dropped``, the
  old answers that could not be carried over (``question``, ``option``, ``text``,
  ``reason``); ``notice``, what to tell the reader about an old code (null otherwise).
- ``translate`` with ``answers`` and ``version`` (answers the page saved under that bank
  version): the same reply as ``decode``, so stored answers carry over like an old link's.
- ``scenario`` with ``id``: ``answers``, ``title`` and ``summary`` of a packaged scenario.
- ``cohort`` with ``text`` (pasted, or a file's content: a share link or code per line, or a
  CSV) and optionally ``column`` (the CSV column to read): ``summary``
  (``CohortSummary.to_dict()``), and the downloads ``csv`` and ``json`` as text. At most
  ``COHORT_PAGE_LIMIT`` links at once, so one call stays well inside the page's time limit.
- ``plan-check``, ``plan-markdown``, ``plan-encode``, ``plan-decode``, ``plan-example``: the
  plan page's requests, described in ``assessment.plan_browser``.

``handle`` never raises: every failure becomes ``{"ok": false, "error": {...}}`` with a
message the page can show as it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadAnswer, BadPlan, BadRequest, allowed_list
from assessment.plan_browser import PLAN_OPERATIONS
from assessment.scenarios import find_scenario
from assessment.scoring import score
from assessment.sharecode import Decoded, carry_over, decode, encode

Response = dict[str, Any]
# The most share links the page summarises in one call: about 2 s on a slow device, well inside
# the page's limit for a call (build_scripts/fragments.py, CALL_LIMIT_MS). The terminal has none.
COHORT_PAGE_LIMIT = 2000


def _answers(request: dict[str, Any]) -> dict[str, str]:
    if "answers" not in request:
        raise BadRequest(
            "The request has no 'answers': send them as an object of question id to option id.",
            field="answers",
        )
    answers = request["answers"]
    if not isinstance(answers, dict):
        raise BadAnswer(
            "'answers' must be an object mapping question ids to option ids, "
            f"got {type(answers).__name__}."
        )
    return answers


def _text(request: dict[str, Any], key: str, what: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise BadRequest(f"The request needs {key!r}: {what}.", field=key)
    return value


def _version(request: dict[str, Any]) -> Response:
    from assessment import __version__

    bank = load_bank()
    return {
        "package": __version__,
        "bank": bank.version,
        "python": sys.version.split()[0],
        "minutes": bank.minutes,
    }


def _score(request: dict[str, Any]) -> Response:
    answers = _answers(request)
    return {"result": score(answers).to_dict(), "code": encode(answers)}


def _encode(request: dict[str, Any]) -> Response:
    return {"code": encode(_answers(request))}


def _opened(decoded: Decoded) -> Response:
    bank = load_bank()
    return {
        "answers": decoded.answers,
        "version": decoded.version,
        "translated": decoded.translated(bank),
        "dropped": [
            {"question": d.question, "option": d.option, "text": d.text, "reason": d.reason}
            for d in decoded.dropped
        ],
        "notice": decoded.notice(bank),
    }


def _decode(request: dict[str, Any]) -> Response:
    return _opened(decode(_text(request, "code", "the share code to read")))


def _translate(request: dict[str, Any]) -> Response:
    version = _text(request, "version", "the question bank version the answers were saved with")
    return _opened(carry_over(_answers(request), version))


def _scenario(request: dict[str, Any]) -> Response:
    scenario = find_scenario(_text(request, "id", "the id of a scenario, such as 'job-offer'"))
    return {
        "answers": dict(scenario.answers),
        "title": scenario.title,
        "summary": scenario.summary,
    }


def _cohort(request: dict[str, Any]) -> Response:
    from assessment.cohort import summarise_entries
    from assessment.cohort_input import entries

    text = _text(request, "text", "the pasted share links or codes, or a file's content")
    column = request.get("column")
    if column is not None and not isinstance(column, str):
        raise BadRequest("'column' must be the name of a CSV column, or left out.", field="column")
    found = entries(text, column or None)
    if len(found) > COHORT_PAGE_LIMIT:
        raise BadRequest(
            f"There are {len(found):,} lines with a link or code; this page summarises up to "
            f"{COHORT_PAGE_LIMIT:,} at once. Split them into smaller files, or use the terminal, "
            "which has no limit: python -m assessment cohort FILE.",
            field="text",
        )
    summary = summarise_entries(found)
    data = summary.to_dict()
    return {
        "summary": data,
        "csv": summary.to_csv(),
        "json": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
    }


OPERATIONS: dict[str, Callable[[dict[str, Any]], Response]] = {
    "version": _version,
    "score": _score,
    "encode": _encode,
    "decode": _decode,
    "translate": _translate,
    "scenario": _scenario,
    "cohort": _cohort,
    **PLAN_OPERATIONS,
}


def _failure(error_type: str, message: str, field: str | None = None) -> str:
    return json.dumps(
        {"ok": False, "error": {"type": error_type, "message": message, "field": field}}
    )


def handle(request_json: str) -> str:
    """Answer one request from the page; see the module docstring. Never raises."""
    try:
        try:
            request = json.loads(request_json)
        except (TypeError, ValueError) as error:
            raise BadRequest(f"The request is not valid JSON ({error}).") from error
        if not isinstance(request, dict):
            raise BadRequest('The request must be a JSON object such as {"op": "version"}.')
        op = request.get("op")
        operation = OPERATIONS.get(op) if isinstance(op, str) else None
        if operation is None:
            raise BadRequest(
                f"Unknown op {op!r}: use {allowed_list(OPERATIONS)}.",
                field="op",
            )
        return json.dumps({"ok": True, **operation(request)})
    except (BadRequest, BadPlan) as error:
        return _failure(type(error).__name__, error.message, error.field)
    except AssessmentError as error:
        return _failure(type(error).__name__, error.message, error.question)
    except Exception as error:  # the page must get an answer, whatever went wrong
        return _failure(
            "InternalError",
            f"The assessment hit an unexpected problem ({type(error).__name__}: {error}). "
            "Reload the page to try again; your answers are kept. If it happens again, "
            "use the printable worksheet.",
        )
