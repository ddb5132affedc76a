// @ts-check
// The printed assessment: the answers as a list (printed after the result), read from the form
// as the reader sees it (the wording for their kind of negotiation, never the hidden variants);
// and, while printing, every explanation of the result opened and the plan's options in the
// bank's order, both put back afterwards.
import { el } from "./dom.mjs";
import { shownText } from "./kind.mjs";
import { restoreBankOrder, shuffleOptions } from "./shuffle.mjs";

/** @typedef {import("./view.mjs").View} View */

/** @param {View} v */
export function drawPrintAnswers(v) {
  const list = el("dl", { class: "fl-print-answers__list" });
  for (const fieldset of v.parts.form.querySelectorAll("fieldset[data-fl-question]")) {
    const checked = fieldset.querySelector("input:checked");
    const legend = shownText(fieldset.querySelector("legend"));
    const label = checked ? shownText(checked.closest("label")) : "Not answered";
    list.append(el("dt", {}, legend), el("dd", {}, label));
  }
  v.parts.printAnswers.replaceChildren(el("h3", {}, "Your answers"), list);
}

/**
 * Readies the assessment showing when the reader prints, and puts it back afterwards.
 * @param {() => HTMLElement | null} currentRoot the assessment on the page now, if any
 */
export function preparePrint(currentRoot) {
  /** @type {HTMLDetailsElement[]} */
  let opened = [];
  window.addEventListener("beforeprint", () => {
    const root = currentRoot();
    if (!root) return;
    restoreBankOrder(root);
    opened = [...root.querySelectorAll(".fl-results details:not([open])")].map(
      (details) => /** @type {HTMLDetailsElement} */ (details),
    );
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
    const root = currentRoot();
    if (root) shuffleOptions(root);
  });
}
