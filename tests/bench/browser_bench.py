"""Browser benchmark: our assessment page's start-up against the usual ways of running Python.

Drives Debian's Chromium against the built site, served with compression by
tests/support/static_server.py, beside three baseline pages built from the same assessment
page: (a) the tutorial way (loadPyodide() on the main thread, then micropip installs our
wheel), (b) PyScript, (c) a bare loadPyodide() in a worker with no package. Each page is
opened as a share link (#code=...) in fresh browser contexts, on loopback and on a
throttled profile (10 Mbit/s, 40 ms), cold and as a repeat visit (same profile, new browser
process; the first visit stays open until our page has kept Python's snapshot, as a
reader's would). Our page is also opened cold as a scenario link (#scenario=...), whose
result is drawn from the build before Python starts. tests/bench/browser_report.py turns the
samples into tests/bench/results/latest.md (committed: the figures the README links to) and
latest.json, and dated copies of both (not committed). Run by `make bench`; `--quick` takes
fewer samples.
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
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_ROOT))

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

from build_scripts.assets import published_js  # noqa: E402
from build_scripts.fragments import (  # noqa: E402
    EARLY_MODULE,
    ENTRY_MODULE,
    PREPARED_MODULE,
)
from build_scripts.startup import SNAPSHOT  # noqa: E402
from tests.bench.browser_report import (  # noqa: E402
    BASELINES,
    OURS,
    SCENARIO,
    SUBJECTS,
    Subject,
    collect,
    markdown,
    percentile,
    ratio,
    summary,
    targets,
)
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
    """The built assessment page with our page scripts (the early ones, the entry module, and
    the modules it preloads) swapped for a baseline's."""
    page = template
    for module in (EARLY_MODULE, PREPARED_MODULE, ENTRY_MODULE):
        pattern = rf'<script[^>]*src="[^"]*{re.escape(published_js(module))}"[^>]*></script>'
        page, count = re.subn(pattern, "", page)
        if count != 1:
            sys.exit(f"could not find the {module} script tag in the built assessment page")
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


@dataclass(frozen=True)
class Links:
    """The links the pages are opened with: a worked example's complete answers, as a share
    code made by the package and as the example's own scenario link."""

    code: str
    scenario: str
    answers: dict[str, str]

    def fragment(self, subject: Subject) -> str:
        if subject.link == "code":
            return f"#code={self.code}"
        return f"#scenario={self.scenario}" if subject.link == "scenario" else ""


def links() -> Links:
    from assessment import encode, load_scenarios

    scenario = next(iter(load_scenarios().values()))
    answers = dict(scenario.answers)
    return Links(encode(answers), scenario.id, answers)


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
    snapshot_bytes: int  # of Python's snapshot file, as sent (a download given up counts too)
    requests: int
    foreign: list[str] = field(default_factory=list)
    # How our page's Python started and what it kept (<html data-fl-python-*>), and when each
    # step of its start ended (ms after the page began).
    python: dict[str, str] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)


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


PAGE_DATA = """() => {
  const python = document.documentElement.dataset;
  return {
    marks: __bench.marks,
    gaps: __bench.gaps,
    python: {start: python.flPythonStart, from: python.flPythonFrom, kept: python.flPythonKept},
    phases: python.flPythonPhases ?? "",
  };
}"""


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
    wait_kept: bool = False,
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
    if wait_kept:  # our page says when it has kept Python's snapshot for the next visit
        page.wait_for_function(
            "() => document.documentElement.dataset.flPythonKept", timeout=TIMEOUT_MS, polling=50
        )
    data = page.evaluate(PAGE_DATA)
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
        snapshot_bytes=sum(size for path, size in options.sent if path.endswith(f"/{SNAPSHOT}")),
        requests=len(options.sent),
        foreign=foreign,
        python={name: value for name, value in data["python"].items() if value},
        phases={
            name: float(time)
            for name, _, time in (item.partition(":") for item in data["phases"].split())
        },
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


