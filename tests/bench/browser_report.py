"""The browser benchmark's figures: medians, ratios, targets, and the Markdown results file.

tests/bench/browser_bench.py measures; this module turns its samples into what
tests/bench/results/latest.md shows, targets included, so the file is never edited by hand.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

# Which way Python started, from <html data-fl-python-start/from> (docs/assets/js/assessment/
# next-visit.mjs), in the order the table lists them.
START_WAYS = ("snapshot stored", "snapshot cache", "snapshot network", "archive", "full")
# Steps of our start, from <html data-fl-python-phases>, in the order they happen.
PHASES = (
    ("worker", "worker created"),
    ("module", "pyodide.mjs loaded"),
    ("snapshot", "snapshot found"),
    ("instantiated", "WebAssembly instantiated"),
    ("filled", "snapshot memory filled"),
    ("started", "Python restored"),
    ("ready", "first call answered"),
)


@dataclass(frozen=True)
class Subject:
    key: str
    label: str
    path: str  # site-relative page
    link: str | None = "code"  # what the address carries: a share code, a scenario, nothing
    repeat: bool = True  # measured on a repeat visit too


OURS = Subject("ours", "Fair Leverage (this site), share link", "assessment/")
SCENARIO = Subject(
    "scenario",
    "Fair Leverage (this site), scenario link",
    "assessment/",
    link="scenario",
    repeat=False,
)
BASELINES = (
    Subject("tutorial", "(a) tutorial: main thread + micropip", "__bench__/tutorial.html"),
    Subject("pyscript", "(b) PyScript 0.7.31", "__bench__/pyscript.html"),
    Subject("bare", "(c) bare loadPyodide() in a worker", "__bench__/bare.html", link=None),
)
SUBJECTS = (OURS, SCENARIO, *BASELINES)


def summary(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {
        "median": round(statistics.median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
        "n": len(values),
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return round(ordered[index], 1)


def fmt(stats: dict[str, float] | None, unit: str = "ms") -> str:
    if not stats:
        return "—"
    if unit == "kB":
        return f"{stats['median'] / 1000:,.0f} kB"
    if unit == "B":
        return f"{stats['median']:,.0f} B"
    return f"{stats['median']:,.0f} ({stats['min']:,.0f} to {stats['max']:,.0f})"


def ratio(numerator: dict[str, float] | None, denominator: dict[str, float] | None) -> float | None:
    if not numerator or not denominator or not denominator["median"]:
        return None
    return round(numerator["median"] / denominator["median"], 2)


def median_of(row: dict[str, Any] | None, name: str) -> float | None:
    stats = row.get(name) if row else None
    return stats["median"] if stats else None


def collect(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """One row of figures from a page's samples (browser_bench.Sample as a dict)."""

    def values(name: str) -> list[float]:
        return [s["marks"][name] for s in samples if name in s["marks"]]

    starts = Counter(
        " ".join(filter(None, (s["python"].get("start"), s["python"].get("from"))))
        for s in samples
        if s["python"].get("start")
    )
    phases = {
        name: summary([s["phases"][name] for s in samples if name in s["phases"]])
        for name, _ in PHASES
    }
    row: dict[str, Any] = {
        name: summary(values(name)) for name in ("paint", "input", "ready", "result", "prepared")
    }
    row |= {
        "gap_to_ready": summary([s["gap_to_ready"] for s in samples if s["gap_to_ready"]]),
        "gap_window": summary([s["gap_window"] for s in samples if s["gap_window"]]),
        "bytes": summary([float(s["bytes"]) for s in samples]),
        "script_bytes": summary([float(s["script_bytes"]) for s in samples]),
        "requests": summary([float(s["requests"]) for s in samples]),
        "foreign": sorted({url for s in samples for url in s["foreign"]}),
        "starts": dict(starts),
        "phases": {name: stats for name, stats in phases.items() if stats},
        "n": len(samples),
        "samples": samples,
    }
    gap = row["gap_to_ready"] or row["gap_window"]
    row["summary"] = (
        f"paint {fmt(row['paint'])} input {fmt(row['input'])} ready {fmt(row['ready'])} "
        f"result {fmt(row['result'])} prepared {fmt(row['prepared'])} gap {fmt(gap)} "
        f"bytes {fmt(row['bytes'], 'kB')} started {dict(starts) or '—'}"
    )
    return row


