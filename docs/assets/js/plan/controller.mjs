// @ts-check
// The plan page's controller: mounts the plan on the page showing it, keeps the plan in step
// between the form and storage, shares the visit's scorer with the assessment, and asks Python
// to check the plan once the reader pauses, drawing only the latest answer. It holds no rule:
// checks, hints, what to prefill and the one-page sheet all come from Python.
import { readStartConfig, readStorageKey } from "../assessment/config.mjs";
import { visitScorer } from "../assessment/visit-scorer.mjs";
import { drawChecks } from "./checks-view.mjs";
import { fieldNames, readForm, writeForm } from "./form.mjs";
import { copyPlanLink, downloadMarkdown, downloadText, printPlan } from "./keep.mjs";
import { openLink, restorePreviousAction } from "./links.mjs";
import { drawSheet } from "./sheet.mjs";
import { announce, dismissNotice, notify } from "../assessment/notices.mjs";
import { showFailure, showReady, showStarting } from "./status.mjs";
import { keepDamaged, loadPlan, readAssessment, savePlan } from "./storage.mjs";
import { findParts, readPlanConfig } from "./view.mjs";

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../scorer/protocol.mjs").PlanForm} PlanForm */
/** @typedef {import("../scorer/protocol.mjs").PlanHint} PlanHint */
/** @typedef {import("../scorer/protocol.mjs").PlanCheckRequest} PlanCheckRequest */

/** @type {import("../assessment/scorer-client.mjs").Scorer | null} the visit's (visit-scorer.mjs) */
let scorer = null;
/** @type {PlanView | null} the plan on the page showing now */
let view = null;

/** Called on every page the reader sees; mounts the plan when the page has one. @param {HTMLElement | null} root */
export function showPage(root) {
  if (!root) view = null;
  else if (view?.root !== root) mount(root);
}

/** A plan or example link opened while the page is already showing. */
export function linkOpened() {
  if (view?.root.isConnected && scorer?.state === "ready") openLink(view, scorer, apply(view)).catch(stopped);
}

// A call that fails has already been reported by the scorer's `failed` event.
function stopped() {}

/** @param {PlanView} v */
function start(v) {
  scorer = visitScorer(v.config, {
    progress: (progress) => view && showStarting(view, progress),
    ready: () => view && ready(view),
    failed: (reason) => view && showFailure(view, reason),
  });
  if (scorer.state === "ready") ready(v);
  else showStarting(v, scorer.progress);
}

/** @param {PlanView} v */
async function ready(v) {
  showReady(v);
  const linked = scorer ? await openLink(v, scorer, apply(v)).catch(() => false) : false;
  if (linked) v.fresh = false; // the link's plan, not the assessment, starts this one
  check(v);
}

/** Asks Python to check the plan now; only the latest answer is drawn. @param {PlanView} v */
function check(v) {
  clearTimeout(v.checkTimer);
  v.checkTimer = undefined;
  const { checks, summary } = v.parts;
  if (!scorer || scorer.state !== "ready") return;
  checks.dataset.flState = "stale";
  checks.setAttribute("aria-busy", "true");
  const sequence = ++v.sequence;
  /** @type {PlanCheckRequest} */
  const request = { op: "plan-check", form: { ...v.values } };
  if (v.assessment) request.answers = v.assessment.answers;
  if (v.assessment?.version) request.version = v.assessment.version;
  v.checking = scorer.call(request).then((reply) => {
    if (view !== v || sequence !== v.sequence) return;
    checks.removeAttribute("aria-busy");
    if (!reply.ok) {
      checks.dataset.flState = "error";
      summary.textContent = reply.error.message;
      return;
    }
    if (v.fresh) {
      v.fresh = false;
      if (Object.keys(reply.prefill).length) {
        apply(v)({ ...v.values, ...reply.prefill });
        notify(v, "Your plan starts from your assessment answers, filled in below. Change anything you like.", {
          label: "Start empty instead",
          run: () => apply(v)({}),
        });
        return;
      }
    }
    drawChecks(v, reply, (hint) => addLine(v, hint));
    drawSheet(v, reply.sheet);
    checks.dataset.flState = "current";
    announce(v, reply.checks.summary);
  }, stopped);
}

