// @ts-check
// Injected into every page the browser benchmark opens, before the page's own scripts.
// It records, in milliseconds since navigation start: first paint, first usable input, a
// prepared result shown (a scenario link's, drawn before Python starts), scorer ready, first
// result, and every gap between 10 ms heartbeats on the main thread (the Long Tasks API misses
// gaps made of many short tasks and rendering, which a reader still feels).

/**
 * What the benchmark reads back from the page (tests/bench/browser_bench.py).
 * @typedef {object} Bench
 * @property {Record<string, number>} marks
 * @property {Array<[number, number]>} gaps [when, length] of each gap between heartbeats
 * @property {number} heartbeats
 * @property {number} results
 * @property {number} [inputSeen]
 * @property {number} [lastResult]
 * @property {(name: string) => void} [mark]
 */

(() => {
  if (window.top !== window) return;
  const page = /** @type {{__bench?: Bench, __benchExpected?: Record<string, string>}} */ (
    /** @type {unknown} */ (window)
  );
  /** @type {Bench} */
  const bench = { marks: {}, gaps: [], heartbeats: 0, results: 0 };
  page.__bench = bench;
  /** @param {string} name */
  const mark = (name) => {
    if (!(name in bench.marks)) bench.marks[name] = performance.now();
  };
  bench.mark = mark;
  /** @type {number | null} */
  let firstPaint = null;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === "first-contentful-paint") firstPaint = entry.startTime;
      }
    }).observe({ type: "paint", buffered: true });
  } catch {}
  // A scenario link's prepared line counts as shown when the browser first paints it: the page
  // marks it with `elementtiming`, and Element Timing reports the paint's time, as it does for
  // first paint (a mark made in a frame callback would be the frame's start, and a timer after it
  // waits behind the page's loading tasks, which the browser runs first).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { identifier, renderTime } = /** @type {PerformanceEntry & {identifier: string, renderTime: number}} */ (
          entry
        );
        if (identifier === "fl-prepared-line" && !("prepared" in bench.marks)) bench.marks.prepared = renderTime;
      }
    }).observe({ type: "element", buffered: true });
  } catch {}
  // The form is usable once a radio input is in the page, enabled, and has been painted.
  const inputReady = () => document.querySelector("#fl-assessment input[type=radio]:not([disabled])") !== null;
  const check = () => {
    const now = performance.now();
    if (!("input" in bench.marks) && inputReady() && firstPaint !== null) {
      bench.marks.input = Math.max(firstPaint, bench.inputSeen ?? now);
    }
    if (bench.inputSeen === undefined && inputReady()) bench.inputSeen = now;
    if (!("paint" in bench.marks) && firstPaint !== null) bench.marks.paint = firstPaint;
    if (!("seen" in bench.marks) && bench.inputSeen !== undefined) bench.marks.seen = bench.inputSeen;
    const root = document.getElementById("fl-assessment");
    const state = root?.dataset.scorerState;
    if (state === "ready") mark("ready");
    if (state === "failed") mark("failed");
  };
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    bench.gaps.push([Math.round(last), Math.round(now - last)]);
    bench.heartbeats += 1;
    last = now;
    check();
  }, 10);
  // A result counts once the results section says it is current (both our page and the
  // baselines set data-fl-state="current" after drawing) and, for a share link, the form
  // shows the link's answers (window.__benchExpected), so a result for earlier answers
  // does not count.
  const formMatches = () => {
    const expected = page.__benchExpected;
    if (!expected) return true;
    const form = document.querySelector("#fl-assessment [data-fl-form]");
    if (!(form instanceof HTMLFormElement)) return false;
    const shown = Object.fromEntries(new FormData(form));
    return Object.entries(expected).every(([question, option]) => shown[question] === option);
  };
  let wasCurrent = false;
  const observer = new MutationObserver(() => {
    check();
    const results = /** @type {HTMLElement | null} */ (document.querySelector("#fl-assessment [data-fl-results]"));
    const current = results?.dataset.flState === "current";
    if (current && !wasCurrent) {
      bench.results += 1;
      bench.lastResult = performance.now();
      if (formMatches()) mark("result");
    }
    wasCurrent = current;
  });
  // Observe the document node itself: it exists before any of the page, while its root element
  // does not yet when this script runs, and waiting for it would miss what the page draws while
  // it is still being read (a scenario link's prepared result is drawn then).
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
