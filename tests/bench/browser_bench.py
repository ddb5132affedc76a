"""Browser benchmark: our assessment page's start-up against the usual ways of running Python.

Drives Debian's Chromium against the built site, served with compression by
tests/support/static_server.py, beside three baseline pages built from the same assessment
page: (a) the tutorial way (loadPyodide() on the main thread, then micropip installs our
wheel), (b) PyScript, (c) a bare loadPyodide() in a worker with no package. Each page is
opened as a share link (#code=...) in fresh browser contexts, on loopback and on a
throttled profile (10 Mbit/s, 40 ms), cold and as a repeat visit (same profile, new browser
process). Writes tests/bench/results/latest.md (committed: the figures the README links to)
and latest.json, and dated copies of both (not committed). Run by `make bench`; `--quick`
takes fewer samples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_ROOT))

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

from build_scripts.fragments import ENTRY_MODULE  # noqa: E402
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.static_server import (  # noqa: E402
    COMPRESSIBLE,
    ServerOptions,
    _compressed,
    serve,
)

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CACHE = PROJECT_ROOT / ".cache" / "bench"
PYSCRIPT_DIST = PROJECT_ROOT / "tests" / "tools" / "node_modules" / "@pyscript" / "core" / "dist"
ARTICLE = "understand/what-is-leverage/"
OUR_SCRIPTS = f"/{PurePosixPath(ENTRY_MODULE).parent.parent}/"  # the page's and the worker's
ARTICLE_WINDOW_MS = 1500
TIMEOUT_MS = 90_000
LATENCY_CHANGES = 50

PROFILES: dict[str, dict[str, Any] | None] = {
    "loopback": None,
    # Network.emulateNetworkConditions takes bytes per second and milliseconds.
    "throttled": {
        "offline": False,
        "latency": 40,
        "downloadThroughput": 10_000_000 / 8,
        "uploadThroughput": 5_000_000 / 8,
    },
}


@dataclass(frozen=True)
class Subject:
    key: str
    label: str
    path: str  # site-relative page
    has_result: bool = True


SUBJECTS = (
    Subject("ours", "Fair Leverage (this site)", "assessment/"),
    Subject("tutorial", "(a) tutorial: main thread + micropip", "__bench__/tutorial.html"),
    Subject("pyscript", "(b) PyScript 0.7.31", "__bench__/pyscript.html"),
    Subject("bare", "(c) bare loadPyodide() in a worker", "__bench__/bare.html", has_result=False),
)


# ---------------------------------------------------------------------------- site setup


def build_site(destination: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{completed.stderr}")


def fetch_micropip(version: str) -> Path:
    """micropip is not in Pyodide's npm package: the baselines get it from PyPI, once, in the
    version the core's lock file lists."""
    CACHE.mkdir(parents=True, exist_ok=True)
    found = sorted(CACHE.glob(f"micropip-{version}-py3-none-any.whl"))
    if not found:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                f"micropip=={version}",
                "--dest",
                str(CACHE),
            ],
            check=True,
        )
        found = sorted(CACHE.glob(f"micropip-{version}-py3-none-any.whl"))
    return found[-1]


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def baseline_page(template: str, head: str, body_end: str) -> str:
    """The built assessment page with our page scripts (the entry module, and the modules it
    preloads) swapped for a baseline's."""
    entry = re.escape(ENTRY_MODULE)
    page, count = re.subn(rf'<script[^>]*src="[^"]*{entry}"[^>]*></script>', "", template)
    if count != 1:
        sys.exit(f"could not find the {ENTRY_MODULE} script tag in the built assessment page")
    ours = re.escape(OUR_SCRIPTS.lstrip("/"))
    page = re.sub(rf'<link rel="modulepreload" href="[^"]*{ours}[^"]*">', "", page)
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    page = page.replace("</head>", head + "\n</head>", 1)
    return page.replace("</body>", body_end + "\n</body>", 1)


