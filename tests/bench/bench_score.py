"""Benchmark: how long score() takes for a full answer set, advice included.

Not a test (pytest does not collect it). Run: python tests/bench/bench_score.py
The target is under 2 ms per call on CPython. Both wall-clock and CPU time are shown:
on a busy machine the wall-clock figure includes time spent waiting for a processor, so
the machine's load (from /proc/loadavg, where there is one) is printed beside them.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment import load_scenarios, score
from assessment.browser import handle

TARGET_MS = 2.0
ROUNDS = 7
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def per_call_ms(call: Callable[[], object], number: int, clock: Callable[[], float]) -> list[float]:
    timer = timeit.Timer(call, timer=clock)
    return [seconds / number * 1000 for seconds in timer.repeat(repeat=ROUNDS, number=number)]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "not known on this system"


def main() -> int:
    answers = dict(load_scenarios()["job-offer"].answers)
    result = score(answers)  # also loads and caches the bank
    assert result.completeness.answered == result.completeness.total and result.advice
    request = json.dumps({"op": "score", "answers": answers})
    cases: dict[str, tuple[Callable[[], object], int]] = {
        "score(full answers), advice included": (lambda: score(answers), 500),
        "score(...).to_dict()": (lambda: score(answers).to_dict(), 300),
        "browser.handle(score request), JSON in and out": (lambda: handle(request), 200),
    }
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    print(f"load average: {load_average()}")
    best: dict[str, float] = {}
    for name, (call, number) in cases.items():
        for clock_name, clock in CLOCKS.items():
            times = per_call_ms(call, number, clock)
            best.setdefault(clock_name, min(times))
            print(
                f"{name:<48} {clock_name:>4}: best {min(times):.3f} ms, "
                f"median {statistics.median(times):.3f} ms"
            )
    verdict = "within" if best["wall"] < TARGET_MS else "OVER"
    print(
        f"score(): {best['wall']:.3f} ms wall-clock, {best['cpu']:.3f} ms CPU per call "
        f"({verdict} the {TARGET_MS} ms target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
