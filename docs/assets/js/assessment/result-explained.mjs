// @ts-check
// The result's explanations, drawn from Python's result dict alone: leverage in each dimension
// (chart and table), the ethics of the plan with its red flags and fair alternatives, and
// "Why this score", the answers that moved each number and by how much.
import { drawBars } from "./charts.mjs";
import { el, number, plural, signed, siteLink } from "./dom.mjs";
import { section } from "./result-summary.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["leverage"]["dimensions"][number]["you"]} SideScore */
/** @typedef {Result["ethics"]["moved_by"][number]} Contribution */
/** @typedef {Result["leverage"]["carried_by"][number]} Share */

/** @param {SideScore | null} score */
function scoreCell(score) {
  if (!score) return el("td", { class: "fl-num" }, "not asked");
  if (score.score === null) return el("td", { class: "fl-num" }, `– (0 of ${score.total})`);
  const value = el("span", { "data-fl-score": "" }, number(score.score));
  return el("td", { class: "fl-num" }, value, ` (${score.answered} of ${score.total})`);
}

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

/** @param {Result} result */
export function drawLeverage(result) {
  const rows = result.leverage.dimensions.map((dimension) =>
    el(
      "tr",
      { "data-fl-dimension-row": dimension.id },
      el("th", { scope: "row" }, dimension.title),
      scoreCell(dimension.you),
      scoreCell(dimension.them),
    ),
  );
  const table = el(
    "table",
    { class: "fl-table" },
    el("caption", {}, "Leverage in each dimension, 0 to 100 (questions answered in brackets)"),
    headRow(["Dimension", "You", "Them"]),
    el("tbody", {}, rows),
  );
  const details = el(
    "details",
    { class: "fl-details", "data-fl-key": "leverage-table" },
    el("summary", {}, "The same numbers as a table"),
    table,
  );
  return section("Where the leverage lies", "leverage", drawBars(result), details);
}

/** @param {URL} siteRoot @param {Result["ethics"]["red_flags"]} flags */
function redFlags(siteRoot, flags) {
  const items = flags.map((flag) =>
    el(
      "li",
      { class: "fl-red-flag", "data-fl-red-flag": flag.question },
      el("p", {}, el("strong", {}, "Red flag: "), `${flag.dimension_title}. You answered “${flag.label}”.`),
      el("p", {}, el("strong", {}, "The fair alternative: "), flag.fair_alternative),
      el("p", {}, siteLink(siteRoot, flag.link, `Read about ${flag.dimension_title.toLowerCase()}`)),
    ),
  );
  return [
    el(
      "h4",
      { id: "fl-red-flags" },
      el("span", { class: "fl-flag-icon", "aria-hidden": "true" }, "⚠ "),
      "Red flags: where your plan crosses the line",
    ),
    el("ul", { class: "fl-red-flags" }, items),
  ];
}

/** @param {URL} siteRoot @param {Result} result */
export function drawEthics(siteRoot, result) {
  const { ethics } = result;
  const flags = ethics.red_flags.length;
  const rows = ethics.dimensions.map((dimension) => {
    const score = dimension.score === null ? "–" : el("span", { "data-fl-score": "" }, number(dimension.score));
    return el(
      "tr",
      { "data-fl-ethics-row": dimension.id },
      el("th", { scope: "row" }, dimension.title),
      el("td", { class: "fl-num" }, score, ` (${dimension.answered} of ${dimension.total})`),
    );
  });
  const table = el(
    "table",
    { class: "fl-table" },
    el("caption", {}, "Fairness of each part of your plan, 0 to 100 (100 is fair; questions answered in brackets)"),
    headRow(["Part of your plan", "Score"]),
    el("tbody", {}, rows),
  );
  const cap =
    ethics.cap &&
    el(
      "p",
      {},
      `Because of the red ${flags === 1 ? "flag" : "flags"}, your ethics score is held at ${ethics.cap.limit} ` +
        `at most (${signed(ethics.cap.change)}), however fair the rest of the plan is.`,
    );
  return section(
    "The ethics of your plan",
    "ethics",
    !flags && ethics.score !== null && el("p", {}, "No answer in your plan is a red flag."),
    ...(flags ? redFlags(siteRoot, ethics.red_flags) : []),
    cap,
    el(
      "details",
      { class: "fl-details", "data-fl-key": "ethics-table" },
      el("summary", {}, "Ethics in each part of your plan"),
      table,
    ),
  );
}

