// @ts-check
// The sticky bar's line for a result: the leverage balance with its ± (a link to the full
// result), the band, and the plan's verdict, from Python's result dict alone. The page draws it
// for every result (result-view.mjs); the build draws it too, with this same code, for each
// packaged scenario (build_scripts/prepared_lines.mjs), so a scenario link's line is in the
// page before any module has arrived. Importing it touches nothing: it only uses `document`
// (through el()) when it draws.
import { el, signed } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** The balance with its ±, or null with no verdict yet. @param {Result["leverage"]} leverage */
export function balanceText(leverage) {
  if (!leverage.band || leverage.balance === null) return null;
  const range = leverage.uncertainty === null ? "" : ` ± ${leverage.uncertainty}`;
  return `Balance ${signed(leverage.balance)}${range}`;
}

/**
 * Draws the result's line in `line` (the bar's summary paragraph).
 * @param {Element} line
 * @param {Result} result
 * @param {boolean} [prepared] whether it is an example's result prepared in advance
 */
export function drawBarLine(line, result, prepared = false) {
  const { leverage, ethics } = result;
  line.replaceChildren(
    prepared ? el("span", { class: "fl-bar__prepared" }, "Example, prepared in advance: ") : "",
    // elementtiming: the browser reports when a prepared line is first painted (the benchmark reads it).
    el(
      "a",
      { href: "#fl-results-title", elementtiming: prepared && "fl-prepared-line" },
      balanceText(leverage) ?? "Your result",
    ),
    leverage.band ? el("span", { class: "fl-bar__band" }, ` (${leverage.band.label})`) : "",
    ethics.verdict ? ` · ${ethics.verdict.label}` : "",
  );
}
