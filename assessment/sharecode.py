"""Share codes: an answer set as a short, URL-safe, versioned and checksummed string.

A code reads ``fl1.<bank version>.<body>``. ``fl1`` is the code format; the bank version
says which questions the answers belong to. The body is base64url (no padding) of the
answers packed into one number, one digit per question in bank order (0 = skipped,
n = the n-th option), followed by a 4-byte checksum. The checksum also covers the bank's
layout (its question and option ids), so a code is never read against questions it was
not made for, even if an editor changed the bank and forgot to change its version.

A code made for an older bank version is read with that version's layout (kept in
``old_banks/``) and its answers are carried over to the current bank; ``decode`` says
which could not be, and why.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from assessment.bank import load_bank
from assessment.errors import BadAnswer, BadCode, BadRequest, allowed_list
from assessment.legacy import Dropped, Layout, old_banks
from assessment.model import Bank
from assessment.scoring import check_answers

CODE_FORMAT = "fl1"
CHECKSUM_BYTES = 4
MAX_CODE_LENGTH = 200
BODY = re.compile(r"^[A-Za-z0-9_-]+$")
SITE_PAGE = "assessment/"
FRAGMENT_KEY = "code="
RETAKE = "Please take the assessment again; it takes a few minutes."


@dataclass(frozen=True)
class Decoded:
    """What a share code holds: answers for the current bank, and any old answers dropped.

    ``version`` is the bank version the code was made for; when it is older than the
    current bank, ``dropped`` lists the answers that could not be carried over.
    """

    answers: dict[str, str]
    version: str
    dropped: tuple[Dropped, ...] = ()

    def translated(self, bank: Bank) -> bool:
        return self.version != bank.version

    def notice(self, bank: Bank) -> str | None:
        """What to tell the reader about an old code, in the bank's words; None if current."""
        if not self.translated(bank):
            return None
        return bank.texts.translated.format(
            old=self.version, carried=len(self.answers), dropped=len(self.dropped)
        )


def carry_over(answers: Mapping[str, str], version: str, bank: Bank | None = None) -> Decoded:
    """Answers saved under a bank version (a page's stored answers), for the current bank.

    Current answers are checked as ``score()`` checks them; older ones are carried over as
    an old code's would be. BadAnswer for an answer the version never had; BadRequest for
    a version this site never had.
    """
    bank = load_bank() if bank is None else bank
    if version == bank.version:
        chosen = check_answers(answers, bank)
        return Decoded({question: option.id for question, option in chosen.items()}, version)
    old = old_banks().get(version)
    if old is None:
        known = [bank.version, *old_banks()]
        raise BadRequest(
            f"There is no question bank version {version!r}; versions are {allowed_list(known)}.",
            field="version",
        )
    layout = dict(old.layout.questions)
    for question, option in answers.items():
        if question not in layout or option not in layout[question]:
            raise BadAnswer(
                f"{question!r}: {option!r} is not an answer of question bank version {version}.",
                question=question,
                value=option,
                allowed=layout.get(question, ()),
            )
    carried, dropped = old.translate(dict(answers), bank)
    return Decoded(carried, version, dropped)


def code_prefix(bank: Bank) -> str:
    """How every code for this bank begins: the code format and the bank version."""
    return f"{CODE_FORMAT}.{bank.version}."


def site_path(code: str) -> str:
    """The site path that opens the assessment with a code; it stays in the '#', off servers."""
    return f"{SITE_PAGE}#{FRAGMENT_KEY}{code}"


def _radices(layout: Layout) -> list[int]:
    return [len(options) + 1 for _, options in layout.questions]