def prepare_root(site: Path, root: Path) -> dict[str, str]:
    """Copies the site into `root` and adds the baseline pages under __bench__/."""
    shutil.copytree(site, root, dirs_exist_ok=True)
    core = next((root / "pyodide").iterdir())
    # The baselines load micropip by name, as tutorials do: serve PyPI's wheel beside the
    # core and list its hash in the core lock file (our page uses its own lock file).
    lock_path = core / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    micropip = fetch_micropip(lock["packages"]["micropip"]["version"])
    shutil.copy(micropip, core / micropip.name)
    lock["packages"]["micropip"].update(file_name=micropip.name, sha256=_sha256(micropip))
    lock_path.write_text(json.dumps(lock))

    bench = root / "__bench__"
    bench.mkdir()
    for path in (HERE / "baselines").iterdir():
        shutil.copy(path, bench / path.name)
    if not PYSCRIPT_DIST.exists():
        sys.exit(f"{PYSCRIPT_DIST} is missing: run `npm ci --prefix tests/tools` (make bench does)")
    shutil.copytree(PYSCRIPT_DIST, bench / "pyscript", ignore=shutil.ignore_patterns("*.map"))

    wheel = next((root / "assets" / "python").rglob("assessment-*.whl"))
    wheel_url = "/" + wheel.relative_to(root).as_posix()
    template = (root / "assessment" / "index.html").read_text()
    pages = {
        "tutorial.html": baseline_page(
            template,
            f'<meta name="bench-wheel" content="{wheel_url}">',
            '<script type="module" src="tutorial.mjs"></script>',
        ),
        "pyscript.html": baseline_page(
            template,
            '<link rel="stylesheet" href="pyscript/core.css">'
            '<script type="module" src="pyscript/core.js"></script>'
            '<script type="module" src="pyscript-glue.mjs"></script>',
            '<script type="py" src="pyscript.py" config=\''
            + json.dumps(
                {"interpreter": f"/pyodide/{core.name}/pyodide.mjs", "packages": [wheel_url]}
            )
            + "'></script>",
        ),
        "bare.html": baseline_page(template, "", '<script type="module" src="bare.mjs"></script>'),
    }
    for name, html in pages.items():
        (bench / name).write_text(html)
    return {"wheel": wheel_url, "core": core.name}


def site_headers(root: Path) -> Callable[[str], dict[str, str]]:
    """Headers like a real host: the site's own _headers file (CSP, caching), read with the
    build's parser; long caching for versioned folders if the build emitted none. The
    baseline pages get no CSP: they are measured as their authors ship them."""
    from build_scripts.headers import HEADERS_FILE, headers_for_path, parse_headers_file

    headers_file = root / HEADERS_FILE
    rules = parse_headers_file(headers_file.read_text()) if headers_file.exists() else []
    versioned = re.compile(r"^/(pyodide/[^/]+/|assets/python/[0-9a-f]{6,}/|__bench__/pyscript/)")

    def headers_for(path: str) -> dict[str, str]:
        headers = {} if path.startswith("/__bench__/") else headers_for_path(rules, path)
        headers.pop("Content-Type", None)  # the server sets it already (and correctly)
        if not any(name.lower() == "cache-control" for name in headers):
            headers["Cache-Control"] = (
                "public, max-age=31536000, immutable" if versioned.match(path) else "no-cache"
            )
        return headers

    return headers_for


def share_code() -> tuple[str, dict[str, str]]:
    """A share code for a complete set of answers (a worked example's), made by the package,
    and the answers it holds."""
    from assessment import encode, load_scenarios

    scenario = next(iter(load_scenarios().values()))
    return encode(dict(scenario.answers)), dict(scenario.answers)


# ---------------------------------------------------------------------------- measuring


def _quiet_disconnects(self: socketserver.BaseServer, request: Any, address: Any) -> None:
    # The page aborts a snapshot download it judged too slow: not an error of the server.
    if not isinstance(sys.exc_info()[1], ConnectionError):
        _report_error(self, request, address)


_report_error = socketserver.BaseServer.handle_error
socketserver.BaseServer.handle_error = _quiet_disconnects  # type: ignore[method-assign]


@dataclass
class Sample:
    marks: dict[str, float]
    gap_to_ready: float | None
    gap_window: float | None
    bytes: int
    script_bytes: int  # of our own JavaScript (the page's and the worker's modules), as sent
    requests: int
    foreign: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # the page's start-up progress texts


def _throttle(context: BrowserContext, page: Page, profile: str) -> None:
    conditions = PROFILES[profile]
    if conditions is None:
        return
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", conditions)


