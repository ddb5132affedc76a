"""Plan codes: a whole plan as one URL-safe, versioned and checksummed string, for a link that
carries it after the ``#`` (so it never reaches a server).

A code reads ``flp1.<bank version>.<body>``. ``flp1`` is the plan code's format; the bank
version says which questions the warning's answers belong to. The body is base64url (no padding)
of the plan's data (``Plan.to_dict()``) as compact JSON compressed with zlib, followed by a
4-byte checksum over the format, the version and the compressed bytes. A code made for an older
bank version keeps opening: the warning's answers are carried over as a share code's are, and
``DecodedPlan.notice`` says what could not be.

A code is at most ``MAX_CODE_LENGTH`` characters, so that a link stays under 2,000 characters,
the length long links are commonly kept to; a longer plan is refused with a message that says
which fields take the most room.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zlib
from dataclasses import dataclass

from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadCode, BadPlan
from assessment.legacy import Dropped
from assessment.model import Bank
from assessment.plan import Plan, parse_plan, warning_questions
from assessment.plan_fields import FIELDS
from assessment.sharecode import carry_over

CODE_FORMAT = "flp1"
CHECKSUM_BYTES = 4
MAX_CODE_LENGTH = 1900
# A code this long decompresses to far less; the cap stops a crafted code from using up memory.
MAX_JSON_BYTES = 64 * 1024
FRAGMENT_KEY = "plan="
SITE_PAGE = "assessment/plan/"
BODY = re.compile(r"^[A-Za-z0-9_-]+$")
AGAIN = "Ask whoever sent it for the link again, or copy the whole link once more."


@dataclass(frozen=True)
class DecodedPlan:
    """A plan from a code, with the bank version it was made for and any answers dropped."""

    plan: Plan
    version: str
    dropped: tuple[Dropped, ...] = ()

    def notice(self, bank: Bank) -> str | None:
        """What to tell the reader when answers about the warning could not be carried over."""
        if self.version == bank.version or not self.dropped:
            return None
        lost = "; ".join(f"“{d.text}”: {d.reason}" for d in self.dropped)
        return (
            f"This plan was made with version {self.version} of the assessment's questions; "
            f"some answers about its warning could not be carried over ({lost}). Answer those "
            "questions again."
        )


def site_path(code: str) -> str:
    """The site path that opens the plan page with this plan."""
    return f"{SITE_PAGE}#{FRAGMENT_KEY}{code}"


def _checksum(version: str, payload: bytes) -> bytes:
    digest = hashlib.sha256(b"\0".join([CODE_FORMAT.encode(), version.encode(), payload]))
    return digest.digest()[:CHECKSUM_BYTES]


def _body(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _too_long(plan: Plan, length: int) -> BadPlan:
    data = plan.to_dict()
    sizes = sorted(
        ((len(json.dumps(data[name], ensure_ascii=False)), name) for name in data), reverse=True
    )
    longest = ", ".join(FIELDS[name].label.lower() for _, name in sizes[:2])
    return BadPlan(
        f"This plan is too long for a link: its code would be {length:,} characters, and plan "
        f"links stop at {MAX_CODE_LENGTH:,}. Shorten the longest parts ({longest}), or download "
        "the plan as Markdown and send the file instead.",
        field="plan",
    )


def encode_plan(plan: Plan, bank: Bank | None = None) -> str:
    """The plan's code; BadPlan (field "plan") when it would be longer than MAX_CODE_LENGTH, or
    naming the field of the first problem that would stop the code from opening again."""
    bank = load_bank() if bank is None else bank
    data = plan.to_dict()
    parse_plan(data, bank)  # only a plan that reads without a problem may go into a link
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    payload = zlib.compress(text.encode("utf-8"), 9)
    code = f"{CODE_FORMAT}.{bank.version}.{_body(payload + _checksum(bank.version, payload))}"
    if len(code) > MAX_CODE_LENGTH:
        raise _too_long(plan, len(code))
    return code


def decode_plan(code: object, bank: Bank | None = None) -> DecodedPlan:
    """The plan a code (or a whole link) holds; BadCode, saying what is wrong, for anything else."""
    bank = load_bank() if bank is None else bank
    if not isinstance(code, str):
        raise BadCode(f"A plan code must be text, got {type(code).__name__}.", code=code)
    text = code.rpartition("#")[2].strip().removeprefix(FRAGMENT_KEY)
    if not text:
        raise BadCode("The plan link is empty after “#plan=”. Copy the whole link.", code=code)
    if len(text) > MAX_CODE_LENGTH:
        raise BadCode(
            f"This is too long to be a plan link: they stop at {MAX_CODE_LENGTH:,} characters. "
            "Check that you copied only the link.",
            code=code,
        )
    parts = text.split(".")
    if len(parts) != 3 or not parts[0].startswith("flp"):
        raise BadCode(
            f"This is not a Fair Leverage plan link: after “#plan=” they read "
            f"“{CODE_FORMAT}.{bank.version}.” and then letters and digits. {AGAIN}",
            code=code,
        )
    code_format, version, body = parts
    if code_format != CODE_FORMAT:
        raise BadCode(
            f"This plan link uses format {code_format!r}, which this version of the site cannot "
            f"read (it reads {CODE_FORMAT!r}).",
            code=code,
        )
    data = _unpack(body, version, code)
    dropped: tuple[Dropped, ...] = ()
    answers = data.get("warning_answers") if isinstance(data, dict) else None
    if isinstance(data, dict) and version != bank.version and isinstance(answers, dict):
        try:
            carried = carry_over(answers, version, bank)
        except AssessmentError as error:
            raise BadCode(
                f"This plan link cannot be opened here: {error.message}", code=code
            ) from error
        warned = {question.id for question in warning_questions(bank)}
        kept = {q: o for q, o in carried.answers.items() if q in warned}
        data = {**data, "warning_answers": kept}
        dropped = carried.dropped
    try:
        plan = parse_plan(data, bank)
    except BadPlan as error:
        raise BadCode(
            f"This plan link holds a plan that cannot be read: {error.message} {AGAIN}", code=code
        ) from error
    return DecodedPlan(plan, version, dropped)


def _unpack(body: str, version: str, code: str) -> object:
    damaged = BadCode(
        f"This plan link is damaged: part of it is missing or changed. {AGAIN}", code=code
    )
    if not BODY.match(body):
        raise BadCode(
            "This plan link contains characters that plan links never use: only letters, digits, "
            f"“-” and “_” follow the second dot. {AGAIN}",
            code=code,
        )
    try:
        data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as error:
        raise damaged from error
    payload, checksum = data[:-CHECKSUM_BYTES], data[-CHECKSUM_BYTES:]
    if (
        len(data) <= CHECKSUM_BYTES
        or _body(data) != body
        or _checksum(version, payload) != checksum
    ):
        raise damaged
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(payload, MAX_JSON_BYTES)
    except zlib.error as error:
        raise damaged from error
    if inflater.unconsumed_tail or not inflater.eof:
        raise damaged
    try:
        return json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise damaged from error
