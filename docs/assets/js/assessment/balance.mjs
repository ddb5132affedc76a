// @ts-check
// The leverage card at the top of the result, from Python's result dict alone. With a verdict:
// the balance with its ±, the verdict band and what it means, a near-edge warning, and how well
// founded it is. Without one (Python gives no band until enough is known about both sides): the
// engine's reason and the list of what is still needed, each linked to its question, and no
// number to misread.
import { drawBalanceScale } from "./charts.mjs";
import { el, signed } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["leverage"]} Leverage */

/** How well founded, in the bank's words, with both sides' counts. @param {Leverage} leverage */
function confidence(leverage) {
  return el(
    "p",
    { class: "fl-card__confidence" },
    el("strong", { "data-fl-value": "confidence" }, leverage.confidence.label),
    ": ",
    el("span", { "data-fl-side-confidence": "you" }, leverage.you.confidence),
    "; ",
    el("span", { "data-fl-side-confidence": "them" }, leverage.them.confidence),
    ".",
  );
}

/** @param {Leverage} leverage */
function stillNeeded(leverage) {
  return el(
    "ul",
    { class: "fl-needs" },
    leverage.still_needed.map((need) =>
      el(
        "li",
        { "data-fl-need": need.question ?? need.side },
        need.question ? el("a", { href: `#q-${need.question}` }, need.text) : need.text,
      ),
    ),
  );
}

/** @param {Result} result */
export function drawBalanceCard(result) {
  const { leverage } = result;
  const title = el("p", { class: "fl-card__label" }, "Leverage balance (you against them)");
  if (!leverage.band || leverage.balance === null) {
    return el(
      "div",
      { class: "fl-card fl-card--balance fl-card--no-verdict" },
      title,
      el("p", { class: "fl-card__verdict", "data-fl-value": "leverage-verdict" }, leverage.verdict),
      leverage.still_needed.length > 0 && stillNeeded(leverage),
      confidence(leverage),
    );
  }
  const uncertainty = leverage.uncertainty;
  return el(
    "div",
    { class: "fl-card fl-card--balance" },
    title,
    el(
      "p",
      { class: "fl-card__value" },
      el("span", { "data-fl-value": "balance" }, signed(leverage.balance)),
      uncertainty !== null &&
        el("span", { class: "fl-card__range", "data-fl-value": "uncertainty" }, ` ± ${uncertainty}`),
    ),
    el("p", { class: "fl-card__band", "data-fl-value": "band" }, leverage.band.label),
    drawBalanceScale(leverage.balance, uncertainty),
    el("p", { class: "fl-card__verdict", "data-fl-value": "leverage-verdict" }, leverage.verdict),
    leverage.near_edge &&
      el("p", { class: "fl-card__edge", "data-fl-near-edge": leverage.near_edge.band.id }, leverage.near_edge.text),
    confidence(leverage),
  );
}
