"""The terminal tool: ask the questions (or read answers from a file or a code) and report."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadRequest, allowed_list
from assessment.model import Bank, Question
from assessment.report import render_report
from assessment.result import schema_text
from assessment.scenarios import find_scenario
from assessment.scoring import score
from assessment.sharecode import decode, encode, site_path

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
SKIP_WORDS = ("", "s", "skip")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assessment",
        description=(
            "Score the leverage and the ethics of one negotiation you are preparing for. "
            "With no options, asks the questions one by one."
        ),
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--answers",
        metavar="FILE.json",
        help="read answers from a JSON object of question id to option id",
    )
    source.add_argument("--code", metavar="CODE", help="read answers from a share code or link")
    source.add_argument("--scenario", metavar="ID", help="score a packaged worked example")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the result (what --json prints) and stop",
    )
    return parser


def _read_answers_file(path: str) -> dict[str, str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise BadRequest(f"Cannot read {path}: {error.strerror or error}.") from error
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest(
            f"{path} is not valid JSON ({error}). It should hold an object such as "
            '{"your-alternative": "similar"}.'
        ) from error
    if not isinstance(data, dict):
        raise BadRequest(
            f"{path} must hold a JSON object of question id to option id, "
            f"not a {type(data).__name__}."
        )
    return data


def _say(text: str = "", end: str = "\n") -> None:
    """Interview text goes to stderr, so that stdout holds only the report (or the JSON)."""
    print(text, end=end, file=sys.stderr, flush=True)


def _ask(question: Question, number: int, bank: Bank) -> str | None:
    """Ask one question until the reader gives a valid answer; None means skipped."""
    dimension = bank.dimension(question.dimension)
    about = f" (about {question.side})" if question.side else ""
    _say(f"\nQuestion {number} of {len(bank.questions)} - {dimension.title}{about}")
    _say(question.text)
    _say(f"  {question.help}")
    for index, option in enumerate(question.options, start=1):
        _say(f"  {index}. {option.label}  [{option.id}]")
    while True:
        _say("Your answer (number or id; Enter to skip): ", end="")
        reply = input().strip().lower()
        if reply in SKIP_WORDS:
            return None
        if reply.isdigit() and 1 <= int(reply) <= len(question.options):
            return question.options[int(reply) - 1].id
        if reply in question.option_ids:
            return reply
        _say(
            f"  Please type a number from 1 to {len(question.options)}, "
            f"one of {allowed_list(question.option_ids)}, or press Enter to skip."
        )


def _interview(bank: Bank) -> dict[str, str]:
    _say(
        f"Fair Leverage assessment: {len(bank.questions)} questions about one negotiation "
        "you are preparing for.\nAnswer with the option's number or id, press Enter to skip "
        "a question, and Ctrl-D or Ctrl-C to stop."
    )
    answers: dict[str, str] = {}
    for number, question in enumerate(bank.questions, start=1):
        choice = _ask(question, number, bank)
        if choice is not None:
            answers[question.id] = choice
    _say()
    return answers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the tool; returns the exit status (0 ok, 1 bad input, 130 stopped)."""
    arguments = _parser().parse_args(argv)
    if arguments.schema:
        print(schema_text(), end="")
        return 0
    try:
        bank = load_bank()
        if arguments.answers is not None:
            answers = _read_answers_file(arguments.answers)
        elif arguments.code is not None:
            answers = decode(arguments.code, bank)
        elif arguments.scenario is not None:
            answers = dict(find_scenario(arguments.scenario, bank).answers)
        else:
            answers = _interview(bank)
        result = score(answers, bank)
        code = encode(answers, bank)
    except AssessmentError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except EOFError:
        print("\nStopped before the end: nothing was scored.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\nStopped: nothing was scored.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if arguments.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        _say(f"Share code: {code}\nLink: {site_path(code)}")
    else:
        print(render_report(result, code), end="")
    return 0
