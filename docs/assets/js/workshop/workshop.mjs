// @ts-check
// The workshop page's controller: mounts the page on each view of it, uses the visit's one
// scorer (shared across instant navigation with the assessment and plan pages), reads pasted text
// or a loaded file (on this device, with FileReader), asks Python for the summary and hands it to
// the view. Python makes the summary and both downloads; nothing here counts or computes a figure.
import { visitScorer } from "../assessment/visit-scorer.mjs";
import { el } from "../assessment/dom.mjs";
import { makeLink } from "./link-builder.mjs";
import { findParts, readWorkshopConfig } from "./parts.mjs";
import { drawSummary } from "./summary-view.mjs";

/** @typedef {import("./parts.mjs").Parts} Parts */
/** @typedef {import("./parts.mjs").WorkshopConfig} WorkshopConfig */
/** @typedef {import("../scorer/protocol.mjs").Response<"cohort">} CohortResponse */
/** @typedef {{csv: string, json: string}} Downloads */
/**
 * @typedef {object} Mounted
 * @property {HTMLElement} root
 * @property {Parts} parts
 * @property {WorkshopConfig} config
 * @property {boolean} wanted a summary was asked for before Python was ready
 * @property {number} sequence of summary requests: only the latest is drawn
 * @property {Downloads | null} downloads the latest summary's files, made by Python
 */

const DOWNLOAD_NAME = "fair-leverage-workshop";

/** @type {import("../assessment/scorer-client.mjs").Scorer | null} the visit's, once asked for */
let scorer = null;
/** @type {Mounted | null} */
let mounted = null;

/** @param {HTMLElement | null} root */
export function showWorkshop(root) {
  if (!root) mounted = null;
  else if (mounted?.root !== root) mount(root);
}

// The visit's one scorer, shared with the assessment and plan pages (visit-scorer.mjs).
/** @param {Mounted} m */
function scorerFor(m) {
  scorer = visitScorer(m.config.page, {
    progress: (progress) => {
      if (!mounted) return;
      mounted.parts.progressBar.value = progress.percent;
      mounted.parts.status.textContent = progress.text;
    },
    ready: () => mounted && ready(mounted),
    failed: (reason) => mounted && failed(mounted, reason),
  });
  return scorer;
}

/** @param {Mounted} m */
function start(m) {
  const { startup, failure } = m.parts;
  const current = scorerFor(m);
  if (current.state === "ready") {
    ready(m);
    return;
  }
  m.root.dataset.scorerState = "loading";
  startup.hidden = false;
  startup.classList.remove("fl-startup--done");
  failure.hidden = true;
}

/** @param {Mounted} m */
function ready(m) {
  const { startup, failure, progressBar, status } = m.parts;
  m.root.dataset.scorerState = "ready";
  failure.hidden = true;
  startup.classList.add("fl-startup--done");
  progressBar.value = 100;
  status.textContent = "Python is running in your browser: the links are read on this device.";
  if (m.wanted) summarise(m);
}

/** @param {Mounted} m @param {string} reason */
function failed(m, reason) {
  const { startup, failure, failureReason, results } = m.parts;
  m.root.dataset.scorerState = "failed";
  startup.hidden = true;
  failure.hidden = false;
  failureReason.textContent = `What happened: ${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  if (results.dataset.flState === "waiting") results.dataset.flState = "failed";
}

/** Asks Python for the summary of what the box holds; only the latest answer is drawn. @param {Mounted} m */
function summarise(m) {
  const { text, column, inputStatus, results } = m.parts;
  if (!text.value.trim()) {
    inputStatus.textContent = "There is nothing to summarise yet: paste the links, or load a file.";
    text.focus();
    return;
  }
  results.dataset.flState = "waiting";
  if (!scorer || scorer.state !== "ready") {
    m.wanted = true;
    inputStatus.textContent = "Python is still starting: the summary appears as soon as it is ready.";
    return;
  }
  m.wanted = false;
  inputStatus.textContent = "Reading the links…";
  const sequence = ++m.sequence;
  const request = { op: /** @type {const} */ ("cohort"), text: text.value, column: column.value.trim() };
  scorer.call(request).then(
    (response) => {
      if (mounted !== m || sequence !== m.sequence) return;
      show(m, response);
    },
    () => {}, // the scorer's `failed` event has said what happened
  );
}

/** @param {Mounted} m @param {CohortResponse} response */
function show(m, response) {
  const { inputStatus, results, empty, body, keep } = m.parts;
  if (!response.ok) {
    m.downloads = null;
    results.dataset.flState = "error";
    keep.hidden = true;
    body.hidden = true;
    empty.hidden = false;
    inputStatus.textContent = `These links could not be summarised: ${response.error.message}`;
    return;
  }
  m.downloads = { csv: response.csv, json: response.json };
  drawSummary(body, response.summary);
  const { read, entries } = response.summary.counts;
  inputStatus.textContent = `Summarised: ${read} of ${entries} read.`;
  empty.hidden = true;
  body.hidden = false;
  keep.hidden = false;
  results.dataset.flState = "current";
}

/** Reads a chosen file on this device and summarises it. @param {Mounted} m */
function loadFile(m) {
  const { file, text, inputStatus } = m.parts;
  const chosen = file.files?.[0];
  if (!chosen) return;
  const limit = m.config.fileLimitBytes;
  if (chosen.size > limit) {
    const megabytes = (limit / 1_000_000).toFixed(0);
    inputStatus.textContent =
      `${chosen.name} is too large to read here (over ${megabytes} MB). ` +
      "Split it into smaller files, or use the terminal: python -m assessment cohort FILE.";
    file.value = "";
    return;
  }
  const reader = new FileReader();
  reader.addEventListener("load", () => {
    if (mounted !== m) return;
    text.value = String(reader.result ?? "");
    inputStatus.textContent = `Loaded ${chosen.name} from this device.`;
    summarise(m);
  });
  reader.addEventListener("error", () => {
    inputStatus.textContent = `${chosen.name} could not be read: choose it again, or paste its content.`;
  });
  reader.readAsText(chosen, "utf-8");
}

/** @param {Mounted} m @param {"csv" | "json"} kind */
function download(m, kind) {
  if (!m.downloads) return;
  const type = kind === "csv" ? "text/csv" : "application/json";
  const url = URL.createObjectURL(new Blob([m.downloads[kind]], { type }));
  const link = el("a", { href: url, download: `${DOWNLOAD_NAME}.${kind}`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** @param {HTMLElement} root */
function mount(root) {
  const parts = findParts(root);
  /** @type {Mounted} */
  const m = { root, parts, config: readWorkshopConfig(root), wanted: false, sequence: 0, downloads: null };
  mounted = m;
  parts.form.addEventListener("submit", (event) => {
    event.preventDefault();
    summarise(m);
  });
  parts.file.addEventListener("change", () => loadFile(m));
  parts.retry.addEventListener("click", () => start(m));
  parts.csv.addEventListener("click", () => download(m, "csv"));
  parts.json.addEventListener("click", () => download(m, "json"));
  parts.print.addEventListener("click", () => window.print());
  parts.linkForm.addEventListener("submit", (event) => {
    event.preventDefault();
    makeLink(parts, m.config);
  });
  start(m);
}
