// @ts-check
// What a page with Python tells the reader in words (the assessment and the plan): the notice box
// (one message, perhaps a list of details, at most one action, and Dismiss) and the polite
// announcement for screen readers, made once the reader pauses rather than on every redraw.
import { el } from "./dom.mjs";

/** @typedef {{label: string, run: () => void}} NoticeAction */
/**
 * @typedef {object} SpeakingParts
 * @property {HTMLElement} notice
 * @property {HTMLElement} noticeText
 * @property {HTMLButtonElement} noticeAction
 * @property {HTMLElement} announce
 */
/**
 * The part of a page's view this module uses (the assessment's View, the plan's PlanView).
 * @typedef {object} Speaking
 * @property {HTMLElement} root
 * @property {SpeakingParts} parts
 * @property {(() => void) | null} noticeAction what the notice's button does
 * @property {number | undefined} announceTimer
 */

const ANNOUNCE_DELAY_MS = 700;

/**
 * @param {Speaking} v
 * @param {string} text
 * @param {NoticeAction | null} [action]
 * @param {string[]} [details] listed below the message
 */
export function notify(v, text, action = null, details = []) {
  const { notice, noticeText, noticeAction } = v.parts;
  const list = el(
    "ul",
    {},
    details.map((detail) => el("li", {}, detail)),
  );
  noticeText.replaceChildren(el("p", {}, text), ...(details.length ? [list] : []));
  noticeAction.hidden = !action;
  noticeAction.textContent = action ? action.label : "";
  v.noticeAction = action ? action.run : null;
  notice.hidden = false;
}

/** @param {Speaking} v */
export function dismissNotice(v) {
  v.parts.notice.hidden = true;
  v.noticeAction = null;
}

/** @param {Speaking} v @param {string} text */
export function announce(v, text) {
  clearTimeout(v.announceTimer);
  v.announceTimer = window.setTimeout(() => {
    if (v.root.isConnected) v.parts.announce.textContent = text;
  }, ANNOUNCE_DELAY_MS);
}
