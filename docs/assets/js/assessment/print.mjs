// @ts-check
// The printed assessment: the answers as a list, read from the form's own labels, and every
// explanation of the result opened for the print (and closed again afterwards).
import { el } from "./dom.mjs";

/** @typedef {import("./view.mjs").View} View */

/** @param {View} v */
export function drawPrintAnswers(v) {
  const list = el("dl", { class: "fl-print-answers__list" });
  for (const fieldset of v.parts.form.querySelectorAll("fieldset[data-fl-question]")) {
    const checked = fieldset.querySelector("input:checked");
    const legend = fieldset.querySelector("legend")?.textContent?.trim() ?? "";
    const label = checked?.closest("label")?.textContent?.trim() ?? "Not answered";
    list.append(el("dt", {}, legend), el("dd", {}, label));
  }
  v.parts.printAnswers.replaceChildren(el("h3", {}, "Your answers"), list);
}

/**
 * Opens the closed explanations of the result showing when the reader prints.
 * @param {() => HTMLElement | null} currentRoot the assessment on the page now, if any
 */
export function openExplanationsForPrint(currentRoot) {
  /** @type {HTMLDetailsElement[]} */
  let opened = [];
  window.addEventListener("beforeprint", () => {
    const root = currentRoot();
    if (!root) return;
    opened = [...root.querySelectorAll(".fl-results details:not([open])")].map(
      (details) => /** @type {HTMLDetailsElement} */ (details),
    );
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