def started_text(row: dict[str, Any]) -> str:
    starts = row["starts"]
    if not starts:
        return "—"
    return ", ".join(f"{way} {starts[way]} of {row['n']}" for way in START_WAYS if way in starts)


# ---------------------------------------------------------------------------- targets

Target = tuple[str, float | None, float, bool]  # label, figure, limit, met


def _target(label: str, value: float | None, limit: float) -> Target:
    return (label, value, limit, value is not None and value <= limit)


def _over(minuend: float | None, subtrahend: float | None) -> float | None:
    return (
        round(minuend - subtrahend, 1) if minuend is not None and subtrahend is not None else None
    )


def targets(report: dict[str, Any]) -> list[Target]:
    """The issue's targets, each with its figure from this run (None when not measured)."""
    profiles = report["profiles"]

    def row(profile: str, visit: str, key: str) -> dict[str, Any] | None:
        data = profiles.get(profile)
        result: dict[str, Any] | None = data[visit].get(key) if data else None
        return result

    def result_over(profile: str, visit: str, baseline: str, metric: str) -> float | None:
        ours = row(profile, visit, OURS.key)
        other = row(profile, visit, baseline)
        return ratio(ours["result"], other[metric]) if ours and other else None

    rows = [
        _target(
            "share link, cold, loopback: ours / (a)",
            result_over("loopback", "cold", "tutorial", "result"),
            0.4,
        ),
        _target(
            "share link, cold, loopback: ours / (b)",
            result_over("loopback", "cold", "pyscript", "result"),
            0.5,
        ),
        _target(
            "share link, cold, throttled: ours / (a)",
            result_over("throttled", "cold", "tutorial", "result"),
            0.8,
        ),
    ]
    for profile in ("loopback", "throttled"):
        rows.append(
            _target(
                f"share link, repeat, {profile}: ours to result / (c) to ready, repeat",
                result_over(profile, "repeat", "bare", "ready"),
                0.4,
            )
        )
    rows.append(
        _target(
            f"share link, repeat, loopback: ours to result, median (ms; load at the start "
            f"{report['machine']['load_average']}, at the end {report['load_average_end']})",
            median_of(row("loopback", "repeat", OURS.key), "result"),
            1000,
        )
    )
    for profile, data in profiles.items():
        article_paint = median_of(data["article"], "paint")
        rows.append(
            _target(
                f"first usable input after the article page's first paint, cold, {profile} (ms)",
                _over(median_of(row(profile, "cold", OURS.key), "input"), article_paint),
                50,
            )
        )
        rows.append(
            _target(
                f"scenario link's result shown after the article page's first paint, cold, "
                f"{profile} (ms)",
                _over(median_of(row(profile, "cold", SCENARIO.key), "prepared"), article_paint),
                150,
            )
        )
    latency = report.get("latency")
    rows.append(_target("answer to result, p95 (ms)", latency["p95"] if latency else None, 50))
    for profile, data in profiles.items():
        article = data["article"]
        ours = row(profile, "cold", OURS.key)
        rows.append(
            _target(
                f"main-thread gap to ready over the article's, {profile} (ms)",
                _over(median_of(ours, "gap_to_ready"), median_of(article, "gap_window")),
                25,
            )
        )
        rows.append(_target(f"article page Pyodide bytes, {profile}", article["pyodide_bytes"], 0))
    return rows


# ---------------------------------------------------------------------------- Markdown