def _payload_length(layout: Layout) -> int:
    largest = math.prod(_radices(layout)) - 1
    return max(1, (largest.bit_length() + 7) // 8)


def _checksum(layout: Layout, payload: bytes) -> bytes:
    text = ";".join(f"{question}={','.join(options)}" for question, options in layout.questions)
    digest = hashlib.sha256(
        b"\0".join([CODE_FORMAT.encode(), layout.version.encode(), text.encode(), payload])
    )
    return digest.digest()[:CHECKSUM_BYTES]


def _body(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def encode(answers: Mapping[str, str], bank: Bank | None = None) -> str:
    """The share code for a full or partial answer set; BadAnswer if an answer is unknown."""
    bank = load_bank() if bank is None else bank
    chosen = check_answers(answers, bank)
    layout = Layout.of(bank)
    number = 0
    for (question, options), radix in reversed(
        list(zip(layout.questions, _radices(layout), strict=True))
    ):
        option = chosen.get(question)
        digit = 0 if option is None else options.index(option.id) + 1
        number = number * radix + digit
    payload = number.to_bytes(_payload_length(layout), "big")
    return code_prefix(bank) + _body(payload + _checksum(layout, payload))


def decode(code: str, bank: Bank | None = None) -> Decoded:
    """The answers a share code holds. BadCode, saying what is wrong, for anything else."""
    bank = load_bank() if bank is None else bank
    if not isinstance(code, str):
        raise BadCode(f"A share code must be text, got {type(code).__name__}.", code=code)
    # Accept a whole pasted link: the code is what follows "#code=".
    text = code.rpartition("#")[2].strip().removeprefix(FRAGMENT_KEY)
    if not text:
        raise BadCode("The share code is empty. Paste the whole link or code.", code=code)
    if len(text) > MAX_CODE_LENGTH:
        raise BadCode(
            f"This is too long to be a share code (codes are under {MAX_CODE_LENGTH} "
            "characters). Check that you pasted only the link.",
            code=code,
        )
    parts = text.split(".")
    if len(parts) != 3 or not parts[0].startswith("fl"):
        raise BadCode(
            f"This is not a Fair Leverage share code: codes look like "
            f"'{code_prefix(bank)}' followed by letters and digits. "
            "Check that you copied the whole link.",
            code=code,
        )
    code_format, version, body = parts
    if code_format != CODE_FORMAT:
        raise BadCode(
            f"This share code uses format {code_format!r}, which this version of the "
            f"assessment cannot read (it reads {CODE_FORMAT!r}). {RETAKE}",
            code=code,
        )
    if version == bank.version:
        return Decoded(_unpack(body, Layout.of(bank), code), version)
    old = old_banks().get(version)
    if old is None:
        raise BadCode(
            f"This share code was made for version {version!r} of the questions, which this "
            f"site does not know (it asks version {bank.version!r}). {RETAKE}",
            code=code,
        )
    answers, dropped = old.translate(_unpack(body, old.layout, code), bank)
    return Decoded(answers, version, dropped)


def _unpack(body: str, layout: Layout, code: str) -> dict[str, str]:
    data = _unpack_body(body, code)
    length = _payload_length(layout)
    damaged = BadCode(
        "This share code is damaged: part of it is missing or changed. Copy the whole "
        f"link again, or {RETAKE[0].lower()}{RETAKE[1:]}",
        code=code,
    )
    if len(data) != length + CHECKSUM_BYTES or _body(data) != body:
        raise damaged
    payload, checksum = data[:length], data[length:]
    if _checksum(layout, payload) != checksum:
        raise damaged
    number = int.from_bytes(payload, "big")
    answers: dict[str, str] = {}
    for (question, options), radix in zip(layout.questions, _radices(layout), strict=True):
        number, digit = divmod(number, radix)
        if digit:
            answers[question] = options[digit - 1]
    if number:
        raise damaged
    return answers


def _unpack_body(body: str, code: str) -> bytes:
    if not BODY.match(body):
        raise BadCode(
            "This share code contains characters that codes never use: only letters, "
            "digits, '-' and '_' follow the second dot. Check that you copied the whole link.",
            code=code,
        )
    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as error:
        raise BadCode(
            "This share code is damaged: it has the wrong length. Copy the whole link again.",
            code=code,
        ) from error
