// @ts-check
// The result's two charts as inline SVG: the balance scale (-100 to +100, with the balance's
// uncertainty as a band around it) and the bars of each leverage idea, the points of your answer
// and of theirs. They show only numbers Python sent; the same numbers are always in text beside
// them, and the two sides differ by pattern and label, not colour alone.
import { signed, svg } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["leverage"]["dimensions"][number]["you"]} SideAnswer */

const BAR = { top: 22, height: 14, gap: 4, row: 64 };

/** @param {number} value @returns {number} the scale's position in percent */
function position(value) {
  return (Math.min(100, Math.max(-100, value)) + 100) / 2;
}

/**
 * @param {number} balance from -100 (they hold all the leverage) to +100 (you do)
 * @param {number | null} uncertainty the balance's ± in points
 */
export function drawBalanceScale(balance, uncertainty) {
  const range = uncertainty ? ` ± ${uncertainty}` : "";
  const label = `Balance scale from −100 (they hold all the leverage) to +100 (you do): ${signed(balance)}${range}.`;
  const chart = svg("svg", { class: "fl-scale", width: "100%", height: 44, role: "img", "aria-label": label });
  chart.append(
    svg("rect", { x: 0, y: 10, width: "100%", height: 8, rx: 4, class: "fl-scale__track" }),
    svg("line", { x1: "50%", x2: "50%", y1: 4, y2: 24, class: "fl-scale__middle" }),
    svg("text", { x: 0, y: 38, class: "fl-scale__end" }, "They are stronger"),
    svg("text", { x: "100%", y: 38, "text-anchor": "end", class: "fl-scale__end" }, "You are stronger"),
  );
  if (uncertainty) {
    const low = position(balance - uncertainty);
    const high = position(balance + uncertainty);
    chart.append(svg("rect", { x: `${low}%`, y: 6, width: `${high - low}%`, height: 16, class: "fl-scale__range" }));
  }
  chart.append(svg("circle", { cx: `${position(balance)}%`, cy: 14, r: 8, class: "fl-scale__marker" }));
  return chart;
}

// Legend: the two sides differ by pattern and by their written label, not by colour alone.
function legend() {
  const defs = svg("defs");
  const pattern = svg("pattern", {
    id: "fl-hatch",
    width: 6,
    height: 6,
    patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)",
  });
  pattern.append(
    svg("rect", { width: 6, height: 6, class: "fl-bars__them-bg" }),
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "fl-bars__hatch" }),
  );
  defs.append(pattern);
  return [
    defs,
    svg("rect", { x: 0, y: 4, width: 14, height: 14, class: "fl-bars__you" }),
    svg("text", { x: 20, y: 15, class: "fl-bars__legend" }, "You"),
    svg("rect", { x: 64, y: 4, width: 14, height: 14, fill: "url(#fl-hatch)", class: "fl-bars__them" }),
    svg("text", { x: 84, y: 15, class: "fl-bars__legend" }, "Them"),
  ];
}

/**
 * What a bar says in words: the answer's points, or why there are none.
 * @param {"you" | "them"} side
 * @param {SideAnswer | null} answer null when the idea is not asked about this side
 */
export function barText(side, answer) {
  const name = side === "you" ? "You" : "Them";
  if (!answer) return `${name}: not asked`;
  if (answer.points !== null) return `${name} ${answer.points}`;
  return `${name}: ${answer.status === "unknown" ? answer.label : "not answered"}`;
}

/**
 * One side's bar, in a nested viewport 78% wide so the value text always fits on the right.
 * @param {"you" | "them"} side
 * @param {SideAnswer | null} answer
 * @param {number} y
 */
function bar(side, answer, y) {
  const area = svg("svg", { x: 0, y, width: "78%", height: BAR.height });
  area.append(svg("rect", { x: 0, y: 0, width: "100%", height: BAR.height, class: "fl-bars__track" }));
  if (answer && answer.points !== null) {
    /** @type {Record<string, string | number>} */
    const attributes = { x: 0, y: 0, width: `${answer.points}%`, height: BAR.height, class: `fl-bars__${side}` };
    if (side === "them") attributes.fill = "url(#fl-hatch)";
    area.append(svg("rect", attributes));
  }
  // With no points there is no bar: the words go on the empty track, where they always fit.
  const place = answer?.points == null ? { x: 6, "text-anchor": "start" } : { x: "100%", "text-anchor": "end" };
  const value = svg(
    "text",
    { ...place, y: y + BAR.height - 3, class: "fl-bars__value", "data-fl-side": side },
    barText(side, answer),
  );
  return [area, value];
}

/** @param {Result} result */
export function drawBars(result) {
  const dimensions = result.leverage.dimensions;
  const chart = svg("svg", {
    class: "fl-bars",
    width: "100%",
    height: 28 + dimensions.length * BAR.row,
    role: "img",
    "aria-label":
      "Bar chart of the points of your answer and of theirs for each idea, 0 to 100. " +
      "The same answers are in the table below.",
  });
  chart.append(...legend());
  dimensions.forEach((dimension, index) => {
    const y = 28 + index * BAR.row;
    const row = svg("g", { "data-fl-bar": dimension.id });
    row.append(
      svg("text", { x: 0, y: y + 14, class: "fl-bars__title" }, dimension.title),
      ...bar("you", dimension.you, y + BAR.top),
      ...bar("them", dimension.them, y + BAR.top + BAR.height + BAR.gap),
    );
    chart.append(row);
  });
  return chart;
}
