// @ts-check
// What the plan page tells the reader in words: Python's state (starting, ready, failed with its
// reason and Try again; the root's data-scorer-state says the same to tests), the notice box (one
// message, at most one action, and Dismiss), and the polite announcement of the checks.

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../assessment/scorer-client.mjs").Progress} Progress */
/** @typedef {{label: string, run: () => void}} NoticeAction */

const ANNOUNCE_DELAY_MS = 700;
/** @type {WeakMap<PlanView, number>} */
const announceTimers = new WeakMap();

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

/** @param {PlanView} v @param {string} text @param {NoticeAction | null} [action] */
export function notify(v, text, action = null) {
  const { notice, noticeText, noticeAction } = v.parts;
  noticeText.textContent = text;
  noticeAction.hidden = !action;
  noticeAction.textContent = action ? action.label : "";
  v.noticeAction = action ? action.run : null;
  notice.hidden = false;
}

/** @param {PlanView} v */
export function dismissNotice(v) {
  v.parts.notice.hidden = true;
  v.noticeAction = null;
}

/** Says the checks' summary once the reader pauses, not on every redraw. @param {PlanView} v @param {string} text */
export function announce(v, text) {
  clearTimeout(announceTimers.get(v));
  announceTimers.set(
    v,
    window.setTimeout(() => {
      if (v.root.isConnected) v.parts.announce.textContent = text;
    }, ANNOUNCE_DELAY_MS),
  );
}