def _guard(context: BrowserContext, origin: str, foreign: list[str]) -> None:
    """Records any request that would leave the origin (the resolver rules refuse them).
    Not page.route(): interception would switch off the HTTP cache that repeat visits use."""

    def on_request(request: Any) -> None:
        if not request.url.startswith((origin, "data:", "blob:")):
            foreign.append(request.url)

    context.on("request", on_request)


def _max_gap(gaps: list[list[float]], until: float) -> float | None:
    inside = [gap for start, gap in gaps if start < until]
    return float(max(inside)) if inside else None


def visit(
    context: BrowserContext,
    base: str,
    options: ServerOptions,
    subject_path: str,
    profile: str,
    fragment: str = "",
    wait_for: str = "ready",
    window_ms: float | None = None,
    expected: dict[str, str] | None = None,
) -> tuple[Page, Sample]:
    foreign: list[str] = []
    _guard(context, base.rstrip("/"), foreign)
    if expected:
        context.add_init_script(f"window.__benchExpected = {json.dumps(expected)};")
    context.add_init_script(path=str(HERE / "probe.js"))
    page = context.new_page()
    if os.environ.get("BENCH_DEBUG"):
        page.on("console", lambda message: print(f"    [{subject_path}] {message.text}"))
    _throttle(context, page, profile)
    options.sent.clear()
    page.goto(base + subject_path + fragment, wait_until="commit", timeout=TIMEOUT_MS)
    if window_ms is not None:
        page.wait_for_timeout(window_ms + 100)
    else:
        page.wait_for_function(
            f"() => window.__bench && (window.__bench.marks.{wait_for} !== undefined "
            "|| window.__bench.marks.failed !== undefined)",
            timeout=TIMEOUT_MS,
            polling=50,
        )
    data = page.evaluate(
        "() => ({marks: __bench.marks, gaps: __bench.gaps, statuses: __bench.statuses})"
    )
    marks = data["marks"]
    if "failed" in marks:
        raise RuntimeError(f"{subject_path} reported failed on {profile}")
    ready = marks.get("ready")
    return page, Sample(
        marks={k: round(v, 1) for k, v in marks.items()},
        gap_to_ready=_max_gap(data["gaps"], ready) if ready is not None else None,
        gap_window=_max_gap(data["gaps"], window_ms) if window_ms is not None else None,
        bytes=sum(size for _, size in options.sent),
        script_bytes=sum(size for path, size in options.sent if path.startswith(OUR_SCRIPTS)),
        requests=len(options.sent),
        foreign=foreign,
        statuses=data["statuses"],
    )


def answer_latency(page: Page, changes: int) -> list[float]:
    """Clicks options one after another; each time, how long until the result is redrawn."""
    return page.evaluate(
        """async (changes) => {
          const form = document.querySelector('#fl-assessment [data-fl-form]');
          const questions = [...form.querySelectorAll('fieldset[data-fl-question]')];
          const latencies = [];
          for (let i = 0; i < changes; i++) {
            const question = questions[i % questions.length];
            const options = [...question.querySelectorAll('input[type=radio]')];
            const current = options.findIndex((o) => o.checked);
            const next = options[(current + 1) % options.length];
            const before = __bench.results;
            const t0 = performance.now();
            next.click();
            while (__bench.results === before) {
              if (performance.now() - t0 > 5000) throw new Error('no redraw within 5 s');
              await new Promise((resolve) => setTimeout(resolve, 0));
            }
            latencies.push(__bench.lastResult - t0);
            await new Promise((resolve) => setTimeout(resolve, 30));
          }
          return latencies;
        }""",
        changes,
    )


@contextmanager
def persistent(playwright: Any, profile_dir: Path) -> Iterator[BrowserContext]:
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        yield context
    finally:
        context.close()


# ---------------------------------------------------------------------------- reporting


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


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    version = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "chromium": version,
        "python": platform.python_version(),
        "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def ratio(numerator: dict[str, float] | None, denominator: dict[str, float] | None) -> float | None:
    if not numerator or not denominator or not denominator["median"]:
        return None
    return round(numerator["median"] / denominator["median"], 2)


