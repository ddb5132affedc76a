// @ts-check
// One mounted plan page: its parts, found by the data-fl-* attributes that
// build_scripts/templates/plan/form.html.j2 writes, the build's facts it needs beyond the shared
// ones (config.mjs), and what the page holds in memory for it. Every other plan module reads and
// writes the page through a PlanView.
import { findPart } from "../assessment/dom.mjs";

/** @typedef {import("../assessment/config.mjs").StartConfig & {storageKey: string}} PlanConfig */
/** @typedef {import("../scorer/protocol.mjs").PlanForm} PlanForm */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {{answers: Answers, version: string | null}} SavedAssessment */

/**
 * @typedef {object} Parts
 * @property {HTMLFormElement} form
 * @property {HTMLElement} status
 * @property {HTMLElement} failure
 * @property {HTMLElement} failureReason
 * @property {HTMLButtonElement} retry
 * @property {HTMLElement} notice
 * @property {HTMLElement} noticeText
 * @property {HTMLButtonElement} noticeAction
 * @property {HTMLButtonElement} noticeDismiss
 * @property {HTMLElement} fromAssessment
 * @property {HTMLElement} generalNotes
 * @property {HTMLElement} warningVerdict
 * @property {HTMLElement} checks
 * @property {HTMLElement} summary
 * @property {HTMLElement} findings
 * @property {HTMLElement} announce
 * @property {HTMLButtonElement} print
 * @property {HTMLButtonElement} download
 * @property {HTMLButtonElement} copy
 * @property {HTMLButtonElement} clear
 * @property {HTMLElement} keepStatus
 * @property {HTMLElement} share
 * @property {HTMLInputElement} shareLink
 * @property {HTMLElement} sheetBody
 */

/**
 * @typedef {object} PlanView
 * @property {HTMLElement} root
 * @property {PlanConfig} config
 * @property {string} planKey where the plan is kept in localStorage
 * @property {number} checkDelayMs how long after the last keystroke the plan is checked
 * @property {Parts} parts
 * @property {Set<string>} names the form's field names
 * @property {PlanForm} values what the form shows, and storage keeps
 * @property {PlanForm | null} previous the reader's own plan while a link's stands in for it
 * @property {SavedAssessment | null} assessment the saved assessment answers, for hints
 * @property {boolean} fresh no plan was kept when the page opened: Python may start one
 * @property {number} sequence of check requests: only the latest is drawn
 * @property {Promise<void>} checking settles when the latest check has been drawn
 * @property {number | undefined} checkTimer the check waiting for the reader to pause
 * @property {(() => void) | null} noticeAction what the notice's button does
 * @property {number | undefined} announceTimer the announcement waiting for the reader to pause
 * @property {boolean} warnedStorage whether the reader was told storage is refused
 */

/** @template {Element} T @param {ParentNode} root @param {string} name @param {new () => T} type @returns {T} */
function part(root, name, type) {
  return findPart(root, name, type, "The plan page");
}

/** @param {HTMLElement} root @returns {Parts} */
export function findParts(root) {
  return {
    form: part(root, "form", HTMLFormElement),
    status: part(root, "status", HTMLElement),
    failure: part(root, "failure", HTMLElement),
    failureReason: part(root, "failure-reason", HTMLElement),
    retry: part(root, "retry", HTMLButtonElement),
    notice: part(root, "notice", HTMLElement),
    noticeText: part(root, "notice-text", HTMLElement),
    noticeAction: part(root, "notice-action", HTMLButtonElement),
    noticeDismiss: part(root, "notice-dismiss", HTMLButtonElement),
    fromAssessment: part(root, "from-assessment", HTMLElement),
    generalNotes: part(root, "general-notes", HTMLElement),
    warningVerdict: part(root, "warning-verdict", HTMLElement),
    checks: part(root, "checks", HTMLElement),
    summary: part(root, "summary", HTMLElement),
    findings: part(root, "findings", HTMLElement),
    announce: part(root, "announce", HTMLElement),
    print: part(root, "print", HTMLButtonElement),
    download: part(root, "download", HTMLButtonElement),
    copy: part(root, "copy", HTMLButtonElement),
    clear: part(root, "clear", HTMLButtonElement),
    keepStatus: part(root, "keep-status", HTMLElement),
    share: part(root, "share", HTMLElement),
    shareLink: part(root, "share-link", HTMLInputElement),
    sheetBody: part(root, "sheet-body", HTMLElement),
  };
}

/**
 * The plan page's own facts from the build; a missing one is a broken build.
 * @param {HTMLElement} root
 * @returns {{planKey: string, checkDelayMs: number}}
 */
export function readPlanConfig(root) {
  const planKey = root.dataset.planStorageKey;
  const checkDelayMs = Number(root.dataset.checkDelayMs);
  if (!planKey || !(checkDelayMs >= 0))
    throw new Error("The plan page's data attributes are missing: the build is broken.");
  return { planKey, checkDelayMs };
}

/**
 * The part of the page that holds a field's notes: the field itself, or the nearest field that
 * holds it (a row for a cell, the list for a row), or none.
 * @param {PlanView} v
 * @param {string | null} field
 * @returns {HTMLElement | null}
 */
export function fieldPart(v, field) {
  for (let name = field; name; name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "") {
    const node = v.parts.form.querySelector(`[data-fl-field="${CSS.escape(name)}"]`);
    if (node instanceof HTMLElement) return node;
  }
  return null;
}
