// @ts-check
// How the worker starts Python, fastest first, each way falling back to the next:
// 1. from the memory snapshot made at build time (build_scripts/startup.py), when it
//    downloads fast enough to pay for its 6 MB (a fast line, or the browser's cache);
// 2. on the trimmed archive (python.zip: only the standard library the assessment uses,
//    plus the package itself, precompiled), which needs no package install;
// 3. the normal start: the full standard library and the wheel from the custom lock file.
// The benchmark in tests/bench/browser_bench.py decided each step. The snapshot is a private
// Pyodide API: the build names the files after the exact Pyodide version that made them, and
// the page is told their URLs, so no other version ever loads them.

/** @typedef {import("./protocol.mjs").StartUrls} StartUrls */

/**
 * The part of Pyodide's API the worker uses (its own types are not shipped with the core).
 * @typedef {object} Pyodide
 * @property {(name: string) => any} pyimport
 */

// On the benchmark's machine the snapshot saves about 0.6 s of start-up work over the
// precompiled archive (restore 0.5 s against 1.1 s), so it pays only when it downloads
// within about that: above roughly 80 Mbit/s, or from the cache. Every PROBE_MS, project
// the whole download from what has arrived, and give up on it when it will not fit.
const PROBE_MS = 100;
const SNAPSHOT_BUDGET_MS = 600;

const quiet = { stdout: () => {}, stderr: () => {} };

/** @param {Uint8Array[]} chunks @param {number} length @returns {Uint8Array<ArrayBuffer>} */
function concat(chunks, length) {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** @param {Uint8Array<ArrayBuffer>} bytes @returns {Promise<Uint8Array<ArrayBuffer>>} */
async function inflate(bytes) {
  // A host may already have undone the gzip (Content-Encoding: gzip on .gz files).
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

// A snapshot already in the HTTP cache (a repeat visit) costs no download: use it whatever
// the connection. The request never goes to the network.
/** @param {string} url */
async function cachedSnapshot(url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? await inflate(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

// Downloads the snapshot while judging the line: resolves to null as soon as the download
// will clearly not fit the budget (and stops it), or when it is missing or damaged.
/** @param {string} url */
async function downloadedSnapshot(url) {
  const controller = new AbortController();
  const started = performance.now();
  let received = 0;
  let total = 0;
  let tooSlow = false;
  const judge = () => {
    const elapsed = performance.now() - started;
    // Nothing at all after a few probes means a long round trip: a slow line.
    const projected = received
      ? total
        ? (elapsed * total) / received
        : Infinity
      : elapsed < 4 * PROBE_MS
        ? 0
        : Infinity;
    if (projected > SNAPSHOT_BUDGET_MS) {
      tooSlow = true;
      controller.abort();
    }
  };
  const timer = setInterval(judge, PROBE_MS);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) return null;
    // Content-Length is the size on the wire; a host that compresses on the fly sends none,
    // and then only an answer already complete within the budget is used.
    total = Number(response.headers.get("Content-Length")) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
    }
    clearInterval(timer);
    return tooSlow ? null : await inflate(concat(chunks, received));
  } catch {
    return null; // aborted as too slow, missing, or not valid gzip: start without it
  } finally {
    clearInterval(timer);
  }
}

// Resolves to the raw snapshot bytes, or null when it is missing, damaged or too slow.
/** @param {string} url */
async function snapshotIfFast(url) {
  return (await cachedSnapshot(url)) ?? (await downloadedSnapshot(url));
}

// The page needs `assessment.browser` importable; a start that cannot import it has failed.
/** @param {Pyodide} pyodide */
function checked(pyodide) {
  pyodide.pyimport("assessment.browser");
  return pyodide;
}

/**
 * @param {StartUrls & {onProgress?: (percent: number, text: string) => void}} options
 * @returns {Promise<Pyodide>}
 */
export async function startPyodide({ pyodideUrl, lockUrl, archiveUrl, snapshotUrl, onProgress }) {
  /** @param {number} percent @param {string} text */
  const progress = (percent, text) => onProgress?.(percent, text);
  const snapshot = snapshotIfFast(snapshotUrl);
  const { loadPyodide } = await import(`${pyodideUrl}pyodide.mjs`);
  const common = {
    indexURL: pyodideUrl,
    lockFileURL: lockUrl,
    packageBaseUrl: new URL(".", lockUrl).href,
    ...quiet,
  };
  const archive = { ...common, stdLibURL: archiveUrl };
  // When the archive cannot be downloaded, Pyodide leaves one of its promises rejected with
  // no handler; the fallback below handles that failure, so keep it off the console.
  self.addEventListener("unhandledrejection", (event) => {
    if (String(event.reason?.message ?? event.reason).includes(archiveUrl)) event.preventDefault();
  });
  const snapshotBytes = await snapshot;
  if (snapshotBytes) {
    progress(50, "Starting Python from a saved state…");
    try {
      return checked(await loadPyodide({ ...archive, _loadSnapshot: snapshotBytes }));
    } catch (error) {
      console.warn("Python could not start from its saved state; starting it afresh.", error);
    }
  }
  progress(40, "Starting Python…");
  try {
    return checked(await loadPyodide(archive));
  } catch (error) {
    console.warn("Python's trimmed archive did not work; starting with the full library.", error);
  }
  return loadPyodide({ ...common, packages: ["assessment"] });
}
