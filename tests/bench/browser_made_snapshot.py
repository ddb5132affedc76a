"""Benchmark: what making Python's memory snapshot in the reader's browser would cost.

Not a test (pytest does not collect it), and not part of `make bench`: it measured the
alternative that issue 18 asked to weigh against fetching the build's snapshot in the
background (ARCHITECTURE.md, "Performance"). Run: python tests/bench/browser_made_snapshot.py
[SITE_DIR] [RUNS] (SITE_DIR defaults to a fresh `mkdocs build` in a temporary folder). In
Debian's Chromium, on the assessment page, each run starts Pyodide on the trimmed archive in
snapshot-making mode, imports and warms the package, makes the memory snapshot, gzips it with
CompressionStream and stores it in Cache Storage, timing each step. Figures vary with the
machine's load, which is printed beside them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.static_server import ServerOptions, serve

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Reads where Python's files are from the page's own data attributes, as the worker does.
MAKE_SNAPSHOT = """async () => {
  const root = document.getElementById("fl-assessment");
  const here = (url) => new URL(url, location.href).href;
  const { loadPyodide } = await import(here(root.dataset.pyodideUrl) + "pyodide.mjs");
  const timed = {};
  let started = performance.now();
  const step = (name) => {
    timed[name] = performance.now() - started;
    started = performance.now();
  };
  const pyodide = await loadPyodide({
    indexURL: here(root.dataset.pyodideUrl),
    stdLibURL: here(root.dataset.archiveUrl),
    lockFileURL: here(root.dataset.lockUrl),
    _makeSnapshot: true,
  });
  step("start on the archive");
  pyodide.runPython(
    "import gc, json, assessment.browser\\n"
    + "assessment.browser.handle(json.dumps({'op': 'version'}))\\ngc.collect()",
  );
  step("import and warm");
  const memory = pyodide.makeMemorySnapshot();
  step("make the snapshot");
  const gzipped = await new Response(
    new Blob([memory]).stream().pipeThrough(new CompressionStream("gzip")),
  ).arrayBuffer();
  step("gzip it");
  await (await caches.open("browser-made-snapshot")).put(here("snapshot"), new Response(gzipped));
  step("store it");
  return { timed, memory: memory.byteLength, gzipped: gzipped.byteLength };
}"""


def build_site(destination: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{completed.stderr}")


def measure(site: Path, runs: int) -> None:
    with serve(site, ServerOptions(compress=True)) as (base, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(1, runs + 1):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "assessment/")
            figures = page.evaluate(MAKE_SNAPSHOT)
            steps = ", ".join(f"{name} {ms:,.0f} ms" for name, ms in figures["timed"].items())
            load = " ".join(f"{average:.1f}" for average in os.getloadavg())
            print(
                f"run {run}: {steps}; memory {figures['memory']:,} B, gzipped"
                f" {figures['gzipped']:,} B; load average {load}",
                flush=True,
            )
            context.close()
        browser.close()


def main() -> None:
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if len(sys.argv) > 1:
        measure(Path(sys.argv[1]), runs)
        return
    with tempfile.TemporaryDirectory(prefix="fl-snapshot-") as scratch:
        site = Path(scratch) / "site"
        print("building the site (mkdocs build --strict)...", flush=True)
        build_site(site)
        measure(site, runs)


if __name__ == "__main__":
    main()
