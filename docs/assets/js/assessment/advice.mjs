// @ts-check
// "What to do first", from Python's result dict alone: the advice in the order Python ranked it
// (it weighs how feasible each step is with what it would change, and keeps a place for
// preparation), each with when it can be done, how much work it is and, where Python re-scored
// the step, how far it would move the balance.
import { el, readLink, section, signed } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["advice"][number]} Advice */

/** The answer the step starts from and the one it leads to, when there are both. @param {Advice} advice */
function answers(advice) {
  if (advice.current && advice.better) return `From “${advice.current.label}” to “${advice.better.label}”.`;
  if (advice.current) return `Your answer now: “${advice.current.label}”.`;
  return "Not answered yet.";
}

/** @param {URL} siteRoot @param {Advice} advice */
function drawAdvice(siteRoot, advice) {
  const gain =
    advice.balance_gain !== null &&
    advice.new_balance !== null &&
    el(
      "span",
      { class: "fl-advice__gain", "data-fl-gain": "" },
      ` Balance ${signed(advice.balance_gain)}, to ${signed(advice.new_balance)}.`,
    );
  return el(
    "li",
    { "data-fl-advice": advice.action, "data-fl-advice-type": advice.type },
    el("strong", {}, advice.text),
    gain,
    el("br"),
    el("span", { class: "fl-advice__when" }, `${advice.when.label} · ${advice.effort.label}. `),
    el("span", { class: "fl-advice__answer" }, `${answers(advice)} `),
    readLink(siteRoot, advice.link),
  );
}

/** @param {URL} siteRoot @param {Result} result */
export function drawAdviceList(siteRoot, result) {
  if (!result.advice.length) {
    return section("What to do first", "advice", el("p", {}, "Nothing in your answers so far points to a next step."));
  }
  return section(
    "What to do first",
    "advice",
    el(
      "ol",
      { class: "fl-advice" },
      result.advice.map((advice) => drawAdvice(siteRoot, advice)),
    ),
  );
}
