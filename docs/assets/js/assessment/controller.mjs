// @ts-check
// The page controller: mounts the assessment on the page showing it, keeps the answers in step
// between the form and storage, keeps one scorer per visit (across instant navigation), and asks
// it for a result on every change, drawing only the latest. Until Python is ready a scenario link
// shows the result prepared at build time. Once Python is ready it carries over answers saved
// under an older bank, then opens the link in the address. It holds no scoring rule and draws
// nothing itself: each part of the page has its own module.
import { loadSaved, readForm, saveAnswers, writeForm } from "./answers.mjs";
import { carryOver } from "./carry-over.mjs";
import { clearCompanions } from "./companions.mjs";
import { copyLink, download } from "./keep.mjs";
import { showKindWording } from "./kind.mjs";
import { linkInAddress, openLink } from "./links.mjs";
import { dismissNotice, notify } from "./notices.mjs";
import { showProgress } from "./progress.mjs";
import { preparedReplaced, showingPrepared, showPrepared } from "./prepared.mjs";
import { drawResult, showScoringError } from "./result-view.mjs";
import { shuffleOptions } from "./shuffle.mjs";
import { showFailure, showReady, showStarting } from "./status.mjs";
import { createView } from "./view.mjs";
import { visitScorer } from "./visit-scorer.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */

/** @type {import("./scorer-client.mjs").Scorer | null} the visit's (visit-scorer.mjs) */
let scorer = null;
/** @type {View | null} the assessment on the page showing now */
let view = null;

/** @returns {HTMLElement | null} */
export function currentRoot() {
  return view?.root.isConnected ? view.root : null;
}

/**
 * Called on every page the reader sees; mounts the assessment when the page has one.
 * @param {HTMLElement | null} root
 */
export function showPage(root) {
  if (!root) view = null;
  else if (view?.root !== root) mount(root);
}

/** A share or example link opened while the page is already showing. */
export function linkOpened() {
  if (view && currentRoot() && scorer?.state === "ready") openLink(view, scorer, apply(view)).catch(stopped);
}

// A call that fails has already been reported by the scorer's `failed` event.
function stopped() {}

/** The visit's scorer, shared with the plan page, reporting to this page. @param {View} v */
function scorerFor(v) {
  scorer = visitScorer(v.config, {
    progress: (progress) => view && showStarting(view, progress),
    ready: (version) => view && ready(view, version),
    failed: (reason, stage) => view && failed(view, reason, stage),
  });
  return scorer;
}

/** Shows Python's state on this page, starting Python unless this visit already has it. @param {View} v */
function start(v) {
  const current = scorerFor(v);
  if (current.state === "ready" && current.version) {
    ready(v, current.version);
  } else {
    showStarting(v, current.progress);
    rescore(v);
  }
}

/** @param {View} v @param {import("../scorer/protocol.mjs").Version} version */
function ready(v, version) {
  showReady(v, version);
  // A prepared result stands until Python has scored the link's answers: scoring the form's
  // answers first would flash another result in between.
  if (!showingPrepared(v)) rescore(v);
  const current = scorer;
  // Saved answers first, so that a link opened on top of them keeps them as the previous ones.
  if (current)
    carryOver(v, current, apply(v))
      .then(() => openLink(v, current, apply(v)), stopped)
      .then(() => showingPrepared(v) && rescore(v))
      .catch(stopped);
}

/** @param {View} v @param {string} reason @param {import("./scorer-client.mjs").FailureStage} stage */
function failed(v, reason, stage) {
  v.result = null;
  v.code = null;
  preparedReplaced(v);
  showFailure(v, reason, stage);
  if (stage === "start" && linkInAddress()) {
    notify(
      v,
      "The link you opened carries answers, which can be read only once Python has started. " +
        "Press Try again, or reload the page later.",
    );
  }
}

