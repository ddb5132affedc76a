// @ts-check
// What the plan page shows of Python's state: starting, ready, or failed with its reason and Try
// again (the root's data-scorer-state says the same to tests). Its notices and announcements are
// the assessment's (assessment/notices.mjs).

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../assessment/scorer-client.mjs").Progress} Progress */

/** @param {PlanView} v @param {Progress | null} progress */
export function showStarting(v, progress) {
  v.root.dataset.scorerState = "loading";
  v.parts.failure.hidden = true;
  if (progress) v.parts.status.textContent = `${progress.text} The checks appear as soon as Python is ready.`;
}

/** @param {PlanView} v */
export function showReady(v) {
  v.root.dataset.scorerState = "ready";
  v.parts.failure.hidden = true;
  v.parts.status.textContent = "Python is running in your browser: your plan is checked on this device as you write.";
}

/** @param {PlanView} v @param {string} reason plain words, starting lower-case */
export function showFailure(v, reason) {
  v.root.dataset.scorerState = "failed";
  v.parts.checks.dataset.flState = "failed";
  v.parts.status.textContent = "Python could not run in your browser, so your plan is not checked yet.";
  v.parts.failureReason.textContent = `What happened: ${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  v.parts.failure.hidden = false;
}
