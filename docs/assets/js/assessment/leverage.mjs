// @ts-check
// The leverage in detail, from Python's result dict alone: each side's index (once there is a
// verdict), each idea's answers about you and about them (chart and table), the information gaps
// with how far each could swing the balance, and "Why this balance": the ideas that carried it
// or held it back, and how far each answer moved it.
import { drawBars } from "./charts.mjs";
import { el, explanation, number, plural, readLink, section, signed } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["leverage"]} Leverage */
/** @typedef {Result["leverage"]["dimensions"][number]["you"]} SideAnswer */
/** @typedef {Result["leverage"]["carried_by"][number]} Share */

/** @param {string[]} headings */
function headRow(headings) {
  return el(
    "thead",
    {},
    el(
      "tr",
      {},
      headings.map((heading) => el("th", { scope: "col" }, heading)),
    ),
  );
}

/** @param {SideAnswer | null} answer */
function answerCell(answer) {
  if (!answer) return el("td", {}, "Not asked");
  const attributes = { "data-fl-answer": answer.status, "data-fl-points": answer.points ?? "" };
  if (answer.label === null) return el("td", attributes, "Not answered");
  const points = answer.points === null ? "" : ` (${answer.points})`;
  return el("td", attributes, `${answer.label}${points}`);
}

/** @param {Leverage} leverage */
function table(leverage) {
  const rows = leverage.dimensions.map((dimension) =>
    el(
      "tr",
      { "data-fl-dimension-row": dimension.id },
      el("th", { scope: "row" }, dimension.title),
      el("td", { class: "fl-num" }, `×${dimension.weight}`),
      answerCell(dimension.you),
      answerCell(dimension.them),
    ),
  );
  return el(
    "table",
    { class: "fl-table" },
    el("caption", {}, "Your answer and theirs for each idea, with its points from 0 to 100 and the idea's weight"),
    headRow(["Idea", "Weight", "You", "Them"]),
    el("tbody", {}, rows),
  );
}

/** @param {URL} siteRoot @param {Leverage} leverage */
function gaps(siteRoot, leverage) {
  if (!leverage.gaps.length) return [];
  const items = leverage.gaps.map((gap) =>
    el(
      "li",
      { "data-fl-gap": gap.question, "data-fl-gap-status": gap.status },
      `${gap.text} `,
      el("strong", {}, gap.status === "unknown" ? "You do not know yet." : "Not answered yet."),
      ` It could move the balance by up to ${number(gap.swing)} points. `,
      readLink(siteRoot, gap.link),
    ),
  );
  return [
    el("h4", {}, `What you do not know yet (${plural(leverage.gaps.length, "gap", "gaps")})`),
    el("ul", { class: "fl-gaps" }, items),
  ];
}

/** @param {Leverage} leverage */
function indexes(leverage) {
  if (!leverage.band) return null;
  return el(
    "p",
    { class: "fl-indexes" },
    "Your leverage: ",
    el("strong", { "data-fl-value": "you-index" }, number(leverage.you.index)),
    " · Their leverage: ",
    el("strong", { "data-fl-value": "them-index" }, number(leverage.them.index)),
    " (0 to 100)",
  );
}

/** @param {URL} siteRoot @param {Result} result */
export function drawLeverage(siteRoot, result) {
  const { leverage } = result;
  const details = explanation("leverage-table", "The same answers as a table", table(leverage));
  return section(
    "Where the leverage lies",
    "leverage",
    indexes(leverage),
    drawBars(result),
    details,
    ...gaps(siteRoot, leverage),
  );
}

/** @param {Share[]} items */
function shareList(items) {
  return items.map((item) => `${item.title} (${signed(item.change)})`).join(", ");
}

/** @param {URL} siteRoot @param {Leverage["moved_by"]} moves */
function movedList(siteRoot, moves) {
  const moving = [...moves.filter((move) => move.change !== 0)].sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const still = moves.length - moving.length;
  const list = el(
    "ul",
    { class: "fl-moves" },
    moving.map((move) =>
      el(
        "li",
        { "data-fl-move": move.question },
        el(
          "span",
          { class: `fl-move__change fl-move__change--${move.change > 0 ? "up" : "down"}` },
          `${signed(move.change)} points`,
        ),
        " ",
        el("span", {}, `${move.text} You answered “${move.label}”. `),
        readLink(siteRoot, move.link),
      ),
    ),
  );
  const sitting = plural(still, "other answer sits", "other answers sit");
  return [
    moving.length ? list : el("p", {}, "No answer has moved it yet."),
    still > 0 && el("p", { class: "fl-moves__still" }, `${sitting} at the middle of the scale and did not move it.`),
  ];
}

/** "Why this balance"; nothing until there is a balance. @param {URL} siteRoot @param {Result} result */
export function drawWhy(siteRoot, result) {
  const { leverage } = result;
  if (leverage.balance === null) return null;
  return section(
    "Why this balance",
    "why",
    leverage.carried_by.length > 0 && el("p", {}, el("strong", {}, "Carried by: "), shareList(leverage.carried_by)),
    leverage.held_back_by.length > 0 &&
      el("p", {}, el("strong", {}, "Held back by: "), shareList(leverage.held_back_by)),
    explanation(
      "why-balance",
      `Answers that moved your balance (${signed(leverage.balance)})`,
      el(
        "p",
        {},
        "Points of balance each answer added or took away. An answer about them that favours them counts against you.",
      ),
      ...movedList(siteRoot, leverage.moved_by),
    ),
  );
}
