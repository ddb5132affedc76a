// @ts-check
// A `#scenario=<id>` link's result before Python has started. Python scored every packaged
// scenario at build time (build_scripts/prepared.py), and the page carries each result dict as
// JSON in a <template>; this module draws the one the link names with the same drawing code as Python's
// own results, saying it was prepared in advance. The assessment page loads it with `async` right
// after those blocks, so it draws as soon as the drawing modules have arrived, before the page's
// other modules; the controller asks again when it mounts (after instant navigation). It touches
// neither the form nor the saved answers: once Python is ready the link is opened like any other
// (links.mjs: it wins, and the reader's own answers are kept), and Python's result for the same
// answers replaces this drawing.
import { linkInAddress } from "./address.mjs";
import { drawResult } from "./result-view.mjs";
import { createView } from "./view.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {{title: string, result: import("../scorer/protocol.mjs").Result}} Prepared */

/** The prepared result of the scenario the address names, if the page carries one. @param {View} v */
function preparedFor(v) {
  const link = linkInAddress();
  if (link?.kind !== "scenario") return null;
  const block = [...v.root.querySelectorAll("template[data-fl-prepared-for]")].find(
    (node) => node instanceof HTMLTemplateElement && node.dataset.flPreparedFor === link.value,
  );
  return block instanceof HTMLTemplateElement
    ? /** @type {Prepared} */ (JSON.parse(block.content.textContent ?? ""))
    : null;
}

/** Whether the page still waits for Python and shows no result of Python's. @param {View} v */
function waiting(v) {
  const state = v.parts.results.dataset.flState;
  return v.root.isConnected && v.root.dataset.scorerState === "loading" && (state === "empty" || state === "waiting");
}

/** Draws the prepared result of the scenario link in the address, if any, while Python starts. @param {View} v */
export function showPrepared(v) {
  const prepared = waiting(v) ? preparedFor(v) : null;
  if (!prepared) return;
  drawResult(v, prepared.result, true); // the bar's line as the page's inline script drew it
  v.parts.prepared.textContent = `Prepared in advance for the example “${prepared.title}”: checking it now…`;
  v.parts.prepared.hidden = false;
  v.parts.results.dataset.flState = "prepared";
}

/** Python has drawn a result, or failed: the prepared one is gone. @param {View} v */
export function preparedReplaced(v) {
  v.parts.prepared.hidden = true;
}

/** Whether the result showing is the prepared one. @param {View} v */
export function showingPrepared(v) {
  return v.parts.results.dataset.flState === "prepared";
}

const root = document.getElementById("fl-assessment");
if (root?.querySelector("[data-fl-prepared]")) showPrepared(createView(root));
