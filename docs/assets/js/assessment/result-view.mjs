// @ts-check
// Draws Python's result in the results panel and the sticky bar, from the result dict alone
// (it holds no scoring rule), keeping open whichever explanations the reader had open, and has
// the summary announced to screen readers. With no answers it shows the template's own wording.
// The order is the order of print too: the verdicts and what to do first, then the details.
import { drawAdviceList } from "./advice.mjs";
import { balanceText, drawBarLine } from "./bar-line.mjs";
import { drawPlanProblems } from "./ethics.mjs";
import { drawLeverage, drawWhy } from "./leverage.mjs";
import { drawNotes } from "./notes.mjs";
import { announce } from "./notices.mjs";
import { drawPreparation } from "./preparation.mjs";
import { drawReadNext } from "./read-next.mjs";
import { drawSummary } from "./result-summary.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** @param {View} v */
function showEmpty(v) {
  const { body, empty, barSummary } = v.parts;
  body.hidden = true;
  body.replaceChildren();
  empty.hidden = false;
  empty.textContent = v.wording.empty;
  barSummary.textContent = v.wording.barSummary;
}

/** @param {Result} result */
function spoken(result) {
  const { leverage, ethics, completeness } = result;
  const balance = balanceText(leverage);
  const verdict = leverage.band && balance ? `${leverage.band.label}, ${balance}.` : leverage.verdict;
  const plan = ethics.verdict ? ` ${ethics.verdict.label}.` : "";
  return `${verdict}${plan} ${completeness.answered} of ${completeness.total} answered.`;
}

/**
 * @param {View} v
 * @param {Result} result
 * @param {boolean} [prepared] whether it is an example's result prepared in advance (bar-line.mjs)
 */
export function drawResult(v, result, prepared = false) {
  if (!result.completeness.answered) {
    showEmpty(v);
    announce(v, "No answers: the result is empty.");
    return;
  }
  const { body, empty } = v.parts;
  const { siteRoot } = v.config;
  // Redrawing replaces the panel, so remember which explanations the reader had open.
  const open = new Set(
    [...body.querySelectorAll("details[open]")].map((node) => /** @type {HTMLElement} */ (node).dataset.flKey),
  );
  body.replaceChildren(
    drawSummary(result),
    drawAdviceList(siteRoot, result),
    drawPlanProblems(siteRoot, result) ?? "",
    drawNotes(siteRoot, result) ?? "",
    drawLeverage(siteRoot, result),
    drawWhy(siteRoot, result) ?? "",
    drawPreparation(siteRoot, result),
    drawReadNext(siteRoot, result) ?? "",
  );
  for (const details of body.querySelectorAll("details[data-fl-key]")) {
    if (open.has(/** @type {HTMLElement} */ (details).dataset.flKey)) details.setAttribute("open", "");
  }
  body.hidden = false;
  empty.hidden = true;
  drawBarLine(v.parts.barSummary, result, prepared);
  announce(v, spoken(result));
}

/**
 * When Python answers a score request with an error, says so instead of a result.
 * @param {View} v
 * @param {string} message the engine's own words
 */
export function showScoringError(v, message) {
  const { body, empty } = v.parts;
  body.hidden = true;
  empty.hidden = false;
  empty.textContent = `The result could not be worked out: ${message}`;
}
