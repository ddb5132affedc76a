"""Simulation: which action comes first across many random answer sets.

Not a test (pytest does not collect it). Run: python tests/bench/simulate_advice.py [N]
Draws N answer sets (10,000 by default, fixed seed): every question answered, each option
equally likely, and prints how often each action comes first in the advice, with the share
of sets that get a verdict band. The rule it checks: no action first in more than 30% of
sets (tests/unit/test_advice.py holds the same rule on a smaller fixed sample).
"""

from __future__ import annotations

import collections
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment import load_bank, score

DEFAULT_SETS = 10_000
SEED = 20261201
MAX_SHARE = 0.30


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else DEFAULT_SETS
    bank = load_bank()
    rng = random.Random(SEED)
    firsts: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    banded = 0
    started = time.perf_counter()
    for _ in range(count):
        answers = {q.id: rng.choice(q.option_ids) for q in bank.questions}
        result = score(answers)
        banded += result.leverage.band is not None
        first = result.advice[0] if result.advice else None
        firsts[first.action.id if first else "(no advice)"] += 1
        kinds[first.type if first else "(no advice)"] += 1
    seconds = time.perf_counter() - started
    print(f"{count} random answer sets (seed {SEED}), {seconds / count * 1000:.3f} ms each")
    print(f"with a verdict band: {100 * banded / count:.1f}%")
    print(
        "first suggestion by type: "
        + ", ".join(f"{k} {100 * v / count:.1f}%" for k, v in kinds.most_common())
    )
    print(f"{'action':<28} {'first in':>9}")
    for action, times in firsts.most_common():
        print(f"{action:<28} {100 * times / count:>8.1f}%")
    top, top_count = firsts.most_common(1)[0]
    verdict = "within" if top_count <= MAX_SHARE * count else "OVER"
    print(f"most often first: {top}, {100 * top_count / count:.1f}% ({verdict} the 30% limit)")
    return 0 if verdict == "within" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
