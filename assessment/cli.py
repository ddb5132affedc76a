"""The terminal tool: ask the questions (or read answers from a file or a code) and report."""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from assessment import __version__, pages
from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadRequest, allowed_list
from assessment.model import Bank, Question
from assessment.report import Page, render_report
from assessment.result import schema_text
from assessment.scenarios import find_scenario
from assessment.scoring import score
from assessment.sharecode import decode, encode, site_path

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
SKIP_WORDS = ("", "s", "skip")
# The terminal size to assume when it cannot be read (output to a file or a pipe).
DEFAULT_SIZE = (80, 24)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assessment",
        description=(
            "Score the leverage and the ethics of one negotiation you are preparing for. "
            "With no options, asks the questions one by one."
        ),
        epilog="Two more commands: python -m assessment plan FILE checks a negotiation plan, and "
        "python -m assessment cohort FILE summarises a group's share links (each with --help).",
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
        "--bank",
        metavar="FILE",
        help="use this question bank file instead of the packaged one (for editors trying "
        "changes; share codes then follow the file's version)",
    )
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help=f"the site the report links to (default: ${pages.SITE_URL_VARIABLE}, "
        f"else {pages.DEFAULT_SITE_URL})",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (questions version {_packaged_version()})",
    )
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the result (what --json prints) and stop",
    )
    return parser


def _packaged_version() -> str:
    try:
        return load_bank().version
    except AssessmentError:
        return "unreadable"


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


def _width() -> int:
    return shutil.get_terminal_size(DEFAULT_SIZE).columns


def _ask(question: Question, number: int, bank: Bank, kind: str | None, page: Page) -> str | None:
    """Ask one question until the reader gives a valid answer; None means skipped."""
    dimension = bank.dimension(question.dimension)
    about = f" ({bank.side_words(question.side).label.lower()})" if question.side else ""
    _say(f"\nQuestion {number} of {len(bank.questions)} - {dimension.title}{about}")
    _say("\n".join(page.wrap(question.text_for(kind), indent="")))
    help_text = question.help_for(kind)
    if help_text:
        _say("\n".join(page.wrap(help_text)))
    for index, option in enumerate(question.options, start=1):
        label = f"{option.label_for(kind)}  [{option.id}]"
        _say("\n".join(page.wrap(label, first=f"  {index}. ", indent="     ")))
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


def _interview(bank: Bank, page: Page) -> dict[str, str]:
    _say(
        f"Fair Leverage assessment: {len(bank.questions)} questions about one negotiation "
        f"you are preparing for, about {bank.minutes} minutes.\nAnswer with the option's "
        "number or id, press Enter to skip a question, and Ctrl-D or Ctrl-C to stop."
    )
    answers: dict[str, str] = {}
    for number, question in enumerate(bank.questions, start=1):
        choice = _ask(question, number, bank, answers.get(bank.kind_question.id), page)
        if choice is not None:
            answers[question.id] = choice
    _say()
    return answers


# Commands with their own options, each in its own module with a `main(argv) -> int`.
SUBCOMMANDS = {"plan": "assessment.plan_cli", "cohort": "assessment.cohort_cli"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the tool; returns the exit status (0 ok, 1 bad input, 130 stopped)."""
    given = sys.argv[1:] if argv is None else list(argv)
    if given[:1] and given[0] in SUBCOMMANDS:
        command = importlib.import_module(SUBCOMMANDS[given[0]])
        status: int = command.main(given[1:])
        return status
    arguments = _parser().parse_args(given)
    if arguments.schema:
        print(schema_text(), end="")
        return 0
    page = Page(_width(), pages.site_url(arguments.site_url))
    decoded = None
    try:
        bank = load_bank(arguments.bank)
        if arguments.answers is not None:
            answers = _read_answers_file(arguments.answers)
        elif arguments.code is not None:
            decoded = decode(arguments.code, bank)
            answers = decoded.answers
        elif arguments.scenario is not None:
            answers = dict(find_scenario(arguments.scenario, bank).answers)
        else:
            answers = _interview(bank, page)
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
        _say(f"Share code: {code}\nLink: {page.site}{site_path(code)}")
    else:
        print(render_report(result, code, bank, page, decoded), end="")
    return 0
