// @ts-check
// How Python started on this visit, and a copy of its snapshot kept for the next one. Once Python
// is ready from anything but a kept copy, and the reader's page has loaded and is idle, it asks
// the worker to keep a copy in Cache Storage (../scorer/snapshot-source.mjs): from the HTTP cache
// when the browser has it, else downloaded at low priority, but never on Save-Data, a metered or
// a very slow line, where the browser says so. What happened is written on <html> for tests and
// the benchmark: data-fl-python-start (snapshot, archive or full), data-fl-python-from (stored,
// cache or network), data-fl-python-phases (when each step ended, in ms after the page began;
// "kept" last) and data-fl-python-kept (what became of the copy).

/** @typedef {import("../scorer/protocol.mjs").StartInfo} StartInfo */
/** @typedef {import("../scorer/protocol.mjs").KeepOutcome} KeepOutcome */
/** @typedef {{keep: (network: boolean) => Promise<KeepOutcome>}} Keeper the visit's scorer */
/** @typedef {{saveData?: boolean, effectiveType?: string, type?: string}} Connection what some browsers report */

// The longest the page waits for an idle moment before it asks anyway (the download itself is
// at low priority), and the wait where the browser cannot say when it is idle.
const IDLE_LIMIT_MS = 10_000;
const NO_IDLE_CALLBACK_MS = 2_000;

/** Why the page may not download the snapshot, or null when it may. @returns {string | null} */
export function networkRefusal() {
  const connection = /** @type {{connection?: Connection}} */ (navigator).connection;
  if (connection?.saveData) return "save-data";
  if (connection?.type === "cellular") return "metered";
  if (connection?.effectiveType === "slow-2g" || connection?.effectiveType === "2g") return "slow";
  return null;
}

/** Runs `task` once the page has loaded and the main thread is idle. @param {() => void} task */
function whenIdle(task) {
  const idle = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(task, { timeout: IDLE_LIMIT_MS });
    else setTimeout(task, NO_IDLE_CALLBACK_MS);
  };
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

/** @param {StartInfo} start */
function showStart(start) {
  const { dataset } = document.documentElement;
  dataset.flPythonStart = start.way;
  if (start.from) dataset.flPythonFrom = start.from;
  else delete dataset.flPythonFrom;
  dataset.flPythonPhases = Object.entries(start.phases)
    .map(([name, time]) => `${name}:${Math.round(time - performance.timeOrigin)}`)
    .join(" ");
}

/**
 * Called once per scorer, when Python is ready.
 * @param {Keeper} scorer
 * @param {StartInfo} start
 */
export function startedThisVisit(scorer, start) {
  showStart(start);
  const { dataset } = document.documentElement;
  if (start.from === "stored") {
    dataset.flPythonKept = "kept";
    return;
  }
  whenIdle(() => {
    const refusal = networkRefusal();
    scorer.keep(refusal === null).then(
      (outcome) => {
        dataset.flPythonPhases += ` kept:${Math.round(performance.now())}`;
        dataset.flPythonKept = outcome === "skipped" && refusal ? refusal : outcome;
      },
      () => {
        dataset.flPythonKept = "failed"; // the scorer stopped; the page has said so already
      },
    );
  });
}
