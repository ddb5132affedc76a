// @ts-check
// The plan on one page, as Python laid it out (assessment/plan_sheet.py): the preview under the
// form, and the only part of the page that prints. Every text is inserted as text.
import { el } from "../assessment/dom.mjs";

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../scorer/protocol.mjs").PlanSheet} PlanSheet */
/** @typedef {import("../scorer/protocol.mjs").SheetBlock} SheetBlock */

/** @param {string[][]} table */
function drawTable(table) {
  const [headings = [], ...rows] = table;
  return el(
    "table",
    { class: "fl-plan-sheet__table" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headings.map((heading) => el("th", { scope: "col" }, heading)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          {},
          row.map((cell) => el("td", {}, cell)),
        ),
      ),
    ),
  );
}

/** @param {SheetBlock} block */
function drawBlock(block) {
  return el(
    "section",
    { class: `fl-plan-sheet__block fl-plan-sheet__block--${block.id}`, "data-fl-sheet-block": block.id },
    el("h3", {}, block.heading),
    block.text && el("p", { class: "fl-plan-sheet__text" }, block.text),
    block.rows.length > 0 &&
      el(
        "dl",
        { class: "fl-plan-sheet__rows" },
        block.rows.flatMap(([label = "", text = ""]) => [el("dt", {}, label), el("dd", {}, text)]),
      ),
    block.table.length > 0 && drawTable(block.table),
    block.items.length > 0 &&
      el(
        "ul",
        { class: block.checklist ? "fl-plan-sheet__checklist" : "fl-plan-sheet__items" },
        block.items.map((item) => el("li", {}, item)),
      ),
  );
}

/** @param {PlanView} v @param {PlanSheet} sheet */
export function drawSheet(v, sheet) {
  const body = v.parts.sheetBody;
  if (!sheet.blocks.length) {
    body.replaceChildren(
      el(
        "p",
        { class: "fl-plan-sheet__empty" },
        "Your plan appears here as you write it, laid out to print on one page.",
      ),
    );
    return;
  }
  body.replaceChildren(
    el("p", { class: "fl-plan-sheet__title", "data-fl-sheet-title": true }, sheet.title),
    el("div", { class: "fl-plan-sheet__blocks" }, sheet.blocks.map(drawBlock)),
  );
}
