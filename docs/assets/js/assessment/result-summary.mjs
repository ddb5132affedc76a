// @ts-check
// The top of the result, from Python's result dict alone: the three cards side by side (the
// leverage balance, preparation beside it, and the plan's ethics, each drawn by its own module)
// and what the result is based on, part by part of the form.
import { drawBalanceCard } from "./balance.mjs";
import { el } from "./dom.mjs";
import { drawEthicsCard } from "./ethics.mjs";
import { drawPreparationCard } from "./preparation.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** @param {Result["completeness"]} completeness */
function basis(completeness) {
  const parts = completeness.parts.map((part) => `${part.title} ${part.answered} of ${part.total}`).join(", ");
  return el(
    "p",
    { class: "fl-summary__basis", "data-fl-basis": "" },
    `Based on ${completeness.answered} of ${completeness.total} answers (${parts}).`,
  );
}

/** @param {Result} result */
export function drawSummary(result) {
  return el(
    "div",
    { class: "fl-summary" },
    drawBalanceCard(result),
    drawPreparationCard(result),
    drawEthicsCard(result),
    basis(result.completeness),
  );
}
