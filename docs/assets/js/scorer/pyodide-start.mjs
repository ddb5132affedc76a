// @ts-check
// How the worker starts Python, fastest first, each way falling back to the next:
// 1. from the memory snapshot made at build time (build_scripts/startup.py), when a copy was kept
//    on an earlier visit or is in the HTTP cache, or it downloads fast enough to pay for itself
//    (snapshot-source.mjs);
// 2. on the trimmed archive (python.zip: only the standard library the assessment uses,
//    plus the package itself, precompiled), which needs no package install;
// 3. the normal start: the full standard library and the wheel from the custom lock file.
// The benchmark in tests/bench/browser_bench.py decided each step. The snapshot is a private
// Pyodide API: the build names the files after the exact Pyodide version that made them, and
// the page is told their URLs, so no other version ever loads them.
import { findSnapshot, forgetSnapshot } from "./snapshot-source.mjs";

/** @typedef {import("./protocol.mjs").StartUrls} StartUrls */
/** @typedef {import("./protocol.mjs").StartInfo} StartInfo */

/**
 * The part of Pyodide's API the worker uses (its own types are not shipped with the core).
 * @typedef {object} Pyodide
 * @property {(name: string) => any} pyimport
 */

const quiet = { stdout: () => {}, stderr: () => {} };

// The page needs `assessment.browser` importable; a start that cannot import it has failed.
/** @param {Pyodide} pyodide */
function checked(pyodide) {
  pyodide.pyimport("assessment.browser");
  return pyodide;
}

/**
 * @param {StartUrls & {download: boolean, onProgress?: (percent: number, text: string) => void}} options
 *   `download`: whether the snapshot may be downloaded now (no on Save-Data or a metered line)
 * @returns {Promise<{pyodide: Pyodide, start: StartInfo}>}
 */
export async function startPyodide(options) {
  const { pyodideUrl, lockUrl, archiveUrl, snapshotUrl, snapshotStore, download, onProgress } = options;
  /** @type {Record<string, number>} */
  const phases = { worker: performance.timeOrigin };
  /** @param {string} name */
  const phase = (name) => {
    phases[name] ??= performance.timeOrigin + performance.now();
  };
  /** @param {StartInfo["way"]} way @param {StartInfo["from"]} from @param {Pyodide} pyodide */
  const started = (way, from, pyodide) => {
    phase("started");
    return { pyodide, start: { way, from, phases } };
  };
  /** @param {number} percent @param {string} text */
  const progress = (percent, text) => onProgress?.(percent, text);
  const snapshot = findSnapshot(snapshotUrl, snapshotStore, download).then((found) => {
    if (found) phase("snapshot");
    return found;
  });
  const { loadPyodide } = await import(`${pyodideUrl}pyodide.mjs`);
  phase("module");
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
  const found = await snapshot;
  if (found) {
    progress(50, "Starting Python from a saved state…");
    try {
      // Pyodide is handed the snapshot's memory at once, so it compiles its WebAssembly while the
      // memory fills; it restores the memory only once the start's file-system step is done, and
      // that step waits for the last piece. A damaged file leaves memory Pyodide refuses.
      const pyodide = await loadPyodide({
        ...archive,
        _loadSnapshot: found.file.memory,
        fsInit: async () => {
          phase("instantiated");
          await found.file.complete;
          phase("filled");
        },
      });
      return started("snapshot", found.from, checked(pyodide));
    } catch (error) {
      console.warn("Python could not start from its saved state; starting it afresh.", error);
      if (found.from === "stored") await forgetSnapshot(snapshotUrl, snapshotStore);
    }
  }
  progress(40, "Starting Python…");
  try {
    return started("archive", null, checked(await loadPyodide(archive)));
  } catch (error) {
    console.warn("Python's trimmed archive did not work; starting with the full library.", error);
  }
  return started("full", null, await loadPyodide({ ...common, packages: ["assessment"] }));
}
