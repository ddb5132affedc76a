// @ts-check
// One mounted assessment: its parts, found by the data-fl-* attributes that
// build_scripts/templates/assessment/form.html.j2 writes, and what the page holds in memory
// for it. Every other page module reads and writes the page through a View.
import { questionsOf } from "./answers.mjs";
import { readConfig } from "./config.mjs";
import { findPart } from "./dom.mjs";

/** @typedef {import("./config.mjs").PageConfig} PageConfig */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/**
 * @typedef {object} Parts
 * @property {HTMLFormElement} form
 * @property {HTMLElement} startup
 * @property {HTMLProgressElement} progressBar
 * @property {HTMLElement} status
 * @property {HTMLElement} version
 * @property {HTMLElement} failure
 * @property {HTMLElement} failureTitle
 * @property {HTMLElement} failureReason
 * @property {HTMLButtonElement} retry
 * @property {HTMLElement} notice
 * @property {HTMLElement} noticeText
 * @property {HTMLButtonElement} noticeAction
 * @property {HTMLButtonElement} noticeDismiss
 * @property {HTMLElement} answeredText
 * @property {HTMLProgressElement} answeredMeter
 * @property {HTMLButtonElement} clear
 * @property {HTMLButtonElement} restore gives back the reader's own answers after a link's
 * @property {HTMLElement} barSummary
 * @property {HTMLElement} results
 * @property {HTMLElement} prepared says the result drawn was prepared in advance, until Python has checked it
 * @property {HTMLElement} body
 * @property {HTMLElement} empty
 * @property {HTMLElement} announce
 * @property {HTMLElement} printAnswers
 * @property {HTMLButtonElement} copy
 * @property {HTMLButtonElement} download
 * @property {HTMLButtonElement} print
 * @property {HTMLElement} keepStatus
 * @property {HTMLElement} share
 * @property {HTMLInputElement} shareLink
 */

/**
 * The template's own wording, read once, so the page reuses it instead of typing it again.
 * @typedef {object} Wording
 * @property {string} empty what the results say before any answer
 * @property {string} barSummary what the bar says before any answer
 * @property {string} failureTitle the failure panel's title when Python could not start
 * @property {string} stoppedTitle its title when Python stopped after it had started
 * @property {string} ready what the status line says once answers are scored on this device
 */

/**
 * @typedef {object} View
 * @property {HTMLElement} root
 * @property {PageConfig} config
 * @property {Parts} parts
 * @property {Wording} wording
 * @property {Map<string, Set<string>>} questions each question's id and its option ids
 * @property {Answers} answers what the form shows, and storage keeps
 * @property {Answers | null} previous the reader's own answers while a link's stand in for them
 * @property {import("./answers.mjs").OldCopy | null} old answers saved under an older bank, until carried over
 * @property {Result | null} result the latest result Python sent, for these answers
 * @property {string | null} code the share code Python made for these answers
 * @property {number} sequence of score requests: only the latest is drawn
 * @property {Promise<void>} scoring settles when the latest score request has been drawn
 * @property {(() => void) | null} noticeAction what the notice's button does
 * @property {boolean} warnedStorage whether the reader was told storage is refused
 * @property {number | undefined} announceTimer
 */

/** @template {Element} T @param {ParentNode} root @param {string} name @param {new () => T} type @returns {T} */
function part(root, name, type) {
  return findPart(root, name, type, "The assessment page");
}

/** @param {HTMLElement} root @returns {Parts} */
export function findParts(root) {
  return {
    form: part(root, "form", HTMLFormElement),
    startup: part(root, "startup", HTMLElement),
    progressBar: part(root, "progress", HTMLProgressElement),
    status: part(root, "status", HTMLElement),
    version: part(root, "python-version", HTMLElement),
    failure: part(root, "failure", HTMLElement),
    failureTitle: part(root, "failure-title", HTMLElement),
    failureReason: part(root, "failure-reason", HTMLElement),
    retry: part(root, "retry", HTMLButtonElement),
    notice: part(root, "notice", HTMLElement),
    noticeText: part(root, "notice-text", HTMLElement),
    noticeAction: part(root, "notice-action", HTMLButtonElement),
    noticeDismiss: part(root, "notice-dismiss", HTMLButtonElement),
    answeredText: part(root, "answered-text", HTMLElement),
    answeredMeter: part(root, "answered-meter", HTMLProgressElement),
    clear: part(root, "clear", HTMLButtonElement),
    restore: part(root, "restore", HTMLButtonElement),
    barSummary: part(root, "bar-summary", HTMLElement),
    results: part(root, "results", HTMLElement),
    prepared: part(root, "prepared", HTMLElement),
    body: part(root, "results-body", HTMLElement),
    empty: part(root, "results-empty", HTMLElement),
    announce: part(root, "announce", HTMLElement),
    printAnswers: part(root, "print-answers", HTMLElement),
    copy: part(root, "copy", HTMLButtonElement),
    download: part(root, "download", HTMLButtonElement),
    print: part(root, "print", HTMLButtonElement),
    keepStatus: part(root, "keep-status", HTMLElement),
    share: part(root, "share", HTMLElement),
    shareLink: part(root, "share-link", HTMLInputElement),
  };
}

/** @param {Parts} parts @returns {Wording} */
export function readWording(parts) {
  return {
    empty: parts.empty.textContent ?? "",
    barSummary: parts.barSummary.textContent ?? "",
    failureTitle: parts.failureTitle.textContent ?? "",
    stoppedTitle: parts.failureTitle.dataset.flStoppedText ?? "",
    ready: parts.status.dataset.flReadyText ?? "",
  };
}

/** A View of the assessment in `root`, holding nothing yet. @param {HTMLElement} root @returns {View} */
export function createView(root) {
  const parts = findParts(root);
  return {
    root,
    config: readConfig(root),
    parts,
    wording: readWording(parts),
    questions: questionsOf(parts.form),
    answers: {},
    previous: null,
    old: null,
    result: null,
    code: null,
    sequence: 0,
    scoring: Promise.resolve(),
    noticeAction: null,
    warnedStorage: false,
    announceTimer: undefined,
  };
}