TARGETS = (
    # (label, figure, comparison, limit)
    ("share link, cold, loopback: ours / (a)", "loopback.cold.result.ours/tutorial", 0.4),
    ("share link, cold, loopback: ours / (b)", "loopback.cold.result.ours/pyscript", 0.5),
    ("share link, cold, throttled: ours / (a)", "throttled.cold.result.ours/tutorial", 0.8),
    ("first usable input / our ready, loopback", "loopback.input_over_ready", 0.15),
    ("repeat / cold (share link), loopback", "loopback.repeat_over_cold", 0.7),
    ("repeat / cold (share link), throttled", "throttled.repeat_over_cold", 0.7),
)


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"Browser benchmark, {report['when']} ({report['runs']} runs per figure; "
        "median (min to max) in ms).",
        "",
        f"Machine: {report['machine']['nproc']} cores, {report['machine']['cpu']}, "
        f"{report['machine']['chromium']}; load average at the start "
        f"{report['machine']['load_average']}, at the end {report['load_average_end']} "
        "(other work on the machine slows every page alike; compare ratios).",
        "",
        f"Bytes are response bodies as sent (compressed); “our JavaScript” is what came from "
        f"`{OUR_SCRIPTS}`, the page's and the worker's modules.",
        "",
    ]
    for profile, data in report["profiles"].items():
        lines += [
            f"### {profile}",
            "",
            "| page | visit | first usable input | ready | first result (share link) "
            "| longest main-thread gap to ready | bytes | our JavaScript "
            "| started from the snapshot |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for visit_kind in ("cold", "repeat"):
            for subject in SUBJECTS:
                row = data[visit_kind].get(subject.key)
                if not row:
                    continue
                lines.append(
                    f"| {subject.label} | {visit_kind} | {fmt(row['input'])} | "
                    f"{fmt(row['ready'])} | {fmt(row['result'])} | "
                    f"{fmt(row['gap_to_ready'])} | {fmt(row['bytes'], 'kB')} | "
                    f"{fmt(row['script_bytes'], 'B')} | "
                    + (
                        f"{row['from_snapshot']} of {row['n']} |"
                        if subject.key == "ours"
                        else "— |"
                    )
                )
        article = data["article"]
        lines.append(
            f"| article page ({ARTICLE}) | cold | — | — | — | "
            f"{fmt(article['gap_window'])} (first {ARTICLE_WINDOW_MS / 1000:g} s) | "
            f"{fmt(article['bytes'], 'kB')} (Pyodide: {article['pyodide_bytes']}) | "
            f"{fmt(article['script_bytes'], 'B')} | — |"
        )
        lines.append("")
        lines += ["| ratio, ours to | ready | first result |", "| --- | --- | --- |"]
        for subject in SUBJECTS[1:]:
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
    for label, _key, value, limit, met in report["targets"]:
        lines.append(
            f"| {label} | {value if value is not None else 'pending'} | {limit} | "
            f"{'yes' if met else 'no' if value is not None else '—'} |"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- the run


def run(args: argparse.Namespace) -> dict[str, Any]:
    runs = args.runs or (2 if args.quick else 5)
    with tempfile.TemporaryDirectory(prefix="fl-bench-") as scratch:
        scratch_path = Path(scratch)
        site = Path(args.site) if args.site else scratch_path / "site"
        if not args.site:
            print("building the site (mkdocs build --strict)...", flush=True)
            build_site(site)
        root = scratch_path / "root"
        info = prepare_root(site, root)
        code, expected = share_code()
        options = ServerOptions(
            compress=True, brotli=True, etags=True, headers_for=site_headers(root)
        )
        report: dict[str, Any] = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "runs": runs,
            "machine": machine(),
            "profiles": {},
            "share_code": code,
            **info,
        }
        subjects = [s for s in SUBJECTS if not args.only or s.key in args.only]
        warm(root)
        with serve(root, options) as (base, _), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in args.profiles:
                report["profiles"][profile] = measure_profile(
                    playwright,
                    browser,
                    base,
                    options,
                    profile,
                    code,
                    expected,
                    runs,
                    subjects,
                    scratch_path,
                    args.no_repeat,
                )
            if "loopback" in args.profiles and any(s.key == "ours" for s in subjects):
                report["latency"] = measure_latency(
                    browser,
                    base,
                    options,
                    code,
                    expected,
                    LATENCY_CHANGES if not args.quick else 20,
                )
            browser.close()
    report["load_average_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    report["targets"] = targets(report)
    return report


def warm(root: Path) -> None:
    """Compresses every file the server would compress, once, so no sample pays for it."""
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            _compressed(path, path.stat().st_mtime_ns, "br")
            _compressed(path, path.stat().st_mtime_ns, "gzip")


def _cold(browser: Browser, run: Callable[[BrowserContext], Sample]) -> Sample:
    context = browser.new_context()
    try:
        return run(context)
    finally:
        context.close()


def _repeat(playwright: Any, profile_dir: Path, run: Callable[[BrowserContext], Sample]) -> Sample:
    with persistent(playwright, profile_dir) as context:  # the first visit fills the caches
        run(context)
        context.pages[-1].wait_for_timeout(1000)  # let caches settle, as a reader's would
    try:
        with persistent(playwright, profile_dir) as context:  # a new browser process
            return run(context)
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


def measure_profile(
    playwright: Any,
    browser: Browser,
    base: str,
    options: ServerOptions,
    profile: str,
    code: str,
    expected: dict[str, str],
    runs: int,
    subjects: list[Subject],
    scratch: Path,
    no_repeat: bool,
) -> dict[str, Any]:
    """Round by round, every page once per round, so a change in the machine's load over
    the run weighs on all pages alike and the ratios stay fair."""
    cold: dict[str, list[Sample]] = {s.key: [] for s in subjects}
    repeat: dict[str, list[Sample]] = {s.key: [] for s in subjects}
    articles: list[Sample] = []

    def runner(subject: Subject) -> Callable[[BrowserContext], Sample]:
        fragment = f"#code={code}" if subject.has_result else ""
        wait_for = "result" if subject.has_result else "ready"
        want = expected if subject.has_result else None
        return lambda context: visit(
            context, base, options, subject.path, profile, fragment, wait_for, expected=want
        )[1]

    def article(context: BrowserContext) -> Sample:
        sample = visit(context, base, options, ARTICLE, profile, window_ms=ARTICLE_WINDOW_MS)[1]
        sample.marks["pyodide_bytes"] = sum(
            size for path, size in options.sent if "pyodide" in path or "/python/" in path
        )
        return sample

    for index in range(runs):
        for subject in subjects:
            cold[subject.key].append(_cold(browser, runner(subject)))
            if not no_repeat:
                profile_dir = scratch / f"profile-{profile}-{subject.key}-{index}"
                repeat[subject.key].append(_repeat(playwright, profile_dir, runner(subject)))
        articles.append(_cold(browser, article))
        print(f"  {profile}: round {index + 1} of {runs} done", flush=True)

    out: dict[str, Any] = {"cold": {}, "repeat": {}, "ratios": {}}
    for subject in subjects:
        out["cold"][subject.key] = collect(cold[subject.key])
        print(f"  {profile} cold {subject.key}: {out['cold'][subject.key]['summary']}")
        if repeat[subject.key]:
            out["repeat"][subject.key] = collect(repeat[subject.key])
            print(f"  {profile} repeat {subject.key}: {out['repeat'][subject.key]['summary']}")
    out["article"] = collect(articles)
    out["article"]["pyodide_bytes"] = max(s.marks["pyodide_bytes"] for s in articles)
    print(f"  {profile} article: {out['article']['summary']}", flush=True)
    for visit_kind in ("cold", "repeat"):
        ours = out[visit_kind].get("ours")
        for subject in subjects[1:]:
            other = out[visit_kind].get(subject.key)
            if ours and other:
                out["ratios"][f"{visit_kind}.{subject.key}"] = {
                    "ready": ratio(ours["ready"], other["ready"]),
                    "result": ratio(ours["result"], other["result"]),
                }
    return out


def collect(samples: list[Sample]) -> dict[str, Any]:
    def values(name: str) -> list[float]:
        return [s.marks[name] for s in samples if name in s.marks]

    row = {
        "input": summary(values("input")),
        "ready": summary(values("ready")),
        "result": summary(values("result")),
        "gap_to_ready": summary([s.gap_to_ready for s in samples if s.gap_to_ready is not None]),
        "gap_window": summary([s.gap_window for s in samples if s.gap_window is not None]),
        "bytes": summary([float(s.bytes) for s in samples]),
        "script_bytes": summary([float(s.script_bytes) for s in samples]),
        "requests": summary([float(s.requests) for s in samples]),
        "foreign": sorted({url for s in samples for url in s.foreign}),
        "samples": [s.__dict__ for s in samples],
    }
    row["n"] = len(samples)
    row["from_snapshot"] = sum(
        any("saved state" in status for status in s.statuses) for s in samples
    )
    gap = row["gap_to_ready"] or row["gap_window"]
    row["summary"] = (
        f"input {fmt(row['input'])} ready {fmt(row['ready'])} "
        f"result {fmt(row['result'])} gap {fmt(gap)} bytes {fmt(row['bytes'], 'kB')} "
        f"snapshot {row['from_snapshot']}/{len(samples)}"
    )
    return row


def measure_latency(
    browser: Browser,
    base: str,
    options: ServerOptions,
    code: str,
    expected: dict[str, str],
    changes: int,
) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page, _ = visit(
            context,
            base,
            options,
            "assessment/",
            "loopback",
            f"#code={code}",
            "result",
            expected=expected,
        )
        latencies = answer_latency(page, changes)
    finally:
        context.close()
    return {
        "n": len(latencies),
        "p50": percentile(latencies, 0.5),
        "p95": percentile(latencies, 0.95),
        "max": round(max(latencies), 1),
    }


def _lookup(report: dict[str, Any], key: str) -> float | None:
    profiles = report["profiles"]
    profile, _, rest = key.partition(".")
    data = profiles.get(profile)
    if data is None:
        return None
    if rest == "input_over_ready":
        ours = data["cold"].get("ours")
        return ratio(ours["input"], ours["ready"]) if ours else None
    if rest == "repeat_over_cold":
        cold, repeat = data["cold"].get("ours"), data["repeat"].get("ours")
        return ratio(repeat["result"], cold["result"]) if cold and repeat else None
    visit_kind, metric, pair = rest.split(".")
    r = data["ratios"].get(f"{visit_kind}.{pair.split('/')[1]}")
    return r[metric] if r else None


def targets(report: dict[str, Any]) -> list[tuple[str, str, float | None, float, bool]]:
    rows = []
    for label, key, limit in TARGETS:
        value = _lookup(report, key)
        rows.append((label, key, value, limit, value is not None and value <= limit))
    latency = report.get("latency")
    p95 = latency["p95"] if latency else None
    rows.append(
        ("answer to result, p95 (ms)", "latency.p95", p95, 50, p95 is not None and p95 <= 50)
    )
    for profile, data in report["profiles"].items():
        ours = data["cold"].get("ours")
        article = data["article"]
        if ours and ours["gap_to_ready"] and article["gap_window"]:
            over = round(ours["gap_to_ready"]["median"] - article["gap_window"]["median"], 1)
            rows.append(
                (
                    f"main-thread gap to ready over the article's, {profile} (ms)",
                    f"{profile}.gap",
                    over,
                    25,
                    over <= 25,
                )
            )
        rows.append(
            (
                f"article page Pyodide bytes, {profile}",
                f"{profile}.article",
                article["pyodide_bytes"],
                0,
                article["pyodide_bytes"] == 0,
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 runs per figure, 20 changes")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5)")
    parser.add_argument("--site", help="use this built site instead of building one")
    parser.add_argument("--profiles", nargs="+", choices=list(PROFILES), default=list(PROFILES))
    parser.add_argument(
        "--only", nargs="+", choices=[s.key for s in SUBJECTS], help="measure only these pages"
    )
    parser.add_argument("--no-repeat", action="store_true", help="skip the repeat visits")
    args = parser.parse_args()
    started = time.monotonic()
    report = run(args)
    report["duration_s"] = round(time.monotonic() - started)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = report["when"].replace(":", "")
    text = markdown(report)
    (RESULTS / f"{stamp}.md").write_text(text)
    (RESULTS / f"{stamp}.json").write_text(json.dumps(report, indent=1))
    shutil.copy(RESULTS / f"{stamp}.md", RESULTS / "latest.md")
    shutil.copy(RESULTS / f"{stamp}.json", RESULTS / "latest.json")
    print(text)
    print(f"written to {RESULTS / (stamp + '.md')} and .json ({report['duration_s']} s)")


if __name__ == "__main__":
    main()
