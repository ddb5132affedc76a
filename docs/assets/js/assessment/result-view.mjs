// @ts-check
// Draws Python's result in the results panel and the sticky bar, from the result dict alone
// (it holds no scoring rule), keeping open whichever explanations the reader had open, and has
// the summary announced to screen readers. With no answers it shows the template's own wording.
import { el, number, plural, signed } from "./dom.mjs";
import { announce } from "./notices.mjs";
import { drawEthics, drawLeverage, drawWhy } from "./result-explained.mjs";
import { drawReadNext, drawSummary, drawWhatIf } from "./result-summary.mjs";

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

/** @param {View} v @param {Result} result */
function showInBar(v, result) {
  const { leverage, ethics } = result;
  const flags = ethics.red_flags.length;
  v.parts.barSummary.replaceChildren(
    el("a", { href: "#fl-results-title" }, leverage.band ? `Balance ${signed(leverage.balance.value)}` : "Your result"),
    leverage.band ? el("span", { class: "fl-bar__band" }, ` (${leverage.band.label})`) : "",
    ethics.band ? ` · Ethics ${number(ethics.score)}` : "",
    flags ? ` · ⚠ ${plural(flags, "red flag", "red flags")}` : "",
  );
}

/** @param {Result} result */
function spoken(result) {
  const { leverage, ethics, completeness } = result;
  const balance = leverage.band
    ? `Balance ${signed(leverage.balance.value)}: ${leverage.band.label}.`
    : "No balance yet.";
  const fairness = ethics.band ? `Ethics ${number(ethics.score)}: ${ethics.band.label}.` : "Ethics not rated yet.";
  const flags = ethics.red_flags.length ? ` ${plural(ethics.red_flags.length, "red flag", "red flags")}.` : "";
  return `${balance} ${fairness}${flags} ${completeness.answered} of ${completeness.total} answered.`;
}

/** @param {View} v @param {Result} result */
export function drawResult(v, result) {
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
    drawWhatIf(siteRoot, result),
    drawLeverage(result),
    drawEthics(siteRoot, result),
    drawWhy(siteRoot, result),
    drawReadNext(siteRoot, result) ?? "",
  );
  for (const details of body.querySelectorAll("details[data-fl-key]")) {
    if (open.has(/** @type {HTMLElement} */ (details).dataset.flKey)) details.setAttribute("open", "");
  }
  body.hidden = false;
  empty.hidden = true;
  showInBar(v, result);
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