/** The plan as checked: a pending check is run now, and whatever it leads to is awaited. @param {PlanView} v */
async function settled(v) {
  if (v.checkTimer !== undefined) check(v);
  for (let current = v.checking; ; current = v.checking) {
    await current;
    if (current === v.checking) return;
  }
}

/** @param {PlanView} v */
function save(v) {
  if (savePlan(v.planKey, v.values, v.previous) || v.warnedStorage) return;
  v.warnedStorage = true;
  notify(
    v,
    "This browser is not letting the page save your plan, so it will be lost when you close the page. " +
      "Download it, or copy its link, to keep it.",
  );
}

/** The reader changed the form: save at once, check once they pause. @param {PlanView} v */
function changed(v) {
  v.values = readForm(v.parts.form, v.names);
  save(v);
  v.parts.checks.dataset.flState = "stale";
  clearTimeout(v.checkTimer);
  v.checkTimer = window.setTimeout(() => check(v), v.checkDelayMs);
}

/** Puts a plan in the form, as if the reader had written it, and checks it. @param {PlanView} v */
function apply(v) {
  /** @param {PlanForm} values */
  return (values) => {
    writeForm(v.parts.form, values);
    v.values = readForm(v.parts.form, v.names);
    save(v);
    check(v);
  };
}

/** Adds a hint's line to its field, on a line of its own. @param {PlanView} v @param {PlanHint} hint */
function addLine(v, hint) {
  const control = hint.field ? v.parts.form.elements.namedItem(hint.field) : null;
  if (!(control instanceof HTMLTextAreaElement) || !hint.add) return;
  const text = control.value.trimEnd();
  control.value = text ? `${text}\n${hint.add}` : hint.add;
  control.focus();
  changed(v);
}

/** @param {PlanView} v */
function clearPlan(v) {
  const cleared = v.values;
  v.previous = null;
  apply(v)({});
  if (!Object.keys(cleared).length) return;
  notify(v, "Your plan was cleared from the form and from this browser.", {
    label: "Undo",
    run: () => {
      apply(v)(cleared);
      notify(v, "Your plan is back.");
    },
  });
}

/** @param {HTMLElement} root */
function mount(root) {
  const parts = findParts(root);
  /** @type {PlanView} */
  const v = {
    root,
    config: { ...readStartConfig(root), storageKey: readStorageKey(root) },
    ...readPlanConfig(root),
    parts,
    names: fieldNames(parts.form),
    values: {},
    previous: null,
    assessment: null,
    fresh: false,
    sequence: 0,
    checking: Promise.resolve(),
    checkTimer: undefined,
    noticeAction: null,
    announceTimer: undefined,
    warnedStorage: false,
  };
  view = v;
  const saved = loadPlan(v.planKey, v.names);
  // What the reader typed before this script ran (it can arrive late on a slow line) wins.
  const early = readForm(parts.form, v.names);
  v.values = { ...saved.values, ...early };
  v.previous = saved.previous;
  v.fresh = !Object.keys(v.values).length && saved.damaged === null;
  v.assessment = readAssessment(v.config.storageKey);
  writeForm(parts.form, v.values);
  if (saved.damaged !== null) keepDamaged(v.planKey, saved.damaged);
  if (saved.message || Object.keys(early).length) save(v); // also replaces a damaged copy
  const damaged = saved.damaged;
  if (saved.message && damaged !== null) {
    notify(v, saved.message, { label: "Download what was saved", run: () => downloadText(damaged) });
  } else if (saved.message) {
    notify(v, saved.message);
  } else if (v.previous) {
    notify(
      v,
      "You opened a plan link that replaced your own plan; yours is still kept.",
      restorePreviousAction(v, apply(v)),
    );
  }

  parts.form.addEventListener("input", () => changed(v));
  parts.form.addEventListener("change", () => changed(v));
  parts.form.addEventListener("submit", (event) => event.preventDefault());
  parts.retry.addEventListener("click", () => start(v));
  parts.noticeAction.addEventListener("click", () => v.noticeAction?.());
  parts.noticeDismiss.addEventListener("click", () => dismissNotice(v));
  parts.clear.addEventListener("click", () => clearPlan(v));
  parts.download.addEventListener("click", () => settled(v).then(() => downloadMarkdown(v, scorer)));
  parts.copy.addEventListener("click", () => settled(v).then(() => copyPlanLink(v, scorer)));
  parts.print.addEventListener("click", () => settled(v).then(() => printPlan()));
  start(v);
}
