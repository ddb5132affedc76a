"""Plan data for the tests: a plan whose link would be too long."""

from __future__ import annotations

import hashlib
from typing import Any

from assessment.plan_fields import FIELDS


def noise(seed: str, length: int) -> str:
    """Text that compresses badly: digests, each one different."""
    return "".join(hashlib.sha512(f"{seed}{n}".encode()).hexdigest() for n in range(8))[:length]


def too_long_for_a_link() -> dict[str, Any]:
    """A plan within every field's limit whose link would be longer than plan links may be."""
    interests, find_out = FIELDS["interests"], FIELDS["find_out"]
    concessions = FIELDS["concessions"]
    return {
        "deal": noise("d", FIELDS["deal"].limit),
        "alternative_note": noise("a", FIELDS["alternative_note"].limit),
        "interests": [noise(f"i{n}", interests.item_limit) for n in range(interests.limit)],
        "find_out": [noise(f"f{n}", find_out.item_limit) for n in range(find_out.limit)],
        "concessions": [
            {"in_return": noise(f"c{n}", concessions.column("in_return").limit)}
            for n in range(concessions.limit)
        ],
        "first_words": noise("w", FIELDS["first_words"].limit),
        "warning": noise("x", FIELDS["warning"].limit),
    }