# ---------------------------------------------------------------------------- machine


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
        opened = links()
        options = ServerOptions(
            compress=True, brotli=True, etags=True, headers_for=site_headers(root)
        )
        report: dict[str, Any] = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "runs": runs,
            "machine": machine(),
            "profiles": {},
            "share_code": opened.code,
            "scenario": opened.scenario,
            **info,
        }
        subjects = [s for s in SUBJECTS if not args.only or s.key in args.only]
        warm(root)
        with serve(root, options) as (base, _), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in args.profiles:
                report["profiles"][profile] = measure_profile(
                    Run(playwright, browser, base, options, profile, opened, scratch_path),
                    runs,
                    subjects,
                    args.no_repeat,
                )
            if "loopback" in args.profiles and OURS in subjects:
                report["latency"] = measure_latency(
                    browser, base, options, opened, LATENCY_CHANGES if not args.quick else 20
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


@dataclass(frozen=True)
class Run:
    """What every visit of one profile shares."""

    playwright: Any
    browser: Browser
    base: str
    options: ServerOptions
    profile: str
    links: Links
    scratch: Path

    def visit(self, context: BrowserContext, subject: Subject, wait_kept: bool = False) -> Sample:
        """Opens the subject's page with its link; waits for its result (or, with no link,
        for Python to be ready)."""
        return visit(
            context,
            self.base,
            self.options,
            subject.path,
            self.profile,
            self.links.fragment(subject),
            "result" if subject.link else "ready",
            expected=self.links.answers if subject.link else None,
            wait_kept=wait_kept,
        )[1]

    def article(self, context: BrowserContext) -> Sample:
        sample = visit(
            context, self.base, self.options, ARTICLE, self.profile, window_ms=ARTICLE_WINDOW_MS
        )[1]
        sample.marks["pyodide_bytes"] = sum(
            size for path, size in self.options.sent if "pyodide" in path or "/python/" in path
        )
        return sample


def _cold(browser: Browser, run: Callable[[BrowserContext], Sample]) -> Sample:
    context = browser.new_context()
    try:
        return run(context)
    finally:
        context.close()


def _repeat(run: Run, subject: Subject, index: int) -> tuple[Sample, Sample]:
    """The first visit and the repeat visit, each in a new browser process on one profile.
    The first stays open until our page has kept Python's snapshot for the next visit, as a
    reader's would (and at least a second, for every page alike)."""
    profile_dir = run.scratch / f"profile-{run.profile}-{subject.key}-{index}"
    ours = subject in (OURS, SCENARIO)
    try:
        with persistent(run.playwright, profile_dir) as context:  # the first visit fills caches
            first = run.visit(context, subject, wait_kept=ours)
            context.pages[-1].wait_for_timeout(1000)
        with persistent(run.playwright, profile_dir) as context:  # a new browser process
            return first, run.visit(context, subject)
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


def _kept(first_visits: list[Sample]) -> dict[str, Any]:
    """What our first visits kept for the next one, how long after ready, and what it cost."""
    outcomes = Counter(sample.python.get("kept", "none") for sample in first_visits)
    after = [
        sample.phases["kept"] - sample.phases["ready"]
        for sample in first_visits
        if "kept" in sample.phases and "ready" in sample.phases
    ]
    return {
        "outcomes": dict(outcomes),
        "after_ready": summary(after),
        "bytes": summary([float(sample.snapshot_bytes) for sample in first_visits]),
    }


def measure_profile(
    run: Run, runs: int, subjects: list[Subject], no_repeat: bool
) -> dict[str, Any]:
    """Round by round, every page once per round, so a change in the machine's load over
    the run weighs on all pages alike and the ratios stay fair."""
    cold: dict[str, list[Sample]] = {s.key: [] for s in subjects}
    repeat: dict[str, list[Sample]] = {s.key: [] for s in subjects}
    first_visits: list[Sample] = []
    articles: list[Sample] = []

    for index in range(runs):
        for subject in subjects:
            cold[subject.key].append(_cold(run.browser, lambda c, s=subject: run.visit(c, s)))
            if subject.repeat and not no_repeat:
                first, second = _repeat(run, subject, index)
                repeat[subject.key].append(second)
                if subject is OURS:
                    first_visits.append(first)
        articles.append(_cold(run.browser, run.article))
        print(f"  {run.profile}: round {index + 1} of {runs} done", flush=True)

    out: dict[str, Any] = {"cold": {}, "repeat": {}, "ratios": {}}
    for subject in subjects:
        out["cold"][subject.key] = collect([s.__dict__ for s in cold[subject.key]])
        print(f"  {run.profile} cold {subject.key}: {out['cold'][subject.key]['summary']}")
        if repeat[subject.key]:
            out["repeat"][subject.key] = collect([s.__dict__ for s in repeat[subject.key]])
            print(f"  {run.profile} repeat {subject.key}: {out['repeat'][subject.key]['summary']}")
    if first_visits:
        out["kept"] = _kept(first_visits)
        print(f"  {run.profile} kept: {out['kept']}", flush=True)
    out["article"] = collect([s.__dict__ for s in articles])
    out["article"]["pyodide_bytes"] = max(s.marks["pyodide_bytes"] for s in articles)
    print(f"  {run.profile} article: {out['article']['summary']}", flush=True)
    for visit_kind in ("cold", "repeat"):
        ours = out[visit_kind].get(OURS.key)
        for subject in BASELINES:
            other = out[visit_kind].get(subject.key)
            if ours and other:
                out["ratios"][f"{visit_kind}.{subject.key}"] = {
                    "ready": ratio(ours["ready"], other["ready"]),
                    "result": ratio(ours["result"], other["result"]),
                }
    return out


def measure_latency(
    browser: Browser, base: str, options: ServerOptions, opened: Links, changes: int
) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page, _ = visit(
            context,
            base,
            options,
            OURS.path,
            "loopback",
            opened.fragment(OURS),
            "result",
            expected=opened.answers,
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
    text = markdown(report, ARTICLE, ARTICLE_WINDOW_MS / 1000, OUR_SCRIPTS)
    (RESULTS / f"{stamp}.md").write_text(text)
    (RESULTS / f"{stamp}.json").write_text(json.dumps(report, indent=1))
    shutil.copy(RESULTS / f"{stamp}.md", RESULTS / "latest.md")
    shutil.copy(RESULTS / f"{stamp}.json", RESULTS / "latest.json")
    print(text)
    print(f"written to {RESULTS / (stamp + '.md')} and .json ({report['duration_s']} s)")


if __name__ == "__main__":
    main()
