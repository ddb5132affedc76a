// @ts-check
// A `#scenario=<id>` link's result before Python has started. Python scored every packaged
// scenario at build time (build_scripts/prepared.py) into a JSON file each, in the folder the
// page's data-prepared-url names; the page's inline script has already put the link's line in
// the bar and asked for its file (a preload). This module draws the file's result with the same
// drawing code as Python's own results, saying it was prepared in advance. The assessment page
// loads it with `async`, so it draws as soon as the drawing modules have arrived, before the
// page's other modules; the controller asks again when it mounts (after instant navigation). It
// touches neither the form nor the saved answers: once Python is ready the link is opened like
// any other (links.mjs: it wins, and the reader's own answers are kept), and Python's result for
// the same answers replaces this drawing. Without the file (a failed request) nothing is drawn
// here, and the reader waits for Python's result as on any other link.
import { linkInAddress } from "./address.mjs";
import { readPreparedUrl } from "./config.mjs";
import { drawResult } from "./result-view.mjs";
import { createView } from "./view.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {{title: string, result: import("../scorer/protocol.mjs").Result}} Prepared */

/** @type {Map<string, Promise<Prepared | null>>} each scenario's file, asked for once */
const asked = new Map();

/** The prepared result of the scenario the address names, if the build prepared one. @param {View} v */
async function preparedFor(v) {
  const link = linkInAddress();
  if (link?.kind !== "scenario") return null;
  const known = [...v.root.querySelectorAll("template[data-fl-line-for]")].some(
    (node) => node instanceof HTMLTemplateElement && node.dataset.flLineFor === link.value,
  );
  if (!known) return null;
  const file = `${readPreparedUrl(v.root)}${link.value}.json`;
  if (!asked.has(file)) {
    // The same request as the inline script's preload (same mode and credentials), so the
    // browser answers it from that download.
    const reading = fetch(file, { credentials: "same-origin" })
      .then((response) => (response.ok ? /** @type {Promise<Prepared>} */ (response.json()) : null))
      .catch(() => null);
    asked.set(file, reading);
  }
  return (await asked.get(file)) ?? null;
}

/** Whether the page still waits for Python and shows no result of Python's. @param {View} v */
function waiting(v) {
  const state = v.parts.results.dataset.flState;
  return v.root.isConnected && v.root.dataset.scorerState === "loading" && (state === "empty" || state === "waiting");
}

/** Draws the prepared result of the scenario link in the address, if any, while Python starts. @param {View} v */
export async function showPrepared(v) {
  if (!waiting(v)) return;
  const prepared = await preparedFor(v);
  if (!prepared || !waiting(v)) return; // Python may have drawn its own result meanwhile
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
if (root?.querySelector("[data-fl-prepared]")) void showPrepared(createView(root));
