// @ts-check
// The quick check's controller: keeps the answers in step between the form and this browser's
// storage (under the quick check's own key), uses the visit's one scorer (shared with the
// assessment and started the same way), and asks it to score the answers on every change with
// the normal `score`, drawing only the latest result. The "Continue" link carries the answers
// to the full assessment as a share code Python made.
import { loadSaved, questionsOf, readForm, saveAnswers, writeForm } from "../assessment/answers.mjs";
import { readConfig } from "../assessment/config.mjs";
import { visitScorer } from "../assessment/visit-scorer.mjs";
import { drawQuick, findQuickParts, showEmpty, showStatus } from "./quick-result.mjs";

/** @typedef {import("./quick-result.mjs").QuickPage} QuickPage */

/** @type {import("../assessment/scorer-client.mjs").Scorer | null} the visit's scorer */
let scorer = null;
/** @type {QuickPage | null} the quick check on the page showing now */
let page = null;

/**
 * Called on every page the reader sees; mounts the quick check when the page has one.
 * @param {HTMLElement | null} root
 */
export function showPage(root) {
  if (!root) page = null;
  else if (page?.root !== root) mount(root);
}

function stopped() {}

/** @param {QuickPage} p */
function start(p) {
  scorer = visitScorer(p.config, {
    progress: (progress) => page && showStatus(page, "loading", progress.text),
    ready: () => page && ready(page),
    failed: (reason) => page && showStatus(page, "failed", `Python could not run in your browser: ${reason}`),
  });
  if (scorer.state === "ready") ready(p);
  else showStatus(p, "loading", null);
  rescore(p);
}

/** @param {QuickPage} p */
function ready(p) {
  showStatus(p, "ready", p.parts.status.dataset.flReadyText ?? "");
  rescore(p);
}

/** @param {QuickPage} p */
function rescore(p) {
  const { results } = p.parts;
  if (!Object.keys(p.answers).length) {
    showEmpty(p);
    return;
  }
  if (!scorer || scorer.state !== "ready") {
    results.dataset.flState = scorer?.state === "failed" ? "failed" : "waiting";
    return;
  }
  results.setAttribute("aria-busy", "true");
  results.dataset.flState = "stale";
  const sequence = ++p.sequence;
  scorer.call({ op: "score", answers: { ...p.answers } }).then((response) => {
    if (page !== p || sequence !== p.sequence) return;
    results.removeAttribute("aria-busy");
    if (!response.ok) {
      results.dataset.flState = "error";
      p.parts.empty.hidden = false;
      p.parts.empty.textContent = response.error.message;
      return;
    }
    drawQuick(p, response.result, response.code);
    results.dataset.flState = "current";
  }, stopped);
}

/** @param {QuickPage} p */
function answersChanged(p) {
  p.answers = readForm(p.parts.form, p.questions);
  saveAnswers(p.config.storageKey, p.config.bankVersion, { answers: p.answers, previous: null, old: p.old });
  rescore(p);
}

/** @param {HTMLElement} root */
function mount(root) {
  const parts = findQuickParts(root);
  const questions = questionsOf(parts.form);
  /** @type {QuickPage} */
  const p = {
    root,
    config: readConfig(root),
    assessmentUrl: new URL(root.dataset.assessmentUrl ?? "", location.href),
    parts,
    questions,
    answers: {},
    old: null,
    sequence: 0,
  };
  page = p;
  const saved = loadSaved(p.config.storageKey, questions, p.config.bankVersion);
  // Answers saved for another version of the questions are kept as they are, not shown.
  p.old = saved.old;
  // Answers ticked before this script ran win over the saved copy, as on the assessment page.
  p.answers = { ...saved.answers, ...readForm(parts.form, questions) };
  writeForm(parts.form, p.answers);
  parts.form.addEventListener("change", () => answersChanged(p));
  parts.form.addEventListener("submit", (event) => event.preventDefault());
  parts.retry.addEventListener("click", () => start(p));
  parts.clear.addEventListener("click", () => {
    writeForm(parts.form, {});
    answersChanged(p);
  });
  start(p);
}
