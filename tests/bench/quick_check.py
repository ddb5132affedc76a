"""Benchmark: how well a short set of questions (the quick check) stands in for the full form.

Not a test (pytest does not collect it). Run: python tests/bench/quick_check.py [N]
Draws N answer sets (5,000 by default, fixed seed) of two kinds:
- random: every question answered, each option equally likely ("I don't know" included);
- realistic: each side has a hidden strength, and each answer about it lies near that strength
  on the question's scale (one step of noise either way); each answer about them is
  "I don't know" with a chance drawn per set (0 to 50%), and any question is skipped with a
  chance of 5%.
Each set is scored whole and as its quick subset (only the quick questions' answers, the rest
skipped, as the engine treats a skipped question: no move either way) with the normal
`score()`. For each candidate set it prints R² (the squared correlation of the quick balance
with the full one, your index minus theirs, shown or not), how often the quick check shows a
band, and how often its band is the full form's: of the sets where the full form shows one,
and of those where both show one.
The candidates: the bank's own quick set, the issue's set of 10 as it maps onto bank version 2
("what they know" is no longer asked, so it has 9), and the alternatives weighed against them.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment import load_bank, score
from assessment.model import Bank, Question
from assessment.quick import quick_minutes, quick_questions

DEFAULT_SETS = 5_000
SEED = 20261219
SKIP_CHANCE = 0.05
MAX_UNKNOWN_CHANCE = 0.5

ISSUE_SET = (
    "your-alternative",
    "their-alternative",
    "your-cost-of-no-deal",
    "their-cost-of-no-deal",
    "what-you-bring",
    "what-they-bring",
    "your-deadline",
    "their-deadline",
    "standards-for-you",
)
CANDIDATES: dict[str, tuple[str, ...]] = {
    "issue's 10 on v2 (9)": ISSUE_SET,
    "4 ideas x 2 sides (8)": ISSUE_SET[:8],
    "4 ideas x 2 + relationship x 2": (*ISSUE_SET[:8], "future-with-you", "future-with-them"),
    "4 ideas x 2 + allies x 2": (*ISSUE_SET[:8], "your-allies", "their-allies"),
    "4 ideas x 2 + standards x 2": (*ISSUE_SET, "standards-for-them"),
}

Answers = dict[str, str]


def random_set(bank: Bank, rng: random.Random) -> Answers:
    return {q.id: rng.choice(q.option_ids) for q in bank.questions}


def near(question: Question, strength: float, rng: random.Random) -> str:
    scale = question.scale
    position = strength * (len(scale) - 1) + rng.gauss(0, 1)
    return scale[max(0, min(len(scale) - 1, round(position)))].id


def realistic_set(bank: Bank, rng: random.Random) -> Answers:
    strength = {"you": rng.random(), "them": rng.random()}
    unknown_chance = rng.uniform(0, MAX_UNKNOWN_CHANCE)
    answers = {q.id: rng.choice(q.option_ids) for q in bank.questions if q.side is None}
    for question in bank.questions_of("leverage"):
        assert question.side is not None
        unknown = next((o.id for o in question.options if o.unknown), None)
        if unknown and rng.random() < unknown_chance:
            answers[question.id] = unknown
        else:
            answers[question.id] = near(question, strength[question.side], rng)
    return {q: a for q, a in answers.items() if rng.random() >= SKIP_CHANCE}


def balance_and_band(answers: Mapping[str, str]) -> tuple[float, str | None]:
    """The balance as the indices give it (also when no band is shown yet) and the band."""
    lev = score(answers).leverage
    return lev.you.index - lev.them.index, None if lev.band is None else lev.band.id


def r_squared(xs: list[float], ys: list[float]) -> float:
    return statistics.correlation(xs, ys) ** 2


def share(pairs: Sequence[tuple[str | None, str | None]]) -> float:
    return 100 * sum(full == quick for full, quick in pairs) / len(pairs) if pairs else 0.0


def measure(
    sets: list[Answers], full: list[tuple[float, str | None]], subset: Iterable[str]
) -> tuple[float, float, float, float]:
    """R², % of quick checks with a band, % with the full form's band (of the sets where the
    full form shows one), % with the full form's band (of the sets where both show one)."""
    chosen = set(subset)
    quick = [balance_and_band({q: a for q, a in s.items() if q in chosen}) for s in sets]
    r2 = r_squared([f[0] for f in full], [q[0] for q in quick])
    shown = 100 * sum(q[1] is not None for q in quick) / len(sets)
    pairs = [(f[1], q[1]) for f, q in zip(full, quick, strict=True) if f[1] is not None]
    both = [(f, q) for f, q in pairs if q is not None]
    return r2, shown, share(pairs), share(both)


def report(bank: Bank, count: int, make: Callable[[Bank, random.Random], Answers]) -> None:
    rng = random.Random(SEED)
    sets = [make(bank, rng) for _ in range(count)]
    full = [balance_and_band(s) for s in sets]
    full_shown = sum(f[1] is not None for f in full) / count
    print(f"  full form shows a band in {100 * full_shown:.1f}% of sets")
    own = tuple(q.id for q in quick_questions(bank) if q.side is not None)
    candidates = {"the bank's quick set": own, **CANDIDATES}
    print(f"  {'set':<40} {'R²':>5} {'band shown':>11} {'same band':>10} {'same if shown':>14}")
    for name, subset in candidates.items():
        r2, shown, agree, agree_shown = measure(sets, full, subset)
        print(f"  {name:<40} {r2:>5.2f} {shown:>10.1f}% {agree:>9.1f}% {agree_shown:>13.1f}%")


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else DEFAULT_SETS
    bank = load_bank()
    quick = quick_questions(bank)
    print(
        f"quick check: {len(quick)} questions, about {quick_minutes(bank)} minutes "
        f"({', '.join(q.id for q in quick)})"
    )
    started = time.perf_counter()
    for name, make in (("random", random_set), ("realistic", realistic_set)):
        print(f"{count} {name} answer sets (seed {SEED}):")
        report(bank, count, make)
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
