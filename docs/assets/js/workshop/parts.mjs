// @ts-check
// The workshop page's parts, found by the data-fl-* attributes that
// build_scripts/templates/workshop/workshop.html.j2 writes, and the build's facts it reads from
// the root (the start-up facts through the assessment's own config reader).
import { findPart } from "../assessment/dom.mjs";
import { readStartConfig } from "../assessment/config.mjs";

/** @typedef {import("../assessment/config.mjs").StartConfig} StartConfig */

/**
 * @typedef {object} Parts
 * @property {HTMLElement} startup
 * @property {HTMLProgressElement} progressBar
 * @property {HTMLElement} status
 * @property {HTMLElement} failure
 * @property {HTMLElement} failureReason
 * @property {HTMLButtonElement} retry
 * @property {HTMLFormElement} form
 * @property {HTMLTextAreaElement} text
 * @property {HTMLInputElement} file
 * @property {HTMLInputElement} column
 * @property {HTMLElement} inputStatus
 * @property {HTMLElement} results
 * @property {HTMLElement} empty
 * @property {HTMLElement} body
 * @property {HTMLElement} keep
 * @property {HTMLButtonElement} csv
 * @property {HTMLButtonElement} json
 * @property {HTMLButtonElement} print
 * @property {HTMLFormElement} linkForm
 * @property {HTMLSelectElement} scenario
 * @property {HTMLInputElement} note
 * @property {HTMLElement} made
 * @property {HTMLInputElement} madeLink
 * @property {HTMLElement} linkStatus
 */

/**
 * @typedef {object} WorkshopConfig
 * @property {StartConfig} page the facts every page with Python reads
 * @property {URL} assessmentUrl the assessment page, for the links a trainer makes
 * @property {number} noteLimit the most characters a note may have
 * @property {number} fileLimitBytes the largest file the page reads
 */

/** @template {Element} T @param {ParentNode} root @param {string} name @param {new () => T} type @returns {T} */
function part(root, name, type) {
  return findPart(root, name, type, "The workshop page");
}

/** @param {HTMLElement} root @returns {Parts} */
export function findParts(root) {
  return {
    startup: part(root, "startup", HTMLElement),
    progressBar: part(root, "progress", HTMLProgressElement),
    status: part(root, "status", HTMLElement),
    failure: part(root, "failure", HTMLElement),
    failureReason: part(root, "failure-reason", HTMLElement),
    retry: part(root, "retry", HTMLButtonElement),
    form: part(root, "ws-form", HTMLFormElement),
    text: part(root, "ws-text", HTMLTextAreaElement),
    file: part(root, "ws-file", HTMLInputElement),
    column: part(root, "ws-column", HTMLInputElement),
    inputStatus: part(root, "ws-status", HTMLElement),
    results: part(root, "ws-results", HTMLElement),
    empty: part(root, "ws-empty", HTMLElement),
    body: part(root, "ws-body", HTMLElement),
    keep: part(root, "ws-keep", HTMLElement),
    csv: part(root, "ws-csv", HTMLButtonElement),
    json: part(root, "ws-json", HTMLButtonElement),
    print: part(root, "ws-print", HTMLButtonElement),
    linkForm: part(root, "ws-link-form", HTMLFormElement),
    scenario: part(root, "ws-scenario", HTMLSelectElement),
    note: part(root, "ws-note", HTMLInputElement),
    made: part(root, "ws-made", HTMLElement),
    madeLink: part(root, "ws-made-link", HTMLInputElement),
    linkStatus: part(root, "ws-link-status", HTMLElement),
  };
}

/** @param {HTMLElement} root @param {string} name */
function count(root, name) {
  const value = Number(root.dataset[name]);
  if (!(value > 0)) throw new Error(`The workshop page's data-${name} is not a number: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @returns {WorkshopConfig} */
export function readWorkshopConfig(root) {
  const assessment = root.dataset.assessmentUrl;
  if (!assessment) throw new Error("The workshop page has no data-assessment-url: the build is broken.");
  return {
    page: readStartConfig(root),
    assessmentUrl: new URL(assessment, location.href),
    noteLimit: count(root, "noteLimit"),
    fileLimitBytes: count(root, "fileLimitBytes"),
  };
}