def _page_rows(data: dict[str, Any], article_label: str, window_s: float) -> list[str]:
    lines = [
        "| page | visit | first paint | first usable input | ready | first result "
        "| prepared result shown | longest main-thread gap to ready | bytes | our JavaScript "
        "| how Python started |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for visit_kind in ("cold", "repeat"):
        for subject in SUBJECTS:
            row = data[visit_kind].get(subject.key)
            if row:
                lines.append(
                    f"| {subject.label} | {visit_kind} | {fmt(row['paint'])} | "
                    f"{fmt(row['input'])} | {fmt(row['ready'])} | {fmt(row['result'])} | "
                    f"{fmt(row['prepared'])} | {fmt(row['gap_to_ready'])} | "
                    f"{fmt(row['bytes'], 'kB')} | {fmt(row['script_bytes'], 'B')} | "
                    f"{started_text(row)} |"
                )
    article = data["article"]
    lines.append(
        f"| article page ({article_label}) | cold | {fmt(article['paint'])} | — | — | — | — | "
        f"{fmt(article['gap_window'])} (first {window_s:g} s) | "
        f"{fmt(article['bytes'], 'kB')} (Pyodide: {article['pyodide_bytes']}) | "
        f"{fmt(article['script_bytes'], 'B')} | — |"
    )
    return lines


def _phase_rows(data: dict[str, Any]) -> list[str]:
    """Where our start's time goes: each step's end, in ms after the page began."""
    rows = [(kind, data[kind].get(OURS.key)) for kind in ("cold", "repeat")]
    rows = [(kind, row) for kind, row in rows if row and row["phases"]]
    if not rows:
        return []
    header = " | ".join(label for _, label in PHASES)
    lines = [
        f"| our share link | {header} | first result |",
        "| --- |" + " --- |" * (len(PHASES) + 1),
    ]
    for kind, row in rows:
        cells = " | ".join(fmt(row["phases"].get(name)) for name, _ in PHASES)
        lines.append(f"| {kind} ({started_text(row)}) | {cells} | {fmt(row['result'])} |")
    return lines


def _kept_text(data: dict[str, Any]) -> str | None:
    kept = data.get("kept")
    if not kept:
        return None
    outcomes = ", ".join(
        f"{outcome} {count}" for outcome, count in sorted(kept["outcomes"].items())
    )
    return (
        f"Kept for the next visit, on the first of each repeat pair: {outcomes}; "
        f"{fmt(kept['after_ready'])} ms after ready; {fmt(kept['bytes'], 'kB')} downloaded "
        "after ready."
    )


def markdown(report: dict[str, Any], article_label: str, window_s: float, scripts: str) -> str:
    machine = report["machine"]
    lines = [
        f"Browser benchmark, {report['when']} ({report['runs']} runs per figure; "
        "median (min to max) in ms after the page began).",
        "",
        f"Machine: {machine['nproc']} cores, {machine['cpu']}, {machine['chromium']}; "
        f"load average at the start {machine['load_average']}, at the end "
        f"{report['load_average_end']} (other work on the machine slows every page alike; "
        "compare ratios).",
        "",
        "Bytes are response bodies as sent (compressed); “our JavaScript” is what came from "
        f"`{scripts}`, the page's and the worker's modules. “How Python started”: from the "
        "snapshot kept on an earlier visit (stored), in the HTTP cache (cache) or downloaded "
        "now (network); on the trimmed archive; or the normal way (full).",
        "",
    ]
    for profile, data in report["profiles"].items():
        lines += [f"### {profile}", "", *_page_rows(data, article_label, window_s), ""]
        phases = _phase_rows(data)
        if phases:
            lines += ["Where our start's time goes (each step's end):", "", *phases, ""]
        kept = _kept_text(data)
        if kept:
            lines += [kept, ""]
        lines += ["| ratio, ours to | ready | first result |", "| --- | --- | --- |"]
        for subject in BASELINES:
            for visit_kind in ("cold", "repeat"):
                r = data["ratios"].get(f"{visit_kind}.{subject.key}")
                if r:
                    lines.append(
                        f"| {subject.label}, {visit_kind} | {r['ready'] or '—'} | "
                        f"{r['result'] or '—'} |"
                    )
        lines.append("")
    latency = report.get("latency")
    if latency:
        lines += [
            f"Answer to updated result ({latency['n']} changes, loopback): "
            f"p50 {latency['p50']} ms, p95 {latency['p95']} ms.",
            "",
        ]
    lines += ["| target | figure | limit | met |", "| --- | --- | --- | --- |"]
    for label, value, limit, met in report["targets"]:
        lines.append(
            f"| {label} | {value if value is not None else 'not measured'} | {limit:g} | "
            f"{'yes' if met else 'no' if value is not None else '—'} |"
        )
    return "\n".join(lines) + "\n"