/** @param {URL} siteRoot @param {Contribution[]} moves @param {string} unit */
function movedList(siteRoot, moves, unit) {
  const moving = moves.filter((move) => move.change !== 0);
  const still = moves.length - moving.length;
  const sorted = [...moving].sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const list = el(
    "ul",
    { class: "fl-moves" },
    sorted.map((move) =>
      el(
        "li",
        { "data-fl-move": move.question },
        el(
          "span",
          { class: `fl-move__change fl-move__change--${move.change > 0 ? "up" : "down"}` },
          `${signed(move.change)} ${unit}`,
        ),
        " ",
        el("span", {}, `${move.text} You answered “${move.label}”. `),
        siteLink(siteRoot, move.link, "Why this counts"),
      ),
    ),
  );
  const sitting = plural(still, "other answer sits", "other answers sit");
  return [
    moving.length ? list : el("p", {}, "No answer has moved it yet."),
    still > 0 && el("p", { class: "fl-moves__still" }, `${sitting} at the middle of the scale and did not move it.`),
  ];
}

/** @param {Share[]} items */
function shareList(items) {
  return items.map((item) => `${item.title} (${signed(item.change)})`).join(", ");
}

/**
 * One collapsible explanation; its key keeps it open across redraws.
 * @param {string} key @param {string} summary @param {...import("./dom.mjs").Child} children
 */
function explanation(key, summary, ...children) {
  return el("details", { class: "fl-details", "data-fl-key": key }, el("summary", {}, summary), ...children);
}

/** @param {URL} siteRoot @param {Result["leverage"]} leverage */
function whyLeverage(siteRoot, leverage) {
  const children = [];
  if (leverage.carried_by.length) {
    children.push(el("p", {}, el("strong", {}, "Carried by: "), shareList(leverage.carried_by)));
  }
  if (leverage.held_back_by.length) {
    children.push(el("p", {}, el("strong", {}, "Held back by: "), shareList(leverage.held_back_by)));
  }
  children.push(
    explanation(
      "why-balance",
      `Answers that moved your balance (${signed(leverage.balance.value)})`,
      el(
        "p",
        {},
        "Points of balance each answer added or took away. An answer about them that favours them counts against you.",
      ),
      ...movedList(siteRoot, leverage.balance.moved_by, "points"),
    ),
  );
  for (const dimension of leverage.dimensions) {
    /** @type {Array<[string, string, SideScore]>} */
    const sides = [];
    if (dimension.you.score !== null) sides.push(["you", "Your", dimension.you]);
    if (dimension.them && dimension.them.score !== null) sides.push(["them", "Their", dimension.them]);
    if (!sides.length) continue;
    const scores = sides.map(([who, , score]) => `${who} ${number(score.score)}`).join(", ");
    children.push(
      explanation(
        `why-${dimension.id}`,
        `${dimension.title}: ${scores}`,
        el("p", {}, dimension.summary),
        ...sides.flatMap(([, whose, score]) => [
          el(
            "h5",
            {},
            `${whose} score, ${number(score.score)}: points each answer moved it from the middle of the scale`,
          ),
          ...movedList(siteRoot, score.moved_by, "points"),
        ]),
      ),
    );
  }
  return children;
}

/** @param {URL} siteRoot @param {Result} result */
export function drawWhy(siteRoot, result) {
  const { leverage, ethics } = result;
  const children = leverage.balance.value === null ? [] : whyLeverage(siteRoot, leverage);
  if (ethics.score !== null) {
    children.push(
      explanation(
        "why-ethics",
        `Answers that moved your ethics score (${number(ethics.score)})`,
        el("p", {}, "Points each answer took off a fully fair plan (100)."),
        ...movedList(siteRoot, ethics.moved_by, "points"),
      ),
    );
  }
  if (!children.length) children.push(el("p", {}, "Answer a question to see which answers move each number."));
  return section("Why this score", "why", ...children);
}
