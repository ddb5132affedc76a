// @ts-check
// How far the reader has got: the answered count in the bar and in each part's heading, and
// the mark on each answered question. The print view's list of answers follows the same changes.
import { drawPrintAnswers } from "./print.mjs";

/** @typedef {import("./view.mjs").View} View */

/** @param {View} v */
export function showProgress(v) {
  const { parts, answers } = v;
  const answered = Object.keys(answers).length;
  parts.answeredText.textContent = `${answered} of ${v.questions.size} answered`;
  parts.answeredMeter.value = answered;
  for (const part of v.root.querySelectorAll("[data-fl-part]")) {
    const ids = [...part.querySelectorAll("[data-fl-question]")].map(
      (question) => /** @type {HTMLElement} */ (question).dataset.flQuestion ?? "",
    );
    const count = part.querySelector("[data-fl-part-count]");
    if (count) count.textContent = `(${ids.filter((id) => id in answers).length} of ${ids.length} answered)`;
  }
  for (const fieldset of parts.form.querySelectorAll("fieldset[data-fl-question]")) {
    const id = /** @type {HTMLElement} */ (fieldset).dataset.flQuestion ?? "";
    fieldset.classList.toggle("fl-question--answered", id in answers);
  }
  drawPrintAnswers(v);
}