/** Asks Python for the result of the current answers; only the latest request is drawn. @param {View} v */
function rescore(v) {
  const { results, barSummary } = v.parts;
  if (!scorer || scorer.state !== "ready") {
    if (scorer?.state === "loading" && showingPrepared(v)) return; // it stands until Python is ready
    results.removeAttribute("aria-busy");
    results.dataset.flState = scorer?.state === "loading" ? "waiting" : "failed";
    if (scorer?.state === "loading") barSummary.textContent = "Your result appears as soon as Python is ready.";
    return;
  }
  results.setAttribute("aria-busy", "true");
  results.dataset.flState = "stale";
  const sequence = ++v.sequence;
  v.scoring = scorer.call({ op: "score", answers: { ...v.answers } }).then((response) => {
    if (view !== v || sequence !== v.sequence) return;
    results.removeAttribute("aria-busy");
    preparedReplaced(v);
    if (!response.ok) {
      v.result = null;
      v.code = null;
      results.dataset.flState = "error";
      showScoringError(v, response.error.message);
      return;
    }
    v.result = response.result;
    v.code = response.code;
    drawResult(v, response.result);
    results.dataset.flState = "current";
  }, stopped);
}

/** @param {View} v */
function save(v) {
  v.parts.restore.hidden = !v.previous;
  const { storageKey, bankVersion } = v.config;
  if (saveAnswers(storageKey, bankVersion, v) || v.warnedStorage) return;
  v.warnedStorage = true;
  notify(
    v,
    "This browser is not letting the page save your answers, so they will be lost when you close the page. " +
      "Use Copy link to keep them.",
  );
}

/** @param {View} v */
function answersChanged(v) {
  v.answers = readForm(v.parts.form, v.questions);
  showKindWording(v);
  save(v);
  showProgress(v);
  rescore(v);
}

/** Puts answers in the form, as if the reader had given them. @param {View} v */
function apply(v) {
  /** @param {Answers} answers */
  return (answers) => {
    writeForm(v.parts.form, answers);
    answersChanged(v);
  };
}

/** @param {View} v */
function clearAnswers(v) {
  const cleared = v.answers;
  // The records kept with the answers (the plan page's plan) go too, and come back with Undo.
  const companions = clearCompanions(v.config.storageKey);
  v.previous = null;
  v.old = null;
  apply(v)({});
  if (!Object.keys(cleared).length && !companions.count) return;
  const what = companions.count ? "Your answers and your negotiation plan were" : "Your answers were";
  notify(v, `${what} cleared from the form and from this browser.`, {
    label: "Undo",
    run: () => {
      apply(v)(cleared);
      companions.restore();
      notify(v, companions.count ? "Your answers and your plan are back." : "Your answers are back.");
    },
  });
}

/** Gives the reader's own answers back after a link's stood in for them. @param {View} v */
function restorePrevious(v) {
  const restored = v.previous ?? {};
  v.previous = null;
  apply(v)(restored);
  notify(v, "Your previous answers are back.");
}

/** @param {HTMLElement} root */
function mount(root) {
  const v = createView(root);
  const { parts } = v;
  view = v;
  void showPrepared(v); // when prepared.mjs, run on its own, has not drawn it yet
  const saved = loadSaved(v.config.storageKey, v.questions, v.config.bankVersion);
  // Answers ticked before this script ran (it can arrive late on a slow line) win over the
  // saved copy: nothing the reader did is undone.
  const early = readForm(parts.form, v.questions);
  v.answers = { ...saved.answers, ...early };
  v.previous = saved.previous;
  v.old = saved.old;
  shuffleOptions(parts.form);
  writeForm(parts.form, v.answers);
  showKindWording(v);
  showProgress(v);
  parts.restore.hidden = !v.previous;
  if (saved.message || Object.keys(early).length) save(v); // also replaces a damaged copy
  if (saved.message) notify(v, saved.message);

  parts.form.addEventListener("change", () => answersChanged(v));
  parts.form.addEventListener("submit", (event) => event.preventDefault());
  parts.retry.addEventListener("click", () => {
    start(v);
    parts.status.focus();
  });
  parts.noticeAction.addEventListener("click", () => v.noticeAction?.());
  parts.noticeDismiss.addEventListener("click", () => dismissNotice(v));
  parts.clear.addEventListener("click", () => clearAnswers(v));
  parts.restore.addEventListener("click", () => restorePrevious(v));
  parts.copy.addEventListener("click", () => copyLink(v));
  parts.download.addEventListener("click", () => download(v));
  parts.print.addEventListener("click", () => window.print());
  parts.status.tabIndex = -1;
  start(v);
}
