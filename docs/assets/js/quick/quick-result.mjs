// @ts-check
// The quick check's page parts (found by the data-fl-* attributes of its template) and how a
// result is drawn in them: the band (or what is still needed for one), how sure it is, the
// single most useful next step, and the link that carries the answers to the full assessment.
// Every word comes from Python's result or from the template; nothing here decides anything.
import { el, siteLink } from "../assessment/dom.mjs";

/** @typedef {import("../assessment/config.mjs").PageConfig} PageConfig */
/** @typedef {import("../assessment/answers.mjs").Questions} Questions */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/**
 * @typedef {object} QuickParts
 * @property {HTMLFormElement} form
 * @property {HTMLElement} status
 * @property {HTMLButtonElement} retry
 * @property {HTMLButtonElement} clear
 * @property {HTMLElement} results
 * @property {HTMLElement} empty
 * @property {HTMLElement} body
 * @property {HTMLElement} band
 * @property {HTMLElement} confidence
 * @property {HTMLElement} step
 * @property {HTMLElement} announce
 * @property {HTMLAnchorElement} continueLink
 */

/**
 * @typedef {object} QuickPage
 * @property {HTMLElement} root
 * @property {PageConfig} config
 * @property {URL} assessmentUrl the full assessment, which opens `#code=` links
 * @property {QuickParts} parts
 * @property {Questions} questions
 * @property {Answers} answers
 * @property {import("../assessment/answers.mjs").Saved["old"]} old answers saved for other questions
 * @property {number} sequence only the latest request's result is drawn
 */

/**
 * @template {Element} T
 * @param {HTMLElement} root @param {string} attribute @param {new () => T} type
 * @returns {T}
 */
function part(root, attribute, type) {
  const found = root.querySelector(`[${attribute}]`);
  if (!(found instanceof type)) throw new Error(`The quick check has no ${attribute}: the build is broken.`);
  return found;
}

/** @param {HTMLElement} root @returns {QuickParts} */
export function findQuickParts(root) {
  return {
    form: part(root, "data-fl-form", HTMLFormElement),
    status: part(root, "data-fl-status", HTMLElement),
    retry: part(root, "data-fl-retry", HTMLButtonElement),
    clear: part(root, "data-fl-clear", HTMLButtonElement),
    results: part(root, "data-fl-results", HTMLElement),
    empty: part(root, "data-fl-results-empty", HTMLElement),
    body: part(root, "data-fl-results-body", HTMLElement),
    band: part(root, "data-fl-quick-band", HTMLElement),
    confidence: part(root, "data-fl-quick-confidence", HTMLElement),
    step: part(root, "data-fl-quick-step", HTMLElement),
    announce: part(root, "data-fl-announce", HTMLElement),
    continueLink: part(root, "data-fl-continue", HTMLAnchorElement),
  };
}

/**
 * Python's state, in the root's data-scorer-state and the status line.
 * @param {QuickPage} p @param {"loading" | "ready" | "failed"} state @param {string | null} text
 */
export function showStatus(p, state, text) {
  p.root.dataset.scorerState = state;
  if (text) p.parts.status.textContent = text;
  p.parts.retry.hidden = state !== "failed";
}

/** No answers: the template's own empty state, and the link opens the full form as it is. @param {QuickPage} p */
export function showEmpty(p) {
  p.sequence += 1;
  p.parts.results.dataset.flState = "empty";
  p.parts.empty.hidden = false;
  p.parts.empty.textContent = p.parts.empty.dataset.flEmptyText ?? "";
  p.parts.body.hidden = true;
  p.parts.continueLink.href = p.assessmentUrl.href;
}

/** @param {Result} result */
function band(result) {
  const { leverage } = result;
  if (!leverage.band) {
    return [
      el("strong", {}, leverage.verdict),
      el(
        "ul",
        {},
        leverage.still_needed.map((need) => el("li", {}, need.text)),
      ),
    ];
  }
  const edge = leverage.near_edge ? ` ${leverage.near_edge.text}` : "";
  return [el("strong", {}, leverage.band.label), ` ${leverage.band.summary}${edge}`];
}

/** @param {Result} result */
function confidence(result) {
  const { leverage } = result;
  return [el("strong", {}, leverage.confidence.label), `: ${leverage.you.confidence}; ${leverage.them.confidence}.`];
}

/** @param {QuickPage} p @param {Result} result @returns {(string | Node)[]} */
function step(p, result) {
  const first = result.advice[0];
  if (!first) return [p.parts.step.dataset.flNoStepText ?? ""];
  const said = [first.text, ` (${first.when.label.toLowerCase()}; ${first.effort.label.toLowerCase()}.)`];
  const link = siteLink(p.config.siteRoot, first.link, first.link?.title ?? "");
  return link ? [...said, " Read more: ", link] : said;
}

/**
 * Draws a result, and points "Continue" at the full assessment with these answers.
 * @param {QuickPage} p @param {Result} result @param {string} code the answers' share code
 */
export function drawQuick(p, result, code) {
  const { parts } = p;
  parts.band.replaceChildren(...band(result));
  parts.confidence.replaceChildren(...confidence(result));
  parts.step.replaceChildren(...step(p, result));
  parts.empty.hidden = true;
  parts.body.hidden = false;
  const url = new URL(p.assessmentUrl.href);
  url.hash = `code=${code}`;
  parts.continueLink.href = url.href;
  parts.announce.textContent = `Quick result: ${result.leverage.band?.label ?? result.leverage.verdict}`;
}
